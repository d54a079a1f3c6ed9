from japandesk.cli import main

main()

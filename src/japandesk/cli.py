"""The `japandesk` command: Django's management commands and ours, with our settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "japandesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["japandesk", *sys.argv[1:]])


if __name__ == "__main__":
    main()

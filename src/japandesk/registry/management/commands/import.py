"""`japandesk import FILE`: import projects and ledger events from an .xlsx or CSV file."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from japandesk.registry.importing import NUMBER_FORMATS, import_file


class Command(BaseCommand):
    help = (
        "Import projects and certificate-ledger events from an .xlsx or CSV file in the import template "
        "(docs/import-template.md). Nothing is written when any row is wrong; exits with status 1 then."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx or .csv file")
        parser.add_argument("--dry-run", action="store_true", help="check the file and report, but write nothing")
        parser.add_argument("--user", help="username recorded as the author in the audit log")
        parser.add_argument(
            "--number-format",
            choices=NUMBER_FORMATS,
            default="en",
            help="how numbers typed as text are written: en = 1,234.56 (default), vi = 1.234,56",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        actor = None
        if options["user"]:
            try:
                actor = get_user_model().objects.get(username=options["user"])
            except get_user_model().DoesNotExist as exc:
                raise CommandError(f"No user named {options['user']!r}.") from exc
        report = import_file(
            path, actor=actor, dry_run=options["dry_run"], number_format=options["number_format"], filename=path.name
        )
        if not report.ok:
            raise CommandError("\n".join([*report.error_lines(), report.summary()]))
        self.stdout.write(report.summary())

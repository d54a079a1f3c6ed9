"""`japandesk monitoring import FILE` and `japandesk monitoring review`: import monitoring reports,
and list the flagged projects and the review list on a date.
"""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from japandesk.registry.importing import NUMBER_FORMATS
from japandesk.screening import importing, queries


class Command(BaseCommand):
    help = (
        "Monitoring of licensed projects. 'import FILE': monitoring reports from an .xlsx or CSV file "
        "(nothing is written when any row is wrong; exits with status 1 then). 'review': the projects "
        "with flags on a date, as JSON, those meeting a ground for termination review first."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import", help="import monitoring reports")
        load.add_argument("file", help="the .xlsx or .csv file")
        load.add_argument("--dry-run", action="store_true", help="check the file and report, but write nothing")
        load.add_argument("--user", help="username recorded as the author in the audit log")
        load.add_argument(
            "--number-format",
            choices=NUMBER_FORMATS,
            default="en",
            help="how numbers typed as text are written: en = 1,234.56 (default), vi = 1.234,56",
        )
        review = actions.add_parser("review", help="flagged projects on a date, as JSON")
        review.add_argument("--as-of", help="the date (YYYY-MM-DD; default: today)")

    def handle(self, *args, **options):
        if options["action"] == "import":
            return self.load(options)
        return self.review(options)

    def load(self, options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        actor = None
        if options["user"]:
            try:
                actor = get_user_model().objects.get(username=options["user"])
            except get_user_model().DoesNotExist as exc:
                raise CommandError(f"No user named {options['user']!r}.") from exc
        report = importing.import_file(
            path, actor=actor, dry_run=options["dry_run"], number_format=options["number_format"], filename=path.name
        )
        if not report.ok:
            raise CommandError("\n".join([*report.error_lines(), report.summary()]))
        self.stdout.write(report.summary())

    def review(self, options):
        try:
            on = datetime.date.fromisoformat(options["as_of"]) if options["as_of"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"Not a date: {options['as_of']!r}; write YYYY-MM-DD.") from exc
        states = [s for s in queries.monitored(on) if s.flags or s.grounds]
        states.sort(key=lambda s: (not s.grounds, s.project.code))
        payload = {
            "as_of": on.isoformat(),
            "projects": [
                {
                    "code": s.project.code,
                    "origin": s.origin,
                    "flags": list(map(str, s.flags)),
                    "review_grounds": list(map(str, s.grounds)),
                    "capital_due_usd": str(s.capital_due_usd),
                    "realised_usd": str(s.realised_usd),
                    "latest_report": s.latest.date.isoformat() if s.latest else None,
                }
                for s in states
            ],
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))

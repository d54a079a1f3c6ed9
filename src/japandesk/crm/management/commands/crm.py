"""`japandesk crm digest`: e-mail each desk officer their daily digest of follow-ups.
`japandesk crm link-projects`: link investment leads to the projects registered lately (after an import)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from japandesk.crm import digest, services


class Command(BaseCommand):
    help = "Investor relations: send the daily digest of overdue tasks, due tasks and unanswered inquiries."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{digest,link-projects}")
        sub = actions.add_parser("digest", help="E-mail each desk officer their follow-ups for the day.")
        sub.add_argument("--date", help="The day of the digest, YYYY-MM-DD (default: today).")
        sub.add_argument("--user", action="append", help="Only this user (may be repeated).")
        sub.add_argument("--dry-run", action="store_true", help="Say what would be sent; send nothing.")
        link = actions.add_parser(
            "link-projects", help="Link investment leads to the projects first registered since a date."
        )
        link.add_argument("--since", help="YYYY-MM-DD (default: 90 days ago).")

    @staticmethod
    def parse_date(text: str | None) -> datetime.date | None:
        if not text:
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"“{text}” is not a date (write YYYY-MM-DD).") from None

    def handle(self, *args, **options):
        if options["action"] == "link-projects":
            leads = services.link_registered_projects(self.parse_date(options.get("since")), source="command")
            for lead in leads:
                self.stdout.write(f"{lead.title} → {lead.project}")
            self.stdout.write(f"Linked {len(leads)} lead(s).")
            return
        on = self.parse_date(options.get("date"))
        users = None
        if options.get("user"):
            User = get_user_model()
            users = list(User.objects.filter(username__in=options["user"]).order_by("username"))
            missing = set(options["user"]) - {u.username for u in users}
            if missing:
                raise CommandError(f"No such user: {', '.join(sorted(missing))}.")
            users = [u for u in users if u.email]
        sent = digest.send_digests(on, users=users, dry_run=options["dry_run"])
        verb = "Would send" if options["dry_run"] else "Sent"
        for username, subject in sent:
            self.stdout.write(f"{verb} to {username}: {subject}")
        self.stdout.write(f"{verb} {len(sent)} digest(s).")

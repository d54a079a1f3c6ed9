"""``japandesk matching``: chores of supplier matching.

- ``remind``: e-mail the suppliers whose profiles expire soon a link to renew them;
- ``import-suppliers FILE`` / ``import-needs FILE``: load profiles or needs from a JSON-lines file in the
  exchange format, all or nothing, matched on their id.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from japandesk.matching import importing, services, tasks


class Command(BaseCommand):
    help = (
        "Supplier matching chores. remind: e-mail suppliers whose profiles expire within 30 days (once each). "
        "import-suppliers FILE, import-needs FILE: load a JSON-lines file in the exchange format, all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["remind", "import-suppliers", "import-needs"])
        parser.add_argument("file", nargs="?", help="The JSON-lines file to import.")
        parser.add_argument("--date", help="remind: act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--enqueue", action="store_true", help="remind: queue the work as a background task instead."
        )
        parser.add_argument("--user", help="import: the user the changes are recorded under.")
        parser.add_argument(
            "--verified", action="store_true", help="import-suppliers: new profiles are verified by the desk."
        )

    def handle(self, *args, **options):
        if options["action"] == "remind":
            return self.remind(options)
        if not options["file"]:
            raise CommandError(_("Name the file to import."))
        actor = None
        if options["user"]:
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(_("There is no user called {name}.").format(name=options["user"]))
        kind = "suppliers" if options["action"] == "import-suppliers" else "needs"
        try:
            outcome = importing.import_file(options["file"], kind, actor=actor, verified=options["verified"])
        except importing.ImportFailed as failure:
            raise CommandError("\n".join([_("Nothing was imported."), *failure.errors])) from failure
        self.stdout.write(
            _("Imported: {created} created, {updated} updated.").format(
                created=outcome.created, updated=outcome.updated
            )
        )

    def remind(self, options):
        on = None
        if options["date"]:
            try:
                on = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(_("--date must be a date written YYYY-MM-DD.")) from error
        if options["enqueue"]:
            result = tasks.send_expiry_reminders.enqueue(on.isoformat() if on else None)
            self.stdout.write(_("Reminders queued (task {id}).").format(id=result.id))
            return
        sent = services.send_expiry_reminders(on)
        self.stdout.write(_("Expiry reminders sent: {count}.").format(count=sent))

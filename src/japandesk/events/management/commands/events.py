import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from japandesk.events import services
from japandesk.events.models import Event


class Command(BaseCommand):
    help = "Events and B2B meetings: export an event to the scheduling exchange format, or send the reminders."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser(
            "export", help="Write an event as an instance of the exchange format (shared/formats/b2b-schedule.md)."
        )
        export.add_argument("event", metavar="EVENT", help="The event's short name (slug) or id.")
        export.add_argument("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output.")
        sub.add_parser(
            "remind",
            help="Expire overdue requests, remind recipients of requests that expire within a day, and send "
            "tomorrow's agendas.",
        )

    def handle(self, *args, **options):
        if options["action"] == "export":
            return self.export(options)
        return self.remind()

    def export(self, options):
        key = options["event"]
        event = Event.objects.filter(slug=key).first()
        if event is None and key.isdigit():
            event = Event.objects.filter(pk=int(key)).first()
        if event is None:
            raise CommandError(_("No event “{event}”.").format(event=key))
        text = json.dumps(services.export_instance(event), ensure_ascii=False, indent=1)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        else:
            self.stdout.write(text)

    def remind(self):
        result = services.send_reminders()
        self.stdout.write(
            _(
                "{expired} requests expired, {expiring} reminders of expiring requests, "
                "{agendas} agendas for tomorrow sent."
            ).format(**result)
        )

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from japandesk.core import formatting
from japandesk.events.scheduling.greedy import first_come
from japandesk.events.scheduling.instance import (
    InstanceError,
    answer_to_dict,
    load_instance,
    parse_answer,
    read_json,
)
from japandesk.events.scheduling.reschedule import reschedule
from japandesk.events.scheduling.solver import DEFAULT_TIME_LIMIT, solve

SHOWN_UNSCHEDULED = 20


class Command(BaseCommand):
    help = _(
        "Schedule the accepted B2B meetings of an event onto slots and tables, from an instance in the "
        "exchange format (shared/formats/b2b-schedule.md): the highest priority sum first, then the fewest "
        "idle gaps. With --previous, reschedule after late changes, keeping pinned meetings in place and "
        "moving as few scheduled meetings as possible."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "instance", metavar="INSTANCE.json", help=_("The instance, a JSON file in the exchange format.")
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            default=DEFAULT_TIME_LIMIT,
            dest="time_limit",
            metavar="SECONDS",
            help=_("Seconds the solver may take (default: %(default)s)."),
        )
        parser.add_argument(
            "--json", action="store_true", help=_("Print only the answer, as JSON in the exchange format.")
        )
        parser.add_argument(
            "--previous",
            metavar="ANSWER.json",
            help=_(
                "A previous answer to reschedule from. It may carry a “pinned” list of meeting ids that must "
                "keep their slot and table."
            ),
        )
        parser.add_argument(
            "--pin",
            default="",
            metavar="IDS",
            help=_(
                "Meeting ids, separated by commas, that keep their slot and table from --previous "
                "(added to the answer's own “pinned” list)."
            ),
        )
        parser.add_argument(
            "--greedy",
            action="store_true",
            help=_("Use the first-come baseline instead of the solver (for comparison)."),
        )
        parser.add_argument(
            "--workers",
            type=int,
            metavar="N",
            default=None,
            help=_("Solver threads (default: every core of the machine)."),
        )

    def handle(self, *args, **options):
        if options["time_limit"] <= 0:
            raise CommandError(_("--time-limit takes a positive number of seconds."))
        if options["workers"] is not None and options["workers"] < 1:
            raise CommandError(_("--workers takes a whole number from 1."))
        pins = [item.strip() for item in options["pin"].split(",") if item.strip()]
        if pins and not options["previous"]:
            raise CommandError(_("--pin needs --previous: a pinned meeting keeps its slot from the previous answer."))
        if options["greedy"] and options["previous"]:
            raise CommandError(_("--greedy schedules from scratch and cannot be combined with --previous."))
        try:
            instance = load_instance(options["instance"])
            if options["greedy"]:
                answer = first_come(instance)
            elif options["previous"]:
                previous = parse_answer(read_json(options["previous"], _("previous answer")))
                answer = reschedule(
                    instance, previous, pins, time_limit=options["time_limit"], workers=options["workers"]
                )
            else:
                answer = solve(instance, time_limit=options["time_limit"], workers=options["workers"])
        except InstanceError as error:
            raise CommandError(str(error)) from None
        document = answer_to_dict(instance, answer)
        if options["json"]:
            self.stdout.write(json.dumps(document, ensure_ascii=False))
        else:
            self.stdout.write(self.summary(instance, document))

    def summary(self, instance, document: dict) -> str:
        objective, bound = document["objective"], document["bound"]["priority"]
        total = len(instance.meetings)
        share = objective["priority"] / bound if bound else 1
        rows = [
            (pgettext("conference", "Event"), instance.event or "-"),
            (
                _("Meetings scheduled"),
                _("{scheduled} of {total}").format(
                    scheduled=formatting.number(objective["scheduled"]), total=formatting.number(total)
                ),
            ),
            (
                _("Priority sum"),
                _("{priority} of a proven bound of {bound} ({share})").format(
                    priority=formatting.number(objective["priority"]),
                    bound=formatting.number(bound),
                    share=formatting.number(share * 100, digits=1) + " %",
                ),
            ),
            (_("Idle gaps"), formatting.number(objective["idle_gaps"])),
            (_("Proven optimal"), _("yes") if document["optimal"] else _("no")),
            (_("Solving time"), _("{seconds} s").format(seconds=formatting.number(document["seconds"], digits=1))),
        ]
        width = max(len(label) for label, _value in rows)
        lines = [f"{label.ljust(width)}  {value}" for label, value in rows]
        unscheduled = document["unscheduled"]
        if unscheduled:
            shown = ", ".join(unscheduled[:SHOWN_UNSCHEDULED])
            if len(unscheduled) > SHOWN_UNSCHEDULED:
                shown += " " + _("and {count} more").format(count=len(unscheduled) - SHOWN_UNSCHEDULED)
            lines.append(_("Unscheduled: {meetings}").format(meetings=shown))
        return "\n".join(lines)

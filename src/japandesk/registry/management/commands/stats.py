import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core import formatting
from japandesk.registry import queries
from japandesk.registry.models import Country


def parse_date(value: str, option: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("{option} takes a date written YYYY-MM-DD, not “{value}”.").format(option=option, value=value)
        ) from None


class Command(BaseCommand):
    help = _(
        "Print the registry's headline figures as of a date: active projects, registered capital, "
        "origin economies, an origin's share of capital and the capital attracted in a period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", metavar="DATE", help=_("The date, YYYY-MM-DD (default: today)."))
        parser.add_argument(
            "--origin", metavar="CC", help=_("Only projects from this origin economy (ISO code, e.g. JP).")
        )
        parser.add_argument(
            "--in-zones",
            action="store_true",
            help=_("Only projects in industrial parks and economic zones."),
        )
        parser.add_argument(
            "--from",
            dest="period_from",
            metavar="DATE",
            help=_("Start of the period for the capital attracted (new registrations and increases)."),
        )
        parser.add_argument("--json", action="store_true", help=_("Print one JSON object."))

    def handle(self, *args, **options):
        on = parse_date(options["as_of"], "--as-of") if options["as_of"] else timezone.localdate()
        start = parse_date(options["period_from"], "--from") if options["period_from"] else None
        if start and start > on:
            raise CommandError(
                _("--from ({start}) comes after --as-of ({end}).").format(start=start.isoformat(), end=on.isoformat())
            )
        origin = (options["origin"] or "").strip().upper() or None
        if origin and not Country.objects.filter(code=origin).exists():
            raise CommandError(
                _("Unknown origin economy “{code}”: use an ISO 3166 code such as JP.").format(code=origin)
            )
        payload = queries.stats_payload(on, origin=origin, in_zones=options["in_zones"], period_from=start)
        if options["json"]:
            self.stdout.write(json.dumps(payload))
        else:
            self.stdout.write(self.table(payload))

    def table(self, payload: dict) -> str:
        def money(value) -> str:
            return formatting.number(value, digits=2)

        scope = []
        if payload["origin"]:
            scope.append(_("origin {code}").format(code=payload["origin"]))
        if payload["in_zones"]:
            scope.append(_("in industrial parks and economic zones"))
        title = _("Registry as of {date}").format(date=payload["as_of"])
        if scope:
            title += " (" + ", ".join(scope) + ")"
        rows = [
            (_("Active projects"), formatting.number(payload["projects"])),
            (_("Registered capital (USD)"), money(payload["registered_capital_usd"])),
            (_("Origin economies"), formatting.number(payload["origin_economies"])),
            (_("Share of the province's capital"), formatting.percent(payload["share_of_capital"])),
            (_("Realised capital (USD)"), money(payload["realised_usd"])),
            (_("Province: active projects"), formatting.number(payload["province_projects"])),
            (_("Province: registered capital (USD)"), money(payload["province_capital_usd"])),
        ]
        if "attracted_usd" in payload:
            rows += [
                (
                    _("Attracted {start} to {end} (USD)").format(start=payload["from"], end=payload["as_of"]),
                    money(payload["attracted_usd"]),
                ),
                (_("  new projects"), formatting.number(payload["new_projects"])),
                (_("  new registrations (USD)"), money(payload["new_capital_usd"])),
                (_("  capital increases"), formatting.number(payload["increases"])),
                (_("  capital increases (USD)"), money(payload["increase_capital_usd"])),
            ]
        lines = [title]
        width = max(len(label) for label, _value in rows)
        lines += [f"  {label.ljust(width)}  {value}" for label, value in rows]
        if payload["by_origin"]:
            lines.append(_("By origin economy"))
            for bucket in payload["by_origin"]:
                lines.append(
                    f"  {bucket['origin'] or '?':<4}{formatting.number(bucket['projects']):>6}  "
                    f"{money(bucket['capital_usd'])}"
                )
        return "\n".join(lines)

"""The as-of dashboard: the registry's figures for any date, period and filter, each one a
link to the rows behind it. The figures come from `queries.summary` and
`queries.yearly_series`; this view only lays them out.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.registry import analytics, queries
from japandesk.registry.choices import ATTRACTING_KINDS, EventKind, ProjectStatus
from japandesk.registry.forms import DashboardForm, dashboard_choices
from japandesk.registry.models import Country
from japandesk.registry.views.base import RegistryContextMixin, today, url_with
from japandesk.zones.choices import ZoneKind

MILLION = Decimal(1_000_000)
# Zones listed in the table by default, the largest first; a country has hundreds.
ZONE_ROWS = 20


def _million(value: Decimal) -> float:
    return float(round(value / MILLION, 2))


class DashboardView(StaffRequiredMixin, RegistryContextMixin, TemplateView):
    template_name = "registry/dashboard.html"

    def get_template_names(self):
        htmx = getattr(self.request, "htmx", None)
        if htmx and not htmx.history_restore_request:
            return ["registry/dashboard.html#results"]
        return [self.template_name]

    def read_form(self):
        choices = dashboard_choices(origin_ids=analytics.ledger_copy().origins_named)
        form = DashboardForm(self.request.GET, **choices)
        form.is_valid()
        # A field that does not validate falls back to its default; the others still apply.
        data = form.cleaned_data
        on = data.get("as_of") or today()
        period_from = data.get("period_from") or datetime.date(on.year, 1, 1)
        if period_from > on:
            period_from = datetime.date(on.year, 1, 1)
        filters = queries.Filters(
            origin=data.get("origin") or None,
            sector=data.get("sector") or None,
            zone_kind=data.get("zone_kind") or None,
            zone=data.get("zone") or None,
            in_zones=bool(data.get("in_zones")),
        )
        return form, on, period_from, filters, choices

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, on, period_from, filters, choices = self.read_form()
        figures = queries.summary(on, filters, period_from)
        series = queries.yearly_series(on, filters)
        focus = settings.JAPANDESK_FOCUS_COUNTRY

        projects_url = reverse("registry:project-list")
        events_url = reverse("registry:event-list")
        base = {"as_of": on, "status": ProjectStatus.ACTIVE.value, **filters.as_query()}

        def projects_link(**extra):
            return url_with(projects_url, {**base, **extra})

        def events_link(start, end, kinds=ATTRACTING_KINDS):
            return url_with(
                events_url,
                {"date_from": start, "date_to": end, "kind": [str(k) for k in kinds], **filters.as_query()},
            )

        for name in ("by_origin", "by_sector", "by_zone_kind", "by_zone"):
            for bucket in figures[name]:
                bucket.url = projects_link(**bucket.query)
        for bucket in figures["by_zone_kind"]:
            if bucket.key is None:
                bucket.label = _("Outside any zone")

        focus_bucket = next((b for b in figures["by_origin"] if b.key == focus), None)
        countries = {c.code: c for c in choices["origins"]}
        focus_country = countries.get(focus) or Country.objects.filter(code=focus).first()

        period = figures["period"]
        period["url"] = events_link(period_from, on)
        period["new_url"] = events_link(period_from, on, [EventKind.REGISTRATION])
        period["increase_url"] = events_link(period_from, on, [EventKind.INCREASE])

        for row in series:
            year_end = min(datetime.date(row["year"], 12, 31), on)
            year_start = datetime.date(row["year"], 1, 1)
            row["projects_url"] = url_with(projects_url, {**base, "as_of": year_end})
            row["attracted_url"] = events_link(year_start, year_end)

        all_zones = self.request.GET.get("zones") == "all"
        zone_rows = figures["by_zone"] if all_zones else figures["by_zone"][:ZONE_ROWS]
        zone_rest = [] if all_zones else figures["by_zone"][ZONE_ROWS:]
        registered = figures["registered_capital_usd"]
        realised = figures["realised_usd"]
        context.update(
            {
                "form": form,
                "as_of": on,
                "period_from": period_from,
                "filters": filters,
                "figures": figures,
                "period": period,
                "series": series,
                "focus_code": focus,
                "focus_country": focus_country,
                "focus": {
                    "projects": focus_bucket.projects if focus_bucket else 0,
                    "capital_usd": focus_bucket.capital_usd if focus_bucket else Decimal(0),
                    "share": focus_bucket.share_of_capital if focus_bucket else Decimal(0),
                    "url": projects_link(origin=focus),
                },
                "projects_url": projects_link(),
                "realised_ratio": (realised / registered) if registered else Decimal(0),
                "chart_data": self.chart_data(figures, series),
                "zone_rows": zone_rows,
                "zone_rest": {
                    "zones": len(zone_rest),
                    "projects": sum(b.projects for b in zone_rest),
                    "capital_usd": sum((b.capital_usd for b in zone_rest), Decimal(0)),
                    "url": url_with(self.request.path, {**self.request.GET.dict(), "zones": "all"}) + "#by-zone",
                },
                "zone_kinds": ZoneKind,
            }
        )
        return context

    @staticmethod
    def chart_data(figures, series) -> dict:
        """Plain data for the charts, in millions of USD; the tables beside them give the same figures."""

        def buckets(rows, limit=12):
            rows = list(rows)
            head, tail = rows[:limit], rows[limit:]
            labels = [str(b.label) for b in head]
            capital = [_million(b.capital_usd) for b in head]
            projects = [b.projects for b in head]
            if tail:
                labels.append(_("Others"))
                capital.append(_million(sum((b.capital_usd for b in tail), Decimal(0))))
                projects.append(sum(b.projects for b in tail))
            return {"labels": labels, "capital": capital, "projects": projects}

        return {
            "labels": {
                "capital": _("Registered capital (million USD)"),
                "projects": _("Active projects"),
                "registered": _("Registered capital at year end (million USD)"),
                "attracted": _("Attracted (million USD)"),
                "realised": _("Realised (million USD)"),
            },
            "origin": buckets(figures["by_origin"]),
            "sector": buckets(figures["by_sector"]),
            "zone_kind": buckets(figures["by_zone_kind"]),
            "zone": buckets(figures["by_zone"]),
            "series": {
                "labels": [str(row["year"]) for row in series],
                "registered": [_million(row["registered_capital_usd"]) for row in series],
                "attracted": [_million(row["attracted_usd"]) for row in series],
                "realised": [_million(row["realised_usd"]) for row in series],
                "projects": [row["projects"] for row in series],
            },
        }

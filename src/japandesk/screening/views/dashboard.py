"""The effectiveness dashboard: what licensed projects promised against what they delivered,
on any date, by origin, sector and zone, with Japanese projects beside all FDI and the trend.
Every figure links to the monitored projects behind it.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.registry.views.base import url_with
from japandesk.screening import queries
from japandesk.screening.choices import Flag, ReviewGround
from japandesk.screening.forms import AsOfForm


def selection_from(params) -> queries.Selection:
    zone = params.get("zone")
    flag = params.get("flag") or None
    ground = params.get("ground") or None
    return queries.Selection(
        origin=(params.get("origin") or "").upper() or None,
        sector=(params.get("sector") or "").upper() or None,
        zone=int(zone) if zone and zone.isdigit() else None,
        flag=flag if flag in Flag.values else None,
        ground=ground if ground in ReviewGround.values else None,
    )


def chart_data(trend: list[dict]) -> dict:
    return {
        "years": [row["year"] for row in trend],
        "committed": [float(row["all"].committed_capital_usd) for row in trend],
        "due": [float(row["all"].capital_due_usd) for row in trend],
        "realised": [float(row["all"].realised_usd) for row in trend],
        "japan_committed": [float(row["japan"].committed_capital_usd) for row in trend],
        "japan_realised": [float(row["japan"].realised_usd) for row in trend],
        "jobs_committed": [row["all"].committed_jobs for row in trend],
        "jobs": [row["all"].jobs for row in trend],
        "labels": {
            "committed": _("Committed"),
            "due": _("Due by the date"),
            "realised": _("Realised"),
            "japan": _("Japan: realised"),
        },
    }


class DashboardView(StaffRequiredMixin, TemplateView):
    template_name = "screening/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AsOfForm(self.request.GET)
        on = form.as_of_date()
        figures = queries.effectiveness(on)
        trend = queries.trend(on)
        rows_url = reverse("screening:monitoring-list")

        def link(**query):
            return url_with(rows_url, {"as_of": on, **query})

        for name in ("by_origin", "by_sector", "by_zone"):
            for totals in figures[name]:
                totals.url = link(**totals.query)
        figures["total"].url = link()
        figures["japan"].url = link(origin=queries.JAPAN)
        context.update(
            {
                "form": form,
                "as_of": on,
                "figures": figures,
                "trend": trend,
                "chart_data": chart_data(trend),
                "flags": [(key, label, figures["flags"][key], link(flag=key)) for key, label in Flag.choices],
                "grounds": [
                    (key, label, figures["grounds"][key], link(ground=key, review=1))
                    for key, label in ReviewGround.choices
                ],
                "trend_rows": [
                    {
                        **row,
                        "url": url_with(rows_url, {"as_of": row["on"]}),
                        "japan_url": url_with(rows_url, {"as_of": row["on"], "origin": queries.JAPAN}),
                    }
                    for row in trend
                ],
            }
        )
        return context

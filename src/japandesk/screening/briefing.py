"""The leader briefing for a date, in Vietnamese, Japanese or English: registry figures, the
CRM pipeline where there is one, effectiveness figures and flags, and charts, as a one-page
PDF (WeasyPrint, with Noto Sans CJK JP for Japanese) and as an Excel workbook.

Charts are drawn here as inline SVG, so that the PDF needs nothing but WeasyPrint.
"""

import datetime
import io
from decimal import Decimal
from xml.sax.saxutils import escape

from django.apps import apps
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from japandesk.core import formatting
from japandesk.registry import queries as registry_queries
from japandesk.screening import queries
from japandesk.screening.choices import Flag, ReviewGround

FONT = '"Noto Sans CJK JP", "Noto Sans", sans-serif'
PALETTE = ("#0d6efd", "#dc3545", "#198754", "#fd7e14", "#6f42c1", "#20c997")
FLAGGED_SHOWN = 6


def bar_chart(title: str, labels: list[str], series: list[tuple[str, list[float]]], width=340, height=150) -> str:
    """A grouped horizontal bar chart as SVG: one group of bars per label, one bar per series."""
    top, left, right, legend = 22, 110, 10, 16
    rows = max(len(labels), 1)
    group = (height - top - legend - 6) / rows
    bar = max(min(group / (len(series) + 0.6), 14), 3)
    largest = max([v for _name, values in series for v in values] + [1])
    scale = (width - left - right) / largest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" font-family=\'{FONT}\' font-size="8">',
        f'<text x="0" y="12" font-size="10" font-weight="bold">{escape(title)}</text>',
    ]
    for i, label in enumerate(labels):
        y0 = top + i * group
        parts.append(f'<text x="{left - 4}" y="{y0 + group / 2 + 3:.1f}" text-anchor="end">{escape(label[:22])}</text>')
        for j, (_name, values) in enumerate(series):
            value = values[i]
            y = y0 + j * bar + 1
            parts.append(
                f'<rect x="{left}" y="{y:.1f}" width="{max(value * scale, 0):.1f}" height="{bar - 1:.1f}" '
                f'fill="{PALETTE[j % len(PALETTE)]}"/>'
            )
    x = left
    for j, (name, _values) in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="{height - 10}" width="8" height="8" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 11}" y="{height - 3}">{escape(name)}</text>'
        )
        x += 11 + sum(8 if ord(char) > 0x2E7F else 4.6 for char in name) + 10
    parts.append("</svg>")
    return "".join(parts)


def pipeline(on: datetime.date) -> list[dict] | None:
    """Open leads by pipeline and stage when the CRM provides leads; None otherwise."""
    try:
        Lead = apps.get_model("crm", "Lead")
    except LookupError:
        return None
    field_names = {f.name for f in Lead._meta.get_fields()}
    leads = Lead.objects.all()
    if "created_at" in field_names:
        leads = leads.filter(created_at__date__lte=on)
    related = [name for name in ("pipeline", "stage") if name in field_names]
    groups: dict[tuple[str, str], dict] = {}
    for lead in leads.select_related(*related):
        key = (str(getattr(lead, "pipeline", "") or ""), str(getattr(lead, "stage", "") or ""))
        group = groups.setdefault(key, {"pipeline": key[0], "stage": key[1], "leads": 0, "capital_usd": Decimal(0)})
        group["leads"] += 1
        group["capital_usd"] += getattr(lead, "estimated_capital_usd", None) or Decimal(0)
    return sorted(groups.values(), key=lambda g: (g["pipeline"], g["stage"]))


def pipeline_totals(stages: list[dict] | None) -> list[dict] | None:
    """Leads and estimated capital by pipeline (the one-page PDF has no room for every stage)."""
    if stages is None:
        return None
    totals: dict[str, dict] = {}
    for group in stages:
        total = totals.setdefault(group["pipeline"], {"pipeline": group["pipeline"], "leads": 0, "capital_usd": 0})
        total["leads"] += group["leads"]
        total["capital_usd"] += group["capital_usd"]
    return list(totals.values())


def build(on: datetime.date) -> dict:
    """The briefing's figures for `on`, in the active language."""
    registry = registry_queries.summary(on)
    japan = registry_queries.summary(on, registry_queries.Filters(origin=queries.JAPAN))
    states = queries.monitored(on)
    figures = queries.effectiveness(on, states)
    flagged = sorted(
        (s for s in states if s.flags), key=lambda s: (-len(s.grounds), -s.capital_shortfall_usd, s.project.code)
    )
    stages = pipeline(on)
    top_origins = registry["by_origin"][:6]
    million = Decimal(1_000_000)
    charts = {
        "origins": bar_chart(
            _("Registered capital by origin (million USD)"),
            [str(b.label) for b in top_origins],
            [(_("Registered"), [float(b.capital_usd / million) for b in top_origins])],
        ),
        "delivery": bar_chart(
            _("Promised against delivered capital (million USD)"),
            [_("All FDI"), str(figures["japan"].label)],
            [
                (
                    _("Committed"),
                    [float(t.committed_capital_usd / million) for t in (figures["total"], figures["japan"])],
                ),
                (
                    _("Due by the date"),
                    [float(t.capital_due_usd / million) for t in (figures["total"], figures["japan"])],
                ),
                (_("Realised"), [float(t.realised_usd / million) for t in (figures["total"], figures["japan"])]),
            ],
        ),
    }
    return {
        "on": on,
        "registry": registry,
        "japan": japan,
        "japan_share": (japan["registered_capital_usd"] / registry["registered_capital_usd"])
        if registry["registered_capital_usd"]
        else Decimal(0),
        "effectiveness": figures,
        "flag_counts": [(Flag(k).label, v) for k, v in figures["flags"].items()],
        "ground_counts": [(ReviewGround(k).label, v) for k, v in figures["grounds"].items()],
        "review": sum(1 for s in states if s.grounds),
        "flagged": flagged[:FLAGGED_SHOWN],
        "flagged_total": len(flagged),
        "flagged_all": flagged,
        "pipeline": stages,
        "pipeline_totals": pipeline_totals(stages),
        "charts": {key: mark_safe(svg) for key, svg in charts.items()},  # noqa: S308 - built here, labels escaped
    }


def render_html(on: datetime.date, language: str) -> str:
    with translation.override(language):
        data = build(on)
        return render_to_string("screening/briefing_pdf.html", {"b": data, "language": language, "font": FONT})


def pdf(on: datetime.date, language: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(on, language)).write_pdf()


def workbook(on: datetime.date, language: str) -> bytes:
    """The briefing as an Excel workbook: figures, flags, breakdowns and a chart."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    with translation.override(language):
        data = build(on)
        book = Workbook()
        sheet = book.active
        sheet.title = _("Briefing")[:31]
        bold = Font(bold=True)
        registry, figures = data["registry"], data["effectiveness"]
        total, japan = figures["total"], figures["japan"]
        rows = [
            (_("Leader briefing"), formatting.date(on)),
            (),
            (_("Registry"), None),
            (_("Active projects"), registry["projects"]),
            (_("Registered capital (USD)"), registry["registered_capital_usd"]),
            (_("Realised capital (USD)"), registry["realised_usd"]),
            (_("Japanese projects"), data["japan"]["projects"]),
            (_("Japanese registered capital (USD)"), data["japan"]["registered_capital_usd"]),
            (_("Japan's share of capital"), data["japan_share"]),
            (),
            (_("Promised against delivered"), _("All FDI"), str(japan.label)),
            (_("Monitored projects"), total.projects, japan.projects),
            (_("Committed capital (USD)"), total.committed_capital_usd, japan.committed_capital_usd),
            (_("Capital due by the date (USD)"), total.capital_due_usd, japan.capital_due_usd),
            (_("Realised capital (USD)"), total.realised_usd, japan.realised_usd),
            (_("Committed jobs"), total.committed_jobs, japan.committed_jobs),
            (_("Jobs"), total.jobs, japan.jobs),
            (_("Tax per hectare (USD)"), total.tax_per_ha_usd, japan.tax_per_ha_usd),
            (_("Projects with a flag"), total.flagged, japan.flagged),
            (_("Projects for termination review"), data["review"], None),
        ]
        for row in rows:
            sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
        for cell in (sheet["A1"], sheet["A3"], sheet["A11"]):
            cell.font = bold
        sheet.column_dimensions["A"].width = 42
        sheet.column_dimensions["B"].width = 20
        sheet.column_dimensions["C"].width = 20
        chart = BarChart()
        chart.type = "bar"
        chart.title = _("Promised against delivered capital (USD)")
        chart.add_data(Reference(sheet, min_col=2, max_col=3, min_row=11, max_row=15), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=12, max_row=15))
        sheet.add_chart(chart, "E3")

        flags = book.create_sheet(_("Flags")[:31])
        flags.append([_("Project"), _("Name"), _("Flags"), _("Grounds for review"), _("Capital shortfall (USD)")])
        for state in data["flagged_all"]:
            flags.append(
                [
                    state.project.code,
                    state.project.name,
                    "; ".join(str(label) for label in state.flag_labels),
                    "; ".join(str(label) for label in state.ground_labels),
                    float(state.capital_shortfall_usd),
                ]
            )
        for cell in flags[1]:
            cell.font = bold

        origins = book.create_sheet(_("By origin")[:31])
        origins.append(
            [_("Origin economy"), _("Projects"), _("Committed capital (USD)"), _("Realised capital (USD)"), _("Jobs")]
        )
        for totals in figures["by_origin"]:
            origins.append(
                [
                    str(totals.label),
                    totals.projects,
                    float(totals.committed_capital_usd),
                    float(totals.realised_usd),
                    totals.jobs,
                ]
            )
        for cell in origins[1]:
            cell.font = bold
        if data["pipeline"] is not None:
            leads = book.create_sheet(_("Pipeline")[:31])
            leads.append([_("Pipeline"), _("Stage"), _("Leads"), _("Estimated capital (USD)")])
            for group in data["pipeline"]:
                leads.append([group["pipeline"], group["stage"], group["leads"], float(group["capital_usd"])])
        buffer = io.BytesIO()
        book.save(buffer)
    return buffer.getvalue()

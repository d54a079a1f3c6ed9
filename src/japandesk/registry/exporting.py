"""Export of any list to .xlsx and CSV, and the rows of the registry's own lists.

`export_response(rows, columns, filename, fmt)` turns an iterable of dicts into a
download. CSV is UTF-8 with a byte-order mark, so that Excel shows Vietnamese and
Japanese correctly, and is streamed; .xlsx is written with openpyxl's write-only
mode, numbers as numbers and dates as dates. `ledger_rows` writes ledger events in
the import template's columns, so an exported ledger imports back as "unchanged".
"""

import csv
import datetime
import tempfile
from decimal import Decimal

from django.db.models import Prefetch
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from japandesk.registry.choices import EventKind, ProjectStatus
from japandesk.registry.importing import COLUMNS
from japandesk.registry.models import Country, Participation

FORMATS = ("csv", "xlsx")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK_SIZE = 2000

# The import template's columns, each headed in Vietnamese and English.
LEDGER_COLUMNS = [(column.key, column.header) for column in COLUMNS]


class _Echo:
    """A file-like object whose write() returns what it was given, for csv.writer."""

    def write(self, value):
        return value


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _csv_lines(rows, columns):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(header) for _key, header in columns])
    keys = [key for key, _header in columns]
    for row in rows:
        yield writer.writerow([_csv_value(row.get(key)) for key in keys])


def _xlsx_file(rows, columns):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.freeze_panes = "A2"
    for position, (_key, header) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(position)].width = min(max(len(str(header)) + 2, 12), 40)
    bold = Font(bold=True)
    header_cells = []
    for _key, header in columns:
        cell = WriteOnlyCell(sheet, str(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    keys = [key for key, _header in columns]
    for row in rows:
        values = []
        for key in keys:
            value = row.get(key)
            if isinstance(value, bool):
                value = int(value)
            elif isinstance(value, datetime.datetime):
                # Excel has no time zones: write the local time.
                value = (timezone.localtime(value) if timezone.is_aware(value) else value).replace(tzinfo=None)
            elif value is not None and not isinstance(value, int | float | Decimal | datetime.date):
                text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
                # A text that starts with "=" stays text, never a formula.
                value = WriteOnlyCell(sheet, text)
                value.data_type = "s"
            values.append(value)
        sheet.append(values)
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle


def export_response(rows, columns, filename: str, fmt: str):
    """A download of `rows` (dicts) in `columns` ((key, header) pairs) as "csv" or "xlsx"."""
    if fmt not in FORMATS:
        raise Http404(_("Unknown export format."))
    if not filename.lower().endswith("." + fmt):
        filename = f"{filename}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(rows, columns), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
    return FileResponse(
        _xlsx_file(rows, columns), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )


def ledger_rows(queryset):
    """Ledger events in the import template's columns: one row per event with its leading
    investor, then one continuation row for each further investor. Amounts are magnitudes.
    """
    participations = Participation.objects.select_related("investor__country").order_by("-share", "id")
    events = queryset.select_related("project__sector", "project__zone").prefetch_related(
        Prefetch("participations", queryset=participations)
    )
    for event in events.iterator(chunk_size=CHUNK_SIZE):
        project = event.project
        sign = -1 if event.kind == EventKind.DECREASE else 1
        row = {
            "project_code": project.code,
            "project_name": project.name,
            "project_name_latin": project.name_latin,
            "sector": project.sector.code,
            "zone": project.zone.code if project.zone_id else "",
            "location": project.location,
            "land_area_ha": project.land_area_ha,
            "planned_jobs": project.planned_jobs,
            "event": str(EventKind(event.kind).label),
            "date": event.date,
            "certificate_no": event.certificate_no,
            "amount_usd": sign * event.capital_change_usd,
            "amount_vnd": sign * event.capital_change_vnd,
            "note": event.note,
        }
        lineup = list(event.participations.all())
        for position, participation in enumerate(lineup or [None]):
            if position:
                row = {"project_code": project.code, "certificate_no": event.certificate_no}
            if participation is not None:
                investor = participation.investor
                row.update(
                    investor_name=investor.name,
                    investor_name_latin=investor.name_latin,
                    investor_kana=investor.name_kana,
                    investor_country=investor.country.code,
                    share=participation.share,
                )
            yield row


def project_columns(on: datetime.date) -> list[tuple[str, str]]:
    """Headers of `project_rows`, in the reader's language."""
    from japandesk.core.formatting import date as format_date

    return [
        ("code", _("Project code")),
        ("name", _("Name")),
        ("name_latin", _("Latin name")),
        ("sector_code", _("VSIC sector code")),
        ("sector", _("Sector")),
        ("zone", _("Zone")),
        ("origin_code", _("Origin economy code")),
        ("origin", _("Origin economy")),
        ("registered_on", _("Registered on")),
        ("status", _("Status")),
        ("capital_usd", _("Registered capital (USD) on {date}").format(date=format_date(on))),
    ]


def project_rows(queryset, on: datetime.date):
    """Projects with their state on `on` (see `Project.objects.as_of`), for `project_columns(on)`."""
    if "capital_usd" not in queryset.query.annotations:
        queryset = queryset.as_of(on)
    countries = {country.code: country for country in Country.objects.all()}
    statuses = dict(ProjectStatus.choices)
    for project in queryset.select_related("sector", "zone").iterator(chunk_size=CHUNK_SIZE):
        country = countries.get(project.origin_code)
        yield {
            "code": project.code,
            "name": project.name,
            "name_latin": project.name_latin,
            "sector_code": project.sector.code,
            "sector": project.sector.name,
            "zone": project.zone.display_name if project.zone_id else "",
            "origin_code": project.origin_code or "",
            "origin": country.name if country else "",
            "registered_on": project.registered_on,
            "status": str(statuses.get(project.status, project.status)),
            "capital_usd": project.capital_usd,
        }

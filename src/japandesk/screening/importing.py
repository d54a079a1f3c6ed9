"""Import of monitoring reports from a spreadsheet (.xlsx or CSV), with the registry
import's rules: the file is read whole, every bad row is reported with its line number and
the reason, nothing is written unless every row is right, and a file imported twice changes
nothing the second time (a report already stored with the same figures is left as it is; one
with other figures for the same project and date is an error, to be corrected on its page).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from japandesk.core.formatting import parse_decimal
from japandesk.core.importing import ReportErrors
from japandesk.registry.importing import ImportFileError, _table, _text, fold
from japandesk.registry.models import Project
from japandesk.screening import services
from japandesk.screening.models import MonitoringReport

SOURCE = "import"
PREVIEW_ROWS = 20
MONEY_PLACES = Decimal("0.01")
LAND_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    vi: str
    required: bool = False

    @property
    def label(self) -> str:
        return _(self.en)


COLUMNS = (
    Column("project_code", gettext_noop("Project code"), "Mã dự án", True),
    Column("date", gettext_noop("Report date"), "Ngày báo cáo", True),
    Column("realised_capital_usd", gettext_noop("Realised capital to date (USD)"), "Vốn thực hiện lũy kế (USD)", True),
    Column("jobs", gettext_noop("Jobs"), "Số lao động", True),
    Column("operating", gettext_noop("Operating"), "Đang hoạt động", True),
    Column("land_in_use_ha", gettext_noop("Land in use (ha)"), "Diện tích đất sử dụng (ha)"),
    Column("revenue_usd", gettext_noop("Revenue, 12 months (USD)"), "Doanh thu 12 tháng (USD)"),
    Column("taxes_usd", gettext_noop("Taxes paid, 12 months (USD)"), "Nộp ngân sách 12 tháng (USD)"),
    Column("exports_usd", gettext_noop("Exports, 12 months (USD)"), "Xuất khẩu 12 tháng (USD)"),
    Column(
        "local_purchases_usd", gettext_noop("Local purchases, 12 months (USD)"), "Mua hàng trong nước 12 tháng (USD)"
    ),
    Column("note", gettext_noop("Note"), "Ghi chú"),
)
COLUMN = {column.key: column for column in COLUMNS}
MONEY = ("realised_capital_usd", "revenue_usd", "taxes_usd", "exports_usd", "local_purchases_usd")
YES = {"1", "yes", "y", "true", "x", "co", "có", "dang hoat dong", "はい", "稼働", "稼働中"}
NO = {"0", "no", "n", "false", "khong", "không", "ngung", "いいえ", "停止", "未稼働"}


def _header_index() -> dict[str, str]:
    """Headers as the template writes them in any of the site's languages, or the column keys."""
    index = {}
    for column in COLUMNS:
        for name in (column.key, column.en, column.vi):
            index[fold(name)] = column.key
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                index.setdefault(fold(column.label), column.key)
    return index


@dataclass
class ImportReport(ReportErrors):
    """What an import found or did; `errors` holds (line, message), line None for the whole file."""

    filename: str = ""
    dry_run: bool = False
    written: bool = False
    rows: int = 0
    created: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    preview: list = field(default_factory=list)

    def summary(self) -> str:
        if self.errors:
            return self.errors_summary()
        if self.written:
            return _("Rows read: {rows}. Reports created: {created}. Already stored: {unchanged}.").format(
                rows=self.rows, created=self.created, unchanged=self.unchanged
            )
        return _("Rows read: {rows}. Reports to be created: {created}. Already stored: {unchanged}.").format(
            rows=self.rows, created=self.created, unchanged=self.unchanged
        )


class _CellError(ValueError):
    pass


def _decimal(value, number_format: str, places: Decimal) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _CellError(_("“{value}” is not a number.").format(value=value))
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = _text(value).replace("\u00a0", "").replace(" ", "")
        try:
            number = parse_decimal(text, number_format)
        except Exception:  # noqa: BLE001 - Babel raises several kinds of error for text that is not a number
            try:
                number = Decimal(text)
            except InvalidOperation as error:
                raise _CellError(_("“{value}” is not a number.").format(value=value)) from error
    if not number.is_finite():
        raise _CellError(_("“{value}” is not a number.").format(value=value))
    if number < 0:
        raise _CellError(_("{value} is negative.").format(value=_text(value)))
    return number.quantize(places)


def _date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for parse in (datetime.date.fromisoformat, lambda t: datetime.datetime.strptime(t, "%d/%m/%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    raise _CellError(_("“{value}” is not a date; write YYYY-MM-DD or DD/MM/YYYY.").format(value=text))


def _flag(value) -> bool:
    if isinstance(value, bool):
        return value
    text = fold(_text(value))
    if text in {fold(v) for v in YES}:
        return True
    if text in {fold(v) for v in NO}:
        return False
    raise _CellError(_("“{value}” is not yes or no.").format(value=_text(value)))


def _same(report: MonitoringReport, row: dict) -> bool:
    return all(getattr(report, name) == row[name] for name in row if name != "project")


def read(source, *, number_format: str = "en", filename: str | None = None, report: ImportReport) -> list[dict]:
    """The file's rows checked, as dicts ready for the service; errors go into `report`."""
    _fmt, rows = _table(source, filename)
    index = _header_index()
    header = None
    parsed = []
    seen = {}
    today = services.today()
    projects = {}
    for line, cells in rows:
        if header is None:
            names = [index.get(fold(_text(cell))) for cell in cells]
            if not any(names):
                continue
            header = names
            missing = [c for c in COLUMNS if c.required and c.key not in header]
            if missing:
                report.add_error(
                    line,
                    _("Missing columns: {columns}.").format(columns=", ".join(c.label for c in missing)),
                )
                return []
            continue
        values = {key: cell for key, cell in zip(header, cells, strict=False) if key}
        if all(_text(v) == "" for v in values.values()):
            continue
        report.rows += 1
        row, problems = {}, []
        code = _text(values.get("project_code"))
        if not code:
            problems.append(_("The project code is missing."))
        else:
            projects.setdefault(code, []).append(line)
        try:
            row["date"] = _date(values.get("date"))
            if row["date"] > today:
                problems.append(_("The date {date} is in the future.").format(date=row["date"].isoformat()))
        except _CellError as error:
            problems.append(str(error))
        for name in MONEY:
            try:
                amount = _decimal(values.get(name), number_format, MONEY_PLACES)
            except _CellError as error:
                problems.append(f"{COLUMN[name].label}: {error}")
                continue
            if amount is None and name == "realised_capital_usd":
                problems.append(_("The realised capital is missing."))
            row[name] = amount if amount is not None else Decimal(0)
        try:
            land = _decimal(values.get("land_in_use_ha"), number_format, LAND_PLACES)
            row["land_in_use_ha"] = land
        except _CellError as error:
            problems.append(str(error))
        try:
            jobs = _decimal(values.get("jobs"), number_format, Decimal(1))
            if jobs is None:
                problems.append(_("The number of jobs is missing."))
            else:
                row["jobs"] = int(jobs)
        except _CellError as error:
            problems.append(str(error))
        try:
            row["operating"] = _flag(values.get("operating"))
        except _CellError as error:
            problems.append(str(error))
        row["note"] = _text(values.get("note"))[:300]
        if code and "date" in row:
            key = (code, row["date"])
            if key in seen:
                problems.append(
                    _("The report of {code} on {date} is already on line {line}.").format(
                        code=code, date=row["date"].isoformat(), line=seen[key]
                    )
                )
            seen[key] = line
        for problem in problems:
            report.add_error(line, problem)
        if not problems:
            parsed.append((line, code, row))
    if header is None:
        report.add_error(None, _("The file has no header row with the template's columns."))
        return []
    known = {p.code: p for p in Project.objects.filter(code__in=list(projects))}
    result = []
    existing = {(r.project_id, r.date): r for r in MonitoringReport.objects.filter(project__in=list(known.values()))}
    for line, code, row in parsed:
        project = known.get(code)
        if project is None:
            report.add_error(line, _("No project has the code {code}.").format(code=code))
            continue
        stored = existing.get((project.pk, row["date"]))
        if stored is not None:
            if _same(stored, row):
                report.unchanged += 1
                continue
            report.add_error(
                line,
                _("{code} already has a report on {date} with other figures; correct it on the project's page.").format(
                    code=code, date=row["date"].isoformat()
                ),
            )
            continue
        result.append({"line": line, "project": project, **row})
    report.created = len(result)
    report.preview = result[:PREVIEW_ROWS]
    return result


def import_file(source, *, actor, dry_run: bool = False, number_format: str = "en", filename=None) -> ImportReport:
    """Check a monitoring-report file and, unless `dry_run` or a row is wrong, write it all in one
    transaction through the services (each report audited).
    """
    if filename is None and isinstance(source, str | Path):
        filename = Path(source).name
    report = ImportReport(filename=filename or "", dry_run=dry_run)
    try:
        rows = read(source, number_format=number_format, filename=filename, report=report)
    except ImportFileError as error:
        report.add_error(None, str(error))
        return report
    report.errors.sort(key=lambda item: item[0] or 0)
    if dry_run or report.errors:
        return report
    try:
        with transaction.atomic():
            for row in rows:
                data = {k: v for k, v in row.items() if k not in ("line", "project")}
                services.record_report(row["project"], actor=actor, source=SOURCE, **data)
    except IntegrityError:
        report.add_error(None, _("The reports changed while the file was being imported; nothing was written."))
        return report
    except ValidationError as error:
        report.add_error(None, "; ".join(error.messages))
        return report
    report.written = True
    return report


def template_rows() -> list[dict]:
    return [
        {
            "project_code": "QN-EX-001",
            "date": datetime.date(2025, 12, 31),
            "realised_capital_usd": 8000000,
            "jobs": 280,
            "operating": "yes",
            "land_in_use_ha": 5.5,
            "revenue_usd": 12000000,
            "taxes_usd": 600000,
            "exports_usd": 9000000,
            "local_purchases_usd": 1500000,
            "note": _("Example row: replace it with your own."),
        }
    ]

"""Import of projects and certificate-ledger events from a spreadsheet (.xlsx or CSV).

The layout is documented in docs/import-template.md: one row per ledger event, and
continuation rows that name an event's further investors. A file is read whole and
checked with the same ledger rules the services apply (`registry.ledger`); it is
written in one transaction, and only when no row is wrong. Reference data and the
records the file touches are read into dictionaries up front and new records are
written with bulk_create, so that a file of a hundred thousand rows imports without
a query per row.
"""

import bisect
import codecs
import csv
import datetime
import io
import math
import re
import unicodedata
from contextlib import closing
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import partial
from pathlib import Path

from babel.numbers import NumberFormatError
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Q
from django.db.models.base import ModelState
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.core.formatting import parse_decimal
from japandesk.core.importing import ReportErrors
from japandesk.core.models import AuditEntry, FxRate
from japandesk.core.text import search_key
from japandesk.registry import analytics, services
from japandesk.registry.choices import LINEUP_KINDS, EventKind
from japandesk.registry.ledger import EventDraft, check_event, check_sequence, lead_country
from japandesk.registry.models import Country, Investor, LedgerEvent, Participation, Project, Sector
from japandesk.zones.models import Zone

NUMBER_FORMATS = ("en", "vi")
ZIP_MAGIC = b"PK\x03\x04"
BATCH_SIZE = 2000
# How many rows of what would be created the preview shows.
PREVIEW_ROWS = 20
SOURCE = "import"


@dataclass(frozen=True)
class Column:
    key: str
    vi: str
    en: str
    aliases: tuple[str, ...] = ()

    @property
    def header(self) -> str:
        """The header the template and exports write: both languages."""
        return f"{self.vi} / {self.en}"


COLUMNS = (
    Column("project_code", "Mã dự án", "Project code", ("Mã số dự án", "Code")),
    Column("project_name", "Tên dự án", "Project name"),
    Column("project_name_latin", "Tên dự án (Latin)", "Project Latin name", ("Project name (Latin)",)),
    Column("sector", "Mã ngành VSIC", "VSIC sector code", ("Mã ngành", "Ngành", "Sector", "Sector code", "VSIC")),
    Column("zone", "Mã khu", "Zone code", ("Khu", "Zone", "Mã khu công nghiệp")),
    Column("location", "Địa điểm", "Location"),
    Column("land_area_ha", "Diện tích đất (ha)", "Land area (ha)", ("Diện tích (ha)", "Land area")),
    Column("planned_jobs", "Số lao động dự kiến", "Planned jobs", ("Lao động dự kiến",)),
    Column("event", "Loại sự kiện", "Event kind", ("Sự kiện", "Event", "Loại biến động")),
    Column("date", "Ngày", "Date", ("Ngày cấp", "Certificate date")),
    Column(
        "certificate_no",
        "Số giấy chứng nhận",
        "Certificate number",
        ("Số GCN", "Số quyết định", "Certificate no", "Decision number"),
    ),
    Column("amount_usd", "Số vốn (USD)", "Amount (USD)", ("Vốn đầu tư (USD)", "Capital (USD)", "USD")),
    Column("amount_vnd", "Số vốn (VND)", "Amount (VND)", ("Vốn đầu tư (VND)", "Capital (VND)", "VND")),
    Column("investor_name", "Tên nhà đầu tư", "Investor name", ("Nhà đầu tư", "Investor")),
    Column("investor_name_latin", "Tên nhà đầu tư (Latin)", "Investor Latin name", ("Investor name (Latin)",)),
    Column(
        "investor_kana", "Tên nhà đầu tư (kana)", "Investor kana", ("Investor kana reading", "Investor name (kana)")
    ),
    Column(
        "investor_country",
        "Quốc gia nhà đầu tư",
        "Investor country",
        ("Quốc tịch nhà đầu tư", "Nước nhà đầu tư", "Investor country code", "Country"),
    ),
    Column("share", "Tỷ lệ góp vốn (%)", "Share (%)", ("Tỷ lệ (%)", "Tỷ lệ góp vốn", "Share")),
    Column("note", "Ghi chú", "Note", ("Notes",)),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)
REQUIRED_COLUMNS = ("project_code", "event", "date", "certificate_no")
INVESTOR_COLUMNS = ("investor_name", "investor_name_latin", "investor_kana", "investor_country", "share")
PROJECT_COLUMNS = (
    "project_name",
    "project_name_latin",
    "sector",
    "zone",
    "location",
    "land_area_ha",
    "planned_jobs",
)
# Project column -> Project field, for comparing a row with a project already known.
PROJECT_FIELDS = {
    "project_name": "name",
    "project_name_latin": "name_latin",
    "sector": "sector_id",
    "zone": "zone_id",
    "location": "location",
    "land_area_ha": "land_area_ha",
    "planned_jobs": "planned_jobs",
}

# Event kinds as people write them, besides the value keys and the labels in every
# interface language (read from the catalogues when a file is imported).
EVENT_KIND_NAMES = {
    EventKind.REGISTRATION: (
        "New registration",
        "Registration",
        "Cấp mới",
        "Đăng ký mới",
        "Cấp giấy chứng nhận lần đầu",
        "新規登録",
        "新規",
    ),
    EventKind.INCREASE: ("Capital increase", "Increase", "Điều chỉnh tăng vốn", "Tăng vốn", "増資"),
    EventKind.DECREASE: ("Capital decrease", "Decrease", "Điều chỉnh giảm vốn", "Giảm vốn", "減資"),
    EventKind.SHARE_PURCHASE: (
        "Capital contribution, share purchase",
        "Share purchase",
        "Capital contribution",
        "Góp vốn, mua cổ phần",
        "Góp vốn",
        "Mua cổ phần",
        "Góp vốn, mua cổ phần, mua phần vốn góp",
        "出資・株式取得",
        "出資",
        "株式取得",
    ),
    EventKind.TERMINATION: (
        "Termination",
        "Chấm dứt hoạt động",
        "Chấm dứt hoạt động dự án",
        "Chấm dứt",
        "事業終了",
        "終了",
    ),
}

UNKNOWN = {
    "sector": gettext_lazy("Unknown VSIC sector code “{value}”."),
    "zone": gettext_lazy("Unknown zone code “{value}”."),
    "investor_country": gettext_lazy("Unknown country code “{value}”."),
}

_NON_WORD = re.compile(r"[\W_]+")
_PLAIN_INTEGER = re.compile(r"-?\d+\Z")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?\Z")
_DMY_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\Z")
_CENT = Decimal("0.01")
_ONE = Decimal(1)
_SHARE_PLACES = _AREA_PLACES = Decimal("0.0001")


def fold(text) -> str:
    """A header or value reduced to what matters when matching it: letters and digits,
    without case, accents, width or spacing.
    """
    return _NON_WORD.sub("", search_key(str(text)))


def _header_index() -> dict[str, str]:
    index = {}
    for column in COLUMNS:
        for name in (column.key, column.vi, column.en, *column.aliases):
            index.setdefault(fold(name), column.key)
    return index


HEADER_INDEX = _header_index()


def match_header(text) -> str | None:
    """The column key a header names, trying each side of a "Tiếng Việt / English" header."""
    folded = fold(text)
    if not folded:
        return None
    if folded in HEADER_INDEX:
        return HEADER_INDEX[folded]
    for part in str(text).split("/"):
        key = HEADER_INDEX.get(fold(part))
        if key:
            return key
    return None


def event_kind_index() -> dict[str, str]:
    """Every accepted spelling of an event kind, folded, to its value."""
    index = {}
    for kind, names in EVENT_KIND_NAMES.items():
        for name in (kind.value, kind.value.replace("_", " "), *names):
            index.setdefault(fold(name), kind.value)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for kind in EventKind:
                index.setdefault(fold(str(kind.label)), kind.value)
    return index


class ImportFileError(Exception):
    """The file cannot be read at all (wrong type, not UTF-8, a damaged workbook)."""


def detect_format(filename: str | None, head: bytes) -> str:
    """The file's format, "xlsx" or "csv", from its name and its first bytes."""
    suffix = Path(filename).suffix.lower() if filename else ""
    if suffix not in ("", ".xlsx", ".csv"):
        raise ImportFileError(_("Only .xlsx and .csv files can be imported."))
    if suffix == ".xlsx" or (not suffix and head.startswith(ZIP_MAGIC)):
        if not head.startswith(ZIP_MAGIC):
            raise ImportFileError(_("The file is not an Excel workbook (.xlsx)."))
        return "xlsx"
    if head.startswith(ZIP_MAGIC):
        raise ImportFileError(_("The file is a workbook, not CSV text; name it .xlsx."))
    return "csv"


def detect_delimiter(text: str) -> str:
    """Comma or semicolon, whichever the header line uses more."""
    for line in io.StringIO(text):
        if line.strip():
            return ";" if line.count(";") > line.count(",") else ","
    return ","


def _not_utf8() -> ImportFileError:
    return ImportFileError(_("The CSV file is not UTF-8 text; in Excel save it as “CSV UTF-8 (Comma delimited)”."))


def decode_csv(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _not_utf8() from exc


def check_utf8(chunks) -> None:
    """Raise ImportFileError unless the byte chunks are UTF-8 text (with or without a BOM)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in chunks:
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise _not_utf8() from exc


def _read_bytes(source) -> bytes:
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    if hasattr(source, "seek"):
        source.seek(0)
    return source.read()


def _table(source, filename: str | None):
    """The file's rows as (line number, list of cell values), and its format."""
    from python_calamine import CalamineWorkbook

    is_path = isinstance(source, str | Path)
    if filename is None and is_path:
        filename = str(source)
    if is_path:
        with open(source, "rb") as handle:
            head = handle.read(4)
    else:
        if hasattr(source, "seek"):
            source.seek(0)
        head = source.read(4)
        source.seek(0)
    fmt = detect_format(filename, head)
    if fmt == "csv":
        text = decode_csv(_read_bytes(source))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))

        def csv_rows():
            try:
                yield from enumerate(reader, 1)
            except csv.Error as exc:
                raise ImportFileError(_("The CSV file cannot be read: {error}").format(error=exc)) from exc

        return fmt, csv_rows()
    try:
        workbook = CalamineWorkbook.from_path(str(source)) if is_path else CalamineWorkbook.from_filelike(source)
        sheet = workbook.get_sheet_by_index(0)
        rows = sheet.iter_rows()
    except Exception as exc:  # calamine raises several kinds for a damaged or foreign file
        raise ImportFileError(_("The workbook cannot be read; save it again as .xlsx.")) from exc
    # iter_rows starts at the sheet's first row, so its position is the line number.
    return fmt, enumerate(rows, 1)


@dataclass(frozen=True, slots=True)
class InvestorRef:
    """An investor as a file names it: matched to the registry by (name, origin economy)."""

    name: str
    country_id: int


@dataclass(slots=True)
class _Event:
    line: int
    code: str
    kind: str | None
    date: datetime.date | None
    certificate_no: str
    usd: Decimal | None
    vnd: Decimal | None
    note: str
    lineup: list = field(default_factory=list)  # [(InvestorRef, share or None, line)]
    bad: bool = False
    given_usd: bool = False
    given_vnd: bool = False


@dataclass
class ImportReport(ReportErrors):
    """What an import found or did. `errors` holds (line, message); line is None for the
    file as a whole and 1 for the header row.
    """

    filename: str = ""
    dry_run: bool = False
    written: bool = False
    rows: int = 0
    errors: list = field(default_factory=list)
    projects_created: int = 0
    investors_created: int = 0
    events_created: int = 0
    events_unchanged: int = 0
    ignored_columns: list = field(default_factory=list)
    preview_events: list = field(default_factory=list)
    preview_projects: list = field(default_factory=list)

    def summary(self) -> str:
        if self.errors:
            return self.errors_summary()
        counts = {
            "rows": self.rows,
            "projects": self.projects_created,
            "investors": self.investors_created,
            "events": self.events_created,
            "unchanged": self.events_unchanged,
        }
        if self.written:
            return _(
                "Rows read: {rows}. Created — projects: {projects}, investors: {investors}, ledger events: {events}. "
                "Events already in the ledger: {unchanged}."
            ).format(**counts)
        return _(
            "Rows read: {rows}. To be created — projects: {projects}, investors: {investors}, ledger events: "
            "{events}. Events already in the ledger: {unchanged}."
        ).format(**counts)


class _CellError(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _fits(value: Decimal, max_digits: int, places: int) -> bool:
    return abs(value) < Decimal(10) ** (max_digits - places)


def _share(value: Decimal) -> Decimal:
    """A share as Participation stores it."""
    return value.quantize(_SHARE_PLACES, ROUND_HALF_UP)


def _chunks(items, size: int = BATCH_SIZE):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Rates:
    """USD/VND rates read once, converting as core.fx does (latest rate on or before the date)."""

    def __init__(self):
        rows = list(FxRate.objects.filter(currency="VND").order_by("date").values_list("date", "per_usd"))
        self.dates = [row[0] for row in rows]
        self.rates = [row[1] for row in rows]

    def rate(self, on: datetime.date) -> Decimal:
        position = bisect.bisect_right(self.dates, on) - 1
        if position < 0:
            raise _CellError(
                _("No USD/{currency} exchange rate on or before {date}.").format(currency="VND", date=on.isoformat())
            )
        return self.rates[position]

    def to_usd(self, amount: Decimal, on: datetime.date) -> Decimal:
        return (amount / self.rate(on)).quantize(_CENT, ROUND_HALF_UP)

    def to_vnd(self, amount: Decimal, on: datetime.date) -> Decimal:
        return (amount * self.rate(on)).quantize(_ONE, ROUND_HALF_UP)


class _Importer:
    def __init__(self, report: ImportReport, number_format: str, today: datetime.date):
        if number_format not in NUMBER_FORMATS:
            raise ValueError(f"number format must be one of {NUMBER_FORMATS}")
        self.report = report
        self.number_format = number_format
        self.today = today
        self.labels: dict[str, str] = {}
        self.positions: dict[str, int] = {}
        self.kinds = event_kind_index()
        self.kind_cache: dict[str, str | None] = {}
        self.sectors = dict(Sector.objects.values_list("code", "id"))
        self.countries = dict(Country.objects.values_list("code", "id"))
        self.country_codes = {pk: code for code, pk in self.countries.items()}
        self.zones = {code.lower(): pk for code, pk in Zone.objects.values_list("code", "id")}
        self.rates = _Rates()
        self.max_length = {
            "project_code": Project._meta.get_field("code").max_length,
            "project_name": Project._meta.get_field("name").max_length,
            "project_name_latin": Project._meta.get_field("name_latin").max_length,
            "location": Project._meta.get_field("location").max_length,
            "certificate_no": LedgerEvent._meta.get_field("certificate_no").max_length,
            "investor_name": Investor._meta.get_field("name").max_length,
            "investor_name_latin": Investor._meta.get_field("name_latin").max_length,
            "investor_kana": Investor._meta.get_field("name_kana").max_length,
        }
        self.events: list[_Event] = []
        self.event_by_certificate: dict[str, _Event] = {}
        # code -> {column key: (value, line, text as written)}
        self.projects: dict[str, dict] = {}
        self.project_first_line: dict[str, int] = {}
        self.bad_projects: set[str] = set()
        self.investor_details: dict[InvestorRef, tuple[str, str]] = {}

    # Reading

    def error(self, line, message) -> None:
        self.report.add_error(line, message)

    def read_header(self, line: int, cells: list) -> bool:
        seen: dict[str, str] = {}
        ok = True
        for position, cell in enumerate(cells):
            text = _text(cell)
            if not text:
                continue
            key = match_header(text)
            if key is None:
                self.report.ignored_columns.append(text)
                continue
            if key in seen:
                self.error(
                    line,
                    _("The columns “{first}” and “{second}” are the same column.").format(first=seen[key], second=text),
                )
                ok = False
                continue
            seen[key] = text
            self.positions[key] = position
        self.labels = {column.key: seen.get(column.key, column.header) for column in COLUMNS}
        by_key = {column.key: column for column in COLUMNS}
        for key in REQUIRED_COLUMNS:
            if key not in seen:
                self.error(line, _("The column “{column}” is missing.").format(column=by_key[key].header))
                ok = False
        if "amount_usd" not in seen and "amount_vnd" not in seen:
            self.error(
                line,
                _("The file needs the column “{usd}” or the column “{vnd}”.").format(
                    usd=by_key["amount_usd"].header, vnd=by_key["amount_vnd"].header
                ),
            )
            ok = False
        return ok

    def read(self, rows) -> bool:
        """Read every row; False when the file has no usable header or no rows."""
        header_read = False
        positions = None
        for line, cells in rows:
            if not header_read:
                if not any(_text(cell) for cell in cells):
                    continue
                header_read = True
                if not self.read_header(line, cells):
                    return False
                positions = list(self.positions.items())
                continue
            width = len(cells)
            values = {key: cells[position] if position < width else None for key, position in positions}
            if not any(
                value is not None and (not isinstance(value, str) or value.strip()) for value in values.values()
            ):
                continue
            self.report.rows += 1
            self.read_row(line, values)
        if not header_read:
            self.error(None, _("The file is empty: it has no header row."))
        elif not self.report.rows:
            self.error(None, _("The file has no rows to import."))
        return bool(self.report.rows)

    def text(self, values: dict, key: str, line: int) -> str:
        text = _text(values.get(key))
        limit = self.max_length.get(key)
        if limit and len(text) > limit:
            self.error(
                line,
                _("Column “{column}”: the text is longer than {max} characters.").format(
                    column=self.labels[key], max=limit
                ),
            )
            raise _CellError
        return text

    def number(self, values: dict, key: str, line: int, max_digits: int, places: int) -> Decimal | None:
        value = values.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or isinstance(value, datetime.date):
            number = None
        elif isinstance(value, int):
            number = Decimal(value)
        elif isinstance(value, float):
            number = Decimal(repr(value)) if math.isfinite(value) else None
        else:
            text = _text(value)
            if not text:
                return None
            if key == "share" and text.endswith("%"):
                text = text[:-1].rstrip()
            if _PLAIN_INTEGER.match(text):
                number = Decimal(text)
            else:
                try:
                    number = parse_decimal(text, self.number_format)
                except (NumberFormatError, InvalidOperation, ValueError):
                    number = None
        if number is None:
            self.error(
                line,
                _("Column “{column}”: “{value}” is not a number.").format(column=self.labels[key], value=_text(value)),
            )
            raise _CellError
        if not _fits(number, max_digits, places):
            self.error(
                line,
                _("Column “{column}”: the number {value} is too large.").format(
                    column=self.labels[key], value=_text(value)
                ),
            )
            raise _CellError
        return number

    def date(self, values: dict, line: int) -> datetime.date | None:
        value = values.get("date")
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            self.error(line, _("The date is missing."))
            raise _CellError
        match = _ISO_DATE.match(text)
        try:
            if match:
                return datetime.date(int(match[1]), int(match[2]), int(match[3]))
            match = _DMY_DATE.match(text)
            if match:
                return datetime.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass
        self.error(
            line,
            _("Column “{column}”: “{value}” is not a date; write it as yyyy-mm-dd or dd/mm/yyyy.").format(
                column=self.labels["date"], value=text
            ),
        )
        raise _CellError

    def lookup(self, values: dict, key: str, line: int, table: dict):
        text = _text(values.get(key))
        if not text:
            return None, ""
        pk = table.get(text)
        if pk is None and key == "sector":
            pk = table.get(text.upper()) or (table.get("0" + text) if text.isdigit() else None)
        elif pk is None:
            pk = table.get(text.upper() if key == "investor_country" else text.lower())
        if pk is None:
            self.error(line, str(UNKNOWN[key]).format(value=text))
            raise _CellError
        return pk, text

    @staticmethod
    def attempt(read, *args):
        """What `read` reads, or None when the cell is wrong (the error is already reported)."""
        try:
            return read(*args)
        except _CellError:
            return None

    def read_row(self, line: int, values: dict) -> None:
        certificate_no = _text(values.get("certificate_no"))
        kind_text = _text(values.get("event"))
        earlier = self.event_by_certificate.get(certificate_no) if certificate_no else None
        if earlier is not None:
            if kind_text:
                self.error(
                    line,
                    _(
                        "Certificate number {number} is already used on line {line}; a row that names a further "
                        "investor of that event leaves the event kind blank."
                    ).format(number=certificate_no, line=earlier.line),
                )
                earlier.bad = True
                self.bad_projects.add(earlier.code)
                return
            self.read_continuation(line, values, earlier)
            return
        problems = len(self.report.errors)
        code = self.attempt(self.text, values, "project_code", line)
        if code == "":
            self.error(line, _("The project code is missing."))
        code = code or ""
        event = _Event(line, code, None, None, certificate_no, None, None, _text(values.get("note")))
        if not kind_text:
            self.error(line, _("The event kind is missing."))
        else:
            event.kind = self.kind_cache.get(kind_text)
            if event.kind is None:
                event.kind = self.kind_cache[kind_text] = self.kinds.get(fold(kind_text))
            if event.kind is None:
                self.error(line, _("Unknown event kind “{value}”.").format(value=kind_text))
        self.attempt(self.text, values, "certificate_no", line)
        event.date = self.attempt(self.date, values, line)
        event.usd = self.attempt(self.number, values, "amount_usd", line, 18, 2)
        event.vnd = self.attempt(self.number, values, "amount_vnd", line, 22, 0)
        event.given_usd = event.usd is not None
        event.given_vnd = event.vnd is not None
        if event.vnd is not None and event.vnd < 0:
            self.error(
                line,
                _(
                    "Column “{column}”: the amount must not be negative; a decrease is entered as a positive amount."
                ).format(column=self.labels["amount_vnd"]),
            )
        if code:
            self.read_project(line, code, values)
        self.read_investor(line, values, event)
        if event.kind and event.kind not in LINEUP_KINDS and event.lineup:
            self.error(line, _("A {event} does not name investors.").format(event=EventKind(event.kind).label))
        event.bad = len(self.report.errors) > problems
        if event.bad:
            self.bad_projects.add(code)
        self.events.append(event)
        if certificate_no:
            self.event_by_certificate[certificate_no] = event

    def read_continuation(self, line: int, values: dict, event: _Event) -> None:
        problems = len(self.report.errors)
        code = _text(values.get("project_code"))
        if code and code != event.code:
            self.error(
                line,
                _("This row continues the event on line {line}, which is for project {code}.").format(
                    line=event.line, code=event.code
                ),
            )
        for key in ("date", "amount_usd", "amount_vnd", "note", *PROJECT_COLUMNS):
            if _text(values.get(key)):
                self.error(
                    line,
                    _(
                        "This row names a further investor of the event on line {line}; it may fill only the "
                        "investor columns, not “{column}”."
                    ).format(line=event.line, column=self.labels[key]),
                )
        if not any(_text(values.get(key)) for key in INVESTOR_COLUMNS):
            self.error(
                line,
                _("This row repeats the certificate number of line {line} but names no investor.").format(
                    line=event.line
                ),
            )
        else:
            self.read_investor(line, values, event)
            if event.kind and event.kind not in LINEUP_KINDS:
                self.error(line, _("A {event} does not name investors.").format(event=EventKind(event.kind).label))
        if len(self.report.errors) > problems:
            event.bad = True
            self.bad_projects.add(event.code)

    def read_investor(self, line: int, values: dict, event: _Event) -> None:
        if not any(_text(values.get(key)) for key in INVESTOR_COLUMNS):
            return
        problems = len(self.report.errors)
        name = self.attempt(self.text, values, "investor_name", line)
        if name == "":
            self.error(line, _("The investor's name is missing."))
        latin = self.attempt(self.text, values, "investor_name_latin", line)
        kana = self.attempt(self.text, values, "investor_kana", line)
        found = self.attempt(self.lookup, values, "investor_country", line, self.countries)
        country_id = found[0] if found else None
        if found and country_id is None:
            self.error(line, _("The investor's country is missing."))
        share = self.attempt(self.number, values, "share", line, 7, 4)
        if len(self.report.errors) > problems:
            return
        investor = InvestorRef(name, country_id)
        self.investor_details.setdefault(investor, (latin, kana))
        event.lineup.append((investor, share, line))

    def read_project(self, line: int, code: str, values: dict) -> None:
        self.project_first_line.setdefault(code, line)
        known = self.projects.setdefault(code, {})
        for key in PROJECT_COLUMNS:
            raw = _text(values.get(key))
            if not raw:
                continue
            try:
                if key == "sector":
                    value, raw = self.lookup(values, key, line, self.sectors)
                elif key == "zone":
                    value, raw = self.lookup(values, key, line, self.zones)
                elif key == "land_area_ha":
                    value = self.number(values, key, line, 12, 4).quantize(_AREA_PLACES, ROUND_HALF_UP)
                    if value < 0:
                        self.error(
                            line,
                            _("Column “{column}”: the value must not be negative.").format(column=self.labels[key]),
                        )
                        raise _CellError
                elif key == "planned_jobs":
                    value = self.number(values, key, line, 10, 0)
                    if value < 0 or value != value.to_integral_value() or value > 2**31 - 1:
                        self.error(
                            line,
                            _("Column “{column}”: “{value}” is not a whole number of people.").format(
                                column=self.labels[key], value=raw
                            ),
                        )
                        raise _CellError
                    value = int(value)
                else:
                    value = self.text(values, key, line)
            except _CellError:
                self.bad_projects.add(code)
                continue
            if key not in known:
                known[key] = (value, line, raw)
            elif known[key][0] != value:
                self.error(
                    line,
                    _("Project {code} has another “{column}” on line {line}: “{value}”.").format(
                        code=code, column=self.labels[key], line=known[key][1], value=known[key][2]
                    ),
                )
                self.bad_projects.add(code)

    # Checking against the registry

    def check(self) -> None:
        codes = list(self.projects)
        existing = {}
        for chunk in _chunks(codes):
            for row in Project.objects.filter(code__in=chunk).values("id", "code", *PROJECT_FIELDS.values()):
                existing[row["code"]] = row
        self.existing_projects = existing
        self.check_projects()

        certificates = [e.certificate_no for e in self.events if e.certificate_no]
        known_events = {}
        for chunk in _chunks(certificates):
            for row in LedgerEvent.objects.filter(certificate_no__in=chunk).values(
                "id",
                "certificate_no",
                "project__code",
                "kind",
                "date",
                "capital_change_usd",
                "capital_change_vnd",
                "note",
            ):
                row["lineup"] = set()
                known_events[row["certificate_no"]] = row
        by_id = {row["id"]: row for row in known_events.values()}
        for chunk in _chunks(by_id):
            for event_id, investor_id, share in Participation.objects.filter(event_id__in=chunk).values_list(
                "event_id", "investor_id", "share"
            ):
                by_id[event_id]["lineup"].add((investor_id, share))

        names = {investor.name for investor in self.investor_details}
        self.investor_ids = {}
        for chunk in _chunks(names):
            for pk, name, country_id in (
                Investor.objects.filter(name__in=chunk).order_by("id").values_list("id", "name", "country_id")
            ):
                self.investor_ids.setdefault(InvestorRef(name, country_id), pk)

        self.new_events: list[_Event] = []
        new_by_project: dict[str, list[_Event]] = {}
        for event in self.events:
            if event.bad:
                continue
            self.complete_lineup(event)
            self.fill_currencies(event)
            if event.bad:
                self.bad_projects.add(event.code)
                continue
            known = known_events.get(event.certificate_no)
            if known is not None:
                differences = self.differences(event, known)
                if differences:
                    self.error(
                        event.line,
                        _("Certificate number {number} is already in the ledger with other content: {fields}.").format(
                            number=event.certificate_no, fields=", ".join(differences)
                        ),
                    )
                    self.bad_projects.add(event.code)
                else:
                    self.report.events_unchanged += 1
                continue
            problems = check_event(self.draft(event), self.today)
            for message in problems:
                self.error(event.line, message)
            if problems:
                self.bad_projects.add(event.code)
                continue
            new_by_project.setdefault(event.code, []).append(event)
            self.new_events.append(event)

        self.check_sequences(new_by_project)

    def check_projects(self) -> None:
        for code, known in self.projects.items():
            row = self.existing_projects.get(code)
            if row is None:
                continue
            for key, (value, line, raw) in known.items():
                if row[PROJECT_FIELDS[key]] != value:
                    self.error(
                        line,
                        _("Project {code} already exists with another “{column}”, not “{value}”.").format(
                            code=code, column=self.labels[key], value=raw
                        ),
                    )
                    self.bad_projects.add(code)
        for event in self.events:
            if event.kind != EventKind.REGISTRATION or event.bad or event.code in self.existing_projects:
                continue
            known = self.projects.get(event.code, {})
            if "project_name" not in known:
                self.error(event.line, _("The project name is missing on the project's registration row."))
                event.bad = True
            if "sector" not in known:
                self.error(event.line, _("The VSIC sector code is missing on the project's registration row."))
                event.bad = True
            if event.bad:
                self.bad_projects.add(event.code)

    def complete_lineup(self, event: _Event) -> None:
        if len(event.lineup) == 1 and event.lineup[0][1] is None:
            investor, _share, line = event.lineup[0]
            event.lineup[0] = (investor, Decimal(100), line)
            return
        for _investor, share, line in event.lineup:
            if share is None:
                self.error(
                    line,
                    _("The share (%) is missing; it may be left blank only when the event has a single investor."),
                )
                event.bad = True

    def fill_currencies(self, event: _Event) -> None:
        if event.bad:
            return
        try:
            if event.usd is None and event.vnd is None:
                event.usd, event.vnd = Decimal(0), Decimal(0)
            elif event.vnd is None:
                event.vnd = self.rates.to_vnd(event.usd, event.date)
            elif event.usd is None:
                event.usd = self.rates.to_usd(event.vnd, event.date)
        except _CellError as exc:
            self.error(event.line, str(exc))
            event.bad = True
            return
        event.usd = event.usd.quantize(_CENT, ROUND_HALF_UP)
        event.vnd = event.vnd.quantize(_ONE, ROUND_HALF_UP)

    def draft(self, event: _Event) -> EventDraft:
        lineup = [(investor, share) for investor, share, _line in event.lineup]
        return EventDraft(event.kind, event.date, event.certificate_no, event.usd, lineup, ref=event.line)

    def differences(self, event: _Event, known: dict) -> list[str]:
        sign = -1 if event.kind == EventKind.DECREASE else 1
        labels = self.labels
        differences = []
        if known["project__code"] != event.code:
            differences.append(labels["project_code"])
        if known["kind"] != event.kind:
            differences.append(labels["event"])
        if known["date"] != event.date:
            differences.append(labels["date"])
        if event.given_usd and known["capital_change_usd"] != sign * event.usd:
            differences.append(labels["amount_usd"])
        if event.given_vnd and known["capital_change_vnd"] != sign * event.vnd:
            differences.append(labels["amount_vnd"])
        if (known["note"] or "").strip() != event.note:
            differences.append(labels["note"])
        lineup = {(self.investor_ids.get(investor), _share(share)) for investor, share, _line in event.lineup}
        if lineup != known["lineup"]:
            differences.append(labels["investor_name"])
        return differences

    def check_sequences(self, new_by_project: dict[str, list[_Event]]) -> None:
        existing_ids = {
            self.existing_projects[code]["id"]: code
            for code in new_by_project
            if code in self.existing_projects and code not in self.bad_projects
        }
        ledger: dict[str, list[EventDraft]] = {}
        for chunk in _chunks(existing_ids):
            for project_id, kind, on, number, usd in (
                LedgerEvent.objects.filter(project_id__in=chunk)
                .order_by("date", "id")
                .values_list("project_id", "kind", "date", "certificate_no", "capital_change_usd")
            ):
                amount = -usd if kind == EventKind.DECREASE else usd
                ledger.setdefault(existing_ids[project_id], []).append(
                    EventDraft(kind, on, number, amount, ref=("ledger", number))
                )
        for code, events in new_by_project.items():
            if code in self.bad_projects:
                continue
            drafts = [*ledger.get(code, []), *(self.draft(event) for event in events)]
            first_line = min(event.line for event in events)
            for ref, message in check_sequence(drafts):
                if isinstance(ref, tuple):
                    self.error(
                        first_line,
                        _("{message} (certificate {number}, already in the ledger)").format(
                            message=message, number=ref[1]
                        ),
                    )
                else:
                    self.error(ref, message)

    # Preview and writing

    def count(self) -> None:
        report = self.report
        new_codes = dict.fromkeys(e.code for e in self.new_events if e.code not in self.existing_projects)
        self.new_projects = list(new_codes)
        investors = {}
        for event in self.new_events:
            for investor, _share, _line in event.lineup:
                if investor not in self.investor_ids:
                    investors.setdefault(investor, None)
        self.new_investors = list(investors)
        report.projects_created = len(self.new_projects)
        report.investors_created = len(self.new_investors)
        report.events_created = len(self.new_events)
        for event in self.new_events[:PREVIEW_ROWS]:
            report.preview_events.append(
                {
                    "line": event.line,
                    "project_code": event.code,
                    "kind": EventKind(event.kind).label,
                    "date": event.date,
                    "certificate_no": event.certificate_no,
                    "amount_usd": event.usd,
                    "amount_vnd": event.vnd,
                    "investors": [
                        {"name": investor.name, "country": self.country_codes[investor.country_id], "share": share}
                        for investor, share, _line in event.lineup
                    ],
                }
            )
        for code in self.new_projects[:PREVIEW_ROWS]:
            data = self.projects[code]
            report.preview_projects.append(
                {
                    "line": self.project_first_line[code],
                    "code": code,
                    "name": data.get("project_name", ("",))[0],
                    "sector": data.get("sector", (None, 0, ""))[2],
                    "zone": data.get("zone", (None, 0, ""))[2],
                }
            )

    def write(self, actor) -> None:
        now = timezone.now()
        entries = _AuditEntries(actor, now)
        investor_ids = self.investor_ids
        investors = _Inserter(Investor, now)
        for chunk in _chunks(self.new_investors):
            rows = []
            for ref in chunk:
                latin, kana = self.investor_details[ref]
                rows.append(
                    {
                        "name": ref.name,
                        "name_latin": latin,
                        "name_kana": kana,
                        "country_id": ref.country_id,
                        # Investor.save() keeps the search key; a bulk insert does not call it.
                        "search_text": search_key(ref.name, latin, kana),
                    }
                )
            instances = investors.insert(rows)
            for ref, investor in zip(chunk, instances, strict=True):
                investor_ids[ref] = investor.pk
            entries.add(instances, audit.snapshot, str)

        project_ids = {code: row["id"] for code, row in self.existing_projects.items()}
        projects = _Inserter(Project, now)
        for chunk in _chunks(self.new_projects):
            rows = []
            for code in chunk:
                data = {key: value for key, (value, _line, _raw) in self.projects[code].items()}
                name, latin = data.get("project_name", ""), data.get("project_name_latin", "")
                rows.append(
                    {
                        "code": code,
                        "name": name,
                        "name_latin": latin,
                        "sector_id": data.get("sector"),
                        "zone_id": data.get("zone"),
                        "location": data.get("location", ""),
                        "land_area_ha": data.get("land_area_ha"),
                        "planned_jobs": data.get("planned_jobs"),
                        "search_text": search_key(code, name, latin),
                    }
                )
            instances = projects.insert(rows)
            for project in instances:
                project_ids[project.code] = project.pk
            entries.add(instances, audit.snapshot, str)

        events = _Inserter(LedgerEvent, now)
        participations = _Inserter(Participation, now, returning=False)
        labels = {kind.value: str(kind.label) for kind in EventKind}
        for chunk in _chunks(self.new_events):
            rows = []
            for event in chunk:
                sign = -1 if event.kind == EventKind.DECREASE else 1
                rows.append(
                    {
                        "project_id": project_ids[event.code],
                        "kind": event.kind,
                        "date": event.date,
                        "certificate_no": event.certificate_no,
                        "capital_change_usd": sign * event.usd,
                        "capital_change_vnd": sign * event.vnd,
                        "note": event.note,
                        "origin_id": lead_country([(investor, share) for investor, share, _line in event.lineup]),
                    }
                )
            instances = events.insert(rows)
            lineups = {}
            shares = []
            for event, ledger_event in zip(chunk, instances, strict=True):
                lineup = [(investor_ids[investor], _share(share)) for investor, share, _line in event.lineup]
                lineups[ledger_event.pk] = [{"investor": pk, "share": str(share)} for pk, share in lineup]
                shares.extend({"event_id": ledger_event.pk, "investor_id": pk, "share": share} for pk, share in lineup)
            participations.insert(shares)
            entries.add(
                instances,
                lambda event, lineups=lineups: {**audit.snapshot(event), "investors": lineups[event.pk]},
                # LedgerEvent.__str__, without looking the label up in the lazy choices for every row
                lambda event: f"{event.certificate_no} {labels[event.kind]} {event.date}",
            )


class _Inserter:
    """Writes the many new rows of an import, returning instances that carry their ids
    (for the audit log).

    bulk_create passes every value through the field API, which for a hundred thousand
    rows costs several times what the database does; the values here are already of the
    right Python type, so only dates, decimals and JSON go through the backend's adapters.
    PostgreSQL receives the rows by COPY, with ids drawn from the table's sequence first;
    SQLite by multi-row INSERT ... RETURNING. Fields a row leaves out take their model
    default, as in Model(); `created_at` and `updated_at` take `now`.
    """

    def __init__(self, model, now, returning: bool = True):
        self.model = model
        self.returning = returning
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.attnames = [f.attname for f in self.fields]
        self.defaults = {}
        for f in self.fields:
            if isinstance(f, models.DateTimeField) and (f.auto_now or f.auto_now_add):
                self.defaults[f.attname] = now
            else:
                self.defaults[f.attname] = f.get_default()
        ops = connection.ops
        self.adapters = []
        for f in self.fields:
            if isinstance(f, models.DateTimeField):
                self.adapters.append(ops.adapt_datetimefield_value)
            elif isinstance(f, models.DateField):
                self.adapters.append(ops.adapt_datefield_value)
            elif isinstance(f, models.DecimalField):
                self.adapters.append(partial(_adapt_decimal, ops, f.max_digits, f.decimal_places))
            elif isinstance(f, models.JSONField):
                self.adapters.append(partial(_adapt_json, ops, f.encoder))
            else:
                self.adapters.append(None)
        self.adapted_defaults = [
            default if adapt is None or default is None else adapt(default)
            for default, adapt in zip((self.defaults[name] for name in self.attnames), self.adapters, strict=True)
        ]
        self.alias = connection.alias
        self.pk_attname = model._meta.pk.attname
        quote = ops.quote_name
        self.table = quote(model._meta.db_table)
        self.pk_column = quote(model._meta.pk.column)
        self.columns = [quote(f.column) for f in self.fields]
        self.copy = _copy_cursor() is not None
        if not self.copy and returning and not connection.features.can_return_rows_from_bulk_insert:
            raise NotImplementedError("The import needs a database that returns the ids of inserted rows.")
        limit = connection.features.max_query_params or 65535
        self.batch = max(1, min(BATCH_SIZE, limit // len(self.fields)))

    def params(self, row: dict) -> list:
        params = []
        for attname, adapt, default in zip(self.attnames, self.adapters, self.adapted_defaults, strict=True):
            if attname in row:
                value = row[attname]
                params.append(value if adapt is None or value is None else adapt(value))
            else:
                params.append(default)
        return params

    def insert(self, rows: list[dict]) -> list:
        if not rows:
            return []
        with connection.wrap_database_errors:
            ids = self.write_copy(rows) if self.copy else self.write_values(rows)
        instances = []
        for row, pk in zip(rows, ids, strict=True):
            instance = self.model.__new__(self.model)
            instance.__dict__.update(self.defaults)
            instance.__dict__.update(row)
            instance.__dict__[self.pk_attname] = pk
            instance._state = ModelState()
            instance._state.adding = False
            instance._state.db = self.alias
            instances.append(instance)
        return instances

    def write_copy(self, rows: list[dict]) -> list:
        with _copy_cursor() as cursor:
            columns = self.columns
            ids = [None] * len(rows)
            if self.returning:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [self.table, self.model._meta.pk.column, len(rows)],
                )
                ids = [row[0] for row in cursor.fetchall()]
                columns = [self.pk_column, *columns]
            with cursor.copy(f"COPY {self.table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row, pk in zip(rows, ids, strict=True):
                    params = self.params(row)
                    copy.write_row([pk, *params] if self.returning else params)
        return ids

    def write_values(self, rows: list[dict]) -> list:
        ids = []
        head = f"INSERT INTO {self.table} ({', '.join(self.columns)}) VALUES "
        placeholders = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        connection.ensure_connection()
        # The backend's own cursor: the debug cursor would keep every statement's text in memory.
        with closing(connection.create_cursor()) as cursor:
            for start in range(0, len(rows), self.batch):
                batch = rows[start : start + self.batch]
                params = [value for row in batch for value in self.params(row)]
                sql = head + ", ".join([placeholders] * len(batch))
                if self.returning:
                    cursor.execute(f"{sql} RETURNING {self.pk_column}", params)
                    ids.extend(row[0] for row in cursor.fetchall())
                else:
                    cursor.execute(sql, params)
                    ids.extend([None] * len(batch))
        return ids


def _copy_cursor():
    """A psycopg 3 cursor on Django's connection where the database is PostgreSQL, else None."""
    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    try:
        import psycopg
    except ImportError:  # psycopg2
        return None
    raw = connection.connection
    return psycopg.Cursor(raw) if isinstance(raw, psycopg.Connection) else None


def _adapt_decimal(ops, max_digits, decimal_places, value):
    return ops.adapt_decimalfield_value(value, max_digits, decimal_places)


def _adapt_json(ops, encoder, value):
    return ops.adapt_json_value(value, encoder)


class _AuditEntries:
    """Audit entries for created records, as core.audit.record writes them, in bulk."""

    def __init__(self, actor, now):
        self.actor_id = actor.pk if getattr(actor, "pk", None) else None
        self.actor_name = getattr(actor, "username", "") or "system"
        self.inserter = _Inserter(AuditEntry, now, returning=False)
        self.content_types = {}

    def add(self, instances, snapshot, describe) -> None:
        if not instances:
            return
        model = type(instances[0])
        content_type = self.content_types.get(model)
        if content_type is None:
            content_type = self.content_types[model] = ContentType.objects.get_for_model(model)
        self.inserter.insert(
            [
                {
                    "actor_id": self.actor_id,
                    "actor_name": self.actor_name,
                    "action": AuditAction.CREATE,
                    "content_type_id": content_type.pk,
                    "object_id": str(instance.pk),
                    "object_repr": describe(instance)[:300],
                    "before": None,
                    "after": snapshot(instance),
                    "source": SOURCE,
                }
                for instance in instances
            ]
        )


def import_file(source, *, actor, dry_run: bool = False, number_format: str = "en", filename=None) -> ImportReport:
    """Read a ledger file (.xlsx or CSV; a path or a binary file object), check every row and,
    unless `dry_run` or a row is wrong, write it all in one transaction.

    `number_format` says how numbers typed as text are written: "en" (1,234.56) or
    "vi" (1.234,56). Numeric spreadsheet cells are read as they are.
    """
    if filename is None and isinstance(source, str | Path):
        filename = Path(source).name
    report = ImportReport(filename=filename or "", dry_run=dry_run)
    try:
        _fmt, rows = _table(source, filename)
        importer = _Importer(report, number_format, services.today())
        readable = importer.read(rows)
    except ImportFileError as exc:
        report.add_error(None, str(exc))
        return report
    if not readable:
        return _sorted(report)
    if dry_run or report.errors:
        # Rows that could not be read are left out; the others are still checked, so that
        # every bad row is reported at once.
        importer.check()
        if not report.errors:
            importer.count()
        return _sorted(report)
    try:
        with transaction.atomic():
            importer.check()
            if report.errors:
                return _sorted(report)
            importer.count()
            importer.write(actor)
            # Rows written in bulk pass no model signal: mark the ledger as changed here.
            analytics.changed()
            _hand_over_registrations(importer, actor)
    except IntegrityError:
        report.add_error(
            None, _("The registry changed while the file was being imported; nothing was written. Please try again.")
        )
        return report
    report.written = True
    return report


def _hand_over_registrations(importer, actor) -> None:
    """First certificates that the file brought reach the CRM as one entered on a form does
    (`services.record_event`): the investment leads that were after those projects convert. Only
    projects that an open lead names, or whose investors an open lead's organisation stands for,
    are handed over, so that a national-scale file costs a query, not one per project."""
    codes = [event.code for event in importer.new_events if event.kind == EventKind.REGISTRATION]
    if not codes:
        return
    from japandesk.crm.models import Lead
    from japandesk.crm.services import project_registered

    open_leads = Lead.objects.filter(pipeline__key="investment", converted_on__isnull=True)
    candidates = (
        Project.objects.filter(code__in=codes)
        .filter(
            Q(pk__in=open_leads.filter(project__isnull=False).values("project_id"))
            | Q(
                events__kind=EventKind.REGISTRATION,
                events__participations__investor__in=open_leads.filter(
                    project__isnull=True, organisation__investor__isnull=False
                ).values("organisation__investor_id"),
            )
        )
        .distinct()
        .order_by("pk")
    )
    for project in candidates:
        project_registered(project, actor, source="import")


def _sorted(report: ImportReport) -> ImportReport:
    report.errors.sort(key=lambda item: item[0] or 0)
    return report

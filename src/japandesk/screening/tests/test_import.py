"""Import of monitoring reports: every bad row with its line, all or nothing, safe to run twice."""

import datetime
import io
from decimal import Decimal

from openpyxl import Workbook

from japandesk.core.models import AuditEntry
from japandesk.screening import importing
from japandesk.screening.models import MonitoringReport

HEADER = [
    "Project code",
    "Report date",
    "Realised capital to date (USD)",
    "Jobs",
    "Operating",
    "Land in use (ha)",
    "Taxes paid, 12 months (USD)",
    "Note",
]


def workbook(rows, header=HEADER) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


GOOD = [
    ["QN-T-001", datetime.date(2021, 12, 31), 8000000, 280, "yes", 5.5, 90000, "first"],
    ["QN-T-001", "2022-12-31", "10,000,000", 300, "có", 5.5, 120000, ""],
]


def test_a_good_file_is_previewed_then_written_once(committed_project, officer):
    preview = importing.import_file(workbook(GOOD), actor=officer, dry_run=True, filename="r.xlsx")
    assert (preview.ok, preview.rows, preview.created, preview.written) == (True, 2, 2, False)
    assert [row["line"] for row in preview.preview] == [2, 3]
    assert MonitoringReport.objects.count() == 0
    done = importing.import_file(workbook(GOOD), actor=officer, filename="r.xlsx")
    assert (done.ok, done.created, done.written) == (True, 2, True)
    stored = list(MonitoringReport.objects.order_by("date").values_list("date", "realised_capital_usd", "operating"))
    assert stored == [
        (datetime.date(2021, 12, 31), Decimal("8000000.00"), True),
        (datetime.date(2022, 12, 31), Decimal("10000000.00"), True),
    ]
    assert AuditEntry.objects.filter(content_type__model="monitoringreport", source="import").count() == 2
    again = importing.import_file(workbook(GOOD), actor=officer, filename="r.xlsx")
    assert (again.ok, again.created, again.unchanged) == (True, 0, 2)
    assert MonitoringReport.objects.count() == 2


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_written(committed_project, officer):
    rows = [
        GOOD[0],
        ["QN-NOPE", "2021-12-31", 1, 1, "yes", None, None, ""],
        ["QN-T-001", "31/13/2021", -5, "many", "perhaps", None, None, ""],
        ["QN-T-001", "2099-01-01", 1, 1, "no", None, None, ""],
        ["QN-T-001", datetime.date(2021, 12, 31), 1, 1, "no", None, None, ""],
    ]
    result = importing.import_file(workbook(rows), actor=officer, filename="r.xlsx")
    assert result.error_lines() == [
        "line 3: No project has the code QN-NOPE.",
        "line 4: “31/13/2021” is not a date; write YYYY-MM-DD or DD/MM/YYYY.",
        "line 4: Realised capital to date (USD): -5 is negative.",
        "line 4: “many” is not a number.",
        "line 4: “perhaps” is not yes or no.",
        "line 5: The date 2099-01-01 is in the future.",
        "line 6: The report of QN-T-001 on 2021-12-31 is already on line 2.",
    ]
    assert result.summary() == "7 errors found; nothing was imported."
    assert MonitoringReport.objects.count() == 0


def test_a_different_report_for_a_stored_date_is_an_error(committed_project, officer):
    importing.import_file(workbook(GOOD[:1]), actor=officer, filename="r.xlsx")
    changed = [["QN-T-001", datetime.date(2021, 12, 31), 7000000, 280, "yes", 5.5, 90000, "first"]]
    result = importing.import_file(workbook(changed), actor=officer, filename="r.xlsx")
    assert result.error_lines() == [
        "line 2: QN-T-001 already has a report on 2021-12-31 with other figures; correct it on the project's page."
    ]


def test_missing_columns_and_foreign_files(committed_project, officer):
    result = importing.import_file(workbook([], header=["Project code", "Jobs"]), actor=officer, filename="r.xlsx")
    assert result.error_lines() == ["line 1: Missing columns: Report date, Realised capital to date (USD), Operating."]
    result = importing.import_file(io.BytesIO(b"not a workbook"), actor=officer, filename="r.xlsx")
    assert result.error_lines() == ["The file is not an Excel workbook (.xlsx)."]

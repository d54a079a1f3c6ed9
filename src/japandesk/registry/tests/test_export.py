"""Exports of lists to CSV and .xlsx, and the rows of the ledger and project lists."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.http import Http404
from django.utils import translation

from japandesk.registry import services
from japandesk.registry.exporting import (
    LEDGER_COLUMNS,
    export_response,
    ledger_rows,
    project_columns,
    project_rows,
)
from japandesk.registry.models import Investor, LedgerEvent, Project

D = datetime.date
COLUMNS = [("name", "Tên / Name"), ("amount", "Amount (USD)"), ("on", "Date"), ("note", "Note")]
ROWS = [
    {"name": "Nhà máy Đông Mai", "amount": Decimal("1234.50"), "on": D(2024, 3, 1), "note": "=1+1"},
    {"name": "株式会社サンプル", "amount": None, "on": None, "note": 'say "hi", then; go'},
]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_csv_is_utf8_with_a_byte_order_mark_so_excel_reads_vietnamese_and_japanese():
    response = export_response(iter(ROWS), COLUMNS, "projects", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="projects.csv"'
    data = content(response)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        "Tên / Name,Amount (USD),Date,Note",
        "Nhà máy Đông Mai,1234.50,2024-03-01,=1+1",
        '株式会社サンプル,,,"say ""hi"", then; go"',
    ]


def test_xlsx_keeps_numbers_as_numbers_dates_as_dates_and_text_as_text():
    response = export_response(ROWS, COLUMNS, "projects.xlsx", "xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="projects.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(content(response))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows == [
        ["Tên / Name", "Amount (USD)", "Date", "Note"],
        ["Nhà máy Đông Mai", 1234.5, datetime.datetime(2024, 3, 1), "=1+1"],
        ["株式会社サンプル", None, None, 'say "hi", then; go'],
    ]
    assert [sheet.cell(2, column).data_type for column in (2, 3, 4)] == ["n", "d", "s"]
    assert sheet.cell(1, 1).font.bold is True


def test_a_non_ascii_file_name_is_given_in_utf8():
    response = export_response([], COLUMNS, "sổ cái", "csv")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''s%E1%BB%95%20c%C3%A1i.csv"


def test_an_unknown_format_is_not_found():
    with pytest.raises(Http404):
        export_response(ROWS, COLUMNS, "projects", "pdf")


def test_ledger_rows_follow_the_import_template_with_a_row_per_further_investor(
    officer, registered_project, countries, zones
):
    # given a share purchase by two investors and a decrease
    korean = services.create_investor(actor=officer, name="한국전자", name_latin="Hanguk", country=countries["KR"])
    japanese = Investor.objects.get(name_latin="Sample Denshi K.K.")
    services.record_event(
        registered_project,
        actor=officer,
        kind="share_purchase",
        date=D(2022, 1, 1),
        certificate_no="IRC-T-001-1",
        capital_usd=Decimal(0),
        capital_vnd=Decimal(0),
        lineup=[(japanese, Decimal(40)), (korean, Decimal(60))],
    )
    services.record_event(
        registered_project,
        actor=officer,
        kind="decrease",
        date=D(2023, 1, 1),
        certificate_no="IRC-T-001-2",
        capital_usd=Decimal(1000000),
        capital_vnd=Decimal(24000000000),
        note="Bớt vốn",
    )
    # when the ledger is exported
    rows = list(ledger_rows(LedgerEvent.objects.filter(date__year__gte=2022).order_by("date")))
    # then each event is a row with its leading investor, further investors follow, amounts are magnitudes
    project = {
        "project_code": "QN-T-001",
        "project_name": "Nhà máy linh kiện điện tử Sample",
        "project_name_latin": "Sample electronic parts factory",
        "sector": "26",
        "zone": "dong-mai-ip",
        "location": "",
        "land_area_ha": Decimal("5.5000"),
        "planned_jobs": 300,
    }
    assert rows == [
        {
            **project,
            "event": "Capital contribution, share purchase",
            "date": D(2022, 1, 1),
            "certificate_no": "IRC-T-001-1",
            "amount_usd": Decimal("0.00"),
            "amount_vnd": Decimal("0"),
            "note": "",
            "investor_name": "한국전자",
            "investor_name_latin": "Hanguk",
            "investor_kana": "",
            "investor_country": "KR",
            "share": Decimal("60.0000"),
        },
        {
            "project_code": "QN-T-001",
            "certificate_no": "IRC-T-001-1",
            "investor_name": "株式会社サンプル電子",
            "investor_name_latin": "Sample Denshi K.K.",
            "investor_kana": "カブシキガイシャサンプルデンシ",
            "investor_country": "JP",
            "share": Decimal("40.0000"),
        },
        {
            **project,
            "event": "Capital decrease",
            "date": D(2023, 1, 1),
            "certificate_no": "IRC-T-001-2",
            "amount_usd": Decimal("1000000.00"),
            "amount_vnd": Decimal("24000000000"),
            "note": "Bớt vốn",
        },
    ]
    assert [key for key, _header in LEDGER_COLUMNS][:3] == ["project_code", "project_name", "project_name_latin"]
    assert LEDGER_COLUMNS[0] == ("project_code", "Mã dự án / Project code")


def test_project_rows_give_each_project_as_of_a_date(officer, registered_project, sectors):
    services.create_project(actor=officer, code="QN-T-002", name="Dự án chưa cấp phép", sector=sectors["35"])
    services.record_event(
        registered_project, actor=officer, kind="termination", date=D(2024, 6, 1), certificate_no="QD-1"
    )
    on = D(2023, 12, 31)
    rows = list(project_rows(Project.objects.order_by("code"), on))
    assert rows == [
        {
            "code": "QN-T-001",
            "name": "Nhà máy linh kiện điện tử Sample",
            "name_latin": "Sample electronic parts factory",
            "sector_code": "26",
            "sector": "Manufacture of computer, electronic and optical products",
            "zone": "Dong Mai Industrial Park",
            "origin_code": "JP",
            "origin": "Japan",
            "registered_on": D(2020, 3, 2),
            "status": "Active",
            "capital_usd": Decimal("10000000.00"),
        },
        {
            "code": "QN-T-002",
            "name": "Dự án chưa cấp phép",
            "name_latin": "",
            "sector_code": "35",
            "sector": "Electricity, gas, steam and air conditioning supply",
            "zone": "",
            "origin_code": "",
            "origin": "",
            "registered_on": None,
            "status": "Not yet registered",
            "capital_usd": Decimal("0"),
        },
    ]
    assert [row["status"] for row in project_rows(Project.objects.order_by("code"), D(2024, 6, 1))] == [
        "Terminated",
        "Not yet registered",
    ]
    assert project_columns(on)[-1] == ("capital_usd", "Registered capital (USD) on Dec 31, 2023")

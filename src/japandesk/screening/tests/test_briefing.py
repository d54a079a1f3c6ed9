"""The leader briefing: a one-page PDF in Japanese with the CJK font, and the Excel workbook's cells."""

import datetime
import io
import re
import zlib
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from weasyprint import HTML

from japandesk.screening import briefing
from japandesk.screening.tests.conftest import report

ON = datetime.date(2023, 6, 1)


@pytest.fixture
def scene(committed_project, officer):
    report(committed_project, officer, datetime.date(2021, 12, 31), "1000000", jobs=10, land="1", taxes="5500")
    return committed_project


def page_text(document) -> str:
    def walk(box):
        yield box
        yield from (descendant for child in getattr(box, "children", None) or [] for descendant in walk(child))

    return " ".join(box.text for page in document.pages for box in walk(page._page_box) if getattr(box, "text", None))


def embedded_fonts(pdf: bytes) -> set[str]:
    names = set()
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        names.update(name.decode() for name in re.findall(rb"/(?:BaseFont|FontName)\s*/[A-Z]{6}\+([\w-]+)", data))
    return names


def test_the_japanese_briefing_is_one_page_in_japanese_with_the_cjk_font(scene):
    html = briefing.render_html(ON, "ja")
    document = HTML(string=html).render()
    assert len(document.pages) == 1
    text = page_text(document)
    assert "2023年6月1日" in text  # the date written the Japanese way
    assert "日本" in text  # Japan, named in Japanese
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]{2,}", text)
    pdf = document.write_pdf()
    assert pdf.startswith(b"%PDF-")
    assert "Noto-Sans-CJK-JP" in embedded_fonts(pdf)


def test_the_briefing_pdf_is_served_to_leaders(client, leader, scene):
    client.force_login(leader)
    response = client.get(reverse("screening:briefing"), {"as_of": "2023-06-01", "language": "ja", "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="briefing-2023-06-01-ja.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_the_workbook_holds_the_figures(client, leader, scene):
    client.force_login(leader)
    response = client.get(reverse("screening:briefing"), {"as_of": "2023-06-01", "language": "en", "format": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    from django.apps import apps

    has_crm = any(model.__name__ == "Lead" for model in apps.get_app_config("crm").get_models())
    assert book.sheetnames == ["Briefing", "Flags", "By origin", *(["Pipeline"] if has_crm else [])]
    sheet = book["Briefing"]
    cells = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert cells["Active projects"][0] == 1
    assert cells["Registered capital (USD)"][0] == 10000000
    assert cells["Japanese projects"][0] == 1
    assert cells["Promised against delivered"][:2] == ("All FDI", "Japan")
    assert cells["Committed capital (USD)"][:2] == (10000000, 10000000)
    assert cells["Realised capital (USD)"] == (1000000, 1000000)  # monitored projects' row
    assert cells["Committed jobs"][:2] == (300, 300)
    assert cells["Projects for termination review"][0] == 1
    flags = list(book["Flags"].iter_rows(values_only=True))
    assert flags[0] == ("Project", "Name", "Flags", "Grounds for review", "Capital shortfall (USD)")
    assert flags[1][0] == "QN-T-001"
    assert flags[1][4] == 9000000
    assert list(book["By origin"].iter_rows(values_only=True))[1] == ("Japan", 1, 10000000, 1000000, 10)


def test_the_vietnamese_workbook_is_in_vietnamese(scene):
    book = load_workbook(io.BytesIO(briefing.workbook(ON, "vi")))
    assert book["Briefing" if "Briefing" in book.sheetnames else book.sheetnames[0]]["B1"].value == "1 thg 6, 2023"


def test_the_briefing_counts_the_crm_pipeline(scene, officer, sectors):
    from japandesk.crm import services as crm_services

    crm_services.create_lead(
        officer, pipeline="investment", title="Phase 2", sector=sectors["26"], estimated_capital_usd=Decimal("5000000")
    )
    crm_services.create_lead(
        officer, pipeline="investment", title="New plant", estimated_capital_usd=Decimal("7000000")
    )
    with translation.override("en"):
        groups = briefing.pipeline(timezone.localdate())
    assert len(groups) == 1
    assert (groups[0]["leads"], groups[0]["capital_usd"]) == (2, Decimal("12000000.00"))
    book = load_workbook(io.BytesIO(briefing.workbook(timezone.localdate(), "en")))
    rows = list(book["Pipeline"].iter_rows(values_only=True))
    assert rows[0] == ("Pipeline", "Stage", "Leads", "Estimated capital (USD)")
    assert rows[1][2:] == (2, 12000000)

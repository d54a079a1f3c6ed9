"""The ledger import: the template's columns in Vietnamese or English, continuation rows,
every kind of bad row reported with its line, all-or-nothing writes, and files that
import twice without changing anything.
"""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from japandesk.core.models import AuditEntry, FxRate
from japandesk.registry import services
from japandesk.registry.importing import COLUMNS, HEADER_INDEX, event_kind_index, fold, import_file, match_header
from japandesk.registry.models import Investor, LedgerEvent, Participation, Project

D = datetime.date
EN = [column.en for column in COLUMNS]
VI = [column.vi for column in COLUMNS]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def reference(countries, sectors, zones):
    """Countries JP, KR, SG, VN; sectors C, 26, D, 35; zones van-don-ez, dong-mai-ip, kim-son-cluster."""
    return countries


@pytest.fixture
def vnd_rate(db):
    return FxRate.objects.create(currency="VND", date=D(2015, 1, 1), per_usd=Decimal(25000))


def row(**values) -> list:
    return [values.get(column.key, "") for column in COLUMNS]


def registration(code="QN-100", cert="IRC-100", **values) -> list:
    data = {
        "project_code": code,
        "project_name": "Nhà máy Alpha",
        "sector": "26",
        "zone": "dong-mai-ip",
        "event": "registration",
        "date": "2021-04-01",
        "certificate_no": cert,
        "amount_usd": "5000000",
        "amount_vnd": "125000000000",
        "investor_name": "Alpha K.K.",
        "investor_country": "JP",
        "share": "100",
    }
    data.update(values)
    return row(**data)


def event(kind, cert, date, usd="", code="QN-100", **values) -> list:
    return row(project_code=code, event=kind, date=date, certificate_no=cert, amount_usd=usd, **values)


def csv_file(rows, header=EN, delimiter=",", bom=False) -> io.BytesIO:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return io.BytesIO((b"\xef\xbb\xbf" if bom else b"") + text.getvalue().encode())


def xlsx_file(rows, header=EN) -> io.BytesIO:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for values in rows:
        sheet.append([None if value == "" else value for value in values])
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    return data


def run(rows, officer, fmt="csv", **options):
    source = csv_file(rows) if fmt == "csv" else xlsx_file(rows)
    return import_file(source, actor=officer, filename=f"ledger.{fmt}", **options)


def counts() -> dict:
    return {
        "projects": Project.objects.count(),
        "investors": Investor.objects.count(),
        "events": LedgerEvent.objects.count(),
        "participations": Participation.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


def test_headers_match_in_either_language_ignoring_case_accents_and_spacing():
    assert match_header("Mã dự án") == "project_code"
    assert match_header("  MA  DU AN ") == "project_code"
    assert match_header("project code") == "project_code"
    assert match_header("Project_Code") == "project_code"
    assert match_header("Số vốn (USD) / Amount (USD)") == "amount_usd"
    assert match_header("tỷ lệ góp vốn (%)") == "share"
    assert match_header("Something else") is None
    # every alias names one column only
    names = [
        fold(name)
        for column in COLUMNS
        for name in {fold(n) for n in (column.key, column.vi, column.en, *column.aliases)}
    ]
    assert len(names) == len(set(names)) == len(HEADER_INDEX)


def test_event_kinds_accept_keys_and_labels_in_each_language():
    kinds = event_kind_index()
    assert [kinds[fold(text)] for text in ("share_purchase", "Cấp mới", "cap moi", "New registration")] == [
        "share_purchase",
        "registration",
        "registration",
        "registration",
    ]
    assert [kinds[fold(text)] for text in ("điều chỉnh tăng vốn", "Capital decrease", "事業終了")] == [
        "increase",
        "decrease",
        "termination",
    ]


def test_a_registration_with_continuation_rows_creates_the_project_its_investors_and_the_events(
    officer, reference, vnd_rate
):
    # given a registration by a Japanese and a Korean investor, then an increase and a decrease
    rows = [
        registration(
            investor_name="株式会社アルファ",
            investor_name_latin="Alpha K.K.",
            investor_kana="アルファ",
            share="60",
            location="Đông Triều",
            land_area_ha="12.5",
            planned_jobs="800",
            project_name_latin="Alpha factory",
            note="first licence",
        ),
        row(certificate_no="IRC-100", investor_name="Beta Co.", investor_country="kr", share="40"),
        event("increase", "IRC-100-1", "2022-06-30", "1,500,000.50"),
        event("Capital decrease", "IRC-100-2", "15/01/2023", "500000"),
    ]
    # when the file is imported
    report = run(rows, officer)
    # then one project, two investors and three events are created
    assert report.errors == []
    assert (report.rows, report.projects_created, report.investors_created) == (4, 1, 2)
    assert (report.events_created, report.events_unchanged, report.written) == (3, 0, True)
    project = Project.objects.get(code="QN-100")
    assert (project.name, project.name_latin, project.sector.code, project.zone.code) == (
        "Nhà máy Alpha",
        "Alpha factory",
        "26",
        "dong-mai-ip",
    )
    assert (project.location, project.land_area_ha, project.planned_jobs) == ("Đông Triều", Decimal("12.5"), 800)
    assert project.search_text == "qn-100 nha may alpha alpha factory"
    events = list(
        project.events.order_by("date").values_list("kind", "date", "capital_change_usd", "capital_change_vnd")
    )
    assert events == [
        ("registration", D(2021, 4, 1), Decimal("5000000.00"), Decimal("125000000000")),
        ("increase", D(2022, 6, 30), Decimal("1500000.50"), Decimal("37500012500")),
        ("decrease", D(2023, 1, 15), Decimal("-500000.00"), Decimal("-12500000000")),
    ]
    first = project.events.get(kind="registration")
    assert first.note == "first licence"
    assert first.origin.code == "JP"
    assert project.events.get(kind="increase").origin is None
    lineup = [
        (p.investor.name, p.investor.name_latin, p.investor.name_kana, p.investor.country.code, p.share)
        for p in first.participations.order_by("-share")
    ]
    assert lineup == [
        ("株式会社アルファ", "Alpha K.K.", "アルファ", "JP", Decimal("60.0000")),
        ("Beta Co.", "", "", "KR", Decimal("40.0000")),
    ]
    assert Investor.objects.get(name="Beta Co.").search_text == "beta co."
    assert Project.objects.as_of(D(2023, 12, 31)).get().capital_usd == Decimal("6000000.50")


def test_the_lead_investor_sets_the_origin_and_existing_investors_are_reused(officer, reference, vnd_rate):
    # given an investor already in the registry
    korean = services.create_investor(actor=officer, name="Beta Co.", country=reference["KR"])
    rows = [
        registration(investor_name="Alpha K.K.", share="30"),
        row(certificate_no="IRC-100", investor_name="Beta Co.", investor_country="KR", share="70"),
    ]
    # when a file names it with the same name and country
    report = run(rows, officer)
    # then it is matched, only the other investor is created, and the origin is the larger share's
    assert (report.errors, report.investors_created) == ([], 1)
    registration_event = LedgerEvent.objects.get()
    assert registration_event.origin.code == "KR"
    assert registration_event.participations.get(share=70).investor == korean


def test_a_single_investor_with_a_blank_share_holds_all_of_it(officer, reference, vnd_rate):
    report = run([registration(share="")], officer)
    assert report.errors == []
    assert Participation.objects.get().share == Decimal(100)


def test_vietnamese_headers_and_the_vietnamese_number_format(officer, reference, vnd_rate):
    # given a CSV with Vietnamese headers, a Vietnamese event label and numbers written 1.234,56
    rows = [
        registration(event="Cấp mới", amount_usd="5.000.000,25", amount_vnd="", land_area_ha="3,5"),
        event("Điều chỉnh tăng vốn", "IRC-100-1", "01/02/2022", "1.000.000"),
    ]
    # when it is imported with the vi number format
    report = import_file(csv_file(rows, header=VI), actor=officer, number_format="vi", filename="so.csv")
    # then the numbers are read the Vietnamese way and VND is converted at the day's rate
    assert report.errors == []
    assert list(LedgerEvent.objects.order_by("date").values_list("capital_change_usd", "capital_change_vnd")) == [
        (Decimal("5000000.25"), Decimal("125000006250")),
        (Decimal("1000000.00"), Decimal("25000000000")),
    ]
    assert Project.objects.get().land_area_ha == Decimal("3.5")


def test_the_same_numbers_in_english_format_are_errors_when_read_as_vietnamese(officer, reference, vnd_rate):
    report = import_file(
        csv_file([registration(amount_usd="5,000,000.25")]), actor=officer, number_format="vi", filename="a.csv"
    )
    assert report.errors == [(2, "Column “Amount (USD)”: “5,000,000.25” is not a number.")]


def test_a_csv_with_a_byte_order_mark_and_semicolons(officer, reference, vnd_rate):
    rows = [
        registration(),
        event("góp vốn, mua cổ phần", "IRC-100-1", "2022-01-01", "0", investor_name="Beta", investor_country="SG"),
    ]
    report = import_file(csv_file(rows, delimiter=";", bom=True), actor=officer, filename="a.csv")
    assert report.errors == []
    assert list(LedgerEvent.objects.order_by("date").values_list("kind", "origin__code")) == [
        ("registration", "JP"),
        ("share_purchase", "SG"),
    ]


def test_vnd_alone_is_converted_to_usd_at_the_rate_of_the_day(officer, reference, vnd_rate):
    FxRate.objects.create(currency="VND", date=D(2021, 1, 1), per_usd=Decimal(23000))
    report = run([registration(amount_usd="", amount_vnd="23000000000")], officer)
    assert report.errors == []
    assert LedgerEvent.objects.values_list("capital_change_usd", "capital_change_vnd").get() == (
        Decimal("1000000.00"),
        Decimal("23000000000"),
    )


def test_an_xlsx_with_numeric_and_date_cells(officer, reference, vnd_rate):
    rows = [
        registration(
            date=D(2021, 4, 1),
            amount_usd=5000000,
            amount_vnd=None,
            share=100,
            land_area_ha=2.25,
            planned_jobs=40,
            certificate_no=1234567,
        ),
        event("termination", "QD-9", datetime.datetime(2024, 5, 6)),
    ]
    report = run(rows, officer, fmt="xlsx")
    assert report.errors == []
    assert list(LedgerEvent.objects.order_by("date").values_list("certificate_no", "date", "capital_change_usd")) == [
        ("1234567", D(2021, 4, 1), Decimal("5000000.00")),
        ("QD-9", D(2024, 5, 6), Decimal("0.00")),
    ]
    assert Project.objects.values_list("land_area_ha", "planned_jobs").get() == (Decimal("2.25"), 40)


FUTURE = D(2099, 1, 1)


@pytest.mark.parametrize(
    ("rows", "errors"),
    [
        pytest.param([registration(sector="99")], [(2, "Unknown VSIC sector code “99”.")], id="unknown-sector"),
        pytest.param([registration(investor_country="XX")], [(2, "Unknown country code “XX”.")], id="unknown-country"),
        pytest.param([registration(zone="nowhere")], [(2, "Unknown zone code “nowhere”.")], id="unknown-zone"),
        pytest.param([registration(event="merger")], [(2, "Unknown event kind “merger”.")], id="unknown-event-kind"),
        pytest.param(
            [registration(), event("increase", "IRC-100-1", "2022-01-01", "-5")],
            [(3, "The amount must not be negative; a decrease is entered as a positive amount.")],
            id="negative-amount",
        ),
        pytest.param(
            [registration(amount_usd="5 million")],
            [(2, "Column “Amount (USD)”: “5 million” is not a number.")],
            id="unparseable-amount",
        ),
        pytest.param(
            [registration(date="2021-13-01")],
            [(2, "Column “Date”: “2021-13-01” is not a date; write it as yyyy-mm-dd or dd/mm/yyyy.")],
            id="unparseable-date",
        ),
        pytest.param(
            [registration(date=FUTURE.isoformat())], [(2, "The date 2099-01-01 is in the future.")], id="future-date"
        ),
        pytest.param(
            [registration(), event("increase", "IRC-100", "2022-01-01", "5")],
            [
                (
                    3,
                    "Certificate number IRC-100 is already used on line 2; a row that names a further investor of "
                    "that event leaves the event kind blank.",
                )
            ],
            id="duplicate-certificate-in-file",
        ),
        pytest.param(
            [registration(), event("increase", "IRC-100-1", "2021-03-01", "5")],
            [(3, "The event on 2021-03-01 comes before the project's registration on 2021-04-01.")],
            id="event-before-registration",
        ),
        pytest.param(
            [
                registration(),
                event("termination", "QD-1", "2022-01-01"),
                event("increase", "IRC-100-1", "2023-01-01", "5"),
            ],
            [(4, "The project was terminated on 2022-01-01; no event may follow.")],
            id="event-after-termination",
        ),
        pytest.param(
            [registration(), event("decrease", "IRC-100-1", "2022-01-01", "6000000")],
            [(3, "The decrease is larger than the project's capital on 2022-01-01.")],
            id="decrease-larger-than-capital",
        ),
        pytest.param(
            [
                registration(share="60"),
                row(certificate_no="IRC-100", investor_name="Beta", investor_country="KR", share="30"),
            ],
            [(2, "The investors' shares add up to 90%, not 100%.")],
            id="shares-not-100",
        ),
        pytest.param(
            [registration(investor_name="", investor_country="", share="")],
            [(2, "A new registration must name its investors.")],
            id="registration-without-investor",
        ),
        pytest.param(
            [event("increase", "IRC-100-1", "2022-01-01", "5")],
            [(2, "The project has no new-registration event before this one.")],
            id="no-registration",
        ),
        pytest.param(
            [registration(project_name="", sector="")],
            [
                (2, "The project name is missing on the project's registration row."),
                (2, "The VSIC sector code is missing on the project's registration row."),
            ],
            id="registration-without-project-columns",
        ),
        pytest.param(
            [registration(), event("increase", "IRC-100-1", "2022-01-01", "5", project_name="Other name")],
            [(3, "Project QN-100 has another “Project name” on line 2: “Nhà máy Alpha”.")],
            id="project-columns-disagree",
        ),
        pytest.param(
            [registration(amount_vnd="", date="2014-06-01")],
            [(2, "No USD/VND exchange rate on or before 2014-06-01.")],
            id="missing-rate",
        ),
        pytest.param(
            [registration(share="60"), row(certificate_no="IRC-100", investor_name="Beta", investor_country="KR")],
            [(3, "The share (%) is missing; it may be left blank only when the event has a single investor.")],
            id="missing-share",
        ),
        pytest.param(
            [
                registration(),
                row(certificate_no="IRC-100", date="2021-04-01", investor_name="B", investor_country="KR"),
            ],
            [
                (
                    3,
                    "This row names a further investor of the event on line 2; it may fill only the investor "
                    "columns, not “Date”.",
                )
            ],
            id="continuation-with-event-columns",
        ),
        pytest.param([registration(project_code="")], [(2, "The project code is missing.")], id="missing-project-code"),
        pytest.param(
            [registration(amount_usd="0", amount_vnd="")],
            [(2, "A New registration needs an amount greater than zero.")],
            id="zero-amount",
        ),
    ],
)
def test_each_bad_row_is_reported_with_its_line_and_nothing_is_written(officer, reference, vnd_rate, rows, errors):
    # given a file with a bad row
    before = counts()
    # when it is imported
    report = run(rows, officer)
    # then the error names the row's line (the header is line 1) and nothing is written
    assert report.errors == errors
    assert (report.ok, report.written) == (False, False)
    assert counts() == before


def test_a_missing_required_column_is_reported_once_on_the_header_line(officer, reference):
    header = [name for name in EN if name not in ("Date", "Certificate number")]
    rows = [[value for name, value in zip(EN, registration(), strict=True) if name in header]] * 3
    report = import_file(csv_file(rows, header=header), actor=officer, filename="a.csv")
    assert report.errors == [
        (1, "The column “Ngày / Date” is missing."),
        (1, "The column “Số giấy chứng nhận / Certificate number” is missing."),
    ]


def test_a_certificate_already_in_the_ledger_with_other_content_is_an_error(officer, registered_project, vnd_rate):
    # given IRC-T-001 registered on 2020-03-02 for USD 10 million
    rows = [
        registration(
            code="QN-T-001",
            cert="IRC-T-001",
            project_name="",
            sector="",
            zone="",
            date="2020-03-02",
            amount_usd="9000000",
            amount_vnd="",
            investor_name="株式会社サンプル電子",
        ),
    ]
    report = run(rows, officer)
    assert report.errors == [
        (2, "Certificate number IRC-T-001 is already in the ledger with other content: Amount (USD).")
    ]


def test_an_existing_project_given_another_name_is_an_error(officer, registered_project, vnd_rate):
    rows = [event("increase", "IRC-T-001-1", "2021-01-01", "5", code="QN-T-001", project_name="Renamed")]
    report = run(rows, officer)
    assert report.errors == [(2, "Project QN-T-001 already exists with another “Project name”, not “Renamed”.")]


def test_new_events_are_checked_against_the_ledger_already_in_the_registry(officer, registered_project, vnd_rate):
    # given QN-T-001 registered on 2020-03-02 with USD 10 million
    rows = [
        event("decrease", "IRC-T-001-1", "2021-01-01", "12000000", code="QN-T-001"),
        event("increase", "IRC-T-001-2", "2019-01-01", "1", code="QN-T-001"),
    ]
    report = run(rows, officer)
    assert report.errors == [
        (2, "The decrease is larger than the project's capital on 2021-01-01."),
        (3, "The event on 2019-01-01 comes before the project's registration on 2020-03-02."),
    ]


def test_events_for_an_existing_project_are_added_to_its_ledger(officer, registered_project, vnd_rate):
    report = run([event("increase", "IRC-T-001-1", "2021-01-01", "2000000", code="QN-T-001")], officer)
    assert (report.errors, report.projects_created, report.events_created) == ([], 0, 1)
    assert Project.objects.as_of(D(2021, 1, 1)).get().capital_usd == Decimal("12000000.00")


def test_one_bad_row_means_nothing_is_written(officer, reference, vnd_rate):
    # given two good projects and a third whose increase has a bad amount
    rows = [
        registration("QN-1", "C-1"),
        registration("QN-2", "C-2"),
        registration("QN-3", "C-3"),
        event("increase", "C-3-1", "2022-01-01", "abc", code="QN-3"),
    ]
    report = run(rows, officer)
    assert report.errors == [(5, "Column “Amount (USD)”: “abc” is not a number.")]
    assert counts() == {"projects": 0, "investors": 0, "events": 0, "participations": 0, "audit": 0}


def test_every_bad_row_is_reported_not_only_the_first(officer, reference, vnd_rate):
    rows = [
        registration("QN-1", "C-1", sector="00"),
        registration("QN-2", "C-2"),
        registration("QN-3", "C-3", date="x"),
    ]
    report = run(rows, officer)
    assert report.errors == [
        (2, "Unknown VSIC sector code “00”."),
        (4, "Column “Date”: “x” is not a date; write it as yyyy-mm-dd or dd/mm/yyyy."),
    ]
    assert report.summary() == "2 errors found; nothing was imported."


def test_importing_the_same_file_twice_changes_nothing(officer, reference, vnd_rate):
    rows = [
        registration(share="50"),
        row(certificate_no="IRC-100", investor_name="Beta", investor_country="KR", share="50"),
        event("increase", "IRC-100-1", "2022-01-01", "1000000"),
        event("termination", "QD-100", "2024-01-01"),
    ]
    first = run(rows, officer)
    after_first = counts()
    second = run(rows, officer)
    assert (first.events_created, first.events_unchanged) == (3, 0)
    assert second.errors == []
    assert (second.projects_created, second.investors_created, second.events_created, second.events_unchanged) == (
        0,
        0,
        0,
        3,
    )
    assert counts() == after_first == {"projects": 1, "investors": 2, "events": 3, "participations": 2, "audit": 6}
    assert second.summary() == (
        "Rows read: 4. Created — projects: 0, investors: 0, ledger events: 0. Events already in the ledger: 3."
    )


def test_a_dry_run_counts_but_writes_nothing(officer, reference, vnd_rate):
    report = run([registration(), event("increase", "IRC-100-1", "2022-01-01", "1")], officer, dry_run=True)
    assert (report.ok, report.written, report.projects_created, report.events_created) == (True, False, 1, 2)
    assert report.summary() == (
        "Rows read: 2. To be created — projects: 1, investors: 1, ledger events: 2. Events already in the ledger: 0."
    )
    assert [(e["line"], e["certificate_no"], e["investors"]) for e in report.preview_events] == [
        (2, "IRC-100", [{"name": "Alpha K.K.", "country": "JP", "share": Decimal("100")}]),
        (3, "IRC-100-1", []),
    ]
    assert report.preview_projects == [
        {"line": 2, "code": "QN-100", "name": "Nhà máy Alpha", "sector": "26", "zone": "dong-mai-ip"}
    ]
    assert counts()["events"] == 0


def test_audit_entries_are_written_with_the_import_as_source(officer, reference, vnd_rate):
    run([registration()], officer)
    entries = AuditEntry.objects.order_by("id")
    assert [(e.content_type.model, e.action, e.source, e.actor, e.actor_name) for e in entries] == [
        ("investor", "create", "import", officer, "officer"),
        ("project", "create", "import", officer, "officer"),
        ("ledgerevent", "create", "import", officer, "officer"),
    ]
    event_entry = entries.last()
    investor = Investor.objects.get()
    assert event_entry.object_id == str(LedgerEvent.objects.get().pk)
    assert event_entry.after["capital_change_usd"] == "5000000.00"
    assert event_entry.after["investors"] == [{"investor": investor.pk, "share": "100.0000"}]
    assert event_entry.before is None


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_exported_ledger_imports_back_unchanged(officer, registered_project, vnd_rate, countries, fmt):
    # given a ledger with a two-investor share purchase and a decrease
    from japandesk.registry.exporting import LEDGER_COLUMNS, export_response, ledger_rows

    korean = services.create_investor(actor=officer, name="한국전자", name_latin="Hanguk", country=countries["KR"])
    japanese = Investor.objects.get(name_latin="Sample Denshi K.K.")
    services.record_event(
        registered_project,
        actor=officer,
        kind="share_purchase",
        date=D(2022, 1, 1),
        certificate_no="IRC-T-001-1",
        capital_usd=Decimal(0),
        lineup=[(korean, Decimal("55.5")), (japanese, Decimal("44.5"))],
        note="Hanguk buys in",
    )
    services.record_event(
        registered_project,
        actor=officer,
        kind="decrease",
        date=D(2023, 1, 1),
        certificate_no="IRC-T-001-2",
        capital_usd=Decimal(1000000),
    )
    before = counts()
    # when it is exported to .xlsx and that file is imported
    response = export_response(ledger_rows(LedgerEvent.objects.order_by("date")), LEDGER_COLUMNS, "ledger", fmt)
    data = io.BytesIO(b"".join(response.streaming_content))
    report = import_file(data, actor=officer, filename=f"ledger.{fmt}")
    # then every event is unchanged and nothing is written
    assert report.errors == []
    assert (report.rows, report.events_unchanged, report.events_created) == (4, 3, 0)
    assert counts() == before


def test_a_file_that_is_not_utf8_or_not_a_workbook_is_refused(officer, reference):
    latin1 = io.BytesIO("Mã dự án\n".encode("latin-1", errors="replace") + b"\xe3\x28")
    assert import_file(latin1, actor=officer, filename="a.csv").errors == [
        (None, "The CSV file is not UTF-8 text; in Excel save it as “CSV UTF-8 (Comma delimited)”.")
    ]
    assert import_file(io.BytesIO(b"not a zip"), actor=officer, filename="a.xlsx").errors == [
        (None, "The file is not an Excel workbook (.xlsx).")
    ]
    assert import_file(io.BytesIO(b"PK\x03\x04broken"), actor=officer, filename="a.xlsx").errors == [
        (None, "The workbook cannot be read; save it again as .xlsx.")
    ]
    assert import_file(io.BytesIO(b""), actor=officer, filename="a.csv").errors == [
        (None, "The file is empty: it has no header row.")
    ]


def test_the_command_imports_a_file_and_prints_the_report(officer, reference, vnd_rate, tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_bytes(csv_file([registration()]).getvalue())
    out = io.StringIO()
    call_command("import", str(path), "--user", "officer", stdout=out)
    assert out.getvalue() == (
        "Rows read: 1. Created — projects: 1, investors: 1, ledger events: 1. Events already in the ledger: 0.\n"
    )
    assert AuditEntry.objects.filter(source="import", actor=officer).count() == 3


def test_the_command_dry_run_writes_nothing(officer, reference, vnd_rate, tmp_path):
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(xlsx_file([registration(amount_usd="5.000.000")]).getvalue())
    out = io.StringIO()
    call_command("import", str(path), "--dry-run", "--number-format", "vi", stdout=out)
    assert out.getvalue() == (
        "Rows read: 1. To be created — projects: 1, investors: 1, ledger events: 1. Events already in the ledger: 0.\n"
    )
    assert LedgerEvent.objects.count() == 0


def test_the_command_exits_with_status_1_listing_each_bad_line(officer, reference, vnd_rate, tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_bytes(
        csv_file([registration(sector="99"), registration("QN-2", "C-2", investor_country="ZZ")]).getvalue()
    )
    with pytest.raises(CommandError) as raised:
        call_command("import", str(path))
    assert raised.value.returncode == 1
    assert str(raised.value) == (
        "line 2: Unknown VSIC sector code “99”.\n"
        "line 3: Unknown country code “ZZ”.\n"
        "2 errors found; nothing was imported."
    )
    assert LedgerEvent.objects.count() == 0


def test_line_numbers_count_blank_rows_as_the_spreadsheet_shows_them(officer, reference, vnd_rate):
    rows = [registration(), [""] * len(COLUMNS), [""] * len(COLUMNS), registration("QN-2", "C-2", sector="XX")]
    assert run(rows, officer, fmt="xlsx").errors == [(5, "Unknown VSIC sector code “XX”.")]
    assert run(rows, officer).errors == [(5, "Unknown VSIC sector code “XX”.")]


def test_unknown_columns_are_ignored_and_a_column_given_twice_is_an_error(officer, reference, vnd_rate):
    report = import_file(csv_file([[*registration(), "x"]], header=[*EN, "Remarks"]), actor=officer, filename="a.csv")
    assert (report.errors, report.ignored_columns, report.events_created) == ([], ["Remarks"], 1)
    header = [*EN, "Số vốn (USD)"]
    report = import_file(csv_file([[*registration(), "1"]], header=header), actor=officer, filename="a.csv")
    assert report.errors == [(1, "The columns “Amount (USD)” and “Số vốn (USD)” are the same column.")]


@pytest.mark.parametrize(
    ("rows", "errors"),
    [
        pytest.param(
            [registration(cert="X" * 61)],
            [(2, "Column “Certificate number”: the text is longer than 60 characters.")],
            id="too-long",
        ),
        pytest.param(
            [registration(amount_usd="1e20")],
            [(2, "Column “Amount (USD)”: the number 1e20 is too large.")],
            id="too-large",
        ),
        pytest.param(
            [registration(planned_jobs="12.5")],
            [(2, "Column “Planned jobs”: “12.5” is not a whole number of people.")],
            id="jobs-not-whole",
        ),
        pytest.param(
            [registration(land_area_ha="-1")],
            [(2, "Column “Land area (ha)”: the value must not be negative.")],
            id="negative-land",
        ),
        pytest.param(
            [
                registration(share="50"),
                row(certificate_no="IRC-100", investor_name="Alpha K.K.", investor_country="JP", share="50"),
            ],
            [(2, "An investor is listed twice.")],
            id="investor-twice",
        ),
        pytest.param(
            [registration(), event("termination", "QD-1", "2022-01-01", investor_name="A", investor_country="JP")],
            [(3, "A Termination does not name investors.")],
            id="termination-with-investors",
        ),
        pytest.param(
            [registration(investor_country="")], [(2, "The investor's country is missing.")], id="investor-country"
        ),
        pytest.param(
            [registration(), row(certificate_no="IRC-100")],
            [(3, "This row repeats the certificate number of line 2 but names no investor.")],
            id="empty-continuation",
        ),
        pytest.param(
            [registration(amount_vnd="-5")],
            [
                (
                    2,
                    "Column “Amount (VND)”: the amount must not be negative; a decrease is entered as a positive "
                    "amount.",
                )
            ],
            id="negative-vnd",
        ),
    ],
)
def test_other_bad_rows(officer, reference, vnd_rate, rows, errors):
    report = run(rows, officer)
    assert report.errors == errors
    assert LedgerEvent.objects.count() == 0


def test_the_dashboard_figures_include_an_import_at_once(officer, reference, vnd_rate):
    from japandesk.registry import queries

    on = D(2023, 12, 31)
    assert queries.summary(on)["projects"] == 0  # the figures are read, and the ledger copied, before

    report = run([registration(), event("increase", "IRC-100-1", "2022-01-01", "1000000")], officer)

    figures = queries.summary(on)
    assert report.errors == []
    assert (figures["projects"], figures["registered_capital_usd"]) == (1, Decimal(6_000_000))


def test_an_imported_first_certificate_converts_the_crm_lead_of_its_investor(officer, reference, vnd_rate):
    from japandesk.crm import services as crm

    investor = services.create_investor(actor=officer, name="Alpha K.K.", country=reference["JP"])
    organisation = crm.create_organisation(officer, name="Alpha K.K.", investor=investor)
    lead = crm.create_lead(officer, pipeline="investment", title="Alpha plant", organisation=organisation)
    unrelated = crm.create_lead(officer, pipeline="investment", title="Another plant")

    report = run([registration(investor_name="Alpha K.K.")], officer)

    lead.refresh_from_db()
    unrelated.refresh_from_db()
    assert report.errors == []
    assert (lead.project.code, lead.stage.key, lead.converted_on) == ("QN-100", "certificate", D(2021, 4, 1))
    assert (unrelated.project, unrelated.stage.key) == (None, "inquiry")

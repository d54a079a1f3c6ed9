"""The import pages: upload, preview, confirm (the checking and the writing are background tasks,
run at once by the embedded mode's backend); who may use them; uploads refused with a reason."""

import csv
import datetime
import io
import os
import time
from decimal import Decimal

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from japandesk.core.models import AuditEntry, FxRate
from japandesk.registry.import_jobs import sweep
from japandesk.registry.importing import COLUMNS
from japandesk.registry.models import ImportJob, LedgerEvent, Project

IMPORT = reverse("registry:import")


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def reference(countries, sectors, zones, db):
    FxRate.objects.create(currency="VND", date=datetime.date(2015, 1, 1), per_usd=Decimal(25000))


def login(client, user, language="en"):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def ledger_csv(rows, header=None) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header or [column.en for column in COLUMNS])
    for values in rows:
        writer.writerow([values.get(column.key, "") for column in COLUMNS])
    return text.getvalue().encode()


GOOD = [
    {
        "project_code": "QN-200",
        "project_name": "Nhà máy Beta",
        "sector": "26",
        "event": "registration",
        "date": "2022-05-01",
        "certificate_no": "IRC-200",
        "amount_usd": "2000000",
        "investor_name": "Beta K.K.",
        "investor_country": "JP",
        "share": "100",
    },
    {
        "project_code": "QN-200",
        "event": "increase",
        "date": "2023-05-01",
        "certificate_no": "IRC-200-1",
        "amount_usd": "500000",
    },
]


def upload(client, data: bytes, name="ledger.csv", number_format="en"):
    """Upload a file and follow to its job's page."""
    form = {"file": SimpleUploadedFile(name, data), "number_format": number_format}
    return client.post(IMPORT, form, follow=True)


def confirm_url(job: ImportJob | None = None) -> str:
    return reverse("registry:import-confirm", args=[(job or ImportJob.objects.latest("created_at")).pk])


def stored_files(data_dir):
    folder = data_dir / "imports"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_an_officer_uploads_previews_and_confirms_an_import(client, officer, reference, data_dir):
    login(client, officer)
    # when the officer uploads a file
    response = upload(client, ledger_csv(GOOD))
    # then the job's page shows what would be created and nothing is written yet
    job = ImportJob.objects.get()
    assert response.redirect_chain == [(reverse("registry:import-job", args=[job.pk]), 302)]
    assert response.templates[0].name == "registry/import_preview.html"
    report = response.context["report"]
    assert (report.projects_created, report.investors_created, report.events_created) == (1, 1, 2)
    page = response.content.decode()
    assert "Rows read: 2. To be created — projects: 1, investors: 1, ledger events: 2." in page
    assert f'action="{confirm_url(job)}"' in page
    assert LedgerEvent.objects.count() == 0
    assert (job.state, job.filename, job.user) == ("checked", "ledger.csv", officer)
    assert stored_files(data_dir) == [f"{job.pk}.csv"]
    assert oct((data_dir / "imports" / f"{job.pk}.csv").stat().st_mode & 0o777) == "0o600"
    # when the officer confirms
    response = client.post(confirm_url(job), follow=True)
    # then the file is imported and the stored copy deleted
    assert response.templates[0].name == "registry/import_done.html"
    assert "Created — projects: 1, investors: 1, ledger events: 2." in response.content.decode()
    assert Project.objects.get().code == "QN-200"
    assert LedgerEvent.objects.count() == 2
    assert AuditEntry.objects.filter(source="import", actor=officer).count() == 4
    assert stored_files(data_dir) == []
    assert ImportJob.objects.get().state == "done"
    # and a second confirmation finds nothing to import
    response = client.post(confirm_url(job), follow=True)
    assert response.redirect_chain == [(IMPORT, 302)]
    assert "There is no file waiting to be imported; upload it again." in response.content.decode()
    assert LedgerEvent.objects.count() == 2


def test_the_page_of_an_import_still_being_checked_follows_it(client, officer, reference):
    job = ImportJob.objects.create(user=officer, filename="big.xlsx", fmt="xlsx", number_format="en", language="en")
    login(client, officer)

    page = client.get(reverse("registry:import-job", args=[job.pk])).content.decode()

    assert 'hx-trigger="load delay:2s"' in page
    assert "The file is being checked; nothing is written yet." in page
    assert client.post(confirm_url(job)).status_code == 302
    assert ImportJob.objects.get().state == "checking"


def test_an_import_is_checked_in_the_language_of_its_officer(client, officer, reference):
    login(client, officer, language="vi")

    response = upload(client, ledger_csv([{**GOOD[0], "sector": "99"}]))

    assert response.context["errors"] == [(2, "Mã ngành VSIC “99” không tồn tại.")]


def test_another_officers_import_is_not_found(client, officer, make_user, reference):
    login(client, officer)
    upload(client, ledger_csv(GOOD))
    job = ImportJob.objects.get()
    login(client, make_user("colleague"))

    assert client.get(reverse("registry:import-job", args=[job.pk])).status_code == 404
    assert client.post(confirm_url(job)).status_code == 404
    assert LedgerEvent.objects.count() == 0


def test_an_administrator_may_import_an_xlsx(client, administrator, reference):
    workbook = openpyxl.Workbook()
    workbook.active.append([column.header for column in COLUMNS])
    for values in GOOD:
        workbook.active.append([values.get(column.key) for column in COLUMNS])
    data = io.BytesIO()
    workbook.save(data)
    login(client, administrator)
    response = upload(client, data.getvalue(), name="Sổ cái.XLSX")
    assert response.context["report"].events_created == 2
    client.post(confirm_url())
    assert LedgerEvent.objects.count() == 2


def test_a_file_with_errors_lists_them_by_line_and_cannot_be_confirmed(client, officer, reference, data_dir):
    rows = [{**GOOD[0], "sector": "99"}, {**GOOD[1], "date": "2099-01-01"}]
    login(client, officer)
    response = upload(client, ledger_csv(rows))
    page = response.content.decode()
    assert response.context["errors"] == [
        (2, "Unknown VSIC sector code “99”."),
        (3, "The date 2099-01-01 is in the future."),
    ]
    assert "2 errors found; nothing was imported." in page
    assert '<td class="text-nowrap">2</td><td>Unknown VSIC sector code “99”.</td>' in page
    assert confirm_url() not in page
    assert stored_files(data_dir) == []


def test_a_file_already_imported_has_nothing_to_confirm(client, officer, reference, data_dir):
    login(client, officer)
    upload(client, ledger_csv(GOOD))
    client.post(confirm_url())
    response = upload(client, ledger_csv(GOOD))
    assert response.context["report"].events_unchanged == 2
    assert response.context["can_confirm"] is False
    assert "There is nothing new to import." in response.content.decode()
    assert stored_files(data_dir) == []


def test_vietnamese_readers_get_the_vietnamese_number_format_by_default(client, officer):
    login(client, officer, language="vi")
    assert client.get(IMPORT).context["form"].initial == {"number_format": "vi"}
    login(client, officer, language="ja")
    assert client.get(IMPORT).context["form"].initial == {"number_format": "en"}


def test_the_vietnamese_number_format_reads_an_upload(client, officer, reference):
    rows = [{**GOOD[0], "amount_usd": "2.000.000,50"}]
    login(client, officer, language="vi")
    response = upload(client, ledger_csv(rows), number_format="vi")
    assert response.context["report"].ok
    client.post(confirm_url())
    assert LedgerEvent.objects.get().capital_change_usd == Decimal("2000000.50")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("ledger.txt", b"a,b", "Only .xlsx and .csv files can be imported.", id="extension"),
        pytest.param("ledger.xlsx", b"Project code,Date", "The file is not an Excel workbook (.xlsx).", id="not-zip"),
        pytest.param(
            "ledger.csv",
            "Mã dự án".encode("utf-16"),
            "The CSV file is not UTF-8 text; in Excel save it as “CSV UTF-8 (Comma delimited)”.",
            id="not-utf8",
        ),
        pytest.param(
            "ledger.csv", b"PK\x03\x04zip", "The file is a workbook, not CSV text; name it .xlsx.", id="zip-csv"
        ),
        pytest.param("ledger.csv", b"", "The submitted file is empty.", id="empty"),
    ],
)
def test_uploads_of_the_wrong_type_are_refused_with_a_reason(client, officer, data_dir, name, data, message):
    login(client, officer)
    response = upload(client, data, name=name)
    assert response.status_code == 200
    assert response.redirect_chain == []
    assert response.templates[0].name == "registry/import.html"
    assert response.context["form"].errors == {"file": [message]}
    assert message in response.content.decode()
    assert stored_files(data_dir) == []


def test_an_oversize_upload_is_refused(client, officer, settings, data_dir):
    settings.JAPANDESK_IMPORT_MAX_BYTES = 100
    login(client, officer)
    response = upload(client, ledger_csv(GOOD))
    assert response.context["form"].errors == {
        "file": ["The file is larger than 100\xa0bytes, the most that can be imported at once."]
    }
    assert stored_files(data_dir) == []


def test_a_leader_may_not_import(client, leader, reference):
    login(client, leader)
    assert client.get(IMPORT).status_code == 403
    assert upload(client, ledger_csv(GOOD)).status_code == 403
    job = ImportJob.objects.create(user=leader, filename="x.csv", fmt="csv", number_format="en", language="en")
    assert client.get(reverse("registry:import-job", args=[job.pk])).status_code == 403
    assert client.post(confirm_url(job)).status_code == 403
    assert client.get(reverse("registry:import-template", kwargs={"fmt": "xlsx"})).status_code == 403
    assert LedgerEvent.objects.count() == 0


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(IMPORT)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={IMPORT}"


def test_the_import_page_offers_the_template_in_both_formats(client, officer):
    login(client, officer)
    page = client.get(IMPORT).content.decode()
    assert reverse("registry:import-template", kwargs={"fmt": "xlsx"}) in page
    assert reverse("registry:import-template", kwargs={"fmt": "csv"}) in page
    assert "Mã dự án" in page and "Project code" in page


def test_the_template_downloads_with_both_header_languages_and_an_example_row(client, officer, reference):
    login(client, officer)
    response = client.get(reverse("registry:import-template", kwargs={"fmt": "csv"}))
    assert response["Content-Disposition"] == 'attachment; filename="japandesk-import-template.csv"'
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[:3] == [
        "Mã dự án / Project code",
        "Tên dự án / Project name",
        "Tên dự án (Latin) / Project Latin name",
    ]
    assert len(lines) == 2
    response = client.get(reverse("registry:import-template", kwargs={"fmt": "xlsx"}))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[1]] == [column.header for column in COLUMNS]
    assert sheet["J2"].value == datetime.datetime(2024, 3, 15)
    assert client.get(reverse("registry:import-template", kwargs={"fmt": "ods"})).status_code == 404


def test_the_template_itself_imports(client, officer, reference):
    login(client, officer)
    data = b"".join(client.get(reverse("registry:import-template", kwargs={"fmt": "xlsx"})).streaming_content)
    response = upload(client, data, name="template.xlsx")
    assert response.context["report"].errors == []
    assert response.context["report"].events_created == 1


def test_uploads_left_for_more_than_a_day_are_swept(tmp_path):
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("x")
    new.write_text("x")
    day_and_a_bit = time.time() - 25 * 60 * 60
    os.utime(old, (day_and_a_bit, day_and_a_bit))
    sweep(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["new.csv"]

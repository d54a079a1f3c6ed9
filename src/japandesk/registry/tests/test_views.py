"""The registry's staff pages: who may open them, what the forms write (through the services,
with audit entries), what they refuse, lists, exports and the queries they cost.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from japandesk.core.models import AuditEntry
from japandesk.registry import services
from japandesk.registry.models import Disbursement, Investor, JobsReport, LedgerEvent, Participation, Project

D = datetime.date


@pytest.fixture
def investor(registered_project):
    return Investor.objects.get(name_latin="Sample Denshi K.K.")


@pytest.fixture
def pages(registered_project, investor):
    """Every registry URL, as (name, url) for reading and for writing."""
    event = registered_project.events.get()
    read = {
        "dashboard": reverse("registry:dashboard"),
        "project-list": reverse("registry:project-list"),
        "project-detail": reverse("registry:project-detail", args=[registered_project.pk]),
        "investor-list": reverse("registry:investor-list"),
        "investor-detail": reverse("registry:investor-detail", args=[investor.pk]),
        "event-list": reverse("registry:event-list"),
    }
    write = {
        "project-create": reverse("registry:project-create"),
        "project-update": reverse("registry:project-update", args=[registered_project.pk]),
        "investor-create": reverse("registry:investor-create"),
        "investor-update": reverse("registry:investor-update", args=[investor.pk]),
        "event-create": reverse("registry:event-create", args=[registered_project.pk]),
        "event-update": reverse("registry:event-update", args=[event.pk]),
        "event-delete": reverse("registry:event-delete", args=[event.pk]),
        "disbursement-create": reverse("registry:disbursement-create", args=[registered_project.pk]),
        "jobs-create": reverse("registry:jobs-create", args=[registered_project.pk]),
    }
    return {"read": read, "write": write}


@pytest.fixture
def as_officer(client, officer):
    client.force_login(officer)
    client.cookies["japandesk_language"] = "en"
    return client


@pytest.fixture
def as_leader(client, leader):
    client.force_login(leader)
    client.cookies["japandesk_language"] = "en"
    return client


def audit_count() -> int:
    return AuditEntry.objects.count()


# Roles ----------------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in_from_every_page(client, pages):
    for url in [*pages["read"].values(), *pages["write"].values()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next="), url
    response = client.post(pages["write"]["project-create"], {"code": "X"})
    assert response.status_code == 302
    assert not Project.objects.filter(code="X").exists()


def test_a_leader_reads_every_page_and_sees_no_edit_button(as_leader, pages, registered_project):
    for name, url in pages["read"].items():
        assert as_leader.get(url).status_code == 200, name
    detail = as_leader.get(pages["read"]["project-detail"]).content.decode()
    assert "data-edit" not in detail
    assert pages["write"]["event-update"] not in detail
    assert pages["write"]["event-create"] not in detail
    assert reverse("registry:project-create") not in as_leader.get(pages["read"]["project-list"]).content.decode()


def test_a_leader_is_refused_every_change(as_leader, pages):
    before = audit_count()
    for name, url in pages["write"].items():
        assert as_leader.get(url).status_code == 403, name
        assert as_leader.post(url, {"code": "LEADER-1", "name": "x"}).status_code == 403, name
    assert audit_count() == before
    assert LedgerEvent.objects.count() == 1


def test_an_officer_opens_every_page_and_form(as_officer, pages):
    for name, url in [*pages["read"].items(), *pages["write"].items()]:
        assert as_officer.get(url).status_code == 200, name
    detail = as_officer.get(pages["read"]["project-detail"]).content.decode()
    assert "data-edit" in detail and pages["write"]["event-update"] in detail


# Projects and investors -----------------------------------------------------------------------------


def test_an_officer_creates_a_project_through_the_service(as_officer, officer, sectors, zones):
    response = as_officer.post(
        reverse("registry:project-create"),
        {
            "code": "QN-N-010",
            "name": "Nhà máy cơ khí chính xác",
            "name_latin": "Precision mechanics factory",
            "sector": sectors["26"].pk,
            "zone": zones["van_don"].pk,
            "location": "Vân Đồn",
            "land_area_ha": "12.5",
            "planned_jobs": "450",
            "description": "",
        },
    )

    project = Project.objects.get(code="QN-N-010")
    assert response.status_code == 302
    assert response["Location"] == reverse("registry:project-detail", args=[project.pk])
    assert (project.land_area_ha, project.planned_jobs, project.zone) == (Decimal("12.5"), 450, zones["van_don"])
    entry = AuditEntry.objects.get(object_id=str(project.pk), content_type__model="project")
    assert (entry.action, entry.actor, entry.source) == ("create", officer, "ui")
    assert entry.after["land_area_ha"] == "12.5000"


def test_numbers_are_read_in_the_readers_format(client, officer, sectors):
    # given an officer reading in Vietnamese, where 1.234,5 means one thousand two hundred and thirty-four and a half
    client.force_login(officer)
    client.cookies["japandesk_language"] = "vi"

    client.post(
        reverse("registry:project-create"),
        {"code": "QN-N-011", "name": "Dự án", "sector": sectors["C"].pk, "land_area_ha": "1.234,5"},
    )

    assert Project.objects.get(code="QN-N-011").land_area_ha == Decimal("1234.5")


def test_an_officer_updates_a_project_and_the_change_is_audited(as_officer, officer, registered_project, sectors):
    zone_before = registered_project.zone_id
    url = reverse("registry:project-update", args=[registered_project.pk])
    form = as_officer.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"planned_jobs": "320", "zone": ""})

    response = as_officer.post(url, data)

    assert response.status_code == 302
    registered_project.refresh_from_db()
    assert (registered_project.planned_jobs, registered_project.zone) == (320, None)
    entry = AuditEntry.objects.filter(object_id=str(registered_project.pk), action="update").get()
    assert (entry.actor, entry.changes) == (officer, [("zone", zone_before, None), ("planned_jobs", 300, 320)])
    history = as_officer.get(reverse("registry:project-detail", args=[registered_project.pk])).content.decode()
    assert "Planned jobs" in history and "<del>Dong Mai Industrial Park</del>" in history


def test_a_duplicate_project_code_is_refused_and_nothing_is_written(as_officer, registered_project, sectors):
    before = audit_count()

    response = as_officer.post(
        reverse("registry:project-create"), {"code": "QN-T-001", "name": "Again", "sector": sectors["C"].pk}
    )

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert (Project.objects.count(), audit_count()) == (1, before)


def test_an_officer_creates_and_updates_an_investor(as_officer, officer, countries, investor):
    response = as_officer.post(
        reverse("registry:investor-create"),
        {
            "name": "トヨタ通商",
            "name_latin": "Toyota Tsusho",
            "name_kana": "トヨタツウショウ",
            "country": countries["JP"].pk,
        },
    )
    created = Investor.objects.get(name_latin="Toyota Tsusho")
    assert response["Location"] == reverse("registry:investor-detail", args=[created.pk])

    response = as_officer.post(
        reverse("registry:investor-update", args=[created.pk]),
        {
            "name": "トヨタ通商",
            "name_latin": "Toyota Tsusho Corp.",
            "country": countries["JP"].pk,
            "parent": investor.pk,
        },
    )

    created.refresh_from_db()
    assert response.status_code == 302
    assert (created.name_latin, created.parent) == ("Toyota Tsusho Corp.", investor)
    actions = list(
        AuditEntry.objects.filter(content_type__model="investor", object_id=str(created.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update"]
    page = as_officer.get(reverse("registry:investor-detail", args=[created.pk])).content.decode()
    assert "Toyota Tsusho Corp." in page and "data-audit-history" in page


def test_an_investor_cannot_be_its_own_parent(as_officer, investor, countries):
    response = as_officer.post(
        reverse("registry:investor-update", args=[investor.pk]),
        {"name": investor.name, "country": countries["JP"].pk, "parent": investor.pk},
    )

    assert response.status_code == 200
    assert investor.parent_id is None
    assert Investor.objects.get(pk=investor.pk).parent_id is None


# The ledger -----------------------------------------------------------------------------------------


def event_data(**values):
    data = {
        "kind": "increase",
        "date": "2022-04-01",
        "certificate_no": "IRC-T-001-1",
        "capital_usd": "2000000",
        "capital_vnd": "46000000000",
        "note": "",
        "lineup-TOTAL_FORMS": "3",
        "lineup-INITIAL_FORMS": "0",
        "lineup-MIN_NUM_FORMS": "0",
        "lineup-MAX_NUM_FORMS": "50",
    }
    data.update(values)
    return data


def test_an_officer_records_an_increase_with_a_new_lineup(as_officer, officer, registered_project, investor, countries):
    partner = services.create_investor(actor=officer, name="Partner Co", country=countries["SG"])
    url = reverse("registry:event-create", args=[registered_project.pk])

    response = as_officer.post(
        url,
        event_data(
            **{
                "lineup-0-investor": str(investor.pk),
                "lineup-0-share": "40",
                "lineup-1-investor": str(partner.pk),
                "lineup-1-share": "60",
            }
        ),
    )

    assert response.status_code == 302
    event = LedgerEvent.objects.get(certificate_no="IRC-T-001-1")
    assert (event.kind, event.capital_change_usd, event.capital_change_vnd) == (
        "increase",
        Decimal("2000000.00"),
        Decimal("46000000000"),
    )
    assert event.origin == countries["SG"]
    assert sorted(Participation.objects.filter(event=event).values_list("share", flat=True)) == [
        Decimal("40.0000"),
        Decimal("60.0000"),
    ]
    entry = AuditEntry.objects.get(content_type__model="ledgerevent", object_id=str(event.pk))
    assert (entry.action, entry.source) == ("create", "ui")
    assert Project.objects.as_of(D(2022, 4, 1)).get().capital_usd == Decimal("12000000.00")


def test_a_decrease_is_entered_as_a_magnitude(as_officer, registered_project):
    as_officer.post(
        reverse("registry:event-create", args=[registered_project.pk]),
        event_data(kind="decrease", capital_usd="1500000", capital_vnd="1", certificate_no="DC-1"),
    )

    assert LedgerEvent.objects.get(certificate_no="DC-1").capital_change_usd == Decimal("-1500000.00")


def test_an_invalid_event_shows_the_services_error_and_writes_nothing(as_officer, registered_project):
    before = (LedgerEvent.objects.count(), audit_count())

    response = as_officer.post(
        reverse("registry:event-create", args=[registered_project.pk]),
        event_data(kind="decrease", date="2021-01-05", capital_usd="25000000", capital_vnd="1"),
    )

    assert response.status_code == 200
    assert "The decrease is larger than the project&#x27;s capital on 2021-01-05." in response.content.decode()
    assert (LedgerEvent.objects.count(), audit_count()) == before


def test_shares_that_do_not_add_up_are_refused(as_officer, registered_project, investor):
    response = as_officer.post(
        reverse("registry:event-create", args=[registered_project.pk]),
        event_data(
            kind="share_purchase",
            capital_usd="",
            capital_vnd="",
            **{
                "lineup-0-investor": str(investor.pk),
                "lineup-0-share": "80",
            },
        ),
    )

    assert response.status_code == 200
    assert "add up to 80" in response.content.decode()
    assert LedgerEvent.objects.count() == 1


def test_an_event_before_the_registration_is_refused_in_the_readers_language(client, officer, registered_project):
    client.force_login(officer)
    client.cookies["japandesk_language"] = "en"

    response = client.post(
        reverse("registry:event-create", args=[registered_project.pk]),
        event_data(date="2019-01-01", certificate_no="EARLY-1"),
    )

    assert "comes before the project&#x27;s registration on 2020-03-02" in response.content.decode()
    assert not LedgerEvent.objects.filter(certificate_no="EARLY-1").exists()


def test_an_officer_corrects_an_event_and_the_history_shows_before_and_after(as_officer, registered_project):
    event = registered_project.events.get()
    url = reverse("registry:event-update", args=[event.pk])
    form = as_officer.get(url).context["form"]
    assert form.initial["capital_usd"] == Decimal("10000000.00")

    response = as_officer.post(
        url,
        event_data(
            kind="registration",
            date="2020-03-02",
            certificate_no="IRC-T-001",
            capital_usd="12,000,000",
            capital_vnd="278,400,000,000",
            **{"lineup-TOTAL_FORMS": "2", "lineup-INITIAL_FORMS": "1"},
            **{"lineup-0-investor": str(event.participations.get().investor_id), "lineup-0-share": "100"},
        ),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.capital_change_usd == Decimal("12000000.00")
    entry = AuditEntry.objects.get(content_type__model="ledgerevent", object_id=str(event.pk), action="update")
    assert (entry.before["capital_change_usd"], entry.after["capital_change_usd"]) == ("10000000.00", "12000000.00")
    page = as_officer.get(reverse("registry:project-detail", args=[registered_project.pk])).content.decode()
    assert "<del>10,000,000.00</del>" in page and "<ins>12,000,000.00</ins>" in page


def test_an_officer_deletes_an_event_after_confirming(as_officer, officer, registered_project):
    extra = services.record_event(
        registered_project,
        actor=officer,
        kind="increase",
        date=D(2021, 1, 1),
        certificate_no="INC-1",
        capital_usd=Decimal(5),
        capital_vnd=Decimal(1),
    )
    url = reverse("registry:event-delete", args=[extra.pk])
    assert "INC-1" in as_officer.get(url).content.decode()

    response = as_officer.post(url)

    assert response["Location"] == reverse("registry:project-detail", args=[registered_project.pk])
    assert not LedgerEvent.objects.filter(pk=extra.pk).exists()
    assert AuditEntry.objects.filter(
        content_type__model="ledgerevent", object_id=str(extra.pk), action="delete"
    ).exists()
    page = as_officer.get(response["Location"]).content.decode()
    assert "INC-1" in page  # the deletion stays in the project's history


def test_deleting_the_registration_under_later_events_is_refused(as_officer, officer, registered_project):
    services.record_event(
        registered_project,
        actor=officer,
        kind="increase",
        date=D(2021, 1, 1),
        certificate_no="INC-1",
        capital_usd=Decimal(5),
        capital_vnd=Decimal(1),
    )
    registration = registered_project.events.get(kind="registration")
    before = audit_count()

    response = as_officer.post(reverse("registry:event-delete", args=[registration.pk]))

    assert response.status_code == 200
    assert "no new-registration event" in response.content.decode()
    assert LedgerEvent.objects.count() == 2 and audit_count() == before


# Reports ---------------------------------------------------------------------------------------------


def test_an_officer_reports_realised_capital_and_jobs(as_officer, officer, registered_project):
    response = as_officer.post(
        reverse("registry:disbursement-create", args=[registered_project.pk]),
        {"date": "2021-06-30", "amount_usd": "2500000", "amount_vnd": "57500000000", "note": "H1"},
    )
    assert response.status_code == 302
    response = as_officer.post(
        reverse("registry:jobs-create", args=[registered_project.pk]), {"date": "2021-12-31", "jobs": "240"}
    )
    assert response.status_code == 302

    assert Disbursement.objects.get().amount_usd == Decimal("2500000.00")
    assert JobsReport.objects.get().jobs == 240
    assert AuditEntry.objects.filter(content_type__model__in=["disbursement", "jobsreport"]).count() == 2
    page = as_officer.get(reverse("registry:project-detail", args=[registered_project.pk]), {"as_of": "2022-01-01"})
    assert page.context["realised_usd"] == Decimal("2500000.00")
    assert page.context["realised_ratio"] == Decimal("0.25")
    assert page.context["jobs_ratio"] == Decimal("0.8")


def test_a_report_in_the_future_is_refused(as_officer, registered_project):
    response = as_officer.post(
        reverse("registry:jobs-create", args=[registered_project.pk]), {"date": "2999-01-01", "jobs": "5"}
    )

    assert response.status_code == 200
    assert "is in the future" in response.content.decode()
    assert JobsReport.objects.count() == 0


def test_a_second_disbursement_on_the_same_date_shows_the_services_error(as_officer, officer, registered_project):
    services.record_disbursement(
        registered_project, actor=officer, date=D(2021, 6, 30), amount_usd=Decimal(1), amount_vnd=Decimal(1)
    )

    response = as_officer.post(
        reverse("registry:disbursement-create", args=[registered_project.pk]),
        {"date": "2021-06-30", "amount_usd": "5", "amount_vnd": "5"},
    )

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Disbursement.objects.count() == 1


# Project detail ---------------------------------------------------------------------------------------


def test_the_project_page_shows_its_state_on_the_chosen_date(as_officer, officer, registered_project, countries):
    partner = services.create_investor(actor=officer, name="KR Partner", country=countries["KR"])
    services.record_event(
        registered_project,
        actor=officer,
        kind="share_purchase",
        date=D(2023, 1, 1),
        certificate_no="SP-1",
        capital_usd=Decimal(0),
        capital_vnd=Decimal(0),
        lineup=[(partner, Decimal(100))],
    )
    url = reverse("registry:project-detail", args=[registered_project.pk])

    before = as_officer.get(url, {"as_of": "2022-12-31"}).context
    after = as_officer.get(url, {"as_of": "2023-01-01"}).context

    assert (before["state"]["origin_code"], [p.investor.name for p in before["lineup"]]) == (
        "JP",
        ["株式会社サンプル電子"],
    )
    assert (after["state"]["origin_code"], [p.investor.name for p in after["lineup"]]) == ("KR", ["KR Partner"])
    assert [e.running_capital_usd for e in after["events"]] == [Decimal("10000000.00"), Decimal("10000000.00")]
    assert as_officer.get(url, {"as_of": "2019-12-31"}).context["state"]["status"] == "pending"


# Lists and exports -------------------------------------------------------------------------------------


@pytest.fixture
def three_projects(officer, registered_project, sectors, investor):
    for code, name in [("QN-T-002", "Khu nghỉ dưỡng Hạ Long"), ("QN-T-003", "Cảng Cái Lân")]:
        project = services.create_project(actor=officer, code=code, name=name, sector=sectors["C"])
        services.record_event(
            project,
            actor=officer,
            kind="registration",
            date=D(2021, 1, 1),
            certificate_no=f"IRC-{code}",
            capital_usd=Decimal(1000),
            capital_vnd=Decimal(1),
            lineup=[(investor, Decimal(100))],
        )
    return Project.objects.order_by("code")


def codes(response) -> list[str]:
    return [project.code for project in response.context["projects"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nghi duong ha long", ["QN-T-002"]),
        ("CAI LAN", ["QN-T-003"]),
        ("ｓａｍｐｌｅ", ["QN-T-001"]),
        ("qn-t", ["QN-T-001", "QN-T-002", "QN-T-003"]),
    ],
    ids=["without-diacritics", "upper-case", "full-width", "code"],
)
def test_the_project_search_ignores_diacritics_case_and_width(as_officer, three_projects, query, expected):
    assert codes(as_officer.get(reverse("registry:project-list"), {"q": query})) == expected


def test_the_project_list_is_read_as_of_a_date_and_sorted(as_officer, three_projects):
    url = reverse("registry:project-list")

    response = as_officer.get(url, {"as_of": "2020-12-31", "status": "active"})
    assert codes(response) == ["QN-T-001"]
    response = as_officer.get(url, {"ordering": "-capital"})
    assert codes(response) == ["QN-T-001", "QN-T-002", "QN-T-003"]
    response = as_officer.get(url, {"ordering": "capital"})
    assert codes(response)[0] in {"QN-T-002", "QN-T-003"} and codes(response)[-1] == "QN-T-001"
    response = as_officer.get(url, {"in_zones": "1"})
    assert codes(response) == ["QN-T-001"]


def test_the_project_export_holds_every_filtered_row(as_officer, three_projects, monkeypatch):
    monkeypatch.setattr("japandesk.registry.views.projects.ProjectListView.paginate_by", 2)

    response = as_officer.get(reverse("registry:project-list"), {"q": "qn", "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["QN-T-001", "QN-T-002", "QN-T-003"]


@pytest.mark.parametrize("name", ["project-list", "event-list", "investor-list"])
def test_every_list_exports_to_excel(as_officer, three_projects, name):
    response = as_officer.get(reverse(f"registry:{name}"), {"export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_the_ledger_list_filters_by_kind_and_period(as_officer, officer, three_projects):
    services.record_event(
        three_projects[0],
        actor=officer,
        kind="increase",
        date=D(2022, 1, 1),
        certificate_no="INC-1",
        capital_usd=Decimal(5),
        capital_vnd=Decimal(1),
    )
    url = reverse("registry:event-list")

    response = as_officer.get(url, {"kind": ["registration", "increase"], "date_from": "2021-01-01"})
    assert [e.certificate_no for e in response.context["events"]] == ["INC-1", "IRC-QN-T-003", "IRC-QN-T-002"]
    response = as_officer.get(url, {"kind": "increase"})
    content = response.content.decode()
    assert [e.certificate_no for e in response.context["events"]] == ["INC-1"]
    assert re.search(r'data-result-count="1"', content)
    assert response.context["events"][0].origin_code == "JP"


def test_an_unknown_export_format_is_not_found(as_officer):
    assert as_officer.get(reverse("registry:project-list"), {"export": "pdf"}).status_code == 404


# Query counts ---------------------------------------------------------------------------------------------


def make_projects(officer, sectors, zones, investor, count):
    for number in range(count):
        project = services.create_project(
            actor=officer,
            code=f"QN-B-{number:03}",
            name=f"Bulk {number}",
            sector=sectors["26"],
            zone=zones["dong_mai"] if number % 2 else None,
        )
        services.record_event(
            project,
            actor=officer,
            kind="registration",
            date=D(2021, 1, 1),
            certificate_no=f"IRC-B-{number:03}",
            capital_usd=Decimal(1000),
            capital_vnd=Decimal(1),
            lineup=[(investor, Decimal(100))],
        )
        services.record_event(
            project,
            actor=officer,
            kind="increase",
            date=D(2022, 1, 1),
            certificate_no=f"INC-B-{number:03}",
            capital_usd=Decimal(10),
            capital_vnd=Decimal(1),
        )


@pytest.mark.parametrize("count", [5, 20])
@pytest.mark.parametrize(
    ("name", "query", "bound"),
    [
        ("project-list", {"origin": "JP", "status": "active"}, 9),
        ("event-list", {"kind": "increase", "origin": "JP"}, 9),
        ("investor-list", {}, 6),
    ],
    ids=["projects", "ledger", "investors"],
)
def test_lists_cost_the_same_queries_for_any_number_of_rows(
    as_officer, officer, sectors, zones, investor, django_assert_max_num_queries, count, name, query, bound
):
    make_projects(officer, sectors, zones, investor, count)

    with django_assert_max_num_queries(bound):
        response = as_officer.get(reverse(f"registry:{name}"), query)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 20])
def test_the_project_page_costs_the_same_queries_for_any_ledger_length(
    as_officer, officer, registered_project, django_assert_max_num_queries, count
):
    for number in range(count):
        services.record_event(
            registered_project,
            actor=officer,
            kind="increase",
            date=D(2021, 1, 1) + datetime.timedelta(days=number),
            certificate_no=f"INC-{number}",
            capital_usd=Decimal(10),
            capital_vnd=Decimal(1),
        )

    with django_assert_max_num_queries(19):
        response = as_officer.get(reverse("registry:project-detail", args=[registered_project.pk]))

    assert len(response.context["events"]) == count + 1


# Line-ups in a large registry -------------------------------------------------------------------


@pytest.fixture
def large_registry(monkeypatch, officer, countries, registered_project):
    """More investors than a line-up row lists in one select."""
    from japandesk.registry import forms

    monkeypatch.setattr(forms, "INVESTOR_SELECT_LIMIT", 2)
    services.create_investor(
        actor=officer, name="Công ty Cổ phần Đông Á", name_latin="Dong A JSC", country=countries["VN"]
    )
    services.create_investor(actor=officer, name="Lion Holdings", country=countries["SG"])


def test_a_large_registry_offers_a_search_box_instead_of_every_investor(as_officer, registered_project, large_registry):
    event = registered_project.events.get()

    page = as_officer.get(reverse("registry:event-update", args=[event.pk])).content.decode()

    options_url = reverse("registry:investor-options")
    assert page.count(f'hx-get="{options_url}"') == 2  # the row of the investor in force and an empty one
    assert page.count("Lion Holdings") == 0
    assert page.count("Sample Denshi K.K.") == 1  # the chosen investor only


def test_the_search_box_finds_investors_whatever_the_marks_and_width(as_officer, large_registry):
    url = reverse("registry:investor-options")

    folded = as_officer.get(url, {"q": "dong a"}).content.decode()
    wide = as_officer.get(url, {"q": "ＬＩＯＮ"}).content.decode()
    empty = as_officer.get(url, {"q": " "}).content.decode()

    assert re.findall(r"<option value=\"\d+\">([^<]+)</option>", folded) == ["Công ty Cổ phần Đông Á (Dong A JSC)"]
    assert re.findall(r"<option value=\"\d+\">([^<]+)</option>", wide) == ["Lion Holdings"]
    assert empty == '<option value="">---------</option>'


def test_an_investor_found_by_search_is_accepted_in_a_lineup(as_officer, registered_project, investor, large_registry):
    partner = Investor.objects.get(name="Lion Holdings")

    response = as_officer.post(
        reverse("registry:event-create", args=[registered_project.pk]),
        event_data(
            **{
                "lineup-0-investor": str(investor.pk),
                "lineup-0-share": "50",
                "lineup-1-investor": str(partner.pk),
                "lineup-1-share": "50",
            }
        ),
    )

    assert response.status_code == 302
    event = LedgerEvent.objects.get(certificate_no="IRC-T-001-1")
    assert sorted(event.participations.values_list("investor__name", flat=True)) == [
        "Lion Holdings",
        "株式会社サンプル電子",
    ]


def test_only_editors_search_the_investors_for_a_lineup(as_leader):
    assert as_leader.get(reverse("registry:investor-options"), {"q": "lion"}).status_code == 403

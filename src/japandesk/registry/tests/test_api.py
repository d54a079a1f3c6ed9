"""The registry's REST API: lists with the shared filters, detail, create, update, the
ledger's rules answered as 400s, roles, the audit trail, the figures and the schema.
"""

import datetime
import json
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from japandesk.core.choices import Role
from japandesk.core.models import AuditEntry, FxRate
from japandesk.registry import services
from japandesk.registry.models import Country, Disbursement, Investor, JobsReport, LedgerEvent, Project, Sector

D = datetime.date


def client_for(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_authenticate(user)
    return client


def rows(response) -> list[dict]:
    return response.json()["results"]


@pytest.fixture
def api(officer) -> APIClient:
    return client_for(officer)


@pytest.fixture
def vnd_rate(db):
    return FxRate.objects.create(currency="VND", date=D(2000, 1, 1), per_usd=Decimal(25000))


@pytest.fixture
def ledger(officer, countries, sectors, zones, registered_project, vnd_rate):
    """Three projects:
    A (QN-T-001, Dong Mai park): Japanese, 10M in 2020, +2M on 2023-07-01, then on 2024-01-10 a Korean
      investor buys 60% (the origin turns Korean);
    B (QN-T-002, no zone, power): Korean, 20M on 2021-06-01, +5M on 2022-05-10;
    C (QN-T-003, Kim Son cluster): Japanese, 3M on 2019-01-15, terminated on 2023-02-01.
    """
    a = registered_project
    jp = Investor.objects.get(name_latin="Sample Denshi K.K.")
    kr = services.create_investor(actor=officer, name="한국전력", name_latin="Hanguk Power", country=countries["KR"])
    services.record_event(
        a, actor=officer, kind="increase", date=D(2023, 7, 1), certificate_no="IRC-T-001-2", capital_usd=Decimal(2e6)
    )
    services.record_event(
        a,
        actor=officer,
        kind="share_purchase",
        date=D(2024, 1, 10),
        certificate_no="IRC-T-001-3",
        capital_usd=Decimal(0),
        lineup=[(kr, Decimal(60)), (jp, Decimal(40))],
    )
    b = services.create_project(actor=officer, code="QN-T-002", name="Nhà máy điện Hanguk", sector=sectors["35"])
    services.record_event(
        b,
        actor=officer,
        kind="registration",
        date=D(2021, 6, 1),
        certificate_no="IRC-T-002",
        capital_usd=Decimal(20e6),
        lineup=[(kr, Decimal(100))],
    )
    services.record_event(
        b, actor=officer, kind="increase", date=D(2022, 5, 10), certificate_no="IRC-T-002-2", capital_usd=Decimal(5e6)
    )
    c = services.create_project(
        actor=officer, code="QN-T-003", name="Xưởng cơ khí Kim Sơn", sector=sectors["26"], zone=zones["cluster"]
    )
    services.record_event(
        c,
        actor=officer,
        kind="registration",
        date=D(2019, 1, 15),
        certificate_no="IRC-T-003",
        capital_usd=Decimal(3e6),
        lineup=[(jp, Decimal(100))],
    )
    services.record_event(c, actor=officer, kind="termination", date=D(2023, 2, 1), certificate_no="IRC-T-003-9")
    return {"A": a, "B": b, "C": c, "jp": jp, "kr": kr}


# ---------------------------------------------------------------- the API root and roles


def test_api_root_lists_every_resource(api):
    # When
    response = api.get("/api/")

    # Then
    assert response.status_code == 200
    assert sorted(response.json()) == [
        "b2b/events",
        "b2b/meetings",
        "b2b/participants",
        "b2b/requests",
        "countries",
        "crm/agreements",
        "crm/committees",
        "crm/contacts",
        "crm/inquiries",
        "crm/interactions",
        "crm/leads",
        "crm/organisations",
        "crm/pipelines",
        "crm/tasks",
        "disbursements",
        "events",
        "introductions",
        "investors",
        "jobs-reports",
        "land-figures",
        "needs",
        "news/articles",
        "news/facts",
        "news/stories",
        "plots",
        "projects",
        "screening/appraisals",
        "screening/criteria-sets",
        "screening/criteria-versions",
        "screening/monitoring-reports",
        "sectors",
        "stats",
        "supplier-profiles",
        "zones",
    ]


LISTS = [
    "/api/countries/",
    "/api/sectors/",
    "/api/zones/",
    "/api/investors/",
    "/api/projects/",
    "/api/events/",
    "/api/disbursements/",
    "/api/jobs-reports/",
    "/api/stats/",
    "/api/schema/",
    "/api/docs/",
]


@pytest.mark.parametrize("url", LISTS)
def test_anonymous_visitors_are_denied(db, url):
    # When
    response = client_for(None).get(url)

    # Then
    assert response.status_code == 403


@pytest.mark.parametrize("url", LISTS)
def test_every_role_reads(make_user, url):
    for role in Role.values:
        # Given
        client = client_for(make_user(f"reader-{role}", role))

        # When
        response = client.get(url)

        # Then
        assert response.status_code == 200, role


@pytest.fixture
def write_requests(ledger, sectors):
    a, jp = ledger["A"], ledger["jp"]
    event = LedgerEvent.objects.get(certificate_no="IRC-T-001-2")
    return [
        ("post", "/api/investors/", {"name": "New", "country": "JP"}),
        ("patch", f"/api/investors/{jp.pk}/", {"notes": "x"}),
        ("post", "/api/projects/", {"code": "QN-X", "name": "X", "sector": "26"}),
        ("patch", f"/api/projects/{a.pk}/", {"location": "Hạ Long"}),
        (
            "post",
            "/api/events/",
            {"project": a.pk, "kind": "increase", "date": "2024-05-01", "certificate_no": "X-1", "capital_usd": "1"},
        ),
        ("patch", f"/api/events/{event.pk}/", {"note": "x"}),
        ("delete", f"/api/events/{event.pk}/", None),
        ("post", "/api/disbursements/", {"project": a.pk, "date": "2024-01-31", "amount_usd": "100"}),
        ("post", "/api/jobs-reports/", {"project": a.pk, "date": "2024-01-31", "jobs": 10}),
        ("post", "/api/zones/", {"code": "new-ip", "name": "KCN Mới", "kind": "ip"}),
        ("post", "/api/countries/", {"code": "TH", "name_en": "Thailand", "name_vi": "Thái Lan", "name_ja": "タイ"}),
        ("patch", f"/api/sectors/{sectors['C'].pk}/", {"name_ja": "製造"}),
    ]


def test_leaders_write_nothing(leader, write_requests):
    # Given
    client = client_for(leader)
    audit_before = AuditEntry.objects.count()

    for method, url, data in write_requests:
        # When
        response = getattr(client, method)(url, data, format="json")

        # Then
        assert response.status_code == 403, (method, url)
    assert AuditEntry.objects.count() == audit_before


def test_officers_do_not_change_countries_or_sectors(api, sectors):
    # When
    created = api.post("/api/countries/", {"code": "TH", "name_en": "T", "name_vi": "T", "name_ja": "T"})
    changed = api.patch(f"/api/sectors/{sectors['C'].pk}/", {"name_ja": "製造"}, format="json")

    # Then
    assert (created.status_code, changed.status_code) == (403, 403)
    assert not Country.objects.filter(code="TH").exists()


@pytest.mark.parametrize("url", ["/api/investors/{id}/", "/api/projects/{id}/", "/api/zones/{id}/"])
def test_nothing_but_events_is_deleted(api, ledger, url):
    # Given
    target = {"investors": ledger["jp"], "projects": ledger["A"], "zones": ledger["A"].zone}[url.split("/")[2]]

    # When
    response = api.delete(url.format(id=target.pk))

    # Then
    assert response.status_code == 405
    assert type(target).objects.filter(pk=target.pk).exists()


# ---------------------------------------------------------------- countries and sectors


def test_countries_list_and_filter(api, countries):
    # When
    everything = api.get("/api/countries/")
    found = api.get("/api/countries/", {"q": "korea"})

    # Then
    assert [row["code"] for row in rows(everything)] == ["JP", "KR", "SG", "VN"]
    assert rows(found) == [
        {
            "id": countries["KR"].pk,
            "code": "KR",
            "name": "South Korea",
            "name_en": "South Korea",
            "name_vi": "Hàn Quốc",
            "name_ja": "韓国",
        }
    ]


def test_administrators_add_and_rename_countries(administrator):
    # Given
    client = client_for(administrator)

    # When
    created = client.post(
        "/api/countries/",
        {"code": "TH", "name_en": "Thailand", "name_vi": "Thái Lan", "name_ja": "タイ"},
        format="json",
    )
    renamed = client.patch(f"/api/countries/{created.json()['id']}/", {"name_en": "Kingdom of Thailand"}, format="json")
    duplicate = client.post(
        "/api/countries/", {"code": "TH", "name_en": "T", "name_vi": "T", "name_ja": "T"}, format="json"
    )

    # Then
    assert created.status_code == 201
    assert renamed.status_code == 200
    assert renamed.json()["name_en"] == "Kingdom of Thailand"
    assert duplicate.status_code == 400
    assert duplicate.json() == {"code": ["Origin economy with this ISO code already exists."]}
    thailand = Country.objects.get(code="TH")
    assert [(e.action, e.source, e.actor) for e in AuditEntry.objects.filter(object_id=str(thailand.pk))] == [
        ("update", "api", administrator),
        ("create", "api", administrator),
    ]


def test_sectors_filter_by_section_and_name_parents_by_code(api, sectors):
    # When
    response = api.get("/api/sectors/", {"section": "D"})

    # Then
    assert [(row["code"], row["parent"], row["level"]) for row in rows(response)] == [("35", "D", 2), ("D", None, 1)]


def test_administrators_add_sectors_under_a_parent(administrator, sectors):
    # When
    response = client_for(administrator).post(
        "/api/sectors/",
        {"code": "2610", "level": 4, "section": "C", "parent": "26", "name_vi": "Linh kiện", "name_en": "Components"},
        format="json",
    )

    # Then
    assert response.status_code == 201
    assert Sector.objects.get(code="2610").parent == sectors["26"]


# ---------------------------------------------------------------- investors


def test_investor_create_detail_update(api, officer, countries):
    # When
    created = api.post(
        "/api/investors/",
        {"name": "株式会社テスト", "name_latin": "Test K.K.", "name_kana": "テスト", "country": "JP"},
        format="json",
    )
    investor_id = created.json()["id"]
    replaced = api.put(
        f"/api/investors/{investor_id}/",
        {"name": "株式会社テスト", "name_latin": "Test Co., Ltd.", "country": "JP", "website": "https://example.jp"},
        format="json",
    )
    detail = api.get(f"/api/investors/{investor_id}/")

    # Then
    assert created.status_code == 201
    assert replaced.status_code == 200
    body = detail.json()
    assert {k: body[k] for k in ("name", "name_latin", "name_kana", "country", "parent", "website")} == {
        "name": "株式会社テスト",
        "name_latin": "Test Co., Ltd.",
        "name_kana": "テスト",
        "country": "JP",
        "parent": None,
        "website": "https://example.jp",
    }
    entries = AuditEntry.objects.filter(object_id=str(investor_id), content_type__model="investor")
    assert [(e.action, e.source, e.actor_name) for e in entries] == [
        ("update", "api", "officer"),
        ("create", "api", "officer"),
    ]
    assert sorted(change for change in entries[0].changes if change[0] != "search_text") == [
        ("name_latin", "Test K.K.", "Test Co., Ltd."),
        ("website", "", "https://example.jp"),
    ]


def test_investor_cannot_be_its_own_parent(api, ledger):
    # Given
    jp = ledger["jp"]

    # When
    response = api.patch(f"/api/investors/{jp.pk}/", {"parent": jp.pk}, format="json")

    # Then
    assert response.status_code == 400
    assert response.json() == {"parent": ["An investor cannot be its own parent group."]}


def test_investor_needs_a_known_country(api, countries):
    # When
    response = api.post("/api/investors/", {"name": "X", "country": "ZZ"}, format="json")

    # Then
    assert response.status_code == 400
    assert list(response.json()) == ["country"]
    assert Investor.objects.count() == 0


def test_investors_filter_by_country_and_search(api, ledger):
    # When
    korean = api.get("/api/investors/", {"country": "KR"})
    found = api.get("/api/investors/", {"q": "sample"})

    # Then
    assert [row["name_latin"] for row in rows(korean)] == ["Hanguk Power"]
    assert [row["name_latin"] for row in rows(found)] == ["Sample Denshi K.K."]


# ---------------------------------------------------------------- projects


def codes(response) -> list[str]:
    return [row["code"] for row in rows(response)]


def test_projects_show_their_state_on_the_as_of_date(api, ledger):
    # When
    response = api.get("/api/projects/", {"as_of": "2022-12-31"})

    # Then
    assert response.status_code == 200
    assert [
        (r["code"], r["as_of"], r["status"], r["capital_usd"], r["origin_code"], r["registered_on"], r["terminated_on"])
        for r in rows(response)
    ] == [
        ("QN-T-001", "2022-12-31", "active", "10000000.00", "JP", "2020-03-02", None),
        ("QN-T-002", "2022-12-31", "active", "25000000.00", "KR", "2021-06-01", None),
        ("QN-T-003", "2022-12-31", "active", "3000000.00", "JP", "2019-01-15", None),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"as_of": "2020-12-31"}, ["QN-T-001", "QN-T-002", "QN-T-003"]),
        ({"as_of": "2020-12-31", "status": "active"}, ["QN-T-001", "QN-T-003"]),
        ({"as_of": "2020-12-31", "status": "pending"}, ["QN-T-002"]),
        ({"as_of": "2023-12-31", "status": "terminated"}, ["QN-T-003"]),
        ({"as_of": "2023-12-31", "origin": "jp", "status": "active"}, ["QN-T-001"]),
        ({"as_of": "2024-06-30", "origin": "KR"}, ["QN-T-001", "QN-T-002"]),
        ({"in_zones": "true"}, ["QN-T-001"]),
        ({"zone_kind": "none"}, ["QN-T-002"]),
        ({"sector": "C"}, ["QN-T-001", "QN-T-003"]),
        ({"q": "kim son"}, ["QN-T-003"]),
        ({"as_of": "2023-12-31", "ordering": "-capital"}, ["QN-T-002", "QN-T-001", "QN-T-003"]),
    ],
    ids=[
        "as-of",
        "active",
        "pending",
        "terminated",
        "origin-then",
        "origin-later",
        "in-zones",
        "no-zone",
        "sector",
        "search",
        "ordering",
    ],
)
def test_project_filters(api, ledger, query, expected):
    # When
    response = api.get("/api/projects/", query)

    # Then
    assert response.status_code == 200
    assert codes(response) == expected


def test_project_filter_by_investor(api, ledger):
    # When
    response = api.get("/api/projects/", {"investor": ledger["kr"].pk})

    # Then
    assert codes(response) == ["QN-T-001", "QN-T-002"]


def test_bad_as_of_date_is_a_400(api, ledger):
    # When
    response = api.get("/api/projects/", {"as_of": "2023-13-45"})

    # Then
    assert response.status_code == 400
    assert response.json() == {"as_of": ["Enter a valid date."]}


def test_project_detail_shows_the_investors_on_the_as_of_date(api, ledger):
    # Given
    a, jp, kr = ledger["A"], ledger["jp"], ledger["kr"]

    # When
    before = api.get(f"/api/projects/{a.pk}/", {"as_of": "2023-12-31"}).json()
    after = api.get(f"/api/projects/{a.pk}/", {"as_of": "2024-12-31"}).json()

    # Then
    assert (before["as_of"], before["capital_usd"], before["origin_code"]) == ("2023-12-31", "12000000.00", "JP")
    assert before["investors"] == [
        {"investor": jp.pk, "investor_name": "株式会社サンプル電子", "investor_country": "JP", "share": "100.0000"}
    ]
    assert (after["as_of"], after["capital_usd"], after["origin_code"]) == ("2024-12-31", "12000000.00", "KR")
    assert [(i["investor"], i["investor_country"], i["share"]) for i in after["investors"]] == [
        (kr.pk, "KR", "60.0000"),
        (jp.pk, "JP", "40.0000"),
    ]
    assert after["sector"] == "26"
    assert after["zone"] == a.zone_id


def test_project_create_and_update(api, officer, sectors, zones):
    # When
    created = api.post(
        "/api/projects/",
        {
            "code": "QN-N-001",
            "name": "Nhà máy mới",
            "sector": "26",
            "zone": zones["van_don"].pk,
            "land_area_ha": "12.5",
            "planned_jobs": 800,
        },
        format="json",
    )
    project_id = created.json()["id"]
    patched = api.patch(f"/api/projects/{project_id}/", {"planned_jobs": 900, "zone": None}, format="json")
    replaced = api.put(
        f"/api/projects/{project_id}/", {"code": "QN-N-001", "name": "Nhà máy A", "sector": "35"}, format="json"
    )

    # Then
    assert created.status_code == 201
    body = created.json()
    assert (body["status"], body["capital_usd"], body["origin_code"], body["investors"]) == (
        "pending",
        "0.00",
        None,
        [],
    )
    assert body["land_area_ha"] == "12.5000"
    assert patched.status_code == 200
    assert (patched.json()["planned_jobs"], patched.json()["zone"]) == (900, None)
    assert replaced.status_code == 200
    project = Project.objects.get(pk=project_id)
    assert (project.name, project.sector.code, project.planned_jobs) == ("Nhà máy A", "35", 900)
    assert [e.source for e in AuditEntry.objects.filter(object_id=str(project_id), content_type__model="project")] == [
        "api",
        "api",
        "api",
    ]


def test_project_code_is_unique(api, registered_project):
    # When
    response = api.post("/api/projects/", {"code": "QN-T-001", "name": "Again", "sector": "26"}, format="json")

    # Then
    assert response.status_code == 400
    assert response.json() == {"code": ["Project with this Project code already exists."]}
    assert Project.objects.count() == 1


def test_project_land_area_must_not_be_negative(api, sectors):
    # When
    response = api.post(
        "/api/projects/", {"code": "QN-N-002", "name": "X", "sector": "26", "land_area_ha": "-1"}, format="json"
    )

    # Then
    assert response.status_code == 400
    assert list(response.json()) == ["non_field_errors"]
    assert Project.objects.count() == 0


# ---------------------------------------------------------------- ledger events


def test_events_show_signed_amounts_origin_and_lineup(api, ledger):
    # Given
    event = LedgerEvent.objects.get(certificate_no="IRC-T-001-3")

    # When
    response = api.get(f"/api/events/{event.pk}/")

    # Then
    assert response.json() == {
        "id": event.pk,
        "project": ledger["A"].pk,
        "project_code": "QN-T-001",
        "kind": "share_purchase",
        "date": "2024-01-10",
        "certificate_no": "IRC-T-001-3",
        "capital_change_usd": "0.00",
        "capital_change_vnd": "0",
        "origin": "KR",
        "note": "",
        "investors": [
            {"investor": ledger["kr"].pk, "investor_name": "한국전력", "investor_country": "KR", "share": "60.0000"},
            {
                "investor": ledger["jp"].pk,
                "investor_name": "株式会社サンプル電子",
                "investor_country": "JP",
                "share": "40.0000",
            },
        ],
        "created_at": response.json()["created_at"],
        "updated_at": response.json()["updated_at"],
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"date_from": "2023-01-01", "date_to": "2023-12-31"}, ["IRC-T-001-2", "IRC-T-003-9"]),
        ({"kind": "increase"}, ["IRC-T-001-2", "IRC-T-002-2"]),
        (
            {"kind": ["registration", "termination"], "date_from": "2020-01-01"},
            ["IRC-T-001", "IRC-T-002", "IRC-T-003-9"],
        ),
        ({"origin": "KR", "date_to": "2023-12-31"}, ["IRC-T-002", "IRC-T-002-2"]),
        ({"in_zones": "true"}, ["IRC-T-001", "IRC-T-001-2", "IRC-T-001-3"]),
        ({"certificate_no": "t-003"}, ["IRC-T-003", "IRC-T-003-9"]),
    ],
    ids=["date-range", "kind", "kinds", "origin", "in-zones", "certificate"],
)
def test_event_filters(api, ledger, query, expected):
    # When
    response = api.get("/api/events/", query)

    # Then
    assert response.status_code == 200
    assert sorted(row["certificate_no"] for row in rows(response)) == expected


def test_event_create_stores_a_decrease_as_negative(api, ledger):
    # Given
    b = ledger["B"]
    audit_before = AuditEntry.objects.count()

    # When
    response = api.post(
        "/api/events/",
        {
            "project": b.pk,
            "kind": "decrease",
            "date": "2024-03-01",
            "certificate_no": "IRC-T-002-3",
            "capital_usd": "1000000",
        },
        format="json",
    )

    # Then
    assert response.status_code == 201
    body = response.json()
    assert (
        body["kind"],
        body["capital_change_usd"],
        body["capital_change_vnd"],
        body["origin"],
        body["investors"],
    ) == (
        "decrease",
        "-1000000.00",
        "-25000000000",
        None,
        [],
    )
    assert Project.objects.as_of(D(2024, 3, 1)).get(pk=b.pk).capital_usd == Decimal("24000000.00")
    entry = AuditEntry.objects.get(object_id=str(body["id"]), content_type__model="ledgerevent")
    assert (entry.action, entry.source, entry.actor_name) == ("create", "api", "officer")
    assert AuditEntry.objects.count() == audit_before + 1


def test_event_create_with_a_lineup(api, ledger, officer, countries):
    # Given
    sg = services.create_investor(actor=officer, name="SG Holdings", country=countries["SG"])
    b = ledger["B"]

    # When
    response = api.post(
        "/api/events/",
        {
            "project": b.pk,
            "kind": "share_purchase",
            "date": "2024-02-01",
            "certificate_no": "IRC-T-002-4",
            "capital_usd": "0",
            "capital_vnd": "0",
            "investors": [{"investor": sg.pk, "share": "60.00"}, {"investor": ledger["kr"].pk, "share": "40.00"}],
        },
        format="json",
    )

    # Then
    assert response.status_code == 201
    assert response.json()["origin"] == "SG"
    assert [(i["investor"], i["share"]) for i in response.json()["investors"]] == [
        (sg.pk, "60.0000"),
        (ledger["kr"].pk, "40.0000"),
    ]
    assert Project.objects.as_of(D(2024, 2, 1)).get(pk=b.pk).origin_code == "SG"


def future() -> str:
    from django.utils import timezone

    return (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"kind": "decrease", "capital_usd": "30000000"},
            {"non_field_errors": ["The decrease is larger than the project's capital on 2024-03-01."]},
        ),
        ({"date": "future"}, {"non_field_errors": ["The date {future} is in the future."]}),
        (
            {"certificate_no": "IRC-T-001"},
            {"certificate_no": ["Certificate number IRC-T-001 is already in the ledger."]},
        ),
        (
            {"date": "2020-01-01"},
            {"non_field_errors": ["The event on 2020-01-01 comes before the project's registration on 2021-06-01."]},
        ),
        (
            {"kind": "registration", "investors": []},
            {"non_field_errors": ["A new registration must name its investors."]},
        ),
        (
            {"investors": [{"investor": "kr", "share": "60"}]},
            {"non_field_errors": ["The investors' shares add up to 60.0000%, not 100%."]},
        ),
        (
            {"capital_usd": "-5"},
            {"non_field_errors": ["The amount must not be negative; a decrease is entered as a positive amount."]},
        ),
    ],
    ids=[
        "decrease-too-large",
        "future",
        "duplicate-certificate",
        "before-registration",
        "no-investors",
        "shares",
        "negative",
    ],
)
def test_bad_events_are_refused_and_nothing_is_written(api, ledger, change, expected):
    # Given
    data = {
        "project": ledger["B"].pk,
        "kind": "increase",
        "date": "2024-03-01",
        "certificate_no": "IRC-T-002-9",
        "capital_usd": "1000000",
        **change,
    }
    if data["date"] == "future":
        data["date"] = future()
    for item in data.get("investors", []):
        item["investor"] = ledger["kr"].pk
    events_before, audit_before = LedgerEvent.objects.count(), AuditEntry.objects.count()

    # When
    response = api.post("/api/events/", data, format="json")

    # Then
    assert response.status_code == 400
    assert response.json() == json.loads(json.dumps(expected).replace("{future}", data["date"]))
    assert (LedgerEvent.objects.count(), AuditEntry.objects.count()) == (events_before, audit_before)


def test_event_patch_keeps_what_is_left_out(api, ledger):
    # Given
    event = LedgerEvent.objects.get(certificate_no="IRC-T-001-3")

    # When
    response = api.patch(f"/api/events/{event.pk}/", {"note": "Deed of transfer"}, format="json")

    # Then
    assert response.status_code == 200
    event.refresh_from_db()
    assert (event.note, event.kind, event.date, event.capital_change_usd) == (
        "Deed of transfer",
        "share_purchase",
        D(2024, 1, 10),
        Decimal("0.00"),
    )
    assert [(p.investor, p.share) for p in event.participations.all()] == [
        (ledger["kr"], Decimal(60)),
        (ledger["jp"], Decimal(40)),
    ]
    entry = AuditEntry.objects.filter(object_id=str(event.pk), content_type__model="ledgerevent").first()
    assert (entry.action, entry.source, entry.changes) == ("update", "api", [("note", "", "Deed of transfer")])


def test_event_patch_of_an_amount_keeps_the_sign_rule(api, ledger):
    # Given
    event = LedgerEvent.objects.get(certificate_no="IRC-T-002-2")

    # When
    response = api.patch(f"/api/events/{event.pk}/", {"kind": "decrease", "capital_usd": "4000000"}, format="json")

    # Then
    assert response.status_code == 200
    assert (response.json()["capital_change_usd"], response.json()["capital_change_vnd"]) == (
        "-4000000.00",
        "-100000000000",
    )
    assert Project.objects.as_of(D(2022, 12, 31)).get(pk=ledger["B"].pk).capital_usd == Decimal("16000000.00")


def test_event_put_replaces_the_event(api, ledger):
    # Given
    event = LedgerEvent.objects.get(certificate_no="IRC-T-002-2")

    # When
    response = api.put(
        f"/api/events/{event.pk}/",
        {
            "project": ledger["B"].pk,
            "kind": "increase",
            "date": "2022-06-10",
            "certificate_no": "IRC-T-002-2A",
            "capital_usd": "6000000",
            "capital_vnd": "140000000000",
        },
        format="json",
    )

    # Then
    assert response.status_code == 200
    event.refresh_from_db()
    assert (event.date, event.certificate_no, event.capital_change_usd, event.capital_change_vnd) == (
        D(2022, 6, 10),
        "IRC-T-002-2A",
        Decimal("6000000.00"),
        Decimal("140000000000"),
    )


def test_event_update_that_breaks_the_ledger_is_refused(api, ledger):
    # Given: the project's capital is 25M; turning the 5M increase into a 30M decrease would make it negative
    event = LedgerEvent.objects.get(certificate_no="IRC-T-002-2")

    # When
    response = api.patch(f"/api/events/{event.pk}/", {"kind": "decrease", "capital_usd": "30000000"}, format="json")

    # Then
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["The decrease is larger than the project's capital on 2022-05-10."]}
    event.refresh_from_db()
    assert (event.kind, event.capital_change_usd) == ("increase", Decimal("5000000.00"))


def test_event_cannot_move_to_another_project(api, ledger):
    # Given
    event = LedgerEvent.objects.get(certificate_no="IRC-T-002-2")

    # When
    response = api.patch(f"/api/events/{event.pk}/", {"project": ledger["A"].pk}, format="json")

    # Then
    assert response.status_code == 400
    assert response.json() == {"project": ["An event cannot move to another project."]}


def test_event_delete(api, ledger):
    # Given
    event = LedgerEvent.objects.get(certificate_no="IRC-T-002-2")

    # When
    response = api.delete(f"/api/events/{event.pk}/")

    # Then
    assert response.status_code == 204
    assert not LedgerEvent.objects.filter(pk=event.pk).exists()
    entry = AuditEntry.objects.filter(object_id=str(event.pk), content_type__model="ledgerevent").first()
    assert (entry.action, entry.source, entry.actor_name, entry.after) == ("delete", "api", "officer", None)


def test_deleting_a_registration_that_others_follow_is_refused(api, ledger):
    # Given
    event = LedgerEvent.objects.get(certificate_no="IRC-T-002")

    # When
    response = api.delete(f"/api/events/{event.pk}/")

    # Then
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["The project has no new-registration event before this one."]}
    assert LedgerEvent.objects.filter(pk=event.pk).exists()


# ---------------------------------------------------------------- disbursements and jobs


def test_disbursement_create_converts_update_and_filter(api, ledger):
    # Given
    a = ledger["A"]

    # When
    created = api.post(
        "/api/disbursements/", {"project": a.pk, "date": "2023-12-31", "amount_usd": "1500000"}, format="json"
    )
    report_id = created.json()["id"]
    patched = api.patch(f"/api/disbursements/{report_id}/", {"amount_vnd": "50000000000"}, format="json")
    api.post("/api/disbursements/", {"project": a.pk, "date": "2022-12-31", "amount_usd": "1000"}, format="json")
    in_2023 = api.get("/api/disbursements/", {"date_from": "2023-01-01", "date_to": "2023-12-31"})

    # Then
    assert created.status_code == 201
    assert (created.json()["amount_usd"], created.json()["amount_vnd"], created.json()["project_code"]) == (
        "1500000.00",
        "37500000000",
        "QN-T-001",
    )
    assert patched.status_code == 200
    assert (patched.json()["amount_usd"], patched.json()["amount_vnd"]) == ("2000000.00", "50000000000")
    assert [(row["id"], row["amount_usd"]) for row in rows(in_2023)] == [(report_id, "2000000.00")]
    assert [
        e.source for e in AuditEntry.objects.filter(object_id=str(report_id), content_type__model="disbursement")
    ] == [
        "api",
        "api",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"date": "future", "amount_usd": "1"}, {"date": ["The date {future} is in the future."]}),
        ({"date": "2023-12-31", "amount_usd": "-1"}, {"amount_usd": ["The amount must not be negative."]}),
        ({"date": "2023-12-31"}, {"amount_usd": ["Enter the amount in USD or in VND."]}),
        (
            {"date": "2020-12-31", "amount_usd": "1"},
            {"non_field_errors": ["Disbursement with this Project and Report date already exists."]},
        ),
    ],
    ids=["future", "negative", "no-amount", "same-date"],
)
def test_bad_disbursements_are_refused(api, ledger, officer, data, expected):
    # Given
    services.record_disbursement(ledger["A"], actor=officer, date=D(2020, 12, 31), amount_usd=Decimal(5))
    if data["date"] == "future":
        data["date"] = future()

    # When
    response = api.post("/api/disbursements/", {"project": ledger["A"].pk, **data}, format="json")

    # Then
    assert response.status_code == 400
    assert response.json() == json.loads(json.dumps(expected).replace("{future}", data["date"]))
    assert Disbursement.objects.count() == 1


def test_jobs_reports_create_update_filter(api, ledger):
    # Given
    a, b = ledger["A"], ledger["B"]

    # When
    created = api.post("/api/jobs-reports/", {"project": a.pk, "date": "2023-12-31", "jobs": 250}, format="json")
    api.post("/api/jobs-reports/", {"project": b.pk, "date": "2023-12-31", "jobs": 40}, format="json")
    updated = api.put(
        f"/api/jobs-reports/{created.json()['id']}/",
        {"project": a.pk, "date": "2023-12-31", "jobs": 260, "note": "Audited"},
        format="json",
    )
    moved = api.patch(f"/api/jobs-reports/{created.json()['id']}/", {"project": b.pk}, format="json")
    of_a = api.get("/api/jobs-reports/", {"project": a.pk})

    # Then
    assert created.status_code == 201
    assert updated.status_code == 200
    assert moved.status_code == 400
    assert moved.json() == {"project": ["A report cannot move to another project."]}
    assert [(row["project_code"], row["jobs"], row["note"]) for row in rows(of_a)] == [("QN-T-001", 260, "Audited")]
    assert JobsReport.objects.count() == 2


def test_jobs_report_in_the_future_is_refused(api, ledger):
    # When
    response = api.post("/api/jobs-reports/", {"project": ledger["A"].pk, "date": future(), "jobs": 1}, format="json")

    # Then
    assert response.status_code == 400
    assert response.json() == {"date": [f"The date {future()} is in the future."]}
    assert JobsReport.objects.count() == 0


# ---------------------------------------------------------------- the figures


def test_stats_on_a_date(api, ledger):
    # When
    response = api.get("/api/stats/", {"as_of": "2023-12-31"})

    # Then
    assert response.status_code == 200
    assert response.json() == {
        "as_of": "2023-12-31",
        "origin": None,
        "in_zones": False,
        "projects": 2,
        "registered_capital_usd": 37000000.0,
        "origin_economies": 2,
        "province_projects": 2,
        "province_capital_usd": 37000000.0,
        "share_of_capital": 1.0,
        "realised_usd": 0.0,
        "by_origin": [
            {"origin": "KR", "projects": 1, "capital_usd": 25000000.0},
            {"origin": "JP", "projects": 1, "capital_usd": 12000000.0},
        ],
    }


def test_stats_for_one_origin_in_zones_over_a_period(api, ledger):
    # When
    japan = api.get("/api/stats/", {"as_of": "2023-12-31", "origin": "jp", "from": "2023-01-01"}).json()
    in_zones = api.get("/api/stats/", {"as_of": "2022-12-31", "in_zones": "true"}).json()

    # Then
    assert {k: japan[k] for k in ("origin", "projects", "registered_capital_usd", "share_of_capital")} == {
        "origin": "JP",
        "projects": 1,
        "registered_capital_usd": 12000000.0,
        "share_of_capital": 0.324324,
    }
    assert {k: japan[k] for k in ("from", "attracted_usd", "new_projects", "increases")} == {
        "from": "2023-01-01",
        "attracted_usd": 2000000.0,
        "new_projects": 0,
        "increases": 1,
    }
    assert (in_zones["in_zones"], in_zones["projects"], in_zones["registered_capital_usd"]) == (True, 1, 10000000.0)
    assert (in_zones["province_projects"], in_zones["province_capital_usd"]) == (3, 38000000.0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"as_of": "31/12/2023"}, {"as_of": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]}),
        ({"from": "2023-02-30"}, {"from": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]}),
        ({"as_of": "2023-01-01", "from": "2023-06-01"}, {"from": ["The period cannot start after the as-of date."]}),
    ],
    ids=["as-of", "from", "from-after-as-of"],
)
def test_stats_bad_dates_are_a_400(api, query, expected):
    # When
    response = api.get("/api/stats/", query)

    # Then
    assert response.status_code == 400
    assert response.json() == expected


# ---------------------------------------------------------------- schema and docs


def test_schema_is_yaml_by_default_and_json_on_request(api):
    # When
    yaml = api.get("/api/schema/")
    as_json = api.get("/api/schema/", {"format": "json"})

    # Then
    assert yaml.status_code == 200
    assert yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert yaml.content.startswith(b"openapi: 3")
    assert as_json.status_code == 200
    assert as_json["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = json.loads(as_json.content)
    assert schema["info"]["title"] == "Japan Desk API"
    assert {
        "/api/countries/",
        "/api/sectors/",
        "/api/zones/",
        "/api/investors/",
        "/api/projects/",
        "/api/projects/{id}/",
        "/api/events/",
        "/api/events/{id}/",
        "/api/disbursements/",
        "/api/jobs-reports/",
        "/api/stats/",
    } <= set(schema["paths"])
    assert set(schema["paths"]["/api/events/{id}/"]) == {"get", "put", "patch", "delete"}
    assert set(schema["paths"]["/api/projects/{id}/"]) == {"get", "put", "patch"}
    assert set(schema["components"]["securitySchemes"]) == {"cookieAuth", "tokenAuth"}


def test_docs_page_loads_swagger_ui_from_our_static_files(api):
    # When
    response = api.get("/api/docs/")

    # Then
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "/api/schema/" in page
    assert "cdn" not in page.lower()


# ---------------------------------------------------------------- query counts


def build_rows(kind: str, n: int, officer, countries, sectors, zones, vnd_rate) -> None:
    """`n` rows of one resource, each with the relations its list shows."""
    ez = zones["van_don"]
    parent = services.create_investor(actor=officer, name="Group", country=countries["JP"])
    for i in range(n):
        if kind == "countries":
            services.create_country(actor=officer, code=f"Q{chr(65 + i)}", name_en="x", name_vi="x", name_ja="x")
        elif kind == "sectors":
            services.create_sector(
                actor=officer, code=f"26{i:02d}", level=3, section="C", parent=sectors["26"], name_vi="x", name_en="x"
            )
        elif kind == "zones":
            from japandesk.zones import services as zone_services

            zone_services.create_zone(actor=officer, code=f"ip-{i}", name=f"KCN {i}", kind="ip", parent=ez)
        elif kind == "investors":
            services.create_investor(actor=officer, name=f"Investor {i}", country=countries["KR"], parent=parent)
        else:
            project = services.create_project(
                actor=officer, code=f"P-{i:03d}", name=f"Project {i}", sector=sectors["26"], zone=zones["dong_mai"]
            )
            other = services.create_investor(actor=officer, name=f"Partner {i}", country=countries["KR"])
            services.record_event(
                project,
                actor=officer,
                kind="registration",
                date=D(2020, 1, 1),
                certificate_no=f"C-{i}",
                capital_usd=Decimal(1000),
                lineup=[(parent, Decimal(70)), (other, Decimal(30))],
            )
            services.record_disbursement(project, actor=officer, date=D(2021, 1, 1), amount_usd=Decimal(10))
            services.record_jobs(project, actor=officer, date=D(2021, 1, 1), jobs=5)


QUERY_BOUNDS = {
    "countries": 2,
    "sectors": 2,
    "zones": 3,  # with the zones' target sectors
    "investors": 2,
    "projects": 2,
    "events": 3,
    "disbursements": 2,
    "jobs-reports": 2,
}


@pytest.mark.parametrize("n", [5, 15])
@pytest.mark.parametrize("kind", list(QUERY_BOUNDS))
def test_list_queries_do_not_grow_with_rows(
    api, officer, countries, sectors, zones, vnd_rate, kind, n, django_assert_max_num_queries
):
    # Given
    build_rows(kind, n, officer, countries, sectors, zones, vnd_rate)

    # When
    with django_assert_max_num_queries(QUERY_BOUNDS[kind]):
        response = api.get(f"/api/{kind}/")

    # Then
    assert response.status_code == 200
    assert response.json()["count"] >= n

"""The CRM API: lists with the shared filters, writes through the services, roles, personal details."""

import datetime

import pytest
from rest_framework.test import APIClient

from japandesk.core.models import AuditEntry
from japandesk.crm import services
from japandesk.crm.models import Lead, Organisation, StageChange


def client_for(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_authenticate(user)
    return client


ENDPOINTS = [
    "organisations",
    "contacts",
    "pipelines",
    "leads",
    "tasks",
    "interactions",
    "agreements",
    "committees",
    "inquiries",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_role_reads_and_anonymous_is_refused(endpoint, leader, pipelines):
    assert client_for(leader).get(f"/api/crm/{endpoint}/").status_code == 200
    assert client_for(None).get(f"/api/crm/{endpoint}/").status_code in (401, 403)


@pytest.mark.parametrize(
    ("endpoint", "payload"),
    [
        ("organisations", {"name": "JETRO Hà Nội", "kind": "agency"}),
        ("contacts", {"family_name": "Sato"}),
        ("leads", {"pipeline": "investment", "title": "X"}),
        ("tasks", {"title": "X", "due_date": "2026-01-05"}),
        ("interactions", {"kind": "call", "title": "X", "date": "2025-01-05"}),
        ("agreements", {"title": "MOU"}),
        ("committees", {"name_en": "Council", "name_vi": "Hội đồng"}),
    ],
)
def test_a_leader_cannot_write(endpoint, payload, leader, pipelines):
    response = client_for(leader).post(f"/api/crm/{endpoint}/", payload, format="json")
    assert response.status_code == 403
    assert AuditEntry.objects.count() == 0


def test_officer_creates_a_lead_and_moves_it(officer, countries, pipelines):
    api = client_for(officer)
    response = api.post(
        "/api/crm/leads/",
        {"pipeline": "investment", "title": "Tokai Parts", "country": "JP", "estimated_capital_usd": "2500000.00"},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["stage"], body["country"], body["owner"], body["estimated_capital_usd"]) == (
        "inquiry",
        "JP",
        officer.pk,
        "2500000.00",
    )
    moved = api.post(f"/api/crm/leads/{body['id']}/move/", {"stage": "site_visit", "note": "Van Don"}, format="json")
    assert moved.status_code == 200, moved.content
    assert moved.json()["stage"] == "site_visit"
    assert [c["to_stage"] for c in moved.json()["stage_changes"]] == ["inquiry", "site_visit"]
    bad = api.post(f"/api/crm/leads/{body['id']}/move/", {"stage": "nowhere"}, format="json")
    assert bad.status_code == 400
    assert "stage" in bad.json()
    assert StageChange.objects.filter(lead_id=body["id"]).count() == 2


def test_a_leader_cannot_move_a_lead_through_the_api(officer, leader, pipelines):
    lead = services.create_lead(officer, pipeline="investment", title="X")
    response = client_for(leader).post(f"/api/crm/leads/{lead.pk}/move/", {"stage": "proposal"}, format="json")
    assert response.status_code == 403
    assert Lead.objects.get(pk=lead.pk).stage.key == "inquiry"


def test_lead_list_uses_the_shared_filters(officer, pipelines):
    services.create_lead(officer, pipeline="investment", title="Alpha")
    services.create_lead(officer, pipeline="supplier", title="Beta")
    response = client_for(officer).get("/api/crm/leads/?pipeline=supplier")
    assert [row["title"] for row in response.json()["results"]] == ["Beta"]


def test_contact_personal_details_are_for_staff_only(officer, yamada):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from japandesk.crm.api.serializers import CrmContactSerializer

    body = client_for(officer).get(f"/api/crm/contacts/{yamada.pk}/").json()
    assert (body["email"], body["phone"], body["addressed_name"]) == (
        "taro@yamada.example",
        "+81 3 1234 5678",
        "Mr Yamada Taro",
    )
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    public = CrmContactSerializer(yamada, context={"request": request}).data
    assert "email" not in public and "phone" not in public and "address" not in public
    assert public["family_name"] == "山田"


def test_api_errors_name_the_field(officer):
    response = client_for(officer).post(
        "/api/crm/agreements/",
        {"title": "MOU", "signed_on": "2025-01-01", "expires_on": "2024-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["expires_on"]


def test_search_through_the_api_folds_kana(officer, yamada_corp):
    response = client_for(officer).get("/api/crm/organisations/?q=やまだせいき")
    assert [row["id"] for row in response.json()["results"]] == [yamada_corp.pk]
    assert Organisation.objects.count() == 1


def test_task_done_flag_completes_and_reopens(officer):
    task = services.create_task(officer, title="Call", due_date=datetime.date(2026, 1, 5))
    api = client_for(officer)
    assert api.patch(f"/api/crm/tasks/{task.pk}/", {"done": True}, format="json").json()["done"] is True
    assert api.patch(f"/api/crm/tasks/{task.pk}/", {"done": False}, format="json").json()["done"] is False


def test_response_times_endpoint(officer):
    received = datetime.datetime(2025, 3, 1, 9, tzinfo=datetime.UTC)
    for n, hours in enumerate([2, 4]):
        inquiry = services.receive_inquiry(
            name=f"P{n}", email=f"p{n}@example.com", message="?", language="ja", consent=True, received_at=received
        )
        services.answer_inquiry(inquiry, officer, message="A", at=received + datetime.timedelta(hours=hours))
    body = client_for(officer).get("/api/crm/inquiries/response-times/").json()
    assert (body["overall"]["median_hours"], body["overall"]["p90_hours"]) == (3.0, 3.8)
    assert [row["key"] for row in body["by_language"]] == ["ja"]


def test_open_leads_filter_leaves_out_won_ones(officer, registered_project, pipelines):
    won = services.create_lead(officer, pipeline="investment", title="Won")
    services.convert_lead(won, officer, registered_project)
    services.create_lead(officer, pipeline="investment", title="Open")
    api = client_for(officer)
    assert [r["title"] for r in api.get("/api/crm/leads/?stage_kind=open").json()["results"]] == ["Open"]
    assert [r["title"] for r in api.get("/api/crm/leads/?converted=true").json()["results"]] == ["Won"]

"""The functions other apps call (the CRM contract): their signatures and what they promise."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from japandesk.core.models import AuditEntry
from japandesk.crm import services
from japandesk.crm.models import Inquiry, Lead, StageChange, Task


def test_create_lead_starts_at_the_first_stage_owned_by_the_officer(officer, countries, sectors, zones):
    lead = services.create_lead(
        officer,
        pipeline="investment",
        title="Nhà máy phụ tùng ô tô",
        organisation_name="Tokai Parts",
        country_code="jp",
        sector=sectors["C"],
        zone=zones["dong_mai"],
        estimated_capital_usd=Decimal("25000000"),
        estimated_land_ha=Decimal("12.5"),
        estimated_jobs=800,
        next_step="Gửi hồ sơ KCN",
        source="events",
    )
    lead.refresh_from_db()
    assert (lead.pipeline.key, lead.stage.key, lead.owner, lead.country.code) == (
        "investment",
        "inquiry",
        officer,
        "JP",
    )
    assert lead.estimated_capital_usd == Decimal("25000000.00")
    assert lead.project is None
    assert lead.get_absolute_url() == f"/crm/leads/{lead.pk}/"
    assert StageChange.objects.filter(lead=lead, from_stage=None, to_stage=lead.stage).count() == 1
    assert AuditEntry.objects.filter(object_id=str(lead.pk), content_type__model="lead", action="create").count() == 1


def test_create_lead_by_the_system_has_no_owner(pipelines):
    lead = services.create_lead(None, pipeline="supplier", title="Supplier for Tokai")
    assert (lead.owner, lead.stage.key) == (None, "identified")


def test_create_lead_refuses_a_leader_and_bad_input(leader, officer, countries):
    with pytest.raises(services.PermissionDenied):
        services.create_lead(leader, pipeline="investment", title="x")
    with pytest.raises(ValidationError) as error:
        services.create_lead(officer, pipeline="nonsense", title="x")
    assert "pipeline" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.create_lead(officer, pipeline="investment", title="x", country_code="ZZ")
    assert "country_code" in error.value.message_dict
    assert Lead.objects.count() == 0


def test_create_task_defaults_to_the_officer(officer):
    due = datetime.date(2026, 1, 5)
    task = services.create_task(officer, title="Gọi lại", due_date=due, source="events")
    assert (task.assignee, task.due_date, task.is_done) == (officer, due, False)
    assert task.get_absolute_url() == f"/crm/tasks/{task.pk}/"
    assert Task.objects.count() == 1


def test_receive_inquiry_creates_an_inquiry_and_an_investment_lead(countries, sectors, zones):
    inquiry = services.receive_inquiry(
        name="佐藤 花子",
        email="hanako@example.jp",
        message="工業団地の賃料を教えてください。",
        language="ja",
        consent=True,
        company="佐藤工業",
        country_code="JP",
        sector=sectors["26"],
        zone=zones["dong_mai"],
        land_ha=Decimal("3"),
        timing="2026",
        kind="site_visit",
    )
    assert len(inquiry.tracking_token) >= 32
    assert inquiry.get_status_display() == "Awaiting an answer" or inquiry.status == "new"
    assert inquiry.status == "new"
    assert inquiry.first_response_at is None
    assert inquiry.received_at <= timezone.now()
    assert inquiry.lead.pipeline.key == "investment"
    assert inquiry.lead.stage.key == "inquiry"
    assert inquiry.lead.owner is None
    assert inquiry.lead.organisation_name == "佐藤工業"
    assert services.inquiry_by_token(inquiry.tracking_token) == inquiry
    assert services.inquiry_by_token("not-a-token") is None
    assert services.inquiry_by_token("") is None


def test_receive_inquiry_rejects_bad_input_and_writes_nothing(countries):
    with pytest.raises(ValidationError) as error:
        services.receive_inquiry(name="", email="nope", message="", language="fr", consent=False, country_code="XX")
    assert set(error.value.message_dict) == {"name", "email", "message", "language", "consent", "country_code"}
    assert Inquiry.objects.count() == 0
    assert Lead.objects.count() == 0

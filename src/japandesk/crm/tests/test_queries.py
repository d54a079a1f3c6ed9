"""Pages and API lists read a fixed number of queries, however many rows they show."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from japandesk.crm import services


def add_rows(officer, yamada_corp, yamada, zones, start: int, count: int) -> None:
    for n in range(start, start + count):
        lead = services.create_lead(officer, pipeline="investment", title=f"Lead {n}", organisation=yamada_corp)
        services.move_lead(lead, officer, ("first_meeting", "site_visit", "proposal")[n % 3])
        services.create_task(officer, title=f"Task {n}", due_date=datetime.date(2025, 1, 1 + n), lead=lead)
        services.create_interaction(
            officer,
            kind="delegation",
            title=f"Visit {n}",
            date=datetime.date(2025, 2, 1 + n),
            organisations=[yamada_corp],
            contacts=[yamada],
            zones=[zones["dong_mai"]],
            lead=lead,
        )
        agreement = services.create_agreement(officer, title=f"MOU {n}", parties=[yamada_corp])
        services.add_obligation(agreement, officer, description="Visit", party=yamada_corp)
        services.create_contact(officer, family_name=f"Sato {n}", organisation=yamada_corp)


PAGES = ["/crm/", "/crm/leads/", "/crm/timeline/", "/crm/tasks/?mine=1&done=0", "/crm/agreements/", "/crm/contacts/"]
ENDPOINTS = ["leads", "tasks", "interactions", "agreements", "contacts", "organisations"]


def count_queries(fetch) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert fetch().status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", PAGES)
def test_page_queries_do_not_grow_with_rows(client, officer, yamada_corp, yamada, zones, pipelines, page):
    client.force_login(officer)
    add_rows(officer, yamada_corp, yamada, zones, 0, 2)
    few = count_queries(lambda: client.get(page))
    add_rows(officer, yamada_corp, yamada, zones, 2, 4)
    assert count_queries(lambda: client.get(page)) == few


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_queries_do_not_grow_with_rows(officer, yamada_corp, yamada, zones, pipelines, endpoint):
    api = APIClient()
    api.force_authenticate(officer)
    add_rows(officer, yamada_corp, yamada, zones, 0, 2)
    few = count_queries(lambda: api.get(f"/api/crm/{endpoint}/"))
    add_rows(officer, yamada_corp, yamada, zones, 2, 4)
    assert count_queries(lambda: api.get(f"/api/crm/{endpoint}/")) == few
    assert reverse("api:crm-lead-list") == "/api/crm/leads/"

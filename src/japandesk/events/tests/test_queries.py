"""Lists and the scheduler screen cost the same number of queries however many rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from japandesk.events import services
from japandesk.events.choices import ParticipantKind


def grow(event, start: int, count: int) -> None:
    """`count` more supplier/investor pairs with an accepted request each."""
    for i in range(start, start + count):
        supplier = services.register_participant(
            event,
            kind=ParticipantKind.SUPPLIER,
            name=f"S{i}",
            organisation=f"Supplier {i}",
            email=f"s{i}@example.vn",
            language="vi",
            consent=True,
        )
        investor = services.register_participant(
            event,
            kind=ParticipantKind.INVESTOR,
            name=f"I{i}",
            organisation=f"Investor {i}",
            email=f"i{i}@example.jp",
            language="ja",
            consent=True,
        )
        services.answer_request(services.send_request(supplier, investor), True)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "name",
    ["events:participant-list", "events:request-list", "events:scheduler", "events:table-plan", "events:outcomes"],
)
def test_pages_do_not_query_per_row(client, leader, conference, name):
    client.force_login(leader)
    url = reverse(name, args=[conference.pk])
    grow(conference, 0, 2)
    services.start_run(conference, time_limit=5)
    few = count_queries(client, url)
    grow(conference, 2, 6)
    services.start_run(conference, time_limit=5)
    assert count_queries(client, url) == few


@pytest.mark.parametrize("name", ["api:b2b-participant-list", "api:b2b-request-list", "api:b2b-meeting-list"])
def test_api_lists_do_not_query_per_row(leader, conference, name):
    client = APIClient()
    client.force_authenticate(leader)
    grow(conference, 0, 2)
    few = count_queries(client, reverse(name))
    grow(conference, 2, 6)
    assert count_queries(client, reverse(name)) == few

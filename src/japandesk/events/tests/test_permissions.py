"""Every staff page and API endpoint checks the role: anonymous visitors are kept out, leaders
read everything and change nothing, desk officers and administrators edit."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from japandesk.core.choices import Role
from japandesk.events import services
from japandesk.events.models import Event, Meeting, MeetingRequest


@pytest.fixture
def world(conference):
    p = conference.people
    request = services.send_request(p["sup1"], p["inv1"])
    services.answer_request(services.send_request(p["sup2"], p["inv1"]), True)
    services.start_run(conference, time_limit=5)
    meeting = Meeting.objects.get()
    session = conference.sessions.first()
    e = conference.pk
    read = [
        reverse("events:event-list"),
        reverse("events:event-detail", args=[e]),
        reverse("events:participant-list", args=[e]),
        reverse("events:participant-detail", args=[e, p["inv1"].pk]),
        reverse("events:request-list", args=[e]),
        reverse("events:scheduler", args=[e]),
        reverse("events:export", args=[e]),
        reverse("events:table-plan", args=[e]),
        reverse("events:checkin", args=[e]),
        reverse("events:outcomes", args=[e]),
        reverse("events:participant-agenda", args=[e, p["inv1"].pk, "ics"]),
    ]
    write = [
        (
            reverse("events:event-create"),
            {
                "slug": "x",
                "name_vi": "X",
                "starts_on": "2026-01-01",
                "ends_on": "2026-01-01",
                "request_expiry_hours": 24,
            },
        ),
        (
            reverse("events:event-update", args=[e]),
            {
                "slug": "y",
                "name_vi": "Y",
                "starts_on": "2026-03-10",
                "ends_on": "2026-03-10",
                "request_expiry_hours": 24,
            },
        ),
        (
            reverse("events:session-create", args=[e]),
            {"date": "2026-03-10", "name": "Late", "start": "18:00", "slots": 2, "minutes": 20},
        ),
        (reverse("events:session-delete", args=[e, session.pk]), {}),
        (reverse("events:room-create", args=[e]), {"name": "Room 2", "tables": 2}),
        (
            reverse("events:participant-detail", args=[e, p["inv1"].pk]),
            {"kind": "press", "organisation": "Z", "name": "Z", "email": "z@example.org", "language": "en"},
        ),
        (
            reverse("events:request-list", args=[e]),
            {"requester": p["inv2"].pk, "recipient": p["sup2"].pk, "priority": 1},
        ),
        (reverse("events:request-action", args=[e, request.pk]), {"action": "accept"}),
        (reverse("events:scheduler", args=[e]), {"kind": "solve", "time_limit": 5}),
        (reverse("events:pin", args=[e, meeting.pk]), {"pinned": "1"}),
        (reverse("events:meeting-create", args=[e]), {"participants": [p["inv2"].pk, p["agency"].pk], "priority": 1}),
        (reverse("events:checkin", args=[e]), {"participant": p["inv1"].pk, "arrived": "1"}),
        (reverse("events:outcomes", args=[e]), {"meeting": meeting.pk, "outcome": "held"}),
        (reverse("events:rules", args=[e]), {"rules": ["press>agency"]}),
    ]
    return {"read": read, "write": write, "request": request, "meeting": meeting}


def snapshot():
    return (
        list(Event.objects.values_list("slug", "name_vi")),
        list(MeetingRequest.objects.values_list("status", flat=True)),
        list(Meeting.objects.values_list("pinned", "outcome")),
        Event.objects.get().sessions.count(),
        Event.objects.get().rooms.count(),
    )


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    for url in world["read"]:
        response = client.get(url)
        assert (url, response.status_code) == (url, 302)
        assert response["Location"].startswith(reverse("login"))
    before = snapshot()
    for url, data in world["write"]:
        assert client.post(url, data).status_code == 302
    assert snapshot() == before


def test_leaders_read_every_page_and_change_nothing(client, leader, world):
    client.force_login(leader)
    for url in world["read"]:
        assert (url, client.get(url).status_code) == (url, 200)
    before = snapshot()
    for url, data in world["write"]:
        assert (url, client.post(url, data).status_code) == (url, 403)
    assert snapshot() == before


def test_users_without_a_role_that_reads_are_refused(client, make_user, world):
    client.force_login(make_user("nobody", Role.LEADER, is_active=False))
    assert client.get(world["read"][0]).status_code == 302


@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMINISTRATOR])
def test_officers_and_administrators_edit(client, make_user, world, role):
    client.force_login(make_user("editor", role))
    for url, data in world["write"]:
        response = client.post(url, data)
        assert (url, response.status_code) == (url, 302)
    assert MeetingRequest.objects.get(pk=world["request"].pk).status == "accepted"
    assert Event.objects.filter(slug="x").exists()


def api_client(user=None) -> APIClient:
    client = APIClient(headers={"Accept-Language": "en"})
    if user is not None:
        client.force_authenticate(user)
    return client


API_LISTS = ["api:b2b-event-list", "api:b2b-participant-list", "api:b2b-request-list", "api:b2b-meeting-list"]


@pytest.mark.parametrize("name", API_LISTS)
def test_api_lists_are_for_signed_in_roles(world, leader, name):
    assert api_client().get(reverse(name)).status_code in (401, 403)
    response = api_client(leader).get(reverse(name))
    assert response.status_code == 200
    assert response.json()["count"] >= 1


def test_api_filters_by_event_with_the_shared_filtersets(world, leader, conference):
    client = api_client(leader)
    rows = client.get(reverse("api:b2b-participant-list"), {"event": conference.pk, "kind": "supplier"}).json()
    assert sorted(r["organisation"] for r in rows["results"]) == ["Org sup1", "Org sup2"]
    rows = client.get(reverse("api:b2b-request-list"), {"status": "pending"}).json()
    assert rows["count"] == 1
    rows = client.get(reverse("api:b2b-meeting-list"), {"scheduled": "true"}).json()
    assert rows["count"] == 1 and rows["results"][0]["table"] == 1
    instance = client.get(reverse("api:b2b-event-instance", args=[conference.pk])).json()
    assert instance == services.export_instance(conference)


def test_leaders_write_nothing_through_the_api(world, leader, conference):
    p = conference.people
    client = api_client(leader)
    before = snapshot()
    attempts = [
        client.post(
            reverse("api:b2b-event-list"),
            {"slug": "z", "name_vi": "Z", "starts_on": "2026-01-01", "ends_on": "2026-01-01"},
        ),
        client.post(reverse("api:b2b-request-list"), {"requester": p["inv2"].pk, "recipient": p["sup2"].pk}),
        client.post(reverse("api:b2b-request-answer", args=[world["request"].pk]), {"accept": True}),
        client.post(reverse("api:b2b-meeting-outcome", args=[world["meeting"].pk]), {"outcome": "held"}),
        client.post(reverse("api:b2b-meeting-pin", args=[world["meeting"].pk]), {"pinned": True}),
    ]
    assert [r.status_code for r in attempts] == [403] * 5
    assert snapshot() == before


def test_officers_write_through_the_api_and_rules_come_back_as_400(world, officer, conference):
    p = conference.people
    client = api_client(officer)
    created = client.post(
        reverse("api:b2b-request-list"), {"requester": p["inv2"].pk, "recipient": p["sup2"].pk, "priority": 2}
    )
    assert created.status_code == 201
    assert created.json()["status"] == "pending"
    refused = client.post(reverse("api:b2b-request-list"), {"requester": p["press"].pk, "recipient": p["inv2"].pk})
    assert refused.status_code == 400
    assert "may not request" in refused.json()["non_field_errors"][0]
    answered = client.post(
        reverse("api:b2b-request-answer", args=[world["request"].pk]), {"accept": True}, format="json"
    )
    assert answered.json()["status"] == "accepted"
    outcome = client.post(
        reverse("api:b2b-meeting-outcome", args=[world["meeting"].pk]), {"outcome": "held", "notes": "ok"}
    )
    assert outcome.json()["outcome"] == "held"
    event = client.post(
        reverse("api:b2b-event-list"),
        {"slug": "api-event", "name_vi": "API", "starts_on": "2026-01-02", "ends_on": "2026-01-01"},
    )
    assert event.status_code == 400
    assert event.json() == {"ends_on": ["The last day comes before the first day."]}
    assert not Event.objects.filter(slug="api-event").exists()


def test_officers_register_participants_through_the_api(officer, leader, conference):
    url = reverse("api:b2b-participant-list")
    data = {
        "event": conference.pk,
        "kind": "investor",
        "name": "Sato",
        "organisation": "Sato Kogyo",
        "email": "sato@example.jp",
        "language": "ja",
        "consent": True,
        "available": ["20260310-0900", "20260310-1400"],
    }
    assert api_client(leader).post(url, data, format="json").status_code == 403
    created = api_client(officer).post(url, data, format="json")
    assert created.status_code == 201
    assert created.json()["available"] == ["20260310-0900", "20260310-1400"]
    unknown = api_client(officer).post(url, {**data, "email": "x@example.jp", "available": ["nope"]}, format="json")
    assert unknown.json() == {"available": ["Unknown slot “nope”."]}
    refused = api_client(officer).post(url, {**data, "email": "y@example.jp", "consent": False}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {"consent": ["Registration needs your consent to the processing of your personal data."]}
    assert conference.participants.filter(email__in=["x@example.jp", "y@example.jp"]).count() == 0

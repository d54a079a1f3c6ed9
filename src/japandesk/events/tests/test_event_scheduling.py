"""The stored event and the engine: export to the exchange format, answers stored back after the
validity checks, the scheduler screen's path on random events, and rescheduling with pins."""

import datetime
import json
import random

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from japandesk.events import services
from japandesk.events.choices import ParticipantKind, RunKind
from japandesk.events.models import Meeting, ScheduleRun
from japandesk.events.scheduling.instance import parse_instance
from japandesk.events.scheduling.solver import solve
from japandesk.events.scheduling.validate import evaluate, problems


def accept(requester, recipient, priority=1):
    return services.answer_request(services.send_request(requester, recipient, priority=priority), True)


def stored_document(event) -> dict:
    """The stored schedule written as an answer: the assignments and the unscheduled meetings."""
    answer = services.stored_answer(event)
    placed = {row["meeting"] for row in answer["assignments"]}
    meetings = [m["id"] for m in services.export_instance(event)["meetings"]]
    return {"assignments": answer["assignments"], "unscheduled": [m for m in meetings if m not in placed]}


def test_export_follows_the_format(conference):
    p = conference.people
    services.update_participant(p["inv1"], available=list(conference.slots.order_by("start")[:4]), max_meetings=2)
    services.set_kind_cap(conference, ParticipantKind.SUPPLIER, max_meetings=3)
    accept(p["inv1"], p["sup1"], priority=4)
    document = services.export_instance(conference)
    instance = parse_instance(document)
    assert document["event"] == "Test conference"
    assert document["tables"] == 3
    assert [s["id"] for s in document["slots"]] == [
        "20260310-0900",
        "20260310-0920",
        "20260310-0940",
        "20260310-1000",
        "20260310-1400",
        "20260310-1420",
        "20260310-1440",
        "20260310-1500",
    ]
    assert document["slots"][0]["start"] == "2026-03-10T09:00:00+07:00"
    assert len(instance.sessions) == 2
    rows = {row["id"]: row for row in document["participants"]}
    assert rows[f"p{p['inv1'].pk}"] == {
        "id": f"p{p['inv1'].pk}",
        "name": "Org inv1",
        "kind": "investor",
        "available": ["20260310-0900", "20260310-0920", "20260310-0940", "20260310-1000"],
        "max_meetings": 2,
    }
    assert rows[f"p{p['sup1'].pk}"]["max_meetings"] == 3
    assert "available" not in rows[f"p{p['sup1'].pk}"]
    assert document["meetings"] == [
        {"id": f"m{Meeting.objects.get().pk}", "participants": [f"p{p['inv1'].pk}", f"p{p['sup1'].pk}"], "priority": 4}
    ]


def test_an_answer_goes_back_onto_the_event(conference):
    p = conference.people
    for a, b in [("inv1", "sup1"), ("inv1", "sup2"), ("inv2", "sup1"), ("inv2", "sup2"), ("agency", "inv1")]:
        accept(p[a], p[b])
    document = services.export_instance(conference)
    instance = parse_instance(document)
    from japandesk.events.scheduling.instance import answer_to_dict

    answer = answer_to_dict(instance, solve(instance, time_limit=5, workers=1))
    run = services.apply_answer(conference, answer)
    assert (run.kind, run.status, run.scheduled, run.priority, run.bound) == (RunKind.IMPORT, "done", 5, 5, 5)
    assert services.stored_answer(conference)["assignments"] == answer["assignments"]
    assert problems(instance, stored_document(conference)) == []


def test_an_invalid_answer_is_refused_and_nothing_changes(conference):
    p = conference.people
    accept(p["inv1"], p["sup1"])
    accept(p["inv1"], p["sup2"])
    ids = [m["id"] for m in services.export_instance(conference)["meetings"]]
    clash = {
        "assignments": [
            {"meeting": ids[0], "slot": "20260310-0900", "table": 1},
            {"meeting": ids[1], "slot": "20260310-0900", "table": 2},
        ],
        "unscheduled": [],
    }
    with pytest.raises(ValidationError) as error:
        services.apply_answer(conference, clash)
    assert any("Org inv1" in message or f"p{p['inv1'].pk}" in message for message in error.value.messages)
    assert Meeting.objects.filter(slot__isnull=False).count() == 0
    assert ScheduleRun.objects.count() == 0


def random_event(rng: random.Random, n: int):
    """A random event built through the services: sessions, tables, availability, caps, requests."""
    event = services.create_event(
        None,
        slug=f"random-{n}",
        name_vi=f"Sự kiện {n}",
        starts_on=datetime.date(2026, 5, 4),
        ends_on=datetime.date(2026, 5, 5),
    )
    for day in (4, 5):
        services.add_session(
            event,
            date=datetime.date(2026, 5, day),
            name="AM",
            start=datetime.time(9, 0),
            slots=rng.randint(2, 5),
            minutes=15,
        )
    services.add_room(event, name="Hall", tables=rng.randint(1, 4))
    slots = list(event.slots.order_by("start"))
    kinds = [ParticipantKind.INVESTOR, ParticipantKind.SUPPLIER, ParticipantKind.AGENCY]
    people = []
    for i in range(rng.randint(6, 12)):
        available = None if rng.random() < 0.5 else rng.sample(slots, rng.randint(1, len(slots)))
        people.append(
            services.register_participant(
                event,
                kind=rng.choice(kinds),
                name=f"P{i}",
                organisation=f"Org {n}-{i}",
                email=f"p{i}@e{n}.example",
                language="en",
                consent=True,
                available=available,
                max_meetings=rng.choice([None, None, 2, 3]),
                source="ui",
            )
        )
    for _ in range(rng.randint(8, 20)):
        a, b = rng.sample(people, 2)
        try:
            services.answer_request(services.send_request(a, b, priority=rng.randint(1, 3)), True)
        except ValidationError:
            pass  # a rule or a cap refused it, as it would at a real event
    return event


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_scheduler_screen_stores_valid_schedules_on_random_events(client, officer, seed):
    rng = random.Random(seed)
    event = random_event(rng, seed)
    client.force_login(officer)
    response = client.post(reverse("events:scheduler", args=[event.pk]), {"kind": "solve", "time_limit": "5"})
    assert response.status_code == 302
    run = ScheduleRun.objects.get(event=event)
    assert (run.status, run.error) == ("done", "")
    instance = parse_instance(services.export_instance(event))
    document = stored_document(event)
    assert problems(instance, document) == []
    slot_of = {
        instance.meeting_index[row["meeting"]]: instance.slot_index[row["slot"]] for row in document["assignments"]
    }
    assert evaluate(instance, slot_of) == (run.scheduled, run.priority, run.idle_gaps)
    assert run.priority <= run.bound
    unscheduled = Meeting.objects.filter(event=event, cancelled_at__isnull=True, slot__isnull=True)
    assert all(m.unscheduled_reason for m in unscheduled)
    page = client.get(reverse("events:scheduler", args=[event.pk]))
    assert page.status_code == 200


def test_rescheduling_keeps_pins_and_moves_little(client, officer, conference):
    p = conference.people
    for a, b in [("inv1", "sup1"), ("inv1", "sup2"), ("inv2", "sup1"), ("agency", "inv2")]:
        accept(p[a], p[b])
    run = services.start_run(conference, time_limit=5)
    assert run.status == "done"
    pinned = Meeting.objects.filter(slot__isnull=False).order_by("pk").first()
    client.force_login(officer)
    response = client.post(reverse("events:pin", args=[conference.pk, pinned.pk]), {"pinned": "1"})
    assert response.status_code == 302
    before = {m.pk: (m.slot_id, m.table_id) for m in Meeting.objects.all()}
    # Late changes: a new meeting, and one participant no longer free in the afternoon.
    accept(p["inv2"], p["sup2"], priority=2)
    morning = list(conference.slots.order_by("start")[:4])
    others = [m for m in Meeting.objects.exclude(pk=pinned.pk) if p["sup1"] in m.participants.all()]
    if pinned.slot in morning:
        services.update_participant(p["sup1"], available=morning)
    # Scheduling from scratch would drop the pin: the screen refuses it.
    refused = client.post(reverse("events:scheduler", args=[conference.pk]), {"kind": "solve", "time_limit": "5"})
    assert refused.status_code == 200
    assert "Some meetings are pinned" in refused.content.decode()
    client.post(reverse("events:scheduler", args=[conference.pk]), {"kind": "reschedule", "time_limit": "5"})
    latest = ScheduleRun.objects.filter(event=conference).first()
    assert (latest.kind, latest.status) == (RunKind.RESCHEDULE, "done")
    pinned.refresh_from_db()
    assert (pinned.slot_id, pinned.table_id) == before[pinned.pk]
    assert pinned.pinned is True
    instance = parse_instance(services.export_instance(conference))
    assert problems(instance, stored_document(conference)) == []
    assert latest.scheduled == 5
    moved = sum(
        1 for m in Meeting.objects.exclude(pk__in=[pinned.pk]) if m.pk in before and before[m.pk][0] != m.slot_id
    )
    assert latest.moves == moved
    assert moved <= len(others)


def test_pinning_needs_a_scheduled_meeting(conference):
    p = conference.people
    request = accept(p["inv1"], p["sup1"])
    with pytest.raises(ValidationError):
        services.set_pinned(Meeting.objects.get(request=request), True)


def test_any_event_exports_by_download_and_command(client, leader, conference, tmp_path):
    p = conference.people
    accept(p["inv1"], p["sup1"])
    client.force_login(leader)
    response = client.get(reverse("events:export", args=[conference.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="test-conference-instance.json"'
    downloaded = json.loads(response.content)
    assert downloaded == services.export_instance(conference)
    target = tmp_path / "instance.json"
    call_command("events", "export", "test-conference", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8")) == downloaded
    parse_instance(downloaded)


def test_an_event_without_slots_still_exports_but_cannot_be_scheduled(db):
    event = services.create_event(
        None, slug="empty", name_vi="Trống", starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 1, 1)
    )
    assert services.export_instance(event) == {
        "event": "Trống",
        "tables": 0,
        "slots": [],
        "participants": [],
        "meetings": [],
    }
    with pytest.raises(ValidationError):
        services.start_run(event)


def test_answer_upload_stores_a_valid_answer(client, officer, conference):
    from django.core.files.uploadedfile import SimpleUploadedFile

    p = conference.people
    accept(p["inv1"], p["sup1"])
    mid = services.export_instance(conference)["meetings"][0]["id"]
    answer = {"assignments": [{"meeting": mid, "slot": "20260310-1400", "table": 2}], "unscheduled": []}
    client.force_login(officer)
    upload = SimpleUploadedFile("answer.json", json.dumps(answer).encode(), content_type="application/json")
    client.post(reverse("events:answer-upload", args=[conference.pk]), {"file": upload})
    meeting = Meeting.objects.get()
    assert (meeting.slot.code, meeting.table.number) == ("20260310-1400", 2)
    wrong = SimpleUploadedFile("answer.txt", b"{}", content_type="text/plain")
    response = client.post(reverse("events:answer-upload", args=[conference.pk]), {"file": wrong}, follow=True)
    assert "The answer must be a .json file." in response.content.decode()


def test_the_desk_seats_a_delegation_with_several_firms_and_cancels_meetings(client, officer, conference):
    p = conference.people
    client.force_login(officer)
    client.post(
        reverse("events:meeting-create", args=[conference.pk]),
        {"participants": [p["inv1"].pk, p["sup1"].pk, p["sup2"].pk], "priority": "3"},
    )
    delegation = Meeting.objects.get()
    assert (delegation.priority, delegation.participants.count()) == (3, 3)
    accept(p["inv2"], p["sup1"])
    services.start_run(conference, time_limit=5)
    delegation.refresh_from_db()
    assert delegation.slot is not None and delegation.table is not None
    instance = parse_instance(services.export_instance(conference))
    assert problems(instance, stored_document(conference)) == []
    other = Meeting.objects.exclude(pk=delegation.pk).get()
    assert other.slot_id != delegation.slot_id  # sup1 sits at both
    client.post(reverse("events:meeting-cancel", args=[conference.pk, other.pk]))
    other.refresh_from_db()
    assert other.cancelled_at is not None and other.slot is None
    assert other.request.status == "cancelled"
    assert [m["id"] for m in services.export_instance(conference)["meetings"]] == [f"m{delegation.pk}"]

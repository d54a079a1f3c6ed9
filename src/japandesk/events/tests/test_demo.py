"""The demonstration conference of 2023: loaded once, through the services, scheduled validly."""

import pytest
from django.db import transaction

from japandesk.events import demo, services
from japandesk.events.models import Event, MeetingRequest, Participant, ScheduleRun
from japandesk.events.scheduling.instance import parse_instance
from japandesk.events.scheduling.validate import problems


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo conference, loaded twice for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        first = demo.load()
        second = demo.load()
        yield first, second
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_demo_adds_the_2023_conference_once(loaded):
    first, second = loaded
    assert second == {"created": False}
    event = Event.objects.get(slug=demo.SLUG)
    assert (event.name_en, str(event.starts_on), event.illustrative) == (
        "Quang Ninh - Japan Investment Promotion Conference 2023",
        "2023-11-17",
        True,
    )
    assert Participant.objects.filter(event=event).count() == first["participants"] >= 150
    assert MeetingRequest.objects.filter(event=event).count() == first["requests"] >= 200
    kinds = set(Participant.objects.filter(event=event).values_list("kind", flat=True))
    assert kinds == {"investor", "supplier", "agency", "press"}


@pytest.mark.django_db
def test_the_demo_schedule_is_valid_and_reaches_its_bound(loaded):
    event = Event.objects.get(slug=demo.SLUG)
    run = ScheduleRun.objects.get(event=event)
    assert run.status == "done"
    instance = parse_instance(services.export_instance(event))
    answer = services.stored_answer(event)
    placed = {row["meeting"] for row in answer["assignments"]}
    document = {
        "assignments": answer["assignments"],
        "unscheduled": [m.id for m in instance.meetings if m.id not in placed],
    }
    assert problems(instance, document) == []
    assert len(placed) == run.scheduled
    assert run.priority / run.bound >= 0.99

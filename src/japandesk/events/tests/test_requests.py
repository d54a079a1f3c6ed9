"""Meeting requests: who may request whom, caps per participant and per type, expiry, cancelling."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from japandesk.core.models import AuditEntry
from japandesk.events import services
from japandesk.events.choices import ParticipantKind, RequestStatus
from japandesk.events.models import Meeting, MeetingRequest


def test_supplier_may_request_an_investor_and_acceptance_makes_a_meeting(conference):
    p = conference.people
    request = services.send_request(p["sup1"], p["inv1"], priority=3, message="Parts for you")
    assert (request.status, request.priority) == (RequestStatus.PENDING, 3)
    services.answer_request(request, True)
    request.refresh_from_db()
    meeting = Meeting.objects.get(request=request)
    assert request.status == RequestStatus.ACCEPTED
    assert sorted(meeting.participants.values_list("email", flat=True)) == ["inv1@example.org", "sup1@example.org"]
    assert meeting.priority == 3
    assert meeting.slot is None
    assert AuditEntry.objects.filter(object_id=str(request.pk), action="update").count() == 1


def test_press_may_not_request_and_the_error_names_both_types(conference):
    p = conference.people
    with pytest.raises(ValidationError) as error:
        services.send_request(p["press"], p["inv1"])
    assert error.value.messages == [
        "At this event, a participant of type “Press” may not request a meeting with one of type “Investor”."
    ]
    assert MeetingRequest.objects.count() == 0


def test_rules_are_per_event_and_can_be_changed(conference):
    p = conference.people
    services.set_rules(conference, [(ParticipantKind.PRESS, ParticipantKind.AGENCY)])
    services.send_request(p["press"], p["agency"])
    with pytest.raises(ValidationError):
        services.send_request(p["sup1"], p["inv1"])
    assert MeetingRequest.objects.count() == 1


def test_a_second_open_request_between_the_same_pair_is_refused(conference):
    p = conference.people
    services.send_request(p["inv1"], p["sup1"])
    with pytest.raises(ValidationError, match="already open"):
        services.send_request(p["sup1"], p["inv1"])


def test_requests_sent_are_capped_per_type(conference):
    p = conference.people
    services.set_kind_cap(conference, ParticipantKind.INVESTOR, max_requests=1)
    services.send_request(p["inv1"], p["sup1"])
    with pytest.raises(ValidationError) as error:
        services.send_request(p["inv1"], p["sup2"])
    assert error.value.messages == ["Org inv1 has already sent the most requests allowed (1)."]
    # A declined request no longer counts.
    services.answer_request(MeetingRequest.objects.get(), False)
    services.send_request(p["inv1"], p["sup2"])
    assert MeetingRequest.objects.filter(requester=p["inv1"]).count() == 2


def test_meetings_are_capped_per_participant_when_a_request_is_accepted(conference):
    p = conference.people
    services.update_participant(p["sup1"], max_meetings=1)
    first = services.send_request(p["inv1"], p["sup1"])
    second = services.send_request(p["inv2"], p["sup1"])
    services.answer_request(first, True)
    with pytest.raises(ValidationError) as error:
        services.answer_request(second, True)
    assert error.value.messages == ["Org sup1 already has the most meetings allowed (1)."]
    second.refresh_from_db()
    assert second.status == RequestStatus.PENDING
    assert Meeting.objects.count() == 1


def test_meetings_are_capped_per_type_and_the_lower_cap_wins(conference):
    p = conference.people
    services.set_kind_cap(conference, ParticipantKind.SUPPLIER, max_meetings=1)
    services.update_participant(p["sup1"], max_meetings=5)
    services.answer_request(services.send_request(p["inv1"], p["sup1"]), True)
    assert services.meeting_cap(p["sup1"]) == 1
    with pytest.raises(ValidationError, match="most meetings allowed"):
        services.send_request(p["inv2"], p["sup1"])


def test_unanswered_requests_expire(conference):
    p = conference.people
    sent = timezone.now() - datetime.timedelta(hours=80)
    old = services.send_request(p["inv1"], p["sup1"], at=sent)
    fresh = services.send_request(p["inv1"], p["sup2"])
    assert old.expires_at == sent + datetime.timedelta(hours=72)
    with pytest.raises(ValidationError) as error:
        services.answer_request(old, True)
    assert error.value.messages == ["This request has expired and can no longer be answered."]
    old.refresh_from_db()
    assert old.status == RequestStatus.EXPIRED
    assert services.expire_requests() == 0
    assert services.expire_requests(timezone.now() + datetime.timedelta(hours=73)) == 1
    fresh.refresh_from_db()
    assert fresh.status == RequestStatus.EXPIRED
    assert Meeting.objects.count() == 0


def test_an_answered_request_cannot_be_answered_again(conference):
    p = conference.people
    request = services.send_request(p["inv1"], p["sup1"])
    services.answer_request(request, False)
    with pytest.raises(ValidationError) as error:
        services.answer_request(request, True)
    assert error.value.messages == ["This request is no longer awaiting an answer: it is declined."]


def test_cancelling_an_accepted_request_cancels_its_meeting(conference):
    p = conference.people
    request = services.send_request(p["inv1"], p["sup1"])
    services.answer_request(request, True)
    services.cancel_request(request)
    meeting = Meeting.objects.get()
    assert meeting.cancelled_at is not None
    assert services.export_instance(conference)["meetings"] == []
    # The pair may meet again with a new request.
    services.send_request(p["sup1"], p["inv1"])


def test_priority_is_checked(conference):
    p = conference.people
    with pytest.raises(ValidationError) as error:
        services.send_request(p["inv1"], p["sup1"], priority=9)
    assert error.value.message_dict == {"priority": ["The priority is a whole number from 1 to 5."]}


def test_delegation_meetings_seat_several_participants(conference):
    p = conference.people
    meeting = services.create_meeting(conference, [p["inv1"], p["sup1"], p["sup2"]], priority=2)
    assert meeting.participants.count() == 3
    with pytest.raises(ValidationError):
        services.create_meeting(conference, [p["inv1"], p["inv1"]])


def test_a_session_that_is_some_participants_only_availability_is_kept(conference):
    p = conference.people
    morning, afternoon = conference.sessions.order_by("pk")
    services.update_participant(p["sup1"], available=list(morning.slots.all()))
    with pytest.raises(ValidationError) as error:
        services.delete_session(morning)
    assert error.value.messages == [
        "Some participants (1) can attend only this session: change their availability first."
    ]
    services.delete_session(afternoon)
    assert list(conference.sessions.all()) == [morning]

"""Meeting outcomes and follow-ups; reminders for expiring requests and tomorrow's meetings."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from japandesk.events import services
from japandesk.events.choices import MeetingOutcome
from japandesk.events.models import FollowUp, Meeting, Participant
from japandesk.events.tasks import send_reminders


@pytest.fixture
def meeting(conference):
    p = conference.people
    services.answer_request(services.send_request(p["sup1"], p["inv1"]), True)
    services.start_run(conference, time_limit=5)
    return Meeting.objects.get()


def test_held_and_no_show_are_recorded_without_a_follow_up(meeting, officer):
    services.record_outcome(meeting, MeetingOutcome.NO_SHOW, notes="Supplier absent", actor=officer)
    meeting.refresh_from_db()
    assert (meeting.outcome, meeting.outcome_notes) == ("no_show", "Supplier absent")
    assert FollowUp.objects.count() == 0


def test_follow_up_wanted_keeps_a_follow_up_and_hands_it_to_the_crm_when_it_can(meeting, officer):
    from japandesk.crm import services as crm

    due = datetime.date(2026, 4, 1)
    services.record_outcome(meeting, MeetingOutcome.FOLLOW_UP, notes="Send samples", follow_up_due=due, actor=officer)
    follow_up = FollowUp.objects.get()
    assert (follow_up.meeting, follow_up.due_date, follow_up.notes) == (meeting, due, "Send samples")
    if hasattr(crm, "create_lead"):
        # The meeting involves an investor: the CRM gets an investment lead.
        assert follow_up.crm_kind == "lead"
        assert follow_up.crm_url
    elif hasattr(crm, "create_task"):
        assert follow_up.crm_kind == "task"
    else:
        assert (follow_up.crm_kind, follow_up.crm_url) == ("", "")
    # Recording it again does not duplicate the follow-up.
    services.record_outcome(meeting, MeetingOutcome.FOLLOW_UP, notes="Send samples", actor=officer)
    assert FollowUp.objects.count() == 1


def test_an_unknown_outcome_is_refused(meeting):
    with pytest.raises(ValidationError):
        services.record_outcome(meeting, "maybe")


def test_expiring_requests_are_reminded_once_in_the_recipients_language(conference):
    p = conference.people
    now = timezone.now()
    soon = services.send_request(p["sup1"], p["inv1"], at=now - datetime.timedelta(hours=60))
    services.send_request(p["sup2"], p["inv1"], at=now)
    overdue = services.send_request(p["inv2"], p["sup1"], at=now - datetime.timedelta(hours=100))
    result = services.send_reminders(now)
    assert result == {"expired": 1, "expiring": 1, "agendas": 0}
    assert [m.to for m in mail.outbox] == [["inv1@example.org"]]
    assert mail.outbox[0].subject == "ミーティング依頼の期限が近づいています: Org sup1"
    assert p["inv1"].get_private_url() in mail.outbox[0].body
    overdue.refresh_from_db()
    soon.refresh_from_db()
    assert (overdue.status, soon.status) == ("expired", "pending")
    assert services.send_reminders(now) == {"expired": 0, "expiring": 0, "agendas": 0}
    assert len(mail.outbox) == 1


def test_tomorrows_agenda_goes_to_each_participant_once(meeting, conference):
    day_before = timezone.make_aware(datetime.datetime(2026, 3, 9, 18, 0))
    result = services.send_reminders(day_before)
    assert result["agendas"] == 2
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["inv1@example.org", "sup1@example.org"]
    vietnamese = next(m for m in mail.outbox if m.to == ["sup1@example.org"])
    assert "Org inv1" in vietnamese.body
    assert vietnamese.subject == "Lịch gặp của bạn ngày mai tại Hội nghị thử nghiệm"
    assert services.send_reminders(day_before)["agendas"] == 0
    assert Participant.objects.filter(agenda_reminded_on=datetime.date(2026, 3, 10)).count() == 2


def test_the_command_and_the_task_send_reminders(conference):
    p = conference.people
    services.send_request(p["sup1"], p["inv1"], at=timezone.now() - datetime.timedelta(hours=60))
    call_command("events", "remind")
    assert len(mail.outbox) == 1
    result = send_reminders.enqueue()
    assert result.return_value == {"expired": 0, "expiring": 0, "agendas": 0}


def test_a_follow_up_the_crm_refuses_stays_in_events(conference, officer):
    p = conference.people
    services.update_participant(p["inv1"], country_code="ZZ")
    services.answer_request(services.send_request(p["sup1"], p["inv1"]), True)
    meeting = Meeting.objects.get()
    services.record_outcome(meeting, MeetingOutcome.FOLLOW_UP, notes="Visit the park", actor=officer)
    meeting.refresh_from_db()
    follow_up = FollowUp.objects.get()
    assert meeting.outcome == "follow_up"
    assert (follow_up.notes, follow_up.crm_kind, follow_up.crm_url) == ("Visit the park", "", "")

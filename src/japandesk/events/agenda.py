"""Personal agendas (PDF in the participant's language, and an ICS calendar file) and table plans."""

import datetime

import icalendar
from django.template.loader import render_to_string
from django.utils import timezone, translation

from japandesk.events.models import Meeting, Participant, Slot


def agenda_meetings(participant: Participant) -> list[Meeting]:
    """The participant's scheduled meetings in time order, each with `local_start`, `local_end`,
    `others` (the other participants) and `others_text`."""
    meetings = list(
        participant.meetings.filter(cancelled_at__isnull=True, slot__isnull=False)
        .select_related("slot", "table", "table__room")
        .prefetch_related("participants")
        .order_by("slot__start")
    )
    for meeting in meetings:
        meeting.local_start = timezone.localtime(meeting.slot.start)
        meeting.local_end = meeting.local_start + datetime.timedelta(minutes=meeting.slot.minutes)
        meeting.others = [p for p in meeting.participants.all() if p.pk != participant.pk]
        meeting.others_text = ", ".join(p.organisation for p in meeting.others)
    return meetings


def agenda_pdf(participant: Participant) -> bytes:
    from weasyprint import HTML

    with translation.override(participant.language):
        html = render_to_string(
            "events/pdf/agenda.html",
            {
                "participant": participant,
                "event": participant.event,
                "event_name": participant.event.name_in(participant.language),
                "meetings": agenda_meetings(participant),
                "language": participant.language,
            },
        )
    return HTML(string=html).write_pdf()


def agenda_ics(participant: Participant) -> bytes:
    """One VEVENT per scheduled meeting, with its table and the others at it."""
    event = participant.event
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Japan Desk//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", event.name_in(participant.language))
    with translation.override(participant.language):
        from django.utils.translation import gettext as _

        for meeting in agenda_meetings(participant):
            entry = icalendar.Event()
            entry.add("uid", f"meeting-{meeting.pk}-{participant.pk}@japandesk")
            entry.add("dtstamp", timezone.now())
            # In UTC, so that every calendar reads the time right without a VTIMEZONE block.
            entry.add("dtstart", meeting.local_start.astimezone(datetime.UTC))
            entry.add("dtend", meeting.local_end.astimezone(datetime.UTC))
            entry.add("summary", _("Meeting: {others}").format(others=meeting.others_text))
            room = meeting.table.room.name if meeting.table else ""
            entry.add(
                "location",
                _("{venue}, {room}, table {table}").format(venue=event.venue, room=room, table=meeting.table.number),
            )
            calendar.add_component(entry)
    return calendar.to_ical()


def table_plan(event, slot: Slot | None = None) -> list[dict]:
    """For each slot: its meetings by table, with the participants who meet there."""
    meetings = (
        Meeting.objects.filter(event=event, cancelled_at__isnull=True, slot__isnull=False)
        .select_related("slot", "slot__session", "table", "table__room")
        .prefetch_related("participants")
        .order_by("slot__start", "table__number")
    )
    if slot is not None:
        meetings = meetings.filter(slot=slot)
    plan: dict[int, dict] = {}
    for meeting in meetings:
        row = plan.setdefault(meeting.slot_id, {"slot": meeting.slot, "meetings": []})
        row["meetings"].append(meeting)
    return list(plan.values())

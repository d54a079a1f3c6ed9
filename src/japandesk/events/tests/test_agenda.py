"""Personal agendas (PDF in the participant's language, ICS), table plans and check-in."""

import re
import zlib

import icalendar
import pytest
from django.urls import reverse

from japandesk.events import agenda, services
from japandesk.events.models import Meeting


@pytest.fixture
def scheduled(conference):
    p = conference.people
    for a, b in [("sup1", "inv1"), ("sup2", "inv1"), ("agency", "inv1"), ("inv2", "sup1")]:
        services.answer_request(services.send_request(p[a], p[b]), True)
    run = services.start_run(conference, time_limit=5)
    assert (run.status, run.scheduled) == ("done", 4)
    return conference


def pdf_text_codes(pdf: bytes) -> set[int]:
    """The Unicode code points the PDF's text maps to (from its ToUnicode tables)."""
    codes: set[int] = set()
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(match.group(1))
        except zlib.error:
            data = match.group(1)
        if b"beginbfchar" in data or b"beginbfrange" in data:
            for hexcode in re.findall(rb"<([0-9A-Fa-f]{4,})>", data):
                codes.add(int(hexcode[-4:], 16))
    return codes


def test_the_agenda_pdf_is_in_japanese_for_a_japanese_participant(scheduled):
    participant = scheduled.people["inv1"]
    pdf = agenda.agenda_pdf(participant)
    assert pdf.startswith(b"%PDF-")
    codes = pdf_text_codes(pdf)
    # The event's Japanese name and the Japanese word for "table" are set in the PDF.
    assert {ord(ch) for ch in "テスト会議"} <= codes
    assert {ord(ch) for ch in "テーブル"} <= codes


def test_the_agenda_pdf_of_an_english_participant_has_no_japanese_text(scheduled):
    pdf = agenda.agenda_pdf(scheduled.people["inv2"])
    codes = pdf_text_codes(pdf)
    assert pdf.startswith(b"%PDF-")
    assert ord("会") not in codes
    assert {ord(ch) for ch in "Test conference"} <= codes


def test_the_ics_has_one_event_per_meeting(scheduled):
    participant = scheduled.people["inv1"]
    calendar = icalendar.Calendar.from_ical(agenda.agenda_ics(participant))
    entries = [c for c in calendar.walk() if c.name == "VEVENT"]
    meetings = Meeting.objects.filter(participants=participant, slot__isnull=False).select_related("slot")
    assert len(entries) == 3
    assert sorted(e.decoded("dtstart") for e in entries) == sorted(m.slot.start for m in meetings)
    assert all(
        e.decoded("dtend") - e.decoded("dtstart") == __import__("datetime").timedelta(minutes=20) for e in entries
    )
    assert len({str(e["uid"]) for e in entries}) == 3


def test_participants_and_staff_download_agendas(client, leader, scheduled):
    participant = scheduled.people["inv2"]
    public = client.get(reverse("events:public-agenda", args=[participant.token, "ics"]))
    assert public.status_code == 200
    assert public["Content-Type"] == "text/calendar; charset=utf-8"
    assert client.get(reverse("events:public-agenda", args=[participant.token, "doc"])).status_code == 404
    assert (
        client.get(reverse("events:participant-agenda", args=[scheduled.pk, participant.pk, "pdf"])).status_code == 302
    )
    client.force_login(leader)
    staff = client.get(reverse("events:participant-agenda", args=[scheduled.pk, participant.pk, "pdf"]))
    assert staff.status_code == 200
    assert staff.content.startswith(b"%PDF-")


def test_the_table_plan_lists_who_meets_whom_per_slot(client, leader, scheduled):
    plan = agenda.table_plan(scheduled)
    assert sum(len(row["meetings"]) for row in plan) == 4
    for row in plan:
        tables = [m.table.number for m in row["meetings"]]
        assert len(tables) == len(set(tables))
    client.force_login(leader)
    response = client.get(reverse("events:table-plan", args=[scheduled.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("Org inv1") == 3


def test_check_in_finds_by_name_and_marks_arrival(client, officer, leader, conference):
    url = reverse("events:checkin", args=[conference.pk])
    client.force_login(officer)
    found = client.get(url, {"q": "org sup", "partial": "results"}, headers={"HX-Request": "true"})
    html = found.content.decode()
    assert "Org sup1" in html and "Org sup2" in html and "Org inv1" not in html
    participant = conference.people["sup1"]
    response = client.post(url, {"participant": participant.pk, "arrived": "1"}, headers={"HX-Request": "true"})
    participant.refresh_from_db()
    assert participant.arrived_at is not None
    assert "✓" in response.content.decode()
    client.force_login(leader)
    assert client.post(url, {"participant": participant.pk, "arrived": "0"}).status_code == 403
    participant.refresh_from_db()
    assert participant.arrived_at is not None

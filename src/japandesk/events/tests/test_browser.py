"""The real pages in headless Chromium on a phone: a Japanese investor registers and asks for a
meeting; the desk checks a participant in."""

import datetime

import pytest

from japandesk.core.choices import Role
from japandesk.core.tests.browser import sign_in
from japandesk.events import services
from japandesk.events.models import MeetingRequest, Participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def event(db):
    event = services.create_event(
        None,
        slug="browser-event",
        name_vi="Hội nghị trình duyệt",
        name_en="Browser conference",
        name_ja="ブラウザ会議",
        starts_on=datetime.date(2026, 3, 10),
        ends_on=datetime.date(2026, 3, 10),
    )
    services.add_session(
        event, date=datetime.date(2026, 3, 10), name="AM", start=datetime.time(9, 0), slots=3, minutes=20
    )
    services.add_room(event, name="Hall", tables=2)
    services.register_participant(
        event,
        kind="supplier",
        name="Nguyễn Văn An",
        organisation="Công ty Cơ khí Hạ Long",
        email="an@example.vn",
        language="vi",
        consent=True,
    )
    return event


def test_a_japanese_investor_registers_and_asks_for_a_meeting_on_a_phone(page, event, outside_requests):
    page.goto("/events/public/browser-event/?lang=ja")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.locator("h1").inner_text() == "ブラウザ会議"
    page.select_option("#id_kind", "investor")
    page.fill("#id_organisation", "株式会社テスト精機")
    page.fill("#id_name", "山田太郎")
    page.fill("#id_email", "yamada@example.jp")
    page.check("#id_consent")
    page.get_by_role("button", name="登録").click()
    page.wait_for_url("**/events/public/p/**")
    assert "ようこそ" in page.content()
    page.select_option("#id_recipient", label="Công ty Cơ khí Hạ Long (サプライヤー)")
    page.get_by_role("button", name="申し込む").click()
    page.wait_for_load_state()
    page.screenshot(path="/tmp/events-participant-ja.png", full_page=True)
    investor = Participant.objects.get(email="yamada@example.jp")
    assert (investor.language, investor.available.count()) == ("ja", 3)
    assert MeetingRequest.objects.filter(requester=investor).count() == 1
    assert outside_requests == []


def test_the_desk_checks_a_participant_in_on_a_phone(page, event, django_user_model):
    django_user_model.objects.create_user(username="desk", password="desk-pw-123", role=Role.OFFICER)
    sign_in(page, "desk", "desk-pw-123")
    page.goto(f"/events/{event.pk}/checkin/?q=nguyen+an")
    page.locator("#checkin-results").get_by_text("Công ty Cơ khí Hạ Long").wait_for()
    page.locator("#checkin-results button").first.click()
    page.locator("#checkin-results .btn-success").wait_for()
    page.screenshot(path="/tmp/events-checkin.png", full_page=True)
    assert Participant.objects.get(email="an@example.vn").arrived_at is not None

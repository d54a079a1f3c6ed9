import datetime

import pytest
from django.core.cache import cache
from django.utils import translation

from japandesk.core.tests.conftest import browser, outside_requests, page  # noqa: F401 - the browser fixtures
from japandesk.events.choices import ParticipantKind


@pytest.fixture(autouse=True)
def english():
    """Messages are compared in English, the source language, whatever the catalogues hold."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def conference(db):
    """An event on 10 March 2026: two sessions of four 20-minute slots, one room of three tables,
    and two investors (one Japanese-speaking), two suppliers, an agency and a press outlet."""
    from japandesk.events import services

    event = services.create_event(
        None,
        slug="test-conference",
        name_vi="Hội nghị thử nghiệm",
        name_en="Test conference",
        name_ja="テスト会議",
        venue="Ha Long",
        starts_on=datetime.date(2026, 3, 10),
        ends_on=datetime.date(2026, 3, 10),
    )
    services.add_session(
        event, date=datetime.date(2026, 3, 10), name="Morning", start=datetime.time(9, 0), slots=4, minutes=20
    )
    services.add_session(
        event, date=datetime.date(2026, 3, 10), name="Afternoon", start=datetime.time(14, 0), slots=4, minutes=20
    )
    services.add_room(event, name="Hall", tables=3)
    people = {}
    for key, kind, language in [
        ("inv1", ParticipantKind.INVESTOR, "ja"),
        ("inv2", ParticipantKind.INVESTOR, "en"),
        ("sup1", ParticipantKind.SUPPLIER, "vi"),
        ("sup2", ParticipantKind.SUPPLIER, "vi"),
        ("agency", ParticipantKind.AGENCY, "vi"),
        ("press", ParticipantKind.PRESS, "en"),
    ]:
        people[key] = services.register_participant(
            event,
            kind=kind,
            name=f"Person {key}",
            organisation=f"Org {key}",
            email=f"{key}@example.org",
            language=language,
            consent=True,
        )
    event.people = people
    return event


@pytest.fixture
def client():
    """A browser that asks for English unless a page or a cookie chooses another language."""
    from django.test import Client

    return Client(headers={"Accept-Language": "en"})

import socket

import pytest


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the news engine tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def japanese_projects(officer, registered_project, countries, sectors, zones):
    """Two active Japanese projects: USD 10 million in Dong Mai Industrial Park (2020) and
    USD 4,226 million outside any zone (2021): 2 projects, USD 4,236 million in all."""
    import datetime
    from decimal import Decimal

    from japandesk.registry import services

    investor = services.create_investor(
        actor=officer, name="東洋重工株式会社", name_latin="Toyo Heavy Industries Co., Ltd.", country=countries["JP"]
    )
    project = services.create_project(actor=officer, code="QN-T-002", name="Nhà máy điện Toyo", sector=sectors["35"])
    services.record_event(
        project,
        actor=officer,
        kind="registration",
        date=datetime.date(2021, 6, 1),
        certificate_no="IRC-T-002",
        capital_usd=Decimal("4226000000"),
        capital_vnd=Decimal("97198000000000"),
        lineup=[(investor, Decimal(100))],
    )
    return {"sample": registered_project, "toyo": project, "toyo_investor": investor}


@pytest.fixture
def ingest(officer):
    """Store a text as an article of the given date, analysed, through the service."""
    from japandesk.intel import services

    def run(text, published_on=None, user=officer, **extra):
        import datetime

        result = services.ingest_text(user, text=text, published_on=published_on or datetime.date(2025, 6, 30), **extra)
        result.article.refresh_from_db()
        return result.article

    return run


@pytest.fixture(autouse=True)
def english():
    """Services' messages are read in English, whatever the site's default language."""
    from django.utils import translation

    with translation.override("en"):
        yield


# The browser fixtures shared by every app's browser tests.
from japandesk.core.tests.conftest import browser, outside_requests, page  # noqa: E402, F401

"""Public pages are cached per language and path, and staff edits refresh them."""

import datetime
from decimal import Decimal

from japandesk.portal import services
from japandesk.zones import services as zone_services


def test_a_public_page_is_served_from_the_cache_the_second_time(client, public_zone):
    first = client.get("/en/zones/")
    second = client.get("/en/zones/")
    assert (first["X-Portal-Cache"], second["X-Portal-Cache"]) == ("miss", "hit")
    assert first.content == second.content


def test_each_language_and_query_has_its_own_cached_page(client, public_zone):
    client.get("/en/zones/")
    assert client.get("/ja/zones/")["X-Portal-Cache"] == "miss"
    assert client.get("/en/zones/?kind=ip")["X-Portal-Cache"] == "miss"
    assert client.get("/en/zones/")["X-Portal-Cache"] == "hit"


def test_editing_a_page_refreshes_the_cached_copy(client, officer, django_capture_on_commit_callbacks):
    services.save_page(
        key="incentives", language="en", title="Incentives", body="Corporate income tax: 10%.", actor=officer
    )
    assert "Corporate income tax: 10%." in client.get("/en/incentives/").content.decode()
    assert client.get("/en/incentives/")["X-Portal-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        services.save_page(
            key="incentives",
            language="en",
            title="Incentives",
            body="Corporate income tax: 10% for 15 years.",
            actor=officer,
        )

    response = client.get("/en/incentives/")
    assert response["X-Portal-Cache"] == "miss"
    assert "10% for 15 years." in response.content.decode()


def test_new_land_figures_refresh_the_zone_pages(client, officer, public_zone, django_capture_on_commit_callbacks):
    assert 'data-figure="available">25.00' in client.get("/en/zones/dong-mai-ip/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        zone_services.record_land_figure(
            public_zone,
            date=datetime.date(2026, 1, 31),
            leasable_ha=Decimal("100"),
            leased_ha=Decimal("90"),
            actor=officer,
        )

    assert 'data-figure="available">10.00' in client.get("/en/zones/dong-mai-ip/").content.decode()


def test_the_inquiry_form_is_never_cached(client, public_zone):
    first = client.get("/en/inquiry/")
    second = client.get("/en/inquiry/")
    assert "X-Portal-Cache" not in first and "X-Portal-Cache" not in second
    assert "csrfmiddlewaretoken" in second.content.decode()


def test_a_new_certificate_in_the_registry_shows_at_once_on_the_home_page(client, registered_project, officer):
    import datetime as dt

    from japandesk.registry import services as registry

    first = client.get("/en/")
    assert 'data-figure="projects">1<' in first.content.decode()
    assert client.get("/en/")["X-Portal-Cache"] == "hit"

    project = registry.create_project(
        actor=officer, code="QN-T-002", name="Nhà máy B", sector=registered_project.sector
    )
    registry.record_event(
        project,
        actor=officer,
        kind="registration",
        date=dt.date(2021, 5, 4),
        certificate_no="IRC-T-002",
        capital_usd=Decimal("2000000"),
        capital_vnd=Decimal("46000000000"),
        lineup=[(registered_project.events.first().participations.first().investor, Decimal(100))],
    )

    response = client.get("/en/")
    assert response["X-Portal-Cache"] == "miss"
    assert 'data-figure="projects">2<' in response.content.decode()


def test_unknown_query_parameters_are_not_cached(client, public_zone):
    client.get("/en/zones/?utm_source=mail")
    response = client.get("/en/zones/?utm_source=mail")
    assert response.status_code == 200
    assert "X-Portal-Cache" not in response

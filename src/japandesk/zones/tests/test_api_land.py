"""The land bank in the API: dated figures with derived available land and occupancy, plots, and the
zone's new fields written through the services."""

from decimal import Decimal

from rest_framework.test import APIClient

from japandesk.zones import services


def client_for(user=None) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_authenticate(user)
    return client


def test_land_figures_carry_available_land_and_occupancy(leader, park):
    response = client_for(leader).get("/api/land-figures/", {"zone": "dong-mai-ip"})
    assert response.status_code == 200
    assert [
        (row["zone"], row["date"], row["leasable_ha"], row["available_ha"], row["occupancy"])
        for row in response.json()["results"]
    ] == [("dong-mai-ip", "2024-12-31", "100.00", "40.00", "0.6000")]


def test_plots_show_their_current_status(leader, officer, park, today):
    plot = services.create_plot(park, code="A1", area_ha=Decimal("5"), actor=officer)
    services.hold_plot(plot, until=today, prospect="First K.K.", actor=officer)
    rows = client_for(leader).get("/api/plots/", {"zone": "dong-mai-ip"}).json()["results"]
    assert [(r["code"], r["status"], r["current_status"], r["prospect"]) for r in rows] == [
        ("A1", "held", "held", "First K.K.")
    ]


def test_anonymous_callers_get_nothing_and_leaders_cannot_write(leader, officer, park):
    assert client_for().get("/api/land-figures/").status_code == 403
    assert client_for().get("/api/plots/").status_code == 403
    assert client_for(leader).patch(f"/api/zones/{park.pk}/", {"power_mw": "50"}, format="json").status_code == 403
    assert client_for(leader).post("/api/land-figures/", {}, format="json").status_code == 403
    # land figures and plots are read-only in the API: they change on the zone pages
    assert client_for(officer).post("/api/land-figures/", {}, format="json").status_code == 405


def test_an_officer_sets_a_zones_profile_through_the_api(officer, park, sectors):
    response = client_for(officer).patch(
        f"/api/zones/{park.pk}/",
        {"target_sectors": ["26", "C"], "rent_min": "55.00", "rent_max": "45.00"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["rent_max"]

    response = client_for(officer).patch(
        f"/api/zones/{park.pk}/",
        {"target_sectors": ["26", "C"], "rent_min": "45.00", "rent_max": "55.00", "status": "building"},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert (sorted(body["target_sectors"]), body["rent_min"], body["status"]) == (["26", "C"], "45.00", "building")

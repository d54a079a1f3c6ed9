"""The zones API: list with filters, detail, create and update through the zone services."""

import pytest
from rest_framework.test import APIClient

from japandesk.core.models import AuditEntry
from japandesk.zones.models import Zone


def client_for(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(user)
    return client


@pytest.fixture
def api(officer) -> APIClient:
    return client_for(officer)


@pytest.fixture
def park_in_van_don(officer, zones):
    from japandesk.zones import services

    return services.create_zone(
        actor=officer, code="song-khoai-ip", name="KCN Amata Sông Khoai", kind="ip", parent=zones["van_don"]
    )


def names(response) -> list[str]:
    return [row["code"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["kim-son-cluster", "van-don-ez", "song-khoai-ip", "dong-mai-ip"]),
        ({"kind": "ip"}, ["song-khoai-ip", "dong-mai-ip"]),
        ({"kind": ["ez", "cluster"]}, ["kim-son-cluster", "van-don-ez"]),
        ({"parent": "van_don"}, ["song-khoai-ip"]),
        ({"q": "dong mai"}, ["dong-mai-ip"]),
    ],
    ids=["all", "kind", "kinds", "parent", "search"],
)
def test_zone_list_filters(api, zones, park_in_van_don, query, expected):
    # Given
    if query.get("parent") == "van_don":
        query = {"parent": zones["van_don"].pk}

    # When
    response = api.get("/api/zones/", query)

    # Then
    assert response.status_code == 200
    assert names(response) == expected


def test_zone_detail_names_the_zone_in_the_readers_language(officer, zones):
    # Given
    client = client_for(officer)

    # When
    response = client.get(f"/api/zones/{zones['van_don'].pk}/")

    # Then
    body = response.json()
    assert {k: body[k] for k in ("code", "name", "name_en", "display_name", "kind", "parent")} == {
        "code": "van-don-ez",
        "name": "Khu kinh tế Vân Đồn",
        "name_en": "Van Don Economic Zone",
        "display_name": "Van Don Economic Zone",
        "kind": "ez",
        "parent": None,
    }


def test_zone_create_and_update_are_audited(api, zones):
    # When
    created = api.post(
        "/api/zones/",
        {"code": "cai-rong-ip", "name": "KCN Cái Rồng", "kind": "ip", "parent": zones["van_don"].pk},
        format="json",
    )
    zone_id = created.json()["id"]
    patched = api.patch(f"/api/zones/{zone_id}/", {"name_ja": "カイロン工業団地"}, format="json")
    replaced = api.put(
        f"/api/zones/{zone_id}/",
        {"code": "cai-rong-ip", "name": "KCN Cái Rồng", "name_en": "Cai Rong IP", "kind": "ip", "parent": None},
        format="json",
    )

    # Then
    assert (created.status_code, patched.status_code, replaced.status_code) == (201, 200, 200)
    zone = Zone.objects.get(pk=zone_id)
    assert (zone.name_en, zone.name_ja, zone.parent) == ("Cai Rong IP", "カイロン工業団地", None)
    entries = AuditEntry.objects.filter(content_type__model="zone", object_id=str(zone_id))
    assert [(e.action, e.source, e.actor_name) for e in entries] == [
        ("update", "api", "officer"),
        ("update", "api", "officer"),
        ("create", "api", "officer"),
    ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"code": "x-ip", "name": "X", "kind": "ip", "parent": "dong_mai"}, "parent"),
        ({"code": "x-ez", "name": "X", "kind": "ez", "parent": "van_don"}, "parent"),
        ({"code": "dong-mai-ip", "name": "X", "kind": "ip"}, "code"),
        ({"code": "x-ip", "name": "X", "kind": "park"}, "kind"),
    ],
    ids=["parent-not-an-economic-zone", "economic-zone-inside-another", "duplicate-code", "unknown-kind"],
)
def test_bad_zones_are_refused(api, zones, data, field):
    # Given
    if "parent" in data:
        data = {**data, "parent": zones[data["parent"]].pk}
    count = Zone.objects.count()

    # When
    response = api.post("/api/zones/", data, format="json")

    # Then
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert Zone.objects.count() == count


def test_economic_zone_cannot_lie_inside_another(api, zones):
    # When
    response = api.patch(f"/api/zones/{zones['van_don'].pk}/", {"parent": zones["van_don"].pk}, format="json")

    # Then
    assert response.status_code == 400
    assert response.json() == {"parent": ["A zone cannot lie inside itself."]}


def test_leaders_read_zones_but_do_not_write(leader, zones):
    # Given
    client = client_for(leader)

    # When
    read = client.get("/api/zones/")
    written = client.post("/api/zones/", {"code": "x-ip", "name": "X", "kind": "ip"}, format="json")

    # Then
    assert (read.status_code, written.status_code) == (200, 403)
    assert not Zone.objects.filter(code="x-ip").exists()

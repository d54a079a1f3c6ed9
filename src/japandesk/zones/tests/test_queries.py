"""The lists read a fixed number of queries whatever the number of zones (no N+1)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from japandesk.zones import services


def add_parks(officer, sectors, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        zone = services.create_zone(
            actor=officer,
            code=f"park-{n}",
            name=f"KCN {n}",
            kind="ip",
            industrial_area_ha=Decimal(100),
            latitude=Decimal("21.0"),
            longitude=Decimal("107.0"),
            target_sectors=[sectors["26"], sectors["C"]],
        )
        services.record_land_figure(
            zone, date=datetime.date(2025, 12, 31), leasable_ha=Decimal(90), leased_ha=Decimal(n), actor=officer
        )


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/zones/", "/zones/map/", "/en/zones/", "/zones/fit/?land_ha=5"])
def test_pages_read_as_many_queries_for_two_zones_as_for_six(client, leader, officer, sectors, url):
    from django.core.cache import cache

    client.force_login(leader)
    add_parks(officer, sectors, 2)
    cache.clear()
    few = queries(client, url)
    add_parks(officer, sectors, 4, start=2)
    cache.clear()
    assert queries(client, url) == few

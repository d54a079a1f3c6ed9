import datetime
from decimal import Decimal

import pytest

from japandesk.zones import services


@pytest.fixture
def today():
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture
def park(officer, zones):
    """Dong Mai with 120 ha of industrial land, 100 ha of it leasable, 60 ha leased a year ago."""
    zone = services.update_zone(
        zones["dong_mai"],
        actor=officer,
        status="operating",
        total_area_ha=Decimal("167"),
        industrial_area_ha=Decimal("120"),
        power_mw=Decimal("40"),
        water_m3_day=5000,
        distance_seaport_km=Decimal("20"),
        japanese_standard=True,
    )
    services.record_land_figure(
        zone,
        date=datetime.date(2024, 12, 31),
        leasable_ha=Decimal("100"),
        leased_ha=Decimal("60"),
        actor=officer,
    )
    return zone


@pytest.fixture(autouse=True)
def english():
    """Messages from the services are read in English unless a test asks for another language."""
    from django.utils import translation

    with translation.override("en"):
        yield

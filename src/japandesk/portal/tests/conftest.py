import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.cache import cache

from japandesk.core.tests.conftest import browser, outside_requests, page  # noqa: F401 - the browser tests' fixtures


@pytest.fixture(autouse=True)
def english():
    """Messages from the services are read in English unless a request or a test asks for another language."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    """The public pages' cache and the inquiry counters live in Django's cache: start each test empty."""
    cache.clear()
    mail.outbox = []
    yield
    cache.clear()


@pytest.fixture
def public_zone(officer, zones, sectors):
    from japandesk.zones import services

    zone = services.update_zone(
        zones["dong_mai"],
        actor=officer,
        status="operating",
        industrial_area_ha=Decimal("120"),
        latitude=Decimal("20.98"),
        longitude=Decimal("106.85"),
        distance_seaport_km=Decimal("20"),
        japanese_standard=True,
        target_sectors=[sectors["26"]],
    )
    services.record_land_figure(
        zone, date=datetime.date(2025, 12, 31), leasable_ha=Decimal("100"), leased_ha=Decimal("75"), actor=officer
    )
    services.save_translation(
        zone, language="ja", summary="日本基準の工業団地", description="港まで20km。", actor=officer
    )
    return zone

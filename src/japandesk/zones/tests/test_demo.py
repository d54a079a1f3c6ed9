"""The zones' demonstration data: the province's economic zones and parks, with illustrative land figures."""

from collections import Counter

import pytest
from django.db.models import Count

from japandesk.core.models import AuditEntry
from japandesk.zones import demo
from japandesk.zones.models import LandFigure, Plot, Zone, ZoneTranslation


@pytest.fixture
def loaded(db):
    from japandesk.registry import reference

    reference.load()
    return demo.load()


def snapshot():
    return (
        list(Zone.objects.order_by("code").values_list("code", "status", "industrial_area_ha", "updated_at")),
        list(LandFigure.objects.order_by("zone__code", "date").values_list("zone__code", "date", "leased_ha")),
        list(Plot.objects.order_by("id").values_list("code", "status")),
        ZoneTranslation.objects.count(),
        AuditEntry.objects.count(),
    )


def test_the_demo_has_the_provinces_zones_with_illustrative_land_and_loads_idempotently(loaded):
    kinds = Counter(Zone.objects.values_list("kind", flat=True))
    assert kinds == {"ip": 23, "ez": 3, "cluster": 4}
    operating = Zone.objects.filter(kind="ip", status="operating").order_by("code").values_list("code", flat=True)
    assert list(operating) == sorted(demo.OPERATING_PARKS)
    japanese = Zone.objects.filter(japanese_standard=True).order_by("code").values_list("code", flat=True)
    assert list(japanese) == sorted(demo.JAPANESE_STANDARD)
    assert set(Zone.objects.filter(kind="ez").values_list("name_en", flat=True)) == {
        "Van Don Economic Zone",
        "Quang Yen Coastal Economic Zone",
        "Mong Cai Border-Gate Economic Zone",
    }
    # every zone can be placed on the map and has a description in each language
    assert Zone.objects.filter(latitude__isnull=True).count() == 0
    assert set(Zone.objects.annotate(n=Count("translations")).values_list("n", flat=True)) == {3}

    # land figures: five years for each operating park, all illustrative and consistent
    figures = LandFigure.objects.select_related("zone")
    assert figures.count() == 7 * 5
    assert {f.illustrative for f in figures} == {True}
    assert all(f.leased_ha <= f.leasable_ha <= f.zone.industrial_area_ha for f in figures)

    # every record is audited as coming from the demo: 30 zones created and completed,
    # 35 land figures, 7 plots, 90 descriptions
    sources = Counter(AuditEntry.objects.values_list("source", flat=True))
    assert sources == {"demo": 30 + 30 + 35 + 7 + 90}

    # loading again changes nothing
    before = snapshot()
    demo.load()
    assert snapshot() == before

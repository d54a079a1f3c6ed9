"""Investor-to-zone fit: hard requirements leave zones out with the reason, the rest are ranked."""

import datetime
from decimal import Decimal

import pytest

from japandesk.zones import fit, services


@pytest.fixture
def candidates(officer, sectors):
    """Three parks: A (electronics, Japanese standard, close to port), B (manufacturing at large, big, far),
    C (energy, small, no water figure)."""

    def park(code, sector_codes, *, land, power, water, port, japanese, status="operating"):
        zone = services.create_zone(
            actor=officer,
            code=code,
            name=code.upper(),
            kind="ip",
            status=status,
            industrial_area_ha=Decimal(land),
            power_mw=Decimal(power),
            water_m3_day=water,
            distance_seaport_km=Decimal(port),
            japanese_standard=japanese,
            target_sectors=[sectors[c] for c in sector_codes],
        )
        services.record_land_figure(
            zone, date=datetime.date(2025, 12, 31), leasable_ha=Decimal(land), leased_ha=Decimal(0), actor=officer
        )
        return zone

    return {
        "a": park("park-a", ["26"], land="30", power="50", water=3000, port="10", japanese=True),
        "b": park("park-b", ["C"], land="200", power="120", water=9000, port="60", japanese=False),
        "c": park("park-c", ["35"], land="8", power="500", water=None, port="5", japanese=False, status="building"),
    }


def codes(fits):
    return [f.zone.code for f in fits]


def test_zones_are_ranked_by_score_with_reasons(candidates, sectors):
    need = fit.Need(sector=sectors["26"], land_ha=Decimal("5"))

    ranked, excluded = fit.rank(need)

    assert codes(ranked) == ["park-a", "park-b", "park-c"]
    assert excluded == []
    first = ranked[0]
    # sector 35 + land min(1, 30/10) * 20 + operating 15 + port (1 - 10/100) * 15 -> 14 + Japanese 10
    assert [points for _text, points in first.reasons] == [35, 20, 15, 14, 10]
    assert first.score == 94
    # B targets manufacturing as a whole (a section containing electronics); C another section
    assert [r[1] for r in ranked[1].reasons][0] == 35
    assert ranked[2].reasons[0][1] == 0
    assert (ranked[1].score, ranked[2].score) == (35 + 20 + 15 + 6, 0 + 16 + 8 + 14)


def test_hard_requirements_leave_zones_out_with_the_reason(candidates, sectors):
    need = fit.Need(
        sector=sectors["26"],
        land_ha=Decimal("10"),
        water_m3_day=2000,
        max_seaport_km=Decimal("30"),
        japanese_standard=False,
    )

    ranked, excluded = fit.rank(need)

    assert codes(ranked) == ["park-a"]
    assert codes(excluded) == ["park-b", "park-c"]
    assert excluded[0].failures == ["60 km to a seaport; at most 30 km wanted."]
    assert excluded[1].failures == ["Only 8.00 ha available; 10.00 ha needed.", "Water supply not recorded."]


def test_japanese_standard_and_power_are_hard_requirements(candidates):
    ranked, excluded = fit.rank(fit.Need(japanese_standard=True, power_mw=Decimal("45")))
    assert codes(ranked) == ["park-a"]
    assert {f.zone.code: f.failures for f in excluded} == {
        "park-b": ["Not built to Japanese standards."],
        "park-c": ["Not built to Japanese standards."],
    }


def test_leased_land_is_not_offered(officer, candidates, sectors):
    services.record_land_figure(
        candidates["a"],
        date=datetime.date(2026, 1, 31),
        leasable_ha=Decimal("30"),
        leased_ha=Decimal("27"),
        actor=officer,
    )
    ranked, excluded = fit.rank(fit.Need(sector=sectors["26"], land_ha=Decimal("5")))
    assert codes(ranked) == ["park-b", "park-c"]
    assert excluded[0].failures == ["Only 3.00 ha available; 5.00 ha needed."]

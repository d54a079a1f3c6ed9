"""Investor-to-zone fit: for an investor's need, rank the zones with the reasons for their place,
leaving out (with the reason) every zone that fails a hard requirement.

Hard requirements, each applied only when the need states it: enough available land, enough
power and water capacity, a seaport within the greatest distance, a park built to Japanese
standards. A zone whose figure for a stated requirement is unknown fails it: the desk would
otherwise recommend land it cannot vouch for.

The score (0 to 100) adds: sector fit (35: the zone targets the need's sector or a sector
containing it; 20: the same VSIC section; 10: the zone lists no target sectors), land headroom
(up to 20), status (operating 15, under construction 8), seaport distance (up to 15, falling to 0
at 100 km) and Japanese-standard infrastructure (10), plus 5 when the power supply leaves
headroom. Ties go to the zone with more available land, then to its name.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from japandesk.core import formatting
from japandesk.zones.choices import ZoneKind, ZoneStatus
from japandesk.zones.models import Zone
from japandesk.zones.queries import land_on

SECTOR_POINTS = {"target": 35, "section": 20, "open": 10}
LAND_POINTS = 20
STATUS_POINTS = {ZoneStatus.OPERATING: 15, ZoneStatus.BUILDING: 8, ZoneStatus.PLANNED: 0}
SEAPORT_POINTS = 15
SEAPORT_ZERO_KM = Decimal(100)
JAPANESE_POINTS = 10
POWER_POINTS = 5
DEFAULT_KINDS = (ZoneKind.INDUSTRIAL_PARK, ZoneKind.INDUSTRIAL_CLUSTER)


@dataclass
class Need:
    """What an investor asks of a site. Empty values state no requirement."""

    sector: object = None  # a registry.Sector
    land_ha: Decimal | None = None
    power_mw: Decimal | None = None
    water_m3_day: int | None = None
    max_seaport_km: Decimal | None = None
    japanese_standard: bool = False
    kinds: tuple = DEFAULT_KINDS


@dataclass
class Fit:
    zone: Zone
    score: int = 0
    reasons: list[tuple[str, int]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    land: object = None

    @property
    def excluded(self) -> bool:
        return bool(self.failures)


def _ancestors(sector) -> list:
    chain = []
    while sector is not None:
        chain.append(sector)
        sector = sector.parent
    return chain


def _ha(value) -> str:
    return formatting.number(value, 2)


def _sector_points(zone: Zone, need: Need, targets: list, lineage: set) -> tuple[int, str]:
    if need.sector is None:
        return 0, ""
    if not targets:
        return SECTOR_POINTS["open"], _("The zone lists no target sectors.")
    for target in targets:
        if target.pk in lineage:
            return SECTOR_POINTS["target"], _("Targets {sector}.").format(sector=target.name)
    for target in targets:
        if target.section == need.sector.section:
            return SECTOR_POINTS["section"], _("Targets a neighbouring sector: {sector}.").format(sector=target.name)
    return 0, _("Its target sectors do not include this one.")


def assess(zone: Zone, need: Need, land, targets: list, lineage: set | None = None) -> Fit:
    """How well one zone meets the need: the failed hard requirements, or the score with its reasons."""
    if lineage is None:
        lineage = {s.pk for s in _ancestors(need.sector)}
    fit = Fit(zone=zone, land=land)
    # Hard requirements
    if need.land_ha:
        if land is None:
            fit.failures.append(_("No land figure is recorded."))
        elif land.available_ha < need.land_ha:
            fit.failures.append(
                _("Only {available} ha available; {needed} ha needed.").format(
                    available=_ha(land.available_ha), needed=_ha(need.land_ha)
                )
            )
    if need.power_mw:
        if zone.power_mw is None:
            fit.failures.append(_("Power supply not recorded."))
        elif zone.power_mw < need.power_mw:
            fit.failures.append(
                _("Power supply {have} MW; {needed} MW needed.").format(
                    have=formatting.number(zone.power_mw), needed=formatting.number(need.power_mw)
                )
            )
    if need.water_m3_day:
        if zone.water_m3_day is None:
            fit.failures.append(_("Water supply not recorded."))
        elif zone.water_m3_day < need.water_m3_day:
            fit.failures.append(
                _("Water supply {have} m³/day; {needed} m³/day needed.").format(
                    have=formatting.number(zone.water_m3_day), needed=formatting.number(need.water_m3_day)
                )
            )
    if need.max_seaport_km is not None:
        if zone.distance_seaport_km is None:
            fit.failures.append(_("Distance to a seaport not recorded."))
        elif zone.distance_seaport_km > need.max_seaport_km:
            fit.failures.append(
                _("{distance} km to a seaport; at most {limit} km wanted.").format(
                    distance=formatting.number(zone.distance_seaport_km), limit=formatting.number(need.max_seaport_km)
                )
            )
    if need.japanese_standard and not zone.japanese_standard:
        fit.failures.append(_("Not built to Japanese standards."))
    if fit.failures:
        return fit

    # Score
    points, text = _sector_points(zone, need, targets, lineage)
    if text:
        fit.reasons.append((text, points))
    if land is not None and land.available_ha > 0:
        if need.land_ha:
            ratio = min(Decimal(1), land.available_ha / (need.land_ha * 2))
            points = int((ratio * LAND_POINTS).to_integral_value())
        else:
            points = LAND_POINTS // 2
        fit.reasons.append(
            (
                _("{available} ha available (occupancy {occupancy}).").format(
                    available=_ha(land.available_ha),
                    occupancy=formatting.percent(land.occupancy or 0),
                ),
                points,
            )
        )
    status = ZoneStatus(zone.status)
    fit.reasons.append((_("Status: {status}.").format(status=status.label), STATUS_POINTS[status]))
    if zone.distance_seaport_km is not None:
        closeness = max(Decimal(0), 1 - zone.distance_seaport_km / SEAPORT_ZERO_KM)
        points = int((closeness * SEAPORT_POINTS).to_integral_value())
        fit.reasons.append(
            (_("{distance} km to a seaport.").format(distance=formatting.number(zone.distance_seaport_km)), points)
        )
    if zone.japanese_standard:
        fit.reasons.append((_("Built to Japanese standards."), JAPANESE_POINTS))
    if need.power_mw and zone.power_mw is not None and zone.power_mw >= need.power_mw * 2:
        fit.reasons.append(
            (
                _("Power supply of {have} MW leaves headroom.").format(have=formatting.number(zone.power_mw)),
                POWER_POINTS,
            )
        )
    fit.score = sum(points for _text, points in fit.reasons)
    return fit


def rank(need: Need, zones=None, on: datetime.date | None = None) -> tuple[list[Fit], list[Fit]]:
    """(ranked, excluded): the zones that meet every hard requirement, best first, and the others."""
    if zones is None:
        zones = Zone.objects.filter(kind__in=need.kinds)
    zones = list(zones.select_related("parent").prefetch_related("target_sectors"))
    land = land_on(zones, on)
    lineage = {s.pk for s in _ancestors(need.sector)}
    fits = [assess(zone, need, land.get(zone.pk), list(zone.target_sectors.all()), lineage) for zone in zones]
    ranked = [f for f in fits if not f.excluded]
    ranked.sort(key=lambda f: (-f.score, -(f.land.available_ha if f.land else Decimal(0)), f.zone.display_name))
    excluded = sorted((f for f in fits if f.excluded), key=lambda f: f.zone.display_name)
    return ranked, excluded

"""Read logic of the land bank: each zone's land on a date, economic zones summed from the
parks inside them, and occupancy over time."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from japandesk.zones.choices import PlotStatus, ZoneKind
from japandesk.zones.models import LandFigure, Plot, Zone


@dataclass
class Land:
    """A zone's land bank on a date. For an economic zone with no figure of its own, the sum of
    the latest figures of the parks and clusters inside it (`derived` is then True)."""

    leasable_ha: Decimal
    leased_ha: Decimal
    date: datetime.date | None
    illustrative: bool = False
    derived: bool = False
    parts: list = field(default_factory=list)

    @property
    def available_ha(self) -> Decimal:
        return self.leasable_ha - self.leased_ha

    @property
    def occupancy(self) -> Decimal | None:
        if not self.leasable_ha:
            return None
        return self.leased_ha / self.leasable_ha


def _from_figure(figure: LandFigure) -> Land:
    return Land(figure.leasable_ha, figure.leased_ha, figure.date, figure.illustrative)


def land_on(zones, on: datetime.date | None = None) -> dict[int, Land]:
    """The latest land figure on or before `on` of each zone in `zones` (zones without one are left
    out); an economic zone without a figure of its own adds up the zones inside it."""
    on = on or timezone.localdate()
    zones = list(zones)
    ids = {z.pk for z in zones}
    ez_ids = {z.pk for z in zones if z.kind == ZoneKind.ECONOMIC_ZONE}
    children: dict[int, list[int]] = {}
    if ez_ids:
        for child_id, parent_id in Zone.objects.filter(parent_id__in=ez_ids).values_list("id", "parent_id"):
            children.setdefault(parent_id, []).append(child_id)
    wanted = ids | {c for cs in children.values() for c in cs}
    latest: dict[int, Land] = {}
    # Newest first: the first figure met for a zone is its latest on or before `on`.
    for figure in LandFigure.objects.filter(zone_id__in=wanted, date__lte=on).order_by("zone_id", "-date"):
        latest.setdefault(figure.zone_id, _from_figure(figure))
    result = {}
    for zone_id in ids:
        if zone_id in latest:
            result[zone_id] = latest[zone_id]
            continue
        parts = [latest[c] for c in children.get(zone_id, []) if c in latest]
        if parts:
            result[zone_id] = Land(
                leasable_ha=sum((p.leasable_ha for p in parts), Decimal(0)),
                leased_ha=sum((p.leased_ha for p in parts), Decimal(0)),
                date=max(p.date for p in parts),
                illustrative=any(p.illustrative for p in parts),
                derived=True,
                parts=parts,
            )
    return result


def occupancy_series(zone: Zone) -> list[dict]:
    """The zone's land figures oldest first, with available land and occupancy (0..1)."""
    rows = []
    for figure in zone.land_figures.order_by("date"):
        rows.append(
            {
                "figure": figure,
                "date": figure.date,
                "leasable_ha": figure.leasable_ha,
                "leased_ha": figure.leased_ha,
                "available_ha": figure.available_ha,
                "occupancy": figure.occupancy,
            }
        )
    return rows


def plot_totals(zone: Zone, on: datetime.date | None = None) -> dict:
    """Hectares of the zone's plots by status on `on` (expired holds count as available)."""
    on = on or timezone.localdate()
    totals = {status: Decimal(0) for status in PlotStatus.values}
    for plot in Plot.objects.filter(zone=zone):
        totals[plot.status_on(on)] += plot.area_ha
    return totals


def catalogue_totals(queryset) -> dict:
    """Counts for the catalogue's heading: zones by kind and status."""
    return queryset.aggregate(
        zones=Count("id"),
        operating=Count("id", filter=Q(status="operating")),
        industrial_area_ha=Sum("industrial_area_ha"),
    )


def zone_history(zone: Zone, limit: int = 200):
    """Audit entries of the zone and of its land figures, plots, descriptions and photos (deleted ones
    included), newest first."""
    from django.contrib.contenttypes.models import ContentType

    from japandesk.core.models import AuditEntry
    from japandesk.zones.models import ZonePhoto, ZoneTranslation

    own = ContentType.objects.get_for_model(Zone)
    parts = ContentType.objects.get_for_models(LandFigure, Plot, ZoneTranslation, ZonePhoto).values()
    return (
        AuditEntry.objects.filter(
            Q(content_type=own, object_id=str(zone.pk))
            | Q(content_type__in=list(parts)) & (Q(after__zone=zone.pk) | Q(before__zone=zone.pk))
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:limit]
    )

"""Write logic of the zone catalogue and its land bank: pages, the API, commands and the demo
call these functions, which validate, write inside a transaction and record the audit entry.
Every change also refreshes the public portal's cached pages.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core import audit, formatting
from japandesk.core.choices import AuditAction
from japandesk.zones.choices import PlotStatus, ZoneKind
from japandesk.zones.models import LandFigure, Plot, Zone, ZonePhoto, ZoneTranslation

ZONE_FIELDS = (
    "code",
    "name",
    "name_en",
    "name_ja",
    "kind",
    "parent",
    "status",
    "developer",
    "location",
    "total_area_ha",
    "industrial_area_ha",
    "currency",
    "rent_min",
    "rent_max",
    "rent_basis",
    "fee_min",
    "fee_max",
    "power_mw",
    "water_m3_day",
    "wastewater_m3_day",
    "distance_seaport_km",
    "distance_airport_km",
    "distance_hanoi_km",
    "distance_border_km",
    "japanese_standard",
    "contact_name",
    "contact_phone",
    "contact_email",
    "website",
    "latitude",
    "longitude",
    "outline",
    "published",
)
# Addresses of the catalogue's own pages: no zone may take one of these as its code.
RESERVED_CODES = {"new", "map", "compare", "fit", "api"}
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _public_changed() -> None:
    """The portal shows zones: its cached pages are refreshed once the change is committed."""
    from japandesk.portal.cache import invalidate

    transaction.on_commit(invalidate)


def zone_snapshot(zone: Zone) -> dict:
    data = audit.snapshot(zone)
    data["target_sectors"] = sorted(zone.target_sectors.values_list("code", flat=True)) if zone.pk else []
    return data


def _check_range(errors: dict, low, high, field: str) -> None:
    if low is not None and high is not None and low > high:
        errors[field] = _("The upper end of the range is below its lower end.")


def _check_outline(outline) -> None:
    if outline in (None, "", {}):
        return
    if not isinstance(outline, dict) or outline.get("type") not in ("Polygon", "MultiPolygon"):
        raise ValidationError({"outline": _("The outline must be a GeoJSON Polygon or MultiPolygon.")})
    rings = outline.get("coordinates")
    if outline["type"] == "Polygon":
        rings = [rings]
    try:
        for polygon in rings:
            for ring in polygon:
                if len(ring) < 4:
                    raise ValueError
                for lon, lat, *_rest in ring:
                    if not (-180 <= float(lon) <= 180 and -90 <= float(lat) <= 90):
                        raise ValueError
    except (TypeError, ValueError):
        raise ValidationError(
            {"outline": _("The outline's coordinates must be closed rings of longitude and latitude.")}
        ) from None


def _save(zone: Zone, data: dict, *, actor, source: str) -> Zone:
    target_sectors = data.pop("target_sectors", None)
    unknown = set(data) - set(ZONE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    creating = zone.pk is None
    before = None if creating else zone_snapshot(zone)
    for name, value in data.items():
        setattr(zone, name, value)
    if zone.parent_id is not None and zone.parent_id == zone.pk:
        raise ValidationError({"parent": _("A zone cannot lie inside itself.")})
    if zone.parent_id is not None and zone.kind == ZoneKind.ECONOMIC_ZONE:
        raise ValidationError({"parent": _("An economic zone cannot lie inside another zone.")})
    errors: dict = {}
    if zone.code in RESERVED_CODES:
        errors["code"] = _("The code {code} is reserved; choose another.").format(code=zone.code)
    _check_range(errors, zone.rent_min, zone.rent_max, "rent_max")
    _check_range(errors, zone.fee_min, zone.fee_max, "fee_max")
    if (
        zone.total_area_ha is not None
        and zone.industrial_area_ha is not None
        and zone.industrial_area_ha > zone.total_area_ha
    ):
        errors["industrial_area_ha"] = _("The industrial land cannot be larger than the zone's total area.")
    if (zone.latitude is None) != (zone.longitude is None):
        errors["longitude"] = _("Give both the latitude and the longitude, or neither.")
    if errors:
        raise ValidationError(errors)
    _check_outline(zone.outline)
    if not creating and zone.industrial_area_ha is not None:
        latest = zone.land_figures.order_by("-date").first()
        if latest is not None and latest.leasable_ha > zone.industrial_area_ha:
            raise ValidationError(
                {
                    "industrial_area_ha": _(
                        "The latest land figure has {leasable} ha leasable, more than this industrial area."
                    ).format(leasable=formatting.number(latest.leasable_ha))
                }
            )
    zone.currency = (zone.currency or "USD").upper()
    zone.full_clean()
    zone.save()
    if target_sectors is not None:
        zone.target_sectors.set(target_sectors)
    action = AuditAction.CREATE if creating else AuditAction.UPDATE
    audit.record(actor, zone, action, before, zone_snapshot(zone), source)
    _public_changed()
    return zone


@transaction.atomic
def create_zone(*, actor, source: str = "ui", **data) -> Zone:
    return _save(Zone(), data, actor=actor, source=source)


@transaction.atomic
def update_zone(zone: Zone, *, actor, source: str = "ui", **data) -> Zone:
    return _save(zone, data, actor=actor, source=source)


@transaction.atomic
def save_translation(
    zone: Zone, *, language: str, summary: str = "", description: str = "", actor, source: str = "ui"
) -> ZoneTranslation:
    """Write the zone's public description in one language (an empty one removes it)."""
    from django.conf import settings

    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Unknown language.")})
    row = ZoneTranslation.objects.filter(zone=zone, language=language).first()
    before = audit.snapshot(row) if row else None
    if not summary.strip() and not description.strip():
        if row is not None:
            audit.record(actor, row, AuditAction.DELETE, before, None, source)
            row.delete()
        _public_changed()
        return None
    row = row or ZoneTranslation(zone=zone, language=language)
    row.summary, row.description = summary.strip(), description.strip()
    row.full_clean()
    row.save()
    audit.record(actor, row, AuditAction.UPDATE if before else AuditAction.CREATE, before, audit.snapshot(row), source)
    _public_changed()
    return row


# Land bank -------------------------------------------------------------------------------------------


@transaction.atomic
def record_land_figure(
    zone: Zone,
    *,
    date: datetime.date,
    leasable_ha: Decimal,
    leased_ha: Decimal,
    source_note: str = "",
    illustrative: bool = False,
    actor,
    source: str = "ui",
) -> LandFigure:
    """Record how much of the zone's land was leasable and leased on `date`; a figure already
    recorded for that date is replaced."""
    errors = {}
    if date > timezone.localdate():
        errors["date"] = _("A land figure describes a day that has come: the date cannot be in the future.")
    if leasable_ha is None or leasable_ha < 0:
        errors["leasable_ha"] = _("The leasable land must be zero or more hectares.")
    if leased_ha is None or leased_ha < 0:
        errors["leased_ha"] = _("The leased land must be zero or more hectares.")
    elif leasable_ha is not None and leasable_ha >= 0 and leased_ha > leasable_ha:
        errors["leased_ha"] = _(
            "The leased land ({leased} ha) cannot exceed the leasable land ({leasable} ha)."
        ).format(leased=formatting.number(leased_ha), leasable=formatting.number(leasable_ha))
    if not errors and zone.industrial_area_ha is not None and leasable_ha > zone.industrial_area_ha:
        errors["leasable_ha"] = _(
            "The leasable land ({leasable} ha) cannot exceed the zone's industrial land ({industrial} ha)."
        ).format(leasable=formatting.number(leasable_ha), industrial=formatting.number(zone.industrial_area_ha))
    if errors:
        raise ValidationError(errors)
    figure = LandFigure.objects.filter(zone=zone, date=date).first()
    before = audit.snapshot(figure) if figure else None
    figure = figure or LandFigure(zone=zone, date=date)
    figure.leasable_ha, figure.leased_ha = leasable_ha, leased_ha
    figure.source, figure.illustrative = source_note, illustrative
    figure.full_clean(validate_constraints=False)
    figure.save()
    action = AuditAction.UPDATE if before else AuditAction.CREATE
    audit.record(actor, figure, action, before, audit.snapshot(figure), source)
    _public_changed()
    return figure


@transaction.atomic
def delete_land_figure(figure: LandFigure, *, actor, source: str = "ui") -> None:
    audit.record(actor, figure, AuditAction.DELETE, audit.snapshot(figure), None, source)
    figure.delete()
    _public_changed()


def _check_plot(plot: Plot) -> None:
    if plot.area_ha is None or plot.area_ha <= 0:
        raise ValidationError({"area_ha": _("A plot's area must be more than zero hectares.")})
    others = Plot.objects.filter(zone=plot.zone).exclude(pk=plot.pk).aggregate(total=Sum("area_ha"))["total"]
    total = (others or Decimal(0)) + plot.area_ha
    latest = plot.zone.land_figures.order_by("-date").first()
    limit = latest.leasable_ha if latest is not None else plot.zone.industrial_area_ha
    if limit is not None and total > limit:
        raise ValidationError(
            {
                "area_ha": _(
                    "The zone's plots would cover {total} ha, more than its {limit} ha of leasable land."
                ).format(total=formatting.number(total), limit=formatting.number(limit))
            }
        )


@transaction.atomic
def create_plot(zone: Zone, *, code: str, area_ha: Decimal, notes: str = "", actor, source: str = "ui") -> Plot:
    plot = Plot(zone=zone, code=code.strip(), area_ha=area_ha, notes=notes)
    if Plot.objects.filter(zone=zone, code=plot.code).exists():
        raise ValidationError({"code": _("This zone already has a plot {code}.").format(code=plot.code)})
    _check_plot(plot)
    plot.full_clean()
    plot.save()
    audit.record(actor, plot, AuditAction.CREATE, None, audit.snapshot(plot), source)
    _public_changed()
    return plot


@transaction.atomic
def update_plot(plot: Plot, *, actor, source: str = "ui", **data) -> Plot:
    unknown = set(data) - {"code", "area_ha", "notes"}
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    plot = Plot.objects.select_for_update().get(pk=plot.pk)
    before = audit.snapshot(plot)
    for name, value in data.items():
        setattr(plot, name, value.strip() if name == "code" else value)
    if Plot.objects.filter(zone=plot.zone, code=plot.code).exclude(pk=plot.pk).exists():
        raise ValidationError({"code": _("This zone already has a plot {code}.").format(code=plot.code)})
    _check_plot(plot)
    plot.full_clean()
    plot.save()
    audit.record(actor, plot, AuditAction.UPDATE, before, audit.snapshot(plot), source)
    _public_changed()
    return plot


def _set_status(plot: Plot, actor, source: str, **values) -> Plot:
    before = audit.snapshot(plot)
    for name, value in values.items():
        setattr(plot, name, value)
    plot.save()
    audit.record(actor, plot, AuditAction.UPDATE, before, audit.snapshot(plot), source)
    _public_changed()
    return plot


@transaction.atomic
def hold_plot(plot: Plot, *, until: datetime.date, lead=None, prospect: str = "", actor, source: str = "ui") -> Plot:
    """Hold the plot for a CRM lead or a named prospect until `until` (inclusive)."""
    plot = Plot.objects.select_for_update().get(pk=plot.pk)
    today = timezone.localdate()
    lead_id = getattr(lead, "pk", lead)
    prospect = (prospect or "").strip()
    if plot.current_status == PlotStatus.LEASED:
        raise ValidationError(_("Plot {code} is leased and cannot be held.").format(code=plot.code))
    if plot.current_status == PlotStatus.HELD and (plot.lead_id != lead_id or plot.prospect != prospect):
        raise ValidationError(
            _("Plot {code} is already held for someone else until {date}.").format(
                code=plot.code, date=formatting.date(plot.held_until)
            )
        )
    if until is None or until < today:
        raise ValidationError({"until": _("A hold must last until today or a later day.")})
    if lead_id is None and not prospect:
        raise ValidationError({"prospect": _("Name the lead or the prospect the plot is held for.")})
    if lead_id is not None:
        from japandesk.zones.crm import get_lead, lead_model

        if lead_model() is not None and get_lead(lead_id) is None:
            raise ValidationError({"lead": _("There is no CRM lead number {number}.").format(number=lead_id)})
    return _set_status(
        plot, actor, source, status=PlotStatus.HELD, held_until=until, lead_id=lead_id, prospect=prospect
    )


@transaction.atomic
def release_plot(plot: Plot, *, actor, source: str = "ui") -> Plot:
    """End a hold, or return a leased plot to the land on offer."""
    plot = Plot.objects.select_for_update().get(pk=plot.pk)
    return _set_status(plot, actor, source, status=PlotStatus.AVAILABLE, held_until=None, lead_id=None, prospect="")


@transaction.atomic
def lease_plot(plot: Plot, *, prospect: str = "", lead=None, actor, source: str = "ui") -> Plot:
    """Mark the plot leased (to the holder, unless another lessee is named)."""
    plot = Plot.objects.select_for_update().get(pk=plot.pk)
    if plot.status == PlotStatus.LEASED:
        raise ValidationError(_("Plot {code} is already leased.").format(code=plot.code))
    lead_id = getattr(lead, "pk", lead)
    held = plot.current_status == PlotStatus.HELD
    if held and (prospect or lead_id) and (plot.prospect != prospect.strip() or plot.lead_id != lead_id):
        raise ValidationError(_("Plot {code} is held for someone else; release the hold first.").format(code=plot.code))
    return _set_status(
        plot,
        actor,
        source,
        status=PlotStatus.LEASED,
        held_until=None,
        lead_id=lead_id if lead_id is not None else (plot.lead_id if held else None),
        prospect=prospect.strip() or (plot.prospect if held else ""),
    )


# Photos ----------------------------------------------------------------------------------------------


def photo_snapshot(photo: ZonePhoto) -> dict:
    data = audit.snapshot(photo, exclude=("created_at", "updated_at", "image"))
    data["image"] = photo.image.name
    return data


def check_photo(upload) -> str:
    """The photo's file extension after checking its size and that it really is a JPEG, PNG or WebP image."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            {"image": _("The photo is larger than {size} MB.").format(size=PHOTO_MAX_BYTES // (1024 * 1024))}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError({"image": _("The file is not a JPEG, PNG or WebP image.")}) from None
    finally:
        upload.seek(0)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError({"image": _("The file is not a JPEG, PNG or WebP image.")})
    return PHOTO_FORMATS[image_format]


@transaction.atomic
def add_photo(zone: Zone, *, image, caption: str = "", actor, source: str = "ui") -> ZonePhoto:
    extension = check_photo(image)
    position = zone.photos.count()
    photo = ZonePhoto(zone=zone, caption=caption.strip(), position=position)
    photo.image.save(f"{zone.code}-{position + 1}.{extension}", image, save=False)
    photo.save()
    audit.record(actor, photo, AuditAction.CREATE, None, photo_snapshot(photo), source)
    _public_changed()
    return photo


@transaction.atomic
def delete_photo(photo: ZonePhoto, *, actor, source: str = "ui") -> None:
    audit.record(actor, photo, AuditAction.DELETE, photo_snapshot(photo), None, source)
    storage, name = photo.image.storage, photo.image.name
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))
    _public_changed()

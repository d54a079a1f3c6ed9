"""Write logic of the zone catalogue: pages, the API and commands call these functions,
which validate, write inside a transaction and record the audit entry.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.zones.choices import ZoneKind
from japandesk.zones.models import Zone

ZONE_FIELDS = ("code", "name", "name_en", "name_ja", "kind", "parent")


def _save(zone: Zone, data: dict, *, actor, source: str) -> Zone:
    unknown = set(data) - set(ZONE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    creating = zone.pk is None
    before = None if creating else audit.snapshot(zone)
    for name, value in data.items():
        setattr(zone, name, value)
    if zone.parent_id is not None and zone.parent_id == zone.pk:
        raise ValidationError({"parent": _("A zone cannot lie inside itself.")})
    if zone.parent_id is not None and zone.kind == ZoneKind.ECONOMIC_ZONE:
        raise ValidationError({"parent": _("An economic zone cannot lie inside another zone.")})
    zone.full_clean()
    zone.save()
    action = AuditAction.CREATE if creating else AuditAction.UPDATE
    audit.record(actor, zone, action, before, audit.snapshot(zone), source)
    return zone


@transaction.atomic
def create_zone(*, actor, source: str = "ui", **data) -> Zone:
    return _save(Zone(), data, actor=actor, source=source)


@transaction.atomic
def update_zone(zone: Zone, *, actor, source: str = "ui", **data) -> Zone:
    return _save(zone, data, actor=actor, source=source)

"""The audit log: every service that changes registry data records what changed here."""

import datetime
import decimal
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models

from japandesk.core.choices import AuditAction
from japandesk.core.models import AuditEntry


def _plain(value):
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def snapshot(instance: models.Model, exclude: tuple[str, ...] = ("created_at", "updated_at")) -> dict:
    """The instance's concrete field values as JSON-ready data (foreign keys by id)."""
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude or field.primary_key:
            continue
        value = getattr(instance, field.attname)
        if isinstance(field, models.DecimalField) and value is not None:
            value = decimal.Decimal(value).quantize(decimal.Decimal(1).scaleb(-field.decimal_places))
        data[field.name] = _plain(value)
    return data


def record(
    actor,
    instance: models.Model,
    action: str,
    before: dict | None = None,
    after: dict | None = None,
    source: str = "",
) -> AuditEntry | None:
    """Write one audit entry. Updates that change nothing write nothing."""
    if action == AuditAction.UPDATE and before == after:
        return None
    user = actor if getattr(actor, "pk", None) else None
    return AuditEntry.objects.create(
        actor=user,
        actor_name=getattr(actor, "username", "") or "system",
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        before=before,
        after=after,
        source=source,
    )


def history(instance: models.Model):
    """Audit entries of one record, newest first."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
    ).select_related("actor")

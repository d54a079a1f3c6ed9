"""Project rows annotated with their state on a date, derived from the ledger."""

import datetime
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.db.models import Case, DecimalField, OuterRef, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

from japandesk.registry.choices import EventKind, ProjectStatus


class ProjectQuerySet(models.QuerySet):
    def as_of(self, on: datetime.date):
        """Annotate each project with `capital_usd`, `registered_on`, `terminated_on`,
        `origin_code` and `status` as the ledger stood at the end of `on`.
        """
        LedgerEvent = apps.get_model("registry", "LedgerEvent")
        events = LedgerEvent.objects.filter(project=OuterRef("pk"), date__lte=on).order_by()
        capital = events.values("project").annotate(total=Sum("capital_change_usd")).values("total")
        registered = events.filter(kind=EventKind.REGISTRATION).values("date")[:1]
        terminated = events.filter(kind=EventKind.TERMINATION).values("date")[:1]
        origin = events.filter(origin__isnull=False).order_by("-date", "-id").values("origin__code")[:1]
        money = DecimalField(max_digits=18, decimal_places=2)
        return self.annotate(
            capital_usd=Coalesce(Subquery(capital, output_field=money), Value(Decimal(0)), output_field=money),
            registered_on=Subquery(registered),
            terminated_on=Subquery(terminated),
            origin_code=Subquery(origin),
            status=Case(
                When(terminated_on__isnull=False, then=Value(ProjectStatus.TERMINATED)),
                When(registered_on__isnull=False, then=Value(ProjectStatus.ACTIVE)),
                default=Value(ProjectStatus.PENDING),
                output_field=models.CharField(),
            ),
        )

    def active_as_of(self, on: datetime.date):
        return self.as_of(on).filter(status=ProjectStatus.ACTIVE)

    def in_parks_and_zones(self):
        from japandesk.zones.choices import PARK_AND_ZONE_KINDS

        return self.filter(zone__kind__in=PARK_AND_ZONE_KINDS)

    def in_sector(self, code: str):
        """Projects whose sector is `code` or lies under it in the VSIC tree."""
        if code[:1].isalpha():
            return self.filter(sector__section=code.upper())
        return self.filter(sector__code__startswith=code)

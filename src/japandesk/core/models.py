from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from japandesk.core.choices import AuditAction, Role


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class User(AbstractUser):
    """A person who signs in: an administrator, a desk officer who edits, or a leader who reads.

    Superusers are administrators whatever their role field says.
    """

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEADER)
    language = models.CharField(_("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    @property
    def is_administrator(self) -> bool:
        return self.is_superuser or self.role == Role.ADMINISTRATOR

    @property
    def can_edit(self) -> bool:
        """Administrators and desk officers change data; leaders only read."""
        return self.is_active and (self.is_administrator or self.role == Role.OFFICER)

    @property
    def can_view(self) -> bool:
        return self.is_active and (self.is_administrator or self.role in {Role.OFFICER, Role.LEADER})

    def save(self, *args, **kwargs):
        # The administration site is for administrators only, whatever flags were set by hand.
        self.is_staff = self.is_administrator
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "is_staff"}
        super().save(*args, **kwargs)

    def has_perm(self, perm, obj=None) -> bool:
        if self.is_active and self.is_administrator:
            return True
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label) -> bool:
        if self.is_active and self.is_administrator:
            return True
        return super().has_module_perms(app_label)


class AuditEntry(models.Model):
    """One change to a record: who made it, when, and the values before and after.

    Entries are written by the service layer in the same transaction as the change
    and are never edited afterwards.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_name = models.CharField(_("who"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=AuditAction.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(_("record"), max_length=300)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=40, blank=True, help_text=_("ui, api, import, command"))

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        """The fields whose value differs, as (field, before, after)."""
        before = self.before or {}
        after = self.after or {}
        keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
        return [(key, before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)]


class FxRate(TimeStampedModel):
    """How many units of a currency one US dollar bought on a date.

    Rates are data, never constants: a conversion uses the latest rate on or before
    the date of the amount converted.
    """

    currency = models.CharField(_("currency"), max_length=3)
    date = models.DateField(_("date"))
    per_usd = models.DecimalField(_("units per USD"), max_digits=18, decimal_places=6)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="core_fxrate_unique_currency_date"),
            models.CheckConstraint(condition=models.Q(per_usd__gt=Decimal(0)), name="core_fxrate_positive"),
        ]

    def __str__(self) -> str:
        return f"USD/{self.currency} {self.date}: {self.per_usd}"

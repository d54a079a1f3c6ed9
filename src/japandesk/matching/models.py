"""Supplier capability profiles, buyers' needs, their brochures and the introductions the desk makes."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from japandesk.core.models import TimeStampedModel
from japandesk.core.text import search_key
from japandesk.matching.choices import (
    ContentLanguage,
    IntroductionStatus,
    NeedStatus,
    ProfileSource,
    ProfileState,
)

# A profile stays listed this long after it was created or last renewed.
VALIDITY_DAYS = 365
# The supplier is reminded this many days before its profile expires.
REMINDER_DAYS = 30


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SupplierProfile(TimeStampedModel):
    """A supplier's capability profile: what a firm (mostly Vietnamese) makes, how, with what
    certifications, for buyers (mostly Japanese) to find.

    The description may be written in any language. Certifications are kept under their canonical
    name ("ISO 9001", "IATF 16949"). Only a profile the desk has verified and that has not expired is
    proposed to buyers; a profile expires `VALIDITY_DAYS` after it was created or last renewed.
    """

    ref = models.CharField(_("reference"), max_length=40, unique=True, help_text=_("The id in exchange files."))
    name = models.CharField(_("company name"), max_length=200, help_text=_("In the company's own script."))
    name_latin = models.CharField(_("Latin name"), max_length=200, blank=True)
    country = models.CharField(_("country (ISO code)"), max_length=2, default="VN")
    province = models.CharField(_("province"), max_length=100, blank=True)
    zone = models.ForeignKey(
        "zones.Zone",
        verbose_name=_("location (zone)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supplier_profiles",
    )
    language = models.CharField(_("language of the description"), max_length=2, choices=ContentLanguage.choices)
    description = models.TextField(_("description"))
    processes = models.JSONField(_("processes"), default=list, blank=True)
    materials = models.JSONField(_("materials"), default=list, blank=True)
    product_families = models.JSONField(_("product families"), default=list, blank=True)
    hs_codes = models.JSONField(_("HS codes"), default=list, blank=True)
    certifications = models.JSONField(_("certifications"), default=list, blank=True)
    equipment = models.TextField(_("equipment"), blank=True)
    capacity = models.CharField(_("capacity"), max_length=300, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    export_experience = models.TextField(_("export experience"), blank=True)
    languages_spoken = models.JSONField(_("languages spoken"), default=list, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=ProfileSource.choices, default=ProfileSource.DESK)
    verified = models.BooleanField(_("verified by the desk"), default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), db_index=True)
    reminded_on = models.DateField(_("expiry reminder sent on"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    renewal_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    illustrative = models.BooleanField(_("illustrative (demo) data"), default=False)
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("supplier profile")
        verbose_name_plural = _("supplier profiles")
        ordering = ["name_latin", "name", "pk"]
        indexes = [models.Index(fields=["verified", "expires_on"])]

    def __str__(self) -> str:
        return self.name_latin or self.name

    def get_absolute_url(self) -> str:
        return reverse("matching:profile-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = search_key(
            self.ref,
            self.name,
            self.name_latin,
            self.province,
            self.description,
            " ".join(self.product_families or ()),
            " ".join(self.certifications or ()),
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def is_expired(self, on: datetime.date | None = None) -> bool:
        return self.expires_on < (on or timezone.localdate())

    def is_proposed(self, on: datetime.date | None = None) -> bool:
        """Whether buyers' needs are matched against this profile."""
        return self.verified and not self.is_expired(on)

    def state(self, on: datetime.date | None = None) -> str:
        on = on or timezone.localdate()
        if self.is_expired(on):
            return ProfileState.EXPIRED
        if not self.verified:
            return ProfileState.AWAITING_REVIEW
        if self.expires_on <= on + datetime.timedelta(days=REMINDER_DAYS):
            return ProfileState.EXPIRING
        return ProfileState.PROPOSED

    def get_state_display(self) -> str:
        return ProfileState(self.state()).label


def brochure_path(instance, filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"matching/brochures/{instance.profile_id}/{secrets.token_hex(8)}.{suffix}"


class Brochure(TimeStampedModel):
    """A file a supplier hands out about itself: a PDF catalogue or a photograph of its products or plant."""

    profile = models.ForeignKey(
        SupplierProfile, verbose_name=_("supplier profile"), on_delete=models.CASCADE, related_name="brochures"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=brochure_path, max_length=300)
    content_type = models.CharField(_("file type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        verbose_name = _("brochure")
        verbose_name_plural = _("brochures")
        ordering = ["profile", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class BuyerNeed(TimeStampedModel):
    """What a buyer (mostly a Japanese manufacturer) wants to source: processes and parts, volumes,
    the certifications a supplier must hold, and by when. The description may be written in any language.
    """

    ref = models.CharField(_("reference"), max_length=40, unique=True, help_text=_("The id in exchange files."))
    buyer = models.CharField(_("buyer company"), max_length=200)
    buyer_country = models.CharField(_("buyer's country (ISO code)"), max_length=2, default="JP")
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language of the description"), max_length=2, choices=ContentLanguage.choices)
    description = models.TextField(_("description"))
    processes = models.JSONField(_("processes"), default=list, blank=True)
    parts = models.TextField(_("parts"), blank=True)
    volumes = models.CharField(_("volumes"), max_length=300, blank=True)
    hs_codes = models.JSONField(_("HS codes"), default=list, blank=True)
    required_certifications = models.JSONField(_("required certifications"), default=list, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN)
    illustrative = models.BooleanField(_("illustrative (demo) data"), default=False)
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("buyer's need")
        verbose_name_plural = _("buyers' needs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.buyer})"

    def get_absolute_url(self) -> str:
        return reverse("matching:need-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.ref, self.buyer, self.title, self.description, self.parts)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class Introduction(TimeStampedModel):
    """The desk putting a buyer in touch with a supplier it matched, and what came of it."""

    need = models.ForeignKey(
        BuyerNeed, verbose_name=_("buyer's need"), on_delete=models.PROTECT, related_name="introductions"
    )
    profile = models.ForeignKey(
        SupplierProfile, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="introductions"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=IntroductionStatus.choices, default=IntroductionStatus.PROPOSED
    )
    score = models.DecimalField(_("match score"), max_digits=5, decimal_places=4, null=True, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("desk officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduced_on = models.DateField(_("introduced on"), null=True, blank=True)
    outcome_note = models.TextField(_("outcome note"), blank=True)
    outcome_on = models.DateField(_("outcome date"), null=True, blank=True)
    crm_lead_id = models.PositiveIntegerField(_("CRM lead"), null=True, blank=True)

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["need", "profile"], name="matching_introduction_unique_need_profile")
        ]

    def __str__(self) -> str:
        return f"{self.need.buyer} ↔ {self.profile}"

    def get_absolute_url(self) -> str:
        return reverse("matching:introduction-detail", args=[self.pk])

    def crm_lead(self):
        """The CRM's lead of this introduction, where the CRM has one."""
        if self.crm_lead_id is None:
            return None
        try:
            from japandesk.crm.models import Lead
        except ImportError:
            return None
        return Lead.objects.filter(pk=self.crm_lead_id).first()

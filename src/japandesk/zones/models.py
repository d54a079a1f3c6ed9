from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from japandesk.core.i18n import current_language
from japandesk.core.models import TimeStampedModel
from japandesk.core.text import search_key
from japandesk.zones.choices import PlotStatus, ZoneKind, ZoneStatus

HECTARES = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
KILOMETRES = {"max_digits": 8, "decimal_places": 1, "validators": [MinValueValidator(Decimal(0))]}
USD_RATE = {"max_digits": 10, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


class Zone(TimeStampedModel):
    """A zone is an area the state has set aside for industry: an industrial park,
    an economic zone (which may contain parks), or a smaller province-managed industrial cluster.

    Its land bank is kept as dated land figures (LandFigure), so that occupancy can be
    followed over time; its descriptions for the public portal are rows per language
    (ZoneTranslation).
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200, help_text=_("In Vietnamese, as on official documents."))
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    name_ja = models.CharField(_("Japanese name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ZoneKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("economic zone"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"kind": ZoneKind.ECONOMIC_ZONE},
    )
    status = models.CharField(_("status"), max_length=10, choices=ZoneStatus.choices, default=ZoneStatus.PLANNED)
    developer = models.CharField(_("developer"), max_length=200, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True, help_text=_("Town or district."))
    total_area_ha = models.DecimalField(_("total area (ha)"), null=True, blank=True, **HECTARES)
    industrial_area_ha = models.DecimalField(
        _("industrial land (ha)"),
        null=True,
        blank=True,
        help_text=_("The part of the zone planned for factories and warehouses, leasable to investors."),
        **HECTARES,
    )
    # Rent and fee ranges, in `currency`.
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    rent_min = models.DecimalField(_("land rent from (per m²)"), null=True, blank=True, **USD_RATE)
    rent_max = models.DecimalField(_("land rent to (per m²)"), null=True, blank=True, **USD_RATE)
    rent_basis = models.CharField(
        _("land rent basis"), max_length=120, blank=True, help_text=_("For example: for the remaining lease term.")
    )
    fee_min = models.DecimalField(_("management fee from (per m² a year)"), null=True, blank=True, **USD_RATE)
    fee_max = models.DecimalField(_("management fee to (per m² a year)"), null=True, blank=True, **USD_RATE)
    # Utilities
    power_mw = models.DecimalField(
        _("power supply (MW)"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
        validators=HECTARES["validators"],
    )
    water_m3_day = models.PositiveIntegerField(_("water supply (m³/day)"), null=True, blank=True)
    wastewater_m3_day = models.PositiveIntegerField(_("wastewater treatment (m³/day)"), null=True, blank=True)
    # Distances by road
    distance_seaport_km = models.DecimalField(_("to the nearest seaport (km)"), null=True, blank=True, **KILOMETRES)
    distance_airport_km = models.DecimalField(_("to the nearest airport (km)"), null=True, blank=True, **KILOMETRES)
    distance_hanoi_km = models.DecimalField(_("to Hanoi (km)"), null=True, blank=True, **KILOMETRES)
    distance_border_km = models.DecimalField(_("to the Chinese border (km)"), null=True, blank=True, **KILOMETRES)
    target_sectors = models.ManyToManyField(
        "registry.Sector", verbose_name=_("target sectors"), blank=True, related_name="target_of_zones"
    )
    japanese_standard = models.BooleanField(
        _("built to Japanese standards"),
        default=False,
        help_text=_("Infrastructure and services designed for Japanese manufacturers (for example with a Japan desk)."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    outline = models.JSONField(
        _("outline"),
        null=True,
        blank=True,
        help_text=_("A GeoJSON Polygon or MultiPolygon geometry, in longitude/latitude."),
    )
    published = models.BooleanField(_("shown on the public portal"), default=True)
    search_text = models.CharField(max_length=700, blank=True, editable=False)

    class Meta:
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        language = current_language()
        if language == "ja" and self.name_ja:
            return self.name_ja
        if language == "en" and self.name_en:
            return self.name_en
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.name, self.name_en, self.name_ja, self.code)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("zones:zone-detail", args=[self.code])

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class LandFigure(TimeStampedModel):
    """A zone's land bank on a date: how much industrial land is leasable and how much of it is leased.

    Available land and occupancy are derived (available = leasable - leased; occupancy =
    leased / leasable), so they can never disagree with the figures they come from.
    """

    zone = models.ForeignKey(Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="land_figures")
    date = models.DateField(_("date"))
    leasable_ha = models.DecimalField(_("leasable land (ha)"), **HECTARES)
    leased_ha = models.DecimalField(_("leased land (ha)"), **HECTARES)
    source = models.CharField(_("source"), max_length=200, blank=True)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Part of the demonstration data set, not a published figure.")
    )

    class Meta:
        verbose_name = _("land figure")
        verbose_name_plural = _("land figures")
        ordering = ["zone", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["zone", "date"], name="zones_landfigure_unique_zone_date"),
            models.CheckConstraint(
                condition=models.Q(leased_ha__lte=models.F("leasable_ha")), name="zones_landfigure_leased_le_leasable"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.zone} {self.date}"

    @property
    def available_ha(self) -> Decimal:
        return self.leasable_ha - self.leased_ha

    @property
    def occupancy(self) -> Decimal | None:
        """Leased share of the leasable land, 0..1; None when nothing is leasable."""
        if not self.leasable_ha:
            return None
        return self.leased_ha / self.leasable_ha


class Plot(TimeStampedModel):
    """A plot is a parcel of a zone's industrial land offered to investors. A plot can be held
    for a CRM lead or a named prospect until an expiry date; once that date has passed the
    hold lapses and the plot is available again.
    """

    zone = models.ForeignKey(Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="plots")
    code = models.CharField(_("plot"), max_length=40)
    area_ha = models.DecimalField(
        _("area (ha)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    status = models.CharField(_("status"), max_length=10, choices=PlotStatus.choices, default=PlotStatus.AVAILABLE)
    lead_id = models.PositiveBigIntegerField(
        _("CRM lead"), null=True, blank=True, help_text=_("The number of the CRM lead the plot is held for.")
    )
    prospect = models.CharField(_("prospect"), max_length=200, blank=True)
    held_until = models.DateField(_("held until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("plot")
        verbose_name_plural = _("plots")
        ordering = ["zone", "code"]
        constraints = [models.UniqueConstraint(fields=["zone", "code"], name="zones_plot_unique_zone_code")]

    def __str__(self) -> str:
        return f"{self.zone} · {self.code}"

    def status_on(self, day=None) -> str:
        """The plot's status on `day` (today by default): a hold that has expired counts as available."""
        day = day or timezone.localdate()
        if self.status == PlotStatus.HELD and (self.held_until is None or self.held_until < day):
            return PlotStatus.AVAILABLE
        return self.status

    @property
    def current_status(self) -> str:
        return self.status_on()

    def get_current_status_display(self) -> str:
        return PlotStatus(self.current_status).label

    @property
    def lead(self):
        """The CRM lead the plot is held for, when the CRM is installed and the lead exists."""
        from japandesk.zones.crm import get_lead

        return get_lead(self.lead_id)


class ZoneTranslation(TimeStampedModel):
    """A zone's public description in one language, written by staff for the investor portal."""

    zone = models.ForeignKey(Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("zone description")
        verbose_name_plural = _("zone descriptions")
        ordering = ["zone", "language"]
        constraints = [
            models.UniqueConstraint(fields=["zone", "language"], name="zones_zonetranslation_unique_zone_language")
        ]

    def __str__(self) -> str:
        return f"{self.zone} ({self.language})"


def photo_path(instance, filename: str) -> str:
    return f"zones/{instance.zone.code}/{filename}"


class ZonePhoto(TimeStampedModel):
    """A photograph of a zone, shown on its pages."""

    zone = models.ForeignKey(Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to=photo_path)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["zone", "position", "id"]

    def __str__(self) -> str:
        return self.caption or self.image.name

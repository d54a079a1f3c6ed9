import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from japandesk.core.i18n import localized
from japandesk.core.models import TimeStampedModel
from japandesk.core.text import search_key
from japandesk.registry.choices import EventKind, ImportState, SectorLevel
from japandesk.registry.querysets import ProjectQuerySet


def _with_search_text(instance, kwargs, *parts):
    instance.search_text = search_key(*parts)
    if kwargs.get("update_fields") is not None:
        kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}


class Country(TimeStampedModel):
    """An origin economy (ISO 3166-1), named in Vietnamese, Japanese and English.

    Economies that are not countries, such as Hong Kong or Taiwan, are listed as
    statistics list them.
    """

    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name_en = models.CharField(_("English name"), max_length=100)
    name_vi = models.CharField(_("Vietnamese name"), max_length=100)
    name_ja = models.CharField(_("Japanese name"), max_length=100)

    class Meta:
        verbose_name = _("origin economy")
        verbose_name_plural = _("origin economies")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Sector(TimeStampedModel):
    """A line of business in the Vietnamese standard industrial classification (VSIC 2018),
    with the matching ISIC Rev.4 and Japanese JSIC codes where known.
    """

    code = models.CharField(_("VSIC code"), max_length=10, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=SectorLevel.choices)
    section = models.CharField(_("section"), max_length=1, help_text=_("The VSIC section letter (A to U)."))
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name_vi = models.CharField(_("Vietnamese name"), max_length=300)
    name_en = models.CharField(_("English name"), max_length=300)
    name_ja = models.CharField(_("Japanese name"), max_length=300, blank=True)
    isic_code = models.CharField(_("ISIC Rev.4 code"), max_length=10, blank=True)
    jsic_code = models.CharField(_("JSIC code"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return localized(self, "name", fallbacks=("en", "vi"))


class Investor(TimeStampedModel):
    """A company or person that invests: its name in its own script, a Latin form,
    and for Japanese companies the kana reading used to sort and search.
    """

    name = models.CharField(_("name"), max_length=300, help_text=_("In the investor's own script."))
    name_latin = models.CharField(_("Latin name"), max_length=300, blank=True)
    name_kana = models.CharField(_("kana reading"), max_length=300, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=_("origin economy"), on_delete=models.PROTECT, related_name="investors"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subsidiaries",
    )
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    search_text = models.CharField(max_length=1000, blank=True, editable=False)

    class Meta:
        verbose_name = _("investor")
        verbose_name_plural = _("investors")
        ordering = ["name_latin", "name"]

    def __str__(self) -> str:
        return self.name if not self.name_latin or self.name_latin == self.name else f"{self.name} ({self.name_latin})"

    def save(self, *args, **kwargs):
        _with_search_text(self, kwargs, self.name, self.name_latin, self.name_kana)
        super().save(*args, **kwargs)


class Project(TimeStampedModel):
    """A foreign-invested project licensed by the province.

    Its registered capital, status and investors at any date are not stored here:
    they are derived from its ledger of certificate events.
    """

    code = models.CharField(_("project code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    name_latin = models.CharField(_("Latin name"), max_length=300, blank=True)
    sector = models.ForeignKey(Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="projects")
    zone = models.ForeignKey(
        "zones.Zone", verbose_name=_("zone"), null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    location = models.CharField(_("location"), max_length=300, blank=True, help_text=_("District, commune or address."))
    land_area_ha = models.DecimalField(_("land area (ha)"), max_digits=12, decimal_places=4, null=True, blank=True)
    planned_jobs = models.PositiveIntegerField(_("planned jobs"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Part of the demonstration data set, not a real record.")
    )
    search_text = models.CharField(max_length=700, blank=True, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(land_area_ha__isnull=True) | Q(land_area_ha__gte=0), name="registry_project_land_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        _with_search_text(self, kwargs, self.code, self.name, self.name_latin)
        super().save(*args, **kwargs)


class LedgerEvent(TimeStampedModel):
    """One entry in the investment-certificate ledger: a certificate or decision that
    registers a project, changes its capital or investors, or terminates it.

    `capital_change_usd` and `capital_change_vnd` are signed: a decrease is negative.
    `origin` is the origin economy of the leading investor in the line-up this event
    sets, kept so that as-of queries can attribute a project without reading every
    participation; it is empty on events that leave the line-up unchanged.
    """

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    date = models.DateField(_("date"))
    certificate_no = models.CharField(_("certificate or decision number"), max_length=60, unique=True)
    capital_change_usd = models.DecimalField(
        _("capital change (USD)"), max_digits=18, decimal_places=2, default=Decimal(0)
    )
    capital_change_vnd = models.DecimalField(
        _("capital change (VND)"), max_digits=22, decimal_places=0, default=Decimal(0)
    )
    origin = models.ForeignKey(
        Country,
        verbose_name=_("origin economy"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("ledger event")
        verbose_name_plural = _("ledger events")
        ordering = ["project", "date", "id"]
        indexes = [
            # Covering indexes for the as-of figures (registry.queries), which read them alone:
            # every project's ledger in order, and the ledger by day. Their leading columns
            # serve the lookups by project and date and by date and kind.
            models.Index(
                fields=["project", "date", "id", "kind", "capital_change_usd", "origin"],
                name="registry_ev_project_state",
            ),
            models.Index(fields=["date", "kind", "capital_change_usd", "project"], name="registry_ev_date_amount"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(kind=EventKind.REGISTRATION),
                name="registry_one_registration_per_project",
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(kind=EventKind.TERMINATION),
                name="registry_one_termination_per_project",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certificate_no} {self.get_kind_display()} {self.date}"


class Participation(TimeStampedModel):
    """An investor's share in a project as set by one ledger event (the line-up in force
    until the next event that sets one).
    """

    event = models.ForeignKey(LedgerEvent, on_delete=models.CASCADE, related_name="participations")
    investor = models.ForeignKey(
        Investor, verbose_name=_("investor"), on_delete=models.PROTECT, related_name="participations"
    )
    share = models.DecimalField(_("share (%)"), max_digits=7, decimal_places=4)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["event", "-share", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "investor"], name="registry_participation_unique"),
            models.CheckConstraint(
                condition=Q(share__gt=0) & Q(share__lte=100), name="registry_participation_share_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.investor} {self.share}%"


class Disbursement(TimeStampedModel):
    """Capital actually put into a project (realised capital) in a reporting period ending on `date`."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="disbursements"
    )
    date = models.DateField(_("report date"))
    amount_usd = models.DecimalField(_("amount (USD)"), max_digits=18, decimal_places=2)
    amount_vnd = models.DecimalField(_("amount (VND)"), max_digits=22, decimal_places=0, default=Decimal(0))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        ordering = ["project", "date", "id"]
        indexes = [
            # Covering indexes for realised capital by project and by day.
            models.Index(fields=["project", "date", "amount_usd"], name="registry_disb_project_amount"),
            models.Index(fields=["date", "amount_usd"], name="registry_disb_date_amount"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount_usd__gte=0), name="registry_disbursement_positive"),
            models.UniqueConstraint(fields=["project", "date"], name="registry_disbursement_unique_date"),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.date} {self.amount_usd}"


class JobsReport(TimeStampedModel):
    """The number of people a project actually employed on a date."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="jobs_reports"
    )
    date = models.DateField(_("report date"))
    jobs = models.PositiveIntegerField(_("jobs"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("jobs report")
        verbose_name_plural = _("jobs reports")
        ordering = ["project", "date", "id"]
        constraints = [models.UniqueConstraint(fields=["project", "date"], name="registry_jobs_unique_date")]

    def __str__(self) -> str:
        return f"{self.project.code} {self.date} {self.jobs}"


class DataStamp(TimeStampedModel):
    """A token that changes whenever a kind of data changes, so that every process can tell
    whether what it derived from that data and keeps in memory is still current (the registry's
    as-of figures: `registry.analytics`). Derived data only: nothing is lost by deleting a row.
    """

    key = models.CharField(_("key"), max_length=40, primary_key=True)
    token = models.UUIDField(_("token"))

    class Meta:
        verbose_name = _("data stamp")
        verbose_name_plural = _("data stamps")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class ImportJob(TimeStampedModel):
    """A ledger file on its way into the registry: checked in the background, previewed by the
    officer who uploaded it, written in the background once confirmed. The file waits in
    DATA_DIR/imports under the job's id until it is written or has nothing to write.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=300)
    fmt = models.CharField(_("format"), max_length=4)
    number_format = models.CharField(_("number format"), max_length=2)
    language = models.CharField(_("language"), max_length=10)
    state = models.CharField(_("state"), max_length=10, choices=ImportState.choices, default=ImportState.CHECKING)
    report = models.JSONField(_("report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

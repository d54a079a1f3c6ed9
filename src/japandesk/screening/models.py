from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from japandesk.core.models import TimeStampedModel
from japandesk.screening.choices import Decision, Recommendation, VersionStatus


class CriteriaSet(TimeStampedModel):
    """A named set of screening criteria (for example the province's rules for industrial
    projects). Its content lives in numbered versions: a published version never changes,
    so every appraisal can be traced to the rules it was judged by.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Part of the demonstration data set, not adopted rules.")
    )

    class Meta:
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("screening:criteria-detail", args=[self.pk])

    @property
    def current(self):
        """The latest published version, or None."""
        return self.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


class CriteriaVersion(TimeStampedModel):
    """One version of a criteria set: hard requirements, weighted criteria with their scoring
    rules, and the thresholds of the recommendation, as one document (see screening.scoring).

    A draft may be edited; publishing freezes it. Changing published rules means a new draft.
    """

    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name=_("criteria set"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    definition = models.JSONField(_("definition"))
    note = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("criteria version")
        verbose_name_plural = _("criteria versions")
        ordering = ["criteria_set", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "number"], name="screening_version_unique_number"),
            models.UniqueConstraint(
                fields=["criteria_set"], condition=Q(status="draft"), name="screening_one_draft_per_set"
            ),
        ]

    def __str__(self) -> str:
        return _("{name}, version {number}").format(name=self.criteria_set.name, number=self.number)

    def get_absolute_url(self) -> str:
        return reverse("screening:version-detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED


class Appraisal(TimeStampedModel):
    """The appraisal of a proposed project against one published criteria version: the
    proposal's inputs as entered, the result computed from them, the recommendation, and the
    decision people took. The inputs and the version are enough to compute the result again.
    """

    title = models.CharField(_("proposal"), max_length=300)
    investor_name = models.CharField(_("investor"), max_length=300, blank=True)
    origin = models.ForeignKey(
        "registry.Country", verbose_name=_("origin economy"), null=True, blank=True, on_delete=models.SET_NULL
    )
    sector = models.ForeignKey("registry.Sector", verbose_name=_("sector"), on_delete=models.PROTECT)
    # The kind of location that scored is kept in the inputs, so the result survives the zone.
    zone = models.ForeignKey("zones.Zone", verbose_name=_("zone"), null=True, blank=True, on_delete=models.SET_NULL)
    lead_id = models.PositiveIntegerField(_("CRM lead"), null=True, blank=True)
    version = models.ForeignKey(
        CriteriaVersion, verbose_name=_("criteria version"), on_delete=models.PROTECT, related_name="appraisals"
    )
    appraised_on = models.DateField(_("appraised on"))
    inputs = models.JSONField(_("inputs"))
    result = models.JSONField(_("result"))
    total_score = models.DecimalField(_("total score"), max_digits=6, decimal_places=2)
    hard_pass = models.BooleanField(_("hard requirements met"))
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=Recommendation.choices)
    peers = models.JSONField(_("against licensed projects"), default=dict, blank=True)
    appraised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("appraised by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING)
    decision_note = models.TextField(_("reasons for the decision"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    illustrative = models.BooleanField(_("illustrative"), default=False)

    class Meta:
        verbose_name = _("appraisal")
        verbose_name_plural = _("appraisals")
        ordering = ["-appraised_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("screening:appraisal-detail", args=[self.pk])


class Commitment(TimeStampedModel):
    """What a licensed project committed to in its investment certificate: capital, jobs,
    land and the date it would start operating. The capital schedule is in its milestones.
    """

    project = models.OneToOneField(
        "registry.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="commitment"
    )
    capital_usd = models.DecimalField(_("committed capital (USD)"), max_digits=18, decimal_places=2)
    jobs = models.PositiveIntegerField(_("committed jobs"))
    land_ha = models.DecimalField(_("committed land (ha)"), max_digits=12, decimal_places=4)
    operation_date = models.DateField(_("committed date of operation"))
    certificate_ref = models.CharField(_("certificate"), max_length=60, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["project"]
        constraints = [
            models.CheckConstraint(condition=Q(capital_usd__gte=0), name="screening_commitment_capital_positive"),
            models.CheckConstraint(condition=Q(land_ha__gte=0), name="screening_commitment_land_positive"),
        ]

    def __str__(self) -> str:
        return str(self.project)


class CapitalMilestone(TimeStampedModel):
    """A date by which a project committed to have put in a cumulative amount of capital."""

    commitment = models.ForeignKey(
        Commitment, verbose_name=_("commitment"), on_delete=models.CASCADE, related_name="milestones"
    )
    due_date = models.DateField(_("due date"))
    cumulative_usd = models.DecimalField(_("cumulative capital due (USD)"), max_digits=18, decimal_places=2)

    class Meta:
        verbose_name = _("capital milestone")
        verbose_name_plural = _("capital milestones")
        ordering = ["commitment", "due_date"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "due_date"], name="screening_milestone_unique_date"),
        ]

    def __str__(self) -> str:
        return f"{self.due_date} {self.cumulative_usd}"


class MonitoringReport(TimeStampedModel):
    """A project's report on a date: capital realised so far (cumulative), people employed on
    that date, land in use, whether it operates, and the revenue, taxes, exports and local
    purchases of the twelve months to that date.
    """

    project = models.ForeignKey(
        "registry.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="monitoring_reports"
    )
    date = models.DateField(_("report date"))
    realised_capital_usd = models.DecimalField(_("realised capital to date (USD)"), max_digits=18, decimal_places=2)
    jobs = models.PositiveIntegerField(_("jobs"))
    land_in_use_ha = models.DecimalField(_("land in use (ha)"), max_digits=12, decimal_places=4, null=True, blank=True)
    operating = models.BooleanField(_("operating"))
    revenue_usd = models.DecimalField(_("revenue, 12 months (USD)"), max_digits=18, decimal_places=2, default=0)
    taxes_usd = models.DecimalField(_("taxes paid, 12 months (USD)"), max_digits=18, decimal_places=2, default=0)
    exports_usd = models.DecimalField(_("exports, 12 months (USD)"), max_digits=18, decimal_places=2, default=0)
    local_purchases_usd = models.DecimalField(
        _("local purchases, 12 months (USD)"), max_digits=18, decimal_places=2, default=0
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        ordering = ["project", "date"]
        constraints = [
            models.UniqueConstraint(fields=["project", "date"], name="screening_report_unique_date"),
            models.CheckConstraint(
                condition=Q(realised_capital_usd__gte=0)
                & Q(revenue_usd__gte=0)
                & Q(taxes_usd__gte=0)
                & Q(exports_usd__gte=0)
                & Q(local_purchases_usd__gte=0),
                name="screening_report_amounts_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} {self.date}"

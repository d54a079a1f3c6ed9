import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from japandesk.core.i18n import localized
from japandesk.core.models import TimeStampedModel
from japandesk.core.text import search_key
from japandesk.crm.choices import (
    AgreementKind,
    AgreementStatus,
    Gender,
    InquiryKind,
    InquiryStatus,
    InteractionKind,
    MemberRole,
    NameOrder,
    OrganisationKind,
    StageKind,
)

ILLUSTRATIVE_HELP = _("Part of the demonstration data set, not a real record.")


def _set_search_text(instance, kwargs, *parts) -> None:
    instance.search_text = search_key(*parts)[:1000]
    if kwargs.get("update_fields") is not None:
        kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}


class Organisation(TimeStampedModel):
    """A company, government body, agency, association or university the desk deals with.

    The name is kept in the organisation's own script, with a Latin form and, for Japanese
    names, the kana reading that orders them as a Japanese reader expects. A company that
    invests in the province is linked to its investor record in the registry.
    """

    name = models.CharField(_("name"), max_length=300, help_text=_("In the organisation's own script."))
    name_latin = models.CharField(_("Latin name"), max_length=300, blank=True)
    name_kana = models.CharField(_("kana reading"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.COMPANY
    )
    country = models.ForeignKey(
        "registry.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    investor = models.ForeignKey(
        "registry.Investor",
        verbose_name=_("registry investor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crm_organisations",
    )
    sector = models.ForeignKey(
        "registry.Sector", verbose_name=_("sector"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)
    sort_key = models.CharField(max_length=400, blank=True, editable=False)
    sort_key_latin = models.CharField(max_length=400, blank=True, editable=False)
    search_text = models.CharField(max_length=1000, blank=True, editable=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["sort_key_latin", "id"]

    def __str__(self) -> str:
        return self.name if not self.name_latin or self.name_latin == self.name else f"{self.name} ({self.name_latin})"

    def save(self, *args, **kwargs):
        from japandesk.crm.names import phonetic_key

        self.sort_key = phonetic_key(self.name_kana, self.name_latin, self.name)[:400]
        self.sort_key_latin = phonetic_key("", self.name_latin, self.name)[:400]
        _set_search_text(self, kwargs, self.name, self.name_latin, self.name_kana)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key", "sort_key_latin"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("crm:organisation-detail", args=[self.pk])


class Contact(TimeStampedModel):
    """A person at an organisation (or on their own).

    Names are stored as family and given name in the person's own script, with Latin forms
    and, for Japanese names, kana readings; `name_order` says which part a reader writing in
    Latin letters puts first. E-mail, phone and address are personal details: only staff see them.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    family_name = models.CharField(_("family name"), max_length=150, help_text=_("In the person's own script."))
    given_name = models.CharField(_("given name"), max_length=150, blank=True)
    family_name_latin = models.CharField(_("family name (Latin)"), max_length=150, blank=True)
    given_name_latin = models.CharField(_("given name (Latin)"), max_length=150, blank=True)
    family_name_kana = models.CharField(_("family name (kana)"), max_length=150, blank=True)
    given_name_kana = models.CharField(_("given name (kana)"), max_length=150, blank=True)
    name_order = models.CharField(
        _("name order"), max_length=20, choices=NameOrder.choices, default=NameOrder.FAMILY_FIRST
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True, default="")
    position = models.CharField(_("position"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    languages = models.CharField(
        _("languages spoken"), max_length=100, blank=True, help_text=_("Language codes, separated by commas (ja, en).")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)
    sort_key = models.CharField(max_length=400, blank=True, editable=False)
    sort_key_latin = models.CharField(max_length=400, blank=True, editable=False)
    search_text = models.CharField(max_length=1000, blank=True, editable=False)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["sort_key_latin", "id"]

    def __str__(self) -> str:
        from japandesk.crm.names import full_name

        return full_name(self)

    def save(self, *args, **kwargs):
        from japandesk.crm.names import contact_sort_keys

        self.sort_key, self.sort_key_latin = (key[:400] for key in contact_sort_keys(self))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key", "sort_key_latin"}
        _set_search_text(
            self,
            kwargs,
            self.family_name,
            self.given_name,
            self.family_name_latin,
            self.given_name_latin,
            self.family_name_kana,
            self.given_name_kana,
            f"{self.family_name}{self.given_name}",
            f"{self.family_name_kana}{self.given_name_kana}",
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("crm:contact-detail", args=[self.pk])

    @property
    def language_list(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class Pipeline(TimeStampedModel):
    """A sequence of stages that one kind of lead goes through: investment leads, supplier
    introductions, aftercare and expansion of existing investors."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name_en = models.CharField(_("English name"), max_length=150)
    name_vi = models.CharField(_("Vietnamese name"), max_length=150)
    name_ja = models.CharField(_("Japanese name"), max_length=150)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("pipeline")
        verbose_name_plural = _("pipelines")
        ordering = ["order", "key"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def first_stage(self) -> "Stage":
        return self.stages.order_by("order", "id").first()


class Stage(TimeStampedModel):
    """One step of a pipeline. Won stages are those where the lead has become an investment
    (or a supply contract, or an expansion)."""

    pipeline = models.ForeignKey(Pipeline, verbose_name=_("pipeline"), on_delete=models.CASCADE, related_name="stages")
    key = models.SlugField(_("key"), max_length=40)
    name_en = models.CharField(_("English name"), max_length=150)
    name_vi = models.CharField(_("Vietnamese name"), max_length=150)
    name_ja = models.CharField(_("Japanese name"), max_length=150)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=StageKind.choices, default=StageKind.OPEN)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["pipeline", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["pipeline", "key"], name="crm_stage_unique_key")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Lead(TimeStampedModel):
    """A prospect followed through a pipeline: a company that might invest, a supplier to
    introduce, an investor that might expand. One officer owns it; it has a next step with a
    due date, estimates of capital, land and jobs, and, once licensed, the registry project.
    """

    pipeline = models.ForeignKey(Pipeline, verbose_name=_("pipeline"), on_delete=models.PROTECT, related_name="leads")
    stage = models.ForeignKey(Stage, verbose_name=_("stage"), on_delete=models.PROTECT, related_name="leads")
    title = models.CharField(_("title"), max_length=300)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
    )
    organisation_name = models.CharField(
        _("organisation name"), max_length=300, blank=True, help_text=_("When the organisation is not on file yet.")
    )
    country = models.ForeignKey(
        "registry.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sector = models.ForeignKey(
        "registry.Sector", verbose_name=_("sector"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    zone = models.ForeignKey(
        "zones.Zone", verbose_name=_("zone"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    estimated_capital_usd = models.DecimalField(
        _("estimated capital (USD)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    estimated_land_ha = models.DecimalField(
        _("estimated land (ha)"), max_digits=12, decimal_places=4, null=True, blank=True
    )
    estimated_jobs = models.PositiveIntegerField(_("estimated jobs"), null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crm_leads",
    )
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    next_step_due = models.DateField(_("next step due"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(_("source"), max_length=40, blank=True)
    project = models.ForeignKey(
        "registry.Project",
        verbose_name=_("registry project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crm_leads",
    )
    converted_on = models.DateField(_("converted on"), null=True, blank=True)
    stage_entered_at = models.DateTimeField(_("in this stage since"), null=True, blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)
    search_text = models.CharField(max_length=1000, blank=True, editable=False)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["pipeline", "stage__order", "-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(estimated_capital_usd__isnull=True) | Q(estimated_capital_usd__gte=0),
                name="crm_lead_capital_positive",
            ),
            models.CheckConstraint(
                condition=Q(estimated_land_ha__isnull=True) | Q(estimated_land_ha__gte=0),
                name="crm_lead_land_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        _set_search_text(self, kwargs, self.title, self.organisation_name, self.next_step)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("crm:lead-detail", args=[self.pk])

    @property
    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_name


class StageChange(models.Model):
    """A lead's move from one stage to another (or its entry into the first), with the date."""

    lead = models.ForeignKey(Lead, verbose_name=_("lead"), on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.ForeignKey(
        Stage, verbose_name=_("from"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_stage = models.ForeignKey(Stage, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(_("when"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["lead", "changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.lead_id}: {self.from_stage_id} → {self.to_stage_id} {self.changed_at:%Y-%m-%d}"


class Interaction(TimeStampedModel):
    """Something that happened between the desk and its partners: a delegation received,
    a mission abroad, a meeting, a call, an e-mail, a conference. Participants are recorded on
    both sides (the desk's officers and the partners' contacts), with the organisations
    involved and, for delegations, the zones they saw.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=InteractionKind.choices)
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"), db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="interactions"
    )
    contacts = models.ManyToManyField(
        Contact, verbose_name=_("their participants"), blank=True, related_name="interactions"
    )
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("our participants"), blank=True, related_name="crm_interactions"
    )
    other_participants = models.TextField(
        _("other participants"), blank=True, help_text=_("People not on file, one a line.")
    )
    delegation_size = models.PositiveIntegerField(_("number of visitors"), null=True, blank=True)
    zones = models.ManyToManyField("zones.Zone", verbose_name=_("zones seen"), blank=True, related_name="+")
    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), null=True, blank=True, on_delete=models.SET_NULL, related_name="interactions"
    )
    notes = models.TextField(_("notes"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)
    search_text = models.CharField(max_length=1000, blank=True, editable=False)

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="crm_interaction_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def save(self, *args, **kwargs):
        _set_search_text(self, kwargs, self.title, self.location, self.notes[:300])
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("crm:interaction-detail", args=[self.pk])


class Agreement(TimeStampedModel):
    """An MOU or cooperation agreement the province signed with partners, with its dates,
    status, expiry, the obligations it sets and the follow-up tasks."""

    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices, default=AgreementKind.MOU)
    title = models.CharField(_("title"), max_length=300)
    parties = models.ManyToManyField(Organisation, verbose_name=_("parties"), blank=True, related_name="agreements")
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), null=True, blank=True, on_delete=models.SET_NULL, related_name="agreements"
    )
    illustrative = models.BooleanField(_("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(signed_on__isnull=True)
                | Q(expires_on__gte=models.F("signed_on")),
                name="crm_agreement_expires_after_signature",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("crm:agreement-detail", args=[self.pk])


class Obligation(TimeStampedModel):
    """Something an agreement commits one of its parties to do, by a date."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="obligations"
    )
    party = models.ForeignKey(
        Organisation, verbose_name=_("party"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.CharField(_("obligation"), max_length=500)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        ordering = ["agreement", "due_date", "id"]

    def __str__(self) -> str:
        return self.description


class Committee(TimeStampedModel):
    """A standing body the desk serves, such as the Japan - Quang Ninh advisory council:
    its members, meetings, minutes, decisions and action items."""

    name_en = models.CharField(_("English name"), max_length=300)
    name_vi = models.CharField(_("Vietnamese name"), max_length=300)
    name_ja = models.CharField(_("Japanese name"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def get_absolute_url(self) -> str:
        return reverse("crm:committee-detail", args=[self.pk])


class Membership(TimeStampedModel):
    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="members"
    )
    contact = models.ForeignKey(Contact, verbose_name=_("member"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["committee", "role", "id"]
        constraints = [models.UniqueConstraint(fields=["committee", "contact", "role"], name="crm_membership_unique")]

    def __str__(self) -> str:
        return f"{self.contact} ({self.get_role_display()})"


class CommitteeMeeting(TimeStampedModel):
    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="meetings"
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300)
    location = models.CharField(_("location"), max_length=300, blank=True)
    attendees = models.ManyToManyField(Contact, verbose_name=_("attendees"), blank=True, related_name="+")
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")
        ordering = ["committee", "-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"


class Decision(TimeStampedModel):
    meeting = models.ForeignKey(
        CommitteeMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decisions"
    )
    text = models.TextField(_("decision"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.text[:100]


class Task(TimeStampedModel):
    """A follow-up for an officer, due on a date: after a lead's step, an interaction, an
    agreement's obligation or a committee's decision (its action item)."""

    title = models.CharField(_("title"), max_length=300)
    due_date = models.DateField(_("due date"), db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crm_tasks",
    )
    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    interaction = models.ForeignKey(
        Interaction,
        verbose_name=_("interaction"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(_("source"), max_length=40, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    illustrative = models.BooleanField(_("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["done_at", "due_date", "id"]
        indexes = [models.Index(fields=["assignee", "done_at", "due_date"], name="crm_task_assignee_due")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("crm:task-detail", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


def new_tracking_token() -> str:
    return secrets.token_urlsafe(24)


class Inquiry(TimeStampedModel):
    """A question or a site-visit request from a prospective investor, entered by an officer
    or sent through the public portal. Its response clock runs from `received_at` to the
    first answer (`first_response_at`); the person who asked follows it with the tracking token.
    """

    tracking_token = models.CharField(max_length=64, unique=True, default=new_tracking_token, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=InquiryKind.choices, default=InquiryKind.INQUIRY)
    status = models.CharField(_("status"), max_length=20, choices=InquiryStatus.choices, default=InquiryStatus.NEW)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    company = models.CharField(_("company"), max_length=300, blank=True)
    country = models.ForeignKey(
        "registry.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sector = models.ForeignKey(
        "registry.Sector", verbose_name=_("sector"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    zone = models.ForeignKey(
        "zones.Zone", verbose_name=_("zone"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    land_ha = models.DecimalField(_("land needed (ha)"), max_digits=12, decimal_places=4, null=True, blank=True)
    timing = models.CharField(_("timing"), max_length=200, blank=True)
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    source = models.CharField(_("source"), max_length=40, blank=True)
    received_at = models.DateTimeField(_("received at"), db_index=True)
    first_response_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    first_responder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("first answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), null=True, blank=True, on_delete=models.SET_NULL, related_name="inquiries"
    )
    illustrative = models.BooleanField(_("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m-%d} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("crm:inquiry-detail", args=[self.pk])

    @property
    def response_seconds(self) -> float | None:
        if self.first_response_at is None:
            return None
        return (self.first_response_at - self.received_at).total_seconds()

    @property
    def response_hours(self) -> float | None:
        seconds = self.response_seconds
        return None if seconds is None else seconds / 3600


class InquiryResponse(TimeStampedModel):
    """An answer an officer sent to an inquiry."""

    inquiry = models.ForeignKey(Inquiry, verbose_name=_("inquiry"), on_delete=models.CASCADE, related_name="responses")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("officer"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent at"))
    message = models.TextField(_("message"))

    class Meta:
        verbose_name = _("inquiry answer")
        verbose_name_plural = _("inquiry answers")
        ordering = ["inquiry", "sent_at", "id"]

    def __str__(self) -> str:
        return f"{self.inquiry_id} {self.sent_at:%Y-%m-%d %H:%M}"

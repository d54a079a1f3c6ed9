"""Promotion conferences and their B2B meetings: the event's days, sessions, slots, rooms and
tables; the participants who register; the meeting requests they send each other; the meetings
the accepted requests become, placed on a slot and a table by the scheduler; and their outcomes.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from japandesk.core.i18n import localized
from japandesk.core.models import TimeStampedModel
from japandesk.core.text import search_key
from japandesk.events.choices import (
    LANGUAGES,
    MeetingOutcome,
    ParticipantKind,
    RequestStatus,
    RunKind,
    RunStatus,
)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Event(TimeStampedModel):
    """A conference or seminar with B2B meetings, such as the Quang Ninh - Japan investment
    promotion conference. Its name is kept in Vietnamese, English and Japanese."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True, help_text=_("Used in the public links."))
    name_vi = models.CharField(_("name in Vietnamese"), max_length=300)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    name_ja = models.CharField(_("name in Japanese"), max_length=300, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    registration_open = models.BooleanField(_("registration open"), default=True)
    request_expiry_hours = models.PositiveIntegerField(
        _("hours to answer a request"), default=72, help_text=_("An unanswered meeting request expires after this.")
    )
    illustrative = models.BooleanField(_("illustrative demo data"), default=False)

    class Meta:
        verbose_name = pgettext_lazy("conference", "event")
        verbose_name_plural = pgettext_lazy("conference", "events")
        ordering = ["-starts_on", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name", fallbacks=("en", "vi"))

    def name_in(self, language: str) -> str:
        return getattr(self, f"name_{language}", "") or self.name_en or self.name_vi

    def get_absolute_url(self) -> str:
        return reverse("events:event-detail", args=[self.pk])


class Day(TimeStampedModel):
    """One day of an event."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="days", verbose_name=pgettext_lazy("conference", "event")
    )
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["event", "date"]
        constraints = [models.UniqueConstraint(fields=["event", "date"], name="events_day_unique_date")]

    def __str__(self) -> str:
        return self.date.isoformat()


class Session(TimeStampedModel):
    """A block of back-to-back meeting slots within a day (a morning, an afternoon). The time
    between two sessions is not idle time for the scheduler."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=pgettext_lazy("conference", "event")
    )
    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("day"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["day__date", "id"]

    def __str__(self) -> str:
        return f"{self.day.date} {self.name}"


class Slot(TimeStampedModel):
    """A time in which every table can hold one meeting."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="slots", verbose_name=pgettext_lazy("conference", "event")
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="slots", verbose_name=_("session"))
    code = models.CharField(_("code"), max_length=40)
    start = models.DateTimeField(_("start"))
    minutes = models.PositiveIntegerField(_("minutes"))
    tables = models.PositiveIntegerField(
        _("tables in this slot"), null=True, blank=True, help_text=_("Empty: every table of the event.")
    )

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["event", "start"]
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="events_slot_unique_code"),
            models.UniqueConstraint(fields=["event", "start"], name="events_slot_unique_start"),
        ]

    def __str__(self) -> str:
        return self.code


class Room(TimeStampedModel):
    """A room (or hall) where meeting tables stand."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="rooms", verbose_name=pgettext_lazy("conference", "event")
    )
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["event", "id"]

    def __str__(self) -> str:
        return self.name


class Table(TimeStampedModel):
    """A meeting table. Tables are numbered from 1 across the whole event, as the scheduler numbers them."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="tables", verbose_name=pgettext_lazy("conference", "event")
    )
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="tables", verbose_name=_("room"))
    number = models.PositiveIntegerField(_("number"))

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["event", "number"]
        constraints = [models.UniqueConstraint(fields=["event", "number"], name="events_table_unique_number")]

    def __str__(self) -> str:
        return str(self.number)


class RequestRule(TimeStampedModel):
    """Participants of one type may send meeting requests to participants of another type.
    A pair without a rule is not allowed."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="rules", verbose_name=pgettext_lazy("conference", "event")
    )
    requester_kind = models.CharField(_("requester type"), max_length=20, choices=ParticipantKind.choices)
    recipient_kind = models.CharField(_("recipient type"), max_length=20, choices=ParticipantKind.choices)

    class Meta:
        verbose_name = _("request rule")
        verbose_name_plural = _("request rules")
        ordering = ["event", "requester_kind", "recipient_kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "requester_kind", "recipient_kind"], name="events_rule_unique_pair"
            )
        ]


class KindCap(TimeStampedModel):
    """The most meetings and requests a participant of one type may have at an event."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="caps", verbose_name=pgettext_lazy("conference", "event")
    )
    kind = models.CharField(_("participant type"), max_length=20, choices=ParticipantKind.choices)
    max_meetings = models.PositiveIntegerField(_("most meetings"), null=True, blank=True)
    max_requests = models.PositiveIntegerField(_("most requests sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("cap per participant type")
        verbose_name_plural = _("caps per participant type")
        ordering = ["event", "kind"]
        constraints = [models.UniqueConstraint(fields=["event", "kind"], name="events_cap_unique_kind")]


class Participant(TimeStampedModel):
    """A person registered for an event on behalf of an organisation. The private link built from
    `token` lets them answer and send meeting requests and download their agenda without signing in."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participants", verbose_name=pgettext_lazy("conference", "event")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    kind = models.CharField(_("participant type"), max_length=20, choices=ParticipantKind.choices)
    name = models.CharField(_("contact person"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=300)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    country_code = models.CharField(_("country (ISO code)"), max_length=2, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="ja")
    profile = models.TextField(_("profile"), blank=True, help_text=_("What the organisation does and offers."))
    looking_for = models.TextField(_("looking for"), blank=True)
    available = models.ManyToManyField(
        Slot, blank=True, related_name="available_participants", verbose_name=_("available slots")
    )
    max_meetings = models.PositiveIntegerField(_("most meetings"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent to data processing given"), null=True, blank=True)
    arrived_at = models.DateTimeField(_("arrived"), null=True, blank=True)
    agenda_reminded_on = models.DateField(null=True, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["event", "organisation", "name"]
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="events_participant_unique_email")]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.name})"

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.name, self.organisation, self.email)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:participant-detail", args=[self.event_id, self.pk])

    def get_private_url(self) -> str:
        return reverse("events:public-participant", args=[self.token])


class MeetingRequest(TimeStampedModel):
    """One participant asks another for a B2B meeting; the recipient accepts or declines before it expires."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="requests", verbose_name=pgettext_lazy("conference", "event")
    )
    requester = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="requests_sent", verbose_name=_("requested by")
    )
    recipient = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="requests_received", verbose_name=_("requested from")
    )
    message = models.TextField(_("message"), blank=True)
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    expires_at = models.DateTimeField(_("expires"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["event", "-created_at", "-id"]
        indexes = [models.Index(fields=["status", "expires_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("recipient")), name="events_request_not_self"
            ),
            models.CheckConstraint(condition=models.Q(priority__gte=1), name="events_request_priority_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.requester.organisation} → {self.recipient.organisation}"


class Meeting(TimeStampedModel):
    """An accepted request: a meeting of two or more participants, placed by the scheduler on a
    slot and a table. A pinned meeting keeps its place when the event is rescheduled."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="meetings", verbose_name=pgettext_lazy("conference", "event")
    )
    request = models.OneToOneField(
        MeetingRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting",
        verbose_name=_("request"),
    )
    participants = models.ManyToManyField(Participant, related_name="meetings", verbose_name=_("participants"))
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)
    slot = models.ForeignKey(
        Slot, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings", verbose_name=_("slot")
    )
    table = models.ForeignKey(
        Table, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings", verbose_name=_("table")
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    unscheduled_reason = models.CharField(_("why it is not scheduled"), max_length=400, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=MeetingOutcome.choices, blank=True)
    outcome_notes = models.TextField(_("outcome notes"), blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["event", "slot__start", "table__number", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(priority__gte=1), name="events_meeting_priority_positive")
        ]

    def __str__(self) -> str:
        return " · ".join(p.organisation for p in self.participants.all())

    @property
    def code(self) -> str:
        return f"m{self.pk}"


class FollowUp(TimeStampedModel):
    """Work that a meeting's outcome asks for. It is handed to the CRM as a task or lead when the CRM
    is installed; the link to it is kept here."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("meeting"))
    notes = models.TextField(_("notes"), blank=True)
    due_date = models.DateField(_("due"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("created by")
    )
    crm_kind = models.CharField(_("CRM record"), max_length=20, blank=True)
    crm_id = models.CharField(max_length=40, blank=True)
    crm_url = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_date", "id"]


class ScheduleRun(TimeStampedModel):
    """One run of the scheduler on an event: the instance it was given, the answer it stored and its figures."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="runs", verbose_name=pgettext_lazy("conference", "event")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RunKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("started by")
    )
    time_limit = models.FloatField(_("time limit (s)"), default=10)
    instance = models.JSONField(_("instance"), default=dict)
    answer = models.JSONField(_("answer"), null=True, blank=True)
    meetings = models.PositiveIntegerField(_("meetings"), default=0)
    scheduled = models.PositiveIntegerField(_("scheduled"), default=0)
    priority = models.PositiveIntegerField(_("priority sum"), default=0)
    bound = models.PositiveIntegerField(_("proven bound"), default=0)
    idle_gaps = models.PositiveIntegerField(_("idle gaps"), default=0)
    moves = models.PositiveIntegerField(_("moves"), default=0)
    optimal = models.BooleanField(_("proven optimal"), default=False)
    seconds = models.FloatField(_("seconds"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")
        ordering = ["event", "-created_at", "-id"]

    @property
    def share(self):
        return self.priority / self.bound if self.bound else 1

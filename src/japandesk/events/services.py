"""Write logic of events and B2B meetings. Staff pages, the public pages, the API, the commands
and the tasks all call these functions, which validate, write inside a transaction and record
the audit entry.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.events.choices import LANGUAGES, MeetingOutcome, ParticipantKind, RequestStatus, RunKind, RunStatus
from japandesk.events.models import (
    Day,
    Event,
    FollowUp,
    KindCap,
    Meeting,
    MeetingRequest,
    Participant,
    RequestRule,
    Room,
    ScheduleRun,
    Session,
    Slot,
    Table,
)

MIN_PRIORITY, MAX_PRIORITY = 1, 5
OPEN_REQUESTS = (RequestStatus.PENDING, RequestStatus.ACCEPTED)
# Who may ask whom for a meeting when an event is created; officers change it per event.
DEFAULT_RULES = (
    (ParticipantKind.INVESTOR, ParticipantKind.SUPPLIER),
    (ParticipantKind.INVESTOR, ParticipantKind.INVESTOR),
    (ParticipantKind.INVESTOR, ParticipantKind.AGENCY),
    (ParticipantKind.SUPPLIER, ParticipantKind.INVESTOR),
    (ParticipantKind.SUPPLIER, ParticipantKind.AGENCY),
    (ParticipantKind.AGENCY, ParticipantKind.INVESTOR),
    (ParticipantKind.AGENCY, ParticipantKind.SUPPLIER),
    (ParticipantKind.AGENCY, ParticipantKind.PRESS),
)
EVENT_FIELDS = (
    "slug",
    "name_vi",
    "name_en",
    "name_ja",
    "venue",
    "starts_on",
    "ends_on",
    "registration_open",
    "request_expiry_hours",
    "illustrative",
)


def now() -> datetime.datetime:
    return timezone.now()


def _check(instance, exclude=()):
    instance.full_clean(exclude=list(exclude), validate_unique=True)


# Events and their structure -------------------------------------------------------------------------


@transaction.atomic
def create_event(actor=None, *, source="ui", rules=DEFAULT_RULES, **data) -> Event:
    unknown = set(data) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    event = Event(**data)
    _check_event_dates(event)
    _check(event)
    event.save()
    RequestRule.objects.bulk_create(RequestRule(event=event, requester_kind=a, recipient_kind=b) for a, b in rules)
    audit.record(actor, event, AuditAction.CREATE, after=audit.snapshot(event), source=source)
    return event


@transaction.atomic
def update_event(event: Event, actor=None, *, source="ui", **data) -> Event:
    unknown = set(data) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = audit.snapshot(event)
    for name, value in data.items():
        setattr(event, name, value)
    _check_event_dates(event)
    _check(event)
    if event.pk and Day.objects.filter(event=event).exclude(date__range=(event.starts_on, event.ends_on)).exists():
        raise ValidationError(_("The event already has days outside these dates."))
    event.save()
    audit.record(actor, event, AuditAction.UPDATE, before=before, after=audit.snapshot(event), source=source)
    return event


def _check_event_dates(event: Event) -> None:
    if event.starts_on and event.ends_on and event.ends_on < event.starts_on:
        raise ValidationError({"ends_on": _("The last day comes before the first day.")})


@transaction.atomic
def set_rules(event: Event, pairs, actor=None, *, source="ui") -> None:
    """Replace who may request whom: `pairs` of (requester type, recipient type)."""
    kinds = set(ParticipantKind.values)
    pairs = sorted({(a, b) for a, b in pairs})
    for a, b in pairs:
        if a not in kinds or b not in kinds:
            raise ValidationError(_("Unknown participant type “{kind}”.").format(kind=a if a not in kinds else b))
    before = {"rules": sorted(f"{r.requester_kind}>{r.recipient_kind}" for r in event.rules.all())}
    event.rules.all().delete()
    RequestRule.objects.bulk_create(RequestRule(event=event, requester_kind=a, recipient_kind=b) for a, b in pairs)
    audit.record(
        actor, event, AuditAction.UPDATE, before=before, after={"rules": [f"{a}>{b}" for a, b in pairs]}, source=source
    )


@transaction.atomic
def set_kind_cap(event: Event, kind: str, *, max_meetings=None, max_requests=None, actor=None, source="ui") -> KindCap:
    if kind not in ParticipantKind.values:
        raise ValidationError(_("Unknown participant type “{kind}”.").format(kind=kind))
    for value in (max_meetings, max_requests):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValidationError(_("A cap is a whole number, zero or more."))
    cap, _created = KindCap.objects.get_or_create(event=event, kind=kind)
    before = audit.snapshot(cap)
    cap.max_meetings, cap.max_requests = max_meetings, max_requests
    cap.save()
    audit.record(actor, cap, AuditAction.UPDATE, before=before, after=audit.snapshot(cap), source=source)
    return cap


def slot_code(start: datetime.datetime) -> str:
    local = timezone.localtime(start)
    return f"{local:%Y%m%d-%H%M}"


@transaction.atomic
def add_session(
    event: Event,
    *,
    date: datetime.date,
    name: str,
    start: datetime.time,
    slots: int,
    minutes: int,
    actor=None,
    source="ui",
) -> Session:
    """A session of `slots` back-to-back slots of `minutes` each, starting at `start` on `date`."""
    if not (event.starts_on <= date <= event.ends_on):
        raise ValidationError({"date": _("The date is not one of the event's days.")})
    if slots < 1 or slots > 96:
        raise ValidationError({"slots": _("A session has from 1 to 96 slots.")})
    if minutes < 5 or minutes > 240:
        raise ValidationError({"minutes": _("A slot lasts from 5 to 240 minutes.")})
    if not name.strip():
        raise ValidationError({"name": _("Give the session a name.")})
    tz = timezone.get_current_timezone()
    first = datetime.datetime.combine(date, start, tzinfo=tz)
    last_end = first + datetime.timedelta(minutes=slots * minutes)
    for other in Slot.objects.filter(event=event):
        other_end = other.start + datetime.timedelta(minutes=other.minutes)
        if other.start < last_end and first < other_end:
            raise ValidationError(
                {"start": _("The session overlaps slot {slot} of another session.").format(slot=other.code)}
            )
    day, _created = Day.objects.get_or_create(event=event, date=date)
    session = Session.objects.create(event=event, day=day, name=name.strip())
    Slot.objects.bulk_create(
        Slot(
            event=event,
            session=session,
            start=first + datetime.timedelta(minutes=i * minutes),
            code=slot_code(first + datetime.timedelta(minutes=i * minutes)),
            minutes=minutes,
        )
        for i in range(slots)
    )
    audit.record(actor, session, AuditAction.CREATE, after=audit.snapshot(session), source=source)
    return session


@transaction.atomic
def delete_session(session: Session, actor=None, *, source="ui") -> None:
    if Meeting.objects.filter(slot__session=session, cancelled_at__isnull=True).exists():
        raise ValidationError(_("Meetings are scheduled in this session: schedule the event again without it first."))
    # Without any slot left, a participant's availability would read as "every slot".
    stranded = (
        Participant.objects.filter(available__session=session)
        .exclude(available__in=Slot.objects.filter(event=session.event).exclude(session=session))
        .distinct()
        .count()
    )
    if stranded:
        raise ValidationError(
            _("Some participants ({count}) can attend only this session: change their availability first.").format(
                count=stranded
            )
        )
    audit.record(actor, session, AuditAction.DELETE, before=audit.snapshot(session), source=source)
    day = session.day
    session.delete()
    if not day.sessions.exists():
        day.delete()


@transaction.atomic
def add_room(event: Event, *, name: str, tables: int, actor=None, source="ui") -> Room:
    """A room with `tables` tables, numbered after the event's existing tables."""
    if not name.strip():
        raise ValidationError({"name": _("Give the room a name.")})
    if tables < 1 or tables > 500:
        raise ValidationError({"tables": _("A room has from 1 to 500 tables.")})
    room = Room.objects.create(event=event, name=name.strip())
    start = (Table.objects.filter(event=event).order_by("-number").values_list("number", flat=True).first() or 0) + 1
    Table.objects.bulk_create(Table(event=event, room=room, number=start + i) for i in range(tables))
    audit.record(actor, room, AuditAction.CREATE, after={**audit.snapshot(room), "tables": tables}, source=source)
    return room


# Participants --------------------------------------------------------------------------------------


def _clean_participant(event: Event, data: dict) -> dict:
    errors = {}
    if data.get("kind") not in ParticipantKind.values:
        errors["kind"] = _("Choose a participant type.")
    if data.get("language") not in dict(LANGUAGES):
        errors["language"] = _("Choose a language: Japanese, English or Vietnamese.")
    for field, label in (
        ("name", _("Give the name of the contact person.")),
        ("organisation", _("Give the organisation's name.")),
    ):
        data[field] = (data.get(field) or "").strip()
        if not data[field]:
            errors[field] = label
    email = (data.get("email") or "").strip().lower()
    data["email"] = email
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("“{email}” is not an e-mail address.").format(email=email)
    code = (data.get("country_code") or "").strip().upper()
    if code and (len(code) != 2 or not code.isalpha()):
        errors["country_code"] = _("A country is given by its two-letter ISO code, such as JP or VN.")
    data["country_code"] = code
    cap = data.get("max_meetings")
    if cap is not None and (not isinstance(cap, int) or cap < 0):
        errors["max_meetings"] = _("A cap is a whole number, zero or more.")
    if errors:
        raise ValidationError(errors)
    return data


@transaction.atomic
def register_participant(
    event: Event,
    *,
    kind: str,
    name: str,
    organisation: str,
    email: str,
    language: str,
    consent: bool,
    available=None,
    phone: str = "",
    country_code: str = "",
    profile: str = "",
    looking_for: str = "",
    max_meetings=None,
    actor=None,
    source: str = "public",
) -> Participant:
    """Register someone for an event. `available`: the slots they can attend (None: every slot).
    The public must consent to the processing of their personal data and register while it is open."""
    if source == "public" and not event.registration_open:
        raise ValidationError(_("Registration for this event is closed."))
    if not consent:
        raise ValidationError(
            {"consent": _("Registration needs your consent to the processing of your personal data.")}
        )
    data = _clean_participant(
        event,
        {
            "kind": kind,
            "name": name,
            "organisation": organisation,
            "email": email,
            "language": language,
            "phone": (phone or "").strip(),
            "country_code": country_code,
            "profile": (profile or "").strip(),
            "looking_for": (looking_for or "").strip(),
            "max_meetings": max_meetings,
        },
    )
    if Participant.objects.filter(event=event, email=data["email"]).exists():
        raise ValidationError({"email": _("This e-mail address is already registered for the event.")})
    slots = _event_slots(event, available)
    if available is not None and not slots:
        raise ValidationError({"available": _("Choose at least one slot in which you can meet.")})
    participant = Participant(event=event, consent_at=now(), **data)
    # Uniqueness was checked above (e-mail) or holds by construction (the random token).
    participant.full_clean(exclude=["token"], validate_unique=False, validate_constraints=False)
    participant.save()
    if slots:
        Participant.available.through.objects.bulk_create(
            Participant.available.through(participant=participant, slot=slot) for slot in slots
        )
    audit.record(actor, participant, AuditAction.CREATE, after=_participant_snapshot(participant, slots), source=source)
    return participant


def _event_slots(event: Event, available) -> list[Slot]:
    if available is None:
        return []
    ids = {getattr(s, "pk", s) for s in available}
    slots = list(Slot.objects.filter(event=event, pk__in=ids))
    if len(slots) != len(ids):
        raise ValidationError({"available": _("A chosen slot does not belong to this event.")})
    return slots


def _participant_snapshot(participant: Participant, slots=None) -> dict:
    data = audit.snapshot(
        participant, exclude=("created_at", "updated_at", "token", "search_text", "agenda_reminded_on")
    )
    codes = [slot.code for slot in slots] if slots is not None else participant.available.values_list("code", flat=True)
    data["available"] = sorted(codes)
    return data


PARTICIPANT_FIELDS = (
    "kind",
    "name",
    "organisation",
    "email",
    "phone",
    "country_code",
    "language",
    "profile",
    "looking_for",
    "max_meetings",
)


@transaction.atomic
def update_participant(
    participant: Participant, actor=None, *, available="unchanged", source="ui", **data
) -> Participant:
    unknown = set(data) - set(PARTICIPANT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    before = _participant_snapshot(participant)
    merged = {name: getattr(participant, name) for name in PARTICIPANT_FIELDS}
    merged.update(data)
    merged = _clean_participant(participant.event, merged)
    if (
        merged["email"] != participant.email
        and Participant.objects.filter(event=participant.event, email=merged["email"])
        .exclude(pk=participant.pk)
        .exists()
    ):
        raise ValidationError({"email": _("This e-mail address is already registered for the event.")})
    for name, value in merged.items():
        setattr(participant, name, value)
    participant.save()
    if available != "unchanged":
        slots = _event_slots(participant.event, available)
        if available is not None and not slots:
            raise ValidationError({"available": _("Choose at least one slot in which you can meet.")})
        participant.available.set(slots)
    audit.record(
        actor, participant, AuditAction.UPDATE, before=before, after=_participant_snapshot(participant), source=source
    )
    return participant


@transaction.atomic
def mark_arrived(participant: Participant, arrived: bool = True, actor=None, *, source="ui") -> Participant:
    before = {"arrived_at": audit._plain(participant.arrived_at)}
    participant.arrived_at = (participant.arrived_at or now()) if arrived else None
    participant.save(update_fields=["arrived_at", "updated_at"])
    audit.record(
        actor,
        participant,
        AuditAction.UPDATE,
        before=before,
        after={"arrived_at": audit._plain(participant.arrived_at)},
        source=source,
    )
    return participant


# Caps and rules -----------------------------------------------------------------------------------------


def kind_cap(event: Event, kind: str) -> KindCap | None:
    return KindCap.objects.filter(event=event, kind=kind).first()


def meeting_cap(participant: Participant) -> int | None:
    """The most meetings the participant may hold: its own cap and its type's, whichever is lower."""
    caps = [participant.max_meetings]
    cap = kind_cap(participant.event, participant.kind)
    if cap:
        caps.append(cap.max_meetings)
    caps = [c for c in caps if c is not None]
    return min(caps) if caps else None


def request_cap(participant: Participant) -> int | None:
    cap = kind_cap(participant.event, participant.kind)
    return cap.max_requests if cap else None


def active_meetings(participant: Participant) -> int:
    return participant.meetings.filter(cancelled_at__isnull=True).count()


def may_request(event: Event, requester_kind: str, recipient_kind: str) -> bool:
    return RequestRule.objects.filter(
        event=event, requester_kind=requester_kind, recipient_kind=recipient_kind
    ).exists()


def requestable(participant: Participant):
    """The participants this one may send a request to now (rules allow it and no open request links them)."""
    kinds = list(
        RequestRule.objects.filter(event=participant.event, requester_kind=participant.kind).values_list(
            "recipient_kind", flat=True
        )
    )
    linked = MeetingRequest.objects.filter(
        Q(requester=participant) | Q(recipient=participant), status__in=OPEN_REQUESTS
    ).values_list("requester_id", "recipient_id")
    busy = {pk for pair in linked for pk in pair}
    return (
        Participant.objects.filter(event=participant.event, kind__in=kinds)
        .exclude(pk=participant.pk)
        .exclude(pk__in=busy)
    )


# Meeting requests --------------------------------------------------------------------------------------


def _check_priority(priority) -> None:
    if not isinstance(priority, int) or isinstance(priority, bool) or not MIN_PRIORITY <= priority <= MAX_PRIORITY:
        raise ValidationError(
            {
                "priority": _("The priority is a whole number from {low} to {high}.").format(
                    low=MIN_PRIORITY, high=MAX_PRIORITY
                )
            }
        )


def _event_caps(event: Event) -> dict[str, tuple[int | None, int | None]]:
    """Participant type -> (most meetings, most requests sent)."""
    return {
        kind: (meetings, requests)
        for kind, meetings, requests in event.caps.values_list("kind", "max_meetings", "max_requests")
    }


def _check_meeting_room(*participants: Participant, caps=None) -> None:
    """Refuse when one of the participants already holds the most meetings it may have."""
    event = participants[0].event
    caps = _event_caps(event) if caps is None else caps
    counts = dict(
        Meeting.participants.through.objects.filter(
            participant__in=[p.pk for p in participants], meeting__cancelled_at__isnull=True
        )
        .values_list("participant")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for participant in participants:
        limits = [c for c in (participant.max_meetings, caps.get(participant.kind, (None, None))[0]) if c is not None]
        if limits and counts.get(participant.pk, 0) >= min(limits):
            raise ValidationError(
                _("{organisation} already has the most meetings allowed ({count}).").format(
                    organisation=participant.organisation, count=min(limits)
                )
            )


@transaction.atomic
def send_request(
    requester: Participant,
    recipient: Participant,
    *,
    message: str = "",
    priority: int = 1,
    actor=None,
    source: str = "public",
    at: datetime.datetime | None = None,
) -> MeetingRequest:
    """`requester` asks `recipient` for a meeting; it waits for an answer until it expires."""
    at = at or now()
    event = requester.event
    if recipient.event_id != event.pk:
        raise ValidationError(_("Both participants must be registered for the same event."))
    if recipient.pk == requester.pk:
        raise ValidationError(_("A participant cannot request a meeting with itself."))
    _check_priority(priority)
    if not may_request(event, requester.kind, recipient.kind):
        raise ValidationError(
            _(
                "At this event, a participant of type “{requester}” may not request a meeting "
                "with one of type “{recipient}”."
            ).format(requester=ParticipantKind(requester.kind).label, recipient=ParticipantKind(recipient.kind).label)
        )
    # Lock the requester so that two requests sent at once cannot both pass the caps.
    list(Participant.objects.select_for_update().filter(pk=requester.pk).values_list("pk"))
    if MeetingRequest.objects.filter(
        Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester),
        status__in=OPEN_REQUESTS,
    ).exists():
        raise ValidationError(
            _("A request between {first} and {second} is already open.").format(
                first=requester.organisation, second=recipient.organisation
            )
        )
    caps = _event_caps(event)
    cap = caps.get(requester.kind, (None, None))[1]
    if cap is not None:
        sent = MeetingRequest.objects.filter(requester=requester, status__in=OPEN_REQUESTS).count()
        if sent >= cap:
            raise ValidationError(
                _("{organisation} has already sent the most requests allowed ({count}).").format(
                    organisation=requester.organisation, count=cap
                )
            )
    _check_meeting_room(requester, recipient, caps=caps)
    request = MeetingRequest.objects.create(
        event=event,
        requester=requester,
        recipient=recipient,
        message=(message or "").strip(),
        priority=priority,
        expires_at=at + datetime.timedelta(hours=event.request_expiry_hours),
    )
    audit.record(actor, request, AuditAction.CREATE, after=audit.snapshot(request), source=source)
    return request


def answer_request(
    request: MeetingRequest, accept: bool, *, actor=None, source: str = "public", at: datetime.datetime | None = None
) -> MeetingRequest:
    """The recipient accepts (the meeting is created, to be scheduled) or declines a pending request.
    A request whose time is up becomes expired instead, and the answer is refused."""
    at = at or now()
    with transaction.atomic():
        overdue = list(
            MeetingRequest.objects.select_for_update().filter(
                pk=request.pk, status=RequestStatus.PENDING, expires_at__lte=at
            )
        )
        for item in overdue:
            _expire(item, at)
    if overdue:
        raise ValidationError(_("This request has expired and can no longer be answered."))
    return _answer(request, accept, actor=actor, source=source, at=at)


@transaction.atomic
def _answer(request: MeetingRequest, accept: bool, *, actor, source: str, at) -> MeetingRequest:
    request = (
        MeetingRequest.objects.select_for_update().select_related("requester", "recipient", "event").get(pk=request.pk)
    )
    if request.status != RequestStatus.PENDING:
        raise ValidationError(
            _("This request is no longer awaiting an answer: it is {status}.").format(
                status=RequestStatus(request.status).label.lower()
            )
        )
    before = audit.snapshot(request)
    if accept:
        _check_meeting_room(request.requester, request.recipient)
        request.status = RequestStatus.ACCEPTED
    else:
        request.status = RequestStatus.DECLINED
    request.answered_at = at
    request.save(update_fields=["status", "answered_at", "updated_at"])
    if accept:
        meeting = Meeting.objects.create(event=request.event, request=request, priority=request.priority)
        Meeting.participants.through.objects.bulk_create(
            Meeting.participants.through(meeting=meeting, participant_id=pk)
            for pk in (request.requester_id, request.recipient_id)
        )
        audit.record(actor, meeting, AuditAction.CREATE, after=audit.snapshot(meeting), source=source)
    audit.record(actor, request, AuditAction.UPDATE, before=before, after=audit.snapshot(request), source=source)
    return request


@transaction.atomic
def cancel_request(request: MeetingRequest, *, actor=None, source: str = "public", at=None) -> MeetingRequest:
    """Withdraw a pending or accepted request; an accepted one's meeting is cancelled and leaves the schedule."""
    at = at or now()
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if request.status not in OPEN_REQUESTS:
        raise ValidationError(_("Only a request that is awaiting an answer or accepted can be cancelled."))
    before = audit.snapshot(request)
    request.status = RequestStatus.CANCELLED
    request.answered_at = request.answered_at or at
    request.save(update_fields=["status", "answered_at", "updated_at"])
    meeting = Meeting.objects.filter(request=request, cancelled_at__isnull=True).first()
    if meeting:
        cancel_meeting(meeting, actor=actor, source=source, at=at)
    audit.record(actor, request, AuditAction.UPDATE, before=before, after=audit.snapshot(request), source=source)
    return request


def _expire(request: MeetingRequest, at) -> None:
    request.status = RequestStatus.EXPIRED
    request.save(update_fields=["status", "updated_at"])
    audit.record(
        None, request, AuditAction.UPDATE, before={"status": "pending"}, after={"status": "expired"}, source="system"
    )


@transaction.atomic
def expire_requests(at: datetime.datetime | None = None) -> int:
    """Every pending request whose time is up becomes expired; returns how many."""
    at = at or now()
    due = list(MeetingRequest.objects.select_for_update().filter(status=RequestStatus.PENDING, expires_at__lte=at))
    for request in due:
        _expire(request, at)
    return len(due)


# Meetings ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_meeting(event: Event, participants, *, priority: int = 1, actor=None, source="ui") -> Meeting:
    """A meeting set up by the desk, such as a delegation meeting several firms at one table."""
    _check_priority(priority)
    participants = list(participants)
    if len({p.pk for p in participants}) < 2:
        raise ValidationError(_("A meeting needs two or more different participants."))
    if any(p.event_id != event.pk for p in participants):
        raise ValidationError(_("Every participant must be registered for this event."))
    _check_meeting_room(*participants)
    meeting = Meeting.objects.create(event=event, priority=priority)
    meeting.participants.set(participants)
    audit.record(
        actor,
        meeting,
        AuditAction.CREATE,
        after={**audit.snapshot(meeting), "participants": sorted(p.pk for p in participants)},
        source=source,
    )
    return meeting


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, actor=None, source="ui", at=None) -> Meeting:
    before = audit.snapshot(meeting)
    meeting.cancelled_at = at or now()
    meeting.slot = meeting.table = None
    meeting.pinned = False
    meeting.save(update_fields=["cancelled_at", "slot", "table", "pinned", "updated_at"])
    audit.record(actor, meeting, AuditAction.UPDATE, before=before, after=audit.snapshot(meeting), source=source)
    return meeting


@transaction.atomic
def set_pinned(meeting: Meeting, pinned: bool, *, actor=None, source="ui") -> Meeting:
    """A pinned meeting keeps its slot and table when the event is rescheduled."""
    if pinned and (meeting.slot_id is None or meeting.table_id is None):
        raise ValidationError(_("Only a scheduled meeting can be pinned."))
    before = audit.snapshot(meeting)
    meeting.pinned = pinned
    meeting.save(update_fields=["pinned", "updated_at"])
    audit.record(actor, meeting, AuditAction.UPDATE, before=before, after=audit.snapshot(meeting), source=source)
    return meeting


@transaction.atomic
def record_outcome(
    meeting: Meeting,
    outcome: str,
    *,
    notes: str = "",
    follow_up_due: datetime.date | None = None,
    actor=None,
    source="ui",
) -> Meeting:
    """The outcome of a meeting. “Follow-up wanted” keeps a follow-up and hands it to the CRM
    (a lead for a meeting with an investor, and a task) when the CRM offers it."""
    if outcome not in MeetingOutcome.values:
        raise ValidationError({"outcome": _("Choose an outcome: held, no-show or follow-up wanted.")})
    if meeting.cancelled_at:
        raise ValidationError(_("This meeting was cancelled."))
    before = audit.snapshot(meeting)
    meeting.outcome = outcome
    meeting.outcome_notes = (notes or "").strip()
    meeting.save(update_fields=["outcome", "outcome_notes", "updated_at"])
    audit.record(actor, meeting, AuditAction.UPDATE, before=before, after=audit.snapshot(meeting), source=source)
    if outcome == MeetingOutcome.FOLLOW_UP and not meeting.follow_ups.exists():
        _create_follow_up(meeting, notes=meeting.outcome_notes, due=follow_up_due, actor=actor)
    return meeting


def _crm_services():
    try:
        from japandesk.crm import services as crm_services
    except ImportError:  # pragma: no cover - the CRM is an optional part of the product
        return None
    return crm_services


def _create_follow_up(meeting: Meeting, *, notes: str, due, actor) -> FollowUp:
    due = due or (timezone.localdate() + datetime.timedelta(days=7))
    participants = list(meeting.participants.all())
    names = " · ".join(p.organisation for p in participants)
    title = _("Follow up the meeting {names} at {event}").format(names=names, event=meeting.event.name)[:200]
    follow_up = FollowUp.objects.create(
        meeting=meeting, notes=notes, due_date=due, created_by=actor if getattr(actor, "pk", None) else None
    )
    crm = _crm_services()
    staff = actor if getattr(actor, "pk", None) else None
    investor = next((p for p in participants if p.kind == ParticipantKind.INVESTOR), None)
    if crm is not None:
        try:
            _hand_to_crm(crm, follow_up, staff, title=title, notes=notes, due=due, investor=investor)
        except ValidationError:
            # The CRM refused (say, an origin it does not know): the follow-up stays here, nothing is lost.
            follow_up.crm_kind, follow_up.crm_id, follow_up.crm_url = "", "", ""
    follow_up.save()
    audit.record(actor, follow_up, AuditAction.CREATE, after=audit.snapshot(follow_up), source="events")
    return follow_up


def _hand_to_crm(crm, follow_up: FollowUp, staff, *, title: str, notes: str, due, investor) -> None:
    """An investment lead for a meeting with an investor, and a follow-up task, in one savepoint."""
    with transaction.atomic():
        lead = None
        if investor is not None and hasattr(crm, "create_lead"):
            lead = crm.create_lead(
                staff,
                pipeline="investment",
                title=title,
                organisation_name=investor.organisation,
                country_code=investor.country_code,
                notes=notes,
                source="events",
            )
            follow_up.crm_kind, follow_up.crm_id, follow_up.crm_url = "lead", str(lead.pk), lead.get_absolute_url()
        if hasattr(crm, "create_task"):
            task = crm.create_task(
                staff, title=title, due_date=due, assignee=staff, lead=lead, notes=notes, source="events"
            )
            if lead is None:
                follow_up.crm_kind, follow_up.crm_id = "task", str(task.pk)
                follow_up.crm_url = task.get_absolute_url()


# Scheduling -------------------------------------------------------------------------------------------


def participant_id(pk) -> str:
    return f"p{pk}"


def meeting_id(pk) -> str:
    return f"m{pk}"


def export_instance(event: Event) -> dict:
    """The event's scheduling problem in the exchange format (shared/formats/b2b-schedule.md):
    its slots, tables, participants with their availability and caps, and the meetings to place."""
    slots = list(Slot.objects.filter(event=event).order_by("start"))
    tables = Table.objects.filter(event=event).count()
    caps = {c.kind: c.max_meetings for c in KindCap.objects.filter(event=event)}
    available: dict[int, list[str]] = defaultdict(list)
    codes = {slot.pk: slot.code for slot in slots}
    through = Participant.available.through.objects.filter(participant__event=event).order_by("slot__start")
    for participant_pk, slot_pk in through.values_list("participant_id", "slot_id"):
        available[participant_pk].append(codes[slot_pk])
    participants = []
    for p in Participant.objects.filter(event=event).order_by("pk"):
        row = {"id": participant_id(p.pk), "name": p.organisation, "kind": p.kind}
        if p.pk in available:
            row["available"] = available[p.pk]
        limits = [c for c in (p.max_meetings, caps.get(p.kind)) if c is not None]
        if limits:
            row["max_meetings"] = min(limits)
        participants.append(row)
    members: dict[int, list[str]] = defaultdict(list)
    meetings_qs = Meeting.objects.filter(event=event, cancelled_at__isnull=True).order_by("pk")
    for meeting_pk, participant_pk in (
        Meeting.participants.through.objects.filter(meeting__in=meetings_qs)
        .order_by("meeting_id", "participant_id")
        .values_list("meeting_id", "participant_id")
    ):
        members[meeting_pk].append(participant_id(participant_pk))
    document = {
        "event": event.name_en or event.name_vi,
        "tables": tables,
        "slots": [
            {
                "id": slot.code,
                "start": timezone.localtime(slot.start).isoformat(),
                "minutes": slot.minutes,
                "session": f"s{slot.session_id}",
            }
            for slot in slots
        ],
        "participants": participants,
        "meetings": [
            {"id": meeting_id(pk), "participants": members[pk], "priority": priority}
            for pk, priority in meetings_qs.values_list("pk", "priority")
        ],
    }
    per_slot = {slot.code: slot.tables for slot in slots if slot.tables is not None}
    if per_slot:
        document["tables_per_slot"] = per_slot
    return document


def stored_answer(event: Event) -> dict:
    """The schedule stored on the event as a previous answer: assignments and pinned meetings."""
    rows = Meeting.objects.filter(
        event=event, cancelled_at__isnull=True, slot__isnull=False, table__isnull=False
    ).values_list("pk", "slot__code", "table__number", "pinned")
    return {
        "assignments": [{"meeting": meeting_id(pk), "slot": code, "table": number} for pk, code, number, _p in rows],
        "pinned": [meeting_id(pk) for pk, _c, _n, pinned in rows if pinned],
    }


def _instance_key(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "event"}


def start_run(
    event: Event, *, kind: str = RunKind.SOLVE, time_limit: float = 10.0, actor=None, background: bool = True
) -> ScheduleRun:
    """Snapshot the event's instance and hand it to the scheduler task (run in-process in the
    embedded mode, by a worker in production); `background=False` solves it here and now."""
    from japandesk.events.scheduling.instance import InstanceError, parse_instance
    from japandesk.events.tasks import run_scheduler

    if kind not in (RunKind.SOLVE, RunKind.RESCHEDULE):
        raise ValidationError(_("Unknown kind of scheduler run."))
    if not (0 < time_limit <= 600):
        raise ValidationError({"time_limit": _("The time limit is from 1 to 600 seconds.")})
    if kind == RunKind.SOLVE and Meeting.objects.filter(event=event, pinned=True, cancelled_at__isnull=True).exists():
        raise ValidationError(
            _("Some meetings are pinned: reschedule to keep them in place, or unpin them to schedule from scratch.")
        )
    document = export_instance(event)
    try:
        parse_instance(document)
    except InstanceError as error:
        raise ValidationError(str(error)) from None
    if not document["slots"]:
        raise ValidationError(_("The event has no slots yet."))
    run = ScheduleRun.objects.create(
        event=event,
        kind=kind,
        created_by=actor if getattr(actor, "pk", None) else None,
        time_limit=time_limit,
        instance=document,
        meetings=len(document["meetings"]),
    )
    previous = stored_answer(event) if kind == RunKind.RESCHEDULE else None
    if previous is not None:
        run.answer = {"previous": previous}
        run.save(update_fields=["answer"])
    if background:
        run_scheduler.enqueue(run.pk)
    else:
        execute_run(run.pk)
    run.refresh_from_db()
    return run


def execute_run(run_id: int) -> ScheduleRun:
    """Solve a queued run with the engine and store its answer on the event."""
    from japandesk.events.scheduling.instance import InstanceError, answer_to_dict, parse_answer, parse_instance
    from japandesk.events.scheduling.reschedule import reschedule
    from japandesk.events.scheduling.solver import solve

    run = ScheduleRun.objects.select_related("event").get(pk=run_id)
    if run.status != RunStatus.QUEUED:
        return run
    try:
        instance = parse_instance(run.instance)
        workers = getattr(settings, "JAPANDESK_SCHEDULER_WORKERS", None)
        if run.kind == RunKind.RESCHEDULE:
            previous = parse_answer((run.answer or {}).get("previous", {}))
            answer = reschedule(instance, previous, time_limit=run.time_limit, workers=workers)
        else:
            answer = solve(instance, time_limit=run.time_limit, workers=workers)
        document = answer_to_dict(instance, answer)
        apply_answer(run.event, document, run=run, expected_instance=run.instance, actor=run.created_by)
    except (InstanceError, ValidationError) as error:
        message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        ScheduleRun.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error=message[:4000])
    run.refresh_from_db()
    return run


def unscheduled_reason(instance, m: int, slot_of: dict[int, int], counts: dict[int, int]) -> str:
    """Why a meeting is left out, in words: nobody's shared slot, a cap reached, or every shared slot taken."""
    if not instance.feasible_slots[m]:
        return _("No slot in which every participant is available (and a table exists).")
    for p in instance.meetings[m].participants:
        cap = instance.participants[p].max_meetings
        if cap is not None and counts.get(p, 0) >= cap:
            return _("{name} has reached the most meetings allowed ({count}).").format(
                name=instance.participants[p].name, count=cap
            )
    return _(
        "Every slot that suits all participants is taken: one of them meets someone else then, or every table is busy."
    )


@transaction.atomic
def apply_answer(
    event: Event,
    document: dict,
    *,
    run: ScheduleRun | None = None,
    expected_instance: dict | None = None,
    actor=None,
    source="ui",
) -> ScheduleRun:
    """Store an answer on the event's meetings after checking it against the format's five
    validity rules (and, for a run, that the event did not change while it was solved)."""
    from japandesk.events.scheduling.greedy import trivial_bound
    from japandesk.events.scheduling.instance import parse_instance
    from japandesk.events.scheduling.validate import evaluate, objective_problems, problems

    event = Event.objects.select_for_update().get(pk=event.pk)
    current = export_instance(event)
    if expected_instance is not None and _instance_key(current) != _instance_key(expected_instance):
        raise ValidationError(_("The event changed while the scheduler was running: run it again."))
    instance = parse_instance(current)
    found = problems(instance, document)
    if not found and run is not None:
        # The engine's own figures must match its assignments before they are shown as proven.
        found = objective_problems(instance, document)
    if found:
        raise ValidationError(found)
    pinned = set(
        Meeting.objects.filter(event=event, pinned=True, cancelled_at__isnull=True).values_list(
            "slot__code", "table__number", "pk"
        )
    )
    slots = {slot.code: slot for slot in Slot.objects.filter(event=event)}
    tables = {table.number: table for table in Table.objects.filter(event=event)}
    meetings = {meeting_id(m.pk): m for m in Meeting.objects.filter(event=event, cancelled_at__isnull=True)}
    placed = {row["meeting"]: (row["slot"], row["table"]) for row in document["assignments"]}
    for code, number, pk in pinned:
        if code is None:
            continue
        if placed.get(meeting_id(pk)) != (code, number):
            raise ValidationError(
                _("Pinned meeting {id} must stay in slot {slot} at table {table}.").format(
                    id=meeting_id(pk), slot=code, table=number
                )
            )
    slot_of = {instance.meeting_index[mid]: instance.slot_index[slot] for mid, (slot, _t) in placed.items()}
    counts: dict[int, int] = defaultdict(int)
    for m in slot_of:
        for p in instance.meetings[m].participants:
            counts[p] += 1
    moves = 0
    changed = []
    for mid, meeting in meetings.items():
        if mid in placed:
            code, number = placed[mid]
            slot, table, reason = slots[code], tables[number], ""
        else:
            slot = table = None
            reason = unscheduled_reason(instance, instance.meeting_index[mid], slot_of, counts)
        if meeting.slot_id is not None and (slot is None or meeting.slot_id != slot.pk):
            moves += 1
        if (meeting.slot_id, meeting.table_id, meeting.unscheduled_reason) != (
            getattr(slot, "pk", None),
            getattr(table, "pk", None),
            reason,
        ):
            meeting.slot, meeting.table, meeting.unscheduled_reason = slot, table, reason
            changed.append(meeting)
    Meeting.objects.bulk_update(changed, ["slot", "table", "unscheduled_reason"])
    scheduled, priority, gaps = evaluate(instance, slot_of)
    if run is None:
        run = ScheduleRun(
            event=event, kind=RunKind.IMPORT, created_by=actor if getattr(actor, "pk", None) else None, instance=current
        )
    previous = (run.answer or {}).get("previous") if run.pk else None
    answer = dict(document)
    if previous is not None:
        answer["previous"] = previous
    run.answer = answer
    run.status = RunStatus.DONE
    run.meetings = len(instance.meetings)
    run.scheduled, run.priority, run.idle_gaps = scheduled, priority, gaps
    if run.kind == RunKind.IMPORT:
        # An answer from elsewhere proves nothing here: the bound is the one anyone can check (every
        # meeting that has a possible slot), and it is optimal only when it reaches that bound gap-free.
        run.bound = trivial_bound(instance)
        run.optimal = priority == run.bound and gaps == 0
    else:
        run.bound = document["bound"]["priority"]
        run.optimal = bool(document["optimal"])
    seconds = document.get("seconds")
    run.seconds = float(seconds) if isinstance(seconds, int | float) else 0
    run.moves = moves
    run.error = ""
    run.save()
    audit.record(
        actor,
        event,
        AuditAction.UPDATE,
        before=None,
        after={"schedule": run.kind, "scheduled": scheduled, "priority": priority, "idle_gaps": gaps, "moves": moves},
        source=source,
    )
    return run


def participant_gaps(event: Event) -> list[tuple[Participant, int]]:
    """Idle gaps of each participant in the stored schedule (slots between its first and last
    meeting of a session without a meeting), most first."""
    busy: dict[tuple[int, int], set[int]] = defaultdict(set)
    order = {
        pk: i for i, pk in enumerate(Slot.objects.filter(event=event).order_by("start").values_list("pk", flat=True))
    }
    rows = Meeting.participants.through.objects.filter(
        meeting__event=event, meeting__cancelled_at__isnull=True, meeting__slot__isnull=False
    ).values_list("participant_id", "meeting__slot_id", "meeting__slot__session_id")
    for participant_pk, slot_pk, session_pk in rows:
        busy[participant_pk, session_pk].add(order[slot_pk])
    gaps: dict[int, int] = defaultdict(int)
    for (participant_pk, _session), positions in busy.items():
        gaps[participant_pk] += max(positions) - min(positions) + 1 - len(positions)
    wanted = {pk: n for pk, n in gaps.items() if n}
    people = Participant.objects.in_bulk(list(wanted))
    return sorted(((people[pk], n) for pk, n in wanted.items()), key=lambda item: (-item[1], item[0].organisation))


# Reminders --------------------------------------------------------------------------------------------


def site_url() -> str:
    return getattr(settings, "JAPANDESK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def send_reminders(at: datetime.datetime | None = None) -> dict[str, int]:
    """Expire overdue requests, remind recipients of requests that expire within a day, and send
    every participant with meetings tomorrow their agenda. Each reminder goes once."""
    from japandesk.events import mail

    at = at or now()
    expired = expire_requests(at)
    soon = MeetingRequest.objects.filter(
        status=RequestStatus.PENDING,
        reminded_at__isnull=True,
        expires_at__gt=at,
        expires_at__lte=at + datetime.timedelta(hours=24),
    ).select_related("recipient", "requester", "event")
    expiring = 0
    for request in soon:
        mail.request_expiring(request)
        MeetingRequest.objects.filter(pk=request.pk).update(reminded_at=at)
        expiring += 1
    tomorrow = timezone.localtime(at).date() + datetime.timedelta(days=1)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=tz)
    end = start + datetime.timedelta(days=1)
    people = (
        Participant.objects.filter(
            meetings__cancelled_at__isnull=True, meetings__slot__start__gte=start, meetings__slot__start__lt=end
        )
        .exclude(agenda_reminded_on=tomorrow)
        .annotate(n=Count("meetings"))
        .select_related("event")
    )
    agendas = 0
    for participant in people:
        mail.agenda_tomorrow(participant, tomorrow)
        Participant.objects.filter(pk=participant.pk).update(agenda_reminded_on=tomorrow)
        agendas += 1
    return {"expired": expired, "expiring": expiring, "agendas": agendas}

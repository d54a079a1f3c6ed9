"""The B2B meeting-scheduling exchange format (docs: shared/formats/b2b-schedule.md).

`parse_instance` turns an instance document into an `Instance` whose slots, participants and
meetings are also reachable by position, which is what the solvers work with; it refuses a
document that breaks the format with an `InstanceError` naming the problem. `Answer` is a
schedule, `answer_to_dict` writes it exactly as the format documents, and `parse_answer` reads
a previous answer back (with its optional `pinned` list) for rescheduling.
"""

import datetime
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from django.utils.translation import gettext as _


class InstanceError(ValueError):
    """The document does not follow the exchange format; the message names the problem."""


@dataclass(frozen=True)
class Slot:
    id: str
    start: datetime.datetime
    minutes: int
    session: str


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    kind: str
    # Positions of the slots the participant can attend; None means every slot.
    available: frozenset[int] | None
    max_meetings: int | None


@dataclass(frozen=True)
class Meeting:
    id: str
    # Positions of the participants in Instance.participants.
    participants: tuple[int, ...]
    priority: int


@dataclass
class Instance:
    """One event's scheduling problem. Slots, participants and meetings keep the document's order."""

    event: str
    tables: int
    tables_per_slot: dict[str, int]
    slots: list[Slot]
    participants: list[Participant]
    meetings: list[Meeting]

    def __post_init__(self):
        self.slot_index = {slot.id: i for i, slot in enumerate(self.slots)}
        self.participant_index = {p.id: i for i, p in enumerate(self.participants)}
        self.meeting_index = {m.id: i for i, m in enumerate(self.meetings)}
        self.capacity = [self.tables_per_slot.get(slot.id, self.tables) for slot in self.slots]
        self.session_of: list[int] = []
        self.sessions: list[list[int]] = []
        names: dict[str, int] = {}
        for i, slot in enumerate(self.slots):
            if slot.session not in names:
                names[slot.session] = len(self.sessions)
                self.sessions.append([])
            self.sessions[names[slot.session]].append(i)
            self.session_of.append(names[slot.session])

    def is_available(self, participant: int, slot: int) -> bool:
        available = self.participants[participant].available
        return available is None or slot in available

    @cached_property
    def feasible_slots(self) -> list[tuple[int, ...]]:
        """For each meeting, the slots with at least one table where all its participants are available."""
        every = frozenset(i for i, capacity in enumerate(self.capacity) if capacity > 0)
        result = []
        for meeting in self.meetings:
            slots = every
            for p in meeting.participants:
                available = self.participants[p].available
                if available is not None:
                    slots = slots & available
            result.append(tuple(sorted(slots)))
        return result

    @cached_property
    def meetings_of(self) -> list[list[int]]:
        """For each participant, the positions of its meetings."""
        result: list[list[int]] = [[] for _ in self.participants]
        for m, meeting in enumerate(self.meetings):
            for p in meeting.participants:
                result[p].append(m)
        return result

    def cap(self, participant: int) -> int:
        """The most meetings a participant can hold: its max_meetings, and never more than its slots."""
        p = self.participants[participant]
        slots = len(self.slots) if p.available is None else len(p.available)
        return slots if p.max_meetings is None else min(p.max_meetings, slots)


@dataclass
class Answer:
    """A schedule: the slot and table of each scheduled meeting, by meeting position."""

    placement: dict[int, tuple[int, int]]  # meeting -> (slot, table)
    scheduled: int
    priority: int
    idle_gaps: int
    bound: int
    optimal: bool
    seconds: float


@dataclass
class PreviousAnswer:
    """An earlier answer read back for rescheduling: meeting id -> (slot id, table), and the pinned ids."""

    assignments: dict[str, tuple[str, int]] = field(default_factory=dict)
    pinned: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Reading


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InstanceError(_("{what} must be a non-empty string.").format(what=what))
    return value


def _list(value, what: str) -> list:
    if not isinstance(value, list):
        raise InstanceError(_("{what} must be a list.").format(what=what))
    return value


def _object(value, what: str) -> dict:
    if not isinstance(value, dict):
        raise InstanceError(_("{what} must be an object.").format(what=what))
    return value


def _parse_slots(items) -> list[Slot]:
    slots: list[Slot] = []
    seen: set[str] = set()
    closed_sessions: set[str] = set()
    for n, item in enumerate(_list(items, "slots"), start=1):
        item = _object(item, _("Slot {n}").format(n=n))
        slot_id = _text(item.get("id"), _("The id of slot {n}").format(n=n))
        if slot_id in seen:
            raise InstanceError(_("Slot id “{id}” is used twice.").format(id=slot_id))
        seen.add(slot_id)
        start_text = _text(item.get("start"), _("The start of slot “{id}”").format(id=slot_id))
        try:
            start = datetime.datetime.fromisoformat(start_text)
        except ValueError:
            raise InstanceError(
                _("Slot “{id}” starts at “{start}”, which is not an ISO 8601 date and time.").format(
                    id=slot_id, start=start_text
                )
            ) from None
        minutes = item.get("minutes")
        if not _is_int(minutes) or minutes <= 0:
            raise InstanceError(_("Slot “{id}” must last a positive whole number of minutes.").format(id=slot_id))
        session = _text(item.get("session"), _("The session of slot “{id}”").format(id=slot_id))
        if slots:
            previous = slots[-1]
            if (previous.start.tzinfo is None) != (start.tzinfo is None):
                raise InstanceError(_("Slot “{id}” mixes a start with a time zone and one without.").format(id=slot_id))
            if start <= previous.start:
                raise InstanceError(
                    _("Slots must be listed in time order: “{id}” starts no later than “{previous}”.").format(
                        id=slot_id, previous=previous.id
                    )
                )
            if session != previous.session:
                closed_sessions.add(previous.session)
        if session in closed_sessions:
            raise InstanceError(
                _("Slot “{id}” belongs to session “{session}”, whose slots must follow one another.").format(
                    id=slot_id, session=session
                )
            )
        slots.append(Slot(slot_id, start, minutes, session))
    if not slots:
        raise InstanceError(_("The instance has no slots."))
    return slots


def _parse_tables(data: dict, slot_index: dict[str, int]) -> tuple[int, dict[str, int]]:
    tables = data.get("tables")
    if not _is_int(tables) or tables < 0:
        raise InstanceError(_("“tables” must be a whole number, zero or more."))
    per_slot: dict[str, int] = {}
    raw = data.get("tables_per_slot")
    if raw is not None:
        for slot_id, count in _object(raw, "tables_per_slot").items():
            if slot_id not in slot_index:
                raise InstanceError(_("“tables_per_slot” names an unknown slot “{id}”.").format(id=slot_id))
            if not _is_int(count) or count < 0:
                raise InstanceError(
                    _("“tables_per_slot” for slot “{id}” must be a whole number, zero or more.").format(id=slot_id)
                )
            per_slot[slot_id] = count
    return tables, per_slot


def _parse_participants(items, slot_index: dict[str, int]) -> list[Participant]:
    participants: list[Participant] = []
    seen: set[str] = set()
    for n, item in enumerate(_list(items, "participants"), start=1):
        item = _object(item, _("Participant {n}").format(n=n))
        pid = _text(item.get("id"), _("The id of participant {n}").format(n=n))
        if pid in seen:
            raise InstanceError(_("Participant id “{id}” is used twice.").format(id=pid))
        seen.add(pid)
        name = item.get("name", "")
        kind = item.get("kind", "")
        if not isinstance(name, str) or not isinstance(kind, str):
            raise InstanceError(_("The name and kind of participant “{id}” must be strings.").format(id=pid))
        available = None
        if item.get("available") is not None:
            available_ids = _list(item["available"], _("The availability of participant “{id}”").format(id=pid))
            positions = set()
            for slot_id in available_ids:
                if slot_id not in slot_index:
                    raise InstanceError(
                        _("Participant “{id}” is available in an unknown slot “{slot}”.").format(id=pid, slot=slot_id)
                    )
                if slot_index[slot_id] in positions:
                    raise InstanceError(_("Participant “{id}” lists slot “{slot}” twice.").format(id=pid, slot=slot_id))
                positions.add(slot_index[slot_id])
            available = frozenset(positions)
        cap = item.get("max_meetings")
        if cap is not None and (not _is_int(cap) or cap < 0):
            raise InstanceError(
                _("“max_meetings” of participant “{id}” must be a whole number, zero or more.").format(id=pid)
            )
        participants.append(Participant(pid, name, kind, available, cap))
    return participants


def _parse_meetings(items, participant_index: dict[str, int]) -> list[Meeting]:
    meetings: list[Meeting] = []
    seen: set[str] = set()
    for n, item in enumerate(_list(items, "meetings"), start=1):
        item = _object(item, _("Meeting {n}").format(n=n))
        mid = _text(item.get("id"), _("The id of meeting {n}").format(n=n))
        if mid in seen:
            raise InstanceError(_("Meeting id “{id}” is used twice.").format(id=mid))
        seen.add(mid)
        members = _list(item.get("participants"), _("The participants of meeting “{id}”").format(id=mid))
        positions: list[int] = []
        for pid in members:
            if pid not in participant_index:
                raise InstanceError(
                    _("Meeting “{id}” names an unknown participant “{participant}”.").format(id=mid, participant=pid)
                )
            if participant_index[pid] in positions:
                raise InstanceError(
                    _("Meeting “{id}” names participant “{participant}” twice.").format(id=mid, participant=pid)
                )
            positions.append(participant_index[pid])
        if len(positions) < 2:
            raise InstanceError(_("Meeting “{id}” needs two or more participants.").format(id=mid))
        priority = item.get("priority", 1)
        if not _is_int(priority) or priority <= 0:
            raise InstanceError(_("The priority of meeting “{id}” must be a positive whole number.").format(id=mid))
        meetings.append(Meeting(mid, tuple(positions), priority))
    return meetings


def parse_instance(data) -> Instance:
    """Read an instance document (already decoded from JSON); raise InstanceError on any breach of the format."""
    data = _object(data, _("The instance"))
    event = data.get("event", "")
    if not isinstance(event, str):
        raise InstanceError(_("“event” must be a string."))
    slots = _parse_slots(data.get("slots"))
    slot_index = {slot.id: i for i, slot in enumerate(slots)}
    tables, per_slot = _parse_tables(data, slot_index)
    participants = _parse_participants(data.get("participants"), slot_index)
    meetings = _parse_meetings(
        data.get("meetings", []), {participant.id: i for i, participant in enumerate(participants)}
    )
    return Instance(event, tables, per_slot, slots, participants, meetings)


def read_json(path: str | Path, what: str):
    """Decode a JSON file; an unreadable file or broken JSON becomes an InstanceError."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as error:
        raise InstanceError(
            _("Cannot read the {what} file “{path}”: {error}").format(what=what, path=path, error=error.strerror)
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InstanceError(
            _("The {what} file “{path}” is not valid JSON: {error}").format(what=what, path=path, error=error)
        ) from None


def load_instance(path: str | Path) -> Instance:
    return parse_instance(read_json(path, _("instance")))


def parse_answer(data) -> PreviousAnswer:
    """Read a previous answer: its `assignments` and an optional `pinned` list of meeting ids.

    Only the shape is checked here; whether the meetings, slots and tables still exist is for
    the rescheduler to judge against the new instance.
    """
    data = _object(data, _("The previous answer"))
    previous = PreviousAnswer()
    for n, item in enumerate(_list(data.get("assignments", []), "assignments"), start=1):
        item = _object(item, _("Assignment {n}").format(n=n))
        meeting = _text(item.get("meeting"), _("The meeting of assignment {n}").format(n=n))
        slot = _text(item.get("slot"), _("The slot of assignment {n}").format(n=n))
        table = item.get("table")
        if not _is_int(table) or table < 1:
            raise InstanceError(
                _("The table of meeting “{id}” in the previous answer must be a whole number from 1.").format(
                    id=meeting
                )
            )
        if meeting in previous.assignments:
            raise InstanceError(_("Meeting “{id}” is assigned twice in the previous answer.").format(id=meeting))
        previous.assignments[meeting] = (slot, table)
    for meeting in _list(data.get("pinned", []), "pinned"):
        previous.pinned.append(_text(meeting, _("A pinned meeting id")))
    return previous


# ---------------------------------------------------------------------------------------------
# Writing


def answer_to_dict(instance: Instance, answer: Answer) -> dict:
    """The answer exactly as the format documents it; assignments in slot then table order."""
    rows = sorted(answer.placement.items(), key=lambda item: (item[1][0], item[1][1]))
    return {
        "assignments": [
            {"meeting": instance.meetings[m].id, "slot": instance.slots[s].id, "table": table} for m, (s, table) in rows
        ],
        "unscheduled": [meeting.id for m, meeting in enumerate(instance.meetings) if m not in answer.placement],
        "objective": {"scheduled": answer.scheduled, "priority": answer.priority, "idle_gaps": answer.idle_gaps},
        "bound": {"priority": answer.bound},
        "optimal": answer.optimal,
        "seconds": round(answer.seconds, 3),
    }

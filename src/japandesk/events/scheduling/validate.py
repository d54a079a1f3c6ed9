"""Checking an answer against the format's five validity rules, and computing its objective.

`problems(instance, answer)` takes an answer document as the format writes it and lists every
broken rule in words (an empty list: the schedule is valid). `idle_gaps` and `evaluate` compute
the quality of a schedule given as meeting position -> slot position.
"""

from collections import defaultdict
from collections.abc import Mapping

from django.utils.translation import gettext as _

from .instance import Instance


def idle_gaps(instance: Instance, slot_of: Mapping[int, int]) -> int:
    """For every participant and session: the empty slots between its first and last meeting of the session."""
    busy: dict[tuple[int, int], list[int]] = defaultdict(list)  # (participant, session) -> slots
    for m, s in slot_of.items():
        for p in instance.meetings[m].participants:
            busy[p, instance.session_of[s]].append(s)
    total = 0
    for slots in busy.values():
        # Slots of one session are consecutive positions, so the span counts the session's slots.
        total += max(slots) - min(slots) + 1 - len(set(slots))
    return total


def evaluate(instance: Instance, slot_of: Mapping[int, int]) -> tuple[int, int, int]:
    """(meetings scheduled, priority sum, idle gaps) of a schedule."""
    priority = sum(instance.meetings[m].priority for m in slot_of)
    return len(slot_of), priority, idle_gaps(instance, slot_of)


def problems(instance: Instance, answer: dict) -> list[str]:
    """Every breach of the five validity rules (and of the answer's shape) in an answer document."""
    found: list[str] = []
    if not isinstance(answer, dict):
        return [_("The answer must be an object.")]
    assignments = answer.get("assignments")
    unscheduled = answer.get("unscheduled")
    if not isinstance(assignments, list) or not isinstance(unscheduled, list):
        return [_("The answer needs the lists “assignments” and “unscheduled”.")]
    # Rule 1: every meeting once, in assignments or unscheduled.
    seen: dict[str, int] = defaultdict(int)
    slot_of: dict[int, int] = {}
    placed: list[tuple[int, int, int]] = []  # meeting, slot, table
    for row in assignments:
        if not isinstance(row, dict):
            found.append(_("An assignment is not an object."))
            continue
        mid, sid, table = row.get("meeting"), row.get("slot"), row.get("table")
        seen[mid] += 1
        if mid not in instance.meeting_index:
            found.append(_("The answer assigns an unknown meeting “{id}”.").format(id=mid))
            continue
        if sid not in instance.slot_index:
            found.append(_("Meeting “{id}” is assigned to an unknown slot “{slot}”.").format(id=mid, slot=sid))
            continue
        if not isinstance(table, int) or isinstance(table, bool):
            found.append(_("The table of meeting “{id}” is not a whole number.").format(id=mid))
            continue
        m, s = instance.meeting_index[mid], instance.slot_index[sid]
        slot_of[m] = s
        placed.append((m, s, table))
    for mid in unscheduled:
        seen[mid] += 1
        if mid not in instance.meeting_index:
            found.append(_("The answer leaves out an unknown meeting “{id}”.").format(id=mid))
    for mid, count in seen.items():
        if count > 1 and mid in instance.meeting_index:
            found.append(_("Meeting “{id}” appears {count} times.").format(id=mid, count=count))
    for meeting in instance.meetings:
        if meeting.id not in seen:
            found.append(_("Meeting “{id}” is neither assigned nor unscheduled.").format(id=meeting.id))
    # Rules 2 to 4.
    busy: dict[tuple[int, int], str] = {}
    tables: dict[tuple[int, int], str] = {}
    count: dict[int, int] = defaultdict(int)
    for m, s, table in placed:
        meeting, slot = instance.meetings[m], instance.slots[s]
        for p in meeting.participants:
            participant = instance.participants[p]
            if not instance.is_available(p, s):
                found.append(
                    _("Participant “{participant}” of meeting “{id}” is not available in slot “{slot}”.").format(
                        participant=participant.id, id=meeting.id, slot=slot.id
                    )
                )
            if (p, s) in busy:
                found.append(
                    _("Participant “{participant}” has meetings “{first}” and “{second}” in slot “{slot}”.").format(
                        participant=participant.id, first=busy[p, s], second=meeting.id, slot=slot.id
                    )
                )
            else:
                busy[p, s] = meeting.id
            count[p] += 1
        if not 1 <= table <= instance.capacity[s]:
            found.append(
                _("Meeting “{id}” sits at table {table}, but slot “{slot}” has tables 1 to {count}.").format(
                    id=meeting.id, table=table, slot=slot.id, count=instance.capacity[s]
                )
            )
        elif (s, table) in tables:
            found.append(
                _("Meetings “{first}” and “{second}” share table {table} in slot “{slot}”.").format(
                    first=tables[s, table], second=meeting.id, table=table, slot=slot.id
                )
            )
        else:
            tables[s, table] = meeting.id
    # Rule 5.
    for p, held in sorted(count.items()):
        cap = instance.participants[p].max_meetings
        if cap is not None and held > cap:
            found.append(
                _("Participant “{participant}” has {count} meetings, more than its {cap}.").format(
                    participant=instance.participants[p].id, count=held, cap=cap
                )
            )
    return found


def objective_problems(instance: Instance, answer: dict) -> list[str]:
    """Differences between the objective an answer reports and the one its assignments give."""
    slot_of = {
        instance.meeting_index[row["meeting"]]: instance.slot_index[row["slot"]] for row in answer["assignments"]
    }
    scheduled, priority, gaps = evaluate(instance, slot_of)
    expected = {"scheduled": scheduled, "priority": priority, "idle_gaps": gaps}
    found = [
        _("The answer reports {key} {reported}, but its assignments give {actual}.").format(
            key=key, reported=answer["objective"].get(key), actual=value
        )
        for key, value in expected.items()
        if answer["objective"].get(key) != value
    ]
    if answer["bound"]["priority"] < priority:
        found.append(_("The bound is below the priority the assignments reach."))
    if answer["optimal"] and answer["bound"]["priority"] != priority:
        found.append(_("An optimal answer must reach its bound."))
    return found

"""Rescheduling after late changes: meetings added or withdrawn, availability changed, tables lost.

Given the new instance and the previous answer, the new schedule is chosen in this order:
1. pinned meetings stay in their slot and at their table (a hard rule: a pin that the new
   instance makes impossible is refused with an error naming it);
2. the priority sum of the scheduled meetings is as high as the new situation allows;
3. as few meetings as possible are moved: a move is a meeting that the previous answer
   scheduled, that is still in the instance, and that is now in another slot or unscheduled;
4. as few idle gaps as possible.
Where a meeting stays in its slot it keeps its table too, unless that table no longer exists.

Pins come from the previous answer's optional `pinned` list of meeting ids (an addition to the
answer format that only the rescheduler reads) and from the caller, e.g. `--pin m0001,m0002`.
"""

from django.utils.translation import gettext as _

from .instance import Answer, Instance, InstanceError, PreviousAnswer
from .solver import DEFAULT_TIME_LIMIT, Engine


def resolve_pins(instance: Instance, previous: PreviousAnswer, pins: list[str]) -> dict[int, tuple[int, int]]:
    """Meeting -> (slot, table) for every pinned meeting, checked against the new instance."""
    pinned: dict[int, tuple[int, int]] = {}
    busy: dict[tuple[int, int], str] = {}
    tables: dict[tuple[int, int], str] = {}
    held: dict[int, int] = {}
    for mid in dict.fromkeys([*previous.pinned, *pins]):
        if mid not in instance.meeting_index:
            raise InstanceError(_("Pinned meeting “{id}” is not in the instance.").format(id=mid))
        if mid not in previous.assignments:
            raise InstanceError(_("Pinned meeting “{id}” has no slot in the previous answer.").format(id=mid))
        slot_id, table = previous.assignments[mid]
        if slot_id not in instance.slot_index:
            raise InstanceError(
                _("Pinned meeting “{id}” is in slot “{slot}”, which the instance no longer has.").format(
                    id=mid, slot=slot_id
                )
            )
        m, s = instance.meeting_index[mid], instance.slot_index[slot_id]
        if table > instance.capacity[s]:
            raise InstanceError(
                _("Pinned meeting “{id}” sits at table {table}, but slot “{slot}” now has {count} tables.").format(
                    id=mid, table=table, slot=slot_id, count=instance.capacity[s]
                )
            )
        if (s, table) in tables:
            raise InstanceError(
                _("Pinned meetings “{first}” and “{second}” share table {table} in slot “{slot}”.").format(
                    first=tables[s, table], second=mid, table=table, slot=slot_id
                )
            )
        tables[s, table] = mid
        for p in instance.meetings[m].participants:
            participant = instance.participants[p]
            if not instance.is_available(p, s):
                raise InstanceError(
                    _("Pinned meeting “{id}” cannot stay in slot “{slot}”: “{participant}” is not available.").format(
                        id=mid, slot=slot_id, participant=participant.id
                    )
                )
            if (p, s) in busy:
                raise InstanceError(
                    _("Pinned meetings “{first}” and “{second}” both need “{participant}” in slot “{slot}”.").format(
                        first=busy[p, s], second=mid, participant=participant.id, slot=slot_id
                    )
                )
            busy[p, s] = mid
            held[p] = held.get(p, 0) + 1
            if participant.max_meetings is not None and held[p] > participant.max_meetings:
                raise InstanceError(
                    _("The pinned meetings give “{participant}” more than its {cap} meetings.").format(
                        participant=participant.id, cap=participant.max_meetings
                    )
                )
        pinned[m] = (s, table)
    return pinned


def reschedule(
    instance: Instance,
    previous: PreviousAnswer,
    pins: list[str] | None = None,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT,
    workers: int | None = None,
    seed: int = 0,
    log=None,
) -> Answer:
    """A new schedule for `instance` that disturbs the previous answer as little as the order above allows."""
    pinned = resolve_pins(instance, previous, pins or [])
    slots: dict[int, int] = {}
    tables: dict[int, int] = {}
    for mid, (slot_id, table) in previous.assignments.items():
        if mid in instance.meeting_index and slot_id in instance.slot_index:
            m = instance.meeting_index[mid]
            slots[m] = instance.slot_index[slot_id]
            tables[m] = table
    # Keep the higher-priority meetings first when the old schedule no longer fits as a whole.
    order = sorted(slots, key=lambda m: (-instance.meetings[m].priority, m))
    engine = Engine(
        instance,
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        pinned=pinned,
        previous={m: slots[m] for m in order},
        previous_tables=tables,
        log=log,
    )
    return engine.run()

"""The first-come baseline: what a desk does by hand, and what the solver is measured against.

Meetings are taken in request order (the order of the instance) and each is placed in the
earliest slot where every participant is available and free, a table is free and no participant
has reached its `max_meetings`; a meeting with no such slot stays unscheduled.
"""

import time

from .instance import Answer, Instance
from .validate import evaluate


def number_tables(
    instance: Instance, slot_of: dict[int, int], keep: dict[int, int] | None = None
) -> dict[int, tuple[int, int]]:
    """Give each scheduled meeting a table 1..n of its slot; `keep` (meeting -> table) is honoured where it fits.

    Tables are interchangeable, so any order works; meetings that keep a table are seated first
    (in the order of `keep`), the others take the lowest free numbers in meeting order.
    """
    keep = keep or {}
    taken: dict[int, set[int]] = {}
    placement: dict[int, tuple[int, int]] = {}
    for m, table in keep.items():  # in the caller's order: the first claim on a table wins
        s = slot_of.get(m)
        if s is not None and 1 <= table <= instance.capacity[s] and table not in taken.setdefault(s, set()):
            taken[s].add(table)
            placement[m] = (s, table)
    for m in sorted(slot_of):
        if m in placement:
            continue
        s = slot_of[m]
        used = taken.setdefault(s, set())
        table = next(t for t in range(1, instance.capacity[s] + 1) if t not in used)
        used.add(table)
        placement[m] = (s, table)
    return placement


def trivial_bound(instance: Instance) -> int:
    """The priority of every meeting that has a slot where all its participants can sit: a valid upper bound."""
    return sum(
        meeting.priority
        for meeting, slots in zip(instance.meetings, instance.feasible_slots, strict=True)
        if slots and all(instance.cap(p) > 0 for p in meeting.participants)
    )


def first_come(instance: Instance) -> Answer:
    started = time.perf_counter()
    used = [0] * len(instance.slots)
    busy = [set() for _ in instance.participants]
    held = [0] * len(instance.participants)
    caps = [instance.cap(p) for p in range(len(instance.participants))]
    slot_of: dict[int, int] = {}
    for m, meeting in enumerate(instance.meetings):
        if any(held[p] >= caps[p] for p in meeting.participants):
            continue
        for s in instance.feasible_slots[m]:
            if used[s] < instance.capacity[s] and all(s not in busy[p] for p in meeting.participants):
                slot_of[m] = s
                used[s] += 1
                for p in meeting.participants:
                    busy[p].add(s)
                    held[p] += 1
                break
    scheduled, priority, gaps = evaluate(instance, slot_of)
    bound = trivial_bound(instance)
    return Answer(
        placement=number_tables(instance, slot_of),
        scheduled=scheduled,
        priority=priority,
        idle_gaps=gaps,
        bound=bound,
        optimal=priority == bound and gaps == 0,
        seconds=time.perf_counter() - started,
    )

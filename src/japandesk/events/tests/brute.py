"""Independent references for the scheduler's tests: a random instance maker, a checker of the five
validity rules and an exhaustive optimiser, all working on the raw JSON documents and sharing no
code with the engine."""

import datetime
import itertools
import random


def random_instance(seed: int, *, max_meetings: int = 10, max_slots: int = 4, tables: int | None = None) -> dict:
    rng = random.Random(seed)
    slots = []
    start = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    for session in range(rng.randint(1, 3)):
        for _ in range(rng.randint(1, max_slots)):
            slots.append(
                {
                    "id": f"s{len(slots)}",
                    "start": (start + datetime.timedelta(minutes=20 * len(slots) + 120 * session)).isoformat(),
                    "minutes": 20,
                    "session": f"session-{session}",
                }
            )
    participants = []
    for i in range(rng.randint(3, 8)):
        participant = {"id": f"p{i}", "name": f"Firm {i}", "kind": rng.choice(["investor", "supplier", "agency"])}
        if rng.random() < 0.5:
            participant["available"] = [slot["id"] for slot in slots if rng.random() < 0.7]
        if rng.random() < 0.4:
            participant["max_meetings"] = rng.randint(0, 3)
        participants.append(participant)
    meetings = []
    for i in range(rng.randint(2, max_meetings)):
        size = 2 if rng.random() < 0.8 else 3
        members = rng.sample([p["id"] for p in participants], size)
        meeting = {"id": f"m{i}", "participants": members}
        if rng.random() < 0.8:
            meeting["priority"] = rng.randint(1, 5)
        meetings.append(meeting)
    document = {
        "event": f"Random {seed}",
        "tables": tables if tables is not None else rng.randint(1, 3),
        "slots": slots,
        "participants": participants,
        "meetings": meetings,
    }
    if rng.random() < 0.3:
        document["tables_per_slot"] = {rng.choice(slots)["id"]: rng.randint(0, 2)}
    return document


def _available(document: dict) -> dict[str, set[str]]:
    every = {slot["id"] for slot in document["slots"]}
    return {p["id"]: set(p["available"]) if "available" in p else every for p in document["participants"]}


def _tables(document: dict) -> dict[str, int]:
    per_slot = document.get("tables_per_slot", {})
    return {slot["id"]: per_slot.get(slot["id"], document["tables"]) for slot in document["slots"]}


def broken_rules(document: dict, answer: dict) -> list[int]:
    """The numbers of the validity rules (1 to 5) that the answer breaks."""
    broken = set()
    ids = [meeting["id"] for meeting in document["meetings"]]
    listed = [row["meeting"] for row in answer["assignments"]] + list(answer["unscheduled"])
    if sorted(listed) != sorted(ids):
        broken.add(1)
    members = {meeting["id"]: meeting["participants"] for meeting in document["meetings"]}
    available, tables = _available(document), _tables(document)
    caps = {p["id"]: p.get("max_meetings") for p in document["participants"]}
    seats, seen, held = set(), set(), {}
    for row in answer["assignments"]:
        for participant in members.get(row["meeting"], []):
            if row["slot"] not in available[participant]:
                broken.add(2)
            if (participant, row["slot"]) in seen:
                broken.add(3)
            seen.add((participant, row["slot"]))
            held[participant] = held.get(participant, 0) + 1
        if not 1 <= row["table"] <= tables.get(row["slot"], 0) or (row["slot"], row["table"]) in seats:
            broken.add(4)
        seats.add((row["slot"], row["table"]))
    for participant, count in held.items():
        if caps[participant] is not None and count > caps[participant]:
            broken.add(5)
    return sorted(broken)


def idle_gaps(document: dict, slot_of: dict[str, str]) -> int:
    """Idle gaps of a schedule given as meeting id -> slot id, counted slot by slot."""
    sessions: dict[str, list[str]] = {}
    for slot in document["slots"]:
        sessions.setdefault(slot["session"], []).append(slot["id"])
    members = {meeting["id"]: meeting["participants"] for meeting in document["meetings"]}
    total = 0
    for participant in (p["id"] for p in document["participants"]):
        busy = {slot for meeting, slot in slot_of.items() if participant in members[meeting]}
        for slots in sessions.values():
            flags = [slot in busy for slot in slots]
            if any(flags):
                first = flags.index(True)
                last = len(flags) - 1 - flags[::-1].index(True)
                total += sum(1 for flag in flags[first : last + 1] if not flag)
    return total


def best(document: dict, *, pinned: dict[str, str] | None = None, previous: dict[str, str] | None = None):
    """Exhaustive lexicographic optimum: (priority, moves, gaps) with priority highest, then moves and
    gaps lowest. Pinned meetings (id -> slot) stay; moves count previous meetings not in their slot."""
    pinned = pinned or {}
    previous = previous or {}
    slots = [slot["id"] for slot in document["slots"]]
    available, tables = _available(document), _tables(document)
    caps = {p["id"]: p.get("max_meetings") for p in document["participants"]}
    meetings = document["meetings"]
    choices = []
    for meeting in meetings:
        if meeting["id"] in pinned:
            choices.append([pinned[meeting["id"]]])
        else:
            fitting = [s for s in slots if all(s in available[p] for p in meeting["participants"])]
            choices.append([None, *fitting])
    found = None
    for combination in itertools.product(*choices):
        per_slot, seen, held, ok = {}, set(), {}, True
        for meeting, slot in zip(meetings, combination, strict=True):
            if slot is None:
                continue
            per_slot[slot] = per_slot.get(slot, 0) + 1
            for participant in meeting["participants"]:
                if (participant, slot) in seen:
                    ok = False
                seen.add((participant, slot))
                held[participant] = held.get(participant, 0) + 1
        if not ok or any(count > tables[slot] for slot, count in per_slot.items()):
            continue
        if any(caps[p] is not None and count > caps[p] for p, count in held.items()):
            continue
        slot_of = {m["id"]: s for m, s in zip(meetings, combination, strict=True) if s is not None}
        priority = sum(m.get("priority", 1) for m in meetings if m["id"] in slot_of)
        moves = sum(1 for m, s in previous.items() if slot_of.get(m) != s)
        key = (priority, -moves, -idle_gaps(document, slot_of))
        if found is None or key > found:
            found = key
    return found[0], -found[1], -found[2]

#!/usr/bin/env python
"""Deterministic generator of B2B meeting-scheduling instances (format: shared/formats/b2b-schedule.md).

The instances look like the desk's promotion conferences: two days, each with a morning and an
afternoon session of 20-minute slots; Japanese investors, Vietnamese suppliers, a few agencies and
press; some participants come for one day only, leave a session out or have a few slots taken by
other appointments; many investors and some suppliers cap their meetings; meetings are mostly
investor-supplier pairs, a few are delegation tables of three or four; popular investors get far
more requests than they can hold; priorities 1 to 5; and there are fewer tables than requests, so
that not everything fits.

    python bench/b2b_generate.py 2000 > b2b-2000.json
    python bench/b2b_generate.py 500 --seed 7 --out /tmp/b2b-500.json

The same size and seed always give the same document.
"""

import argparse
import datetime
import json
import math
import random
import sys

TZ = datetime.timezone(datetime.timedelta(hours=7))
# (session, day, first slot, number of 20-minute slots)
SESSIONS = [
    ("d1-am", datetime.date(2026, 3, 10), (9, 0), 8),
    ("d1-pm", datetime.date(2026, 3, 10), (13, 30), 8),
    ("d2-am", datetime.date(2026, 3, 11), (9, 0), 8),
    ("d2-pm", datetime.date(2026, 3, 11), (13, 30), 6),
]
MEETINGS_PER_PARTICIPANT = 4.5
TABLE_SHARE = 0.8  # tables for this share of the requests, spread over the slots
PRIORITIES = [1, 2, 3, 4, 5]
PRIORITY_WEIGHTS = [30, 25, 20, 15, 10]


def make_slots() -> list[dict]:
    slots = []
    for session, day, (hour, minute), count in SESSIONS:
        start = datetime.datetime.combine(day, datetime.time(hour, minute), TZ)
        for i in range(count):
            at = start + datetime.timedelta(minutes=20 * i)
            slots.append({"id": f"{session[:2]}-{at:%H%M}", "start": at.isoformat(), "minutes": 20, "session": session})
    return slots


def availability(rng: random.Random, slots: list[dict]) -> list[str] | None:
    """None (every slot) for most; otherwise one day only, one session left out, or a few holes."""
    roll = rng.random()
    ids = [slot["id"] for slot in slots]
    if roll < 0.55:
        return None
    if roll < 0.70:
        day = rng.choice(["d1", "d2"])
        return [slot["id"] for slot in slots if slot["session"].startswith(day)]
    if roll < 0.85:
        away = rng.choice([session for session, *_ in SESSIONS])
        return [slot["id"] for slot in slots if slot["session"] != away]
    holes = set(rng.sample(ids, rng.randint(1, 4)))
    return [slot_id for slot_id in ids if slot_id not in holes]


def generate(participants: int, seed: int = 1) -> dict:
    rng = random.Random(f"b2b-{participants}-{seed}")
    slots = make_slots()
    people = []
    kinds = {"investor": [], "supplier": [], "agency": [], "press": []}
    for i in range(1, participants + 1):
        roll = rng.random()
        kind = "investor" if roll < 0.35 else "supplier" if roll < 0.85 else "agency" if roll < 0.95 else "press"
        person = {"id": f"p{i:04d}", "name": f"{kind.title()} {i:04d}", "kind": kind}
        available = availability(rng, slots)
        if available is not None:
            person["available"] = available
        if kind == "investor" and rng.random() < 0.7:
            person["max_meetings"] = rng.randint(6, 14)
        elif kind == "supplier" and rng.random() < 0.4:
            person["max_meetings"] = rng.randint(4, 10)
        elif kind == "press":
            person["max_meetings"] = 3
        people.append(person)
        kinds[kind].append(person["id"])
    # Popularity: a few investors are wanted by many suppliers; suppliers differ in how much they ask.
    investor_weight = [1 / (rank + 1) ** 0.8 for rank in range(len(kinds["investor"]))]
    supplier_weight = [rng.lognormvariate(0, 0.6) for _ in kinds["supplier"]]
    target = round(MEETINGS_PER_PARTICIPANT * participants)
    meetings, seen = [], set()
    attempts = 0
    while len(meetings) < target and attempts < 50 * target:
        attempts += 1
        investor = rng.choices(kinds["investor"], investor_weight)[0]
        roll = rng.random()
        if roll < 0.80:
            members = [investor, rng.choices(kinds["supplier"], supplier_weight)[0]]
        elif roll < 0.88:
            members = [investor, rng.choice(kinds["agency"])]
        elif roll < 0.90 and kinds["press"]:
            members = [investor, rng.choice(kinds["press"])]
        else:
            # A delegation table: an investor with an agency and one or two suppliers.
            members = [investor, rng.choice(kinds["agency"])]
            members += rng.sample(kinds["supplier"], rng.randint(1, 2))
        key = frozenset(members)
        if len(key) < len(members) or key in seen:
            continue
        seen.add(key)
        priority = rng.choices(PRIORITIES, PRIORITY_WEIGHTS)[0]
        if len(members) > 2:
            priority = min(5, priority + 1)
        meetings.append({"id": "", "participants": members, "priority": priority})
    width = max(4, len(str(len(meetings))))
    for n, meeting in enumerate(meetings, start=1):
        meeting["id"] = f"m{n:0{width}d}"
    tables = math.ceil(TABLE_SHARE * len(meetings) / len(slots))
    # The opening slot and the last slot of the event lose tables to the ceremony set-up.
    tables_per_slot = {slots[0]["id"]: tables // 2, slots[-1]["id"]: tables // 2}
    return {
        "event": f"Quang Ninh - Japan trade and investment connection seminar ({participants} participants)",
        "tables": tables,
        "tables_per_slot": tables_per_slot,
        "slots": slots,
        "participants": people,
        "meetings": meetings,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("participants", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", help="write here instead of standard output")
    args = parser.parse_args(argv)
    text = json.dumps(generate(args.participants, args.seed), ensure_ascii=False, indent=1)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()

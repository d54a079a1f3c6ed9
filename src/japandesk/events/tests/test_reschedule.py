import copy
import random

import pytest

from japandesk.events.scheduling import solver as solver_module
from japandesk.events.scheduling.instance import InstanceError, answer_to_dict, parse_answer, parse_instance
from japandesk.events.scheduling.reschedule import reschedule
from japandesk.events.scheduling.solver import solve

from . import brute
from .test_solver import check, small_enough

SLOTS = [
    {"id": f"s{i}", "start": f"2026-03-10T09:{20 * (i - 1):02d}:00+07:00", "minutes": 20, "session": "am"}
    for i in (1, 2, 3)
]
BEFORE = {
    "tables": 2,
    "slots": SLOTS,
    "participants": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
    "meetings": [
        {"id": "m1", "participants": ["a", "b"]},
        {"id": "m2", "participants": ["c", "d"]},
        {"id": "m3", "participants": ["a", "c"]},
        {"id": "m4", "participants": ["b", "d"]},
    ],
}
PREVIOUS = {
    "assignments": [
        {"meeting": "m1", "slot": "s1", "table": 1},
        {"meeting": "m2", "slot": "s1", "table": 2},
        {"meeting": "m3", "slot": "s2", "table": 1},
        {"meeting": "m4", "slot": "s3", "table": 1},
    ],
    "unscheduled": [],
    "pinned": ["m1"],
}


def late_changes() -> dict:
    """c cannot come at s2 any more, and a and d ask for a meeting that matters (priority 4)."""
    document = copy.deepcopy(BEFORE)
    document["participants"][2]["available"] = ["s1", "s3"]
    document["meetings"].append({"id": "m5", "participants": ["a", "d"], "priority": 4})
    return document


def test_rescheduling_keeps_the_pins_and_moves_only_what_it_must():
    # given the previous schedule with m1 pinned, and the late changes
    document = late_changes()
    instance = parse_instance(document)
    # when the event is rescheduled
    answer = answer_to_dict(instance, reschedule(instance, parse_answer(PREVIOUS), time_limit=10, workers=1))
    # then m1 stays at s1, table 1; m3 moves (c is away at s2) to the only slot left for it, s3, beside m4
    # which keeps its table; the new m5 takes s2; nothing else moves
    assert answer["assignments"] == [
        {"meeting": "m1", "slot": "s1", "table": 1},
        {"meeting": "m2", "slot": "s1", "table": 2},
        {"meeting": "m5", "slot": "s2", "table": 1},
        {"meeting": "m4", "slot": "s3", "table": 1},
        {"meeting": "m3", "slot": "s3", "table": 2},
    ]
    # b and c now wait at s2: moving m4 to s2 would save those gaps, but moves come before gaps
    assert answer["objective"] == {"scheduled": 5, "priority": 8, "idle_gaps": 2}
    assert answer["bound"] == {"priority": 8}
    assert answer["optimal"] is True
    check(document, answer)
    previous = {row["meeting"]: row["slot"] for row in PREVIOUS["assignments"]}
    assert brute.best(document, pinned={"m1": "s1"}, previous=previous) == (8, 1, 2)


def test_a_pin_given_on_the_command_line_counts_like_one_in_the_answer():
    document = late_changes()
    instance = parse_instance(document)
    previous = parse_answer({**PREVIOUS, "pinned": []})
    answer = answer_to_dict(instance, reschedule(instance, previous, ["m1", "m2"], time_limit=10, workers=1))
    assert answer["assignments"][:2] == [
        {"meeting": "m1", "slot": "s1", "table": 1},
        {"meeting": "m2", "slot": "s1", "table": 2},
    ]


@pytest.mark.parametrize(
    ("pins", "change", "message"),
    [
        (["m9"], None, "Pinned meeting “m9” is not in the instance."),
        (["m5"], None, "Pinned meeting “m5” has no slot in the previous answer."),
        (["m3"], None, "Pinned meeting “m3” cannot stay in slot “s2”: “c” is not available."),
        (
            ["m2"],
            {"tables_per_slot": {"s1": 1}},
            "Pinned meeting “m2” sits at table 2, but slot “s1” now has 1 tables.",
        ),
        (
            ["m1"],
            {"slots": SLOTS[1:]},
            "Pinned meeting “m1” is in slot “s1”, which the instance no longer has.",
        ),
    ],
)
def test_a_pin_that_the_changes_make_impossible_is_refused(pins, change, message):
    document = late_changes()
    if change and "slots" in change:
        for participant in document["participants"]:
            participant.pop("available", None)
    document.update(change or {})
    instance = parse_instance(document)
    with pytest.raises(InstanceError) as raised:
        reschedule(instance, parse_answer({**PREVIOUS, "pinned": []}), pins, time_limit=1, workers=1)
    assert str(raised.value) == message


def changed_instance(document: dict, rng: random.Random) -> dict:
    """Late changes: a meeting withdrawn, a new one, and a participant losing a slot."""
    document = copy.deepcopy(document)
    if len(document["meetings"]) > 2 and rng.random() < 0.5:
        document["meetings"].pop(rng.randrange(len(document["meetings"])))
    members = rng.sample([p["id"] for p in document["participants"]], 2)
    document["meetings"].append({"id": "new", "participants": members, "priority": rng.randint(1, 5)})
    participant = rng.choice(document["participants"])
    slots = participant.get("available", [slot["id"] for slot in document["slots"]])
    if slots:
        participant["available"] = [s for s in slots if s != rng.choice(slots)]
    return document


SEEDS = [
    seed
    for seed in range(300)
    if small_enough(changed_instance(brute.random_instance(seed, max_meetings=5), random.Random(seed)), 2000)
][:30]


@pytest.mark.parametrize("seed", SEEDS)
def test_rescheduling_matches_enumeration_on_tiny_instances(seed):
    # given a tiny event scheduled once, then changed, with some still-valid meetings pinned
    rng = random.Random(seed)
    before = brute.random_instance(seed, max_meetings=5)
    old = parse_instance(before)
    previous_answer = answer_to_dict(old, solve(old, time_limit=10, workers=1))
    after = changed_instance(before, rng)
    instance = parse_instance(after)
    available = {p["id"]: set(p.get("available", [s["id"] for s in after["slots"]])) for p in after["participants"]}
    members = {m["id"]: m["participants"] for m in after["meetings"]}
    still_valid = [
        row["meeting"]
        for row in previous_answer["assignments"]
        if row["meeting"] in members and all(row["slot"] in available[p] for p in members[row["meeting"]])
    ]
    pins = rng.sample(still_valid, min(len(still_valid), rng.randint(0, 2)))
    # when it is rescheduled
    answer = answer_to_dict(
        instance, reschedule(instance, parse_answer(previous_answer), pins, time_limit=10, workers=1)
    )
    # then the answer is valid, pins keep slot and table, and (priority, moves, gaps) is the enumerated optimum
    check(after, answer)
    placed = {row["meeting"]: (row["slot"], row["table"]) for row in answer["assignments"]}
    before_rows = {row["meeting"]: (row["slot"], row["table"]) for row in previous_answer["assignments"]}
    for pin in pins:
        assert placed[pin] == before_rows[pin]
    previous = {m: slot for m, (slot, _table) in before_rows.items() if m in members}
    moves = sum(1 for m, slot in previous.items() if placed.get(m, (None,))[0] != slot)
    expected = brute.best(after, pinned={pin: before_rows[pin][0] for pin in pins}, previous=previous)
    assert (answer["objective"]["priority"], moves, answer["objective"]["idle_gaps"]) == expected
    assert answer["optimal"] is True


@pytest.mark.parametrize("seed", range(8))
def test_rescheduling_by_decomposition_keeps_every_rule_and_the_pins(seed, monkeypatch):
    # given a larger random event, rescheduled the way large events are (relaxation, placement, search)
    monkeypatch.setattr(solver_module, "EXACT_PAIRS", 0)
    monkeypatch.setattr(solver_module, "FALLBACK_PAIRS", 0)
    rng = random.Random(seed)
    before = brute.random_instance(2000 + seed, max_meetings=40, max_slots=6, tables=4)
    old = parse_instance(before)
    previous_answer = answer_to_dict(old, solve(old, time_limit=0.3, workers=1, seed=seed))
    after = changed_instance(before, rng)
    instance = parse_instance(after)
    available = {p["id"]: set(p.get("available", [s["id"] for s in after["slots"]])) for p in after["participants"]}
    members = {m["id"]: m["participants"] for m in after["meetings"]}
    still_valid = [
        row
        for row in previous_answer["assignments"]
        if row["meeting"] in members and all(row["slot"] in available[p] for p in members[row["meeting"]])
    ]
    pins = [row["meeting"] for row in still_valid[::3]]
    # when it is rescheduled
    answer = answer_to_dict(
        instance, reschedule(instance, parse_answer(previous_answer), pins, time_limit=0.3, workers=1, seed=seed)
    )
    # then the answer is valid and every pin keeps its slot and table
    check(after, answer)
    placed = {row["meeting"]: row for row in answer["assignments"]}
    for row in still_valid[::3]:
        assert placed[row["meeting"]] == row

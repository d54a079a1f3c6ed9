import pytest

from japandesk.events.scheduling import solver as solver_module
from japandesk.events.scheduling.bound import Relaxation, gap_floor
from japandesk.events.scheduling.greedy import first_come
from japandesk.events.scheduling.instance import answer_to_dict, parse_instance
from japandesk.events.scheduling.solver import solve
from japandesk.events.scheduling.state import State
from japandesk.events.scheduling.validate import objective_problems, problems

from . import brute


def check(document: dict, answer_document: dict) -> None:
    """The answer keeps the five rules (by the engine's validator and by the independent one) and
    reports the objective its assignments give."""
    instance = parse_instance(document)
    assert problems(instance, answer_document) == []
    assert brute.broken_rules(document, answer_document) == []
    assert objective_problems(instance, answer_document) == []
    slot_of = {row["meeting"]: row["slot"] for row in answer_document["assignments"]}
    assert answer_document["objective"]["idle_gaps"] == brute.idle_gaps(document, slot_of)
    assert answer_document["bound"]["priority"] >= answer_document["objective"]["priority"]


def small_enough(document: dict, limit: int = 3000) -> bool:
    every = {slot["id"] for slot in document["slots"]}
    available = {p["id"]: set(p.get("available", every)) for p in document["participants"]}
    total = 1
    for meeting in document["meetings"]:
        total *= 1 + len(set.intersection(*(available[p] for p in meeting["participants"])))
    return total <= limit


@pytest.mark.parametrize("seed", range(60))
def test_every_answer_of_the_solver_and_the_baseline_is_valid(seed):
    # given a random small instance (availability holes, caps, tables, delegations)
    document = brute.random_instance(seed)
    instance = parse_instance(document)
    # when the solver and the first-come baseline schedule it
    for answer in (solve(instance, time_limit=10, workers=1), first_come(instance)):
        # then each answer is valid and reports its true objective
        check(document, answer_to_dict(instance, answer))


TINY_SEEDS = [seed for seed in range(400) if small_enough(brute.random_instance(seed, max_meetings=6))][:40]


@pytest.mark.parametrize("seed", TINY_SEEDS)
def test_the_solver_finds_the_optimum_that_enumeration_finds(seed):
    # given a tiny instance whose every schedule can be enumerated
    document = brute.random_instance(seed, max_meetings=6)
    priority, _moves, gaps = brute.best(document)
    instance = parse_instance(document)
    # when the solver schedules it
    answer = answer_to_dict(instance, solve(instance, time_limit=10, workers=1))
    # then it reaches the highest priority sum, with the fewest idle gaps for that sum, and proves it
    check(document, answer)
    assert (answer["objective"]["priority"], answer["objective"]["idle_gaps"]) == (priority, gaps)
    assert answer["bound"]["priority"] == priority
    assert answer["optimal"] is True


@pytest.mark.parametrize("seed", range(12))
def test_the_decomposition_for_large_instances_gives_valid_answers(seed, monkeypatch):
    # given random instances solved the way large instances are (relaxation, placement, local search)
    monkeypatch.setattr(solver_module, "EXACT_PAIRS", 0)
    document = brute.random_instance(1000 + seed, max_meetings=40, max_slots=6, tables=4)
    instance = parse_instance(document)
    answer = answer_to_dict(instance, solve(instance, time_limit=0.3, workers=1, seed=seed))
    # then the answers are valid and the bound holds
    check(document, answer)


def test_the_decomposition_reaches_the_optimum_of_a_small_instance(monkeypatch):
    # given a tiny instance solved the way large instances are
    monkeypatch.setattr(solver_module, "EXACT_PAIRS", 0)
    document = brute.random_instance(TINY_SEEDS[0], max_meetings=6)
    priority, _moves, _gaps = brute.best(document)
    instance = parse_instance(document)
    answer = answer_to_dict(instance, solve(instance, time_limit=1, workers=1))
    # then the linear relaxation's bound is valid and the priority optimum is reached
    check(document, answer)
    assert answer["objective"]["priority"] == priority


@pytest.mark.parametrize("seed", TINY_SEEDS)
def test_the_relaxation_bounds_the_priority_from_above_and_the_gaps_from_below(seed):
    # given a tiny instance and its enumerated optimum
    document = brute.random_instance(seed, max_meetings=6)
    priority, _moves, gaps = brute.best(document)
    instance = parse_instance(document)
    # when the linear relaxation bounds it
    relaxation = Relaxation(State(instance), list(range(len(instance.meetings))))
    bound, _plan = relaxation.plan()
    # then no schedule beats the bound, and at the bound no schedule has fewer gaps than the floor
    assert bound >= priority
    if bound == priority:
        assert gap_floor(relaxation, bound, range(len(instance.participants))) <= gaps


FORCED = {
    "tables": 2,
    "slots": [
        {"id": f"s{i}", "start": f"2026-03-10T09:{20 * (i - 1):02d}:00+07:00", "minutes": 20, "session": "am"}
        for i in (1, 2, 3)
    ],
    "participants": [{"id": "a", "available": ["s1", "s3"]}, {"id": "b"}, {"id": "c"}],
    "meetings": [
        {"id": "ab", "participants": ["a", "b"], "priority": 5},
        {"id": "ac", "participants": ["a", "c"], "priority": 5},
        {"id": "bc", "participants": ["b", "c"], "priority": 1},
    ],
}


def test_gaps_forced_by_a_hole_in_availability_are_proven_optimal(monkeypatch):
    # given a participant away at s2 who must hold both its meetings for the priority optimum
    monkeypatch.setattr(solver_module, "EXACT_PAIRS", 0)
    instance = parse_instance(FORCED)
    relaxation = Relaxation(State(instance), [0, 1, 2])
    assert relaxation.plan()[0] == 11
    # then the relaxation proves that it holds two meetings, so its gap at s2 is forced
    assert relaxation.fewest_meetings(0, 11) == 2
    assert gap_floor(relaxation, 11, [0, 1, 2]) == 1
    # and the decomposition stops at that gap with a proven optimum
    answer = answer_to_dict(instance, solve(instance, time_limit=5, workers=1))
    assert answer["objective"] == {"scheduled": 3, "priority": 11, "idle_gaps": 1}
    assert answer["optimal"] is True
    check(FORCED, answer)


TRIANGLE = {
    "tables": 3,
    "slots": [
        {"id": "s1", "start": "2026-03-10T09:00:00", "minutes": 20, "session": "am"},
        {"id": "s2", "start": "2026-03-10T09:20:00", "minutes": 20, "session": "am"},
    ],
    "participants": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "meetings": [
        {"id": "ab", "participants": ["a", "b"]},
        {"id": "bc", "participants": ["b", "c"]},
        {"id": "ca", "participants": ["c", "a"]},
    ],
}


def test_the_whole_model_proves_what_the_relaxation_cannot(monkeypatch):
    # given three firms who all want to meet each other in two slots: the relaxation by sessions lets all
    # three meetings through, but a triangle needs three slots
    monkeypatch.setattr(solver_module, "EXACT_PAIRS", 0)
    instance = parse_instance(TRIANGLE)
    assert Relaxation(State(instance), [0, 1, 2]).plan()[0] == 3
    # when the decomposition cannot prove its answer, the whole model takes over with the time left
    answer = answer_to_dict(instance, solve(instance, time_limit=5, workers=1))
    # then the bound comes down to the true optimum, two meetings
    assert answer["objective"] == {"scheduled": 2, "priority": 2, "idle_gaps": 0}
    assert answer["bound"] == {"priority": 2}
    assert answer["optimal"] is True
    check(TRIANGLE, answer)


FIRST_COME = {
    "tables": 2,
    "slots": [
        {"id": "s1", "start": "2026-03-10T09:00:00+07:00", "minutes": 20, "session": "am"},
        {"id": "s2", "start": "2026-03-10T09:20:00+07:00", "minutes": 20, "session": "am"},
    ],
    "participants": [
        {"id": "a", "max_meetings": 1},
        {"id": "b"},
        {"id": "c"},
        {"id": "d", "available": ["s1"]},
    ],
    "meetings": [
        {"id": "low", "participants": ["a", "b"], "priority": 1},
        {"id": "bc", "participants": ["b", "c"], "priority": 2},
        {"id": "high", "participants": ["a", "c"], "priority": 5},
        {"id": "cd", "participants": ["c", "d"], "priority": 3},
    ],
}


def test_the_baseline_places_meetings_first_come_in_the_first_free_slot():
    instance = parse_instance(FIRST_COME)
    answer = answer_to_dict(instance, first_come(instance))
    # low takes s1 and a's only meeting; bc finds b busy in s1 and takes s2; high finds a at its cap;
    # cd takes the second table of s1
    assert answer["assignments"] == [
        {"meeting": "low", "slot": "s1", "table": 1},
        {"meeting": "cd", "slot": "s1", "table": 2},
        {"meeting": "bc", "slot": "s2", "table": 1},
    ]
    assert answer["unscheduled"] == ["high"]
    assert answer["objective"] == {"scheduled": 3, "priority": 6, "idle_gaps": 0}


def test_the_solver_holds_the_meetings_that_matter_most():
    instance = parse_instance(FIRST_COME)
    answer = answer_to_dict(instance, solve(instance, time_limit=10, workers=1))
    # c can sit in two meetings at most: high (5) and cd (3, in s1 where d is available); a's one meeting is high
    assert answer["assignments"] == [
        {"meeting": "cd", "slot": "s1", "table": 1},
        {"meeting": "high", "slot": "s2", "table": 1},
    ]
    assert answer["unscheduled"] == ["low", "bc"]
    assert answer["objective"] == {"scheduled": 2, "priority": 8, "idle_gaps": 0}
    assert answer["bound"] == {"priority": 8}
    assert answer["optimal"] is True
    check(FIRST_COME, answer)


def test_a_meeting_nobody_can_attend_together_stays_unscheduled():
    document = {
        "tables": 1,
        "slots": [{"id": "s1", "start": "2026-03-10T09:00:00", "minutes": 20, "session": "am"}],
        "participants": [{"id": "a", "available": []}, {"id": "b"}, {"id": "c", "max_meetings": 0}],
        "meetings": [{"id": "m1", "participants": ["a", "b"]}, {"id": "m2", "participants": ["b", "c"]}],
    }
    instance = parse_instance(document)
    answer = answer_to_dict(instance, solve(instance, time_limit=5, workers=1))
    assert answer["unscheduled"] == ["m1", "m2"]
    assert answer["bound"] == {"priority": 0}
    assert answer["optimal"] is True

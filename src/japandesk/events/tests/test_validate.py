import pytest

from japandesk.events.scheduling.instance import parse_instance
from japandesk.events.scheduling.state import State, mask_gaps
from japandesk.events.scheduling.validate import evaluate, idle_gaps, objective_problems, problems


def day(sessions: dict[str, int], tables: int = 3, participants=None, meetings=None) -> dict:
    """An instance with the given sessions (name -> number of slots), slots named session-index."""
    slots, minute = [], 0
    for session, count in sessions.items():
        for i in range(count):
            hour, rest = divmod(9 * 60 + minute, 60)
            slots.append(
                {
                    "id": f"{session}{i}",
                    "start": f"2026-03-10T{hour:02d}:{rest:02d}:00",
                    "minutes": 20,
                    "session": session,
                }
            )
            minute += 20
        minute += 60
    return {
        "tables": tables,
        "slots": slots,
        "participants": participants or [{"id": f"p{i}"} for i in range(1, 5)],
        "meetings": meetings or [],
    }


def schedule(instance, pairs: dict[str, str]) -> dict[int, int]:
    return {instance.meeting_index[m]: instance.slot_index[s] for m, s in pairs.items()}


ROW = day(
    {"am": 6, "pm": 4},
    meetings=[{"id": f"m{i}", "participants": ["p1", f"p{2 + i % 3}"]} for i in range(1, 7)],
)


@pytest.mark.parametrize(
    ("pairs", "gaps"),
    [
        ({}, 0),
        # one meeting: nothing between first and last
        ({"m1": "am2"}, 0),
        # back to back
        ({"m1": "am0", "m2": "am1", "m3": "am2"}, 0),
        # p1 at am0 and am3: two empty slots between them (p3 and p4 have one meeting each)
        ({"m1": "am0", "m2": "am3"}, 2),
        # p1 at am0, am2, am5: one empty slot, then two; p2, p3 and p4 meet once
        ({"m1": "am0", "m2": "am2", "m3": "am5"}, 3),
        # the time between sessions is not idle: am5 then pm0
        ({"m1": "am5", "m2": "pm0"}, 0),
        # p1 waits in each session: am1 .. am3 and pm0 .. pm3; p3 (m1, m4) and p4 (m2, m5) meet once a session
        ({"m1": "am1", "m2": "am3", "m4": "pm0", "m5": "pm3"}, 1 + 2),
        # p1 at am0, am2 and am4 (2 gaps); p3 has m1 at am0 and m4 at am4 (3 gaps)
        ({"m1": "am0", "m2": "am2", "m4": "am4"}, 2 + 3),
    ],
)
def test_idle_gaps_count_the_empty_slots_between_first_and_last_meeting_per_session(pairs, gaps):
    instance = parse_instance(ROW)
    slot_of = schedule(instance, pairs)
    assert idle_gaps(instance, slot_of) == gaps
    # and the incremental bookkeeping of the solver agrees
    state = State(instance)
    for m, s in slot_of.items():
        state.place(m, s)
    assert state.gaps() == gaps


def test_a_delegation_counts_for_every_participant_at_the_table():
    # given a delegation of three and two pair meetings
    instance = parse_instance(
        day(
            {"am": 4},
            meetings=[
                {"id": "d", "participants": ["p1", "p2", "p3"], "priority": 2},
                {"id": "x", "participants": ["p1", "p4"]},
                {"id": "y", "participants": ["p2", "p4"]},
            ],
        )
    )
    # when the delegation sits at am0, x at am3 and y at am2
    slot_of = schedule(instance, {"d": "am0", "x": "am3", "y": "am2"})
    # then p1 waits am1 and am2, p2 waits am1, p4 has am2 and am3 back to back
    assert evaluate(instance, slot_of) == (3, 4, 3)


@pytest.mark.parametrize(("mask", "gaps"), [(0, 0), (0b1, 0), (0b111, 0), (0b101, 1), (0b1000001, 5), (0b10110, 1)])
def test_gaps_of_a_bit_mask(mask, gaps):
    assert mask_gaps(mask) == gaps


RULES = day(
    {"am": 2},
    tables=1,
    participants=[{"id": "p1", "available": ["am0"]}, {"id": "p2", "max_meetings": 1}, {"id": "p3"}],
    meetings=[
        {"id": "m1", "participants": ["p1", "p2"]},
        {"id": "m2", "participants": ["p2", "p3"]},
    ],
)


@pytest.mark.parametrize(
    ("assignments", "unscheduled", "expected"),
    [
        ([{"meeting": "m1", "slot": "am0", "table": 1}], ["m2"], []),
        # rule 1: a meeting missing, a meeting twice, an unknown meeting
        ([{"meeting": "m1", "slot": "am0", "table": 1}], [], ["Meeting “m2” is neither assigned nor unscheduled."]),
        (
            [{"meeting": "m1", "slot": "am0", "table": 1}],
            ["m1", "m2"],
            ["Meeting “m1” appears 2 times."],
        ),
        ([], ["m1", "m2", "m9"], ["The answer leaves out an unknown meeting “m9”."]),
        # rule 2: p1 is not available in am1
        (
            [{"meeting": "m1", "slot": "am1", "table": 1}],
            ["m2"],
            ["Participant “p1” of meeting “m1” is not available in slot “am1”."],
        ),
        # rules 3 and 5 (p2 twice in am0, and beyond its one meeting); rule 4 (table 1 twice)
        (
            [{"meeting": "m1", "slot": "am0", "table": 1}, {"meeting": "m2", "slot": "am0", "table": 1}],
            [],
            [
                "Participant “p2” has meetings “m1” and “m2” in slot “am0”.",
                "Meetings “m1” and “m2” share table 1 in slot “am0”.",
                "Participant “p2” has 2 meetings, more than its 1.",
            ],
        ),
        # rule 4: table beyond the slot's count
        (
            [{"meeting": "m2", "slot": "am1", "table": 2}],
            ["m1"],
            ["Meeting “m2” sits at table 2, but slot “am1” has tables 1 to 1."],
        ),
    ],
)
def test_the_validator_names_every_broken_rule(assignments, unscheduled, expected):
    instance = parse_instance(RULES)
    assert problems(instance, {"assignments": assignments, "unscheduled": unscheduled}) == expected


def test_a_reported_objective_is_checked_against_the_assignments():
    instance = parse_instance(RULES)
    answer = {
        "assignments": [{"meeting": "m1", "slot": "am0", "table": 1}],
        "unscheduled": ["m2"],
        "objective": {"scheduled": 1, "priority": 2, "idle_gaps": 0},
        "bound": {"priority": 1},
        "optimal": True,
        "seconds": 0.0,
    }
    assert objective_problems(instance, answer) == [
        "The answer reports priority 2, but its assignments give 1.",
    ]
    answer["objective"]["priority"] = 1
    answer["bound"]["priority"] = 2
    assert objective_problems(instance, answer) == ["An optimal answer must reach its bound."]

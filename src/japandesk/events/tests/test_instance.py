import copy
import json

import pytest

from japandesk.events.scheduling.instance import (
    Answer,
    InstanceError,
    answer_to_dict,
    load_instance,
    parse_answer,
    parse_instance,
)

BASE = {
    "event": "Seminar",
    "tables": 2,
    "slots": [
        {"id": "a1", "start": "2026-03-10T09:00:00+07:00", "minutes": 20, "session": "am"},
        {"id": "a2", "start": "2026-03-10T09:20:00+07:00", "minutes": 20, "session": "am"},
        {"id": "b1", "start": "2026-03-10T13:30:00+07:00", "minutes": 20, "session": "pm"},
    ],
    "participants": [
        {"id": "p1", "name": "Example Precision", "kind": "investor", "available": ["a1", "b1"], "max_meetings": 2},
        {"id": "p2", "name": "Vi du", "kind": "supplier"},
        {"id": "p3", "name": "Agency", "kind": "agency"},
    ],
    "meetings": [
        {"id": "m1", "participants": ["p1", "p2"], "priority": 3},
        {"id": "m2", "participants": ["p2", "p3"]},
    ],
}


def changed(path, value):
    document = copy.deepcopy(BASE)
    target = document
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


def test_a_valid_instance_is_read_with_its_defaults():
    # when the documented example shape is read
    instance = parse_instance(BASE)
    # then ids map to positions, availability to slot positions, and missing fields take their defaults
    assert [slot.id for slot in instance.slots] == ["a1", "a2", "b1"]
    assert instance.sessions == [[0, 1], [2]]
    assert instance.capacity == [2, 2, 2]
    assert instance.participants[0].available == frozenset({0, 2})
    assert instance.participants[1].available is None
    assert instance.participants[1].max_meetings is None
    assert [meeting.priority for meeting in instance.meetings] == [3, 1]
    assert instance.meetings[1].participants == (1, 2)
    assert instance.feasible_slots == [(0, 2), (0, 1, 2)]
    assert instance.cap(0) == 2
    assert instance.cap(1) == 3


def test_tables_per_slot_overrides_the_table_count():
    instance = parse_instance(changed(["tables_per_slot"], {"a2": 0, "b1": 5}))
    assert instance.capacity == [2, 0, 5]
    # a slot without tables is no slot for any meeting
    assert instance.feasible_slots == [(0, 2), (0, 2)]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["tables"], -1, "“tables” must be a whole number, zero or more."),
        (["tables"], KeyError, "“tables” must be a whole number, zero or more."),
        (["slots"], [], "The instance has no slots."),
        (["slots", 1, "id"], "a1", "Slot id “a1” is used twice."),
        (["slots", 1, "start"], "2026-03-10T08:00:00+07:00", "Slots must be listed in time order"),
        (["slots", 1, "start"], "tomorrow", "which is not an ISO 8601 date and time"),
        (["slots", 1, "minutes"], 0, "Slot “a2” must last a positive whole number of minutes."),
        (["tables_per_slot"], {"zz": 1}, "“tables_per_slot” names an unknown slot “zz”."),
        (["participants", 1, "id"], "p1", "Participant id “p1” is used twice."),
        (["participants", 0, "available"], ["a1", "x9"], "Participant “p1” is available in an unknown slot “x9”."),
        (["participants", 0, "available"], ["a1", "a1"], "Participant “p1” lists slot “a1” twice."),
        (["participants", 0, "max_meetings"], -2, "“max_meetings” of participant “p1” must be a whole number"),
        (["participants", 0, "max_meetings"], 1.5, "“max_meetings” of participant “p1” must be a whole number"),
        (["meetings", 1, "id"], "m1", "Meeting id “m1” is used twice."),
        (["meetings", 0, "participants"], ["p1", "p9"], "Meeting “m1” names an unknown participant “p9”."),
        (["meetings", 0, "participants"], ["p1"], "Meeting “m1” needs two or more participants."),
        (["meetings", 0, "participants"], ["p1", "p1"], "Meeting “m1” names participant “p1” twice."),
        (["meetings", 0, "priority"], 0, "The priority of meeting “m1” must be a positive whole number."),
        (["meetings", 0, "priority"], -3, "The priority of meeting “m1” must be a positive whole number."),
        (["meetings", 0, "priority"], True, "The priority of meeting “m1” must be a positive whole number."),
        (["meetings", 0, "priority"], "2", "The priority of meeting “m1” must be a positive whole number."),
        (["meetings", 0], "m1", "Meeting 1 must be an object."),
    ],
)
def test_a_broken_instance_is_refused_with_the_problem_named(path, value, message):
    document = changed(path, value)
    with pytest.raises(InstanceError) as raised:
        parse_instance(document)
    assert message in str(raised.value)


def test_a_session_whose_slots_are_apart_is_refused():
    document = copy.deepcopy(BASE)
    document["slots"].append({"id": "c1", "start": "2026-03-10T15:00:00+07:00", "minutes": 20, "session": "am"})
    with pytest.raises(InstanceError) as raised:
        parse_instance(document)
    assert str(raised.value) == "Slot “c1” belongs to session “am”, whose slots must follow one another."


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InstanceError) as raised:
        load_instance(path)
    assert "is not valid JSON" in str(raised.value)


def test_the_answer_is_written_exactly_as_documented():
    # given a schedule with one meeting placed
    instance = parse_instance(BASE)
    answer = Answer(
        placement={0: (2, 1)}, scheduled=1, priority=3, idle_gaps=0, bound=4, optimal=False, seconds=0.12345
    )
    # when it is written
    document = answer_to_dict(instance, answer)
    # then it has the documented keys, in order, with ids rather than positions
    assert json.loads(json.dumps(document)) == {
        "assignments": [{"meeting": "m1", "slot": "b1", "table": 1}],
        "unscheduled": ["m2"],
        "objective": {"scheduled": 1, "priority": 3, "idle_gaps": 0},
        "bound": {"priority": 4},
        "optimal": False,
        "seconds": 0.123,
    }
    assert list(document) == ["assignments", "unscheduled", "objective", "bound", "optimal", "seconds"]


def test_a_previous_answer_is_read_with_its_pinned_list():
    previous = parse_answer(
        {
            "assignments": [{"meeting": "m1", "slot": "a1", "table": 2}],
            "unscheduled": ["m2"],
            "pinned": ["m1"],
        }
    )
    assert previous.assignments == {"m1": ("a1", 2)}
    assert previous.pinned == ["m1"]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"assignments": [{"meeting": "m1", "slot": "a1", "table": 0}]}, "must be a whole number from 1"),
        (
            {"assignments": [{"meeting": "m1", "slot": "a1", "table": 1}, {"meeting": "m1", "slot": "a2", "table": 1}]},
            "Meeting “m1” is assigned twice in the previous answer.",
        ),
        ({"assignments": [], "pinned": [7]}, "A pinned meeting id must be a non-empty string."),
        ([], "The previous answer must be an object."),
    ],
)
def test_a_broken_previous_answer_is_refused(document, message):
    with pytest.raises(InstanceError) as raised:
        parse_answer(document)
    assert message in str(raised.value)

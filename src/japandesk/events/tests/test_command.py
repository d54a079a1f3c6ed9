"""The `japandesk schedule` command. These tests have no database: the command must not need one."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from . import brute
from .test_reschedule import PREVIOUS, late_changes
from .test_solver import FIRST_COME, check


def run(*args) -> str:
    out = io.StringIO()
    call_command("schedule", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


@pytest.fixture
def instance_file(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(FIRST_COME), encoding="utf-8")
    return path


def assert_documented_shape(answer: dict) -> None:
    assert list(answer) == ["assignments", "unscheduled", "objective", "bound", "optimal", "seconds"]
    for row in answer["assignments"]:
        assert list(row) == ["meeting", "slot", "table"]
        assert isinstance(row["meeting"], str) and isinstance(row["slot"], str)
        assert type(row["table"]) is int
    assert all(isinstance(meeting, str) for meeting in answer["unscheduled"])
    assert list(answer["objective"]) == ["scheduled", "priority", "idle_gaps"]
    assert all(type(value) is int for value in answer["objective"].values())
    assert list(answer["bound"]) == ["priority"] and type(answer["bound"]["priority"]) is int
    assert type(answer["optimal"]) is bool
    assert type(answer["seconds"]) in (int, float) and answer["seconds"] >= 0


def test_json_prints_only_the_answer_in_the_documented_format(instance_file):
    # when the command schedules an instance with --json
    output = run(instance_file, "--json", "--time-limit", 10, "--workers", 1)
    # then standard output is exactly one JSON answer with the documented keys and types
    answer = json.loads(output)
    assert_documented_shape(answer)
    assert answer["objective"] == {"scheduled": 2, "priority": 8, "idle_gaps": 0}
    assert answer["bound"] == {"priority": 8}
    assert answer["optimal"] is True
    check(FIRST_COME, answer)


def test_greedy_prints_the_first_come_baseline(instance_file):
    answer = json.loads(run(instance_file, "--json", "--greedy"))
    assert_documented_shape(answer)
    assert answer["objective"] == {"scheduled": 3, "priority": 6, "idle_gaps": 0}
    assert answer["unscheduled"] == ["high"]
    check(FIRST_COME, answer)


def test_without_json_a_readable_summary_is_printed(instance_file):
    output = run(instance_file, "--time-limit", 10, "--workers", 1)
    assert "Meetings scheduled  2 of 4" in output
    assert "Priority sum        8 of a proven bound of 8 (100.0 %)" in output
    assert "Idle gaps           0" in output
    assert "Proven optimal      yes" in output
    assert "Unscheduled: low, bc" in output


def test_rescheduling_reads_the_previous_answer_and_its_pins(tmp_path):
    # given the changed instance and the previous answer, which pins m1; m2 is pinned on the command line
    instance = tmp_path / "changed.json"
    instance.write_text(json.dumps(late_changes()), encoding="utf-8")
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps(PREVIOUS), encoding="utf-8")
    # when the command reschedules
    answer = json.loads(run(instance, "--previous", previous, "--pin", "m2", "--json", "--workers", 1))
    # then both pins keep slot and table, and the answer has the documented shape
    assert_documented_shape(answer)
    assert answer["assignments"][:2] == [
        {"meeting": "m1", "slot": "s1", "table": 1},
        {"meeting": "m2", "slot": "s1", "table": 2},
    ]
    assert answer["objective"] == {"scheduled": 5, "priority": 8, "idle_gaps": 2}
    assert brute.broken_rules(late_changes(), answer) == []


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({**FIRST_COME, "meetings": [{"id": "m1", "participants": ["a", "zz"]}]}, "unknown participant “zz”"),
        ({**FIRST_COME, "meetings": [{"id": "m1", "participants": ["a", "b"], "priority": 0}]}, "positive whole"),
        ({**FIRST_COME, "participants": [{"id": "a", "available": ["s9"]}]}, "unknown slot “s9”"),
    ],
)
def test_an_invalid_instance_is_a_command_error_naming_the_problem(tmp_path, document, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        run(path, "--json")
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pin", "m1"], "--pin needs --previous"),
        (["--greedy", "--previous", "x.json"], "--greedy schedules from scratch"),
        (["--time-limit", "0"], "--time-limit takes a positive number of seconds."),
        (["--previous", "missing.json"], "Cannot read the previous answer file “missing.json”"),
    ],
)
def test_wrong_options_are_command_errors(instance_file, args, message):
    with pytest.raises(CommandError) as raised:
        run(instance_file, *args)
    assert message in str(raised.value)

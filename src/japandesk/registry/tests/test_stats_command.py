"""`japandesk stats`: the dashboard's headline figures on the command line, as JSON or a table."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import translation

from japandesk.core.demo import REGISTRY_APPS, load_demo
from japandesk.registry import queries


@pytest.fixture(scope="module")
def demo_registry(django_db_setup, django_db_blocker):
    """The demonstration data set, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_demo(only=REGISTRY_APPS)
            yield
            transaction.set_rollback(True)


def stats(*args) -> str:
    out = StringIO()
    call_command("stats", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--as-of", "2016-12-31", "--origin", "JP"], {"projects": 5, "registered_capital_usd": 45000000.0}),
        (
            ["--as-of", "2023-10-31"],
            {"projects": 172, "origin_economies": 20, "registered_capital_usd": 13911200000.0},
        ),
        (
            ["--as-of", "2023-10-31", "--origin", "JP"],
            {"projects": 12, "registered_capital_usd": 2394120000.0, "share_of_capital": 0.1721},
        ),
        (["--as-of", "2023-10-31", "--from", "2023-01-01"], {"attracted_usd": 3121400000.0}),
        (
            ["--as-of", "2023-11-17", "--origin", "JP", "--from", "2023-11-17"],
            {"new_projects": 4, "new_capital_usd": 81100000.0, "attracted_usd": 81100000.0},
        ),
        (["--as-of", "2025-11-30"], {"projects": 228, "registered_capital_usd": 17068000000.0}),
        (
            ["--as-of", "2025-11-30", "--origin", "JP"],
            {"projects": 16, "registered_capital_usd": 2774900000.0, "share_of_capital": 0.162579},
        ),
        (
            ["--as-of", "2025-11-30", "--origin", "JP", "--in-zones"],
            {"projects": 11, "registered_capital_usd": 290390000.0, "in_zones": True},
        ),
    ],
    ids=["2016-jp", "2023-all", "2023-jp", "2023-attracted", "2023-11-17-jp", "2025-all", "2025-jp", "2025-jp-zones"],
)
def test_stats_json_gives_the_published_figures(demo_registry, args, expected):
    payload = json.loads(stats(*args, "--json"))

    assert {key: payload[key] for key in expected} == expected


@pytest.mark.django_db
def test_stats_json_is_the_payload_the_api_serves(demo_registry):
    output = stats("--as-of", "2023-10-31", "--origin", "jp", "--from", "2023-01-01", "--json")

    assert output.strip() == json.dumps(
        queries.stats_payload(datetime.date(2023, 10, 31), origin="JP", period_from=datetime.date(2023, 1, 1))
    )


@pytest.mark.django_db
def test_stats_prints_a_readable_table(demo_registry):
    with translation.override("en"):
        output = stats("--as-of", "2025-11-30", "--origin", "JP", "--from", "2025-01-01")

    lines = [" ".join(line.split()) for line in output.splitlines()]
    assert lines[0] == "Registry as of 2025-11-30 (origin JP)"
    assert "Active projects 16" in lines
    assert "Registered capital (USD) 2,774,900,000.00" in lines
    assert "Share of the province's capital 16.3%" in lines
    assert "Province: active projects 228" in lines
    assert "Attracted 2025-01-01 to 2025-11-30 (USD) 74,290,000.00" in lines
    assert "JP 16 2,774,900,000.00" in lines


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2023-13-01"], "--as-of takes a date written YYYY-MM-DD, not “2023-13-01”."),
        (["--as-of", "yesterday"], "--as-of takes a date written YYYY-MM-DD, not “yesterday”."),
        (["--as-of", "2023-10-31", "--from", "2023/01/01"], "--from takes a date written YYYY-MM-DD"),
        (["--as-of", "2023-10-31", "--from", "2023-11-01"], "--from (2023-11-01) comes after --as-of (2023-10-31)."),
        (["--as-of", "2023-10-31", "--origin", "XX"], "Unknown origin economy “XX”"),
        (["--as-of", "2023-10-31", "--origin", "Japan"], "Unknown origin economy “JAPAN”"),
    ],
    ids=["bad-month", "not-a-date", "bad-from", "from-after-as-of", "unknown-origin", "name-not-code"],
)
def test_stats_refuses_bad_options(demo_registry, args, message):
    with translation.override("en"), pytest.raises(CommandError) as error:
        stats(*args, "--json")

    assert message in str(error.value)


def test_stats_help_names_its_options():
    from japandesk.registry.management.commands.stats import Command

    with translation.override("en"):
        text = " ".join(Command().create_parser("japandesk", "stats").format_help().split())

    assert "[--as-of DATE] [--origin CC] [--in-zones] [--from DATE] [--json]" in text

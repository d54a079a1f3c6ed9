"""Monitoring flags and review grounds of a licensed project on dated reports."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from japandesk.screening import queries, services
from japandesk.screening.choices import Flag, ReviewGround
from japandesk.screening.models import Commitment
from japandesk.screening.tests.conftest import report

d = datetime.date


def state_on(project, on):
    commitment = Commitment.objects.prefetch_related("milestones").get(project=project)
    return queries.assess(commitment, list(project.monitoring_reports.order_by("date")), on)


def test_on_track_project_has_no_flag(committed_project, officer):
    report(committed_project, officer, d(2020, 12, 31), "4000000", jobs=0, land="2")
    report(committed_project, officer, d(2021, 12, 31), "8000000", jobs=280, land="5.5", operating=True, taxes="90000")
    state = state_on(committed_project, d(2022, 6, 30))
    assert (state.capital_due_usd, state.realised_usd, state.flags, state.grounds) == (
        Decimal("8000000"),
        Decimal("8000000.00"),
        [],
        [],
    )
    assert state.taxes_usd == Decimal("90000.00")


def test_behind_the_capital_schedule_counts_only_reports_up_to_the_date(committed_project, officer):
    report(committed_project, officer, d(2021, 12, 31), "7300000", jobs=280, land="5.5", operating=True)
    # 7.3 of the 8 million due: within the 10% tolerance.
    assert Flag.BEHIND_CAPITAL not in state_on(committed_project, d(2022, 1, 31)).flags
    # A year later 10 million are due and the last report still says 7.3.
    later = state_on(committed_project, d(2023, 1, 31))
    assert later.flags == [Flag.BEHIND_CAPITAL]
    assert later.capital_shortfall_usd == Decimal("2700000.00")
    # A report dated after the date looked at does not count.
    report(committed_project, officer, d(2023, 3, 31), "10000000", jobs=300, land="5.5", operating=True)
    assert state_on(committed_project, d(2023, 1, 31)).flags == [Flag.BEHIND_CAPITAL]
    assert state_on(committed_project, d(2023, 4, 1)).flags == []


def test_idle_land_missed_operation_and_review_grounds(committed_project, officer):
    report(committed_project, officer, d(2021, 12, 31), "1000000", jobs=10, land="1")
    state = state_on(committed_project, d(2022, 1, 31))
    assert state.flags == [Flag.BEHIND_CAPITAL, Flag.IDLE_LAND, Flag.MISSED_OPERATION]
    # 1 million realised against the 4 million due a year before: under half.
    assert state.grounds == [ReviewGround.CAPITAL_STALLED]
    # Twelve months after the committed operation date (2021-06-01) it still does not operate.
    state = state_on(committed_project, d(2022, 6, 1))
    assert ReviewGround.NOT_OPERATING in state.grounds
    assert Flag.MISSED_JOBS in state.flags
    assert ReviewGround.LAND_UNUSED not in state.grounds
    # Twenty-four months after it, the land is still unused; the capital has stalled since 2021.
    state = state_on(committed_project, d(2023, 6, 1))
    assert state.grounds == [ReviewGround.CAPITAL_STALLED, ReviewGround.LAND_UNUSED, ReviewGround.NOT_OPERATING]
    assert Flag.NO_REPORT in state.flags


def test_a_project_that_stopped_operating_is_reviewed_after_twelve_months(committed_project, officer):
    report(committed_project, officer, d(2021, 12, 31), "8000000", jobs=300, land="5.5", operating=True)
    report(committed_project, officer, d(2022, 12, 31), "10000000", jobs=0, land="5.5", operating=False)
    state = state_on(committed_project, d(2023, 6, 30))
    assert state.stopped_since == d(2022, 12, 31)
    assert ReviewGround.STOPPED not in state.grounds
    assert Flag.MISSED_OPERATION not in state.flags
    assert ReviewGround.STOPPED in state_on(committed_project, d(2023, 12, 31)).grounds


def test_review_list_and_effectiveness_by_origin(committed_project, officer):
    report(committed_project, officer, d(2021, 12, 31), "1000000", jobs=10, land="1")
    on = d(2023, 6, 1)
    assert [s.project.code for s in queries.review_list(on)] == ["QN-T-001"]
    figures = queries.effectiveness(on)
    assert figures["total"].projects == 1
    assert figures["japan"].as_dict() | {"label": ""} == {
        "key": "JP",
        "label": "",
        "projects": 1,
        "committed_capital_usd": Decimal("10000000.00"),
        "capital_due_usd": Decimal("10000000.00"),
        "realised_usd": Decimal("1000000.00"),
        "committed_jobs": 300,
        "jobs": 10,
        "land_ha": Decimal("5.5000"),
        "taxes_usd": Decimal("0"),
        "tax_per_ha_usd": Decimal("0.00"),
        "flagged": 1,
    }
    assert [(t.key, t.projects) for t in figures["by_origin"]] == [("JP", 1)]
    assert [(t.key, t.projects) for t in figures["by_sector"]] == [("C", 1)]
    # Before the project was registered nothing is monitored.
    assert queries.effectiveness(d(2019, 12, 31))["total"].projects == 0
    trend = queries.trend(d(2022, 6, 30))
    assert [(row["year"], row["all"].realised_usd) for row in trend] == [
        (2021, Decimal("1000000.00")),
        (2022, Decimal("1000000.00")),
    ]


def test_report_rules(committed_project, officer):
    report(committed_project, officer, d(2021, 12, 31), "1000000")
    with pytest.raises(ValidationError) as error:
        report(committed_project, officer, d(2021, 12, 31), "2000000")
    assert error.value.message_dict == {"date": ["Project QN-T-001 already has a report on 2021-12-31."]}
    with pytest.raises(ValidationError) as error:
        report(committed_project, officer, d(2099, 1, 1), "-1")
    assert set(error.value.message_dict) == {"date", "realised_capital_usd"}


def test_milestones_are_cumulative_and_within_the_commitment(registered_project, officer):
    with pytest.raises(ValidationError) as error:
        services.set_commitment(
            registered_project,
            actor=officer,
            capital_usd=Decimal("10000000"),
            jobs=300,
            land_ha=Decimal("5.5"),
            operation_date=d(2021, 6, 1),
            milestones=[(d(2020, 12, 31), Decimal("6000000")), (d(2021, 12, 31), Decimal("5000000"))],
        )
    assert error.value.message_dict == {
        "milestones": ["The capital due by 2021-12-31 is less than the capital due earlier; milestones are cumulative."]
    }
    assert not Commitment.objects.exists()

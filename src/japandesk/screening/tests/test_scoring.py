"""Scoring rules at their edges, hard requirements, and the checks of a definition."""

from decimal import Decimal

import pytest

from japandesk.screening import scoring
from japandesk.screening.choices import Recommendation, RequirementStatus

LINEAR = {"kind": "linear", "from": "10", "to": "100"}
DECREASING = {"kind": "linear", "from": "50", "to": "10"}
STEPS = {"kind": "steps", "steps": [["20", "40"], ["50", "70"], ["80", "100"]], "below": "5"}
TABLE = {"kind": "categories", "table": {"high": "100", "advanced": "70"}, "default": "10", "match": "exact"}
PREFIX = {"kind": "categories", "table": {"26": "100", "2610": "90", "C": "40"}, "default": "0", "match": "prefix"}


@pytest.mark.parametrize(
    ("value", "score"),
    [("0", "0.00"), ("10", "0.00"), ("55", "50.00"), ("100", "100.00"), ("1000", "100.00"), ("10.09", "0.10")],
    ids=["below-clamped", "at-from", "midpoint", "at-to", "above-clamped", "rounded"],
)
def test_linear_rule_is_clamped_between_its_two_values(value, score):
    assert scoring.score_rule(LINEAR, Decimal(value)) == (Decimal(score), None)


@pytest.mark.parametrize(
    ("value", "score"), [("60", "0.00"), ("50", "0.00"), ("30", "50.00"), ("10", "100.00"), ("0", "100.00")]
)
def test_decreasing_linear_rule_rewards_smaller_values(value, score):
    assert scoring.score_rule(DECREASING, Decimal(value))[0] == Decimal(score)
    assert scoring.rule_direction(DECREASING) == -1
    assert scoring.rule_direction(LINEAR) == 1


@pytest.mark.parametrize(
    ("value", "score", "matched"),
    [
        ("19.99", "5.00", "below"),
        ("20", "40.00", "20"),
        ("49.99", "40.00", "20"),
        ("50", "70.00", "50"),
        ("80", "100.00", "80"),
        ("100", "100.00", "80"),
    ],
)
def test_steps_score_the_highest_threshold_reached(value, score, matched):
    assert scoring.score_rule(STEPS, Decimal(value)) == (Decimal(score), matched)


def test_category_table_scores_exact_values_and_the_default():
    assert scoring.score_rule(TABLE, "high") == (Decimal("100.00"), "high")
    assert scoring.score_rule(TABLE, "advanced") == (Decimal("70.00"), "advanced")
    assert scoring.score_rule(TABLE, "outdated") == (Decimal("10.00"), "default")


def test_prefix_table_takes_the_longest_matching_code():
    assert scoring.score_rule(PREFIX, "26100") == (Decimal("90.00"), "2610")
    assert scoring.score_rule(PREFIX, "2620") == (Decimal("100.00"), "26")
    assert scoring.score_rule(PREFIX, "C") == (Decimal("40.00"), "C")
    assert scoring.score_rule(PREFIX, "4610") == (Decimal("0.00"), "default")


def _inputs(**values):
    clean, errors = scoring.clean_inputs(values)
    assert errors == {}
    return clean


def test_minimum_investment_per_hectare_passes_at_the_limit_and_fails_a_cent_below(definition):
    hard = scoring.clean_definition(definition)["hard"]
    at_limit = _inputs(capital_usd="15000000", land_ha="10", zone_class="ez")
    below = _inputs(capital_usd="14999999.99", land_ha="10", zone_class="ez")
    elsewhere = _inputs(capital_usd="6000000", land_ha="10", zone_class="ip")
    assert scoring.check_hard(hard, at_limit)[0]["status"] == RequirementStatus.PASS
    assert scoring.check_hard(hard, below)[0]["status"] == RequirementStatus.FAIL
    assert scoring.check_hard(hard, elsewhere)[0] == {
        "key": "min_capital_per_ha",
        "status": RequirementStatus.PASS,
        "value": "600000",
        "limit": "600000",
        "zone_class": "ip",
    }


def test_sector_and_environment_requirements(definition):
    hard = scoring.clean_definition(definition)["hard"]
    statuses = lambda **v: {i["key"]: i["status"] for i in scoring.check_hard(hard, _inputs(**v))}  # noqa: E731
    assert statuses(sector_code="17010", environment_group=1) == {
        "min_capital_per_ha": RequirementStatus.MISSING,
        "prohibited_sectors": RequirementStatus.FAIL,
        "conditional_sectors": RequirementStatus.PASS,
        "environment_group": RequirementStatus.FAIL,
    }
    assert statuses(sector_code="2011", environment_group=2)["conditional_sectors"] == RequirementStatus.CONDITIONAL
    assert statuses(sector_code="2011", environment_group=2)["environment_group"] == RequirementStatus.PASS


def test_appraise_gives_the_weighted_mean_and_the_recommendation(definition):
    clean = scoring.clean_definition(definition)
    inputs = _inputs(
        capital_usd="60000000",
        land_ha="12",
        jobs="900",
        budget_usd_per_year="1800000",
        export_share="85",
        local_purchase_share="25",
        technology_level="high",
        training="japanese_standard",
        low_carbon="energy_saving",
        environment_group=3,
        sector_code="26",
        zone_class="ip",
    )
    result = scoring.appraise(clean, inputs)
    scores = {row["key"]: row["score"] for row in result["criteria"]}
    # jobs/ha 75 → (75-10)/90; budget/ha 150,000 → 75; exports 85% → 100; local 25% → 62.5
    assert scores == {
        "technology_level": "100",
        "priority_sector": "100",
        "jobs_per_ha": "72.22",
        "budget_per_ha": "75",
        "export_share": "100",
        "local_purchase_share": "62.5",
        "training": "100",
        "low_carbon": "60",
    }
    expected = (
        Decimal(20) * 100
        + 15 * 100
        + 10 * Decimal("72.22")
        + 15 * 75
        + 10 * 100
        + 10 * Decimal("62.5")
        + 10 * 100
        + 10 * 60
    ) / 100
    assert result["total"] == str(expected.quantize(Decimal("0.01")).normalize())
    assert result["hard_pass"] is True
    assert result["recommendation"] == Recommendation.RECOMMEND


def test_a_missing_input_scores_zero_and_a_missing_requirement_fails_the_hard_check(definition):
    clean = scoring.clean_definition(definition)
    result = scoring.appraise(clean, _inputs(technology_level="high", sector_code="26", zone_class="ip"))
    jobs = next(row for row in result["criteria"] if row["key"] == "jobs_per_ha")
    assert (jobs["score"], jobs["matched"], jobs["value"]) == ("0", "missing", None)
    assert result["hard_pass"] is False
    assert result["recommendation"] == Recommendation.NOT_RECOMMENDED


def test_definition_errors_name_every_problem():
    with pytest.raises(scoring.DefinitionError) as error:
        scoring.clean_definition(
            {
                "hard": {"min_capital_per_ha_usd": {"moon": "1"}, "riskiest_environment_group": 7},
                "criteria": [
                    {"key": "jobs_per_ha", "weight": "0", "rule": {"kind": "linear", "from": "5", "to": "5"}},
                    {"key": "technology_level", "weight": "1", "rule": {"kind": "linear", "from": "0", "to": "1"}},
                    {"key": "wishes", "weight": "1", "rule": {"kind": "steps", "steps": []}},
                    {
                        "key": "export_share",
                        "weight": "x",
                        "rule": {"kind": "steps", "steps": [["50", "1"], ["20", "2"]]},
                    },
                ],
            }
        )
    messages = error.value.messages
    assert len(messages) == 8
    assert messages[2] == "Criterion 1: the weight must be greater than zero."
    assert messages[3] == "Criterion 1: a linear rule needs two different values."
    assert messages[4] == "Criterion 2: “technology_level” is a category; score it with a category table."
    assert messages[-1] == "Criterion 4: the thresholds must be given in increasing order."


@pytest.mark.parametrize(
    ("inputs", "field"),
    [
        ({"land_ha": "0"}, "land_ha"),
        ({"capital_usd": "-1"}, "capital_usd"),
        ({"export_share": "101"}, "export_share"),
        ({"jobs": "many"}, "jobs"),
        ({"technology_level": "magic"}, "technology_level"),
        ({"environment_group": "5"}, "environment_group"),
    ],
)
def test_bad_inputs_are_named(inputs, field):
    _clean, errors = scoring.clean_inputs(inputs)
    assert list(errors) == [field]

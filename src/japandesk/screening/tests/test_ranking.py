"""Weighted sum, TOPSIS against a published worked example, and the sensitivity of the ranking."""

import pytest

from japandesk.screening import ranking


def test_topsis_reproduces_hwang_and_yoon_fighter_aircraft_example():
    """Hwang, C.-L. and Yoon, K. (1981), Multiple Attribute Decision Making: Methods and
    Applications, Springer (Lecture Notes in Economics and Mathematical Systems 186), the
    fighter aircraft selection example of the TOPSIS chapter, also worked in Yoon and Hwang
    (1995), Multiple Attribute Decision Making: An Introduction, Sage.

    Four aircraft A1..A4; attributes: maximum speed (Mach), ferry range (NM), maximum payload
    (lb), acquisition cost (million USD, a cost), reliability and manoeuvrability (1..9 scale);
    weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. Published closeness coefficients: A1 0.643,
    A2 0.268, A3 0.613, A4 0.312; ranking A1 > A3 > A4 > A2.
    """
    matrix = [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ]
    weights = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
    B, C = ranking.BENEFIT, ranking.COST
    results = ranking.topsis(matrix, weights, [B, B, B, C, B, B])
    # The book rounds its intermediate values, so the fourth decimal may differ by one half.
    assert [r.closeness for r in results] == pytest.approx([0.643, 0.268, 0.613, 0.312], abs=6e-4)
    assert [round(r.closeness, 4) for r in results] == [0.6433, 0.2684, 0.6135, 0.3123]
    assert ranking.ranks([r.closeness for r in results]) == [1, 4, 2, 3]
    # The same weights given as whole numbers give the same answer: they are normalised.
    again = ranking.topsis(matrix, [2, 1, 1, 1, 2, 3], [B, B, B, C, B, B])
    assert [round(r.closeness, 12) for r in again] == [round(r.closeness, 12) for r in results]


def test_topsis_puts_the_dominant_alternative_at_one_and_the_dominated_at_zero():
    results = ranking.topsis([[10, 1], [5, 5], [1, 9]], [1, 1], [ranking.BENEFIT, ranking.COST])
    assert results[0].closeness == 1.0
    assert results[2].closeness == 0.0
    assert 0.0 < results[1].closeness < 1.0
    assert ranking.ranks([r.closeness for r in results]) == [1, 2, 3]


def test_weighted_sum_and_ties():
    sums = ranking.weighted_sum([[100, 0], [0, 100], [50, 50]], [3, 1])
    assert sums == [75.0, 25.0, 50.0]
    assert ranking.ranks([2.0, 1.0, 2.0]) == [1, 3, 1]


def test_moved_weights_keep_the_others_in_proportion_and_add_up_to_one():
    moved = ranking.moved_weights([0.5, 0.3, 0.2], 0, 1.2)
    assert moved == pytest.approx([0.6, 0.24, 0.16])
    assert sum(moved) == pytest.approx(1.0)
    assert ranking.moved_weights([0.5, 0.3, 0.2], 2, 0.8) == pytest.approx([0.5 * 0.84 / 0.8, 0.3 * 0.84 / 0.8, 0.16])


def _definition(weights):
    return {
        "criteria": [
            {"key": "export_share", "weight": str(weights[0]), "rule": {"kind": "linear", "from": "0", "to": "100"}},
            {
                "key": "local_purchase_share",
                "weight": str(weights[1]),
                "rule": {"kind": "linear", "from": "0", "to": "100"},
            },
        ]
    }


def test_sensitivity_shows_which_weight_move_changes_the_ranking():
    """A exports 60% and buys 40% locally, B the reverse; with weights 52:48 A leads by a hair,
    and moving either weight by 20% swaps them one way or keeps them.
    """
    definition = _definition([52, 48])
    a = ranking.Alternative("A", "A", [60.0, 40.0], [60.0, 40.0])
    b = ranking.Alternative("B", "B", [40.0, 60.0], [40.0, 60.0])
    base = ranking.rank(definition, [a, b])
    assert base["weighted_sum_rank"] == [1, 2]
    assert base["topsis_rank"] == [1, 2]
    rows = ranking.sensitivity(definition, [a, b])
    summary = [(r["criterion"], round(r["factor"], 1), r["weighted_sum_rank"], r["weighted_sum_changed"]) for r in rows]
    assert summary == [
        ("export_share", 0.8, [2, 1], True),
        ("export_share", 1.2, [1, 2], False),
        ("local_purchase_share", 0.8, [1, 2], False),
        ("local_purchase_share", 1.2, [2, 1], True),
    ]
    assert [r["topsis_changed"] for r in rows] == [True, False, False, True]
    assert rows[0]["weights"] == pytest.approx([0.416, 0.584])


def test_cost_criteria_rank_smaller_values_first():
    definition = {
        "criteria": [{"key": "capital_per_ha", "weight": "1", "rule": {"kind": "linear", "from": "100", "to": "0"}}]
    }
    alternatives = [
        ranking.Alternative(1, "cheap", [90.0], [10.0]),
        ranking.Alternative(2, "dear", [10.0], [90.0]),
    ]
    result = ranking.rank(definition, alternatives)
    assert result["directions"] == [ranking.COST]
    assert result["topsis_rank"] == [1, 2]

"""Ranking of competing proposals: by weighted sum of the criteria's scores and by TOPSIS,
and how both rankings move when one weight moves.

TOPSIS (Hwang and Yoon, 1981): the decision matrix is normalised by each column's Euclidean
norm, weighted, and each alternative is measured against the ideal (the best weighted value
of each criterion: the largest for a benefit, the smallest for a cost) and the anti-ideal;
its closeness coefficient is D⁻ / (D⁺ + D⁻), 1 at the ideal and 0 at the anti-ideal.
"""

import math
from dataclasses import dataclass

from japandesk.screening import scoring

BENEFIT, COST = 1, -1


@dataclass(frozen=True)
class TopsisResult:
    distance_ideal: float
    distance_anti_ideal: float
    closeness: float


def normalised_weights(weights: list[float]) -> list[float]:
    total = sum(weights)
    if total <= 0:
        raise ValueError("weights must add up to more than zero")
    return [w / total for w in weights]


def topsis(matrix: list[list[float]], weights: list[float], directions: list[int]) -> list[TopsisResult]:
    """TOPSIS with vector normalisation. `matrix` has one row per alternative and one column per
    criterion; `directions` holds BENEFIT or COST for each column; weights are normalised here.
    """
    if not matrix:
        return []
    columns = len(weights)
    if any(len(row) != columns for row in matrix) or len(directions) != columns:
        raise ValueError("the matrix, the weights and the directions disagree on the number of criteria")
    weights = normalised_weights(weights)
    norms = [math.sqrt(sum(row[j] ** 2 for row in matrix)) for j in range(columns)]
    weighted = [[(weights[j] * row[j] / norms[j]) if norms[j] else 0.0 for j in range(columns)] for row in matrix]
    ideal, anti = [], []
    for j in range(columns):
        column = [row[j] for row in weighted]
        best, worst = (max(column), min(column)) if directions[j] == BENEFIT else (min(column), max(column))
        ideal.append(best)
        anti.append(worst)
    results = []
    for row in weighted:
        d_plus = math.sqrt(sum((v - best) ** 2 for v, best in zip(row, ideal, strict=True)))
        d_minus = math.sqrt(sum((v - worst) ** 2 for v, worst in zip(row, anti, strict=True)))
        closeness = d_minus / (d_plus + d_minus) if (d_plus + d_minus) else 0.0
        results.append(TopsisResult(d_plus, d_minus, closeness))
    return results


def weighted_sum(scores: list[list[float]], weights: list[float]) -> list[float]:
    """Each alternative's weighted mean score (scores 0..100, benefit only)."""
    weights = normalised_weights(weights)
    return [sum(w * s for w, s in zip(weights, row, strict=True)) for row in scores]


def order(values: list[float]) -> list[int]:
    """Indexes of the alternatives, best (largest value) first; ties keep their given order."""
    return sorted(range(len(values)), key=lambda i: (-round(values[i], 9), i))


def ranks(values: list[float]) -> list[int]:
    """Each alternative's place (1 = best); equal values share a place."""
    rounded = [round(v, 9) for v in values]
    return [1 + sum(1 for other in rounded if other > mine) for mine in rounded]


def moved_weights(weights: list[float], index: int, factor: float) -> list[float]:
    """The weights (normalised) with one multiplied by `factor` and the others scaled so that
    they still add up to one, keeping their proportions.
    """
    weights = normalised_weights(weights)
    target = min(weights[index] * factor, 1.0)
    rest = 1.0 - weights[index]
    if rest <= 0:
        return weights
    scale = (1.0 - target) / rest
    return [target if j == index else w * scale for j, w in enumerate(weights)]


@dataclass
class Alternative:
    """One proposal in a ranking: its label, its scores (0..100) and the values TOPSIS reads."""

    key: object
    label: str
    scores: list[float]
    values: list[float | None]


def decision_matrix(definition: dict, inputs_list: list[dict]) -> tuple[list[list[float]], list[list[float]], list]:
    """(scores, values, directions) for proposals under one definition. A numeric criterion
    enters TOPSIS with its value in its unit; a category with its score. A value not given
    counts as the worst value among the proposals.
    """
    scores, values = [], []
    directions = []
    for criterion in definition["criteria"]:
        numeric = scoring.CRITERION_TYPES[criterion["key"]].numeric
        directions.append(scoring.rule_direction(criterion["rule"]) if numeric else BENEFIT)
    for inputs in inputs_list:
        result = scoring.appraise(definition, inputs)
        scores.append([float(row["score"]) for row in result["criteria"]])
        row_values = []
        for criterion, row in zip(definition["criteria"], result["criteria"], strict=True):
            if scoring.CRITERION_TYPES[criterion["key"]].numeric:
                row_values.append(None if row["value"] is None else float(row["value"]))
            else:
                row_values.append(float(row["score"]) if row["value"] is not None else None)
        values.append(row_values)
    for j, direction in enumerate(directions):
        known = [row[j] for row in values if row[j] is not None]
        worst = (min(known) if direction == BENEFIT else max(known)) if known else 0.0
        for row in values:
            if row[j] is None:
                row[j] = worst
    return scores, values, directions


def rank(definition: dict, alternatives: list[Alternative], weights: list[float] | None = None) -> dict:
    """Both rankings of the alternatives under the definition (or other weights)."""
    directions = []
    for criterion in definition["criteria"]:
        numeric = scoring.CRITERION_TYPES[criterion["key"]].numeric
        directions.append(scoring.rule_direction(criterion["rule"]) if numeric else BENEFIT)
    if weights is None:
        weights = [float(c["weight"]) for c in definition["criteria"]]
    sums = weighted_sum([a.scores for a in alternatives], weights)
    closeness = topsis([a.values for a in alternatives], weights, directions)
    return {
        "weights": normalised_weights(weights),
        "directions": directions,
        "weighted_sum": sums,
        "weighted_sum_rank": ranks(sums),
        "topsis": closeness,
        "topsis_rank": ranks([r.closeness for r in closeness]),
    }


def sensitivity(definition: dict, alternatives: list[Alternative], delta: float = 0.2) -> list[dict]:
    """For each criterion and each direction (−delta, +delta): the moved weights and both
    rankings, with whether either differs from the ranking at the given weights.
    """
    base = rank(definition, alternatives)
    weights = [float(c["weight"]) for c in definition["criteria"]]
    rows = []
    for index, criterion in enumerate(definition["criteria"]):
        for factor in (1 - delta, 1 + delta):
            moved = moved_weights(weights, index, factor)
            result = rank(definition, alternatives, moved)
            rows.append(
                {
                    "criterion": criterion["key"],
                    "factor": factor,
                    "weight": moved[index],
                    "weights": moved,
                    "weighted_sum_rank": result["weighted_sum_rank"],
                    "topsis_rank": result["topsis_rank"],
                    "weighted_sum_changed": result["weighted_sum_rank"] != base["weighted_sum_rank"],
                    "topsis_changed": result["topsis_rank"] != base["topsis_rank"],
                }
            )
    return rows


def alternatives_for(appraisals) -> list[Alternative]:
    """Ranking alternatives from appraisals made with one criteria version."""
    appraisals = list(appraisals)
    if not appraisals:
        return []
    definition = appraisals[0].version.definition
    scores, values, _directions = decision_matrix(definition, [a.inputs for a in appraisals])
    return [
        Alternative(a.pk, str(a), row_scores, row_values)
        for a, row_scores, row_values in zip(appraisals, scores, values, strict=True)
    ]

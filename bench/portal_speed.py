#!/usr/bin/env python
"""Server time of the public portal's pages, cold and with a warm cache.

Creates its own SQLite database in a temporary folder (or uses --dir), migrates it and loads the
demonstration data the pages show (reference data, the zones and their land, the illustrative
registry, the portal's content), then requests every public page in Japanese, English and
Vietnamese through Django's test client (the whole request: middleware, view, template; no
network):

- cold: the portal's cache emptied before the one request;
- warm: --repeat requests (50 by default) once the page is cached; median, 95th percentile, worst.

The target is under 100 ms of server time with a warm cache.

    python bench/portal_speed.py [--repeat 50] [--dir /tmp/portal-bench]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

TARGET_MS = 100
PAGES = ["", "sectors/", "zones/", "zones/song-khoai-ip/", "incentives/", "procedures/", "news/", "contact/"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--dir", default="")
    args = parser.parse_args()
    folder = args.dir or tempfile.mkdtemp(prefix="portal-bench-")
    os.environ["JAPANDESK_DATA_DIR"] = folder
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "japandesk.settings"
    os.environ.setdefault("LOG_LEVEL", "ERROR")

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host and a local e-mail outbox
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from japandesk.core.demo import load_fx_rates
    from japandesk.portal import demo as portal_demo
    from japandesk.registry import demo as registry_demo
    from japandesk.registry import reference
    from japandesk.zones import demo as zone_demo

    load_fx_rates()
    reference.load()
    zone_demo.load()
    registry_demo.load()
    portal_demo.load()
    print(f"database: SQLite in {folder}; data loaded in {time.perf_counter() - started:.1f} s")
    print(f"cache: {settings.CACHES['default']['BACKEND'] if hasattr(settings, 'CACHES') else 'default'}")
    client = Client()
    print(f"{'page':32} {'cold ms':>8} {'warm median':>12} {'p95':>7} {'max':>7}")
    worst = 0.0
    for language in ("ja", "en", "vi"):
        for page in PAGES:
            url = f"/{language}/{page}"
            cache.clear()
            t = time.perf_counter()
            response = client.get(url)
            cold = (time.perf_counter() - t) * 1000
            assert response.status_code == 200, (url, response.status_code)
            samples = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                response = client.get(url)
                samples.append((time.perf_counter() - t) * 1000)
                assert response["X-Portal-Cache"] == "hit"
            samples.sort()
            p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
            worst = max(worst, p95)
            print(f"{url:32} {cold:8.1f} {statistics.median(samples):12.2f} {p95:7.2f} {samples[-1]:7.2f}")
    verdict = "met" if worst < TARGET_MS else "NOT met"
    print(f"worst warm p95: {worst:.2f} ms; target under {TARGET_MS} ms {verdict}")


if __name__ == "__main__":
    main()

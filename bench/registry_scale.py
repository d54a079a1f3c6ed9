#!/usr/bin/env python
"""National-scale benchmark of the registry.

Generates a deterministic registry (by default 50,000 projects and 300,000 ledger
events), times the dashboard's queries and page for several as-of dates, then
imports a ledger workbook of 100,000 rows into a fresh database in a separate
process and reports its wall time and peak memory.

    python bench/registry_scale.py                       # both databases, full size
    python bench/registry_scale.py --database sqlite --quick

SQLite files go under --dir (a temporary folder by default). PostgreSQL databases are
created and dropped on the server of --pg-url (`jd_bench` and `jd_bench_import`).
See bench/README.md.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/jd_bench")
AS_OF_DATES = ["2005-12-31", "2015-06-30", "2020-12-31", "2023-10-31", "2025-11-30"]
FIRST_YEAR, LAST_DATE = 1990, datetime.date(2025, 11, 30)
TARGET_DASHBOARD_MS, TARGET_IMPORT_S, TARGET_IMPORT_MB = 300, 60, 1024
BATCH, CHUNK = 2000, 20000
FOCUS = "JP"  # the origin the product is configured for: its dashboard is timed too

# ---------------------------------------------------------------------------------------------
# Reference data: about 60 origin economies (ranked roughly as they invest in Vietnam),
# the 21 VSIC sections with their 88 divisions and a few groups each, and 200 zones.

ECONOMIES = [
    ("KR", "South Korea"), ("JP", "Japan"), ("SG", "Singapore"), ("TW", "Taiwan"), ("HK", "Hong Kong"),
    ("CN", "China"), ("VG", "British Virgin Islands"), ("MY", "Malaysia"), ("TH", "Thailand"),
    ("NL", "Netherlands"), ("US", "United States"), ("SA", "Saudi Arabia"), ("GB", "United Kingdom"),
    ("FR", "France"), ("KY", "Cayman Islands"), ("CA", "Canada"), ("DE", "Germany"), ("AU", "Australia"),
    ("SC", "Seychelles"), ("CH", "Switzerland"), ("IN", "India"), ("ID", "Indonesia"), ("PH", "Philippines"),
    ("DK", "Denmark"), ("BE", "Belgium"), ("LU", "Luxembourg"), ("SE", "Sweden"), ("RU", "Russia"),
    ("IT", "Italy"), ("NZ", "New Zealand"), ("BM", "Bermuda"), ("MU", "Mauritius"), ("AE", "United Arab Emirates"),
    ("NO", "Norway"), ("FI", "Finland"), ("AT", "Austria"), ("ES", "Spain"), ("IE", "Ireland"), ("TR", "Türkiye"),
    ("IL", "Israel"), ("LA", "Laos"), ("KH", "Cambodia"), ("MM", "Myanmar"), ("BN", "Brunei"), ("MO", "Macao"),
    ("PL", "Poland"), ("CZ", "Czechia"), ("HU", "Hungary"), ("UA", "Ukraine"), ("BR", "Brazil"), ("MX", "Mexico"),
    ("AR", "Argentina"), ("CL", "Chile"), ("ZA", "South Africa"), ("EG", "Egypt"), ("PK", "Pakistan"),
    ("BD", "Bangladesh"), ("LK", "Sri Lanka"), ("KZ", "Kazakhstan"), ("WS", "Samoa"), ("VN", "Vietnam"),
]  # fmt: skip

SECTIONS = {  # VSIC 2018 section: its divisions
    "A": range(1, 4), "B": range(5, 10), "C": range(10, 34), "D": [35], "E": range(36, 40), "F": range(41, 44),
    "G": range(45, 48), "H": range(49, 54), "I": range(55, 57), "J": range(58, 64), "K": range(64, 67),
    "L": [68], "M": range(69, 76), "N": range(77, 83), "O": [84], "P": [85], "Q": range(86, 89),
    "R": range(90, 94), "S": range(94, 97), "T": range(97, 99), "U": [99],
}  # fmt: skip
SECTION_WEIGHT = {"C": 55, "L": 9, "D": 5, "G": 6, "F": 4, "H": 3, "I": 3, "J": 4, "M": 3, "N": 2, "K": 1}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


# ---------------------------------------------------------------------------------------------
# Databases


def pg_admin(url: str):
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def pg_recreate(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with pg_admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def pg_drop(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with pg_admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_url(args, suffix: str = "") -> str:
    if args.database == "postgres":
        return args.pg_url + suffix
    return f"sqlite:///{Path(args.dir) / f'bench{suffix}.sqlite3'}"


def recreate(args, url: str) -> None:
    if args.database == "postgres":
        pg_recreate(url)
    else:
        path = Path(url.removeprefix("sqlite:///"))
        for extra in ("", "-wal", "-shm"):
            Path(str(path) + extra).unlink(missing_ok=True)


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "japandesk.settings")
    os.environ.setdefault("DEBUG", "0")  # no query log: time what production runs
    import django

    django.setup()


def migrate() -> float:
    from django.core.management import call_command

    with Timer() as t:
        call_command("migrate", verbosity=0, interactive=False)
    return t.seconds


def analyze() -> float:
    """What a database gets after a bulk load: table statistics, and on PostgreSQL the
    visibility map that lets index-only scans skip the table (autovacuum does both there).
    """
    from django.db import connection

    with Timer() as t, connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")
    return t.seconds


# ---------------------------------------------------------------------------------------------
# Generation


def weighted_choice(rng: random.Random, items, cum_weights):
    return rng.choices(items, cum_weights=cum_weights, k=1)[0]


def cumulative(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def money(value: float) -> Decimal:
    return Decimal(max(int(value * 100), 100)) / 100


def create_reference(rng: random.Random) -> dict:
    """Origin economies, sectors and zones (only those that are missing)."""
    from japandesk.registry.models import Country, Sector
    from japandesk.zones.models import Zone

    if not Country.objects.exists():
        Country.objects.bulk_create(
            [Country(code=code, name_en=name, name_vi=name, name_ja=name) for code, name in ECONOMIES]
        )
    if not Sector.objects.exists():
        sections = Sector.objects.bulk_create(
            [Sector(code=s, level=1, section=s, name_vi=f"Ngành {s}", name_en=f"Section {s}") for s in SECTIONS]
        )
        by_code = {s.code: s for s in sections}
        divisions = Sector.objects.bulk_create(
            [
                Sector(
                    code=f"{d:02d}",
                    level=2,
                    section=s,
                    parent=by_code[s],
                    name_vi=f"Ngành {d:02d}",
                    name_en=f"Division {d:02d}",
                )
                for s, ds in SECTIONS.items()
                for d in ds
            ]
        )
        groups = []
        for division in divisions:
            for g in range(1, 1 + (3 if division.section == "C" else 2)):
                code = f"{division.code}{g}"
                groups.append(
                    Sector(
                        code=code,
                        level=3,
                        section=division.section,
                        parent=division,
                        name_vi=f"Nhóm {code}",
                        name_en=f"Group {code}",
                    )
                )
        Sector.objects.bulk_create(groups)
    if not Zone.objects.exists():
        ezs = Zone.objects.bulk_create(
            [
                Zone(code=f"ez-{i:02d}", name=f"Khu kinh tế {i:02d}", name_en=f"Economic zone {i:02d}", kind="ez")
                for i in range(1, 13)
            ]
        )
        zones = [
            Zone(
                code=f"ip-{i:03d}",
                name=f"KCN {i:03d}",
                name_en=f"Industrial park {i:03d}",
                kind="ip",
                parent=ezs[i % len(ezs)] if i % 3 == 0 else None,
            )
            for i in range(1, 131)
        ]
        zones += [
            Zone(code=f"ccn-{i:02d}", name=f"CCN {i:02d}", name_en=f"Industrial cluster {i:02d}", kind="cluster")
            for i in range(1, 59)
        ]
        Zone.objects.bulk_create(zones)
    return reference_ids()


def reference_ids() -> dict:
    from japandesk.registry.models import Country, Sector
    from japandesk.zones.models import Zone

    countries = dict(Country.objects.values_list("code", "id"))
    codes = [code for code, _name in ECONOMIES if code in countries] or sorted(countries)
    sectors = list(Sector.objects.filter(level__gte=2).values_list("id", "section"))
    sector_weights = [SECTION_WEIGHT.get(section, 0.5) for _id, section in sectors]
    zones = list(Zone.objects.values_list("id", flat=True))
    return {
        "countries": countries,
        "origin_codes": codes,
        "origin_cum": cumulative([1 / (rank + 1) ** 1.1 for rank in range(len(codes))]),
        "sector_ids": [sid for sid, _section in sectors],
        "sector_cum": cumulative(sector_weights),
        "zone_ids": zones,
    }


def count_per_project(rng: random.Random, projects: int, events: int) -> list[int]:
    """2 to 12 events per project, adding up to exactly `events`."""
    if not 2 * projects <= events <= 12 * projects:
        raise SystemExit(f"--events must lie between {2 * projects} and {12 * projects} for {projects} projects")
    mean = events / projects
    counts = [min(12, max(2, round(rng.gauss(mean, 2.5)))) for _ in range(projects)]
    diff = events - sum(counts)
    while diff:
        i = rng.randrange(projects)
        step = 1 if diff > 0 else -1
        if 2 <= counts[i] + step <= 12:
            counts[i] += step
            diff -= step
    return counts


def random_date(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def project_plan(rng: random.Random, n_events: int, ref: dict) -> list[tuple]:
    """One project's ledger in entry order as (kind, date, signed usd, origin code or None)."""
    year = weighted_choice(rng, YEARS, YEAR_CUM)
    registered = random_date(rng, datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), LAST_REGISTRATION))
    origin = weighted_choice(rng, ref["origin_codes"], ref["origin_cum"])
    capital = money(rng.lognormvariate(15.2, 1.3))  # median about USD 4 million
    plan = [("registration", registered, capital, origin)]
    last = LAST_DATE
    terminated = rng.random() < 0.12
    if terminated:
        last = random_date(rng, min(registered + datetime.timedelta(days=365), LAST_DATE), LAST_DATE)
    dates = sorted(random_date(rng, registered, last) for _ in range(n_events - 1 - terminated))
    for i, on in enumerate(dates):
        if i and rng.random() < 0.04:
            on = dates[i - 1]  # two certificates on the same day: the later entry wins
        draw = rng.random()
        if draw < 0.58:
            change = money(float(capital) * rng.uniform(0.05, 0.9))
            plan.append(("increase", on, change, origin if rng.random() < 0.1 else None))
        elif draw < 0.80:
            if rng.random() < 0.45:
                origin = weighted_choice(rng, ref["origin_codes"], ref["origin_cum"])
            change = money(float(capital) * rng.uniform(0.01, 0.3)) if rng.random() < 0.3 else Decimal(0)
            plan.append(("share_purchase", on, change, origin))
        else:
            change = money(float(capital) * rng.uniform(0.02, 0.5))
            plan.append(("decrease", on, -change, None))
        capital += plan[-1][2]
    if terminated:
        plan.append(("termination", max(last, plan[-1][1]), Decimal(0), None))
    return plan


YEARS = list(range(FIRST_YEAR, 2026))
YEAR_CUM = cumulative([1.085 ** (y - FIRST_YEAR) for y in YEARS])
LAST_REGISTRATION = datetime.date(2025, 9, 30)


def generate(args, rng: random.Random) -> dict:
    """Projects, investors, ledger events with their line-ups, and disbursements, by bulk inserts.

    Events and disbursements are inserted in date order, as a registry fills up over the years,
    so that rows of one project lie apart in the tables as they do in a real database.
    """
    from django.db import transaction

    from japandesk.core.text import search_key
    from japandesk.registry.models import Disbursement, Investor, LedgerEvent, Participation, Project

    timings = {}
    with Timer() as t:
        ref = create_reference(rng)
    timings["reference"] = t.seconds
    countries = ref["countries"]
    code_of = {pk: code for code, pk in countries.items()}

    with Timer() as t:
        investors_by_origin: dict[str, list[int]] = {}
        batch = []
        for i in range(max(60, args.projects * 2 // 5)):
            code = ref["origin_codes"][i] if i < len(ref["origin_codes"]) else None
            code = code or weighted_choice(rng, ref["origin_codes"], ref["origin_cum"])
            name = f"Investor {i:06d} {code}"
            batch.append(Investor(name=name, name_latin=name, country_id=countries[code], search_text=search_key(name)))
        with transaction.atomic():
            for investor in Investor.objects.bulk_create(batch, batch_size=BATCH):
                investors_by_origin.setdefault(code_of[investor.country_id], []).append(investor.pk)
    timings["investors"] = t.seconds

    counts = count_per_project(rng, args.projects, args.events)
    plans = [project_plan(rng, n, ref) for n in counts]
    with Timer() as t, transaction.atomic():
        project_ids = [
            p.pk
            for p in Project.objects.bulk_create(
                [
                    Project(
                        code=f"BN-{i + 1:06d}",
                        name=f"Dự án {i + 1:06d}",
                        name_latin=f"Project {i + 1:06d}",
                        sector_id=weighted_choice(rng, ref["sector_ids"], ref["sector_cum"]),
                        zone_id=rng.choice(ref["zone_ids"]) if rng.random() < 0.65 else None,
                        planned_jobs=rng.randint(10, 5000),
                        search_text=f"bn-{i + 1:06d} project {i + 1:06d}",
                    )
                    for i in range(len(plans))
                ],
                batch_size=BATCH,
            )
        ]
    timings["projects"] = t.seconds

    entries = sorted(
        (on, index, seq, kind, usd, origin)
        for index, plan in enumerate(plans)
        for seq, (kind, on, usd, origin) in enumerate(plan)
    )
    totals = {"projects": len(project_ids), "events": 0, "participations": 0, "disbursements": 0}
    with Timer() as t:
        for first in range(0, len(entries), CHUNK):
            chunk = entries[first : first + CHUNK]
            with transaction.atomic():
                events = LedgerEvent.objects.bulk_create(
                    [
                        LedgerEvent(
                            project_id=project_ids[index],
                            kind=kind,
                            date=on,
                            certificate_no=f"BN-{index + 1:06d}-{seq:02d}",
                            capital_change_usd=usd,
                            capital_change_vnd=(usd * 23500).quantize(Decimal(1)),
                            origin_id=countries[origin] if origin else None,
                        )
                        for on, index, seq, kind, usd, origin in chunk
                    ],
                    batch_size=BATCH,
                )
                participations = []
                for event, (_on, _index, _seq, _kind, _usd, origin) in zip(events, chunk, strict=True):
                    if origin is None:
                        continue
                    lead = rng.choice(investors_by_origin[origin])
                    partner = rng.choice(investors_by_origin.get("VN") or [lead]) if rng.random() < 0.3 else lead
                    if partner != lead:
                        participations.append(Participation(event_id=event.pk, investor_id=lead, share=Decimal(70)))
                        participations.append(Participation(event_id=event.pk, investor_id=partner, share=Decimal(30)))
                    else:
                        participations.append(Participation(event_id=event.pk, investor_id=lead, share=Decimal(100)))
                Participation.objects.bulk_create(participations, batch_size=BATCH)
            totals["events"] += len(events)
            totals["participations"] += len(participations)
            log(f"  {totals['events']:>8,} ledger events")
    timings["events"] = t.seconds

    reports = []
    for index, plan in enumerate(plans):
        registered = plan[0][1]
        end_year = plan[-1][1].year if plan[-1][0] == "termination" else 2025
        capital = max(sum((usd for _k, _d, usd, _o in plan), Decimal(0)), plan[0][2])
        for year in range(registered.year, end_year + 1):
            on = datetime.date(year, 12, 31) if year < 2025 else datetime.date(2025, 6, 30)
            if on >= registered and rng.random() < 0.3:
                reports.append((on, index, money(float(capital) * rng.uniform(0.02, 0.25))))
    reports.sort()
    with Timer() as t, transaction.atomic():
        Disbursement.objects.bulk_create(
            [
                Disbursement(
                    project_id=project_ids[index],
                    date=on,
                    amount_usd=amount,
                    amount_vnd=(amount * 23500).quantize(Decimal(1)),
                )
                for on, index, amount in reports
            ],
            batch_size=BATCH,
        )
    totals["disbursements"] = len(reports)
    timings["disbursements"] = t.seconds
    return {"rows": totals, "timings": timings}


# ---------------------------------------------------------------------------------------------
# Verification: the dashboard's states against a plain reading of the ledger in Python.


def expected_states(on: datetime.date, events: list[tuple]) -> dict:
    per_project: dict[int, dict] = {}
    for event_id, project_id, kind, date, usd, origin in events:
        if date > on:
            continue
        p = per_project.setdefault(project_id, {"capital": Decimal(0), "reg": None, "term": False, "origin": None})
        p["capital"] += usd
        if kind == "registration":
            p["reg"] = date if p["reg"] is None else min(p["reg"], date)
        if kind == "termination":
            p["term"] = True
        if origin is not None and (p["origin"] is None or (date, event_id) > p["origin"][:2]):
            p["origin"] = (date, event_id, origin)
    return {
        pid: (p["capital"], p["origin"][2] if p["origin"] else None, p["reg"])
        for pid, p in per_project.items()
        if p["reg"] is not None and not p["term"]
    }


def verify(dates: list[datetime.date]) -> None:
    from japandesk.registry import queries
    from japandesk.registry.models import LedgerEvent

    events = list(
        LedgerEvent.objects.order_by().values_list(
            "id", "project_id", "kind", "date", "capital_change_usd", "origin__code"
        )
    )
    for on in dates:
        got = {s.project_id: (s.capital_usd, s.origin, s.registered_on) for s in queries.project_states(on)}
        want = expected_states(on, events)
        if got != want:
            wrong = [pid for pid in set(got) | set(want) if got.get(pid) != want.get(pid)][:5]
            details = [(pid, got.get(pid), want.get(pid)) for pid in wrong]
            raise SystemExit(f"project_states({on}) differs from the ledger: {details}")
        log(f"  project_states({on}) matches the ledger: {len(got):,} active projects")
        figures = queries.summary(on)
        by_origin = {}
        for capital, origin, _registered in want.values():
            count, total = by_origin.get(origin, (0, Decimal(0)))
            by_origin[origin] = (count + 1, total + capital)
        got_figures = (
            figures["projects"],
            figures["registered_capital_usd"],
            {b.key: (b.projects, b.capital_usd) for b in figures["by_origin"]},
        )
        want_figures = (len(want), sum((c for c, _o, _r in want.values()), Decimal(0)), by_origin)
        if got_figures != want_figures:
            raise SystemExit(f"summary({on}) differs from the ledger: {got_figures[:2]} against {want_figures[:2]}")
        log(f"  summary({on}) matches the ledger, by origin too")


# ---------------------------------------------------------------------------------------------
# Timing


def time_call(fn, runs: int) -> tuple[float, float]:
    """(first run, median of the next `runs`) in milliseconds; the connection is reopened first."""
    from django.db import connection

    connection.close()
    start = time.perf_counter()
    fn()
    cold = (time.perf_counter() - start) * 1000
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        warm.append((time.perf_counter() - start) * 1000)
    return cold, statistics.median(warm)


def dashboard_client():
    """A logged-in leader's test client and the dashboard's address, or None where the page is not there."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    try:
        url = reverse("registry:dashboard")
    except Exception as exc:  # noqa: BLE001 - the page is optional for the benchmark
        log(f"the dashboard page is not timed: {exc!r}")
        return None, None
    user, _created = get_user_model().objects.get_or_create(username="bench-leader", defaults={"role": "leader"})
    client = Client()
    client.force_login(user)
    return client, url


def time_copy(runs: int) -> dict:
    """The in-memory copy of the ledger behind the dashboard: how long a rebuild takes (as after any
    change to the registry) and the memory its arrays hold."""
    from japandesk.registry import analytics

    def build():
        analytics.forget()
        analytics.ledger_copy()

    build_ms = time_call(build, runs)
    copy = analytics.ledger_copy()
    megabytes = sum(value.nbytes for value in vars(copy).values() if hasattr(value, "nbytes")) / 2**20
    log(f"  in-memory copy of the ledger: built in {build_ms[1]:.0f} ms, {megabytes:.1f} MiB")
    return {"build_ms": build_ms, "megabytes": megabytes}


def time_dashboard(dates: list[datetime.date], runs: int) -> list[dict]:
    from japandesk.registry import queries

    client, url = dashboard_client()
    rows = []
    for on in dates:
        period_from = datetime.date(on.year, 1, 1)
        row = {"as_of": on.isoformat()}
        states = queries.project_states(on)
        row["active_projects"] = len(states)
        row["states"] = time_call(lambda on=on: queries.project_states(on), runs)
        row["summary"] = time_call(lambda on=on, f=period_from: queries.summary(on, queries.Filters(), f), runs)
        row["series"] = time_call(lambda on=on: queries.yearly_series(on), runs)

        def page(on=on, f=period_from):
            response = client.get(url, {"as_of": on.isoformat(), "period_from": f.isoformat()})
            if response.status_code != 200:
                raise RuntimeError(f"GET {url} answered {response.status_code}")

        row["page"] = time_call(page, runs) if client else None

        def page_focus(on=on, f=period_from):
            response = client.get(url, {"as_of": on.isoformat(), "period_from": f.isoformat(), "origin": FOCUS})
            if response.status_code != 200:
                raise RuntimeError(f"GET {url} answered {response.status_code}")

        row["page_focus"] = time_call(page_focus, runs) if client else None
        rows.append(row)
        page_ms = f"{row['page'][1]:.0f} ms, {FOCUS} {row['page_focus'][1]:.0f} ms" if row["page"] else "not timed"
        log(f"  {on}: summary {row['summary'][1]:.0f} ms, series {row['series'][1]:.0f} ms, page {page_ms}")
    return rows


# ---------------------------------------------------------------------------------------------
# Import


def write_workbook(path: Path, events: int) -> dict:
    """About `events` ledger events (whole projects, in ledger order) exported in the import
    template's columns by the product's own export, one sheet of an .xlsx workbook.
    """
    from django.db.models import Count
    from openpyxl import Workbook

    from japandesk.registry.exporting import LEDGER_COLUMNS, ledger_rows
    from japandesk.registry.models import LedgerEvent

    with Timer() as t:
        ids, total = [], 0
        per_project = LedgerEvent.objects.values("project_id").annotate(n=Count("id")).order_by("project_id")
        for project_id, n in per_project.values_list("project_id", "n"):
            if total >= events:
                break
            ids.append(project_id)
            total += n
        queryset = LedgerEvent.objects.filter(project_id__in=ids).order_by("project_id", "date", "id")
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("ledger")
        sheet.append([str(header) for _key, header in LEDGER_COLUMNS])
        keys = [key for key, _header in LEDGER_COLUMNS]
        rows = 0
        for row in ledger_rows(queryset):
            sheet.append([row.get(key) for key in keys])
            rows += 1
        workbook.save(path)
    return {"rows": rows, "events": total, "projects": len(ids), "seconds": t.seconds, "bytes": path.stat().st_size}


def import_worker(args) -> None:
    """Run in its own process: import the workbook and print the report as JSON."""
    setup_django(args.worker_url)
    from django.contrib.auth import get_user_model

    from japandesk.registry.importing import import_file

    actor = get_user_model().objects.get(username="bench-officer")
    start = time.perf_counter()
    report = import_file(args.import_worker, actor=actor, filename=Path(args.import_worker).name)
    seconds = time.perf_counter() - start
    fields = ("rows", "projects_created", "investors_created", "events_created", "events_unchanged")
    summary = {"seconds": seconds, "ok": report.ok, "errors": report.error_lines()[:10]}
    summary.update({name: getattr(report, name) for name in fields})
    print(json.dumps(summary))


def run_import(args, source_url: str) -> dict:
    """Workbook from the generated registry, then a fresh database and an import in a child process."""
    from django.db import connection

    workbook = Path(args.dir) / "bench-ledger.xlsx"
    log(f"writing about {args.import_rows:,} ledger events to {workbook}")
    written = write_workbook(workbook, args.import_rows)
    connection.close()

    target = database_url(args, "_import")
    recreate(args, target)
    subprocess.run(
        [sys.executable, __file__, "--database", args.database, "--dir", args.dir, "--prepare-import", target],
        check=True,
    )
    log(f"importing {written['rows']:,} rows ({written['events']:,} events) into a fresh database ({args.database})")
    start = time.perf_counter()
    child = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--database",
            args.database,
            "--import-worker",
            str(workbook),
            "--worker-url",
            target,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    output = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"the import failed (exit {child.returncode})")
    report = json.loads(output.strip().splitlines()[-1])
    if not report["ok"]:
        raise SystemExit(f"the import found errors: {report['errors']}")
    result = {
        "workbook": written,
        "import_seconds": report.pop("seconds"),
        "process_seconds": wall,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux reports kilobytes
        "report": report,
    }
    if not args.keep:
        drop(args, target)
    return result


def prepare_import(args) -> None:
    """Fresh database for the import: the schema, reference data and the officer who imports."""
    setup_django(args.prepare_import)
    migrate()
    create_reference(random.Random(args.seed))
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(username="bench-officer", role="officer")


def drop(args, url: str) -> None:
    if args.database == "postgres":
        pg_drop(url)
    else:
        recreate(args, url)


# ---------------------------------------------------------------------------------------------
# Reports


def machine() -> dict:
    info = {"python": sys.version.split()[0]}
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in lscpu.splitlines():
            key, _, value = line.partition(":")
            if key.strip() in {"Model name", "CPU(s)"}:
                info[key.strip()] = value.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["RAM"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return info


def print_report(results: list[dict]) -> None:
    info = machine()
    print(f"\nMachine: {info.get('Model name', '?')}, {info.get('CPU(s)', '?')} CPUs, {info.get('RAM', '?')} RAM")
    for result in results:
        print(
            f"\n{result['database']} {result['server']}: {result['rows']['projects']:,} projects, "
            f"{result['rows']['events']:,} ledger events, {result['rows']['participations']:,} participations, "
            f"{result['rows']['disbursements']:,} disbursements"
        )
        gen = result["generation"]
        print(
            "generation: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in gen.items())
            + f"; migrate {result['migrate_s']:.1f} s; ANALYZE {result['analyze_s']:.2f} s"
        )
        print(
            f"\n| as of      | active | project_states | summary | yearly_series | page | page, origin {FOCUS} |"
            "\n|------------|-------:|------:|------:|------:|------:|------:|"
        )
        keys = ("states", "summary", "series", "page", "page_focus")
        for row in result["dashboard"]:
            cells = [f"{row[k][1]:.0f} ({row[k][0]:.0f})" if row.get(k) else "-" for k in keys]
            print(f"| {row['as_of']} | {row['active_projects']:>6,} | " + " | ".join(cells) + " |")
        print("(milliseconds: median of the warm runs, the first run after reconnecting in brackets)")
        copy = result.get("copy")
        if copy:
            build = copy["build_ms"]
            print(
                f"in-memory copy of the ledger (rebuilt by the first request after any change to the registry): "
                f"{build[1]:.0f} ms ({build[0]:.0f} ms first), {copy['megabytes']:.1f} MiB of arrays"
            )
        key = "page" if all(row["page"] for row in result["dashboard"]) else "summary"
        worst = max(row[key][1] + (row["series"][1] if key == "summary" else 0) for row in result["dashboard"])
        what = "page" if key == "page" else "summary + yearly_series (no page)"
        verdict = "meets" if worst < TARGET_DASHBOARD_MS else "MISSES"
        print(f"slowest dashboard, {what}, warm: {worst:.0f} ms: {verdict} the {TARGET_DASHBOARD_MS} ms target")
        imp = result.get("import")
        if imp:
            book, report = imp["workbook"], imp["report"]
            ok = imp["import_seconds"] < TARGET_IMPORT_S and imp["peak_rss_mb"] < TARGET_IMPORT_MB
            print(
                f"\nimport: {book['events']:,} ledger events of {book['projects']:,} projects, {book['rows']:,} rows "
                f"(.xlsx of {book['bytes'] / 1e6:.1f} MB, exported in {book['seconds']:.1f} s) into a fresh database: "
                f"{imp['import_seconds']:.1f} s in import_file, {imp['process_seconds']:.1f} s for the whole process, "
                f"peak RSS {imp['peak_rss_mb']:.0f} MB: {'meets' if ok else 'MISSES'} the "
                f"{TARGET_IMPORT_S} s / {TARGET_IMPORT_MB} MB target"
            )
            print(
                f"created {report['projects_created']:,} projects, {report['investors_created']:,} investors, "
                f"{report['events_created']:,} events from {report['rows']:,} rows"
            )


# ---------------------------------------------------------------------------------------------
# Main


def run_one(args) -> dict:
    url = database_url(args)
    if not args.reuse:
        log(f"creating {url}")
        recreate(args, url)
    setup_django(url)
    from django.db import connection

    from japandesk.registry.models import LedgerEvent

    result = {"database": args.database, "url": url}
    result["migrate_s"] = migrate()
    if args.reuse and LedgerEvent.objects.exists():
        log("reusing the generated registry")
        from japandesk.registry.models import Disbursement, Participation, Project

        result["rows"] = {
            "projects": Project.objects.count(),
            "events": LedgerEvent.objects.count(),
            "participations": Participation.objects.count(),
            "disbursements": Disbursement.objects.count(),
        }
        result["generation"] = {}
    else:
        log(f"generating {args.projects:,} projects and {args.events:,} ledger events")
        generated = generate(args, random.Random(args.seed))
        result["rows"], result["generation"] = generated["rows"], generated["timings"]
    result["analyze_s"] = analyze() if not args.no_analyze else 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        result["server"] = f"{connection.vendor} {cursor.fetchone()[0]}"
    dates = [datetime.date.fromisoformat(d) for d in args.as_of]
    if args.verify:
        verify(dates)
    log("timing the dashboard")
    result["copy"] = time_copy(args.runs)
    result["dashboard"] = time_dashboard(dates, args.runs)
    if args.import_rows:
        try:
            import japandesk.registry.exporting  # noqa: F401
            import japandesk.registry.importing  # noqa: F401
        except ImportError as exc:
            log(f"import not measured: {exc}")
        else:
            result["import"] = run_import(args, url)
    connection.close()
    if not args.keep:
        drop(args, url)
    return result


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--projects", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=300_000)
    parser.add_argument("--import-rows", type=int, default=100_000, help="0 to skip the import")
    parser.add_argument("--quick", action="store_true", help="small sizes, to check that everything runs")
    parser.add_argument("--runs", type=int, default=5, help="warm runs per measurement")
    parser.add_argument("--as-of", nargs="+", default=AS_OF_DATES)
    parser.add_argument("--dir", help="folder for SQLite files and the workbook (default: a temporary folder)")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL, help="PostgreSQL database to create (and drop)")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument("--reuse", action="store_true", help="reuse a registry left by --keep")
    parser.add_argument("--no-analyze", action="store_true", help="do not run ANALYZE after generating")
    parser.add_argument("--verify", action="store_true", help="check project_states against the ledger")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--import-worker", help=argparse.SUPPRESS)
    parser.add_argument("--worker-url", help=argparse.SUPPRESS)
    parser.add_argument("--prepare-import", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.projects, args.events, args.import_rows = 1_000, 6_000, min(args.import_rows, 2_000)
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    if args.import_worker:
        return import_worker(args)
    if args.prepare_import:
        return prepare_import(args)
    own_dir = None
    if not args.dir:
        own_dir = tempfile.mkdtemp(prefix="jd-bench-")
        args.dir = own_dir
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    if args.database == "both":
        results = []
        for database in ("sqlite", "postgres"):
            out = Path(args.dir) / f"bench-{database}.json"
            command = [sys.executable, __file__, *_forwarded(argv), "--database", database, "--json", str(out)]
            command += ["--dir", args.dir]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            results.append(json.loads(out.read_text()))
        print_report(results)
    else:
        result = run_one(args)
        print_report([result])
        results = [result]
    if args.json:
        Path(args.json).write_text(json.dumps(results[0] if len(results) == 1 else results, indent=1))


def _forwarded(argv) -> list[str]:
    """The command line without the options that the parent sets for each child."""
    argv = list(sys.argv[1:] if argv is None else argv)
    out, skip = [], False
    for item in argv:
        if skip:
            skip = False
            continue
        if item in ("--database", "--json", "--dir"):
            skip = True
            continue
        if item.startswith(("--database=", "--json=", "--dir=")):
            continue
        out.append(item)
    return out


if __name__ == "__main__":
    main()

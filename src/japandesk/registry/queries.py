"""Read-side analytics of the registry: the state of every project on a date and the
figures a leader asks for (active projects, registered capital, breakdowns, attracted
capital, registered against realised, series by year).

The dashboard's figures (`summary`, `attracted`, `yearly_series`) come from the in-memory
copy of the ledger in `registry.analytics`, where the state of every project on any date is a
binary search per project. `project_states` and `origins_on` read the same states in SQL, in
one pass over the ledger's covering index, for the lists and the checks; tests hold the two
readings to the same figures, and the list views use `Project.objects.as_of()`, which the
dashboard's drill-down tests compare too.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from django.db import connection

from japandesk.registry import analytics
from japandesk.registry.choices import EventKind
from japandesk.registry.models import Country, LedgerEvent, Project, Sector
from japandesk.zones.choices import PARK_AND_ZONE_KINDS, ZoneKind
from japandesk.zones.models import Zone

CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class ProjectState:
    project_id: int
    capital_usd: Decimal
    origin: str | None
    sector_id: int
    zone_id: int | None
    zone_kind: str | None
    registered_on: datetime.date


@dataclass(frozen=True)
class Filters:
    """Restrictions that leaders apply to the dashboard and that drill-down lists repeat."""

    origin: str | None = None  # ISO code of the origin economy
    sector: str | None = None  # VSIC section letter or a code prefix
    zone_kind: str | None = None
    zone: int | None = None
    in_zones: bool = False

    def as_query(self) -> dict:
        query = {}
        if self.origin:
            query["origin"] = self.origin
        if self.sector:
            query["sector"] = self.sector
        if self.zone_kind:
            query["zone_kind"] = self.zone_kind
        if self.zone:
            query["zone"] = self.zone
        if self.in_zones:
            query["in_zones"] = "1"
        return query


def _decimal(value) -> Decimal:
    if value is None:
        return Decimal(0)
    if isinstance(value, Decimal):
        return value.quantize(CENT)
    return Decimal(repr(value)).quantize(CENT) if isinstance(value, float) else Decimal(value).quantize(CENT)


def _date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _sqlite() -> bool:
    return connection.vendor == "sqlite"


def _cents(expression: str) -> str:
    """Money for a sum: SQLite adds decimals as floats, so there each amount, or each project's
    few amounts, becomes whole cents before larger sums, which then stay exact.
    """
    return f"CAST(ROUND(({expression}) * 100) AS INTEGER)" if _sqlite() else expression


def _money(value) -> Decimal:
    """A database sum as Decimal: whole cents from SQLite, numeric from PostgreSQL."""
    if value is None:
        return Decimal(0)
    if isinstance(value, int):
        return Decimal(value).scaleb(-2)
    return _decimal(value)


def _on_or_before(column: str) -> str:
    # SQLite compares a date column (numeric affinity) with a text parameter by first trying to
    # read the parameter as a number, on every row; the unary + drops the column's affinity.
    return f"+{column} <= %s" if _sqlite() else f"{column} <= %s"


def _latest_origin() -> str:
    """Select-list items giving origin_id, the origin of the latest event (alias e) that names
    one in each group, the later entry winning on the same date.

    SQLite: with a single max() aggregate in the query, SQLite takes a bare column from the
    row holding the maximum; events are ranked by day, then id (ids stay below 2**40).
    PostgreSQL: the maximum of [day, id, origin] arrays.
    """
    if _sqlite():
        rank = "CAST(julianday(e.date) AS INTEGER) * 1099511627776 + e.id"
        return f"MAX(CASE WHEN e.origin_id IS NOT NULL THEN {rank} END) AS origin_rank, e.origin_id AS origin_id"
    return """(MAX(ARRAY[e.date - DATE '2000-01-01', e.id, e.origin_id])
                   FILTER (WHERE e.origin_id IS NOT NULL))[3] AS origin_id"""


def _states_sql(on: datetime.date, registered_on: bool = False) -> tuple[str, list]:
    """Every project active at the end of `on`, in one pass over the ledger's (project, date,
    id, ...) index: (project_id, capital, origin_id[, registered_on]).

    Active means registered on or before `on` and not terminated then; the origin is that of
    the latest event that names one, the later entry winning on the same date. The SQL is
    written for SQLite and PostgreSQL.
    """
    ledger = _table(LedgerEvent)
    reg, term = EventKind.REGISTRATION.value, EventKind.TERMINATION.value
    if _sqlite():
        # A project has at most one registration and one termination (constraints), so the
        # status sum is 1 exactly when it is registered and not terminated; the sum, unlike
        # min() or max(), leaves _latest_origin() the query's only max().
        active = "SUM(CASE e.kind WHEN %s THEN 1 WHEN %s THEN 2 ELSE 0 END) = 1"
        registered = ", GROUP_CONCAT(CASE WHEN e.kind = %s THEN e.date END) AS registered_on"
    else:
        # Written with bool_or so that PostgreSQL's planner expects many active projects (it
        # guesses 1 in 200 for an equality on a sum) and joins them by hashing.
        active = "bool_or(e.kind = %s) AND NOT bool_or(e.kind = %s)"
        registered = ", MIN(CASE WHEN e.kind = %s THEN e.date END) AS registered_on"
    sql = f"""
        SELECT e.project_id AS project_id, SUM(e.capital_change_usd) AS capital,
               {_latest_origin()}{registered if registered_on else ""}
        FROM {ledger} e WHERE {_on_or_before("e.date")}
        GROUP BY e.project_id HAVING {active}
    """
    return sql, [*([reg] if registered_on else []), on, reg, term]


def project_states(on: datetime.date) -> list[ProjectState]:
    """Every project active at the end of `on`, with its capital and origin then."""
    states, params = _states_sql(on, registered_on=True)
    sql = f"""
        SELECT s.project_id, {_cents("s.capital")}, c.code, p.sector_id, p.zone_id, z.kind, s.registered_on
        FROM ({states}) s
        JOIN {_table(Project)} p ON p.id = s.project_id
        LEFT JOIN {_table(Country)} c ON c.id = s.origin_id
        LEFT JOIN {_table(Zone)} z ON z.id = p.zone_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        ProjectState(pid, _money(capital), origin, sector_id, zone_id, zone_kind, _date(registered))
        for pid, capital, origin, sector_id, zone_id, zone_kind, registered in rows
    ]


def _static_selection(copy: analytics.LedgerCopy, filters: Filters, zones: dict | None = None) -> np.ndarray:
    """Which projects match the filters on what does not change with the date: sector and zone.
    `zones`: the zones by id, when the caller has them already."""
    keep = np.ones(len(copy), dtype=bool)
    if filters.sector:
        sectors = Sector.objects.all()
        if filters.sector[:1].isalpha():
            sectors = sectors.filter(section=filters.sector.upper())
        else:
            sectors = sectors.filter(code__startswith=filters.sector)
        keep &= np.isin(copy.sector_id, np.array(list(sectors.values_list("id", flat=True)), dtype=np.int64))
    if filters.in_zones or filters.zone_kind or filters.zone:
        chosen = []
        rows = (
            [(z.pk, z.kind, z.parent_id) for z in zones.values()]
            if zones is not None
            else Zone.objects.values_list("id", "kind", "parent_id")
        )
        for pk, kind, parent_id in rows:
            if filters.in_zones and kind not in PARK_AND_ZONE_KINDS:
                continue
            if filters.zone_kind and kind != filters.zone_kind:
                continue
            if filters.zone and filters.zone not in (pk, parent_id):
                continue
            chosen.append(pk)
        keep &= np.isin(copy.zone_id, np.array(chosen, dtype=np.int64))
    return keep


def _origin_selection(origin_ids: np.ndarray, filters: Filters, countries: dict | None = None) -> np.ndarray | bool:
    """Which projects have the filters' origin (`origin_ids`: each project's origin on the day).
    `countries`: the countries by id, when the caller has them already."""
    if not filters.origin:
        return True
    if countries is not None:
        country = next((pk for pk, c in countries.items() if c.code == filters.origin), None)
    else:
        country = Country.objects.filter(code=filters.origin).values_list("id", flat=True).first()
    return origin_ids == (country if country is not None else -2)


def _grouped_with_counts(keys: np.ndarray, values: np.ndarray) -> tuple[list, np.ndarray, np.ndarray]:
    """The distinct keys, how many entries each has and the exact (integer) sum of their values."""
    if not len(keys):
        return [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    distinct, starts = np.unique(keys[order], return_index=True)
    counts = np.diff(np.append(starts, len(keys)))
    sums = np.add.reduceat(values[order], starts) if values is not None else counts
    return [key.item() if hasattr(key, "item") else key for key in distinct], counts, sums


def _grouped(keys: np.ndarray, values: np.ndarray | None = None) -> tuple[list, np.ndarray]:
    """The distinct keys (small integers, such as years) and, for each, its entries counted or
    (with `values`) summed exactly."""
    if not len(keys):
        return [], np.zeros(0, dtype=np.int64)
    low = int(keys.min())
    counts = np.bincount(keys - low)
    present = np.flatnonzero(counts)
    if values is None:
        return [int(k) + low for k in present], counts[present]
    # bincount adds in float64, exact for integers while every partial sum stays under 2**53.
    if int(np.abs(values).sum()) < 2**53:
        sums = np.rint(np.bincount(keys - low, weights=values)).astype(np.int64)
        return [int(k) + low for k in present], sums[present]
    distinct, _counts, sums = _grouped_with_counts(keys, values)
    return distinct, sums


def _rekey(buckets: dict, key_of) -> dict:
    """Buckets of (projects, capital) under new keys, merging those that fall together."""
    result: dict = {}
    for key, (n, amount) in buckets.items():
        new = key_of(key)
        count, so_far = result.get(new, (0, Decimal(0)))
        result[new] = (count + n, so_far + amount)
    return result


# A year of the series before anything is added to it: sums in cents, counts.
EMPTY_YEAR = {"delta": 0, "attracted": 0, "new": 0, "terminated": 0, "terminated_capital": 0, "realised": 0}


@dataclass
class Bucket:
    key: str | int | None
    label: str
    projects: int = 0
    capital_usd: Decimal = Decimal(0)
    share_of_capital: Decimal = Decimal(0)
    query: dict = field(default_factory=dict)


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole) if whole else Decimal(0)


def attracted(start: datetime.date, end: datetime.date, filters: Filters = Filters()) -> dict:
    """Capital attracted from `start` to `end` inclusive: new registrations plus increases.

    The origin filter uses each project's origin at `end`.
    """
    return _attracted(analytics.ledger_copy(), start, end, filters)


def _attracted(copy, start, end, filters: Filters, keep=None) -> dict:
    """`keep`: the projects matching `filters` at `end`, when the caller has them already."""
    first, last = analytics.day_number(start), analytics.day_number(end)
    if keep is None:
        keep = _static_selection(copy, filters) & _origin_selection(copy.origin_on(last), filters)
    days, kinds = copy.event_day, copy.event_kind
    in_period = (days >= first) & (days <= last) & keep[copy.event_row]
    totals = {}
    for kind, code in ((EventKind.REGISTRATION, analytics.REGISTRATION), (EventKind.INCREASE, analytics.INCREASE)):
        chosen = in_period & (kinds == code)
        totals[kind] = (int(chosen.sum()), _money(int(copy.event_cents[chosen].sum())))
    new_count, new_usd = totals[EventKind.REGISTRATION]
    increase_count, increase_usd = totals[EventKind.INCREASE]
    return {
        "from": start,
        "to": end,
        "new_projects": new_count,
        "new_capital_usd": new_usd,
        "increases": increase_count,
        "increase_capital_usd": increase_usd,
        "attracted_usd": new_usd + increase_usd,
    }


def origins_on(on: datetime.date) -> dict[int, str]:
    """Each project's origin economy at the end of `on` (registered or not)."""
    sql = f"""
        SELECT latest.project_id, c.code FROM (
            SELECT e.project_id AS project_id, {_latest_origin()}
            FROM {_table(LedgerEvent)} e
            WHERE e.origin_id IS NOT NULL AND {_on_or_before("e.date")}
            GROUP BY e.project_id
        ) latest JOIN {_table(Country)} c ON c.id = latest.origin_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [on])
        return dict(cursor.fetchall())


def yearly_series(on: datetime.date, filters: Filters = Filters(), first_year: int | None = None) -> list[dict]:
    """For each year up to `on`: active projects and registered capital at year end (at `on`
    for the last year), and capital attracted and realised during the year.

    With filters, the series follows the projects that match them at `on`; the
    province-wide series is exact at every year end.
    """
    copy = analytics.ledger_copy()
    day = analytics.day_number(on)
    if filters == Filters():
        keep = np.ones(len(copy), dtype=bool)
    else:
        figures = copy.figures_on(day)
        keep = figures.active & _static_selection(copy, filters) & _origin_selection(figures.origin_id, filters)

    by_year: dict[int, dict] = defaultdict(lambda: dict(EMPTY_YEAR))

    def add(name: str, years, values=None) -> None:
        for year, total in zip(*_grouped(years, values), strict=True):
            by_year[int(year)][name] += int(total)

    events = (copy.event_day <= day) & keep[copy.event_row]
    event_years = copy.event_year[events]
    kinds, cents = copy.event_kind[events], copy.event_cents[events]
    add("delta", event_years, cents)
    attracting = (kinds == analytics.REGISTRATION) | (kinds == analytics.INCREASE)
    add("attracted", event_years[attracting], cents[attracting])
    add("new", event_years[kinds == analytics.REGISTRATION])
    # A terminated project leaves the active total with all the capital it had on that day.
    ended = np.flatnonzero((copy.terminated_day <= day) & keep)
    ended_days = copy.terminated_day[ended]
    through = np.searchsorted(copy.event_key, ended * analytics.DAY_SPAN + ended_days, side="right")
    capital_then = copy.event_running[through] - copy.event_running[copy.event_start[ended]]
    add("terminated", analytics.years(ended_days))
    add("terminated_capital", analytics.years(ended_days), capital_then)
    paid = (copy.paid_day <= day) & keep[copy.paid_row]
    add("realised", copy.paid_year[paid], copy.paid_cents[paid])
    if not by_year:
        return []
    start = first_year or min(by_year)
    series, capital, projects = [], 0, 0
    for year in range(min(by_year), on.year + 1):
        data = by_year.get(year, EMPTY_YEAR)
        capital += data["delta"] - data["terminated_capital"]
        projects += data["new"] - data["terminated"]
        if year >= start:
            series.append(
                {
                    "year": year,
                    "projects": projects,
                    "registered_capital_usd": _money(capital),
                    "attracted_usd": _money(data["attracted"]),
                    "realised_usd": _money(data["realised"]),
                    "new_projects": data["new"],
                    "terminated": data["terminated"],
                }
            )
    return series


def _bucket_list(totals: dict, labels: dict, total: Decimal, query_key: str) -> list[Bucket]:
    result = [
        Bucket(
            key=key,
            label=labels[key],
            projects=n,
            capital_usd=capital,
            query={query_key: key if key is not None else "none"},
        )
        for key, (n, capital) in totals.items()
    ]
    result.sort(key=lambda b: (-b.capital_usd, str(b.label)))
    for bucket in result:
        bucket.share_of_capital = _share(bucket.capital_usd, total)
    return result


def summary(on: datetime.date, filters: Filters = Filters(), period_from: datetime.date | None = None) -> dict:
    """The dashboard's figures for `on` (and the period from `period_from` to `on`)."""
    copy = analytics.ledger_copy()
    state = copy.figures_on(analytics.day_number(on))
    zones = {z.id: z for z in Zone.objects.all()}
    countries = {c.id: c for c in Country.objects.all()}
    active = state.active
    matching = _static_selection(copy, filters, zones) & _origin_selection(state.origin_id, filters, countries)
    selected = active & matching
    capital_cents = state.capital_cents[selected]
    projects = int(selected.sum())
    capital = _money(int(capital_cents.sum()))
    province_projects = int(active.sum())
    province_capital = _money(int(state.capital_cents[active].sum()))
    realised = _money(int(state.realised_cents[selected].sum()))

    code_of = {pk: c.code for pk, c in countries.items()}
    section_of = dict(Sector.objects.values_list("id", "section"))

    def buckets(keys) -> dict:
        return {
            key: (int(n), _money(int(cents)))
            for key, n, cents in zip(*_grouped_with_counts(keys, capital_cents), strict=True)
        }

    by = {
        "origin": _rekey(buckets(state.origin_id[selected]), lambda pk: code_of.get(pk)),
        "sector": _rekey(buckets(copy.sector_id[selected]), lambda pk: section_of.get(pk) or None),
        "zone": _rekey(buckets(copy.zone_id[selected]), lambda pk: None if pk < 0 else pk),
    }
    by["zone_kind"] = _rekey(by["zone"], lambda pk: zones[pk].kind if pk in zones else None)

    by_code = {c.code: c for c in countries.values()}
    sections = {s.code: s for s in Sector.objects.filter(code__in=[k for k in by["sector"] if k])}
    by_sector = {}
    for key, (n, amount) in by["sector"].items():
        # A section letter with no Sector row of its own is shown as unknown.
        key = key if key in sections else None
        count, so_far = by_sector.get(key, (0, Decimal(0)))
        by_sector[key] = (count + n, so_far + amount)
    labels = {
        "origin": {k: (by_code[k].name if k in by_code else "?") for k in by["origin"]},
        "sector": {k: (sections[k].name if k else "?") for k in by_sector},
        "zone_kind": {k: (ZoneKind(k).label if k is not None else None) for k in by["zone_kind"]},
        "zone": {k: zones[k].display_name for k in by["zone"] if k in zones},
    }
    result = {
        "as_of": on,
        "filters": filters,
        "projects": projects,
        "registered_capital_usd": capital,
        "province_projects": province_projects,
        "province_capital_usd": province_capital,
        "share_of_capital": _share(capital, province_capital),
        "origin_economies": len([k for k in by["origin"] if k]),
        "by_origin": _bucket_list(by["origin"], labels["origin"], capital, "origin"),
        "by_sector": _bucket_list(by_sector, labels["sector"], capital, "sector"),
        "by_zone_kind": _bucket_list(by["zone_kind"], labels["zone_kind"], capital, "zone_kind"),
        # A zone's row counts the projects located in it, not in the parks inside it.
        "by_zone": _bucket_list(
            {k: v for k, v in by["zone"].items() if k in zones}, labels["zone"], capital, "exact_zone"
        ),
        "realised_usd": realised,
    }
    if period_from:
        result["period"] = _attracted(copy, period_from, on, filters, keep=matching)
    return result


def lineup_on(project: Project, on: datetime.date) -> list:
    """The investors and their shares in force at the end of `on`."""
    event = (
        project.events.filter(date__lte=on, participations__isnull=False).order_by("-date", "-id").distinct().first()
    )
    if event is None:
        return []
    return list(event.participations.select_related("investor", "investor__country"))


def stats_payload(
    on: datetime.date,
    origin: str | None = None,
    in_zones: bool = False,
    period_from: datetime.date | None = None,
) -> dict:
    """The registry's headline figures as plain JSON data (the `stats` command and the API print it).

    `share_of_capital` is the selected projects' share of all active capital in the province.
    """
    filters = Filters(origin=origin.upper() if origin else None, in_zones=in_zones)
    figures = summary(on, filters, period_from)
    payload = {
        "as_of": on.isoformat(),
        "origin": filters.origin,
        "in_zones": in_zones,
        "projects": figures["projects"],
        "registered_capital_usd": float(figures["registered_capital_usd"]),
        "origin_economies": figures["origin_economies"],
        "province_projects": figures["province_projects"],
        "province_capital_usd": float(figures["province_capital_usd"]),
        "share_of_capital": float(round(figures["share_of_capital"], 6)),
        "realised_usd": float(figures["realised_usd"]),
        "by_origin": [
            {"origin": b.key, "projects": b.projects, "capital_usd": float(b.capital_usd)} for b in figures["by_origin"]
        ],
    }
    if period_from:
        period = figures["period"]
        payload.update(
            {
                "from": period_from.isoformat(),
                "attracted_usd": float(period["attracted_usd"]),
                "new_projects": period["new_projects"],
                "new_capital_usd": float(period["new_capital_usd"]),
                "increases": period["increases"],
                "increase_capital_usd": float(period["increase_capital_usd"]),
            }
        )
    return payload

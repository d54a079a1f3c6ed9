"""Read-side analytics of the registry: the state of every project on a date and the
figures a leader asks for (active projects, registered capital, breakdowns, attracted
capital, registered against realised, series by year).

The dashboard needs every active project's state at once, so it reads them in one
statement over the ledger rather than through per-project subqueries; the list views
use `Project.objects.as_of()`, and tests check that both agree.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from japandesk.registry.choices import ATTRACTING_KINDS, EventKind
from japandesk.registry.models import Country, Disbursement, LedgerEvent, Project, Sector
from japandesk.zones.choices import PARK_AND_ZONE_KINDS
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


def project_states(on: datetime.date) -> list[ProjectState]:
    """Every project active at the end of `on`, with its capital and origin then."""
    sql = f"""
        WITH ev AS (
            SELECT id, project_id, kind, date, capital_change_usd AS usd, origin_id
            FROM {_table(LedgerEvent)} WHERE date <= %s
        ), agg AS (
            SELECT project_id, SUM(usd) AS capital,
                   MIN(CASE WHEN kind = %s THEN date END) AS registered_on,
                   MAX(CASE WHEN kind = %s THEN 1 ELSE 0 END) AS terminated
            FROM ev GROUP BY project_id
        ), lineup AS (
            SELECT project_id, origin_id,
                   ROW_NUMBER() OVER (PARTITION BY project_id ORDER BY date DESC, id DESC) AS rn
            FROM ev WHERE origin_id IS NOT NULL
        )
        SELECT p.id, agg.capital, c.code, p.sector_id, p.zone_id, z.kind, agg.registered_on
        FROM agg
        JOIN {_table(Project)} p ON p.id = agg.project_id
        LEFT JOIN lineup ON lineup.project_id = agg.project_id AND lineup.rn = 1
        LEFT JOIN {_table(Country)} c ON c.id = lineup.origin_id
        LEFT JOIN {_table(Zone)} z ON z.id = p.zone_id
        WHERE agg.terminated = 0 AND agg.registered_on IS NOT NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [on, EventKind.REGISTRATION.value, EventKind.TERMINATION.value])
        rows = cursor.fetchall()
    return [
        ProjectState(pid, _decimal(capital), origin, sector_id, zone_id, zone_kind, _date(registered))
        for pid, capital, origin, sector_id, zone_id, zone_kind, registered in rows
    ]


class SectorIndex:
    """Sector ids mapped to their section and division, read once per request."""

    def __init__(self):
        self.by_id = {s.id: s for s in Sector.objects.all()}
        self.by_code = {s.code: s for s in self.by_id.values()}

    def section(self, sector_id: int) -> Sector | None:
        sector = self.by_id.get(sector_id)
        return self.by_code.get(sector.section) if sector else None

    def division(self, sector_id: int) -> Sector | None:
        sector = self.by_id.get(sector_id)
        return self.by_code.get(sector.code[:2]) if sector and sector.code[:1].isdigit() else sector

    def matches(self, sector_id: int, code: str) -> bool:
        sector = self.by_id.get(sector_id)
        if sector is None:
            return False
        if code[:1].isalpha():
            return sector.section == code.upper()
        return sector.code.startswith(code)


def apply_filters(states: list[ProjectState], filters: Filters, sectors: SectorIndex | None = None):
    zone_ids = None
    if filters.zone:
        zone_ids = {filters.zone, *Zone.objects.filter(parent_id=filters.zone).values_list("id", flat=True)}
    result = []
    for state in states:
        if filters.origin and state.origin != filters.origin:
            continue
        if filters.in_zones and state.zone_kind not in PARK_AND_ZONE_KINDS:
            continue
        if filters.zone_kind and state.zone_kind != filters.zone_kind:
            continue
        if zone_ids is not None and state.zone_id not in zone_ids:
            continue
        if filters.sector and not (sectors or SectorIndex()).matches(state.sector_id, filters.sector):
            continue
        result.append(state)
    return result


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


def _buckets(states, key_label, total: Decimal, query_key: str) -> list[Bucket]:
    """Group states by a key; each bucket carries the list-filter query that selects its rows."""
    buckets: dict = {}
    for state in states:
        key, label = key_label(state)
        bucket = buckets.get(key)
        if bucket is None:
            bucket = buckets[key] = Bucket(key=key, label=label, query={query_key: key if key is not None else "none"})
        bucket.projects += 1
        bucket.capital_usd += state.capital_usd
    result = sorted(buckets.values(), key=lambda b: (-b.capital_usd, str(b.label)))
    for bucket in result:
        bucket.share_of_capital = _share(bucket.capital_usd, total)
    return result


def attracted(start: datetime.date, end: datetime.date, filters: Filters = Filters(), states=None) -> dict:
    """Capital attracted from `start` to `end` inclusive: new registrations plus increases.

    The origin filter uses each project's origin at `end`.
    """
    events = LedgerEvent.objects.filter(date__gte=start, date__lte=end, kind__in=ATTRACTING_KINDS)
    needs_states = bool(filters.origin)
    if filters.in_zones:
        events = events.filter(project__zone__kind__in=PARK_AND_ZONE_KINDS)
    if filters.zone_kind:
        events = events.filter(project__zone__kind=filters.zone_kind)
    if filters.zone:
        events = events.filter(Q(project__zone_id=filters.zone) | Q(project__zone__parent_id=filters.zone))
    if filters.sector:
        if filters.sector[:1].isalpha():
            events = events.filter(project__sector__section=filters.sector.upper())
        else:
            events = events.filter(project__sector__code__startswith=filters.sector)
    if needs_states:
        origin_of = origins_on(end)
        rows = events.values_list("project_id", "kind", "capital_change_usd")
        new_usd = increase_usd = Decimal(0)
        new_count = increase_count = 0
        for project_id, kind, usd in rows:
            if origin_of.get(project_id) != filters.origin:
                continue
            if kind == EventKind.REGISTRATION:
                new_count += 1
                new_usd += usd
            else:
                increase_count += 1
                increase_usd += usd
    else:
        totals = {
            row["kind"]: row
            for row in events.order_by().values("kind").annotate(n=Count("id"), usd=Sum("capital_change_usd"))
        }
        new = totals.get(EventKind.REGISTRATION, {})
        inc = totals.get(EventKind.INCREASE, {})
        new_count, new_usd = new.get("n", 0), _decimal(new.get("usd"))
        increase_count, increase_usd = inc.get("n", 0), _decimal(inc.get("usd"))
    return {
        "from": start,
        "to": end,
        "new_projects": new_count,
        "new_capital_usd": _decimal(new_usd),
        "increases": increase_count,
        "increase_capital_usd": _decimal(increase_usd),
        "attracted_usd": _decimal(new_usd) + _decimal(increase_usd),
    }


def origins_on(on: datetime.date) -> dict[int, str]:
    """Each project's origin economy at the end of `on` (registered or not)."""
    latest: dict[int, tuple] = {}
    rows = (
        LedgerEvent.objects.filter(date__lte=on, origin__isnull=False)
        .values_list("project_id", "date", "id", "origin__code")
        .order_by()
    )
    for project_id, date, event_id, code in rows:
        current = latest.get(project_id)
        if current is None or (date, event_id) > current[:2]:
            latest[project_id] = (date, event_id, code)
    return {pid: value[2] for pid, value in latest.items()}


def realised(states: list[ProjectState], on: datetime.date) -> Decimal:
    """Capital disbursed up to `on` by the given projects."""
    ids = {s.project_id for s in states}
    total = Decimal(0)
    rows = Disbursement.objects.filter(date__lte=on).values("project_id").annotate(usd=Sum("amount_usd")).order_by()
    for row in rows:
        if row["project_id"] in ids:
            total += _decimal(row["usd"])
    return total


def yearly_series(on: datetime.date, filters: Filters = Filters(), first_year: int | None = None) -> list[dict]:
    """For each year up to `on`: active projects and registered capital at year end (at `on`
    for the last year), and capital attracted and realised during the year.

    With filters, the series follows the projects that match them at `on`; the
    province-wide series is exact at every year end.
    """
    keep = None
    if filters != Filters():
        keep = {s.project_id for s in apply_filters(project_states(on), filters, SectorIndex())}
    group = ("project_id", "year", "kind") if keep is not None else ("year", "kind")
    rows = (
        LedgerEvent.objects.filter(date__lte=on)
        .annotate(year=ExtractYear("date"))
        .values(*group)
        .annotate(n=Count("id"), usd=Sum("capital_change_usd"))
        .order_by()
    )
    empty = {
        "delta": Decimal(0),
        "attracted": Decimal(0),
        "new": 0,
        "terminated": 0,
        "terminated_capital": Decimal(0),
        "realised": Decimal(0),
    }
    by_year = defaultdict(lambda: dict(empty))
    for row in rows:
        if keep is not None and row["project_id"] not in keep:
            continue
        year = by_year[row["year"]]
        usd = _decimal(row["usd"])
        year["delta"] += usd
        if row["kind"] in ATTRACTING_KINDS:
            year["attracted"] += usd
        if row["kind"] == EventKind.REGISTRATION:
            year["new"] += row["n"]
    # A terminated project leaves the active total with all the capital it had then.
    termination_year = {
        pid: d.year
        for pid, d in LedgerEvent.objects.filter(date__lte=on, kind=EventKind.TERMINATION).values_list(
            "project_id", "date"
        )
        if keep is None or pid in keep
    }
    if termination_year:
        for row in (
            LedgerEvent.objects.filter(
                date__lte=on, project__events__kind=EventKind.TERMINATION, project__events__date__lte=on
            )
            .values("project_id")
            .annotate(usd=Sum("capital_change_usd"))
            .order_by()
        ):
            if row["project_id"] in termination_year:
                year = by_year[termination_year[row["project_id"]]]
                year["terminated"] += 1
                year["terminated_capital"] += _decimal(row["usd"])
    for row in (
        Disbursement.objects.filter(date__lte=on)
        .annotate(year=ExtractYear("date"))
        .values("project_id", "year")
        .annotate(usd=Sum("amount_usd"))
        .order_by()
    ):
        if keep is None or row["project_id"] in keep:
            by_year[row["year"]]["realised"] += _decimal(row["usd"])
    if not by_year:
        return []
    start = first_year or min(by_year)
    series, capital, projects = [], Decimal(0), 0
    for year in range(min(by_year), on.year + 1):
        data = by_year.get(year, empty)
        capital += data["delta"] - data["terminated_capital"]
        projects += data["new"] - data["terminated"]
        if year >= start:
            series.append(
                {
                    "year": year,
                    "projects": projects,
                    "registered_capital_usd": capital,
                    "attracted_usd": data["attracted"],
                    "realised_usd": data["realised"],
                    "new_projects": data["new"],
                    "terminated": data["terminated"],
                }
            )
    return series


def summary(on: datetime.date, filters: Filters = Filters(), period_from: datetime.date | None = None) -> dict:
    """The dashboard's figures for `on` (and the period from `period_from` to `on`)."""
    sectors = SectorIndex()
    all_states = project_states(on)
    states = apply_filters(all_states, filters, sectors)
    province_capital = sum((s.capital_usd for s in all_states), Decimal(0))
    capital = sum((s.capital_usd for s in states), Decimal(0))
    countries = {c.code: c for c in Country.objects.all()}
    zones = {z.id: z for z in Zone.objects.all()}

    def origin_label(state):
        country = countries.get(state.origin)
        return state.origin, (country.name if country else "?")

    def sector_label(state):
        section = sectors.section(state.sector_id)
        return (section.code, section.name) if section else (None, "?")

    def zone_kind_label(state):
        from japandesk.zones.choices import ZoneKind

        if state.zone_kind is None:
            return None, None
        return state.zone_kind, ZoneKind(state.zone_kind).label

    def zone_label(state):
        zone = zones.get(state.zone_id)
        return (zone.id, zone.display_name) if zone else (None, None)

    result = {
        "as_of": on,
        "filters": filters,
        "projects": len(states),
        "registered_capital_usd": capital,
        "province_projects": len(all_states),
        "province_capital_usd": province_capital,
        "share_of_capital": _share(capital, province_capital),
        "origin_economies": len({s.origin for s in states if s.origin}),
        "by_origin": _buckets(states, origin_label, capital, "origin"),
        "by_sector": _buckets(states, sector_label, capital, "sector"),
        "by_zone_kind": _buckets(states, zone_kind_label, capital, "zone_kind"),
        # A zone's row counts the projects located in it, not in the parks inside it.
        "by_zone": [b for b in _buckets(states, zone_label, capital, "exact_zone") if b.key is not None],
        "realised_usd": realised(states, on),
    }
    if period_from:
        result["period"] = attracted(period_from, on, filters)
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

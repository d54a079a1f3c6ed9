"""Read-side analytics of the registry: the state of every project on a date and the
figures a leader asks for (active projects, registered capital, breakdowns, attracted
capital, registered against realised, series by year).

The dashboard needs every active project's state at once, so it reads them in one
pass over the ledger rather than through per-project subqueries, and lets the database
add them up by origin, sector and zone; the list views use `Project.objects.as_of()`,
and tests check that both agree. The SQL is written for SQLite and PostgreSQL, where
the covering indexes of the ledger and disbursements let these passes read indexes
only (bench/registry_scale.py measures them on a national-scale registry).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection

from japandesk.registry.choices import ATTRACTING_KINDS, EventKind
from japandesk.registry.models import Country, Disbursement, LedgerEvent, Project, Sector
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


def _year(column: str) -> str:
    if _sqlite():
        return f"CAST(SUBSTR({column}, 1, 4) AS INTEGER)"
    # date_part() returns a float; EXTRACT() a numeric, slower to compute on every row.
    return f"CAST(date_part('year', {column}) AS integer)"


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


def _selection_sql(filters: Filters) -> tuple[str, str, list]:
    """The filters as (joins, condition) over states s joined to projects p and sectors sec."""
    joins, clauses, params = "", [], []
    if filters.origin:
        joins += f" LEFT JOIN {_table(Country)} c ON c.id = s.origin_id"
        clauses.append("c.code = %s")
        params.append(filters.origin)
    if filters.in_zones or filters.zone_kind or filters.zone:
        joins += f" LEFT JOIN {_table(Zone)} z ON z.id = p.zone_id"
    if filters.in_zones:
        clauses.append(f"z.kind IN ({', '.join(['%s'] * len(PARK_AND_ZONE_KINDS))})")
        params.extend(str(kind) for kind in PARK_AND_ZONE_KINDS)
    if filters.zone_kind:
        clauses.append("z.kind = %s")
        params.append(filters.zone_kind)
    if filters.zone:
        clauses.append("(p.zone_id = %s OR z.parent_id = %s)")
        params.extend([filters.zone, filters.zone])
    if filters.sector:
        if filters.sector[:1].isalpha():
            clauses.append("sec.section = %s")
            params.append(filters.sector.upper())
        else:
            clauses.append("SUBSTR(sec.code, 1, %s) = %s")
            params.extend([len(filters.sector), filters.sector])
    return joins, " AND ".join(clauses) or "1 = 1", params


def _state_totals(on: datetime.date, filters: Filters) -> list[tuple]:
    """Active projects at `on` counted and summed by origin, sector section and zone, and whether
    they pass `filters`: rows of (origin_id, section, zone_id, selected, projects, capital,
    realised). On PostgreSQL the realised capital of the selected projects comes on a row of its
    own, with no projects.
    """
    states, params = _states_sql(on)
    joins, condition, filter_params = _selection_sql(filters)
    project, sector, disbursements = _table(Project), _table(Sector), _table(Disbursement)
    if _sqlite():
        # Realised capital per active project: SQLite joins by nested loops, and one lookup per
        # project on the (project, date, amount) index beats grouping every disbursement.
        sql = f"""
            SELECT s.origin_id, sec.section, p.zone_id, CASE WHEN {condition} THEN 1 ELSE 0 END,
                   COUNT(*), SUM({_cents("s.capital")}),
                   SUM((SELECT {_cents("SUM(d.amount_usd)")} FROM {disbursements} d
                        WHERE d.project_id = s.project_id AND {_on_or_before("d.date")}))
            FROM ({states}) s
            JOIN {project} p ON p.id = s.project_id
            JOIN {sector} sec ON sec.id = p.sector_id
            {joins}
            GROUP BY 1, 2, 3, 4
        """
        sql_params = [*filter_params, on, *params]
    else:
        sql = f"""
            WITH active AS MATERIALIZED (
                SELECT s.project_id, s.origin_id, sec.section, p.zone_id, s.capital,
                       CASE WHEN {condition} THEN 1 ELSE 0 END AS selected
                FROM ({states}) s
                JOIN {project} p ON p.id = s.project_id
                JOIN {sector} sec ON sec.id = p.sector_id
                {joins}
            )
            SELECT origin_id, section, zone_id, selected, COUNT(*), SUM(capital), NULL
            FROM active GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT NULL, NULL, NULL, 1, 0, NULL, SUM(CASE WHEN active.selected = 1 THEN d.amount_usd END)
            FROM active JOIN {disbursements} d ON d.project_id = active.project_id AND d.date <= %s
        """
        sql_params = [*filter_params, *params, on]
    with connection.cursor() as cursor:
        cursor.execute(sql, sql_params)
        return cursor.fetchall()


def _selected_projects_sql(on: datetime.date, filters: Filters) -> tuple[str, list]:
    """The ids of the projects active at `on` that match `filters`, as a subquery."""
    states, params = _states_sql(on)
    joins, condition, filter_params = _selection_sql(filters)
    sql = f"""
        SELECT s.project_id FROM ({states}) s
        JOIN {_table(Project)} p ON p.id = s.project_id
        JOIN {_table(Sector)} sec ON sec.id = p.sector_id
        {joins}
        WHERE {condition}
    """
    return sql, [*params, *filter_params]


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


def attracted(start: datetime.date, end: datetime.date, filters: Filters = Filters(), states=None) -> dict:
    """Capital attracted from `start` to `end` inclusive: new registrations plus increases.

    The origin filter uses each project's origin at `end`.
    """
    ledger = _table(LedgerEvent)
    joins, clauses, params = "", [], []
    if filters.in_zones or filters.zone_kind or filters.zone:
        joins += f" LEFT JOIN {_table(Zone)} z ON z.id = p.zone_id"
    if filters.in_zones:
        clauses.append(f"z.kind IN ({', '.join(['%s'] * len(PARK_AND_ZONE_KINDS))})")
        params.extend(str(kind) for kind in PARK_AND_ZONE_KINDS)
    if filters.zone_kind:
        clauses.append("z.kind = %s")
        params.append(filters.zone_kind)
    if filters.zone:
        clauses.append("(p.zone_id = %s OR z.parent_id = %s)")
        params.extend([filters.zone, filters.zone])
    if filters.sector:
        joins += f" JOIN {_table(Sector)} sec ON sec.id = p.sector_id"
        if filters.sector[:1].isalpha():
            clauses.append("sec.section = %s")
            params.append(filters.sector.upper())
        else:
            clauses.append("SUBSTR(sec.code, 1, %s) = %s")
            params.extend([len(filters.sector), filters.sector])
    if filters.origin:
        # The origin in force at `end`: the latest event naming one, read backwards on the
        # (project, date, id) index for each event of the period.
        clauses.append(
            f"""(SELECT c.code FROM {ledger} o JOIN {_table(Country)} c ON c.id = o.origin_id
                WHERE o.project_id = e.project_id AND o.origin_id IS NOT NULL AND o.date <= %s
                ORDER BY o.date DESC, o.id DESC LIMIT 1) = %s"""
        )
        params.extend([end, filters.origin])
    project_join = f"JOIN {_table(Project)} p ON p.id = e.project_id" if joins else ""
    where = "".join(f" AND {clause}" for clause in clauses)
    sql = f"""
        SELECT e.kind, COUNT(*), SUM({_cents("e.capital_change_usd")})
        FROM {ledger} e {project_join} {joins}
        WHERE e.date >= %s AND e.date <= %s AND e.kind IN (%s, %s) {where}
        GROUP BY e.kind
    """
    totals = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [start, end, EventKind.REGISTRATION.value, EventKind.INCREASE.value, *params])
        for kind, n, usd in cursor.fetchall():
            totals[kind] = (n, _money(usd))
    new_count, new_usd = totals.get(EventKind.REGISTRATION.value, (0, Decimal(0)))
    increase_count, increase_usd = totals.get(EventKind.INCREASE.value, (0, Decimal(0)))
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
    ledger = _table(LedgerEvent)
    selected, keep_params = _selected_projects_sql(on, filters) if filters != Filters() else ("", [])

    def keep(column: str) -> str:
        return f"AND {column} IN ({selected})" if selected else ""

    empty = {
        "delta": Decimal(0),
        "attracted": Decimal(0),
        "new": 0,
        "terminated": 0,
        "terminated_capital": Decimal(0),
        "realised": Decimal(0),
    }
    by_year = defaultdict(lambda: dict(empty))
    with connection.cursor() as cursor:
        ledger_rows = f"{ledger} e WHERE e.date <= %s {keep('e.project_id')}"
        disbursement_rows = f"{_table(Disbursement)} d WHERE d.date <= %s {keep('d.project_id')}"
        if _sqlite():
            # By day first, streaming in the order of the (date, ...) indexes, then by year:
            # SQLite sorts to group, and sorting the days is cheaper than sorting every row.
            events_sql = f"""
                SELECT {_year("day")}, kind, SUM(n), SUM(usd) FROM (
                    SELECT e.date AS day, e.kind AS kind, COUNT(*) AS n,
                           SUM({_cents("e.capital_change_usd")}) AS usd
                    FROM {ledger_rows} GROUP BY e.date, e.kind
                ) days GROUP BY 1, 2"""
            disbursements_sql = f"""
                SELECT {_year("day")}, SUM(usd) FROM (
                    SELECT d.date AS day, SUM({_cents("d.amount_usd")}) AS usd
                    FROM {disbursement_rows} GROUP BY d.date
                ) days GROUP BY 1"""
        else:
            events_sql = f"""SELECT {_year("e.date")}, e.kind, COUNT(*), SUM(e.capital_change_usd)
                FROM {ledger_rows} GROUP BY 1, 2"""
            disbursements_sql = f"SELECT {_year('d.date')}, SUM(d.amount_usd) FROM {disbursement_rows} GROUP BY 1"
        cursor.execute(events_sql, [on, *keep_params])
        for year_no, kind, n, usd in cursor.fetchall():
            year = by_year[year_no]
            usd = _money(usd)
            year["delta"] += usd
            if kind in ATTRACTING_KINDS:
                year["attracted"] += usd
            if kind == EventKind.REGISTRATION:
                year["new"] += n
        # A terminated project leaves the active total with all the capital it had then: its
        # ledger summed through the project's index, for each termination.
        capital_then = f"""(SELECT SUM(e.capital_change_usd) FROM {ledger} e
                           WHERE e.project_id = t.project_id AND e.date <= %s)"""
        cursor.execute(
            f"""SELECT {_year("t.date")}, COUNT(*), SUM({_cents(capital_then)})
            FROM {ledger} t WHERE t.kind = %s AND {_on_or_before("t.date")} {keep("t.project_id")}
            GROUP BY 1""",
            [on, EventKind.TERMINATION.value, on, *keep_params],
        )
        for year_no, n, usd in cursor.fetchall():
            year = by_year[year_no]
            year["terminated"] += n
            year["terminated_capital"] += _money(usd)
        cursor.execute(disbursements_sql, [on, *keep_params])
        for year_no, usd in cursor.fetchall():
            by_year[year_no]["realised"] += _money(usd)
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
    # Sums stay as the database returns them (whole cents from SQLite) until the end.
    province_projects = province_total = projects = total = paid_total = 0
    paid_any = False
    by = {"origin": {}, "sector": {}, "zone_kind": {}, "zone": {}}
    zones = {z.id: z for z in Zone.objects.all()}
    countries = {c.id: c for c in Country.objects.all()}
    code_of = {pk: c.code for pk, c in countries.items()}
    kind_of = {pk: z.kind for pk, z in zones.items()}
    for origin_id, section, zone_id, selected, n, amount, paid in _state_totals(on, filters):
        if selected and paid is not None:
            paid_total += paid
            paid_any = True
        if not n:
            continue
        province_projects += n
        province_total += amount
        if not selected:
            continue
        projects += n
        total += amount
        for name, key in (
            ("origin", code_of.get(origin_id)),
            ("sector", section),
            ("zone_kind", kind_of.get(zone_id)),
            ("zone", zone_id),
        ):
            bucket = by[name].get(key)
            if bucket is None:
                by[name][key] = [n, amount]
            else:
                bucket[0] += n
                bucket[1] += amount
    capital = _money(total) if projects else Decimal(0)
    province_capital = _money(province_total) if province_projects else Decimal(0)
    realised = _money(paid_total) if paid_any else Decimal(0)
    by = {name: {key: (n, _money(amount)) for key, (n, amount) in buckets.items()} for name, buckets in by.items()}

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

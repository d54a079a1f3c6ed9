"""Read side of screening: where a proposal stands against licensed projects of its sector,
the monitoring flags of licensed projects on a date, and the effectiveness figures (promised
against delivered) by origin, sector and zone.

Monitoring reads every commitment, milestone and report once and works in memory: a
province has a few thousand licensed projects at most, and each figure must be traceable
to the rows behind it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch

from japandesk.registry import queries as registry_queries
from japandesk.registry.models import JobsReport, Project, Sector
from japandesk.screening.choices import Flag, ReviewGround

CENT = Decimal("0.01")
JAPAN = "JP"
# The thresholds of the flags: a monitoring flag asks a person to look; it decides nothing.
CAPITAL_TOLERANCE = Decimal("0.9")  # behind schedule: less than 90% of the capital due by the date
IDLE_LAND_SHARE = Decimal("0.5")  # less than half the committed land in use after the operation date
JOBS_SHARE = Decimal("0.8")  # under 80% of the committed jobs a year after the operation date
STALLED_SHARE = Decimal("0.5")  # under half the capital that fell due a year ago
REPORT_GAP_MONTHS = 15
PEER_MINIMUM = 5


def add_months(on: datetime.date, months: int) -> datetime.date:
    month = on.month - 1 + months
    year = on.year + month // 12
    month = month % 12 + 1
    days = [
        31,
        29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return datetime.date(year, month, min(on.day, days))


# Percentiles against licensed projects -------------------------------------------------------------------


def percentile_rank(values: list[Decimal], value: Decimal) -> Decimal:
    """The share of `values` below `value`, counting equal values half (0..100)."""
    below = sum(1 for v in values if v < value)
    equal = sum(1 for v in values if v == value)
    return (Decimal(100) * (Decimal(below) + Decimal(equal) / 2) / Decimal(len(values))).quantize(
        Decimal("0.1"), ROUND_HALF_UP
    )


def median(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def peer_figures(sector: Sector, on: datetime.date) -> tuple[str, str, list[dict]]:
    """Licensed projects active on `on` in the proposal's VSIC division (its section when the
    division has fewer than PEER_MINIMUM with a land area): (scope, code, rows).
    """
    states = {state.project_id: state for state in registry_queries.project_states(on)}
    projects = list(
        Project.objects.filter(pk__in=states, land_area_ha__gt=0)
        .select_related("sector")
        .only("id", "code", "land_area_ha", "planned_jobs", "sector__code", "sector__section")
    )
    jobs = {}
    for report in JobsReport.objects.filter(project__in=[p.pk for p in projects], date__lte=on).order_by("date", "id"):
        jobs[report.project_id] = report.jobs
    division = sector.code[:2] if sector.code[:2].isdigit() else None
    in_division = [p for p in projects if division and p.sector.code.startswith(division)]
    if division and len(in_division) >= PEER_MINIMUM:
        scope, code, chosen = "division", division, in_division
    else:
        scope, code, chosen = "section", sector.section, [p for p in projects if p.sector.section == sector.section]
    rows = []
    for project in chosen:
        land = project.land_area_ha
        people = jobs.get(project.pk, project.planned_jobs)
        rows.append(
            {
                "project": project.pk,
                "code": project.code,
                "capital_per_ha": states[project.pk].capital_usd / land,
                "jobs_per_ha": (Decimal(people) / land) if people is not None else None,
            }
        )
    return scope, code, rows


def sector_percentiles(sector: Sector, inputs: dict, on: datetime.date) -> dict:
    """Where the proposal's investment and jobs per hectare stand among licensed projects of its
    sector on `on`, as stored with an appraisal.
    """
    scope, code, rows = peer_figures(sector, on)
    land = Decimal(inputs["land_ha"]) if inputs.get("land_ha") else None
    result = {"on": on.isoformat(), "scope": scope, "code": code, "peers": len(rows)}
    for key, amount in (("capital_per_ha", inputs.get("capital_usd")), ("jobs_per_ha", inputs.get("jobs"))):
        values = [row[key] for row in rows if row[key] is not None]
        value = (Decimal(amount) / land) if (amount is not None and land) else None
        middle = median(values)
        result[key] = {
            "value": str(value.quantize(CENT, ROUND_HALF_UP)) if value is not None else None,
            "percentile": str(percentile_rank(values, value)) if (values and value is not None) else None,
            "median": str(middle.quantize(CENT, ROUND_HALF_UP)) if middle is not None else None,
            "count": len(values),
        }
    return result


# Monitoring --------------------------------------------------------------------------------------------


@dataclass
class ProjectMonitoring:
    """A licensed project's commitments against its reports, as they stood on a date."""

    project: Project
    commitment: object
    on: datetime.date
    latest: object = None  # the latest report on or before `on`
    capital_due_usd: Decimal = Decimal(0)
    realised_usd: Decimal = Decimal(0)
    jobs: int | None = None
    land_in_use_ha: Decimal | None = None
    operating: bool = False
    taxes_usd: Decimal = Decimal(0)
    flags: list = field(default_factory=list)
    grounds: list = field(default_factory=list)
    origin: str | None = None
    stopped_since: datetime.date | None = None

    @property
    def capital_shortfall_usd(self) -> Decimal:
        return max(self.capital_due_usd - self.realised_usd, Decimal(0))

    @property
    def delivery_share(self) -> Decimal | None:
        return (self.realised_usd / self.commitment.capital_usd) if self.commitment.capital_usd else None

    @property
    def flag_labels(self) -> list[str]:
        return [Flag(f).label for f in self.flags]

    @property
    def ground_labels(self) -> list[str]:
        return [ReviewGround(g).label for g in self.grounds]


def _due_by(milestones: list, on: datetime.date) -> Decimal:
    """Cumulative capital due by `on` (milestones sorted by date)."""
    due = Decimal(0)
    for milestone in milestones:
        if milestone.due_date <= on:
            due = milestone.cumulative_usd
    return due


def assess(commitment, reports: list, on: datetime.date) -> ProjectMonitoring:
    """Flags and review grounds of one project on `on`, from its commitment (with milestones
    prefetched) and its reports sorted by date. Only reports dated on or before `on` count.
    """
    reports = [r for r in reports if r.date <= on]
    milestones = sorted(commitment.milestones.all(), key=lambda m: m.due_date)
    state = ProjectMonitoring(project=commitment.project, commitment=commitment, on=on)
    state.capital_due_usd = _due_by(milestones, on)
    latest = reports[-1] if reports else None
    state.latest = latest
    if latest is not None:
        state.realised_usd = latest.realised_capital_usd
        state.jobs = latest.jobs
        state.land_in_use_ha = latest.land_in_use_ha
        state.operating = latest.operating
        if latest.date > add_months(on, -12):
            state.taxes_usd = latest.taxes_usd
    started = commitment.operation_date
    flags, grounds = state.flags, state.grounds
    if state.realised_usd < state.capital_due_usd * CAPITAL_TOLERANCE:
        flags.append(Flag.BEHIND_CAPITAL)
        due_a_year_ago = _due_by(milestones, add_months(on, -12))
        if due_a_year_ago and state.realised_usd < due_a_year_ago * STALLED_SHARE:
            grounds.append(ReviewGround.CAPITAL_STALLED)
    if on > started:
        land = commitment.land_ha
        in_use = state.land_in_use_ha if state.land_in_use_ha is not None else Decimal(0)
        idle = land > 0 and in_use < land * IDLE_LAND_SHARE
        if idle:
            flags.append(Flag.IDLE_LAND)
            if on >= add_months(started, 24):
                grounds.append(ReviewGround.LAND_UNUSED)
        ever_operated = any(r.operating for r in reports)
        if not state.operating:
            if not ever_operated:
                flags.append(Flag.MISSED_OPERATION)
                if on >= add_months(started, 12):
                    grounds.append(ReviewGround.NOT_OPERATING)
            else:
                last_operating = max(r.date for r in reports if r.operating)
                stopped = min(r.date for r in reports if r.date > last_operating)
                state.stopped_since = stopped
                if on >= add_months(stopped, 12):
                    grounds.append(ReviewGround.STOPPED)
        if on >= add_months(started, 12) and commitment.jobs:
            if (state.jobs or 0) < Decimal(commitment.jobs) * JOBS_SHARE:
                flags.append(Flag.MISSED_JOBS)
        if latest is None or latest.date < add_months(on, -REPORT_GAP_MONTHS):
            flags.append(Flag.NO_REPORT)
    return state


def _commitments_and_reports(on: datetime.date, project_ids=None) -> tuple[list, dict]:
    """Commitments (with milestones, projects, sectors and zones) and their reports dated on or
    before `on`, sorted by date, by project id.
    """
    from japandesk.screening.models import CapitalMilestone, Commitment, MonitoringReport

    commitments = (
        Commitment.objects.select_related("project", "project__sector", "project__zone")
        .prefetch_related(Prefetch("milestones", queryset=CapitalMilestone.objects.order_by("due_date")))
        .order_by("project__code")
    )
    reports_query = MonitoringReport.objects.filter(date__lte=on).order_by("date", "id")
    if project_ids is not None:
        commitments = commitments.filter(project__in=project_ids)
        reports_query = reports_query.filter(project__in=project_ids)
    reports = defaultdict(list)
    for report in reports_query:
        reports[report.project_id].append(report)
    return list(commitments), reports


def monitored(on: datetime.date, projects=None, loaded=None) -> list[ProjectMonitoring]:
    """Every project with a commitment that is active (registered, not terminated) on `on`.

    `loaded` is what `_commitments_and_reports` returned for a date on or after `on`, when the
    caller looks at several dates.
    """
    states = {state.project_id: state for state in registry_queries.project_states(on)}
    if loaded is None:
        wanted = list(states) if projects is None else [p for p in projects if p in states]
        loaded = _commitments_and_reports(on, wanted)
    commitments, reports = loaded
    result = []
    for commitment in commitments:
        if commitment.project_id not in states or (projects is not None and commitment.project_id not in projects):
            continue
        state = assess(commitment, reports.get(commitment.project_id, []), on)
        state.origin = states[commitment.project_id].origin
        result.append(state)
    return result


# Effectiveness -----------------------------------------------------------------------------------------


@dataclass
class Totals:
    """Promised against delivered for a group of monitored projects."""

    key: object = None
    label: str = ""
    projects: int = 0
    committed_capital_usd: Decimal = Decimal(0)
    capital_due_usd: Decimal = Decimal(0)
    realised_usd: Decimal = Decimal(0)
    committed_jobs: int = 0
    jobs: int = 0
    land_ha: Decimal = Decimal(0)
    taxes_usd: Decimal = Decimal(0)
    flagged: int = 0
    query: dict = field(default_factory=dict)

    def add(self, state: ProjectMonitoring) -> None:
        self.projects += 1
        self.committed_capital_usd += state.commitment.capital_usd
        self.capital_due_usd += state.capital_due_usd
        self.realised_usd += state.realised_usd
        self.committed_jobs += state.commitment.jobs
        self.jobs += state.jobs or 0
        self.land_ha += state.commitment.land_ha
        self.taxes_usd += state.taxes_usd
        self.flagged += 1 if state.flags else 0

    @property
    def capital_delivery(self) -> Decimal | None:
        return self.realised_usd / self.committed_capital_usd if self.committed_capital_usd else None

    @property
    def schedule_delivery(self) -> Decimal | None:
        return self.realised_usd / self.capital_due_usd if self.capital_due_usd else None

    @property
    def jobs_delivery(self) -> Decimal | None:
        return Decimal(self.jobs) / Decimal(self.committed_jobs) if self.committed_jobs else None

    @property
    def tax_per_ha_usd(self) -> Decimal | None:
        return (self.taxes_usd / self.land_ha).quantize(CENT, ROUND_HALF_UP) if self.land_ha else None

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": str(self.label),
            "projects": self.projects,
            "committed_capital_usd": self.committed_capital_usd,
            "capital_due_usd": self.capital_due_usd,
            "realised_usd": self.realised_usd,
            "committed_jobs": self.committed_jobs,
            "jobs": self.jobs,
            "land_ha": self.land_ha,
            "taxes_usd": self.taxes_usd,
            "tax_per_ha_usd": self.tax_per_ha_usd,
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class Selection:
    """Which monitored projects a figure covers; drill-down links repeat it."""

    origin: str | None = None
    sector: str | None = None  # VSIC section letter
    zone: int | None = None  # 0: outside any zone
    flag: str | None = None
    ground: str | None = None

    def matches(self, state: ProjectMonitoring) -> bool:
        project = state.project
        if self.origin and state.origin != self.origin:
            return False
        if self.sector and project.sector.section != self.sector:
            return False
        if self.zone is not None and (project.zone_id or 0) != self.zone:
            return False
        if self.flag and self.flag not in state.flags:
            return False
        if self.ground and self.ground not in state.grounds:
            return False
        return True

    def as_query(self) -> dict:
        query = {}
        for name in ("origin", "sector", "zone", "flag", "ground"):
            value = getattr(self, name)
            if value is not None and value != "":
                query[name] = value
        return query


def select(states: list[ProjectMonitoring], selection: Selection) -> list[ProjectMonitoring]:
    return [state for state in states if selection.matches(state)]


def _grouped(states, key_of, label_of, query_key) -> list[Totals]:
    groups: dict = {}
    for state in states:
        key = key_of(state)
        totals = groups.get(key)
        if totals is None:
            totals = groups[key] = Totals(key=key, label=label_of(key), query={query_key: key if key else 0})
        totals.add(state)
    return sorted(groups.values(), key=lambda t: (-t.committed_capital_usd, str(t.label)))


def effectiveness(on: datetime.date, states: list[ProjectMonitoring] | None = None) -> dict:
    """Promised against delivered on `on`: in total, for Japanese projects, and by origin,
    sector (VSIC section) and zone.
    """
    from japandesk.registry.models import Country
    from japandesk.zones.models import Zone

    states = monitored(on) if states is None else states
    countries = {c.code: c.name for c in Country.objects.all()}
    sections = {s.code: s.name for s in Sector.objects.filter(level=1)}
    zones = {z.pk: z.display_name for z in Zone.objects.all()}
    total = Totals(key="all")
    japan = Totals(key=JAPAN, label=countries.get(JAPAN, JAPAN), query={"origin": JAPAN})
    for state in states:
        total.add(state)
        if state.origin == JAPAN:
            japan.add(state)
    return {
        "on": on,
        "total": total,
        "japan": japan,
        "by_origin": _grouped(states, lambda s: s.origin, lambda k: countries.get(k, k or "?"), "origin"),
        "by_sector": _grouped(
            states, lambda s: s.project.sector.section, lambda k: f"{k} {sections.get(k, '')}".strip(), "sector"
        ),
        "by_zone": _grouped(states, lambda s: s.project.zone_id, lambda k: zones.get(k, "—"), "zone"),
        "flags": {flag: sum(1 for s in states if flag in s.flags) for flag in Flag.values},
        "grounds": {ground: sum(1 for s in states if ground in s.grounds) for ground in ReviewGround.values},
    }


def trend(on: datetime.date, first_year: int | None = None) -> list[dict]:
    """Promised against delivered at each year end (at `on` for the last year), for all
    monitored projects and for Japanese ones.
    """
    from japandesk.screening.models import MonitoringReport

    first = MonitoringReport.objects.filter(date__lte=on).order_by("date").values_list("date", flat=True).first()
    if first is None:
        return []
    start = max(first.year, first_year or first.year)
    loaded = _commitments_and_reports(on)
    rows = []
    for year in range(start, on.year + 1):
        day = min(datetime.date(year, 12, 31), on)
        states = monitored(day, loaded=loaded)
        total, japan = Totals(), Totals()
        for state in states:
            total.add(state)
            if state.origin == JAPAN:
                japan.add(state)
        rows.append({"year": year, "on": day, "all": total, "japan": japan})
    return rows


def review_list(on: datetime.date) -> list[ProjectMonitoring]:
    """Projects meeting one of the grounds for termination review (flags only; people decide)."""
    return [state for state in monitored(on) if state.grounds]

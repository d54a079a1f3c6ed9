"""The demonstration screening data: an illustrative criteria set modelled on published
provincial practice, commitments and monitoring reports for a share of the registry's
demonstration projects (some behind their capital schedule, some with idle land), and a
few appraisals of proposals. Deterministic, written through the services, and loaded once.

The minimum investment per hectare follows Binh Dinh province's published rule (USD 1.5
million per hectare in the parks of Nhon Hoi economic zone, USD 0.6 million elsewhere); the
other criteria, weights and thresholds are illustrative, not rules any province adopted.
"""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from japandesk.registry import queries as registry_queries
from japandesk.registry.models import Country, Project, Sector
from japandesk.screening import services
from japandesk.screening.models import Appraisal, Commitment, CriteriaSet
from japandesk.zones.models import Zone

SOURCE = "demo"
SEED = 20260801
AS_OF = datetime.date(2025, 12, 31)
SET_NAME = "Illustrative screening criteria (modelled on provincial practice)"
# Every third registry project active at AS_OF with a land area gets commitments and reports.
SHARE = 3

ILLUSTRATIVE_DEFINITION = {
    "hard": {
        "min_capital_per_ha_usd": {"ez": "1500000", "ip": "600000", "cluster": "600000", "outside": "600000"},
        "prohibited_sectors": ["1701", "2410"],
        "conditional_sectors": ["0510", "2011", "2012", "3821", "3822"],
        "riskiest_environment_group": 2,
    },
    "criteria": [
        {
            "key": "technology_level",
            "weight": "20",
            "rule": {
                "kind": "categories",
                "table": {"high": "100", "advanced": "70", "conventional": "30", "outdated": "0"},
                "default": "0",
            },
        },
        {
            "key": "priority_sector",
            "weight": "15",
            "unit": "VSIC",
            "rule": {
                "kind": "categories",
                "match": "prefix",
                "table": {
                    "26": "100",
                    "27": "100",
                    "28": "90",
                    "29": "90",
                    "21": "80",
                    "30": "80",
                    "52": "70",
                    "55": "60",
                    "C": "40",
                },
                "default": "10",
            },
        },
        {
            "key": "jobs_per_ha",
            "weight": "10",
            "unit": "jobs/ha",
            "rule": {"kind": "linear", "from": "10", "to": "100"},
        },
        {
            "key": "budget_per_ha",
            "weight": "15",
            "unit": "USD/ha/year",
            "rule": {"kind": "linear", "from": "0", "to": "200000"},
        },
        {
            "key": "export_share",
            "weight": "10",
            "unit": "%",
            "rule": {"kind": "steps", "steps": [["20", "40"], ["50", "70"], ["80", "100"]], "below": "0"},
        },
        {
            "key": "local_purchase_share",
            "weight": "10",
            "unit": "%",
            "rule": {"kind": "linear", "from": "0", "to": "40"},
        },
        {
            "key": "training",
            "weight": "10",
            "rule": {
                "kind": "categories",
                "table": {"japanese_standard": "100", "structured": "60", "none": "0"},
                "default": "0",
            },
        },
        {
            "key": "low_carbon",
            "weight": "10",
            "rule": {
                "kind": "categories",
                "table": {"low_carbon": "100", "energy_saving": "60", "standard": "0"},
                "default": "0",
            },
        },
    ],
    "thresholds": {"recommend": "60", "conditions": "40"},
}

PROPOSALS = [
    # title, investor, origin, sector prefix, zone kind, inputs
    (
        "Electronic components plant, phase 1",
        "Sample Precision Co., Ltd.",
        "JP",
        "26",
        "ip",
        {
            "capital_usd": "60000000",
            "land_ha": "12",
            "jobs": "900",
            "budget_usd_per_year": "1800000",
            "export_share": "85",
            "local_purchase_share": "25",
            "technology_level": "high",
            "training": "japanese_standard",
            "low_carbon": "energy_saving",
            "environment_group": 3,
        },
    ),
    (
        "Auto parts stamping plant",
        "Sample Auto Parts K.K.",
        "JP",
        "29",
        "ez",
        {
            "capital_usd": "15000000",
            "land_ha": "8",
            "jobs": "350",
            "budget_usd_per_year": "700000",
            "export_share": "60",
            "local_purchase_share": "30",
            "technology_level": "advanced",
            "training": "japanese_standard",
            "low_carbon": "low_carbon",
            "environment_group": 2,
        },
    ),
    (
        "Garment factory",
        "Sample Textile Ltd.",
        "CN",
        "14",
        "cluster",
        {
            "capital_usd": "9000000",
            "land_ha": "10",
            "jobs": "1500",
            "budget_usd_per_year": "300000",
            "export_share": "95",
            "local_purchase_share": "10",
            "technology_level": "conventional",
            "training": "structured",
            "low_carbon": "standard",
            "environment_group": 3,
        },
    ),
    (
        "Logistics centre",
        "Sample Logistics Pte. Ltd.",
        "SG",
        "52",
        "ip",
        {
            "capital_usd": "30000000",
            "land_ha": "20",
            "jobs": "400",
            "budget_usd_per_year": "1200000",
            "export_share": "0",
            "local_purchase_share": "40",
            "technology_level": "advanced",
            "training": "structured",
            "low_carbon": "energy_saving",
            "environment_group": 3,
        },
    ),
]


def _money(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _criteria_set():
    criteria_set = CriteriaSet.objects.filter(name=SET_NAME).first()
    if criteria_set is not None:
        return criteria_set, False
    criteria_set = services.create_criteria_set(
        actor=None,
        name=SET_NAME,
        description=_(
            "Illustrative: the minimum investment per hectare follows Binh Dinh province's published rule "
            "(USD 1.5 million per hectare in economic-zone parks, USD 0.6 million elsewhere); the other criteria "
            "and weights show how a province could score proposals."
        ),
        definition=ILLUSTRATIVE_DEFINITION,
        illustrative=True,
        note="Illustrative first version.",
        source=SOURCE,
    )
    services.publish(criteria_set.versions.get(), actor=None, source=SOURCE)
    return criteria_set, True


def _monitoring(rng: random.Random) -> tuple[int, int]:
    """Commitments and yearly reports for every SHARE-th active project with a land area."""
    states = {s.project_id: s for s in registry_queries.project_states(AS_OF)}
    projects = list(Project.objects.filter(pk__in=states, illustrative=True, land_area_ha__gt=0).order_by("code"))
    chosen = projects[::SHARE]
    commitments = reports = 0
    for position, project in enumerate(chosen):
        if Commitment.objects.filter(project=project).exists():
            continue
        state = states[project.pk]
        registered = state.registered_on
        capital = state.capital_usd
        land = project.land_area_ha
        jobs = project.planned_jobs or max(int(land * 40), 20)
        operation = datetime.date(min(registered.year + 2, AS_OF.year), registered.month, 1)
        milestones = [
            (datetime.date(registered.year + 1, 12, 31), _money(capital * Decimal("0.4"))),
            (datetime.date(registered.year + 2, 12, 31), _money(capital * Decimal("0.8"))),
            (datetime.date(registered.year + 3, 12, 31), _money(capital)),
        ]
        services.set_commitment(
            project,
            actor=None,
            capital_usd=capital,
            jobs=jobs,
            land_ha=land,
            operation_date=operation,
            milestones=milestones,
            certificate_ref=project.code,
            source=SOURCE,
        )
        commitments += 1
        # Profiles: most deliver; some fall behind on capital; some leave land idle; a few stop.
        profile = ("on_track", "on_track", "behind", "idle", "on_track", "stopped")[position % 6]
        pace = {
            "on_track": Decimal("1.0"),
            "behind": Decimal("0.45"),
            "idle": Decimal("0.3"),
            "stopped": Decimal("0.7"),
        }
        year = registered.year + 1
        while datetime.date(year, 12, 31) <= AS_OF:
            day = datetime.date(year, 12, 31)
            due = Decimal(0)
            for due_date, amount in milestones:
                if due_date <= day:
                    due = amount
            realised = _money(min(due * pace[profile] * Decimal(str(rng.uniform(0.92, 1.08))), capital))
            after_start = day >= operation
            operating = after_start and profile != "idle"
            if profile == "stopped" and year >= AS_OF.year - 1:
                operating = False
            ramp = min(Decimal(year - registered.year) / 3, Decimal(1))
            people = int(jobs * ramp * (Decimal("0.3") if profile == "idle" else Decimal(str(rng.uniform(0.8, 1.1)))))
            in_use = land * (Decimal("0.2") if profile == "idle" else min(ramp + Decimal("0.2"), Decimal(1)))
            revenue = _money(capital * Decimal("0.8") * ramp) if operating else Decimal(0)
            services.record_report(
                project,
                actor=None,
                date=day,
                realised_capital_usd=realised,
                jobs=people if operating or profile == "idle" else 0,
                land_in_use_ha=in_use.quantize(Decimal("0.0001")),
                operating=operating,
                revenue_usd=revenue,
                taxes_usd=_money(revenue * Decimal("0.05")),
                exports_usd=_money(revenue * Decimal(str(rng.uniform(0.3, 0.9)))),
                local_purchases_usd=_money(revenue * Decimal(str(rng.uniform(0.05, 0.3)))),
                note="Illustrative",
                source=SOURCE,
            )
            reports += 1
            year += 1
    return commitments, reports


def _appraisals(criteria_set) -> int:
    if Appraisal.objects.filter(illustrative=True).exists():
        return 0
    version = criteria_set.current
    origins = {c.code: c for c in Country.objects.all()}
    zones = {}
    for zone in Zone.objects.order_by("code"):
        zones.setdefault(zone.kind, zone)
    count = 0
    for title, investor, origin, prefix, zone_kind, inputs in PROPOSALS:
        sector = Sector.objects.filter(code__startswith=prefix).order_by("level", "code").first()
        if sector is None:
            continue
        services.create_appraisal(
            actor=None,
            version=version,
            title=title,
            investor_name=investor,
            origin=origins.get(origin),
            sector=sector,
            zone=zones.get(zone_kind),
            inputs=inputs,
            appraised_on=AS_OF,
            illustrative=True,
            source=SOURCE,
        )
        count += 1
    return count


def remove_illustrative() -> None:
    """Delete the illustrative appraisals, criteria set and monitoring data, with audit entries."""
    from japandesk.core import audit
    from japandesk.core.choices import AuditAction
    from japandesk.screening.models import CriteriaVersion, MonitoringReport

    def gone(objects):
        for obj in objects:
            audit.record(None, obj, AuditAction.DELETE, audit.snapshot(obj), None, SOURCE)

    appraisals = Appraisal.objects.filter(illustrative=True)
    gone(appraisals)
    appraisals.delete()
    reports = MonitoringReport.objects.filter(project__illustrative=True)
    gone(reports)
    reports.delete()
    commitments = Commitment.objects.filter(project__illustrative=True)
    gone(commitments)
    commitments.delete()
    sets = CriteriaSet.objects.filter(illustrative=True).exclude(versions__appraisals__isnull=False)
    versions = CriteriaVersion.objects.filter(criteria_set__in=sets)
    gone(versions)
    versions.delete()
    gone(sets)
    sets.delete()


@transaction.atomic
def load(stdout=None, reset: bool = False) -> dict:
    """Write the illustrative screening data that is not there yet (idempotent)."""
    if reset:
        remove_illustrative()
    rng = random.Random(SEED)
    criteria_set, created = _criteria_set()
    commitments, reports = _monitoring(rng)
    appraisals = _appraisals(criteria_set)
    if stdout is not None:
        stdout.write(
            _(
                "Screening: criteria set {state}; {commitments} commitments, {reports} monitoring reports, "
                "{appraisals} appraisals added."
            ).format(
                state=_("added") if created else _("already there"),
                commitments=commitments,
                reports=reports,
                appraisals=appraisals,
            )
        )
    return {"criteria_set": created, "commitments": commitments, "reports": reports, "appraisals": appraisals}

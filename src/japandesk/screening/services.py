"""Write logic of screening and monitoring. Pages, the API, the importer, the demo and
commands call these functions, which check the rules, write inside a transaction and
record the audit entry.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.core.permissions import can_edit, is_administrator
from japandesk.screening import queries, scoring
from japandesk.screening.choices import Decision, VersionStatus
from japandesk.screening.models import (
    Appraisal,
    CapitalMilestone,
    Commitment,
    CriteriaSet,
    CriteriaVersion,
    MonitoringReport,
)


def today() -> datetime.date:
    return timezone.localdate()


def _require_administrator(actor) -> None:
    """Criteria are the province's rules: only administrators (or the system itself) change them."""
    if actor is not None and getattr(actor, "pk", None) and not is_administrator(actor):
        raise PermissionDenied(_("Only administrators change screening criteria."))


def _require_editor(actor) -> None:
    if actor is not None and getattr(actor, "pk", None) and not can_edit(actor):
        raise PermissionDenied(_("Leaders read screening data; they do not change it."))


def _clean_definition(definition) -> dict:
    try:
        return scoring.clean_definition(definition)
    except scoring.DefinitionError as error:
        raise ValidationError({"definition": error.messages}) from error


# Criteria ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_criteria_set(
    *,
    actor,
    name: str,
    definition: dict,
    description: str = "",
    illustrative: bool = False,
    note: str = "",
    source: str = "ui",
) -> CriteriaSet:
    """A new criteria set with its first version, a draft."""
    _require_administrator(actor)
    clean = _clean_definition(definition)
    criteria_set = CriteriaSet(name=name.strip(), description=description, illustrative=illustrative)
    criteria_set.full_clean()
    criteria_set.save()
    audit.record(actor, criteria_set, AuditAction.CREATE, None, audit.snapshot(criteria_set), source)
    version = CriteriaVersion.objects.create(criteria_set=criteria_set, number=1, definition=clean, note=note)
    audit.record(actor, version, AuditAction.CREATE, None, audit.snapshot(version), source)
    return criteria_set


@transaction.atomic
def update_criteria_set(criteria_set: CriteriaSet, *, actor, source: str = "ui", **data) -> CriteriaSet:
    _require_administrator(actor)
    before = audit.snapshot(criteria_set)
    for name in data:
        if name not in ("name", "description", "illustrative"):
            raise TypeError(f"unknown field: {name}")
        setattr(criteria_set, name, data[name])
    criteria_set.full_clean()
    criteria_set.save()
    audit.record(actor, criteria_set, AuditAction.UPDATE, before, audit.snapshot(criteria_set), source)
    return criteria_set


@transaction.atomic
def update_draft(version: CriteriaVersion, *, actor, definition: dict, note: str | None = None, source="ui"):
    """Change a draft version. A published version is never changed: start a new draft."""
    _require_administrator(actor)
    version = CriteriaVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(
            _("Version {number} is published and cannot change; start a new draft.").format(number=version.number)
        )
    before = audit.snapshot(version)
    version.definition = _clean_definition(definition)
    if note is not None:
        version.note = note
    version.save()
    audit.record(actor, version, AuditAction.UPDATE, before, audit.snapshot(version), source)
    return version


@transaction.atomic
def new_draft(criteria_set: CriteriaSet, *, actor, source: str = "ui") -> CriteriaVersion:
    """A new draft, a copy of the latest version; the existing draft if there is one."""
    _require_administrator(actor)
    CriteriaSet.objects.select_for_update().filter(pk=criteria_set.pk).first()
    draft = criteria_set.versions.filter(status=VersionStatus.DRAFT).first()
    if draft is not None:
        return draft
    latest = criteria_set.versions.order_by("-number").first()
    number = (criteria_set.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = CriteriaVersion.objects.create(
        criteria_set=criteria_set, number=number, definition=latest.definition if latest else {"criteria": []}
    )
    audit.record(actor, version, AuditAction.CREATE, None, audit.snapshot(version), source)
    return version


@transaction.atomic
def publish(version: CriteriaVersion, *, actor, source: str = "ui") -> CriteriaVersion:
    _require_administrator(actor)
    version = CriteriaVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Version {number} is already published.").format(number=version.number))
    _clean_definition(version.definition)
    before = audit.snapshot(version)
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = actor if getattr(actor, "pk", None) else None
    version.save()
    audit.record(actor, version, AuditAction.UPDATE, before, audit.snapshot(version), source)
    return version


@transaction.atomic
def delete_draft(version: CriteriaVersion, *, actor, source: str = "ui") -> None:
    _require_administrator(actor)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("A published version is kept for the appraisals made with it."))
    audit.record(actor, version, AuditAction.DELETE, audit.snapshot(version), None, source)
    version.delete()


# Appraisals -------------------------------------------------------------------------------------------


def prepare_inputs(inputs: dict, *, sector, zone) -> dict:
    """The inputs as stored: checked and canonical, with the sector's code and the kind of
    location taken from the records they name. Raises ValidationError naming each bad input.
    """
    data = dict(inputs)
    data["sector_code"] = sector.code if sector is not None else data.get("sector_code")
    data["zone_class"] = scoring.zone_class_of(zone)
    unknown = set(data) - set(scoring.INPUT_KEYS)
    if unknown:
        raise ValidationError({key: _("Unknown input.") for key in sorted(unknown)})
    clean, errors = scoring.clean_inputs(data)
    if errors:
        raise ValidationError(errors)
    return clean


def recompute(appraisal: Appraisal) -> dict:
    """The appraisal's result computed again from its stored inputs and criteria version."""
    return scoring.appraise(appraisal.version.definition, appraisal.inputs)


def _appraisal_snapshot(appraisal: Appraisal) -> dict:
    return audit.snapshot(appraisal, exclude=("created_at", "updated_at", "result", "peers"))


@transaction.atomic
def create_appraisal(
    *,
    actor,
    version: CriteriaVersion,
    title: str,
    sector,
    inputs: dict,
    zone=None,
    origin=None,
    investor_name: str = "",
    appraised_on: datetime.date | None = None,
    notes: str = "",
    lead_id: int | None = None,
    illustrative: bool = False,
    source: str = "ui",
) -> Appraisal:
    """Appraise a proposal with a published criteria version and store the inputs, the result,
    where it stands against licensed projects of its sector, and the recommendation.
    """
    _require_editor(actor)
    if not version.is_published:
        raise ValidationError({"version": _("Appraise with a published criteria version, not a draft.")})
    if not title.strip():
        raise ValidationError({"title": _("Name the proposal.")})
    appraised_on = appraised_on or today()
    if appraised_on > today():
        raise ValidationError({"appraised_on": _("The date {date} is in the future.").format(date=appraised_on)})
    clean = prepare_inputs(inputs, sector=sector, zone=zone)
    result = scoring.appraise(version.definition, clean)
    appraisal = Appraisal(
        title=title.strip(),
        investor_name=investor_name,
        origin=origin,
        sector=sector,
        zone=zone,
        lead_id=lead_id,
        version=version,
        appraised_on=appraised_on,
        inputs=clean,
        result=result,
        total_score=Decimal(result["total"]),
        hard_pass=result["hard_pass"],
        recommendation=result["recommendation"],
        peers=queries.sector_percentiles(sector, clean, appraised_on),
        appraised_by=actor if getattr(actor, "pk", None) else None,
        notes=notes,
        illustrative=illustrative,
    )
    appraisal.full_clean()
    appraisal.save()
    audit.record(actor, appraisal, AuditAction.CREATE, None, _appraisal_snapshot(appraisal), source)
    return appraisal


@transaction.atomic
def record_decision(
    appraisal: Appraisal,
    *,
    actor,
    decision: str,
    note: str = "",
    decided_on: datetime.date | None = None,
    source: str = "ui",
) -> Appraisal:
    """Record what was decided on the proposal (people decide; the score only recommends)."""
    _require_editor(actor)
    if decision not in Decision.values:
        raise ValidationError({"decision": _("“{value}” is not a decision.").format(value=decision)})
    decided_on = decided_on or today()
    if decided_on > today():
        raise ValidationError({"decided_on": _("The date {date} is in the future.").format(date=decided_on)})
    if decided_on < appraisal.appraised_on:
        raise ValidationError({"decided_on": _("The decision cannot come before the appraisal.")})
    appraisal = Appraisal.objects.select_for_update().get(pk=appraisal.pk)
    before = _appraisal_snapshot(appraisal)
    appraisal.decision = decision
    appraisal.decision_note = note
    if decision == Decision.PENDING:
        appraisal.decided_on = None
        appraisal.decided_by = None
    else:
        appraisal.decided_on = decided_on
        appraisal.decided_by = actor if getattr(actor, "pk", None) else None
    appraisal.save()
    audit.record(actor, appraisal, AuditAction.UPDATE, before, _appraisal_snapshot(appraisal), source)
    return appraisal


# Monitoring -------------------------------------------------------------------------------------------


def _commitment_snapshot(commitment: Commitment) -> dict:
    data = audit.snapshot(commitment)
    data["milestones"] = [
        {"due_date": m.due_date.isoformat(), "cumulative_usd": str(m.cumulative_usd)}
        for m in commitment.milestones.order_by("due_date")
    ]
    return data


def check_milestones(milestones, capital_usd) -> list[str]:
    errors = []
    dates = [due for due, _amount in milestones]
    if len(set(dates)) != len(dates):
        errors.append(_("Two milestones fall on the same date."))
    ordered = sorted(milestones, key=lambda m: m[0])
    previous = Decimal(0)
    for due, amount in ordered:
        amount = Decimal(amount)
        if amount < 0:
            errors.append(_("A milestone's amount must not be negative."))
        if amount < previous:
            errors.append(
                _("The capital due by {date} is less than the capital due earlier; milestones are cumulative.").format(
                    date=due.isoformat()
                )
            )
        previous = amount
    if capital_usd is not None and ordered and Decimal(ordered[-1][1]) > Decimal(capital_usd):
        errors.append(_("The schedule asks for more capital than the commitment."))
    return errors


@transaction.atomic
def set_commitment(
    project,
    *,
    actor,
    capital_usd,
    jobs: int,
    land_ha,
    operation_date: datetime.date,
    milestones: list[tuple[datetime.date, Decimal]] = (),
    certificate_ref: str = "",
    note: str = "",
    source: str = "ui",
) -> Commitment:
    """Record (or correct) what a licensed project committed to, with its capital schedule."""
    _require_editor(actor)
    milestones = [(due, Decimal(amount)) for due, amount in milestones]
    errors = check_milestones(milestones, capital_usd)
    if errors:
        raise ValidationError({"milestones": errors})
    commitment = Commitment.objects.filter(project=project).first()
    creating = commitment is None
    before = None if creating else _commitment_snapshot(commitment)
    commitment = commitment or Commitment(project=project)
    commitment.capital_usd = capital_usd
    commitment.jobs = jobs
    commitment.land_ha = land_ha
    commitment.operation_date = operation_date
    commitment.certificate_ref = certificate_ref
    commitment.note = note
    commitment.full_clean()
    commitment.save()
    commitment.milestones.all().delete()
    CapitalMilestone.objects.bulk_create(
        [CapitalMilestone(commitment=commitment, due_date=due, cumulative_usd=amount) for due, amount in milestones]
    )
    audit.record(
        actor,
        commitment,
        AuditAction.CREATE if creating else AuditAction.UPDATE,
        before,
        _commitment_snapshot(commitment),
        source,
    )
    return commitment


REPORT_FIELDS = (
    "date",
    "realised_capital_usd",
    "jobs",
    "land_in_use_ha",
    "operating",
    "revenue_usd",
    "taxes_usd",
    "exports_usd",
    "local_purchases_usd",
    "note",
)


def check_report(data: dict, *, on_or_before: datetime.date) -> dict[str, str]:
    """Problems with a report's figures, by field (the importer applies the same rules)."""
    errors = {}
    date = data.get("date")
    if date is None:
        errors["date"] = _("The report date is missing.")
    elif date > on_or_before:
        errors["date"] = _("The date {date} is in the future.").format(date=date.isoformat())
    for name in ("realised_capital_usd", "revenue_usd", "taxes_usd", "exports_usd", "local_purchases_usd"):
        value = data.get(name)
        if value is not None and Decimal(value) < 0:
            errors[name] = _("The amount must not be negative.")
    if data.get("land_in_use_ha") is not None and Decimal(data["land_in_use_ha"]) < 0:
        errors["land_in_use_ha"] = _("The land area must not be negative.")
    if data.get("jobs") is not None and int(data["jobs"]) < 0:
        errors["jobs"] = _("The number of jobs must not be negative.")
    return errors


@transaction.atomic
def record_report(project, *, actor, source: str = "ui", **data) -> MonitoringReport:
    _require_editor(actor)
    unknown = set(data) - set(REPORT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    errors = check_report(data, on_or_before=today())
    if errors:
        raise ValidationError(errors)
    if MonitoringReport.objects.filter(project=project, date=data["date"]).exists():
        raise ValidationError(
            {"date": _("Project {code} already has a report on {date}.").format(code=project.code, date=data["date"])}
        )
    report = MonitoringReport(project=project, **data)
    report.full_clean()
    report.save()
    audit.record(actor, report, AuditAction.CREATE, None, audit.snapshot(report), source)
    return report


@transaction.atomic
def update_report(report: MonitoringReport, *, actor, source: str = "ui", **data) -> MonitoringReport:
    _require_editor(actor)
    unknown = set(data) - set(REPORT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    merged = {name: getattr(report, name) for name in REPORT_FIELDS} | data
    errors = check_report(merged, on_or_before=today())
    if errors:
        raise ValidationError(errors)
    clash = MonitoringReport.objects.filter(project=report.project_id, date=merged["date"]).exclude(pk=report.pk)
    if clash.exists():
        raise ValidationError({"date": _("The project already has a report on {date}.").format(date=merged["date"])})
    before = audit.snapshot(report)
    for name, value in data.items():
        setattr(report, name, value)
    report.full_clean()
    report.save()
    audit.record(actor, report, AuditAction.UPDATE, before, audit.snapshot(report), source)
    return report


@transaction.atomic
def delete_report(report: MonitoringReport, *, actor, source: str = "ui") -> None:
    _require_editor(actor)
    audit.record(actor, report, AuditAction.DELETE, audit.snapshot(report), None, source)
    report.delete()

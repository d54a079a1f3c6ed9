"""Write logic of the registry. Pages, the API, the importer and commands all call these
functions, which validate, write inside a transaction and record the audit entry.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core import audit, fx
from japandesk.core.choices import AuditAction
from japandesk.registry.choices import EventKind
from japandesk.registry.ledger import EventDraft, check_event, check_sequence, lead_country
from japandesk.registry.models import (
    Country,
    Disbursement,
    Investor,
    JobsReport,
    LedgerEvent,
    Participation,
    Project,
    Sector,
)

INVESTOR_FIELDS = ("name", "name_latin", "name_kana", "country", "parent", "website", "notes")
PROJECT_FIELDS = (
    "code",
    "name",
    "name_latin",
    "sector",
    "zone",
    "location",
    "land_area_ha",
    "planned_jobs",
    "description",
    "illustrative",
)


def today() -> datetime.date:
    return timezone.localdate()


def _assign(instance, data: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(instance, name, value)


def _save_with_audit(instance, data, allowed, *, actor, source, exclude=()):
    creating = instance.pk is None
    before = None if creating else audit.snapshot(instance)
    _assign(instance, data, allowed)
    instance.full_clean(exclude=list(exclude))
    instance.save()
    audit.record(
        actor,
        instance,
        AuditAction.CREATE if creating else AuditAction.UPDATE,
        before,
        audit.snapshot(instance),
        source,
    )
    return instance


@transaction.atomic
def create_investor(*, actor, source: str = "ui", **data) -> Investor:
    return _save_with_audit(Investor(), data, INVESTOR_FIELDS, actor=actor, source=source)


@transaction.atomic
def update_investor(investor: Investor, *, actor, source: str = "ui", **data) -> Investor:
    if data.get("parent") is not None and data["parent"].pk == investor.pk:
        raise ValidationError({"parent": _("An investor cannot be its own parent group.")})
    return _save_with_audit(investor, data, INVESTOR_FIELDS, actor=actor, source=source)


@transaction.atomic
def create_project(*, actor, source: str = "ui", **data) -> Project:
    return _save_with_audit(Project(), data, PROJECT_FIELDS, actor=actor, source=source)


@transaction.atomic
def update_project(project: Project, *, actor, source: str = "ui", **data) -> Project:
    return _save_with_audit(project, data, PROJECT_FIELDS, actor=actor, source=source)


def _event_snapshot(event: LedgerEvent) -> dict:
    data = audit.snapshot(event)
    data["investors"] = [{"investor": p.investor_id, "share": str(p.share)} for p in event.participations.all()]
    return data


def _fill_currencies(kind, on, amount_usd, amount_vnd) -> tuple[Decimal, Decimal]:
    """Both currencies of an amount; the missing one is converted at the rate of the day."""
    if kind == EventKind.TERMINATION:
        return Decimal(0), Decimal(0)
    if kind == EventKind.SHARE_PURCHASE and amount_usd is None and amount_vnd is None:
        # A transfer of shares between investors changes the line-up, not the capital.
        return Decimal(0), Decimal(0)
    try:
        if amount_usd is None and amount_vnd is None:
            raise ValidationError({"capital_usd": _("Enter the amount in USD or in VND.")})
        if amount_usd is None:
            amount_usd = fx.to_usd(amount_vnd, "VND", on)
        if amount_vnd is None:
            amount_vnd = fx.from_usd(amount_usd, "VND", on)
    except fx.MissingRate as exc:
        raise ValidationError({"capital_usd": str(exc)}) from exc
    return Decimal(amount_usd), Decimal(amount_vnd)


def _drafts_of(project: Project, exclude_id=None) -> list[EventDraft]:
    drafts = []
    for event in project.events.exclude(pk=exclude_id).order_by("date", "id"):
        amount = -event.capital_change_usd if event.kind == EventKind.DECREASE else event.capital_change_usd
        drafts.append(EventDraft(event.kind, event.date, event.certificate_no, amount, ref=event.pk))
    return drafts


@transaction.atomic
def record_event(
    project: Project,
    *,
    actor,
    kind: str,
    date: datetime.date,
    certificate_no: str,
    capital_usd: Decimal | None = None,
    capital_vnd: Decimal | None = None,
    lineup: list[tuple[Investor, Decimal]] | None = None,
    note: str = "",
    source: str = "ui",
    event: LedgerEvent | None = None,
) -> LedgerEvent:
    """Add an event to a project's ledger, or correct `event`. Amounts are magnitudes:
    a decrease of USD 5 million is entered as 5,000,000.
    """
    Project.objects.select_for_update().filter(pk=project.pk).first()
    lineup = list(lineup or [])
    amount_usd, amount_vnd = _fill_currencies(kind, date, capital_usd, capital_vnd)
    draft = EventDraft(kind, date, certificate_no.strip(), amount_usd, lineup, ref="new")
    errors = check_event(draft, today())
    if errors:
        raise ValidationError(errors)
    duplicate = LedgerEvent.objects.filter(certificate_no=draft.certificate_no)
    if event is not None:
        duplicate = duplicate.exclude(pk=event.pk)
    if duplicate.exists():
        raise ValidationError(
            {
                "certificate_no": _("Certificate number {number} is already in the ledger.").format(
                    number=draft.certificate_no
                )
            }
        )
    problems = [
        msg
        for ref, msg in check_sequence([*_drafts_of(project, getattr(event, "pk", None)), draft])
        if ref == "new" or event is not None
    ]
    if problems:
        raise ValidationError(problems)

    sign = -1 if kind == EventKind.DECREASE else 1
    creating = event is None
    before = None if creating else _event_snapshot(event)
    event = event or LedgerEvent(project=project)
    event.kind = kind
    event.date = date
    event.certificate_no = draft.certificate_no
    event.capital_change_usd = sign * amount_usd
    event.capital_change_vnd = sign * amount_vnd
    event.note = note
    if lineup:
        event.origin_id = lead_country(lineup)
    elif creating:
        event.origin_id = None
    event.save()
    if lineup:
        event.participations.all().delete()
        Participation.objects.bulk_create(
            [Participation(event=event, investor=investor, share=Decimal(share)) for investor, share in lineup]
        )
    audit.record(
        actor, event, AuditAction.CREATE if creating else AuditAction.UPDATE, before, _event_snapshot(event), source
    )
    if creating and kind == EventKind.REGISTRATION:
        # The project's first certificate: the CRM links the investment leads that were after it
        # and moves them to "certificate granted". Imported here: the CRM imports the registry.
        from japandesk.crm.services import project_registered

        project_registered(project, actor, source=source)
    return event


@transaction.atomic
def delete_event(event: LedgerEvent, *, actor, source: str = "ui") -> None:
    """Remove an event entered by mistake, if the rest of the ledger still holds together."""
    problems = check_sequence(_drafts_of(event.project, exclude_id=event.pk))
    if problems:
        raise ValidationError([msg for _ref, msg in problems])
    before = _event_snapshot(event)
    audit.record(actor, event, AuditAction.DELETE, before, None, source)
    event.delete()


@transaction.atomic
def record_disbursement(
    project: Project, *, actor, date, amount_usd=None, amount_vnd=None, note="", source: str = "ui"
) -> Disbursement:
    if date > today():
        raise ValidationError({"date": _("The date {date} is in the future.").format(date=date.isoformat())})
    amount_usd, amount_vnd = _fill_currencies(EventKind.INCREASE, date, amount_usd, amount_vnd)
    if amount_usd < 0:
        raise ValidationError({"amount_usd": _("The amount must not be negative.")})
    report = Disbursement(project=project, date=date, amount_usd=amount_usd, amount_vnd=amount_vnd, note=note)
    report.full_clean()
    report.save()
    audit.record(actor, report, AuditAction.CREATE, None, audit.snapshot(report), source)
    return report


@transaction.atomic
def record_jobs(project: Project, *, actor, date, jobs: int, note="", source: str = "ui") -> JobsReport:
    if date > today():
        raise ValidationError({"date": _("The date {date} is in the future.").format(date=date.isoformat())})
    report = JobsReport(project=project, date=date, jobs=jobs, note=note)
    report.full_clean()
    report.save()
    audit.record(actor, report, AuditAction.CREATE, None, audit.snapshot(report), source)
    return report


def _check_not_future(on: datetime.date) -> None:
    if on > today():
        raise ValidationError({"date": _("The date {date} is in the future.").format(date=on.isoformat())})


@transaction.atomic
def update_disbursement(report: Disbursement, *, actor, source: str = "ui", **data) -> Disbursement:
    """Correct a disbursement report. An amount given in one currency only is converted
    to the other at the rate of the report's date.
    """
    date = data.get("date", report.date)
    _check_not_future(date)
    if "amount_usd" in data or "amount_vnd" in data:
        data["amount_usd"], data["amount_vnd"] = _fill_currencies(
            EventKind.INCREASE, date, data.get("amount_usd"), data.get("amount_vnd")
        )
        if data["amount_usd"] < 0:
            raise ValidationError({"amount_usd": _("The amount must not be negative.")})
    return _save_with_audit(report, data, ("date", "amount_usd", "amount_vnd", "note"), actor=actor, source=source)


@transaction.atomic
def update_jobs(report: JobsReport, *, actor, source: str = "ui", **data) -> JobsReport:
    _check_not_future(data.get("date", report.date))
    return _save_with_audit(report, data, ("date", "jobs", "note"), actor=actor, source=source)


COUNTRY_FIELDS = ("code", "name_en", "name_vi", "name_ja")
SECTOR_FIELDS = ("code", "level", "section", "parent", "name_vi", "name_en", "name_ja", "isic_code", "jsic_code")


@transaction.atomic
def create_country(*, actor, source: str = "ui", **data) -> Country:
    return _save_with_audit(Country(), data, COUNTRY_FIELDS, actor=actor, source=source)


@transaction.atomic
def update_country(country: Country, *, actor, source: str = "ui", **data) -> Country:
    return _save_with_audit(country, data, COUNTRY_FIELDS, actor=actor, source=source)


@transaction.atomic
def create_sector(*, actor, source: str = "ui", **data) -> Sector:
    return _save_with_audit(Sector(), data, SECTOR_FIELDS, actor=actor, source=source)


@transaction.atomic
def update_sector(sector: Sector, *, actor, source: str = "ui", **data) -> Sector:
    if data.get("parent") is not None and data["parent"].pk == sector.pk:
        raise ValidationError({"parent": _("A sector cannot be its own parent.")})
    return _save_with_audit(sector, data, SECTOR_FIELDS, actor=actor, source=source)

"""Write logic of the CRM. Pages, the API, commands, tasks and the other apps (portal,
events, matching, intel, screening) all call these functions, which check the actor's role,
validate, write inside a transaction and record the audit entry.

`actor` (or `user`) is the signed-in person making the change, or None for the public portal
and the system; a leader, who reads everything and edits nothing, is refused.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.crm.choices import (
    CERTIFICATE_STAGE,
    DEFAULT_PIPELINES,
    AgreementStatus,
    InquiryKind,
    InquiryStatus,
    InteractionKind,
    StageKind,
)
from japandesk.crm.models import (
    Agreement,
    Committee,
    CommitteeMeeting,
    Contact,
    Decision,
    Inquiry,
    InquiryResponse,
    Interaction,
    Lead,
    Membership,
    Obligation,
    Organisation,
    Pipeline,
    Stage,
    StageChange,
    Task,
)

ORGANISATION_FIELDS = (
    "name",
    "name_latin",
    "name_kana",
    "kind",
    "country",
    "investor",
    "sector",
    "website",
    "address",
    "phone",
    "notes",
    "illustrative",
)
CONTACT_FIELDS = (
    "organisation",
    "family_name",
    "given_name",
    "family_name_latin",
    "given_name_latin",
    "family_name_kana",
    "given_name_kana",
    "name_order",
    "gender",
    "position",
    "department",
    "languages",
    "email",
    "phone",
    "address",
    "notes",
    "illustrative",
)
LEAD_FIELDS = (
    "title",
    "organisation",
    "organisation_name",
    "country",
    "sector",
    "zone",
    "estimated_capital_usd",
    "estimated_land_ha",
    "estimated_jobs",
    "owner",
    "next_step",
    "next_step_due",
    "notes",
    "source",
    "illustrative",
)
# A lead may name the project it is about before the project is registered (see project_registered).
LEAD_UPDATE_FIELDS = (*LEAD_FIELDS, "project")
TASK_FIELDS = ("title", "due_date", "assignee", "lead", "interaction", "agreement", "decision", "notes", "source")
INTERACTION_FIELDS = (
    "kind",
    "title",
    "date",
    "end_date",
    "location",
    "other_participants",
    "delegation_size",
    "lead",
    "notes",
    "outcome",
    "illustrative",
)
INTERACTION_M2M = ("organisations", "contacts", "officers", "zones")
AGREEMENT_FIELDS = (
    "kind",
    "title",
    "status",
    "signed_on",
    "effective_from",
    "expires_on",
    "summary",
    "lead",
    "illustrative",
)
COMMITTEE_FIELDS = ("name_en", "name_vi", "name_ja", "description", "illustrative")
MEETING_FIELDS = ("date", "title", "location", "minutes")


def today() -> datetime.date:
    return timezone.localdate()


def check_can_edit(actor) -> None:
    """The public and the system (actor None) may write where a service lets them; a signed-in
    person must be a desk officer or an administrator."""
    if actor is None:
        return
    if not (getattr(actor, "is_authenticated", False) and getattr(actor, "can_edit", False)):
        raise PermissionDenied(_("Your role lets you read the CRM but not change it."))


def _is_editor(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and getattr(user, "can_edit", False))


def _assign(instance, data: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        setattr(instance, name, value)


def _snapshot(instance, m2m: tuple[str, ...] = ()) -> dict:
    data = audit.snapshot(instance, exclude=("created_at", "updated_at", "search_text", "sort_key", "sort_key_latin"))
    for name in m2m:
        data[name] = sorted(getattr(instance, name).values_list("pk", flat=True))
    return data


def _save(instance, data: dict, allowed, *, actor, source: str, m2m: dict | None = None, exclude=()):
    """Assign, validate, save, set many-to-many fields and audit, in the caller's transaction."""
    m2m = m2m or {}
    m2m_names = tuple(m2m)
    creating = instance.pk is None
    before = None if creating else _snapshot(instance, m2m_names)
    _assign(instance, data, allowed)
    instance.full_clean(exclude=list(exclude))
    instance.save()
    for name, values in m2m.items():
        getattr(instance, name).set(list(values))
    audit.record(
        actor,
        instance,
        AuditAction.CREATE if creating else AuditAction.UPDATE,
        before,
        _snapshot(instance, m2m_names),
        source,
    )
    return instance


def _country(code: str):
    from japandesk.registry.models import Country

    code = (code or "").strip().upper()
    if not code:
        return None
    country = Country.objects.filter(code=code).first()
    if country is None:
        raise ValidationError({"country_code": _("{code} is not a known ISO 3166 country code.").format(code=code)})
    return country


def _decimal_or_none(value, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({field: _("Enter a number.")}) from exc
    if not number.is_finite():
        raise ValidationError({field: _("Enter a number.")})
    if number < 0:
        raise ValidationError({field: _("The value must not be negative.")})
    return number


def _moment(at) -> datetime.datetime:
    """A datetime for `at` (default now); a date means noon of that day in the site's time zone."""
    if at is None:
        return timezone.now()
    if isinstance(at, datetime.datetime):
        return at if timezone.is_aware(at) else timezone.make_aware(at)
    return timezone.make_aware(datetime.datetime.combine(at, datetime.time(12, 0)))


# Pipelines ------------------------------------------------------------------------------------------


def ensure_pipelines() -> dict[str, Pipeline]:
    """Create the standard pipelines and stages that are missing; existing ones are kept as they are."""
    pipelines = {p.key: p for p in Pipeline.objects.all()}
    for order, (key, (en, vi, ja), stages) in enumerate(DEFAULT_PIPELINES):
        pipeline = pipelines.get(key)
        if pipeline is None:
            pipeline = Pipeline.objects.create(key=key, name_en=en, name_vi=vi, name_ja=ja, order=order)
            pipelines[key] = pipeline
        existing = set(pipeline.stages.values_list("key", flat=True))
        Stage.objects.bulk_create(
            [
                Stage(pipeline=pipeline, key=stage_key, kind=kind, name_en=s_en, name_vi=s_vi, name_ja=s_ja, order=n)
                for n, (stage_key, kind, (s_en, s_vi, s_ja)) in enumerate(stages)
                if stage_key not in existing
            ]
        )
    return pipelines


def get_pipeline(key: str) -> Pipeline:
    pipeline = Pipeline.objects.filter(key=key).first()
    if pipeline is None:
        pipeline = ensure_pipelines().get(key)
    if pipeline is None:
        raise ValidationError({"pipeline": _("There is no pipeline called {key}.").format(key=key)})
    return pipeline


# Organisations and contacts -------------------------------------------------------------------------


@transaction.atomic
def create_organisation(actor, *, source: str = "ui", **data) -> Organisation:
    check_can_edit(actor)
    return _save(Organisation(), data, ORGANISATION_FIELDS, actor=actor, source=source)


@transaction.atomic
def update_organisation(organisation: Organisation, actor, *, source: str = "ui", **data) -> Organisation:
    check_can_edit(actor)
    return _save(organisation, data, ORGANISATION_FIELDS, actor=actor, source=source)


def _check_languages(data: dict) -> None:
    if "languages" in data:
        codes = [c.strip().lower() for c in (data["languages"] or "").replace(";", ",").split(",") if c.strip()]
        for code in codes:
            if not code.isalpha() or not 2 <= len(code) <= 3:
                raise ValidationError(
                    {"languages": _("{code} is not a language code (write ja, en, vi…).").format(code=code)}
                )
        data["languages"] = ", ".join(dict.fromkeys(codes))


@transaction.atomic
def create_contact(actor, *, source: str = "ui", **data) -> Contact:
    check_can_edit(actor)
    _check_languages(data)
    return _save(Contact(), data, CONTACT_FIELDS, actor=actor, source=source)


@transaction.atomic
def update_contact(contact: Contact, actor, *, source: str = "ui", **data) -> Contact:
    check_can_edit(actor)
    _check_languages(data)
    return _save(contact, data, CONTACT_FIELDS, actor=actor, source=source)


def _relations(model):
    """Every relation through which other records point at a `model` row (including hidden ones)."""
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and (field.one_to_many or field.many_to_many or field.one_to_one)
    ]


def _move_links(keep, duplicate) -> int:
    """Point every record that refers to `duplicate` at `keep`; returns how many links moved.

    A many-to-many link that `keep` already has is dropped rather than doubled.
    """
    moved = 0
    for rel in _relations(type(keep)):
        if rel.many_to_many:
            field, through = rel.field, rel.through
            # The through table of a reverse many-to-many relation: one FK to the owner, one to our model.
            owner_column = field.m2m_field_name()
            our_column = field.m2m_reverse_field_name()
            rows = through._default_manager.filter(**{our_column: duplicate})
            for row in rows:
                owner_id = getattr(row, f"{owner_column}_id")
                if through._default_manager.filter(**{owner_column: owner_id, our_column: keep}).exists():
                    row.delete()
                else:
                    setattr(row, our_column, keep)
                    row.save()
                moved += 1
        elif not rel.related_model._meta.auto_created:
            # (The rows of a many-to-many table are handled above, through the relation itself.)
            manager = rel.related_model._base_manager
            moved += manager.filter(**{rel.field.name: duplicate}).update(**{rel.field.name: keep})
    return moved


def _fill_blanks(keep, duplicate, fields: tuple[str, ...]) -> None:
    for name in fields:
        if name == "illustrative":
            continue
        field = keep._meta.get_field(name)
        attname = field.attname
        if getattr(keep, attname) in (None, "") and getattr(duplicate, attname) not in (None, ""):
            setattr(keep, attname, getattr(duplicate, attname))
    if getattr(duplicate, "notes", "") and duplicate.notes not in keep.notes:
        keep.notes = "\n\n".join(p for p in (keep.notes, duplicate.notes) if p)


@transaction.atomic
def merge_organisations(actor, keep: Organisation, duplicate: Organisation, *, source: str = "ui") -> Organisation:
    """Merge `duplicate` into `keep`: every contact, lead, interaction, agreement and any other
    record that referred to the duplicate now refers to `keep`; blank fields of `keep` take
    the duplicate's values; the duplicate is deleted (both changes are audited)."""
    check_can_edit(actor)
    if keep.pk == duplicate.pk:
        raise ValidationError(_("An organisation cannot be merged into itself."))
    before = _snapshot(keep)
    _move_links(keep, duplicate)
    _fill_blanks(keep, duplicate, ORGANISATION_FIELDS)
    keep.save()
    audit.record(actor, keep, AuditAction.UPDATE, before, {**_snapshot(keep), "merged_from": duplicate.pk}, source)
    audit.record(actor, duplicate, AuditAction.DELETE, _snapshot(duplicate), {"merged_into": keep.pk}, source)
    duplicate.delete()
    return keep


@transaction.atomic
def merge_contacts(actor, keep: Contact, duplicate: Contact, *, source: str = "ui") -> Contact:
    """Merge `duplicate` into `keep`, keeping every interaction, membership and other linked record."""
    check_can_edit(actor)
    if keep.pk == duplicate.pk:
        raise ValidationError(_("A contact cannot be merged into itself."))
    before = _snapshot(keep)
    # The same seat on the same committee is one membership, not two.
    for membership in Membership.objects.filter(contact=duplicate):
        if Membership.objects.filter(committee=membership.committee_id, contact=keep, role=membership.role).exists():
            membership.delete()
    _move_links(keep, duplicate)
    _fill_blanks(keep, duplicate, CONTACT_FIELDS)
    keep.save()
    audit.record(actor, keep, AuditAction.UPDATE, before, {**_snapshot(keep), "merged_from": duplicate.pk}, source)
    audit.record(actor, duplicate, AuditAction.DELETE, _snapshot(duplicate), {"merged_into": keep.pk}, source)
    duplicate.delete()
    return keep


# Leads ----------------------------------------------------------------------------------------------


def create_lead(
    user,
    *,
    pipeline: str,
    title: str,
    organisation=None,
    organisation_name: str = "",
    country_code: str = "",
    sector=None,
    zone=None,
    estimated_capital_usd=None,
    estimated_land_ha=None,
    estimated_jobs=None,
    next_step: str = "",
    notes: str = "",
    source: str = "",
    next_step_due=None,
    owner=None,
    at=None,
    illustrative: bool = False,
) -> Lead:
    """A new lead at the first stage of the pipeline `pipeline` ("investment", "supplier",
    "aftercare"). The owner is `owner`, else `user` when a desk officer or administrator
    creates it (None from the portal or the system). `at` dates its entry (default now)."""
    with transaction.atomic():
        check_can_edit(user)
        if not (title or "").strip():
            raise ValidationError({"title": _("Give the lead a title.")})
        flow = get_pipeline(pipeline)
        first = flow.first_stage()
        if first is None:
            raise ValidationError({"pipeline": _("The pipeline {name} has no stages.").format(name=flow.name)})
        if owner is None and _is_editor(user):
            owner = user
        moment = _moment(at)
        data = {
            "title": title.strip(),
            "organisation": organisation,
            "organisation_name": organisation_name or "",
            "country": _country(country_code),
            "sector": sector,
            "zone": zone,
            "estimated_capital_usd": _decimal_or_none(estimated_capital_usd, "estimated_capital_usd"),
            "estimated_land_ha": _decimal_or_none(estimated_land_ha, "estimated_land_ha"),
            "estimated_jobs": estimated_jobs,
            "owner": owner,
            "next_step": next_step or "",
            "next_step_due": next_step_due,
            "notes": notes or "",
            "source": source or "",
            "illustrative": illustrative,
        }
        if data["country"] is None and organisation is not None:
            data["country"] = organisation.country
        lead = Lead(pipeline=flow, stage=first, stage_entered_at=moment)
        _save(lead, data, LEAD_FIELDS, actor=user, source=source)
        StageChange.objects.create(
            lead=lead, from_stage=None, to_stage=first, changed_at=moment, actor=_user_or_none(user)
        )
        return lead


def _user_or_none(user):
    return user if getattr(user, "pk", None) else None


@transaction.atomic
def update_lead(lead: Lead, actor, *, source: str = "ui", **data) -> Lead:
    """Change a lead's details, owner, estimates or next step (not its stage: see move_lead)."""
    check_can_edit(actor)
    for name, field in (("estimated_capital_usd", "estimated_capital_usd"), ("estimated_land_ha", "estimated_land_ha")):
        if name in data:
            data[name] = _decimal_or_none(data[name], field)
    if "title" in data and not (data["title"] or "").strip():
        raise ValidationError({"title": _("Give the lead a title.")})
    return _save(lead, data, LEAD_UPDATE_FIELDS, actor=actor, source=source)


@transaction.atomic
def move_lead(lead: Lead, actor, stage: Stage | str, *, at=None, note: str = "", source: str = "ui") -> Lead:
    """Move a lead to another stage of its pipeline, recording the change with its date.

    `stage` is a Stage or the key of one of the pipeline's stages. Moving to the stage the lead
    is at already changes nothing.
    """
    check_can_edit(actor)
    lead = Lead.objects.select_for_update().select_related("stage").get(pk=lead.pk)
    if isinstance(stage, str):
        target = lead.pipeline.stages.filter(key=stage).first()
        if target is None:
            raise ValidationError(
                {
                    "stage": _("The pipeline {pipeline} has no stage {stage}.").format(
                        pipeline=lead.pipeline, stage=stage
                    )
                }
            )
    else:
        target = stage
    if target.pipeline_id != lead.pipeline_id:
        raise ValidationError({"stage": _("The stage {stage} belongs to another pipeline.").format(stage=target.name)})
    if target.pk == lead.stage_id:
        return lead
    moment = _moment(at)
    last = lead.stage_changes.order_by("-changed_at").values_list("changed_at", flat=True).first()
    if last is not None and moment < last:
        raise ValidationError({"at": _("A stage change cannot be dated before the lead's previous change.")})
    before = _snapshot(lead)
    previous = lead.stage
    lead.stage = target
    lead.stage_entered_at = moment
    lead.save(update_fields=["stage", "stage_entered_at", "updated_at"])
    StageChange.objects.create(
        lead=lead, from_stage=previous, to_stage=target, changed_at=moment, actor=_user_or_none(actor), note=note[:300]
    )
    audit.record(actor, lead, AuditAction.UPDATE, before, _snapshot(lead), source)
    return lead


@transaction.atomic
def convert_lead(lead: Lead, actor, project, *, on: datetime.date | None = None, source: str = "ui") -> Lead:
    """Link a lead to the registry project it became. An investment lead not yet at
    "certificate granted" moves there, dated `on` (default today)."""
    check_can_edit(actor)
    on = on or today()
    other = Lead.objects.filter(project=project, pipeline=lead.pipeline).exclude(pk=lead.pk).first()
    if other is not None:
        raise ValidationError(
            {
                "project": _("Project {project} is already linked to the lead {lead}.").format(
                    project=project, lead=other
                )
            }
        )
    before = _snapshot(lead)
    lead.project = project
    lead.converted_on = lead.converted_on or on
    lead.save(update_fields=["project", "converted_on", "updated_at"])
    audit.record(actor, lead, AuditAction.UPDATE, before, _snapshot(lead), source)
    certificate = lead.pipeline.stages.filter(key=CERTIFICATE_STAGE).first()
    if certificate is not None and lead.stage.order < certificate.order:
        move_lead(lead, actor, certificate, at=max(_moment(on), _last_change(lead)), source=source)
        lead.refresh_from_db()
    return lead


def _last_change(lead: Lead) -> datetime.datetime:
    last = lead.stage_changes.order_by("-changed_at").values_list("changed_at", flat=True).first()
    return last or _moment(None)


def project_registered(project, user=None, *, source: str = "registry") -> list[Lead]:
    """Called by the registry when a project's first certificate is recorded: the investment
    leads that named the project, or else the most advanced open investment lead of each
    organisation linked to one of its investors, link to the project and move to
    "certificate granted". Returns the leads converted."""
    from japandesk.registry.choices import EventKind
    from japandesk.registry.models import LedgerEvent

    event = LedgerEvent.objects.filter(project=project, kind=EventKind.REGISTRATION).first()
    on = event.date if event is not None else today()
    named = list(Lead.objects.filter(project=project, pipeline__key="investment", converted_on__isnull=True))
    leads = named
    if not named:
        investor_ids = set()
        if event is not None:
            investor_ids = set(event.participations.values_list("investor_id", flat=True))
        if not investor_ids:
            return []
        candidates = (
            Lead.objects.filter(
                pipeline__key="investment",
                project__isnull=True,
                stage__kind=StageKind.OPEN,
                organisation__investor_id__in=investor_ids,
            )
            .select_related("stage")
            .order_by("organisation_id", "-stage__order", "created_at", "id")
        )
        chosen: dict[int, Lead] = {}
        for lead in candidates:
            chosen.setdefault(lead.organisation_id, lead)
        leads = list(chosen.values())
    # The registry's actor made the certificate entry; the CRM's own role check is theirs too.
    actor = user if _is_editor(user) else None
    return [convert_lead(lead, actor, project, on=on, source=source) for lead in leads]


def link_registered_projects(since: datetime.date | None = None, user=None, *, source: str = "registry") -> list[Lead]:
    """Apply `project_registered` to every project first registered on or after `since` (default:
    90 days ago) that no investment lead is linked to yet. The registry's importer writes ledger
    events in bulk, without the per-event hook: this catches the certificates it brought in."""
    from japandesk.registry.choices import EventKind
    from japandesk.registry.models import Project

    since = since or today() - datetime.timedelta(days=90)
    linked = Lead.objects.filter(pipeline__key="investment", project__isnull=False, converted_on__isnull=False)
    projects = (
        Project.objects.filter(events__kind=EventKind.REGISTRATION, events__date__gte=since)
        .exclude(pk__in=linked.values("project_id"))
        .distinct()
        .order_by("pk")
    )
    converted = []
    for project in projects:
        with transaction.atomic():
            converted.extend(project_registered(project, user, source=source))
    return converted


# Tasks ----------------------------------------------------------------------------------------------


def create_task(
    user,
    *,
    title: str,
    due_date,
    assignee=None,
    lead=None,
    notes: str = "",
    source: str = "",
    interaction=None,
    agreement=None,
    decision=None,
    illustrative: bool = False,
) -> Task:
    """A follow-up task due on `due_date`, for `assignee` (default: the officer creating it)."""
    with transaction.atomic():
        check_can_edit(user)
        if not (title or "").strip():
            raise ValidationError({"title": _("Give the task a title.")})
        if not isinstance(due_date, datetime.date):
            raise ValidationError({"due_date": _("Give the task a due date.")})
        if assignee is None and _is_editor(user):
            assignee = user
        task = Task(illustrative=illustrative)
        return _save(
            task,
            {
                "title": title.strip(),
                "due_date": due_date,
                "assignee": assignee,
                "lead": lead,
                "interaction": interaction,
                "agreement": agreement,
                "decision": decision,
                "notes": notes or "",
                "source": source or "",
            },
            TASK_FIELDS,
            actor=user,
            source=source,
        )


@transaction.atomic
def update_task(task: Task, actor, *, source: str = "ui", **data) -> Task:
    check_can_edit(actor)
    return _save(task, data, TASK_FIELDS, actor=actor, source=source)


@transaction.atomic
def complete_task(task: Task, actor, *, at=None, source: str = "ui") -> Task:
    check_can_edit(actor)
    if task.done_at is not None:
        return task
    before = _snapshot(task)
    task.done_at = _moment(at)
    task.save(update_fields=["done_at", "updated_at"])
    audit.record(actor, task, AuditAction.UPDATE, before, _snapshot(task), source)
    return task


@transaction.atomic
def reopen_task(task: Task, actor, *, source: str = "ui") -> Task:
    check_can_edit(actor)
    if task.done_at is None:
        return task
    before = _snapshot(task)
    task.done_at = None
    task.save(update_fields=["done_at", "updated_at"])
    audit.record(actor, task, AuditAction.UPDATE, before, _snapshot(task), source)
    return task


# Inquiries ------------------------------------------------------------------------------------------


def receive_inquiry(
    *,
    name: str,
    email: str,
    message: str,
    language: str,
    consent: bool,
    company: str = "",
    country_code: str = "",
    sector=None,
    zone=None,
    land_ha=None,
    timing: str = "",
    kind: str = "inquiry",
    source: str = "portal",
    actor=None,
    received_at=None,
    illustrative: bool = False,
) -> Inquiry:
    """Record an inquiry (its response clock starts at `received_at`, default now) and open an
    investment lead for it. `actor` is the officer who entered it by hand, None from the portal."""
    errors: dict[str, list] = {}
    name, email, message, company = (name or "").strip(), (email or "").strip(), (message or "").strip(), company or ""
    if not name:
        errors.setdefault("name", []).append(_("Enter your name."))
    if not email:
        errors.setdefault("email", []).append(_("Enter your e-mail address."))
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors.setdefault("email", []).append(_("{email} is not a valid e-mail address.").format(email=email))
    if not message:
        errors.setdefault("message", []).append(_("Write your question."))
    if language not in dict(settings.LANGUAGES):
        errors.setdefault("language", []).append(_("The language {code} is not offered.").format(code=language))
    if not consent:
        errors.setdefault("consent", []).append(_("Agree to be contacted so that the desk can answer you."))
    if kind not in InquiryKind.values:
        errors.setdefault("kind", []).append(_("{kind} is not a kind of inquiry.").format(kind=kind))
    try:
        land = _decimal_or_none(land_ha, "land_ha")
    except ValidationError as error:
        errors.update(error.message_dict)
        land = None
    try:
        country = _country(country_code)
    except ValidationError as error:
        errors.update(error.message_dict)
        country = None
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        check_can_edit(actor)
        moment = _moment(received_at)
        title = company.strip() or name
        if kind == InquiryKind.SITE_VISIT:
            next_step = _("Answer the site visit request")
        else:
            next_step = _("Answer the inquiry")
        lead = create_lead(
            actor,
            pipeline="investment",
            title=title,
            organisation_name=company.strip(),
            country_code=country.code if country else "",
            sector=sector,
            zone=zone,
            estimated_land_ha=land,
            next_step=next_step,
            next_step_due=(moment + datetime.timedelta(days=2)).date(),
            notes=message,
            source=source,
            at=moment,
            illustrative=illustrative,
        )
        inquiry = Inquiry(
            kind=kind,
            name=name,
            email=email,
            company=company.strip(),
            country=country,
            sector=sector,
            zone=zone,
            land_ha=land,
            timing=timing or "",
            message=message,
            language=language,
            consent=True,
            source=source or "",
            received_at=moment,
            lead=lead,
            illustrative=illustrative,
        )
        inquiry.full_clean()
        inquiry.save()
        audit.record(actor, inquiry, AuditAction.CREATE, None, _snapshot(inquiry), source)
        return inquiry


def inquiry_by_token(token: str) -> Inquiry | None:
    token = (token or "").strip()
    if not token:
        return None
    return Inquiry.objects.filter(tracking_token=token).first()


@transaction.atomic
def answer_inquiry(inquiry: Inquiry, actor, *, message: str, at=None, source: str = "ui") -> InquiryResponse:
    """Record an answer sent to the inquirer; the first one stops the response clock."""
    check_can_edit(actor)
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write the answer.")})
    moment = _moment(at)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if moment < inquiry.received_at:
        raise ValidationError({"at": _("An answer cannot be sent before the inquiry was received.")})
    response = InquiryResponse.objects.create(
        inquiry=inquiry, author=_user_or_none(actor), sent_at=moment, message=message
    )
    before = _snapshot(inquiry)
    if inquiry.first_response_at is None or moment < inquiry.first_response_at:
        inquiry.first_response_at = moment
        inquiry.first_responder = _user_or_none(actor)
    if inquiry.status == InquiryStatus.NEW:
        inquiry.status = InquiryStatus.ANSWERED
    inquiry.save(update_fields=["first_response_at", "first_responder", "status", "updated_at"])
    audit.record(actor, inquiry, AuditAction.UPDATE, before, _snapshot(inquiry), source)
    return response


@transaction.atomic
def close_inquiry(inquiry: Inquiry, actor, *, source: str = "ui") -> Inquiry:
    check_can_edit(actor)
    before = _snapshot(inquiry)
    inquiry.status = InquiryStatus.CLOSED
    inquiry.save(update_fields=["status", "updated_at"])
    audit.record(actor, inquiry, AuditAction.UPDATE, before, _snapshot(inquiry), source)
    return inquiry


# Interactions ---------------------------------------------------------------------------------------


def _split_m2m(data: dict, names: tuple[str, ...]) -> dict:
    return {name: data.pop(name) for name in names if name in data and data[name] is not None}


def _check_interaction(data: dict, instance: Interaction | None = None) -> None:
    kind = data.get("kind", getattr(instance, "kind", None))
    if kind not in InteractionKind.values:
        raise ValidationError({"kind": _("Choose what kind of interaction this was.")})
    date = data.get("date", getattr(instance, "date", None))
    end = data.get("end_date", getattr(instance, "end_date", None))
    if date and end and end < date:
        raise ValidationError({"end_date": _("The end date is before the start date.")})


@transaction.atomic
def create_interaction(actor, *, source: str = "ui", **data) -> Interaction:
    """Log a delegation, mission, meeting, call, e-mail or conference with its participants on
    both sides (`contacts`, `officers`), organisations and, for a delegation, the zones seen."""
    check_can_edit(actor)
    _check_interaction(data)
    m2m = _split_m2m(data, INTERACTION_M2M)
    return _save(Interaction(), data, INTERACTION_FIELDS, actor=actor, source=source, m2m=m2m)


@transaction.atomic
def update_interaction(interaction: Interaction, actor, *, source: str = "ui", **data) -> Interaction:
    check_can_edit(actor)
    _check_interaction(data, interaction)
    m2m = _split_m2m(data, INTERACTION_M2M)
    if m2m:
        m2m = {name: m2m.get(name, getattr(interaction, name).all()) for name in INTERACTION_M2M}
    return _save(interaction, data, INTERACTION_FIELDS, actor=actor, source=source, m2m=m2m)


# Agreements -----------------------------------------------------------------------------------------


def _check_agreement(data: dict, instance: Agreement | None = None) -> None:
    signed = data.get("signed_on", getattr(instance, "signed_on", None))
    expires = data.get("expires_on", getattr(instance, "expires_on", None))
    status = data.get("status", getattr(instance, "status", AgreementStatus.DRAFT))
    if signed and expires and expires < signed:
        raise ValidationError({"expires_on": _("The agreement cannot expire before it is signed.")})
    if status == AgreementStatus.SIGNED and not signed:
        raise ValidationError({"signed_on": _("Give the date the agreement was signed.")})


@transaction.atomic
def create_agreement(actor, *, parties=(), source: str = "ui", **data) -> Agreement:
    check_can_edit(actor)
    _check_agreement(data)
    return _save(Agreement(), data, AGREEMENT_FIELDS, actor=actor, source=source, m2m={"parties": parties})


@transaction.atomic
def update_agreement(agreement: Agreement, actor, *, parties=None, source: str = "ui", **data) -> Agreement:
    check_can_edit(actor)
    _check_agreement(data, agreement)
    m2m = {"parties": parties} if parties is not None else None
    return _save(agreement, data, AGREEMENT_FIELDS, actor=actor, source=source, m2m=m2m)


@transaction.atomic
def add_obligation(
    agreement: Agreement, actor, *, description: str, party=None, due_date=None, source: str = "ui"
) -> Obligation:
    check_can_edit(actor)
    if not (description or "").strip():
        raise ValidationError({"description": _("Describe the obligation.")})
    obligation = Obligation(agreement=agreement)
    return _save(
        obligation,
        {"description": description.strip(), "party": party, "due_date": due_date},
        ("description", "party", "due_date"),
        actor=actor,
        source=source,
    )


@transaction.atomic
def fulfil_obligation(obligation: Obligation, actor, *, on=None, source: str = "ui") -> Obligation:
    check_can_edit(actor)
    return _save(obligation, {"done_on": on or today()}, ("done_on",), actor=actor, source=source)


# Committees -----------------------------------------------------------------------------------------


@transaction.atomic
def create_committee(actor, *, source: str = "ui", **data) -> Committee:
    check_can_edit(actor)
    return _save(Committee(), data, COMMITTEE_FIELDS, actor=actor, source=source)


@transaction.atomic
def update_committee(committee: Committee, actor, *, source: str = "ui", **data) -> Committee:
    check_can_edit(actor)
    return _save(committee, data, COMMITTEE_FIELDS, actor=actor, source=source)


@transaction.atomic
def add_member(
    committee: Committee, actor, *, contact: Contact, role: str = "member", since=None, until=None, source: str = "ui"
) -> Membership:
    check_can_edit(actor)
    if Membership.objects.filter(committee=committee, contact=contact, role=role).exists():
        raise ValidationError({"contact": _("{name} already has this role on the committee.").format(name=contact)})
    membership = Membership(committee=committee)
    return _save(
        membership,
        {"contact": contact, "role": role, "since": since, "until": until},
        ("contact", "role", "since", "until"),
        actor=actor,
        source=source,
    )


@transaction.atomic
def end_membership(membership: Membership, actor, *, until, source: str = "ui") -> Membership:
    """The member leaves the committee on `until` (the membership and its history stay)."""
    check_can_edit(actor)
    if until is None:
        raise ValidationError({"until": _("Give the date the membership ends.")})
    if membership.since and until < membership.since:
        raise ValidationError({"until": _("A membership cannot end before it began.")})
    return _save(membership, {"until": until}, ("until",), actor=actor, source=source)


@transaction.atomic
def record_meeting(
    committee: Committee, actor, *, attendees=(), decisions=(), source: str = "ui", **data
) -> CommitteeMeeting:
    """A committee meeting with its minutes, attendees and decisions. Each decision is a text or
    (text, [action items]) where an action item is a dict of create_task's arguments."""
    check_can_edit(actor)
    meeting = _save(
        CommitteeMeeting(committee=committee),
        data,
        MEETING_FIELDS,
        actor=actor,
        source=source,
        m2m={"attendees": attendees},
    )
    for item in decisions:
        text, actions = (item, ()) if isinstance(item, str) else item
        add_decision(meeting, actor, text=text, action_items=actions, source=source)
    return meeting


@transaction.atomic
@transaction.atomic
def update_meeting(meeting: CommitteeMeeting, actor, *, attendees=None, decisions=(), source: str = "ui", **data):
    """Correct a meeting's record; `decisions` are more decisions taken at it."""
    check_can_edit(actor)
    m2m = {"attendees": attendees} if attendees is not None else None
    meeting = _save(meeting, data, MEETING_FIELDS, actor=actor, source=source, m2m=m2m)
    for text in decisions:
        add_decision(meeting, actor, text=text, source=source)
    return meeting


@transaction.atomic
def add_decision(meeting: CommitteeMeeting, actor, *, text: str, action_items=(), source: str = "ui") -> Decision:
    check_can_edit(actor)
    if not (text or "").strip():
        raise ValidationError({"text": _("Write the decision.")})
    decision = _save(Decision(meeting=meeting), {"text": text.strip()}, ("text",), actor=actor, source=source)
    for action in action_items:
        create_task(actor, decision=decision, source=source, **action)
    return decision


def delete_record(instance: models.Model, actor, *, source: str = "ui") -> None:
    """Delete a CRM record entered by mistake (the audit log keeps what it held)."""
    check_can_edit(actor)
    with transaction.atomic():
        audit.record(actor, instance, AuditAction.DELETE, _snapshot(instance), None, source)
        instance.delete()

"""Read logic of the CRM that is more than a filter: response-time figures, pipeline totals
with converted capital, duplicates, task lists and the daily digest.
"""

import datetime
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Sum
from django.utils import timezone

from japandesk.core.text import search_key
from japandesk.crm.choices import InquiryStatus, StageKind
from japandesk.crm.models import Contact, Inquiry, Lead, Organisation, Pipeline, Task

HOUR = 3600


def percentile(values: list[float], fraction: float) -> float | None:
    """The `fraction` quantile of `values` by linear interpolation between the closest ranks
    (the "inclusive" definition of spreadsheets: PERCENTILE.INC). The 0.5 quantile is the median."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = math.ceil(position)
    if low == high:
        return float(ordered[low])
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class ResponseFigures:
    """Time to first answer of a group of inquiries, in hours."""

    label: str
    key: str = ""
    received: int = 0
    answered: int = 0
    unanswered: int = 0
    hours: list[float] = field(default_factory=list, repr=False)

    @property
    def median_hours(self) -> float | None:
        return percentile(self.hours, 0.5)

    @property
    def p90_hours(self) -> float | None:
        return percentile(self.hours, 0.9)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "received": self.received,
            "answered": self.answered,
            "unanswered": self.unanswered,
            "median_hours": None if self.median_hours is None else round(self.median_hours, 2),
            "p90_hours": None if self.p90_hours is None else round(self.p90_hours, 2),
        }


def response_times(inquiries=None) -> dict:
    """Median and 90th-percentile time to first answer, overall, by the inquiry's language and
    by the officer who answered first. Unanswered inquiries count as received, not in the times."""
    from django.conf import settings

    inquiries = Inquiry.objects.all() if inquiries is None else inquiries
    rows = inquiries.values_list("language", "received_at", "first_response_at", "first_responder_id")
    overall = ResponseFigures(label="")
    languages = {code: ResponseFigures(label=str(name), key=code) for code, name in settings.LANGUAGES}
    officers: dict[int | None, ResponseFigures] = {}
    for language, received, answered, responder in rows:
        group = languages.setdefault(language, ResponseFigures(label=language, key=language))
        for figures in (overall, group):
            figures.received += 1
            if answered is None:
                figures.unanswered += 1
            else:
                figures.answered += 1
                figures.hours.append((answered - received).total_seconds() / HOUR)
        if answered is not None:
            figures = officers.setdefault(responder, ResponseFigures(label="", key=str(responder or "")))
            figures.received += 1
            figures.answered += 1
            figures.hours.append((answered - received).total_seconds() / HOUR)
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=[k for k in officers if k])}
    for pk, figures in officers.items():
        user = users.get(pk)
        figures.label = (user.get_full_name() or user.username) if user else "—"
    return {
        "overall": overall,
        "by_language": [f for f in languages.values() if f.received],
        "by_officer": sorted(officers.values(), key=lambda f: f.label),
    }


def unanswered_inquiries():
    return (
        Inquiry.objects.filter(first_response_at__isnull=True)
        .exclude(status=InquiryStatus.CLOSED)
        .select_related("country", "lead")
        .order_by("received_at", "id")
    )


@dataclass
class StageTotals:
    stage: object
    count: int = 0
    capital_usd: Decimal = Decimal(0)
    land_ha: Decimal = Decimal(0)
    jobs: int = 0
    leads: list = field(default_factory=list)


def pipeline_totals(pipeline: Pipeline, leads=None, on: datetime.date | None = None) -> dict:
    """Per stage: number of leads and their estimated capital, land and jobs; for the pipeline:
    the converted leads and the registered capital of their projects that are active on `on`
    (default today)."""
    from japandesk.registry.models import Project

    on = on or timezone.localdate()
    leads = Lead.objects.filter(pipeline=pipeline) if leads is None else leads
    stages = {stage.pk: StageTotals(stage) for stage in pipeline.stages.order_by("order", "id")}
    sums = (
        leads.order_by()
        .values("stage")
        .annotate(
            n=Count("id"),
            capital=Sum("estimated_capital_usd"),
            land=Sum("estimated_land_ha"),
            jobs=Sum("estimated_jobs"),
        )
    )
    for row in sums:
        totals = stages.get(row["stage"])
        if totals is None:
            continue
        totals.count = row["n"]
        totals.capital_usd = row["capital"] or Decimal(0)
        totals.land_ha = row["land"] or Decimal(0)
        totals.jobs = row["jobs"] or 0
    project_ids = set(
        Lead.objects.filter(pipeline=pipeline, project__isnull=False).values_list("project_id", flat=True)
    )
    converted_capital = Decimal(0)
    if project_ids:
        # The registry's as-of reading of the ledger (registry.querysets): the capital of the
        # projects still active on `on`; a terminated project no longer counts.
        converted_capital = sum(
            (p.capital_usd for p in Project.objects.filter(pk__in=project_ids).active_as_of(on)), Decimal(0)
        )
    open_stages = [t for t in stages.values() if t.stage.kind == StageKind.OPEN]
    return {
        "stages": list(stages.values()),
        "open_count": sum(t.count for t in open_stages),
        "open_capital_usd": sum((t.capital_usd for t in open_stages), Decimal(0)),
        "converted_count": len(project_ids),
        "converted_capital_usd": Decimal(converted_capital).quantize(Decimal("0.01")),
        "as_of": on,
    }


# Duplicates -----------------------------------------------------------------------------------------

_LEGAL_FORMS = re.compile(
    r"\b(co|company|ltd|limited|inc|incorporated|corp|corporation|kk|k k|gk|jsc|llc|plc|gmbh|"
    r"cong ty|tnhh|co phan|tap doan|group|holdings)\b|株式会社|有限会社|合同会社|\(株\)|㈱"
)


def organisation_key(name: str) -> str:
    """A name with case, accents, width, punctuation and legal forms folded away."""
    key = search_key(name)
    key = _LEGAL_FORMS.sub(" ", re.sub(r"[.,・･()\[\]&/-]", " ", key))
    key = _LEGAL_FORMS.sub(" ", key)
    return "".join(key.split())


def duplicate_organisations() -> list[list[Organisation]]:
    """Groups of organisations that look like the same one: the same name, Latin name or kana
    reading once case, accents, width, punctuation and legal forms are folded away."""
    organisations = list(Organisation.objects.select_related("country").order_by("id"))
    parent = {o.pk: o.pk for o in organisations}

    def find(pk):
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    seen: dict[str, int] = {}
    for organisation in organisations:
        for form in (organisation.name, organisation.name_latin, organisation.name_kana):
            key = organisation_key(form) if form else ""
            if len(key) < 2:
                continue
            if key in seen:
                parent[find(organisation.pk)] = find(seen[key])
            else:
                seen[key] = organisation.pk
    groups: dict[int, list] = defaultdict(list)
    for organisation in organisations:
        groups[find(organisation.pk)].append(organisation)
    return [group for group in groups.values() if len(group) > 1]


def duplicate_contacts() -> list[list[Contact]]:
    """Groups of contacts that look like the same person: the same e-mail address, or the same
    name (in any of its forms, folded) at the same organisation or with no organisation."""
    contacts = list(Contact.objects.select_related("organisation").order_by("id"))
    parent = {c.pk: c.pk for c in contacts}

    def find(pk):
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    seen: dict[tuple, int] = {}
    for contact in contacts:
        keys = []
        if contact.email:
            keys.append(("email", contact.email.strip().casefold()))
        for family, given in (
            (contact.family_name, contact.given_name),
            (contact.family_name_latin, contact.given_name_latin),
            (contact.family_name_kana, contact.given_name_kana),
        ):
            if family:
                # Either order: "Taro Yamada" and "Yamada Taro" are the same person.
                words = sorted([search_key(family).replace(" ", ""), search_key(given).replace(" ", "")])
                keys.append(("name", contact.organisation_id, *words))
        for key in keys:
            if key in seen:
                parent[find(contact.pk)] = find(seen[key])
            else:
                seen[key] = contact.pk
    groups: dict[int, list] = defaultdict(list)
    for contact in contacts:
        groups[find(contact.pk)].append(contact)
    return [group for group in groups.values() if len(group) > 1]


# Tasks and the digest -------------------------------------------------------------------------------


def open_tasks():
    return Task.objects.filter(done_at__isnull=True).select_related("assignee", "lead")


def overdue_tasks(on: datetime.date | None = None):
    on = on or timezone.localdate()
    return open_tasks().filter(due_date__lt=on).order_by("due_date", "id")


def digest_for(user, on: datetime.date | None = None) -> dict:
    """What an officer should see in the morning: their overdue tasks, tasks due today and in
    the coming week, their leads whose next step is overdue, and the unanswered inquiries."""
    on = on or timezone.localdate()
    mine = open_tasks().filter(assignee=user)
    return {
        "on": on,
        "overdue": list(mine.filter(due_date__lt=on).order_by("due_date", "id")),
        "today": list(mine.filter(due_date=on).order_by("id")),
        "week": list(
            mine.filter(due_date__gt=on, due_date__lte=on + datetime.timedelta(days=7)).order_by("due_date", "id")
        ),
        "leads": list(
            Lead.objects.filter(owner=user, next_step_due__lt=on, stage__kind=StageKind.OPEN)
            .select_related("stage", "pipeline")
            .order_by("next_step_due", "id")
        ),
        "inquiries": list(unanswered_inquiries()),
    }


def digest_is_empty(digest: dict) -> bool:
    return not any(digest[key] for key in ("overdue", "today", "week", "leads", "inquiries"))


def search_filter(queryset, value: str, field_name: str = "search_text"):
    key = search_key(value)
    query = Q()
    for word in key.split():
        query &= Q(**{f"{field_name}__contains": word})
    return queryset.filter(query)

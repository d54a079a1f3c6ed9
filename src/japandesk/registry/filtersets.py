"""One FilterSet per registry model, shared by the HTML lists and the API.

Project and ledger lists are read "as of" a date (default: today): a project's
status, capital and origin economy come from its ledger up to that date.
"""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from japandesk.core.text import search_key
from japandesk.registry.choices import EventKind, ProjectStatus
from japandesk.registry.models import Country, Disbursement, Investor, JobsReport, LedgerEvent, Project, Sector
from japandesk.registry.queries import origins_on
from japandesk.zones.choices import PARK_AND_ZONE_KINDS, ZoneKind
from japandesk.zones.models import Zone


class FlagWidget(BooleanWidget):
    """Reads a yes/no flag written as true/false, 1/0 or a checkbox's "on"."""

    def value_from_datadict(self, data, files, name):
        if str(data.get(name, "")).lower() == "on":
            return True
        return super().value_from_datadict(data, files, name)


def text_search(queryset, name, value):
    key = search_key(value)
    if not key:
        return queryset
    query = Q()
    for word in key.split():
        query &= Q(**{f"{name}__contains": word})
    return queryset.filter(query)


def _sector(queryset, prefix, value):
    code = value.strip()
    if not code:
        return queryset
    if code[:1].isalpha():
        return queryset.filter(**{f"{prefix}sector__section": code.upper()})
    return queryset.filter(**{f"{prefix}sector__code__startswith": code})


def _zone(queryset, prefix, value):
    return queryset.filter(Q(**{f"{prefix}zone": value}) | Q(**{f"{prefix}zone__parent": value}))


def _in_zones(queryset, prefix, value):
    if value:
        return queryset.filter(**{f"{prefix}zone__kind__in": PARK_AND_ZONE_KINDS})
    return queryset


class ProjectFilterSet(django_filters.FilterSet):
    as_of = django_filters.DateFilter(label=_("As of"), method="filter_noop")
    q = django_filters.CharFilter(label=_("Search"), field_name="search_text", method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProjectStatus.choices, method="filter_status")
    origin = django_filters.CharFilter(label=_("Origin economy (ISO code)"), method="filter_origin")
    sector = django_filters.CharFilter(label=_("Sector (VSIC section or code)"), method="filter_sector")
    zone = django_filters.ModelChoiceFilter(label=_("Zone"), queryset=Zone.objects.all(), method="filter_zone")
    exact_zone = django_filters.ModelChoiceFilter(
        label=_("Zone itself (without the parks inside it)"), queryset=Zone.objects.all(), field_name="zone"
    )
    zone_kind = django_filters.ChoiceFilter(
        label=_("Kind of zone"), choices=[*ZoneKind.choices, ("none", _("Outside any zone"))], method="filter_zone_kind"
    )
    in_zones = django_filters.BooleanFilter(
        label=_("Inside industrial parks and economic zones"), method="filter_in_zones", widget=FlagWidget
    )
    investor = django_filters.ModelChoiceFilter(
        label=_("Investor"), queryset=Investor.objects.all(), method="filter_investor"
    )
    registered_from = django_filters.DateFilter(label=_("Registered from"), method="filter_noop")
    registered_to = django_filters.DateFilter(label=_("Registered to"), method="filter_noop")
    ordering = django_filters.OrderingFilter(
        fields=[("code", "code"), ("name", "name"), ("capital_usd", "capital"), ("registered_on", "registered")],
        label=_("Order by"),
    )

    class Meta:
        model = Project
        fields = ["q", "status", "origin", "sector", "zone", "zone_kind", "in_zones", "investor"]

    @property
    def as_of_date(self) -> datetime.date:
        if self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("as_of"):
            return self.form.cleaned_data["as_of"]
        return timezone.localdate()

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            self.queryset = self.queryset.as_of(self.as_of_date)
            queryset = super().qs
            data = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
            if data.get("registered_from"):
                queryset = queryset.filter(registered_on__gte=data["registered_from"])
            if data.get("registered_to"):
                queryset = queryset.filter(registered_on__lte=data["registered_to"])
            self._qs = queryset
        return self._qs

    def filter_noop(self, queryset, name, value):
        return queryset

    def filter_q(self, queryset, name, value):
        return text_search(queryset, "search_text", value)

    def filter_status(self, queryset, name, value):
        return queryset.filter(status=value)

    def filter_origin(self, queryset, name, value):
        return queryset.filter(origin_code=value.strip().upper())

    def filter_sector(self, queryset, name, value):
        return _sector(queryset, "", value)

    def filter_zone(self, queryset, name, value):
        return _zone(queryset, "", value)

    def filter_zone_kind(self, queryset, name, value):
        if value == "none":
            return queryset.filter(zone__isnull=True)
        return queryset.filter(zone__kind=value)

    def filter_in_zones(self, queryset, name, value):
        return _in_zones(queryset, "", value)

    @extend_schema_field(OpenApiTypes.INT)
    def filter_investor(self, queryset, name, value):
        return queryset.filter(events__participations__investor=value).distinct()


class LedgerEventFilterSet(django_filters.FilterSet):
    """Ledger events; `origin` is the project's origin economy at `date_to` (default: today),
    the rule the dashboard's "attracted in a period" figure uses.
    """

    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte")
    kind = django_filters.MultipleChoiceFilter(label=_("Event"), choices=EventKind.choices)
    project = django_filters.ModelChoiceFilter(label=_("Project"), queryset=Project.objects.all())
    certificate_no = django_filters.CharFilter(label=_("Certificate number"), lookup_expr="icontains")
    origin = django_filters.CharFilter(label=_("Origin economy (ISO code)"), method="filter_origin")
    sector = django_filters.CharFilter(label=_("Sector (VSIC section or code)"), method="filter_sector")
    zone = django_filters.ModelChoiceFilter(label=_("Zone"), queryset=Zone.objects.all(), method="filter_zone")
    zone_kind = django_filters.ChoiceFilter(
        label=_("Kind of zone"), choices=ZoneKind.choices, field_name="project__zone__kind"
    )
    in_zones = django_filters.BooleanFilter(
        label=_("Inside industrial parks and economic zones"), method="filter_in_zones", widget=FlagWidget
    )

    class Meta:
        model = LedgerEvent
        fields = [
            "date_from",
            "date_to",
            "kind",
            "project",
            "certificate_no",
            "origin",
            "sector",
            "zone",
            "zone_kind",
            "in_zones",
        ]

    def filter_origin(self, queryset, name, value):
        on = self.form.cleaned_data.get("date_to") or timezone.localdate()
        code = value.strip().upper()
        ids = [pid for pid, origin in origins_on(on).items() if origin == code]
        return queryset.filter(project_id__in=ids)

    def filter_sector(self, queryset, name, value):
        return _sector(queryset, "project__", value)

    @extend_schema_field(OpenApiTypes.INT)
    def filter_zone(self, queryset, name, value):
        return _zone(queryset, "project__", value)

    def filter_in_zones(self, queryset, name, value):
        return _in_zones(queryset, "project__", value)


class InvestorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    country = django_filters.ModelChoiceFilter(
        label=_("Origin economy"), queryset=Country.objects.all(), to_field_name="code"
    )
    parent = django_filters.ModelChoiceFilter(label=_("Parent group"), queryset=Investor.objects.all())

    class Meta:
        model = Investor
        fields = ["q", "country", "parent"]

    def filter_q(self, queryset, name, value):
        return text_search(queryset, "search_text", value)


class CountryFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")

    class Meta:
        model = Country
        fields = ["code"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(code__iexact=value)
            | Q(name_en__icontains=value)
            | Q(name_vi__icontains=value)
            | Q(name_ja__icontains=value)
        )


class SectorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    section = django_filters.CharFilter(label=_("Section"))

    class Meta:
        model = Sector
        fields = ["level", "section", "parent"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(code__startswith=value)
            | Q(name_en__icontains=value)
            | Q(name_vi__icontains=value)
            | Q(name_ja__icontains=value)
        )


class DisbursementFilterSet(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From"))
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("To"))

    class Meta:
        model = Disbursement
        fields = ["project", "date_from", "date_to"]


class JobsReportFilterSet(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From"))
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("To"))

    class Meta:
        model = JobsReport
        fields = ["project", "date_from", "date_to"]

"""One FilterSet per screening model, shared by the HTML lists and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from japandesk.core.text import search_key
from japandesk.screening.choices import Decision, Recommendation
from japandesk.screening.models import Appraisal, CriteriaSet, CriteriaVersion, MonitoringReport


class CriteriaSetFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")

    class Meta:
        model = CriteriaSet
        fields = ["q", "illustrative"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(name__icontains=value.strip()) if value.strip() else queryset


class CriteriaVersionFilterSet(django_filters.FilterSet):
    status = django_filters.CharFilter(label=_("Status (draft or published)"))

    class Meta:
        model = CriteriaVersion
        fields = ["criteria_set", "status"]


class AppraisalFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    version = django_filters.ModelChoiceFilter(label=_("Criteria version"), queryset=CriteriaVersion.objects.all())
    recommendation = django_filters.ChoiceFilter(label=_("Recommendation"), choices=Recommendation.choices)
    decision = django_filters.ChoiceFilter(label=_("Decision"), choices=Decision.choices)
    sector = django_filters.CharFilter(label=_("Sector (VSIC code or section)"), method="filter_sector")
    origin = django_filters.CharFilter(label=_("Origin economy (ISO code)"), field_name="origin__code")
    appraised_from = django_filters.DateFilter(label=_("Appraised from"), field_name="appraised_on", lookup_expr="gte")
    appraised_to = django_filters.DateFilter(label=_("Appraised to"), field_name="appraised_on", lookup_expr="lte")

    class Meta:
        model = Appraisal
        fields = ["q", "version", "recommendation", "decision", "sector", "origin", "hard_pass"]

    def filter_q(self, queryset, name, value):
        words = search_key(value).split()
        if not words:
            return queryset
        query = Q()
        for word in value.split():
            query &= Q(title__icontains=word) | Q(investor_name__icontains=word)
        return queryset.filter(query)

    def filter_sector(self, queryset, name, value):
        code = value.strip()
        if not code:
            return queryset
        if code[:1].isalpha():
            return queryset.filter(sector__section=code.upper())
        return queryset.filter(sector__code__startswith=code)


class MonitoringReportFilterSet(django_filters.FilterSet):
    project = django_filters.CharFilter(label=_("Project code"), field_name="project__code")
    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte")
    operating = django_filters.BooleanFilter(label=_("Operating"))

    class Meta:
        model = MonitoringReport
        fields = ["project", "date_from", "date_to", "operating"]

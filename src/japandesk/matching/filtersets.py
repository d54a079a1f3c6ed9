"""One FilterSet per matching model, shared by the HTML lists and the API."""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from japandesk.core.text import search_key
from japandesk.matching.choices import ContentLanguage, IntroductionStatus, NeedStatus, ProfileSource, ProfileState
from japandesk.matching.engine.certifications import canonical_or_clean
from japandesk.matching.models import REMINDER_DAYS, BuyerNeed, Introduction, SupplierProfile
from japandesk.zones.models import Zone


def search(queryset, value, field: str = "search_text"):
    """Every word of the query, diacritics, width and kana folded, must appear in the search text."""
    key = search_key(value)
    query = Q()
    for word in key.split():
        query &= Q(**{f"{field}__contains": word})
    return queryset.filter(query)


def _contains_item(queryset, field: str, value: str):
    # JSON lists are matched on their serialised text, which works alike on SQLite and PostgreSQL.
    return queryset.filter(**{f"{field}__icontains": f'"{value}"'})


class SupplierProfileFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    state = django_filters.ChoiceFilter(label=_("State"), choices=ProfileState.choices, method="filter_state")
    verified = django_filters.BooleanFilter(label=_("Verified by the desk"))
    source = django_filters.ChoiceFilter(label=_("Source"), choices=ProfileSource.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=ContentLanguage.choices)
    zone = django_filters.ModelChoiceFilter(label=_("Zone"), queryset=Zone.objects.all(), method="filter_zone")
    certification = django_filters.CharFilter(label=_("Certification"), method="filter_certification")
    process = django_filters.CharFilter(label=_("Process"), method="filter_process")
    ordering = django_filters.OrderingFilter(
        fields=[("name_latin", "name"), ("expires_on", "expires"), ("created_at", "created")],
        label=_("Order by"),
    )

    class Meta:
        model = SupplierProfile
        fields = ["q", "state", "verified", "source", "language", "zone", "certification", "process"]

    def filter_q(self, queryset, name, value):
        return search(queryset, value)

    def filter_state(self, queryset, name, value):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=REMINDER_DAYS)
        if value == ProfileState.EXPIRED:
            return queryset.filter(expires_on__lt=today)
        live = queryset.filter(expires_on__gte=today)
        if value == ProfileState.AWAITING_REVIEW:
            return live.filter(verified=False)
        if value == ProfileState.EXPIRING:
            return live.filter(verified=True, expires_on__lte=soon)
        return live.filter(verified=True)

    def filter_zone(self, queryset, name, value):
        return queryset.filter(Q(zone=value) | Q(zone__parent=value))

    def filter_certification(self, queryset, name, value):
        return _contains_item(queryset, "certifications", canonical_or_clean(value)) if value.strip() else queryset

    def filter_process(self, queryset, name, value):
        return _contains_item(queryset, "processes", value.strip()) if value.strip() else queryset


class BuyerNeedFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=NeedStatus.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=ContentLanguage.choices)
    buyer_country = django_filters.CharFilter(label=_("Buyer's country (ISO code)"), lookup_expr="iexact")
    deadline_before = django_filters.DateFilter(
        label=_("Deadline on or before"), field_name="deadline", lookup_expr="lte"
    )
    ordering = django_filters.OrderingFilter(
        fields=[("created_at", "created"), ("deadline", "deadline"), ("buyer", "buyer")], label=_("Order by")
    )

    class Meta:
        model = BuyerNeed
        fields = ["q", "status", "language", "buyer_country", "deadline_before"]

    def filter_q(self, queryset, name, value):
        return search(queryset, value)


class IntroductionFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=IntroductionStatus.choices)
    need = django_filters.ModelChoiceFilter(label=_("Buyer's need"), queryset=BuyerNeed.objects.all())
    profile = django_filters.ModelChoiceFilter(label=_("Supplier"), queryset=SupplierProfile.objects.all())
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")

    class Meta:
        model = Introduction
        fields = ["status", "need", "profile", "q"]

    def filter_q(self, queryset, name, value):
        key = search_key(value)
        query = Q()
        for word in key.split():
            query &= Q(need__search_text__contains=word) | Q(profile__search_text__contains=word)
        return queryset.filter(query)

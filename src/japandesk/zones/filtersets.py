"""The zone list's filters, shared by the HTML list and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from japandesk.core.text import search_key
from japandesk.zones.choices import ZoneKind
from japandesk.zones.models import Zone


class ZoneFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=ZoneKind.choices)
    parent = django_filters.ModelChoiceFilter(
        label=_("Economic zone"), queryset=Zone.objects.filter(kind=ZoneKind.ECONOMIC_ZONE)
    )

    class Meta:
        model = Zone
        fields = ["q", "kind", "parent"]

    def filter_q(self, queryset, name, value):
        query = Q()
        for word in search_key(value).split():
            query &= Q(search_text__contains=word)
        return queryset.filter(query)

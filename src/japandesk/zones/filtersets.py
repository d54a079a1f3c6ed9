"""The zone list's filters, shared by the HTML catalogue and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from japandesk.core.text import search_key
from japandesk.registry.models import Sector
from japandesk.zones.choices import ZoneKind, ZoneStatus
from japandesk.zones.models import Zone


class ZoneFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=ZoneKind.choices)
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=ZoneStatus.choices)
    parent = django_filters.ModelChoiceFilter(
        label=_("Economic zone"), queryset=Zone.objects.filter(kind=ZoneKind.ECONOMIC_ZONE)
    )
    sector = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Target sector"),
            queryset=Sector.objects.filter(level__lte=2),
            to_field_name="code",
            method="filter_sector",
        )
    )
    japanese_standard = django_filters.BooleanFilter(label=_("Built to Japanese standards"))
    max_seaport_km = django_filters.NumberFilter(
        label=_("Greatest distance to a seaport (km)"), field_name="distance_seaport_km", lookup_expr="lte"
    )

    class Meta:
        model = Zone
        fields = ["q", "kind", "status", "parent", "sector", "japanese_standard", "max_seaport_km"]

    def filter_q(self, queryset, name, value):
        query = Q()
        for word in search_key(value).split():
            query &= Q(search_text__contains=word)
        return queryset.filter(query)

    def filter_sector(self, queryset, name, value):
        """Zones that target the sector itself or the section it belongs to."""
        if value is None:
            return queryset
        query = Q(target_sectors=value) | Q(target_sectors__parent=value)
        if value.parent_id:
            query |= Q(target_sectors=value.parent_id)
        return queryset.filter(pk__in=Zone.objects.filter(query).values("pk"))

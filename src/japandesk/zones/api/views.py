from django_filters import rest_framework as filters
from rest_framework import viewsets

from japandesk.registry.api.views import ServiceViewSet
from japandesk.zones import services
from japandesk.zones.api.serializers import LandFigureSerializer, PlotSerializer, ZoneSerializer
from japandesk.zones.filtersets import ZoneFilterSet
from japandesk.zones.models import LandFigure, Plot, Zone


class ZoneViewSet(ServiceViewSet):
    """Industrial parks, economic zones and industrial clusters."""

    queryset = Zone.objects.select_related("parent").prefetch_related("target_sectors")
    serializer_class = ZoneSerializer
    filterset_class = ZoneFilterSet

    def create_object(self, data):
        return self.service(services.create_zone, **data)

    def update_object(self, instance, data):
        return self.service(services.update_zone, instance, **data)


class LandFigureFilterSet(filters.FilterSet):
    zone = filters.CharFilter(field_name="zone__code")
    date_from = filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = LandFigure
        fields = ["zone", "date_from", "date_to"]


class LandFigureViewSet(viewsets.ReadOnlyModelViewSet):
    """Dated land figures of the zones (occupancy over time); recorded on the zone pages."""

    queryset = LandFigure.objects.select_related("zone").order_by("zone__code", "date")
    serializer_class = LandFigureSerializer
    filterset_class = LandFigureFilterSet


class PlotFilterSet(filters.FilterSet):
    zone = filters.CharFilter(field_name="zone__code")

    class Meta:
        model = Plot
        fields = ["zone", "status"]


class PlotViewSet(viewsets.ReadOnlyModelViewSet):
    """Plots of the zones with their holds; held and leased on the zone pages."""

    queryset = Plot.objects.select_related("zone").order_by("zone__code", "code")
    serializer_class = PlotSerializer
    filterset_class = PlotFilterSet

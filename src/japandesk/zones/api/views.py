from japandesk.registry.api.views import ServiceViewSet
from japandesk.zones import services
from japandesk.zones.api.serializers import ZoneSerializer
from japandesk.zones.filtersets import ZoneFilterSet
from japandesk.zones.models import Zone


class ZoneViewSet(ServiceViewSet):
    """Industrial parks, economic zones and industrial clusters."""

    queryset = Zone.objects.all()
    serializer_class = ZoneSerializer
    filterset_class = ZoneFilterSet

    def create_object(self, data):
        return self.service(services.create_zone, **data)

    def update_object(self, instance, data):
        return self.service(services.update_zone, instance, **data)

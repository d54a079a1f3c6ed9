"""The zones endpoints of the REST API, registered on the one router under /api/."""

from japandesk.zones.api.views import ZoneViewSet


def register(router) -> None:
    router.register("zones", ZoneViewSet, basename="zone")

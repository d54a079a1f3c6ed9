"""The zones endpoints of the REST API, registered on the one router under /api/."""

from japandesk.zones.api.views import LandFigureViewSet, PlotViewSet, ZoneViewSet


def register(router) -> None:
    router.register("zones", ZoneViewSet, basename="zone")
    router.register("land-figures", LandFigureViewSet, basename="land-figure")
    router.register("plots", PlotViewSet, basename="plot")

"""The zone pages for staff: the catalogue, a zone's page, the map, comparison, fit, and the forms."""

from japandesk.zones.views.catalogue import CompareView, FitView, MapView, ZoneDetailView, ZoneListView
from japandesk.zones.views.editing import (
    LandFigureCreateView,
    LandFigureDeleteView,
    PhotoCreateView,
    PhotoDeleteView,
    PlotActionView,
    PlotCreateView,
    PlotHoldView,
    TranslationEditView,
    ZoneCreateView,
    ZoneUpdateView,
)

__all__ = [
    "CompareView",
    "FitView",
    "LandFigureCreateView",
    "LandFigureDeleteView",
    "MapView",
    "PhotoCreateView",
    "PhotoDeleteView",
    "PlotActionView",
    "PlotCreateView",
    "PlotHoldView",
    "TranslationEditView",
    "ZoneCreateView",
    "ZoneDetailView",
    "ZoneListView",
    "ZoneUpdateView",
]

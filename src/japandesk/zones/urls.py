from django.urls import path

from japandesk.zones import views

app_name = "zones"
urlpatterns = [
    path("", views.ZoneListView.as_view(), name="zone-list"),
    path("new/", views.ZoneCreateView.as_view(), name="zone-create"),
    path("map/", views.MapView.as_view(), name="map"),
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("fit/", views.FitView.as_view(), name="fit"),
    path("<slug:code>/", views.ZoneDetailView.as_view(), name="zone-detail"),
    path("<slug:code>/edit/", views.ZoneUpdateView.as_view(), name="zone-update"),
    path("<slug:code>/land/new/", views.LandFigureCreateView.as_view(), name="land-create"),
    path("<slug:code>/land/<int:pk>/delete/", views.LandFigureDeleteView.as_view(), name="land-delete"),
    path("<slug:code>/plots/new/", views.PlotCreateView.as_view(), name="plot-create"),
    path("<slug:code>/plots/<int:pk>/hold/", views.PlotHoldView.as_view(), name="plot-hold"),
    path(
        "<slug:code>/plots/<int:pk>/<str:action>/",
        views.PlotActionView.as_view(),
        name="plot-action",
    ),
    path("<slug:code>/texts/<str:language>/", views.TranslationEditView.as_view(), name="text-edit"),
    path("<slug:code>/photos/new/", views.PhotoCreateView.as_view(), name="photo-create"),
    path("<slug:code>/photos/<int:pk>/delete/", views.PhotoDeleteView.as_view(), name="photo-delete"),
]

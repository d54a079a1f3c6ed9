from django.urls import path

from japandesk.registry import views

app_name = "registry"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("projects/", views.DashboardView.as_view(), name="project-list"),
    path("investors/", views.DashboardView.as_view(), name="investor-list"),
    path("ledger/", views.DashboardView.as_view(), name="event-list"),
    path("import/", views.DashboardView.as_view(), name="import"),
]

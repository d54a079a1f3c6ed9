"""The REST API under /api/: the registry's records, the zones and the headline figures."""

from rest_framework.routers import DefaultRouter

from japandesk.registry.api import views
from japandesk.zones.api.views import ZoneViewSet

app_name = "api"
router = DefaultRouter()
router.register("countries", views.CountryViewSet, basename="country")
router.register("sectors", views.SectorViewSet, basename="sector")
router.register("zones", ZoneViewSet, basename="zone")
router.register("investors", views.InvestorViewSet, basename="investor")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("events", views.LedgerEventViewSet, basename="event")
router.register("disbursements", views.DisbursementViewSet, basename="disbursement")
router.register("jobs-reports", views.JobsReportViewSet, basename="jobs-report")
router.register("stats", views.StatsViewSet, basename="stats")

urlpatterns = router.urls

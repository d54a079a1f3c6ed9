"""The registry endpoints of the REST API, registered on the one router under /api/."""

from japandesk.registry.api import views


def register(router) -> None:
    router.register("countries", views.CountryViewSet, basename="country")
    router.register("sectors", views.SectorViewSet, basename="sector")
    router.register("investors", views.InvestorViewSet, basename="investor")
    router.register("projects", views.ProjectViewSet, basename="project")
    router.register("events", views.LedgerEventViewSet, basename="event")
    router.register("disbursements", views.DisbursementViewSet, basename="disbursement")
    router.register("jobs-reports", views.JobsReportViewSet, basename="jobs-report")
    router.register("stats", views.StatsViewSet, basename="stats")

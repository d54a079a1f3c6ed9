"""The screening endpoints of the REST API, registered on the one router under /api/."""

from japandesk.screening.api import views


def register(router) -> None:
    router.register("screening/criteria-sets", views.CriteriaSetViewSet, basename="screening-criteria-set")
    router.register("screening/criteria-versions", views.CriteriaVersionViewSet, basename="screening-criteria-version")
    router.register("screening/appraisals", views.AppraisalViewSet, basename="screening-appraisal")
    router.register("screening/monitoring-reports", views.MonitoringReportViewSet, basename="screening-report")

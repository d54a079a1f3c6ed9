from django.urls import path

from japandesk.screening import views

app_name = "screening"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("criteria/", views.CriteriaListView.as_view(), name="criteria-list"),
    path("criteria/new/", views.CriteriaCreateView.as_view(), name="criteria-create"),
    path("criteria/<int:pk>/", views.CriteriaDetailView.as_view(), name="criteria-detail"),
    path("criteria/<int:pk>/draft/", views.NewDraftView.as_view(), name="criteria-draft"),
    path("versions/<int:pk>/", views.VersionDetailView.as_view(), name="version-detail"),
    path("versions/<int:pk>/edit/", views.VersionUpdateView.as_view(), name="version-update"),
    path("versions/<int:pk>/publish/", views.PublishView.as_view(), name="version-publish"),
    path("appraisals/", views.AppraisalListView.as_view(), name="appraisal-list"),
    path("appraisals/new/", views.AppraisalCreateView.as_view(), name="appraisal-create"),
    path("appraisals/<int:pk>/", views.AppraisalDetailView.as_view(), name="appraisal-detail"),
    path("appraisals/<int:pk>/decision/", views.DecisionView.as_view(), name="appraisal-decision"),
    path("ranking/", views.RankingView.as_view(), name="ranking"),
    path("monitoring/", views.MonitoringListView.as_view(), name="monitoring-list"),
    path("monitoring/projects/<int:pk>/", views.ProjectMonitoringView.as_view(), name="project-monitoring"),
    path("monitoring/projects/<int:pk>/commitment/", views.CommitmentView.as_view(), name="commitment"),
    path("monitoring/projects/<int:pk>/reports/new/", views.ReportCreateView.as_view(), name="report-create"),
    path("monitoring/reports/<int:pk>/edit/", views.ReportUpdateView.as_view(), name="report-update"),
    path("monitoring/import/", views.ImportView.as_view(), name="import"),
    path("monitoring/import/confirm/", views.ImportConfirmView.as_view(), name="import-confirm"),
    path("monitoring/import/template.xlsx", views.ImportTemplateView.as_view(), name="import-template"),
    path("briefing/", views.BriefingView.as_view(), name="briefing"),
]

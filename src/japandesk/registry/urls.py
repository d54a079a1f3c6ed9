from django.urls import path

from japandesk.registry import views, views_import

app_name = "registry"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/new/", views.ProjectCreateView.as_view(), name="project-create"),
    path("projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("projects/<int:pk>/edit/", views.ProjectUpdateView.as_view(), name="project-update"),
    path("projects/<int:pk>/events/new/", views.EventFormView.as_view(), name="event-create"),
    path("projects/<int:pk>/disbursements/new/", views.DisbursementCreateView.as_view(), name="disbursement-create"),
    path("projects/<int:pk>/jobs/new/", views.JobsCreateView.as_view(), name="jobs-create"),
    path("investors/", views.InvestorListView.as_view(), name="investor-list"),
    path("investors/new/", views.InvestorCreateView.as_view(), name="investor-create"),
    path("investors/options/", views.InvestorOptionsView.as_view(), name="investor-options"),
    path("investors/<int:pk>/", views.InvestorDetailView.as_view(), name="investor-detail"),
    path("investors/<int:pk>/edit/", views.InvestorUpdateView.as_view(), name="investor-update"),
    path("ledger/", views.EventListView.as_view(), name="event-list"),
    path("ledger/<int:event_pk>/edit/", views.EventFormView.as_view(), name="event-update"),
    path("ledger/<int:pk>/delete/", views.EventDeleteView.as_view(), name="event-delete"),
    path("import/", views_import.ImportView.as_view(), name="import"),
    path("import/<uuid:pk>/", views_import.ImportJobView.as_view(), name="import-job"),
    path("import/<uuid:pk>/confirm/", views_import.ImportConfirmView.as_view(), name="import-confirm"),
    path("import/template.<str:fmt>", views_import.ImportTemplateView.as_view(), name="import-template"),
]

"""The crm endpoints of the REST API, registered on the one router under /api/."""

from japandesk.crm.api import views


def register(router) -> None:
    router.register("crm/organisations", views.OrganisationViewSet, basename="crm-organisation")
    router.register("crm/contacts", views.ContactViewSet, basename="crm-contact")
    router.register("crm/pipelines", views.PipelineViewSet, basename="crm-pipeline")
    router.register("crm/leads", views.LeadViewSet, basename="crm-lead")
    router.register("crm/tasks", views.TaskViewSet, basename="crm-task")
    router.register("crm/interactions", views.InteractionViewSet, basename="crm-interaction")
    router.register("crm/agreements", views.AgreementViewSet, basename="crm-agreement")
    router.register("crm/committees", views.CommitteeViewSet, basename="crm-committee")
    router.register("crm/inquiries", views.InquiryViewSet, basename="crm-inquiry")

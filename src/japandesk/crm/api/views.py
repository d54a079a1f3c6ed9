"""The CRM's REST API. Views parse input and call `crm.services`; lists use the same FilterSets
as the HTML lists. Every role reads; desk officers and administrators write (a leader gets 403)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from japandesk.core.permissions import RolePermission
from japandesk.crm import queries, services
from japandesk.crm.api.serializers import (
    CrmAgreementSerializer,
    CrmCommitteeSerializer,
    CrmContactSerializer,
    CrmInquirySerializer,
    CrmInteractionSerializer,
    CrmLeadSerializer,
    CrmMoveSerializer,
    CrmOrganisationSerializer,
    CrmPipelineSerializer,
    CrmResponseTimesSerializer,
    CrmTaskSerializer,
)
from japandesk.crm.filtersets import (
    AgreementFilterSet,
    CommitteeFilterSet,
    ContactFilterSet,
    InquiryFilterSet,
    InteractionFilterSet,
    LeadFilterSet,
    OrganisationFilterSet,
    TaskFilterSet,
)
from japandesk.crm.models import (
    Agreement,
    Committee,
    CommitteeMeeting,
    Contact,
    Inquiry,
    Interaction,
    Lead,
    Organisation,
    Pipeline,
    StageChange,
    Task,
)
from japandesk.registry.api.views import call_service

SOURCE = "api"


class CrmViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """List, detail, create and update through a service function."""

    permission_classes = [RolePermission]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    field_map: dict[str, str] = {}

    def create_object(self, data: dict):
        raise NotImplementedError

    def update_object(self, instance, data: dict):
        raise NotImplementedError

    def service(self, function, *args, **kwargs):
        try:
            return call_service(function, *args, field_map=self.field_map, **kwargs)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error

    def perform_create(self, serializer):
        instance = self.create_object(dict(serializer.validated_data))
        serializer.instance = self.get_queryset().get(pk=instance.pk)

    def perform_update(self, serializer):
        instance = self.update_object(serializer.instance, dict(serializer.validated_data))
        serializer.instance = self.get_queryset().get(pk=instance.pk)


def _m2m(data: dict, *names: str) -> dict:
    return {name: list(data.pop(name)) for name in names if name in data}


class OrganisationViewSet(CrmViewSet):
    """Organisations: companies, government bodies, agencies, associations, universities."""

    queryset = Organisation.objects.select_related("country", "sector").order_by("sort_key_latin", "id")
    serializer_class = CrmOrganisationSerializer
    filterset_class = OrganisationFilterSet

    def create_object(self, data):
        return self.service(services.create_organisation, self.request.user, source=SOURCE, **data)

    def update_object(self, instance, data):
        return self.service(services.update_organisation, instance, self.request.user, source=SOURCE, **data)


class ContactViewSet(CrmViewSet):
    """People; e-mail, phone and address only for staff."""

    queryset = Contact.objects.order_by("sort_key_latin", "id")
    serializer_class = CrmContactSerializer
    filterset_class = ContactFilterSet

    def create_object(self, data):
        return self.service(services.create_contact, self.request.user, source=SOURCE, **data)

    def update_object(self, instance, data):
        return self.service(services.update_contact, instance, self.request.user, source=SOURCE, **data)


class PipelineViewSet(viewsets.ReadOnlyModelViewSet):
    """The pipelines and their stages, in order."""

    queryset = Pipeline.objects.prefetch_related("stages")
    serializer_class = CrmPipelineSerializer
    permission_classes = [RolePermission]
    lookup_field = "key"


class LeadViewSet(CrmViewSet):
    """Leads in their pipelines; `move` changes the stage and records it in the stage history."""

    queryset = Lead.objects.select_related("pipeline", "stage", "country", "sector").prefetch_related(
        Prefetch("stage_changes", queryset=StageChange.objects.select_related("from_stage", "to_stage"))
    )
    serializer_class = CrmLeadSerializer
    filterset_class = LeadFilterSet
    field_map = {"country_code": "country"}

    def create_object(self, data):
        pipeline = data.pop("pipeline")
        country = data.pop("country", None)
        return self.service(
            services.create_lead,
            self.request.user,
            pipeline=pipeline.key,
            country_code=country.code if country else "",
            **{**data, "source": data.get("source") or SOURCE},
        )

    def update_object(self, instance, data):
        if "pipeline" in data and data.pop("pipeline") != instance.pipeline:
            from rest_framework.exceptions import ValidationError

            raise ValidationError({"pipeline": [_("A lead cannot move to another pipeline.")]})
        return self.service(services.update_lead, instance, self.request.user, source=SOURCE, **data)

    @extend_schema(request=CrmMoveSerializer, responses=CrmLeadSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        lead = self.get_object()
        payload = CrmMoveSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        self.service(
            services.move_lead,
            lead,
            request.user,
            payload.validated_data["stage"],
            note=payload.validated_data.get("note", ""),
            source=SOURCE,
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=lead.pk)).data)


class TaskViewSet(CrmViewSet):
    """Follow-up tasks; `?mine=true`, `?overdue=true`. Setting `done` completes or reopens one."""

    queryset = Task.objects.all()
    serializer_class = CrmTaskSerializer
    filterset_class = TaskFilterSet

    def create_object(self, data):
        done = data.pop("done", False)
        task = self.service(services.create_task, self.request.user, **{**data, "source": data.get("source") or SOURCE})
        if done:
            services.complete_task(task, self.request.user, source=SOURCE)
        return task

    def update_object(self, instance, data):
        done = data.pop("done", None)
        task = (
            self.service(services.update_task, instance, self.request.user, source=SOURCE, **data) if data else instance
        )
        if done is True:
            self.service(services.complete_task, task, self.request.user, source=SOURCE)
        elif done is False:
            self.service(services.reopen_task, task, self.request.user, source=SOURCE)
        return task


class InteractionViewSet(CrmViewSet):
    """The timeline: delegations, missions, meetings, calls, e-mails, conferences."""

    queryset = Interaction.objects.prefetch_related("organisations", "contacts", "officers", "zones")
    serializer_class = CrmInteractionSerializer
    filterset_class = InteractionFilterSet

    def create_object(self, data):
        m2m = _m2m(data, "organisations", "contacts", "officers", "zones")
        return self.service(services.create_interaction, self.request.user, source=SOURCE, **m2m, **data)

    def update_object(self, instance, data):
        m2m = _m2m(data, "organisations", "contacts", "officers", "zones")
        return self.service(services.update_interaction, instance, self.request.user, source=SOURCE, **m2m, **data)


class AgreementViewSet(CrmViewSet):
    """MOUs and cooperation agreements with their parties and obligations."""

    queryset = Agreement.objects.prefetch_related("parties", "obligations")
    serializer_class = CrmAgreementSerializer
    filterset_class = AgreementFilterSet

    def create_object(self, data):
        parties = list(data.pop("parties", []))
        return self.service(services.create_agreement, self.request.user, parties=parties, source=SOURCE, **data)

    def update_object(self, instance, data):
        parties = list(data.pop("parties")) if "parties" in data else None
        return self.service(
            services.update_agreement, instance, self.request.user, parties=parties, source=SOURCE, **data
        )


class CommitteeViewSet(CrmViewSet):
    """Committees with their members, meetings, decisions and action items."""

    queryset = Committee.objects.prefetch_related(
        "members",
        Prefetch("meetings", queryset=CommitteeMeeting.objects.prefetch_related("attendees", "decisions__tasks")),
    )
    serializer_class = CrmCommitteeSerializer
    filterset_class = CommitteeFilterSet

    def create_object(self, data):
        return self.service(services.create_committee, self.request.user, source=SOURCE, **data)

    def update_object(self, instance, data):
        return self.service(services.update_committee, instance, self.request.user, source=SOURCE, **data)


class InquiryViewSet(viewsets.ReadOnlyModelViewSet):
    """Inquiries with their response clock; `response-times` gives the median and 90th
    percentile time to first answer by language and by officer for the filtered inquiries."""

    queryset = Inquiry.objects.select_related("country")
    serializer_class = CrmInquirySerializer
    filterset_class = InquiryFilterSet
    permission_classes = [RolePermission]

    @extend_schema(responses=CrmResponseTimesSerializer)
    @action(detail=False, methods=["get"], url_path="response-times")
    def response_times(self, request):
        figures = queries.response_times(self.filter_queryset(self.get_queryset()))
        return Response(
            {
                "overall": figures["overall"].as_dict(),
                "by_language": [f.as_dict() for f in figures["by_language"]],
                "by_officer": [f.as_dict() for f in figures["by_officer"]],
            }
        )

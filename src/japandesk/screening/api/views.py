"""The screening API. Views parse input and call `screening.services`; lists use the same
FilterSets as the pages. Every role reads; desk officers and administrators appraise and
report; only administrators change criteria.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from japandesk.core.permissions import can_view, is_administrator
from japandesk.registry.api.views import call_service
from japandesk.screening import services
from japandesk.screening.api.serializers import (
    AppraisalSerializer,
    CriteriaSetSerializer,
    CriteriaSetUpdateSerializer,
    CriteriaVersionSerializer,
    DecisionSerializer,
    MonitoringReportSerializer,
)
from japandesk.screening.filtersets import (
    AppraisalFilterSet,
    CriteriaSetFilterSet,
    CriteriaVersionFilterSet,
    MonitoringReportFilterSet,
)
from japandesk.screening.models import Appraisal, CriteriaSet, CriteriaVersion, MonitoringReport

SOURCE = "api"


class AdministratorWritePermission(permissions.BasePermission):
    """Criteria: every role reads, only administrators change them."""

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return can_view(request.user)
        return is_administrator(request.user)


def run(function, *args, **kwargs):
    try:
        return call_service(function, *args, source=SOURCE, **kwargs)
    except DjangoPermissionDenied as error:
        raise PermissionDenied(str(error)) from error


class CriteriaSetViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Criteria sets with their versions. Creating one makes its first version, a draft."""

    queryset = CriteriaSet.objects.prefetch_related("versions__published_by")
    filterset_class = CriteriaSetFilterSet
    permission_classes = [AdministratorWritePermission]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return CriteriaSetUpdateSerializer
        if self.action == "draft":
            return CriteriaVersionSerializer
        return CriteriaSetSerializer

    def perform_create(self, serializer):
        serializer.instance = run(services.create_criteria_set, actor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = run(
            services.update_criteria_set, serializer.instance, actor=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=None, responses={201: CriteriaVersionSerializer})
    @action(detail=True, methods=["post"])
    def draft(self, request, pk=None):
        """A new draft version, a copy of the latest (or the draft already open)."""
        version = run(services.new_draft, self.get_object(), actor=request.user)
        return Response(CriteriaVersionSerializer(version).data, status=status.HTTP_201_CREATED)


class CriteriaVersionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet
):
    """Versions of criteria sets. A draft's definition may change; a published version never does."""

    queryset = CriteriaVersion.objects.select_related("criteria_set", "published_by")
    serializer_class = CriteriaVersionSerializer
    filterset_class = CriteriaVersionFilterSet
    permission_classes = [AdministratorWritePermission]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def perform_update(self, serializer):
        data = serializer.validated_data
        definition = data.get("definition", serializer.instance.definition)
        serializer.instance = run(
            services.update_draft,
            serializer.instance,
            actor=self.request.user,
            definition=definition,
            note=data.get("note"),
        )

    @extend_schema(request=None, responses={200: CriteriaVersionSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish a draft: from now on it never changes and appraisals can use it."""
        version = run(services.publish, self.get_object(), actor=request.user)
        return Response(CriteriaVersionSerializer(version).data)


class AppraisalViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Appraisals of proposed projects with a published criteria version; leaders read them."""

    queryset = Appraisal.objects.select_related("sector", "origin", "zone", "version", "appraised_by", "decided_by")
    serializer_class = AppraisalSerializer
    filterset_class = AppraisalFilterSet

    def get_serializer_class(self):
        return DecisionSerializer if self.action == "decision" else AppraisalSerializer

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = run(services.create_appraisal, actor=self.request.user, **data)

    @extend_schema(request=DecisionSerializer, responses={200: AppraisalSerializer})
    @action(detail=True, methods=["post"])
    def decision(self, request, pk=None):
        """Record the decision taken on the proposal (audited)."""
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        appraisal = run(services.record_decision, self.get_object(), actor=request.user, **serializer.validated_data)
        return Response(AppraisalSerializer(appraisal).data)


class MonitoringReportViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Monitoring reports of licensed projects (realised capital to date, jobs, land in use,
    operation, and the revenue, taxes, exports and local purchases of the last 12 months).
    """

    queryset = MonitoringReport.objects.select_related("project")
    serializer_class = MonitoringReportSerializer
    filterset_class = MonitoringReportFilterSet

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        project = data.pop("project")
        serializer.instance = run(services.record_report, project, actor=self.request.user, **data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        project = data.pop("project", serializer.instance.project)
        if project.pk != serializer.instance.project_id:
            raise ValidationError({"project": [_("A report stays with its project; delete it and report again.")]})
        serializer.instance = run(services.update_report, serializer.instance, actor=self.request.user, **data)

    def perform_destroy(self, instance):
        run(services.delete_report, instance, actor=self.request.user)

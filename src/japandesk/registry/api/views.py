"""The registry's REST API. Views parse input and call `registry.services`; the lists use
the same FilterSets as the HTML lists.
"""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.response import Response
from rest_framework.settings import api_settings

from japandesk.core.permissions import can_view, is_administrator
from japandesk.registry import queries, services
from japandesk.registry.api.serializers import (
    CountrySerializer,
    DisbursementSerializer,
    InvestorSerializer,
    JobsReportSerializer,
    LedgerEventSerializer,
    ProjectDetailSerializer,
    ProjectSerializer,
    SectorSerializer,
    StatsQuerySerializer,
    StatsSerializer,
)
from japandesk.registry.filtersets import (
    CountryFilterSet,
    DisbursementFilterSet,
    InvestorFilterSet,
    JobsReportFilterSet,
    LedgerEventFilterSet,
    ProjectFilterSet,
    SectorFilterSet,
)
from japandesk.registry.models import (
    Country,
    Disbursement,
    Investor,
    JobsReport,
    LedgerEvent,
    Participation,
    Project,
    Sector,
)

SOURCE = "api"

AS_OF = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATE,
    OpenApiParameter.QUERY,
    description="The date the project's state is read on (default: today).",
)


def error_detail(error: DjangoValidationError, field_map: dict[str, str] | None = None) -> dict[str, list[str]]:
    """A service's ValidationError as the body of a 400: messages about a field under the
    field's name, the others under `non_field_errors`.
    """
    if not hasattr(error, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    detail: dict[str, list[str]] = {}
    for field, messages in error.message_dict.items():
        key = api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else (field_map or {}).get(field, field)
        detail.setdefault(key, []).extend(messages)
    return detail


def call_service(function, *args, field_map: dict[str, str] | None = None, **kwargs):
    """Run a service function; the rules it enforces come back to the client as a 400."""
    try:
        return function(*args, **kwargs)
    except DjangoValidationError as error:
        raise serializers.ValidationError(error_detail(error, field_map)) from error


class AdministratorWritePermission(permissions.BasePermission):
    """Reference data: every role reads, only administrators change it."""

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return can_view(request.user)
        return is_administrator(request.user)


class ServiceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """List, detail, create and update; writes go through `create`/`update` below, which
    subclasses implement with a service function.
    """

    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    field_map: dict[str, str] = {}

    def create_object(self, data: dict):
        raise NotImplementedError

    def update_object(self, instance, data: dict):
        raise NotImplementedError

    def reload(self, instance):
        """The written record read back as the list reads it, for the response."""
        return self.get_queryset().get(pk=instance.pk)

    def service(self, function, *args, **kwargs):
        return call_service(function, *args, actor=self.request.user, source=SOURCE, field_map=self.field_map, **kwargs)

    def perform_create(self, serializer):
        serializer.instance = self.reload(self.create_object(dict(serializer.validated_data)))

    def perform_update(self, serializer):
        serializer.instance = self.reload(self.update_object(serializer.instance, dict(serializer.validated_data)))


class CountryViewSet(ServiceViewSet):
    """Origin economies (ISO 3166-1). Every role reads them; administrators change them."""

    queryset = Country.objects.all()
    serializer_class = CountrySerializer
    filterset_class = CountryFilterSet
    permission_classes = [AdministratorWritePermission]

    def create_object(self, data):
        return self.service(services.create_country, **data)

    def update_object(self, instance, data):
        return self.service(services.update_country, instance, **data)


class SectorViewSet(ServiceViewSet):
    """Sectors of the VSIC 2018 classification. Every role reads them; administrators change them."""

    queryset = Sector.objects.select_related("parent")
    serializer_class = SectorSerializer
    filterset_class = SectorFilterSet
    permission_classes = [AdministratorWritePermission]

    def create_object(self, data):
        return self.service(services.create_sector, **data)

    def update_object(self, instance, data):
        return self.service(services.update_sector, instance, **data)


class InvestorViewSet(ServiceViewSet):
    """Companies and people that invest, with their origin economy and parent group."""

    queryset = Investor.objects.select_related("country")
    serializer_class = InvestorSerializer
    filterset_class = InvestorFilterSet

    def create_object(self, data):
        return self.service(services.create_investor, **data)

    def update_object(self, instance, data):
        return self.service(services.update_investor, instance, **data)


@extend_schema_view(
    retrieve=extend_schema(parameters=[AS_OF]),
    update=extend_schema(parameters=[AS_OF]),
    partial_update=extend_schema(parameters=[AS_OF]),
    create=extend_schema(parameters=[AS_OF]),
)
class ProjectViewSet(ServiceViewSet):
    """Projects with their state on a date: status, registered capital and origin economy
    as the ledger stood at the end of `as_of` (default: today). The detail adds the
    investors and their shares on that date.
    """

    queryset = Project.objects.select_related("sector", "zone")
    filterset_class = ProjectFilterSet

    def get_serializer_class(self):
        return ProjectSerializer if self.action == "list" else ProjectDetailSerializer

    def as_of_date(self) -> datetime.date:
        value = self.request.query_params.get("as_of") if self.request else None
        if value:
            try:
                return ProjectFilterSet.base_filters["as_of"].field.clean(value)
            except DjangoValidationError:
                pass  # the filter backend answers 400
        return timezone.localdate()

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "as_of": self.as_of_date()}

    def reload(self, instance):
        return self.get_queryset().as_of(self.as_of_date()).get(pk=instance.pk)

    def create_object(self, data):
        return self.service(services.create_project, **data)

    def update_object(self, instance, data):
        return self.service(services.update_project, instance, **data)


class LedgerEventViewSet(mixins.DestroyModelMixin, ServiceViewSet):
    """The investment-certificate ledger. Officers and administrators add, correct and
    delete events; every change is checked against the rest of the project's ledger.
    """

    queryset = LedgerEvent.objects.select_related("project", "origin").prefetch_related(
        Prefetch("participations", queryset=Participation.objects.select_related("investor__country"))
    )
    serializer_class = LedgerEventSerializer
    filterset_class = LedgerEventFilterSet
    http_method_names = [*ServiceViewSet.http_method_names, "delete"]

    @staticmethod
    def _lineup(items) -> list:
        return [(item["investor"], item["share"]) for item in items]

    def create_object(self, data):
        return self.service(
            services.record_event,
            data["project"],
            kind=data["kind"],
            date=data["date"],
            certificate_no=data["certificate_no"],
            capital_usd=data.get("capital_usd"),
            capital_vnd=data.get("capital_vnd"),
            lineup=self._lineup(data.get("participations", [])),
            note=data.get("note", ""),
        )

    def update_object(self, event, data):
        # Fields left out keep their value (PATCH): the service checks the whole event again.
        if "participations" in data:
            lineup = self._lineup(data["participations"])
        else:
            lineup = [(p.investor, p.share) for p in event.participations.all()]
        if "capital_usd" in data or "capital_vnd" in data:
            amount_usd, amount_vnd = data.get("capital_usd"), data.get("capital_vnd")
        else:
            amount_usd, amount_vnd = abs(event.capital_change_usd), abs(event.capital_change_vnd)
        return self.service(
            services.record_event,
            event.project,
            event=event,
            kind=data.get("kind", event.kind),
            date=data.get("date", event.date),
            certificate_no=data.get("certificate_no", event.certificate_no),
            capital_usd=amount_usd,
            capital_vnd=amount_vnd,
            lineup=lineup,
            note=data.get("note", event.note),
        )

    def perform_destroy(self, instance):
        call_service(services.delete_event, instance, actor=self.request.user, source=SOURCE)


class DisbursementViewSet(ServiceViewSet):
    """Realised capital: what each project actually put in, reported for periods ending on a date."""

    queryset = Disbursement.objects.select_related("project")
    serializer_class = DisbursementSerializer
    filterset_class = DisbursementFilterSet
    field_map = {"capital_usd": "amount_usd"}

    def create_object(self, data):
        return self.service(
            services.record_disbursement,
            data["project"],
            date=data["date"],
            amount_usd=data.get("amount_usd"),
            amount_vnd=data.get("amount_vnd"),
            note=data.get("note", ""),
        )

    def update_object(self, instance, data):
        data.pop("project", None)
        return self.service(services.update_disbursement, instance, **data)


class JobsReportViewSet(ServiceViewSet):
    """The number of people each project actually employed on a date."""

    queryset = JobsReport.objects.select_related("project")
    serializer_class = JobsReportSerializer
    filterset_class = JobsReportFilterSet

    def create_object(self, data):
        return self.service(
            services.record_jobs, data["project"], date=data["date"], jobs=data["jobs"], note=data.get("note", "")
        )

    def update_object(self, instance, data):
        data.pop("project", None)
        return self.service(services.update_jobs, instance, **data)


class StatsViewSet(viewsets.ViewSet):
    """The registry's headline figures on a date, the same JSON object as `japandesk stats --json`."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "as_of", OpenApiTypes.DATE, description="The date the figures are read on (default: today)."
            ),
            OpenApiParameter(
                "origin", OpenApiTypes.STR, description="ISO code of an origin economy: only its projects count."
            ),
            OpenApiParameter(
                "in_zones", OpenApiTypes.BOOL, description="Only projects inside industrial parks and economic zones."
            ),
            OpenApiParameter(
                "from",
                OpenApiTypes.DATE,
                description="Start of a period ending on `as_of`: adds the capital attracted in it.",
            ),
        ],
        responses=StatsSerializer,
    )
    def list(self, request):
        query = StatsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        payload = queries.stats_payload(
            data["as_of"], origin=data.get("origin"), in_zones=data["in_zones"], period_from=data.get("from")
        )
        return Response(payload)

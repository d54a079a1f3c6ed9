"""The matching REST API. Views parse input and call `matching.services`; lists use the same FilterSets
as the pages. Every role reads; desk officers and administrators write.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from japandesk.matching import services, stored
from japandesk.matching.api.serializers import (
    BuyerNeedSerializer,
    IntroductionSerializer,
    MatchQuerySerializer,
    MatchSerializer,
    SupplierProfileSerializer,
)
from japandesk.matching.filtersets import BuyerNeedFilterSet, IntroductionFilterSet, SupplierProfileFilterSet
from japandesk.matching.models import BuyerNeed, Introduction, SupplierProfile
from japandesk.registry.api.views import SOURCE, ServiceViewSet, call_service


class SupplierProfileViewSet(ServiceViewSet):
    """Supplier capability profiles. Only verified profiles that have not expired are proposed to buyers."""

    queryset = SupplierProfile.objects.select_related("zone").defer("search_text")
    serializer_class = SupplierProfileSerializer
    filterset_class = SupplierProfileFilterSet

    def create_object(self, data):
        return self.service(services.create_profile, **data)

    def update_object(self, instance, data):
        return self.service(services.update_profile, instance, **data)

    def _act(self, function):
        profile = self.get_object()
        profile = call_service(function, profile, actor=self.request.user, source=SOURCE)
        return Response(self.get_serializer(self.reload(profile)).data)

    @extend_schema(request=None, responses=SupplierProfileSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        """The desk has checked the profile: it is proposed to buyers until it expires."""
        return self._act(services.verify_profile)

    @extend_schema(request=None, responses=SupplierProfileSerializer)
    @action(detail=True, methods=["post"])
    def unverify(self, request, pk=None):
        """Withdraw the desk's verification: the profile is no longer proposed."""
        return self._act(services.unverify_profile)

    @extend_schema(request=None, responses=SupplierProfileSerializer)
    @action(detail=True, methods=["post"])
    def renew(self, request, pk=None):
        """Keep the profile listed for another year."""
        return self._act(services.renew_profile)


class BuyerNeedViewSet(ServiceViewSet):
    """Buyers' needs, and the suppliers the engine ranks for each."""

    queryset = BuyerNeed.objects.defer("search_text")
    serializer_class = BuyerNeedSerializer
    filterset_class = BuyerNeedFilterSet

    def create_object(self, data):
        return self.service(services.create_need, **data)

    def update_object(self, instance, data):
        return self.service(services.update_need, instance, **data)

    @extend_schema(parameters=[MatchQuerySerializer], responses=MatchSerializer(many=True))
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def matches(self, request, pk=None):
        """The best proposed suppliers for the need, best first, with reasons in the request's language.
        A supplier lacking a required certification is never among them."""
        need = get_object_or_404(BuyerNeed, pk=pk)
        query = MatchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = stored.matches_for_need(need, top=query.validated_data["top"])
        return Response(MatchSerializer(found, many=True).data)


class IntroductionViewSet(ServiceViewSet):
    """Introductions of suppliers to buyers; an update records the outcome (status, note, date)."""

    queryset = Introduction.objects.select_related("need", "profile")
    serializer_class = IntroductionSerializer
    filterset_class = IntroductionFilterSet

    def create_object(self, data):
        return self.service(services.introduce, data["need"], data["profile"], note=data.get("note", ""))

    def update_object(self, instance, data):
        if not {"status", "outcome_note", "outcome_on"} & set(data):
            raise serializers.ValidationError({"status": ["Give a status, an outcome note or a date."]})
        return self.service(
            services.record_outcome,
            instance,
            status=data.get("status", instance.status),
            outcome_note=data.get("outcome_note", instance.outcome_note),
            outcome_on=data.get("outcome_on", instance.outcome_on),
        )

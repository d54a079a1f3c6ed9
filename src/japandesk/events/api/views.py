"""The events REST API: events, participants, meeting requests and meetings. Every role reads;
desk officers and administrators write, through `events.services`."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from japandesk.events import services
from japandesk.events.api.serializers import (
    AnswerSerializer,
    EventSerializer,
    MeetingRequestCreateSerializer,
    MeetingRequestSerializer,
    MeetingSerializer,
    OutcomeSerializer,
    ParticipantCreateSerializer,
    ParticipantSerializer,
    PinSerializer,
)
from japandesk.events.filtersets import EventFilterSet, MeetingFilterSet, MeetingRequestFilterSet, ParticipantFilterSet
from japandesk.events.models import Event, Meeting, MeetingRequest, Participant
from japandesk.registry.api.views import call_service

SOURCE = "api"


class EventViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def perform_create(self, serializer):
        serializer.instance = call_service(
            services.create_event, self.request.user, source=SOURCE, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = call_service(
            services.update_event, serializer.instance, self.request.user, source=SOURCE, **serializer.validated_data
        )

    @extend_schema(responses={200: dict})
    @action(detail=True, methods=["get"])
    def instance(self, request, pk=None):
        """The event in the B2B schedule exchange format."""
        return Response(services.export_instance(self.get_object()))


class ParticipantViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Participant.objects.select_related("event").prefetch_related("available")
    serializer_class = ParticipantSerializer
    filterset_class = ParticipantFilterSet

    @extend_schema(request=ParticipantCreateSerializer, responses={201: ParticipantSerializer})
    def create(self, request):
        data = ParticipantCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        event = values.pop("event")
        codes = values.pop("available")
        available = None
        if codes is not None:
            slots = {slot.code: slot for slot in event.slots.filter(code__in=codes)}
            unknown = sorted(set(codes) - set(slots))
            if unknown:
                raise ValidationError(
                    {"available": [_("Unknown slot “{code}”.").format(code=code) for code in unknown]}
                )
            available = list(slots.values())
        participant = call_service(
            services.register_participant, event, actor=request.user, source=SOURCE, available=available, **values
        )
        return Response(ParticipantSerializer(participant).data, status=status.HTTP_201_CREATED)


class MeetingRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = MeetingRequest.objects.all()
    serializer_class = MeetingRequestSerializer
    filterset_class = MeetingRequestFilterSet

    @extend_schema(request=MeetingRequestCreateSerializer, responses={201: MeetingRequestSerializer})
    def create(self, request):
        data = MeetingRequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        requester = get_object_or_404(Participant, pk=data.validated_data["requester"])
        recipient = get_object_or_404(Participant, pk=data.validated_data["recipient"])
        created = call_service(
            services.send_request,
            requester,
            recipient,
            message=data.validated_data["message"],
            priority=data.validated_data["priority"],
            actor=request.user,
            source=SOURCE,
        )
        return Response(MeetingRequestSerializer(created).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AnswerSerializer, responses={200: MeetingRequestSerializer})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        data = AnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = call_service(
            services.answer_request, self.get_object(), data.validated_data["accept"], actor=request.user, source=SOURCE
        )
        return Response(MeetingRequestSerializer(item).data)

    @extend_schema(request=None, responses={200: MeetingRequestSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        item = call_service(services.cancel_request, self.get_object(), actor=request.user, source=SOURCE)
        return Response(MeetingRequestSerializer(item).data)


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Meeting.objects.select_related("slot", "table").prefetch_related("participants")
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilterSet

    @extend_schema(request=OutcomeSerializer, responses={200: MeetingSerializer})
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        data = OutcomeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        meeting = call_service(
            services.record_outcome,
            self.get_object(),
            data.validated_data["outcome"],
            notes=data.validated_data["notes"],
            follow_up_due=data.validated_data["follow_up_due"],
            actor=request.user,
            source=SOURCE,
        )
        return Response(MeetingSerializer(meeting).data)

    @extend_schema(request=PinSerializer, responses={200: MeetingSerializer})
    @action(detail=True, methods=["post"])
    def pin(self, request, pk=None):
        data = PinSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        meeting = call_service(
            services.set_pinned, self.get_object(), data.validated_data["pinned"], actor=request.user, source=SOURCE
        )
        return Response(MeetingSerializer(meeting).data)

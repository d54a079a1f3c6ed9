from rest_framework import serializers

from japandesk.events.models import Event, Meeting, MeetingRequest, Participant
from japandesk.events.services import MAX_PRIORITY, MIN_PRIORITY


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "name_vi",
            "name_en",
            "name_ja",
            "venue",
            "starts_on",
            "ends_on",
            "registration_open",
            "request_expiry_hours",
            "illustrative",
        ]
        read_only_fields = ["id", "illustrative"]


class ParticipantSerializer(serializers.ModelSerializer):
    available = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Participant
        fields = [
            "id",
            "event",
            "kind",
            "name",
            "organisation",
            "email",
            "phone",
            "country_code",
            "language",
            "profile",
            "looking_for",
            "available",
            "max_meetings",
            "arrived_at",
            "created_at",
        ]
        read_only_fields = fields


class MeetingRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = MeetingRequest
        fields = [
            "id",
            "event",
            "requester",
            "recipient",
            "message",
            "priority",
            "status",
            "expires_at",
            "answered_at",
            "created_at",
        ]
        read_only_fields = ["id", "event", "status", "expires_at", "answered_at", "created_at"]


class MeetingRequestCreateSerializer(serializers.Serializer):
    requester = serializers.IntegerField()
    recipient = serializers.IntegerField()
    message = serializers.CharField(required=False, allow_blank=True, default="")
    priority = serializers.IntegerField(min_value=MIN_PRIORITY, max_value=MAX_PRIORITY, default=1)


class AnswerSerializer(serializers.Serializer):
    accept = serializers.BooleanField()


class MeetingSerializer(serializers.ModelSerializer):
    slot = serializers.SlugRelatedField(slug_field="code", read_only=True)
    slot_start = serializers.DateTimeField(source="slot.start", read_only=True, allow_null=True)
    table = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "event",
            "request",
            "participants",
            "priority",
            "slot",
            "slot_start",
            "table",
            "pinned",
            "unscheduled_reason",
            "cancelled_at",
            "outcome",
            "outcome_notes",
        ]
        read_only_fields = fields


class OutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Meeting._meta.get_field("outcome").choices)
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    follow_up_due = serializers.DateField(required=False, allow_null=True, default=None)


class PinSerializer(serializers.Serializer):
    pinned = serializers.BooleanField()


class ParticipantCreateSerializer(serializers.Serializer):
    """A registration recorded by the desk; the person must have consented to data processing."""

    event = serializers.PrimaryKeyRelatedField(queryset=Event.objects.all())
    kind = serializers.CharField(help_text="investor, supplier, agency or press")
    name = serializers.CharField(max_length=200)
    organisation = serializers.CharField(max_length=300)
    email = serializers.EmailField()
    language = serializers.CharField(help_text="ja, en or vi")
    consent = serializers.BooleanField()
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    country_code = serializers.CharField(max_length=2, required=False, allow_blank=True, default="")
    profile = serializers.CharField(required=False, allow_blank=True, default="")
    looking_for = serializers.CharField(required=False, allow_blank=True, default="")
    available = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        allow_null=True,
        default=None,
        help_text="Slot codes; leave out for every slot.",
    )
    max_meetings = serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None)

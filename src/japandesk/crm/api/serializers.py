"""Serializers of the CRM API. They check the form of values; `crm.services` checks the rules
and writes. Countries are referred to by ISO code, sectors by VSIC code, other records by id."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from japandesk.core.permissions import can_view
from japandesk.crm import names
from japandesk.crm.models import (
    Agreement,
    Committee,
    CommitteeMeeting,
    Contact,
    Decision,
    Inquiry,
    Interaction,
    Lead,
    Membership,
    Obligation,
    Organisation,
    Pipeline,
    Stage,
    StageChange,
    Task,
)
from japandesk.registry.api.serializers import ServiceModelSerializer
from japandesk.registry.models import Country, Sector

PERSONAL_FIELDS = ("email", "phone", "address")


class CountryField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "code")
        kwargs.setdefault("queryset", Country.objects.all())
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("ISO 3166 code of the country."))
        super().__init__(**kwargs)


class SectorField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "code")
        kwargs.setdefault("queryset", Sector.objects.all())
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("VSIC code of the sector."))
        super().__init__(**kwargs)


class CrmOrganisationSerializer(ServiceModelSerializer):
    country = CountryField()
    sector = SectorField()

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "name_latin",
            "name_kana",
            "kind",
            "country",
            "investor",
            "sector",
            "website",
            "address",
            "phone",
            "notes",
            "illustrative",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["illustrative"]


class CrmContactSerializer(ServiceModelSerializer):
    """A contact. E-mail, phone and address are personal details, left out for anyone but staff."""

    display_name = serializers.SerializerMethodField(help_text=_("The name as the reader's language writes it."))
    addressed_name = serializers.SerializerMethodField(
        help_text=_("The name with the honorific of the reader's language.")
    )

    class Meta:
        model = Contact
        fields = [
            "id",
            "organisation",
            "family_name",
            "given_name",
            "family_name_latin",
            "given_name_latin",
            "family_name_kana",
            "given_name_kana",
            "name_order",
            "gender",
            "display_name",
            "addressed_name",
            "position",
            "department",
            "languages",
            "email",
            "phone",
            "address",
            "notes",
            "illustrative",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["illustrative"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_display_name(self, contact) -> str:
        return names.full_name(contact)

    @extend_schema_field(OpenApiTypes.STR)
    def get_addressed_name(self, contact) -> str:
        return names.addressed_name(contact)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not can_view(request.user):
            for name in PERSONAL_FIELDS:
                data.pop(name, None)
        return data


class CrmStageSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text=_("The name in the reader's language."))

    class Meta:
        model = Stage
        fields = ["id", "key", "name", "name_en", "name_vi", "name_ja", "order", "kind"]


class CrmPipelineSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text=_("The name in the reader's language."))
    stages = CrmStageSerializer(many=True, read_only=True)

    class Meta:
        model = Pipeline
        fields = ["id", "key", "name", "name_en", "name_vi", "name_ja", "order", "stages"]


class CrmStageChangeSerializer(serializers.ModelSerializer):
    from_stage = serializers.SlugRelatedField(slug_field="key", read_only=True)
    to_stage = serializers.SlugRelatedField(slug_field="key", read_only=True)

    class Meta:
        model = StageChange
        fields = ["from_stage", "to_stage", "changed_at", "actor", "note"]


class CrmLeadSerializer(ServiceModelSerializer):
    """A lead. It is created at its pipeline's first stage; `POST /leads/{id}/move/` moves it."""

    pipeline = serializers.SlugRelatedField(
        slug_field="key", queryset=Pipeline.objects.all(), help_text=_("investment, supplier or aftercare.")
    )
    stage = serializers.SlugRelatedField(slug_field="key", read_only=True)
    country = CountryField()
    sector = SectorField()
    stage_changes = CrmStageChangeSerializer(many=True, read_only=True)

    class Meta:
        model = Lead
        fields = [
            "id",
            "pipeline",
            "stage",
            "title",
            "organisation",
            "organisation_name",
            "country",
            "sector",
            "zone",
            "estimated_capital_usd",
            "estimated_land_ha",
            "estimated_jobs",
            "owner",
            "next_step",
            "next_step_due",
            "notes",
            "source",
            "project",
            "converted_on",
            "stage_entered_at",
            "stage_changes",
            "illustrative",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["project", "converted_on", "stage_entered_at", "illustrative"]


class CrmMoveSerializer(serializers.Serializer):
    stage = serializers.CharField(help_text=_("Key of a stage of the lead's pipeline."))
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class CrmTaskSerializer(ServiceModelSerializer):
    done = serializers.BooleanField(required=False, help_text=_("True once the task is done."))

    class Meta:
        model = Task
        fields = [
            "id",
            "title",
            "due_date",
            "assignee",
            "lead",
            "interaction",
            "agreement",
            "decision",
            "notes",
            "source",
            "done",
            "done_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["done_at"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["done"] = instance.done_at is not None
        return data


class CrmInteractionSerializer(ServiceModelSerializer):
    class Meta:
        model = Interaction
        fields = [
            "id",
            "kind",
            "title",
            "date",
            "end_date",
            "location",
            "organisations",
            "contacts",
            "officers",
            "other_participants",
            "delegation_size",
            "zones",
            "lead",
            "notes",
            "outcome",
            "illustrative",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["illustrative"]


class CrmObligationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Obligation
        fields = ["id", "party", "description", "due_date", "done_on"]


class CrmAgreementSerializer(ServiceModelSerializer):
    obligations = CrmObligationSerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "id",
            "kind",
            "title",
            "parties",
            "status",
            "signed_on",
            "effective_from",
            "expires_on",
            "summary",
            "lead",
            "obligations",
            "illustrative",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["illustrative"]


class CrmMembershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        fields = ["id", "contact", "role", "since", "until"]


class CrmDecisionSerializer(serializers.ModelSerializer):
    action_items = serializers.PrimaryKeyRelatedField(source="tasks", many=True, read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "text", "action_items"]


class CrmMeetingSerializer(serializers.ModelSerializer):
    decisions = CrmDecisionSerializer(many=True, read_only=True)

    class Meta:
        model = CommitteeMeeting
        fields = ["id", "date", "title", "location", "attendees", "minutes", "decisions"]


class CrmCommitteeSerializer(ServiceModelSerializer):
    name = serializers.CharField(read_only=True, help_text=_("The name in the reader's language."))
    members = CrmMembershipSerializer(many=True, read_only=True)
    meetings = CrmMeetingSerializer(many=True, read_only=True)

    class Meta:
        model = Committee
        fields = [
            "id",
            "name",
            "name_en",
            "name_vi",
            "name_ja",
            "description",
            "members",
            "meetings",
            "illustrative",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["illustrative"]


class CrmInquirySerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="code", read_only=True)
    response_hours = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Inquiry
        fields = [
            "id",
            "kind",
            "status",
            "name",
            "email",
            "company",
            "country",
            "sector",
            "zone",
            "land_ha",
            "timing",
            "message",
            "language",
            "source",
            "received_at",
            "first_response_at",
            "first_responder",
            "response_hours",
            "lead",
        ]


class CrmResponseFiguresSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    received = serializers.IntegerField()
    answered = serializers.IntegerField()
    unanswered = serializers.IntegerField()
    median_hours = serializers.FloatField(allow_null=True)
    p90_hours = serializers.FloatField(allow_null=True)


class CrmResponseTimesSerializer(serializers.Serializer):
    overall = CrmResponseFiguresSerializer()
    by_language = CrmResponseFiguresSerializer(many=True)
    by_officer = CrmResponseFiguresSerializer(many=True)

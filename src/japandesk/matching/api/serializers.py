"""Serializers of the matching API: profiles, needs, matches and introductions."""

import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from japandesk.matching.choices import ContentLanguage, IntroductionStatus, NeedStatus, ProfileSource, ProfileState
from japandesk.matching.models import BuyerNeed, Introduction, SupplierProfile
from japandesk.matching.vocabulary import concept_ids


def choice_field(choices, **kwargs) -> serializers.ChoiceField:
    """A choice field described in the schema by a pattern, not an enum: several apps name a field "status"
    or "language" with their own choices, and enum components of one name would collide."""
    values = [value for value, _label in choices]
    alternatives = "|".join(re.escape(v) for v in values)
    schema = {"type": "string", "pattern": f"^({alternatives}){'?' if kwargs.get('allow_blank') else ''}$"}
    field_class = extend_schema_field(schema)(type("PatternChoiceField", (serializers.ChoiceField,), {}))
    return field_class(choices=choices, **kwargs)


def _strings(**kwargs):
    return serializers.ListField(child=serializers.CharField(max_length=200), required=False, **kwargs)


def _concepts(kind: str):
    return serializers.ListField(
        child=choice_field([(c, c) for c in sorted(concept_ids(kind))]),
        required=False,
        help_text=f"Glossary concept ids of kind {kind}.",
    )


class SupplierProfileSerializer(serializers.ModelSerializer):
    language = choice_field(
        ContentLanguage.choices, required=False, allow_blank=True, help_text="Detected when left out."
    )
    ref = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="Given when left out.")
    processes = _concepts("process")
    materials = _concepts("material")
    product_families = _strings()
    hs_codes = _strings()
    certifications = _strings(help_text="Normalised to canonical names (ISO 9001, IATF 16949).")
    languages_spoken = serializers.ListField(child=choice_field(ContentLanguage.choices), required=False)
    source = choice_field(ProfileSource.choices, read_only=True)
    state = serializers.SerializerMethodField()

    class Meta:
        model = SupplierProfile
        fields = [
            "id",
            "ref",
            "name",
            "name_latin",
            "country",
            "province",
            "zone",
            "language",
            "description",
            "processes",
            "materials",
            "product_families",
            "hs_codes",
            "certifications",
            "equipment",
            "capacity",
            "employees",
            "export_experience",
            "languages_spoken",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
            "source",
            "verified",
            "verified_by",
            "verified_at",
            "expires_on",
            "state",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "source",
            "verified",
            "verified_by",
            "verified_at",
            "expires_on",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field({"type": "string", "pattern": "^(" + "|".join(ProfileState.values) + ")$"})
    def get_state(self, profile) -> str:
        return profile.state()


class BuyerNeedSerializer(serializers.ModelSerializer):
    language = choice_field(
        ContentLanguage.choices, required=False, allow_blank=True, help_text="Detected when left out."
    )
    ref = serializers.CharField(max_length=40, required=False, allow_blank=True, help_text="Given when left out.")
    processes = _concepts("process")
    hs_codes = _strings()
    required_certifications = _strings(help_text="A supplier lacking one of them is never proposed.")
    status = choice_field(NeedStatus.choices, required=False)

    class Meta:
        model = BuyerNeed
        fields = [
            "id",
            "ref",
            "buyer",
            "buyer_country",
            "contact_name",
            "contact_email",
            "title",
            "language",
            "description",
            "processes",
            "parts",
            "volumes",
            "hs_codes",
            "required_certifications",
            "deadline",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]


class MatchSerializer(serializers.Serializer):
    profile = serializers.IntegerField(source="profile.pk", help_text="The supplier profile's id.")
    ref = serializers.CharField(source="profile.ref")
    name = serializers.CharField(source="profile.name")
    name_latin = serializers.CharField(source="profile.name_latin")
    language = serializers.CharField(source="profile.language")
    score = serializers.FloatField(min_value=0, max_value=1)
    reasons = serializers.ListField(child=serializers.CharField(), help_text="In the language of the request.")


class MatchQuerySerializer(serializers.Serializer):
    top = serializers.IntegerField(min_value=1, max_value=100, default=10)


class IntroductionSerializer(serializers.ModelSerializer):
    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)
    status = choice_field(IntroductionStatus.choices, required=False)
    note = serializers.CharField(write_only=True, required=False, allow_blank=True, help_text="On creation.")

    class Meta:
        model = Introduction
        fields = [
            "id",
            "need",
            "profile",
            "status",
            "score",
            "reasons",
            "officer",
            "introduced_on",
            "outcome_note",
            "outcome_on",
            "crm_lead_id",
            "note",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["score", "officer", "introduced_on", "crm_lead_id", "created_at", "updated_at"]

    def validate(self, attrs):
        if self.instance is not None:
            for name in ("need", "profile"):
                if name in attrs and attrs[name] != getattr(self.instance, name):
                    raise serializers.ValidationError({name: "An introduction's need and supplier cannot change."})
        return attrs

"""Serializers of the screening API. They check the form of the values; the rules are
checked by `screening.services`, which every write goes through.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from japandesk.registry.api.serializers import ServiceModelSerializer
from japandesk.registry.models import Country, Project, Sector
from japandesk.screening.choices import Decision
from japandesk.screening.models import Appraisal, CriteriaSet, CriteriaVersion, MonitoringReport
from japandesk.zones.models import Zone

DECISIONS = format_lazy(_("One of: {values}."), values=", ".join(Decision.values))


@extend_schema_field(OpenApiTypes.OBJECT)
class DefinitionField(serializers.JSONField):
    """A criteria definition: hard requirements, weighted criteria and thresholds."""


class CriteriaVersionSerializer(serializers.ModelSerializer):
    criteria_set = serializers.PrimaryKeyRelatedField(read_only=True)
    definition = DefinitionField(help_text=_("Hard requirements, weighted criteria and thresholds (see the docs)."))
    published_by = serializers.StringRelatedField(read_only=True)
    status = serializers.CharField(read_only=True, help_text=_("draft or published."))

    class Meta:
        model = CriteriaVersion
        fields = ["id", "criteria_set", "number", "status", "definition", "note", "published_at", "published_by"]
        read_only_fields = ["number", "status", "published_at"]


class CriteriaSetSerializer(serializers.ModelSerializer):
    definition = DefinitionField(write_only=True, help_text=_("The definition of the first version (a draft)."))
    versions = CriteriaVersionSerializer(many=True, read_only=True)

    class Meta:
        model = CriteriaSet
        fields = ["id", "name", "description", "illustrative", "definition", "versions"]


class CriteriaSetUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = CriteriaSet
        fields = ["id", "name", "description", "illustrative"]


class AppraisalSerializer(serializers.ModelSerializer):
    version = serializers.PrimaryKeyRelatedField(queryset=CriteriaVersion.objects.all())
    sector = serializers.SlugRelatedField(slug_field="code", queryset=Sector.objects.all())
    origin = serializers.SlugRelatedField(
        slug_field="code", queryset=Country.objects.all(), allow_null=True, required=False
    )
    zone = serializers.SlugRelatedField(slug_field="code", queryset=Zone.objects.all(), allow_null=True, required=False)
    inputs = DefinitionField(
        help_text=_(
            "capital_usd, land_ha, jobs, budget_usd_per_year, export_share, local_purchase_share, "
            "technology_level, training, low_carbon, environment_group."
        )
    )
    result = DefinitionField(read_only=True)
    peers = DefinitionField(read_only=True)
    appraised_by = serializers.StringRelatedField(read_only=True)
    decided_by = serializers.StringRelatedField(read_only=True)
    recommendation = serializers.CharField(
        read_only=True, help_text=_("recommend, conditions (recommend with conditions) or not_recommended.")
    )
    decision = serializers.CharField(read_only=True, help_text=DECISIONS)

    class Meta:
        model = Appraisal
        fields = [
            "id",
            "title",
            "investor_name",
            "origin",
            "sector",
            "zone",
            "lead_id",
            "version",
            "appraised_on",
            "inputs",
            "result",
            "total_score",
            "hard_pass",
            "recommendation",
            "peers",
            "appraised_by",
            "notes",
            "decision",
            "decision_note",
            "decided_on",
            "decided_by",
        ]
        read_only_fields = [
            "total_score",
            "hard_pass",
            "recommendation",
            "decision",
            "decision_note",
            "decided_on",
        ]
        extra_kwargs = {"appraised_on": {"required": False}}


class DecisionSerializer(serializers.Serializer):
    decision = serializers.CharField(help_text=DECISIONS)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)


class MonitoringReportSerializer(ServiceModelSerializer):
    """Uniqueness is left to the service, so that a duplicate reads the same from every door."""

    project = serializers.SlugRelatedField(slug_field="code", queryset=Project.objects.all())

    class Meta:
        model = MonitoringReport
        fields = [
            "id",
            "project",
            "date",
            "realised_capital_usd",
            "jobs",
            "land_in_use_ha",
            "operating",
            "revenue_usd",
            "taxes_usd",
            "exports_usd",
            "local_purchases_usd",
            "note",
        ]

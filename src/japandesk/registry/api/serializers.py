"""Serializers of the registry API.

They check the form of the values (types, lengths, that a referenced record exists);
the registry's rules are checked by `registry.services`, which every write goes through.
Countries and sectors are referred to by their code, other records by their id.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from japandesk.registry import queries
from japandesk.registry.choices import ProjectStatus
from japandesk.registry.models import (
    Country,
    Disbursement,
    Investor,
    JobsReport,
    LedgerEvent,
    Project,
    Sector,
)


class ServiceModelSerializer(serializers.ModelSerializer):
    """A model serializer that leaves uniqueness to the service layer, so that a duplicate
    is reported with the same message whether it comes from a page, the API or an import.
    """

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            if not field.read_only:
                field.validators = [v for v in field.validators if not isinstance(v, UniqueValidator)]
        return fields

    def get_validators(self):
        return []


class CountrySerializer(ServiceModelSerializer):
    name = serializers.CharField(read_only=True, help_text=_("The name in the reader's language."))

    class Meta:
        model = Country
        fields = ["id", "code", "name", "name_en", "name_vi", "name_ja"]


class SectorSerializer(ServiceModelSerializer):
    name = serializers.CharField(read_only=True, help_text=_("The name in the reader's language."))
    parent = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Sector.objects.all(),
        allow_null=True,
        required=False,
        help_text=_("VSIC code of the parent sector."),
    )

    class Meta:
        model = Sector
        fields = [
            "id",
            "code",
            "level",
            "section",
            "parent",
            "name",
            "name_vi",
            "name_en",
            "name_ja",
            "isic_code",
            "jsic_code",
        ]


class InvestorSerializer(ServiceModelSerializer):
    country = serializers.SlugRelatedField(
        slug_field="code", queryset=Country.objects.all(), help_text=_("ISO code of the origin economy.")
    )

    class Meta:
        model = Investor
        fields = [
            "id",
            "name",
            "name_latin",
            "name_kana",
            "country",
            "parent",
            "website",
            "notes",
            "created_at",
            "updated_at",
        ]


class ParticipationSerializer(serializers.Serializer):
    """One investor's share in a line-up."""

    investor = serializers.PrimaryKeyRelatedField(queryset=Investor.objects.all())
    investor_name = serializers.CharField(source="investor.name", read_only=True)
    investor_country = serializers.CharField(source="investor.country.code", read_only=True)
    share = serializers.DecimalField(
        max_digits=7, decimal_places=4, help_text=_("Percent of the capital; the shares add up to 100.")
    )


class ProjectSerializer(ServiceModelSerializer):
    """A project with its state on `as_of` (default: today), derived from its ledger."""

    sector = serializers.SlugRelatedField(
        slug_field="code", queryset=Sector.objects.all(), help_text=_("VSIC code of the sector.")
    )
    as_of = serializers.SerializerMethodField(help_text=_("The date the state fields are read on."))
    status = serializers.ChoiceField(choices=ProjectStatus.choices, read_only=True)
    capital_usd = serializers.DecimalField(
        max_digits=18, decimal_places=2, read_only=True, help_text=_("Registered capital on the as-of date.")
    )
    origin_code = serializers.CharField(
        read_only=True, allow_null=True, help_text=_("Origin economy of the leading investor on the as-of date.")
    )
    registered_on = serializers.DateField(read_only=True, allow_null=True)
    terminated_on = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = Project
        fields = [
            "id",
            "code",
            "name",
            "name_latin",
            "sector",
            "zone",
            "location",
            "land_area_ha",
            "planned_jobs",
            "description",
            "illustrative",
            "as_of",
            "status",
            "capital_usd",
            "origin_code",
            "registered_on",
            "terminated_on",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.DATE)
    def get_as_of(self, project):
        return self.as_of_date.isoformat()

    @property
    def as_of_date(self):
        return self.context.get("as_of") or timezone.localdate()


class ProjectDetailSerializer(ProjectSerializer):
    investors = serializers.SerializerMethodField(help_text=_("The investors and their shares on the as-of date."))

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "investors"]

    @extend_schema_field(ParticipationSerializer(many=True))
    def get_investors(self, project):
        return ParticipationSerializer(queries.lineup_on(project, self.as_of_date), many=True).data


class LedgerEventSerializer(ServiceModelSerializer):
    """A certificate event. Amounts are entered as magnitudes (`capital_usd`, `capital_vnd`:
    a decrease of USD 5 million is 5000000) and shown signed (`capital_change_usd`,
    `capital_change_vnd`: the decrease shows as -5000000). An amount given in one currency
    only is converted at the rate of the event's date.
    """

    project = serializers.PrimaryKeyRelatedField(queryset=Project.objects.all())
    project_code = serializers.CharField(source="project.code", read_only=True)
    capital_usd = serializers.DecimalField(
        max_digits=18,
        decimal_places=2,
        write_only=True,
        required=False,
        allow_null=True,
        help_text=_("Amount in USD, entered positive for a decrease too."),
    )
    capital_vnd = serializers.DecimalField(
        max_digits=22,
        decimal_places=0,
        write_only=True,
        required=False,
        allow_null=True,
        help_text=_("Amount in VND, entered positive for a decrease too."),
    )
    origin = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text=_("Origin economy of the leading investor in the line-up this event sets."),
    )
    investors = ParticipationSerializer(
        many=True,
        source="participations",
        required=False,
        help_text=_("The line-up this event sets; left out, the line-up does not change."),
    )

    class Meta:
        model = LedgerEvent
        fields = [
            "id",
            "project",
            "project_code",
            "kind",
            "date",
            "certificate_no",
            "capital_usd",
            "capital_vnd",
            "capital_change_usd",
            "capital_change_vnd",
            "origin",
            "note",
            "investors",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["capital_change_usd", "capital_change_vnd"]

    def validate_project(self, project):
        if self.instance is not None and project.pk != self.instance.project_id:
            raise serializers.ValidationError(_("An event cannot move to another project."))
        return project


class ProjectReportSerializer(ServiceModelSerializer):
    project_code = serializers.CharField(source="project.code", read_only=True)

    def validate_project(self, project):
        if self.instance is not None and project.pk != self.instance.project_id:
            raise serializers.ValidationError(_("A report cannot move to another project."))
        return project


class DisbursementSerializer(ProjectReportSerializer):
    """Capital realised in the period ending on `date`. An amount given in one currency
    only is converted at the rate of that date.
    """

    amount_usd = serializers.DecimalField(max_digits=18, decimal_places=2, required=False, allow_null=True)
    amount_vnd = serializers.DecimalField(max_digits=22, decimal_places=0, required=False, allow_null=True)

    class Meta:
        model = Disbursement
        fields = [
            "id",
            "project",
            "project_code",
            "date",
            "amount_usd",
            "amount_vnd",
            "note",
            "created_at",
            "updated_at",
        ]


class JobsReportSerializer(ProjectReportSerializer):
    class Meta:
        model = JobsReport
        fields = ["id", "project", "project_code", "date", "jobs", "note", "created_at", "updated_at"]


class StatsOriginSerializer(serializers.Serializer):
    origin = serializers.CharField(allow_null=True)
    projects = serializers.IntegerField()
    capital_usd = serializers.FloatField()


class StatsSerializer(serializers.Serializer):
    """The registry's headline figures, as `japandesk stats --json` prints them."""

    as_of = serializers.DateField()
    origin = serializers.CharField(allow_null=True, help_text=_("The origin economy the figures are limited to."))
    in_zones = serializers.BooleanField(help_text=_("Limited to industrial parks and economic zones."))
    projects = serializers.IntegerField(help_text=_("Active projects."))
    registered_capital_usd = serializers.FloatField()
    origin_economies = serializers.IntegerField(help_text=_("Distinct origin economies among the projects."))
    province_projects = serializers.IntegerField()
    province_capital_usd = serializers.FloatField()
    share_of_capital = serializers.FloatField(help_text=_("The projects' share of all active capital, 0 to 1."))
    realised_usd = serializers.FloatField()
    by_origin = StatsOriginSerializer(many=True)
    # With `from` only:
    attracted_usd = serializers.FloatField(
        required=False, help_text=_("New registrations and increases in the period (with `from`).")
    )
    new_projects = serializers.IntegerField(required=False)
    new_capital_usd = serializers.FloatField(required=False)
    increases = serializers.IntegerField(required=False)
    increase_capital_usd = serializers.FloatField(required=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField(required=False, help_text=_("Start of the period (with `from`)."))
        return fields


class StatsQuerySerializer(serializers.Serializer):
    as_of = serializers.DateField(required=False)
    origin = serializers.CharField(required=False, max_length=2, min_length=2)
    in_zones = serializers.BooleanField(required=False, default=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField(required=False)
        return fields

    def validate(self, attrs):
        attrs.setdefault("as_of", timezone.localdate())
        start = attrs.get("from")
        if start and start > attrs["as_of"]:
            raise serializers.ValidationError({"from": _("The period cannot start after the as-of date.")})
        return attrs

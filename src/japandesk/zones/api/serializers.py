from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from japandesk.registry.api.serializers import ServiceModelSerializer
from japandesk.registry.models import Sector
from japandesk.zones.models import LandFigure, Plot, Zone


class ZoneSerializer(ServiceModelSerializer):
    """An industrial park, economic zone or industrial cluster; `parent` is the economic zone it lies in.
    Areas in hectares, distances in kilometres by road, rents and fees in `currency` per m²."""

    display_name = serializers.CharField(read_only=True, help_text=_("The name in the reader's language."))
    target_sectors = serializers.SlugRelatedField(
        slug_field="code", queryset=Sector.objects.all(), many=True, required=False, help_text=_("VSIC codes.")
    )
    # Plain text rather than an enum: several apps have a "status" field, and the schema keeps one enum per name.
    status = serializers.CharField(
        required=False, help_text=_("planned, building or operating (Planned, Under construction, Operating).")
    )
    outline = serializers.JSONField(
        required=False,
        allow_null=True,
        help_text=_("A GeoJSON Polygon or MultiPolygon geometry, in longitude/latitude."),
    )

    class Meta:
        model = Zone
        fields = [
            "id",
            "code",
            "name",
            "name_en",
            "name_ja",
            "display_name",
            "kind",
            "parent",
            "status",
            "developer",
            "location",
            "total_area_ha",
            "industrial_area_ha",
            "currency",
            "rent_min",
            "rent_max",
            "rent_basis",
            "fee_min",
            "fee_max",
            "power_mw",
            "water_m3_day",
            "wastewater_m3_day",
            "distance_seaport_km",
            "distance_airport_km",
            "distance_hanoi_km",
            "distance_border_km",
            "target_sectors",
            "japanese_standard",
            "contact_name",
            "contact_phone",
            "contact_email",
            "website",
            "latitude",
            "longitude",
            "outline",
            "published",
            "created_at",
            "updated_at",
        ]


class LandFigureSerializer(serializers.ModelSerializer):
    """A zone's land bank on a date; available land and occupancy (0 to 1) are derived."""

    zone = serializers.SlugRelatedField(slug_field="code", read_only=True)
    available_ha = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)
    occupancy = serializers.DecimalField(max_digits=7, decimal_places=4, read_only=True, allow_null=True)

    class Meta:
        model = LandFigure
        fields = [
            "id",
            "zone",
            "date",
            "leasable_ha",
            "leased_ha",
            "available_ha",
            "occupancy",
            "source",
            "illustrative",
        ]


class PlotSerializer(serializers.ModelSerializer):
    """A plot of a zone; `current_status` counts a lapsed hold as available."""

    zone = serializers.SlugRelatedField(slug_field="code", read_only=True)
    status = serializers.CharField(read_only=True, help_text=_("available, held or leased, as recorded."))
    current_status = serializers.CharField(read_only=True, help_text=_("available, held or leased on today's date."))

    class Meta:
        model = Plot
        fields = ["id", "zone", "code", "area_ha", "status", "current_status", "lead_id", "prospect", "held_until"]

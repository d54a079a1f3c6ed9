from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from japandesk.registry.api.serializers import ServiceModelSerializer
from japandesk.zones.models import Zone


class ZoneSerializer(ServiceModelSerializer):
    """An industrial park, economic zone or industrial cluster; `parent` is the economic zone it lies in."""

    display_name = serializers.CharField(read_only=True, help_text=_("The name in the reader's language."))

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
            "created_at",
            "updated_at",
        ]

from django.contrib import admin

from japandesk.core.admin import AuditedModelAdmin
from japandesk.zones.models import Zone


@admin.register(Zone)
class ZoneAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "name_en", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["search_text"]

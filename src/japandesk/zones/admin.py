from django.contrib import admin

from japandesk.zones.models import Zone


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["search_text"]

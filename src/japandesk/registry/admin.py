from django.contrib import admin

from japandesk.core.admin import AuditedModelAdmin
from japandesk.registry.models import Country, Sector

# Investors, projects and the ledger are edited in the registry's own pages, whose
# services check the ledger rules; the administration site keeps the reference data.


@admin.register(Country)
class CountryAdmin(AuditedModelAdmin):
    list_display = ["code", "name_en", "name_vi", "name_ja"]
    search_fields = ["code", "name_en", "name_vi", "name_ja"]


@admin.register(Sector)
class SectorAdmin(AuditedModelAdmin):
    list_display = ["code", "level", "section", "name_vi", "name_en", "name_ja"]
    list_filter = ["level", "section"]
    search_fields = ["code", "name_vi", "name_en", "name_ja"]

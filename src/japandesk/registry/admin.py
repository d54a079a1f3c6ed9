from django.contrib import admin

from japandesk.registry.models import Country, Investor, Sector


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_vi", "name_ja"]
    search_fields = ["code", "name_en", "name_vi", "name_ja"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "level", "section", "name_vi", "name_en", "name_ja"]
    list_filter = ["level", "section"]
    search_fields = ["code", "name_vi", "name_en", "name_ja"]


@admin.register(Investor)
class InvestorAdmin(admin.ModelAdmin):
    list_display = ["name", "name_latin", "country"]
    search_fields = ["search_text"]

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.core.models import AuditEntry, FxRate, User


class AuditedModelAdmin(admin.ModelAdmin):
    """Changes made in the administration site are audited like those made anywhere else."""

    def save_model(self, request, obj, form, change):
        before = None
        if change:
            before = audit.snapshot(type(obj).objects.get(pk=obj.pk))
        super().save_model(request, obj, form, change)
        audit.record(
            request.user,
            obj,
            AuditAction.UPDATE if change else AuditAction.CREATE,
            before,
            audit.snapshot(obj),
            "admin",
        )

    def delete_model(self, request, obj):
        audit.record(request.user, obj, AuditAction.DELETE, audit.snapshot(obj), None, "admin")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(request.user, obj, AuditAction.DELETE, audit.snapshot(obj), None, "admin")
        super().delete_queryset(request, queryset)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "role", "is_active", "is_superuser"]
    list_filter = ["role", "is_active", "is_superuser"]
    fieldsets = [*BaseUserAdmin.fieldsets, (_("Japan Desk"), {"fields": ["role", "language"]})]
    add_fieldsets = [*BaseUserAdmin.add_fieldsets, (_("Japan Desk"), {"fields": ["role"]})]


@admin.register(FxRate)
class FxRateAdmin(AuditedModelAdmin):
    list_display = ["currency", "date", "per_usd", "source"]
    list_filter = ["currency"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_name", "action", "content_type", "object_repr", "source"]
    list_filter = ["action", "content_type", "source"]
    search_fields = ["object_repr", "actor_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

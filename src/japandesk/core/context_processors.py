from django.conf import settings

from japandesk.core.permissions import can_edit, can_view, is_administrator


def japandesk(request):
    user = getattr(request, "user", None)
    return {
        "province_name": settings.JAPANDESK_PROVINCE,
        "user_can_view": can_view(user),
        "user_can_edit": can_edit(user),
        "user_is_administrator": is_administrator(user),
    }

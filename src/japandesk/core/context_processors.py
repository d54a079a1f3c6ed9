from django.conf import settings
from django.utils.translation import get_language

from japandesk.core.permissions import can_edit, can_view, is_administrator


def province_name(language: str | None = None) -> str:
    """The province's name as the reader's language writes it."""
    language = (language or get_language() or "")[:2]
    return settings.JAPANDESK_PROVINCE_NAMES.get(language) or settings.JAPANDESK_PROVINCE


def japandesk(request):
    user = getattr(request, "user", None)
    return {
        "province_name": province_name(),
        "user_can_view": can_view(user),
        "user_can_edit": can_edit(user),
        "user_is_administrator": is_administrator(user),
    }

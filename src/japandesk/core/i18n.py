from django.utils.translation import get_language


def current_language() -> str:
    return (get_language() or "vi")[:2]


def localized(obj, field: str = "name", fallbacks: tuple[str, ...] = ("en", "vi")) -> str:
    """The value of `field_<lang>` for the reader's language, falling back to English, then Vietnamese."""
    for language in (current_language(), *fallbacks):
        value = getattr(obj, f"{field}_{language}", "")
        if value:
            return value
    return getattr(obj, field, "") or ""

"""Per-address limits on the public forms (inquiries, registrations), counted in Django's cache:
no third-party service. Behind a proxy that sets it, the client's address is read from the header
named by JAPANDESK_CLIENT_IP_HEADER (such as HTTP_X_REAL_IP), else from REMOTE_ADDR."""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    header = settings.JAPANDESK_CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    return (value.split(",")[0].strip() if value else "") or request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, address: str) -> str:
    return f"ratelimit:{scope}:{address}"


def used(scope: str, address: str) -> int:
    """How many posts the address has made in the scope's current window."""
    return cache.get(_key(scope, address)) or 0


def count(scope: str, address: str, window: int) -> int:
    """Count one more post from the address; returns how many it has made in the window, which
    starts with its first post and lasts `window` seconds."""
    key = _key(scope, address)
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1

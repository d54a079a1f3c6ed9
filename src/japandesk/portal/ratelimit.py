"""A per-address limit on inquiries, kept in Django's cache (no third-party service).

Each address may send `JAPANDESK_INQUIRY_LIMIT` inquiries (default 5) per
`JAPANDESK_INQUIRY_WINDOW` seconds (default one hour). The address is REMOTE_ADDR, or the
request header named by `JAPANDESK_CLIENT_IP_HEADER` (such as HTTP_X_REAL_IP) behind a proxy
that sets it.
"""

from django.conf import settings
from django.core.cache import cache


def limit() -> int:
    return int(getattr(settings, "JAPANDESK_INQUIRY_LIMIT", 5))


def window() -> int:
    return int(getattr(settings, "JAPANDESK_INQUIRY_WINDOW", 3600))


def client_ip(request) -> str:
    header = getattr(settings, "JAPANDESK_CLIENT_IP_HEADER", "")
    value = request.META.get(header, "") if header else ""
    return (value.split(",")[0].strip() if value else "") or request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(ip: str) -> str:
    return f"portal:inquiries:{ip}"


def exceeded(ip: str) -> bool:
    """Whether the address has used up its inquiries for the current window."""
    return (cache.get(_key(ip)) or 0) >= limit()


def count(ip: str) -> int:
    """Count one inquiry from the address; returns how many it has sent in the window."""
    key = _key(ip)
    cache.add(key, 0, window())
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window())
        return 1

"""The per-address limit on inquiries (core.ratelimit): each address may send
JAPANDESK_INQUIRY_LIMIT inquiries (default 5) per JAPANDESK_INQUIRY_WINDOW seconds (default one hour).
"""

from django.conf import settings

from japandesk.core import ratelimit
from japandesk.core.ratelimit import client_address as client_ip  # noqa: F401 (the portal's views use it)

SCOPE = "portal-inquiries"


def limit() -> int:
    return int(settings.JAPANDESK_INQUIRY_LIMIT)


def window() -> int:
    return int(settings.JAPANDESK_INQUIRY_WINDOW)


def exceeded(ip: str) -> bool:
    """Whether the address has used up its inquiries for the current window."""
    return ratelimit.used(SCOPE, ip) >= limit()


def count(ip: str) -> int:
    """Count one inquiry from the address; returns how many it has sent in the window."""
    return ratelimit.count(SCOPE, ip, window())

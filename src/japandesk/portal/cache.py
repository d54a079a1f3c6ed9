"""The public pages' cache: whole responses per language and path, kept in Django's cache.

A version number is part of every key; a change to anything the portal shows (zones, land,
content, news) bumps it once committed, so that the next visitor gets fresh pages. The date
is part of the key too, since the province's figures are read as of today.
"""

import functools

from django.core.cache import cache
from django.utils import timezone, translation

VERSION_KEY = "portal:version"
# Query parameters the public pages read (the zone filters); a URL with any other is served fresh and
# not kept, so that made-up query strings cannot fill the cache.
QUERY_KEYS = {"q", "kind", "status", "parent", "sector", "japanese_standard", "max_seaport_km"}
TIMEOUT = 60 * 30


def version() -> int:
    value = cache.get(VERSION_KEY)
    if value is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        value = cache.get(VERSION_KEY, 1)
    return value


def invalidate() -> None:
    """Forget every cached public page (in every language)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def registry_stamp() -> str:
    """The registry's data stamp, which changes with every change to the ledger: pages that show the
    registry's figures put it in their key, so that a new certificate shows at once."""
    from japandesk.registry.analytics import current_token

    return str(current_token() or "")


def page_key(request, extra: str = "") -> str:
    language = translation.get_language() or ""
    today = timezone.localdate().isoformat()
    return f"portal:page:{version()}:{today}:{extra}:{language}:{request.get_full_path()}"


def cached_page(view=None, *, registry: bool = False):
    """Serve a GET from the cache when it is there; otherwise render it and keep it if it can be shared
    (status 200, no cookie set, no CSRF token used). With `registry=True` the page also follows the
    registry's data stamp."""
    if view is None:
        return functools.partial(cached_page, registry=registry)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or not set(request.GET) <= QUERY_KEYS:
            return view(request, *args, **kwargs)
        key = page_key(request, registry_stamp() if registry else "")
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            from django.http import HttpResponse

            response = HttpResponse(content, content_type=content_type)
            response["X-Portal-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        shareable = not response.cookies and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        if response.status_code == 200 and shareable and not getattr(response, "streaming", False):
            cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
        response["X-Portal-Cache"] = "miss"
        return response

    return wrapper

"""Matching on stored profiles: one index of the proposed profiles per process, kept until they change.

The index is the engine's `Matcher`, the same one `japandesk match` uses, built from the profiles the desk
has verified and that have not expired. It is rebuilt lazily, on the first match after a change: the
services invalidate it when they write a profile, and a cheap signature (number of profiles, last change,
today's date, since profiles expire by the day) catches changes made by other processes. A request never
rebuilds it when nothing changed.
"""

import threading
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone

from japandesk.matching.engine import Match, Matcher
from japandesk.matching.models import BuyerNeed, SupplierProfile
from japandesk.matching.vocabulary import need_record, profile_record

_lock = threading.Lock()
_cache: dict = {"key": None, "matcher": None, "builds": 0}
_generation = [0]


@dataclass
class StoredMatch:
    profile: SupplierProfile
    score: float
    reasons: list[str]


def proposed_profiles(on=None):
    """Profiles proposed to buyers: verified by the desk and not expired."""
    return SupplierProfile.objects.filter(verified=True, expires_on__gte=on or timezone.localdate())


def invalidate() -> None:
    """Called by the services after a profile changed: the next match rebuilds the index."""
    with _lock:
        _generation[0] += 1


def _signature(on) -> tuple:
    figures = SupplierProfile.objects.aggregate(count=Count("pk"), last=Max("updated_at"))
    return (on, figures["count"], figures["last"], _generation[0])


def builds() -> int:
    """How many times this process built the index (it tells whether a request rebuilt it)."""
    return _cache["builds"]


def matcher() -> Matcher:
    on = timezone.localdate()
    key = _signature(on)
    with _lock:
        if _cache["key"] != key:
            profiles = proposed_profiles(on).order_by("pk").defer("search_text")
            _cache["matcher"] = Matcher(profile_record(p) for p in profiles.iterator(chunk_size=2000))
            _cache["key"] = key
            _cache["builds"] += 1
        return _cache["matcher"]


def matches_for_need(need: BuyerNeed, top: int = 10) -> list[StoredMatch]:
    """The best `top` proposed profiles for the need, best first, with reasons in the active language.

    A profile lacking a certification the need requires is never among them (the engine's hard rule).
    """
    found: list[Match] = matcher().match(need_record(need), top=top)
    profiles = SupplierProfile.objects.select_related("zone").in_bulk([int(m.supplier) for m in found])
    return [
        StoredMatch(profile=profiles[int(m.supplier)], score=m.score, reasons=m.reasons)
        for m in found
        if int(m.supplier) in profiles
    ]

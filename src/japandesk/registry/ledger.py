"""The rules a project's certificate ledger obeys, checked on plain data so that the
service layer and the importer apply exactly the same ones before anything is written.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from japandesk.registry.choices import EventKind

SHARE_TOLERANCE = Decimal("0.01")


@dataclass
class EventDraft:
    kind: str
    date: datetime.date
    certificate_no: str
    amount_usd: Decimal  # a magnitude: decreases are entered positive
    lineup: list[tuple[object, Decimal]] = field(default_factory=list)
    ref: object = None  # what an error points at: a row number, an event id

    @property
    def signed_usd(self) -> Decimal:
        return -self.amount_usd if self.kind == EventKind.DECREASE else self.amount_usd


def check_event(draft: EventDraft, today: datetime.date) -> list[str]:
    """Problems with one event taken alone."""
    errors = []
    if not draft.certificate_no.strip():
        errors.append(_("The certificate or decision number is missing."))
    if draft.date > today:
        errors.append(_("The date {date} is in the future.").format(date=draft.date.isoformat()))
    if draft.amount_usd < 0:
        errors.append(_("The amount must not be negative; a decrease is entered as a positive amount."))
    if draft.kind in (EventKind.REGISTRATION, EventKind.INCREASE, EventKind.DECREASE) and draft.amount_usd == 0:
        errors.append(_("A {event} needs an amount greater than zero.").format(event=EventKind(draft.kind).label))
    if draft.kind == EventKind.TERMINATION and draft.amount_usd != 0:
        errors.append(_("A termination carries no amount."))
    if draft.kind == EventKind.REGISTRATION and not draft.lineup:
        errors.append(_("A new registration must name its investors."))
    if draft.lineup:
        total = sum((share for _investor, share in draft.lineup), Decimal(0))
        if abs(total - 100) > SHARE_TOLERANCE:
            errors.append(_("The investors' shares add up to {total}%, not 100%.").format(total=total))
        if any(share <= 0 for _investor, share in draft.lineup):
            errors.append(_("Every investor's share must be greater than zero."))
        investors = [investor for investor, _share in draft.lineup]
        if len(set(investors)) != len(investors):
            errors.append(_("An investor is listed twice."))
    return errors


def check_sequence(drafts: list[EventDraft]) -> list[tuple[object, str]]:
    """Problems with a project's whole ledger, as (event ref, message)."""
    errors = []
    ordered = sorted(drafts, key=lambda d: (d.date, d.kind != EventKind.REGISTRATION, d.kind == EventKind.TERMINATION))
    registrations = [d for d in ordered if d.kind == EventKind.REGISTRATION]
    if not registrations:
        if ordered:
            errors.append((ordered[0].ref, _("The project has no new-registration event before this one.")))
        return errors
    if len(registrations) > 1:
        errors.append((registrations[1].ref, _("The project is already registered.")))
    registered_on = registrations[0].date
    capital = Decimal(0)
    terminated_on = None
    for draft in ordered:
        if draft.date < registered_on:
            errors.append(
                (
                    draft.ref,
                    _("The event on {date} comes before the project's registration on {reg}.").format(
                        date=draft.date.isoformat(), reg=registered_on.isoformat()
                    ),
                )
            )
            continue
        if terminated_on is not None:
            errors.append(
                (
                    draft.ref,
                    _("The project was terminated on {date}; no event may follow.").format(
                        date=terminated_on.isoformat()
                    ),
                )
            )
            continue
        if draft.kind == EventKind.TERMINATION:
            terminated_on = draft.date
        capital += draft.signed_usd
        if capital < 0:
            errors.append(
                (
                    draft.ref,
                    _("The decrease is larger than the project's capital on {date}.").format(
                        date=draft.date.isoformat()
                    ),
                )
            )
    return errors


def lead_country(lineup: list[tuple[object, Decimal]]):
    """The origin of the investor with the largest share (the first listed on a tie)."""
    if not lineup:
        return None
    best = max(lineup, key=lambda item: item[1])
    return best[0].country_id if hasattr(best[0], "country_id") else None

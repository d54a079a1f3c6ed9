"""Currency conversion from dated exchange rates stored as data."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from japandesk.core.models import FxRate


class MissingRate(LookupError):
    pass


def rate_on(currency: str, on: datetime.date) -> Decimal:
    """Units of `currency` per USD on the latest date at or before `on`."""
    if currency == "USD":
        return Decimal(1)
    rate = FxRate.objects.filter(currency=currency, date__lte=on).order_by("-date").values_list("per_usd", flat=True)
    value = rate.first()
    if value is None:
        raise MissingRate(
            _("No USD/{currency} exchange rate on or before {date}.").format(currency=currency, date=on.isoformat())
        )
    return value


def to_usd(amount: Decimal, currency: str, on: datetime.date) -> Decimal:
    return (Decimal(amount) / rate_on(currency, on)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def from_usd(amount: Decimal, currency: str, on: datetime.date, places: int = 0) -> Decimal:
    return (Decimal(amount) * rate_on(currency, on)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)

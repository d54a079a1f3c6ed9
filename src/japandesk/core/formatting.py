"""Numbers, money, percentages and dates written the way the reader's language writes them.

Vietnamese writes 17.070,5 and 1.234 US$; Japanese and English write 17,070.5;
Japanese counts large sums in 万 and 億. Babel's CLDR data supplies the rules.
"""

import datetime
import functools
import re
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.utils import translation

_BABEL_LOCALES = {"vi": "vi_VN", "ja": "ja_JP", "en": "en_US"}


def babel_locale(language: str | None = None) -> str:
    language = (language or translation.get_language() or "en").split("-")[0]
    return _BABEL_LOCALES.get(language, "en_US")


@functools.cache
def _parsed_locale(identifier: str) -> Locale:
    return Locale.parse(identifier)


def _locale(language: str | None = None) -> Locale:
    """The reader's Babel locale, parsed once: a page formats thousands of numbers."""
    return _parsed_locale(babel_locale(language))


def number(value, digits: int | None = None, language: str | None = None) -> str:
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if digits is None:
        return babel_numbers.format_decimal(value, locale=_locale(language), decimal_quantization=False)
    pattern_digits = "0" * digits
    fmt = "#,##0." + pattern_digits if digits else "#,##0"
    return babel_numbers.format_decimal(value, format=fmt, locale=_locale(language))


def money(value, currency: str = "USD", digits: int | None = None, language: str | None = None) -> str:
    """A full amount with its currency: US$1,234.50 (en), 1.234,50 US$ (vi), $1,234.50 (ja)."""
    if value is None or value == "":
        return ""
    locale = _locale(language)
    if digits is None:
        return babel_numbers.format_currency(Decimal(value), currency, locale=locale)
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    value = Decimal(value).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    pattern = re.sub(r"\.0+", "." + "0" * digits if digits else "", pattern)
    return babel_numbers.format_currency(Decimal(value), currency, format=pattern, locale=locale, currency_digits=False)


def money_compact(value, currency: str = "USD", language: str | None = None) -> str:
    """A large amount written short: $17.07B (en), 17,07 T US$ (vi), 170億7,000万米ドル (ja).

    Japanese counts in 億 (10^8) and 万 (10^4), so the amount is spelt in those units
    rather than rounded to one of them.
    """
    if value is None or value == "":
        return ""
    locale = _locale(language)
    value = Decimal(value)
    if locale.language == "ja" and abs(value) >= 10_000:
        sign = "-" if value < 0 else ""
        man = int(abs(value) // 10_000)
        oku, rest = divmod(man, 10_000)
        parts = []
        if oku:
            parts.append(babel_numbers.format_decimal(oku, locale=locale) + "億")
        if rest:
            parts.append(babel_numbers.format_decimal(rest, locale=locale) + "万")
        return sign + "".join(parts) + babel_numbers.get_currency_name(currency, locale=locale)
    return babel_numbers.format_compact_currency(value, currency, locale=locale, fraction_digits=2)


def million_usd(value, language: str | None = None) -> str:
    """An amount in millions of USD with two decimals, the unit the registry reports in."""
    if value is None or value == "":
        return ""
    return number(Decimal(value) / Decimal(1_000_000), digits=2, language=language)


def percent(value, digits: int = 1, language: str | None = None) -> str:
    """A share in 0..1 as a percentage: 17.2% (en), 17,2% (vi)."""
    if value is None or value == "":
        return ""
    fmt = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    return babel_numbers.format_percent(Decimal(value), format=fmt, locale=_locale(language))


def date(value, style: str = "medium", language: str | None = None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    if isinstance(value, datetime.datetime):
        return babel_dates.format_datetime(value, style, locale=babel_locale(language))
    return babel_dates.format_date(value, style, locale=babel_locale(language))


def parse_decimal(text: str, language: str | None = None) -> Decimal:
    """Read a number typed in the reader's convention; raises NumberFormatError when it is not one."""
    return babel_numbers.parse_decimal(text.strip(), locale=babel_locale(language), strict=True)

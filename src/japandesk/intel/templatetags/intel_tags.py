"""Facts written for the reader's language."""

from decimal import Decimal

from django import template

from japandesk.core import formatting
from japandesk.intel.choices import UNIT_LABELS
from japandesk.intel.filtersets import LANGUAGE_CHOICES

register = template.Library()
_LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


def _amount(value, kind: str, currency: str) -> str:
    if value is None or value == "":
        return ""
    value = Decimal(value).normalize()
    if kind == "money":
        digits = 0 if value == value.to_integral_value() else None
        return formatting.money(value, currency or "USD", digits=digits)
    if kind == "percent":
        return formatting.number(value) + "%"
    if kind == "date":
        return str(value)
    return formatting.number(value)


@register.filter
def fact_value(fact) -> str:
    """The value the engine read."""
    if fact.kind == "date":
        return _date(fact.date_value)
    return _amount(fact.value, fact.kind, fact.currency)


@register.filter
def corrected_value(fact) -> str:
    if fact.kind == "date":
        return _date(fact.corrected_date)
    return _amount(fact.corrected_value, fact.kind, fact.currency)


@register.filter
def registry_value(fact) -> str:
    return _amount(fact.registry_value, fact.kind, fact.currency)


def _date(value: str) -> str:
    if not value:
        return ""
    return formatting.date(value) if len(value) == 10 else value


@register.filter
def language_name(code: str) -> str:
    return _LANGUAGE_NAMES.get(code, code)


@register.filter
def unit_label(unit: str) -> str:
    return str(UNIT_LABELS.get(unit, unit))

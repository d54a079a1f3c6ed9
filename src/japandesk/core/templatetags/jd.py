"""Template filters that format values for the reader's language (see core.formatting)."""

from urllib.parse import urlencode

from django import template

from japandesk.core import formatting

register = template.Library()


@register.filter
def num(value, digits=None):
    return formatting.number(value, None if digits in (None, "") else int(digits))


@register.filter
def money(value, currency="USD"):
    return formatting.money(value, currency or "USD")


@register.filter
def money0(value, currency="USD"):
    return formatting.money(value, currency or "USD", digits=0)


@register.filter
def money_compact(value, currency="USD"):
    return formatting.money_compact(value, currency or "USD")


@register.filter
def musd(value):
    return formatting.million_usd(value)


@register.filter
def pct(value, digits=1):
    return formatting.percent(value, int(digits))


@register.filter
def ldate(value, style="medium"):
    return formatting.date(value, style or "medium")


@register.simple_tag(takes_context=True)
def query_with(context, **params):
    """The current query string with some parameters replaced (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in params.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + urlencode(list(query.lists()), doseq=True) if query else "?"

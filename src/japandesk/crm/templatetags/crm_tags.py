"""Names of people as the reader's language writes them (see crm.names)."""

from django import template

from japandesk.crm import names

register = template.Library()


@register.filter
def person(contact):
    """Family and given name in the order and script the reader expects."""
    return names.full_name(contact) if contact else ""


@register.filter
def addressed(contact):
    """The name with the honorific of the reader's language (山田 太郎 様, Ông …, Mr …)."""
    return names.addressed_name(contact) if contact else ""


@register.filter
def hours(value):
    """A duration in hours, written the reader's way with one decimal (— when there is none)."""
    from japandesk.core import formatting

    if value is None:
        return "—"
    return formatting.number(round(value, 1), 1)


@register.filter
def officer(user):
    """A user as colleagues know them: full name, else username (— for nobody)."""
    if user is None:
        return "—"
    return user.get_full_name() or user.username

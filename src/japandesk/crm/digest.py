"""The daily digest: each desk officer's overdue tasks, today's and the week's tasks, leads whose
next step is overdue, and the inquiries waiting for an answer, e-mailed in the officer's language.
The `japandesk crm digest` command and the `send_daily_digest` task both call `send_digests`."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from japandesk.core.choices import Role
from japandesk.core.formatting import date as format_date
from japandesk.crm import queries


def recipients():
    """Active desk officers and administrators with an e-mail address."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(Q(role__in=[Role.OFFICER, Role.ADMINISTRATOR]) | Q(is_superuser=True))
        .exclude(email="")
        .order_by("username")
    )


def render_digest(user, on: datetime.date) -> tuple[str, str, dict] | None:
    """(subject, body, digest) in the user's language, or None when there is nothing to say."""
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        digest = queries.digest_for(user, on)
        if queries.digest_is_empty(digest):
            return None
        subject = _("Japan Desk: your follow-ups for {date}").format(date=format_date(on))
        body = render_to_string("crm/email/digest.txt", {"user": user, **digest})
    return subject, body, digest


def send_digests(on: datetime.date | None = None, users=None, dry_run: bool = False) -> list[tuple[str, str]]:
    """Send each recipient their digest for `on` (default today); returns (username, subject) sent."""
    on = on or timezone.localdate()
    sent = []
    for user in users if users is not None else recipients():
        rendered = render_digest(user, on)
        if rendered is None:
            continue
        subject, body, _digest = rendered
        if not dry_run:
            mail.send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        sent.append((user.username, subject))
    return sent

"""E-mails to participants, each written in the participant's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _


def _send(participant, subject: str, template: str, context: dict) -> None:
    from japandesk.events.services import site_url

    context = {
        "participant": participant,
        "event": participant.event,
        "link": site_url() + participant.get_private_url(),
        **context,
    }
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [participant.email])


def welcome(participant) -> None:
    with translation.override(participant.language):
        subject = _("Your registration for {event}").format(event=participant.event.name_in(participant.language))
        _send(participant, subject, "events/mail/welcome.txt", {})


def request_received(request) -> None:
    participant = request.recipient
    with translation.override(participant.language):
        subject = _("{organisation} asks to meet you").format(organisation=request.requester.organisation)
        _send(participant, subject, "events/mail/request_received.txt", {"request": request})


def request_expiring(request) -> None:
    participant = request.recipient
    with translation.override(participant.language):
        subject = _("A meeting request expires soon: {organisation}").format(
            organisation=request.requester.organisation
        )
        _send(participant, subject, "events/mail/request_expiring.txt", {"request": request})


def agenda_tomorrow(participant, day) -> None:
    from japandesk.events.agenda import agenda_meetings

    with translation.override(participant.language):
        meetings = [m for m in agenda_meetings(participant) if m.local_start.date() == day]
        subject = _("Your meetings tomorrow at {event}").format(event=participant.event.name_in(participant.language))
        _send(participant, subject, "events/mail/agenda.txt", {"meetings": meetings, "day": day})

"""Inquiries and site-visit requests from the public portal.

An inquiry becomes a CRM record (`crm.services.receive_inquiry`: an Inquiry with its response
clock and an investment lead); the sender gets an acknowledgement e-mail in their language with
a private link to follow it.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from japandesk.core.context_processors import province_name
from japandesk.crm import services as crm

logger = logging.getLogger(__name__)


def receive(data: dict, *, kind: str, base_url: str):
    """Hand the inquiry to the CRM and queue the acknowledgement; raises ValidationError on bad input."""
    with transaction.atomic():
        inquiry = crm.receive_inquiry(
            name=data["name"],
            email=data["email"],
            message=data["message"],
            language=data["language"],
            consent=data["consent"],
            company=data.get("company", ""),
            country_code=data.get("country") or "",
            sector=data.get("sector"),
            zone=data.get("zone"),
            land_ha=data.get("land_ha"),
            timing=data.get("timing_label", ""),
            kind=kind,
            source="portal",
        )
        transaction.on_commit(lambda: _queue_acknowledgement(inquiry, base_url))
    return inquiry


def _queue_acknowledgement(inquiry, base_url: str) -> None:
    from japandesk.portal.tasks import send_acknowledgement

    try:
        send_acknowledgement.enqueue(inquiry.tracking_token, base_url)
    except Exception:  # noqa: BLE001 - the inquiry is stored; a mail failure must not lose the visitor's page
        logger.exception("The acknowledgement of inquiry %s could not be sent.", inquiry.pk)


def tracking_url(inquiry, base_url: str) -> str:
    with translation.override(inquiry.language):
        path = reverse("portal:inquiry-status", args=[inquiry.tracking_token])
    return base_url.rstrip("/") + path


def acknowledge(inquiry, base_url: str) -> None:
    """Send the acknowledgement in the sender's language, with the private tracking link."""
    with translation.override(inquiry.language):
        context = {
            "inquiry": inquiry,
            "tracking_url": tracking_url(inquiry, base_url),
            "province_name": province_name(inquiry.language),
        }
        subject = " ".join(render_to_string("portal/email/acknowledgement_subject.txt", context).split())
        body = render_to_string("portal/email/acknowledgement.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [inquiry.email])


def by_token(token: str):
    return crm.inquiry_by_token(token)

"""Background work of the portal, run through Django's tasks framework (in-process in the embedded
mode, on `japandesk db_worker` in production): in production a slow mail server does not hold up the
visitor's request."""

from django.tasks import task


@task
def send_acknowledgement(token: str, base_url: str) -> bool:
    """E-mail the sender of an inquiry its acknowledgement; False when the inquiry is gone."""
    from japandesk.portal import inquiries

    inquiry = inquiries.by_token(token)
    if inquiry is None:
        return False
    inquiries.acknowledge(inquiry, base_url)
    return True

"""Background work of the CRM, run through Django's tasks framework (in-process in the embedded
mode, on `japandesk db_worker` in production)."""

import datetime

from django.tasks import task

from japandesk.crm import digest, services


@task
def send_daily_digest(on: str | None = None) -> int:
    """E-mail every desk officer their daily digest (see `digest.send_digests`); returns how many were sent."""
    return len(digest.send_digests(datetime.date.fromisoformat(on) if on else None))


@task
def link_registered_projects(since: str | None = None) -> int:
    """Link leads to the projects registered since `since` (see `services.link_registered_projects`)."""
    return len(services.link_registered_projects(datetime.date.fromisoformat(since) if since else None))

"""Background work of supplier matching, run through Django's tasks framework (in-process in the embedded
mode, on `japandesk db_worker` in production)."""

import datetime

from django.tasks import task

from japandesk.matching import services


@task
def send_expiry_reminders(on: str | None = None) -> int:
    """E-mail the suppliers whose profiles expire soon (see `services.send_expiry_reminders`)."""
    return services.send_expiry_reminders(datetime.date.fromisoformat(on) if on else None)

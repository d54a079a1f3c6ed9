"""Background work of events: the scheduler and the reminders. In the embedded mode they run
in-process (immediate backend); in production a worker runs them (`japandesk db_worker`)."""

from django.tasks import task


@task()
def run_scheduler(run_id: int) -> dict:
    from japandesk.events import services

    run = services.execute_run(run_id)
    return {"run": run.pk, "status": run.status}


@task()
def send_reminders() -> dict:
    from japandesk.events import services

    return services.send_reminders()

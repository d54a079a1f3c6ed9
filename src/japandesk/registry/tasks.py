"""Background work of the registry (django.tasks): checking and writing imported ledger files."""

from django.tasks import task

from japandesk.registry import import_jobs


@task
def check_import(job_id: str) -> None:
    """Read an uploaded ledger file and record what it would change, writing nothing."""
    import_jobs.run(job_id, dry_run=True)


@task
def write_import(job_id: str) -> None:
    """Write a checked ledger file to the registry, all or nothing."""
    import_jobs.run(job_id, dry_run=False)

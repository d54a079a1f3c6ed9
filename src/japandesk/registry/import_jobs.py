"""Imports of ledger files as background work: the upload is kept, checked by a task, shown as a
preview and written by a second task once its officer confirms. A national-scale file takes tens
of seconds to check and to write, longer than a request should wait; with the embedded mode's
immediate backend both tasks run at once and the officer sees the same pages.

Files wait in DATA_DIR/imports under their job's id, readable by the server alone; a file is
deleted once written or once its check finds nothing to write, and files of jobs left
unconfirmed are swept after a day.
"""

import dataclasses
import json
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from japandesk.registry.choices import ImportState
from japandesk.registry.importing import ImportReport, import_file
from japandesk.registry.models import ImportJob

KEEP_SECONDS = 24 * 60 * 60


def imports_dir() -> Path:
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def sweep(folder: Path, now: float | None = None) -> None:
    """Delete uploads older than a day that were never confirmed."""
    limit = (now or time.time()) - KEEP_SECONDS
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:
            pass


def path_of(job: ImportJob) -> Path:
    return imports_dir() / f"{job.pk}.{job.fmt}"


def report_of(job: ImportJob) -> ImportReport | None:
    """The job's report as the import gave it (None while the first check runs)."""
    if not job.report:
        return None
    data = dict(job.report)
    data["errors"] = [tuple(error) for error in data.get("errors", [])]
    return ImportReport(**data)


def can_confirm(job: ImportJob) -> bool:
    report = report_of(job)
    return (
        job.state == ImportState.CHECKED
        and report is not None
        and report.ok
        and report.events_created > 0
        and path_of(job).is_file()
    )


def start(upload, *, fmt: str, number_format: str, user, language: str) -> ImportJob:
    """Keep the upload and queue its check."""
    from japandesk.registry.tasks import check_import

    folder = imports_dir()
    sweep(folder)
    job = ImportJob.objects.create(
        user=user, filename=upload.name[:300], fmt=fmt, number_format=number_format, language=language
    )
    descriptor = os.open(path_of(job), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    check_import.enqueue(str(job.pk))
    job.refresh_from_db()
    return job


def confirm(job: ImportJob) -> bool:
    """Queue the writing of a checked file; False when there is nothing to write."""
    from japandesk.registry.tasks import write_import

    if not can_confirm(job):
        return False
    updated = ImportJob.objects.filter(pk=job.pk, state=ImportState.CHECKED).update(state=ImportState.WRITING)
    if not updated:  # confirmed twice at once: the first one writes
        return False
    write_import.enqueue(str(job.pk))
    job.refresh_from_db()
    return True


def run(job_id: str, *, dry_run: bool) -> None:
    """Check (dry run) or write the job's file, in the language of the officer who uploaded it."""
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    path = path_of(job)
    with translation.override(job.language):
        if not path.is_file():
            report = ImportReport(filename=job.filename, dry_run=dry_run)
            report.add_error(None, translation.gettext("The uploaded file is no longer there; upload it again."))
        else:
            report = import_file(
                path, actor=job.user, dry_run=dry_run, number_format=job.number_format, filename=job.filename
            )
        job.report = json.loads(json.dumps(dataclasses.asdict(report), cls=DjangoJSONEncoder))
    finished = not dry_run or not report.ok or not report.events_created
    job.state = ImportState.DONE if not dry_run else ImportState.CHECKED
    job.save(update_fields=["report", "state", "updated_at"])
    if finished:
        path.unlink(missing_ok=True)

"""Pages of the import: upload a file, preview what it would change, confirm to write it.

The file is checked and written by background tasks (`registry.import_jobs`); the job's page
shows that it is being worked on and then the preview or the result.
"""

import datetime
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from japandesk.core.permissions import EditorRequiredMixin
from japandesk.registry import import_jobs
from japandesk.registry.choices import EventKind, ImportState
from japandesk.registry.exporting import LEDGER_COLUMNS, export_response
from japandesk.registry.importing import (
    COLUMNS,
    EVENT_KIND_NAMES,
    REQUIRED_COLUMNS,
    ImportFileError,
    check_utf8,
    detect_format,
)
from japandesk.registry.models import ImportJob

# How many errors the preview lists; the count says how many more there are.
ERRORS_SHOWN = 500


def default_number_format() -> str:
    return "vi" if (get_language() or "").startswith("vi") else "en"


def check_upload(upload) -> str:
    """The upload's format ("xlsx" or "csv"); raises ValidationError with the reason it is refused."""
    limit = settings.JAPANDESK_IMPORT_MAX_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is larger than {size}, the most that can be imported at once.").format(
                size=filesizeformat(limit)
            )
        )
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise forms.ValidationError(_("Only .xlsx and .csv files can be imported."))
    if not upload.size:
        raise forms.ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    try:
        fmt = detect_format(upload.name, head)
        if fmt == "csv":
            check_utf8(upload.chunks())
    except ImportFileError as exc:
        raise forms.ValidationError(str(exc)) from exc
    finally:
        upload.seek(0)
    return fmt


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("An Excel workbook (.xlsx) or CSV text (.csv) in the import template's columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv", "class": "form-control"}),
    )
    number_format = forms.ChoiceField(
        label=gettext_lazy("Numbers typed as text are written"),
        choices=[("en", gettext_lazy("1,234.56 (English style)")), ("vi", gettext_lazy("1.234,56 (Vietnamese style)"))],
        help_text=gettext_lazy("Numbers in numeric spreadsheet cells are read as they are."),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.fmt = check_upload(upload)
        return upload


def _columns_help() -> list[dict]:
    return [
        {"vi": column.vi, "en": column.en, "required": column.key in REQUIRED_COLUMNS, "key": column.key}
        for column in COLUMNS
    ]


def _event_kinds_help() -> list[dict]:
    return [{"value": kind.value, "label": kind.label, "names": EVENT_KIND_NAMES[kind]} for kind in EventKind]


class ImportView(EditorRequiredMixin, View):
    """Upload a ledger file and see what it would change before anything is written."""

    template_name = "registry/import.html"

    def render_form(self, request, form, status=200):
        context = {"form": form, "columns": _columns_help(), "event_kinds": _event_kinds_help()}
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        return self.render_form(request, UploadForm(initial={"number_format": default_number_format()}))

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_form(request, form)
        job = import_jobs.start(
            form.cleaned_data["file"],
            fmt=form.fmt,
            number_format=form.cleaned_data["number_format"],
            user=request.user,
            language=get_language() or settings.LANGUAGE_CODE,
        )
        return redirect("registry:import-job", pk=job.pk)


def _own_job(request, pk) -> ImportJob:
    """The officer's own import; another officer's is not found."""
    return get_object_or_404(ImportJob, pk=pk, user=request.user)


class ImportJobView(EditorRequiredMixin, View):
    """An import being checked or written, then its preview or its result."""

    def get(self, request, pk):
        job = _own_job(request, pk)
        report = import_jobs.report_of(job)
        if job.state in (ImportState.CHECKING, ImportState.WRITING) or report is None:
            return render(request, "registry/import_wait.html", {"job": job})
        if job.state == ImportState.DONE and report.written:
            return render(request, "registry/import_done.html", {"job": job, "report": report})
        context = {
            "job": job,
            "report": report,
            "errors": report.errors[:ERRORS_SHOWN],
            "more_errors": max(len(report.errors) - ERRORS_SHOWN, 0),
            "can_confirm": import_jobs.can_confirm(job),
        }
        return render(request, "registry/import_preview.html", context)


class ImportConfirmView(EditorRequiredMixin, View):
    """Write a file its officer has previewed."""

    http_method_names = ["post"]

    def post(self, request, pk):
        job = _own_job(request, pk)
        if not import_jobs.confirm(job):
            messages.error(request, _("There is no file waiting to be imported; upload it again."))
            return redirect("registry:import")
        return redirect("registry:import-job", pk=job.pk)


def template_rows() -> list[dict]:
    """The template's example row: a project registered by one Japanese investor."""
    return [
        {
            "project_code": "QN-EX-001",
            "project_name": "Nhà máy linh kiện điện tử Ví Dụ",
            "project_name_latin": "Vi Du electronic parts factory",
            "sector": "26",
            "zone": "",
            "location": "Đông Triều",
            "land_area_ha": 5.5,
            "planned_jobs": 300,
            "event": str(EventKind.REGISTRATION.label),
            "date": datetime.date(2024, 3, 15),
            "certificate_no": "EX-1234567890",
            "amount_usd": 10000000,
            "amount_vnd": None,
            "investor_name": "株式会社サンプル電子",
            "investor_name_latin": "Sample Denshi K.K.",
            "investor_kana": "サンプルデンシ",
            "investor_country": "JP",
            "share": 100,
            "note": _("Example row: replace it with your own."),
        }
    ]


class ImportTemplateView(EditorRequiredMixin, View):
    """The empty import template, as .xlsx or .csv, with one example row."""

    def get(self, request, fmt):
        return export_response(template_rows(), LEDGER_COLUMNS, "japandesk-import-template", fmt)

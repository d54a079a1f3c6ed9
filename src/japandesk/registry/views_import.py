"""Pages of the import: upload a file, preview what it would change, confirm to write it.

Between the preview and the confirmation the uploaded file waits in a private folder
under DATA_DIR/imports, named by a random token kept in the user's session; it is
deleted once confirmed, and files left behind are swept after a day.
"""

import datetime
import os
import re
import secrets
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from japandesk.core.permissions import EditorRequiredMixin
from japandesk.registry.choices import EventKind
from japandesk.registry.exporting import LEDGER_COLUMNS, export_response
from japandesk.registry.importing import (
    COLUMNS,
    EVENT_KIND_NAMES,
    REQUIRED_COLUMNS,
    ImportFileError,
    check_utf8,
    detect_format,
    import_file,
)

SESSION_KEY = "japandesk_import"
KEEP_SECONDS = 24 * 60 * 60
# How many errors the preview lists; the count says how many more there are.
ERRORS_SHOWN = 500
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}\Z")


def default_number_format() -> str:
    return "vi" if (get_language() or "").startswith("vi") else "en"


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
        upload = form.cleaned_data["file"]
        folder = imports_dir()
        sweep(folder)
        _discard(request)
        token = secrets.token_urlsafe(24)
        path = folder / f"{token}.{form.fmt}"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        number_format = form.cleaned_data["number_format"]
        report = import_file(path, actor=request.user, dry_run=True, number_format=number_format, filename=upload.name)
        if report.ok and report.events_created:
            request.session[SESSION_KEY] = {
                "token": token,
                "fmt": form.fmt,
                "name": upload.name,
                "number_format": number_format,
            }
        else:
            path.unlink(missing_ok=True)
        return _preview(request, report)


def _pending_path(request) -> tuple[dict | None, Path | None]:
    pending = request.session.get(SESSION_KEY)
    if not isinstance(pending, dict) or not _TOKEN.match(str(pending.get("token", ""))):
        return None, None
    if pending.get("fmt") not in ("xlsx", "csv"):
        return None, None
    path = imports_dir() / f"{pending['token']}.{pending['fmt']}"
    return pending, (path if path.is_file() else None)


def _discard(request) -> None:
    _pending, path = _pending_path(request)
    if path is not None:
        path.unlink(missing_ok=True)
    request.session.pop(SESSION_KEY, None)


def _preview(request, report, status=200):
    context = {
        "report": report,
        "errors": report.errors[:ERRORS_SHOWN],
        "more_errors": max(len(report.errors) - ERRORS_SHOWN, 0),
        "can_confirm": report.ok and report.events_created > 0 and not report.written,
    }
    return render(request, "registry/import_preview.html", context, status=status)


class ImportConfirmView(EditorRequiredMixin, View):
    """Write the file previewed in this session."""

    http_method_names = ["post"]

    def post(self, request):
        sweep(imports_dir())
        pending, path = _pending_path(request)
        if path is None:
            request.session.pop(SESSION_KEY, None)
            messages.error(request, _("There is no file waiting to be imported; upload it again."))
            return redirect("registry:import")
        try:
            report = import_file(
                path,
                actor=request.user,
                number_format=pending.get("number_format", "en"),
                filename=pending.get("name"),
            )
        finally:
            _discard(request)
        if not report.ok:
            return _preview(request, report)
        return render(request, "registry/import_done.html", {"report": report})


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

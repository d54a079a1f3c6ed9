"""Monitoring of licensed projects: the flagged list (the rows behind every dashboard
figure), a project's commitments against its reports, and the import of reports.
"""

import os
import re
import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from japandesk.core import audit
from japandesk.core.models import AuditEntry
from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin, can_edit
from japandesk.registry.exporting import export_response
from japandesk.registry.forms import add_service_errors
from japandesk.registry.import_jobs import imports_dir, sweep
from japandesk.registry.models import Project
from japandesk.registry.views.base import labelled_history
from japandesk.registry.views_import import UploadForm, default_number_format
from japandesk.screening import importing, queries, services
from japandesk.screening.choices import Flag, ReviewGround
from japandesk.screening.forms import AsOfForm, CommitmentForm, ReportForm
from japandesk.screening.models import Commitment, MonitoringReport
from japandesk.screening.views.dashboard import selection_from

# An upload's random token, as it names the waiting file.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}\Z")


class MonitoringListView(StaffRequiredMixin, TemplateView):
    """Monitored projects on a date, narrowed by origin, sector, zone, flag or review ground."""

    template_name = "screening/monitoring_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AsOfForm(self.request.GET)
        on = form.as_of_date()
        selection = selection_from(self.request.GET)
        states = queries.select(queries.monitored(on), selection)
        totals = queries.Totals()
        for state in states:
            totals.add(state)
        context.update(
            {
                "form": form,
                "as_of": on,
                "selection": selection,
                "states": states,
                "totals": totals,
                "flags": Flag.choices,
                "grounds": ReviewGround.choices,
                "review": bool(selection.ground) or self.request.GET.get("review") == "1",
            }
        )
        if self.request.GET.get("review") == "1":
            context["states"] = [s for s in states if s.grounds]
        return context


class ProjectMonitoringView(StaffRequiredMixin, TemplateView):
    template_name = "screening/project_monitoring.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = get_object_or_404(Project.objects.select_related("sector", "zone"), pk=kwargs["pk"])
        form = AsOfForm(self.request.GET)
        on = form.as_of_date()
        commitment = Commitment.objects.filter(project=project).prefetch_related("milestones").first()
        reports = list(project.monitoring_reports.order_by("date"))
        state = queries.assess(commitment, reports, on) if commitment else None
        entries = AuditEntry.objects.none()
        if commitment is not None:
            entries = audit.history(commitment)
        report_entries = AuditEntry.objects.filter(
            content_type__app_label="screening",
            content_type__model="monitoringreport",
            object_id__in=[str(r.pk) for r in reports],
        )
        context.update(
            {
                "project": project,
                "form": form,
                "as_of": on,
                "commitment": commitment,
                "milestones": commitment.milestones.order_by("due_date") if commitment else [],
                "reports": reports,
                "state": state,
                "can_edit": can_edit(self.request.user),
                "entries": labelled_history((entries | report_entries).order_by("-created_at", "-id")[:50]),
            }
        )
        return context


class CommitmentView(EditorRequiredMixin, FormView):
    form_class = CommitmentForm
    template_name = "screening/commitment_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.project = get_object_or_404(Project, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        commitment = Commitment.objects.filter(project=self.project).first()
        if commitment is None:
            return {"land_ha": self.project.land_area_ha, "jobs": self.project.planned_jobs}
        milestones = "\n".join(f"{m.due_date.isoformat()} {m.cumulative_usd}" for m in commitment.milestones.all())
        return {
            "capital_usd": commitment.capital_usd,
            "jobs": commitment.jobs,
            "land_ha": commitment.land_ha,
            "operation_date": commitment.operation_date,
            "certificate_ref": commitment.certificate_ref,
            "milestones": milestones,
            "note": commitment.note,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.set_commitment(self.project, actor=self.request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Commitments saved."))
        return redirect("screening:project-monitoring", pk=self.project.pk)


class ReportCreateView(EditorRequiredMixin, FormView):
    form_class = ReportForm
    template_name = "screening/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.project = get_object_or_404(Project, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, **kwargs)

    def form_valid(self, form):
        try:
            services.record_report(self.project, actor=self.request.user, **form.report_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Monitoring report recorded."))
        return redirect("screening:project-monitoring", pk=self.project.pk)


class ReportUpdateView(EditorRequiredMixin, FormView):
    form_class = ReportForm
    template_name = "screening/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.report = get_object_or_404(MonitoringReport.objects.select_related("project"), pk=kwargs["pk"])
        self.project = self.report.project
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {name: getattr(self.report, name) for name in services.REPORT_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, report=self.report, **kwargs)

    def form_valid(self, form):
        try:
            services.update_report(self.report, actor=self.request.user, **form.report_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Monitoring report saved."))
        return redirect("screening:project-monitoring", pk=self.project.pk)


# Import ------------------------------------------------------------------------------------------------

SESSION_KEY = "japandesk_screening_import"


def _pending(request):
    pending = request.session.get(SESSION_KEY)
    if not isinstance(pending, dict) or not _TOKEN.match(str(pending.get("token", ""))):
        return None, None
    if pending.get("fmt") not in ("xlsx", "csv"):
        return None, None
    path = imports_dir() / f"{pending['token']}.{pending['fmt']}"
    return pending, (path if path.is_file() else None)


def _discard(request) -> None:
    _info, path = _pending(request)
    if path is not None:
        path.unlink(missing_ok=True)
    request.session.pop(SESSION_KEY, None)


def _columns_help() -> list[dict]:
    return [{"key": c.key, "en": c.label, "vi": c.vi, "required": c.required} for c in importing.COLUMNS]


class ImportView(EditorRequiredMixin, View):
    """Upload monitoring reports and see what would be written before anything is."""

    template_name = "screening/import.html"

    def render_form(self, request, form):
        return render(request, self.template_name, {"form": form, "columns": _columns_help()})

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
        report = importing.import_file(
            path, actor=request.user, dry_run=True, number_format=number_format, filename=upload.name
        )
        if report.ok and report.created:
            request.session[SESSION_KEY] = {
                "token": token,
                "fmt": form.fmt,
                "name": upload.name,
                "number_format": number_format,
            }
        else:
            path.unlink(missing_ok=True)
        return render(
            request,
            "screening/import_preview.html",
            {"report": report, "can_confirm": report.ok and report.created > 0},
        )


class ImportConfirmView(EditorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        pending, path = _pending(request)
        if path is None:
            request.session.pop(SESSION_KEY, None)
            messages.error(request, _("There is no file waiting to be imported; upload it again."))
            return redirect("screening:import")
        try:
            report = importing.import_file(
                path,
                actor=request.user,
                number_format=pending.get("number_format", "en"),
                filename=pending.get("name"),
            )
        finally:
            _discard(request)
        return render(request, "screening/import_preview.html", {"report": report, "can_confirm": False})


class ImportTemplateView(EditorRequiredMixin, View):
    def get(self, request):
        columns = [(c.key, c.label) for c in importing.COLUMNS]
        if request.GET.get("format", "xlsx") != "xlsx":
            raise Http404
        return export_response(importing.template_rows(), columns, "monitoring-reports-template", "xlsx")

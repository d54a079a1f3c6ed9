"""Projects: the list as of a date, a project's page (its state on any date, its ledger,
realised capital and jobs, its audit history), and the forms that change a project.
"""

from decimal import Decimal

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView

from japandesk.core import audit
from japandesk.core.models import AuditEntry
from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.registry import exporting, queries, services
from japandesk.registry.choices import EventKind, ProjectStatus
from japandesk.registry.filtersets import ProjectFilterSet
from japandesk.registry.forms import DisbursementForm, JobsForm, ProjectForm, dashboard_choices
from japandesk.registry.models import Country, Disbursement, JobsReport, LedgerEvent, Project
from japandesk.registry.views.base import (
    FilteredListView,
    RegistryContextMixin,
    ServiceFormMixin,
    labelled_history,
    parse_date,
    today,
)

SORTABLE = {"code": "code", "name": "name", "registered": "registered", "capital": "capital"}


def sort_links(request, current_param="ordering", default="code") -> dict:
    """For each sortable column: the ordering its header link asks for and the current direction."""
    current = request.GET.get(current_param) or default
    links = {}
    for key in SORTABLE:
        if current == key:
            links[key] = {"next": f"-{key}", "direction": "ascending"}
        elif current == f"-{key}":
            links[key] = {"next": key, "direction": "descending"}
        else:
            links[key] = {"next": key, "direction": ""}
    return links


class ProjectListView(FilteredListView):
    model = Project
    filterset_class = ProjectFilterSet
    template_name = "registry/project_list.html"
    context_object_name = "projects"
    export_filename = "projects"

    def base_queryset(self):
        return Project.objects.select_related("sector", "zone")

    def export_rows(self, queryset):
        on = self.filterset.as_of_date
        return exporting.project_rows(queryset, on), exporting.project_columns(on)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        choices = dashboard_choices()
        countries = {c.code: c for c in choices["origins"]}
        for project in context["projects"]:
            project.origin_country = countries.get(project.origin_code)
            project.status_label = ProjectStatus(project.status).label
        data = self.filterset.form.cleaned_data if self.filterset.form.is_valid() else {}
        context.update(
            {
                "as_of": self.filterset.as_of_date,
                "choices": choices,
                "statuses": ProjectStatus.choices,
                "zone_kinds": self.filterset.filters["zone_kind"].extra["choices"],
                "cleaned": data,
                "selected_investor": data.get("investor"),
                "sort": sort_links(self.request),
            }
        )
        return context


class ProjectDetailView(StaffRequiredMixin, RegistryContextMixin, DetailView):
    model = Project
    template_name = "registry/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return Project.objects.select_related("sector", "zone", "zone__parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        on = parse_date(self.request.GET.get("as_of"), today())
        state = (
            Project.objects.as_of(on)
            .filter(pk=project.pk)
            .values("capital_usd", "registered_on", "terminated_on", "origin_code", "status")
            .get()
        )
        state["status_label"] = ProjectStatus(state["status"]).label
        state["origin"] = Country.objects.filter(code=state["origin_code"]).first() if state["origin_code"] else None

        events = list(
            project.events.select_related("origin").prefetch_related("participations__investor").order_by("date", "id")
        )
        running = Decimal(0)
        for event in events:
            running += event.capital_change_usd
            event.running_capital_usd = running
            event.after_as_of = event.date > on

        disbursements = list(project.disbursements.order_by("date", "id"))
        cumulative = Decimal(0)
        for report in disbursements:
            cumulative += report.amount_usd
            report.cumulative_usd = cumulative
            report.after_as_of = report.date > on
        realised = sum((r.amount_usd for r in disbursements if r.date <= on), Decimal(0))
        jobs_reports = list(project.jobs_reports.order_by("date", "id"))
        for report in jobs_reports:
            report.after_as_of = report.date > on
        latest_jobs = next((r for r in reversed(jobs_reports) if r.date <= on), None)

        capital = state["capital_usd"] or Decimal(0)
        context.update(
            {
                "as_of": on,
                "state": state,
                "lineup": queries.lineup_on(project, on),
                "events": events,
                "disbursements": disbursements,
                "realised_usd": realised,
                "realised_ratio": (realised / capital) if capital else None,
                "jobs_reports": jobs_reports,
                "latest_jobs": latest_jobs,
                "jobs_ratio": (
                    Decimal(latest_jobs.jobs) / Decimal(project.planned_jobs)
                    if latest_jobs and project.planned_jobs
                    else None
                ),
                "history": labelled_history(self.history(project, [e.pk for e in events])),
                "can_add_event": not any(e.kind == EventKind.TERMINATION for e in events),
            }
        )
        return context

    @staticmethod
    def history(project, event_ids):
        """The project's own audit entries and those of its events (deleted ones too) and reports."""
        types = ContentType.objects.get_for_models(LedgerEvent, Disbursement, JobsReport)
        event_type = types[LedgerEvent]
        related = (
            Q(content_type=event_type, object_id__in=[str(pk) for pk in event_ids])
            | Q(content_type__in=list(types.values()), after__project=project.pk)
            | Q(content_type__in=list(types.values()), before__project=project.pk)
        )
        return (audit.history(project) | AuditEntry.objects.filter(related)).select_related("actor")[:200]


class ProjectFormMixin(EditorRequiredMixin, RegistryContextMixin, ServiceFormMixin):
    form_class = ProjectForm
    template_name = "registry/project_form.html"

    def get_success_url(self, project):
        return reverse("registry:project-detail", args=[project.pk])


class ProjectCreateView(ProjectFormMixin, FormView):
    def call_service(self, form):
        project = services.create_project(actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Project {code} created.").format(code=project.code))
        return project


class ProjectUpdateView(ProjectFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.project = get_object_or_404(Project, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The form works on its own copy: the service compares the stored record with the new values.
        kwargs["instance"] = Project.objects.get(pk=self.project.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, **kwargs)

    def call_service(self, form):
        project = services.update_project(self.project, actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Project {code} saved.").format(code=project.code))
        return project


class ProjectReportView(EditorRequiredMixin, RegistryContextMixin, ServiceFormMixin, FormView):
    """A dated report on a project: realised capital or actual jobs."""

    template_name = "registry/report_form.html"
    title = ""

    def dispatch(self, request, *args, **kwargs):
        self.project = get_object_or_404(Project, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"date": today()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, title=self.title, **kwargs)

    def get_success_url(self, report):
        return reverse("registry:project-detail", args=[self.project.pk])


class DisbursementCreateView(ProjectReportView):
    form_class = DisbursementForm

    @property
    def title(self):
        return _("Report realised capital")

    def call_service(self, form):
        data = form.cleaned_data
        report = services.record_disbursement(
            self.project,
            actor=self.request.user,
            date=data["date"],
            amount_usd=data.get("amount_usd"),
            amount_vnd=data.get("amount_vnd"),
            note=data.get("note", ""),
            source="ui",
        )
        messages.success(self.request, _("Realised capital recorded."))
        return report


class JobsCreateView(ProjectReportView):
    form_class = JobsForm

    @property
    def title(self):
        return _("Report actual jobs")

    def call_service(self, form):
        data = form.cleaned_data
        report = services.record_jobs(
            self.project,
            actor=self.request.user,
            date=data["date"],
            jobs=data["jobs"],
            note=data.get("note", ""),
            source="ui",
        )
        messages.success(self.request, _("Jobs report recorded."))
        return report

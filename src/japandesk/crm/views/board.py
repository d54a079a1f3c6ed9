"""Pipelines and leads: the board (drag and drop, or the "move to stage" control), the lead
list, a lead's page with its stage history, its forms and its conversion to a registry project."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, TemplateView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.crm import queries, services
from japandesk.crm.filtersets import LeadFilterSet
from japandesk.crm.forms import ConvertLeadForm, LeadForm, MoveLeadForm, NewLeadForm, officers
from japandesk.crm.models import Lead, Pipeline, StageChange
from japandesk.crm.views.base import CrmContextMixin, CrmListView, ServiceFormView, history_of

__all__ = [
    "BoardView",
    "LeadConvertView",
    "LeadCreateView",
    "LeadDetailView",
    "LeadListView",
    "LeadMoveView",
    "LeadUpdateView",
]


def board_context(request, pipeline: Pipeline) -> dict:
    """The columns of the board: each stage with its leads and its totals."""
    leads = (
        Lead.objects.filter(pipeline=pipeline)
        .select_related("stage", "owner", "organisation", "project")
        .order_by("stage__order", "next_step_due", "-updated_at", "id")
    )
    owner = request.GET.get("owner")
    if owner and owner.isdigit():
        leads = leads.filter(owner_id=int(owner))
    totals = queries.pipeline_totals(pipeline, leads=leads)
    by_stage = {t.stage.pk: t for t in totals["stages"]}
    for lead in leads:
        by_stage[lead.stage_id].leads.append(lead)
    stages = [t.stage for t in totals["stages"]]
    return {"pipeline": pipeline, "totals": totals, "stages": stages, "owner": owner or ""}


class BoardView(StaffRequiredMixin, CrmContextMixin, TemplateView):
    """A pipeline's stages side by side with their leads; officers drag a card to another column
    or pick the stage in the card's menu (the way to move one by keyboard or on a phone)."""

    template_name = "crm/board.html"

    def get_pipeline(self) -> Pipeline:
        services.ensure_pipelines()
        key = self.request.GET.get("pipeline") or "investment"
        pipeline = Pipeline.objects.filter(key=key).first()
        if pipeline is None:
            raise Http404
        return pipeline

    def get_template_names(self):
        htmx = getattr(self.request, "htmx", None)
        if htmx and not htmx.history_restore_request:
            return ["crm/board.html#board"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(board_context(self.request, self.get_pipeline()))
        context["pipelines"] = Pipeline.objects.all()
        context["owners"] = officers()
        return context


class LeadMoveView(EditorRequiredMixin, View):
    """POST stage=<id>: move the lead. From the board (HTMX) the board comes back redrawn."""

    def post(self, request, pk):
        lead = get_object_or_404(Lead.objects.select_related("pipeline"), pk=pk)
        form = MoveLeadForm(request.POST, lead=lead)
        error = None
        if form.is_valid():
            try:
                services.move_lead(
                    lead, request.user, form.cleaned_data["stage"], note=form.cleaned_data["note"], source="ui"
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
        else:
            error = " ".join(str(e) for errors in form.errors.values() for e in errors)
        if getattr(request, "htmx", None):
            context = board_context(request, lead.pipeline)
            context["board_error"] = error
            context["user_can_edit"] = True
            return render(request, "crm/board.html#board", context)
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("{lead} moved to {stage}.").format(lead=lead, stage=form.cleaned_data["stage"]))
        return redirect(request.POST.get("next") or lead.get_absolute_url())


class LeadListView(CrmListView):
    model = Lead
    filterset_class = LeadFilterSet
    template_name = "crm/lead_list.html"
    context_object_name = "leads"

    def base_queryset(self):
        return Lead.objects.select_related("pipeline", "stage", "owner", "organisation", "project")


class LeadDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = Lead
    template_name = "crm/lead_detail.html"
    context_object_name = "lead"

    def get_queryset(self):
        return Lead.objects.select_related(
            "pipeline", "stage", "owner", "organisation", "project", "country", "sector", "zone"
        ).prefetch_related(
            Prefetch("stage_changes", queryset=StageChange.objects.select_related("from_stage", "to_stage", "actor"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lead = self.object
        context.update(
            {
                "move_form": MoveLeadForm(lead=lead),
                "convert_form": ConvertLeadForm(),
                "tasks": lead.tasks.select_related("assignee").order_by("done_at", "due_date"),
                "interactions": lead.interactions.all()[:50],
                "inquiries": lead.inquiries.all(),
                "history": history_of(lead),
            }
        )
        return context


class LeadCreateView(ServiceFormView):
    form_class = NewLeadForm
    page_title = gettext_lazy("New lead")

    def get_initial(self):
        initial = {"pipeline": self.request.GET.get("pipeline", "investment")}
        if self.request.GET.get("organisation", "").isdigit():
            initial["organisation"] = self.request.GET["organisation"]
        return initial

    def get_form(self, form_class=None):
        services.ensure_pipelines()
        return super().get_form(form_class)

    def call_service(self, form):
        data = dict(form.cleaned_data)
        pipeline = data.pop("pipeline")
        country = data.pop("country")
        owner = data.pop("owner")
        due = data.pop("next_step_due")
        lead = services.create_lead(
            self.request.user,
            pipeline=pipeline.key,
            country_code=country.code if country else "",
            owner=owner,
            next_step_due=due,
            source="ui",
            **data,
        )
        messages.success(self.request, _("Lead {name} created.").format(name=lead))
        return lead


class LeadUpdateView(ServiceFormView):
    form_class = LeadForm
    page_title = gettext_lazy("Edit lead")

    def dispatch(self, request, *args, **kwargs):
        self.lead = get_object_or_404(Lead, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Lead.objects.get(pk=self.lead.pk)}

    def get_cancel_url(self):
        return self.lead.get_absolute_url()

    def call_service(self, form):
        lead = services.update_lead(self.lead, self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Lead {name} saved.").format(name=lead))
        return lead


class LeadConvertView(EditorRequiredMixin, View):
    def post(self, request, pk):
        lead = get_object_or_404(Lead, pk=pk)
        form = ConvertLeadForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, " ".join(form.errors.get("project", [_("Choose the registry project this lead became.")]))
            )
            return redirect(lead)
        try:
            services.convert_lead(lead, request.user, form.cleaned_data["project"], source="ui")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("{lead} is linked to project {project}.").format(lead=lead, project=form.cleaned_data["project"]),
            )
        return redirect(reverse("crm:lead-detail", args=[lead.pk]))

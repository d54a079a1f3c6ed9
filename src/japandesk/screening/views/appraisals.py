"""Appraisals of proposed projects, their decisions, and the ranking of competing proposals."""

from decimal import Decimal

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin, can_edit
from japandesk.registry.forms import add_service_errors
from japandesk.registry.views.base import history_of
from japandesk.screening import ranking, scoring, services
from japandesk.screening.choices import RequirementStatus
from japandesk.screening.filtersets import AppraisalFilterSet
from japandesk.screening.forms import AppraisalForm, DecisionForm
from japandesk.screening.models import Appraisal, CriteriaVersion

RANKING_LIMIT = 30


def lead_model():
    """The CRM's Lead model when the CRM app provides one."""
    try:
        return apps.get_model("crm", "Lead")
    except LookupError:
        return None


def lead_initial(lead) -> dict:
    """What an appraisal form can take over from a CRM lead."""
    initial = {"title": getattr(lead, "title", "")}
    organisation = getattr(lead, "organisation", None)
    initial["investor_name"] = str(organisation) if organisation else getattr(lead, "organisation_name", "")
    for source, target in (
        ("estimated_capital_usd", "capital_usd"),
        ("estimated_land_ha", "land_ha"),
        ("estimated_jobs", "jobs"),
        ("sector", "sector"),
        ("zone", "zone"),
    ):
        value = getattr(lead, source, None)
        if value is not None:
            initial[target] = value
    country = getattr(lead, "country", None)
    if country is not None:
        initial["origin"] = country
    return initial


class AppraisalListView(StaffRequiredMixin, ListView):
    model = Appraisal
    template_name = "screening/appraisal_list.html"
    context_object_name = "appraisals"
    paginate_by = 50

    def get_queryset(self):
        queryset = Appraisal.objects.select_related("sector", "origin", "version", "version__criteria_set")
        self.filterset = AppraisalFilterSet(self.request.GET, queryset=queryset, request=self.request)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "filterset": self.filterset,
                "query_without_page": query.urlencode(),
                "can_edit": can_edit(self.request.user),
            }
        )
        return context


class AppraisalCreateView(EditorRequiredMixin, FormView):
    form_class = AppraisalForm
    template_name = "screening/appraisal_form.html"

    def get_lead(self):
        model = lead_model()
        lead_id = self.request.GET.get("lead") or self.request.POST.get("lead")
        if model is None or not lead_id or not str(lead_id).isdigit():
            return None
        return model.objects.filter(pk=lead_id).first()

    def get_initial(self):
        initial = {"appraised_on": timezone.localdate()}
        version = CriteriaVersion.objects.filter(status="published").order_by("-published_at", "-pk").first()
        if version is not None:
            initial["version"] = version
        lead = self.get_lead()
        if lead is not None:
            initial.update(lead_initial(lead))
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(lead=self.get_lead(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        lead = self.get_lead()
        try:
            appraisal = services.create_appraisal(
                actor=self.request.user,
                version=data["version"],
                title=data["title"],
                investor_name=data["investor_name"],
                origin=data["origin"],
                sector=data["sector"],
                zone=data["zone"],
                appraised_on=data["appraised_on"],
                inputs=form.inputs(),
                notes=data["notes"],
                lead_id=lead.pk if lead is not None else None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Appraisal recorded."))
        return redirect(appraisal.get_absolute_url())


def result_rows(appraisal: Appraisal) -> tuple[list[dict], list[dict]]:
    """The stored result explained for the reader: criteria and hard requirements."""
    definition = appraisal.version.definition
    criteria = {c["key"]: c for c in definition["criteria"]}
    rows = []
    for row in appraisal.result["criteria"]:
        criterion = criteria[row["key"]]
        kind = scoring.CRITERION_TYPES[row["key"]]
        value = row["value"]
        rows.append(
            {
                **row,
                "label": kind.label,
                "unit": criterion.get("unit", ""),
                "display_value": scoring.category_label(row["key"], value) if not kind.numeric else value,
                "numeric": kind.numeric,
                "weighted": Decimal(row["score"]) * Decimal(row["share"]) / 100,
                "explanation": scoring.explain(criterion, row),
            }
        )
    hard = [
        {
            **item,
            "label": scoring.requirement_label(item["key"]),
            "status_label": RequirementStatus(item["status"]).label,
            "explanation": scoring.explain_requirement(item),
        }
        for item in appraisal.result["hard"]
    ]
    return rows, hard


class AppraisalDetailView(StaffRequiredMixin, DetailView):
    model = Appraisal
    template_name = "screening/appraisal_detail.html"
    context_object_name = "appraisal"

    def get_queryset(self):
        return Appraisal.objects.select_related(
            "sector", "origin", "zone", "version", "version__criteria_set", "appraised_by", "decided_by"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        appraisal = self.object
        rows, hard = result_rows(appraisal)
        recomputed = services.recompute(appraisal)
        lead = None
        model = lead_model()
        if model is not None and appraisal.lead_id:
            lead = model.objects.filter(pk=appraisal.lead_id).first()
        context.update(
            {
                "rows": rows,
                "hard": hard,
                "reproduced": recomputed == appraisal.result,
                "peers": appraisal.peers,
                "inputs": appraisal.inputs,
                "lead": lead,
                "can_edit": can_edit(self.request.user),
                "entries": history_of(appraisal, 50),
            }
        )
        return context


class DecisionView(EditorRequiredMixin, FormView):
    form_class = DecisionForm
    template_name = "screening/decision_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.appraisal = get_object_or_404(Appraisal, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {
            "decision": self.appraisal.decision,
            "decided_on": self.appraisal.decided_on or timezone.localdate(),
            "note": self.appraisal.decision_note,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(appraisal=self.appraisal, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.record_decision(
                self.appraisal,
                actor=self.request.user,
                decision=data["decision"],
                note=data["note"],
                decided_on=data["decided_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Decision recorded."))
        return redirect(self.appraisal.get_absolute_url())


class RankingView(StaffRequiredMixin, TemplateView):
    """Competing proposals appraised with one criteria version, ranked by weighted sum and by
    TOPSIS, with each weight moved by ±20%.
    """

    template_name = "screening/ranking.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = list(
            CriteriaVersion.objects.filter(appraisals__isnull=False)
            .select_related("criteria_set")
            .distinct()
            .order_by("criteria_set__name", "-number")
        )
        context["versions"] = versions
        version_id = self.request.GET.get("version")
        if version_id:
            if not version_id.isdigit():
                raise Http404
            version = get_object_or_404(CriteriaVersion, pk=version_id)
        else:
            version = versions[0] if versions else None
        context["version"] = version
        if version is None:
            return context
        candidates = list(version.appraisals.order_by("-total_score", "title")[:200])
        chosen_ids = {int(v) for v in self.request.GET.getlist("appraisal") if v.isdigit()}
        chosen = [a for a in candidates if a.pk in chosen_ids] if chosen_ids else candidates[:RANKING_LIMIT]
        chosen = chosen[:RANKING_LIMIT]
        context.update({"candidates": candidates, "chosen_ids": {a.pk for a in chosen}})
        if len(chosen) < 2:
            context["too_few"] = True
            return context
        alternatives = ranking.alternatives_for(chosen)
        definition = version.definition
        result = ranking.rank(definition, alternatives)
        rows = []
        for index, appraisal in enumerate(chosen):
            rows.append(
                {
                    "appraisal": appraisal,
                    "weighted_sum": result["weighted_sum"][index],
                    "weighted_sum_rank": result["weighted_sum_rank"][index],
                    "topsis": result["topsis"][index],
                    "topsis_rank": result["topsis_rank"][index],
                }
            )
        rows.sort(key=lambda r: (r["topsis_rank"], r["weighted_sum_rank"]))
        labels = {key: kind.label for key, kind in scoring.CRITERION_TYPES.items()}
        sensitivity = ranking.sensitivity(definition, alternatives)
        for row in sensitivity:
            row["label"] = labels[row["criterion"]]
            row["percent"] = round((row["factor"] - 1) * 100)
            row["ws_order"] = [chosen[i] for i in sorted(range(len(chosen)), key=lambda i: row["weighted_sum_rank"][i])]
            row["topsis_order"] = [chosen[i] for i in sorted(range(len(chosen)), key=lambda i: row["topsis_rank"][i])]
        criteria = [
            {
                "label": labels[c["key"]],
                "weight": w,
                "cost": d == ranking.COST,
            }
            for c, w, d in zip(definition["criteria"], result["weights"], result["directions"], strict=True)
        ]
        context.update(
            {
                "rows": rows,
                "criteria": criteria,
                "sensitivity": sensitivity,
                "stable": not any(r["weighted_sum_changed"] or r["topsis_changed"] for r in sensitivity),
            }
        )
        return context

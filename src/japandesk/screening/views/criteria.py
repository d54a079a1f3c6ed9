"""Criteria sets and their versions: everyone signed in reads them, only administrators
create, edit and publish.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from japandesk.core.permissions import AdministratorRequiredMixin, StaffRequiredMixin, is_administrator
from japandesk.registry.forms import add_service_errors
from japandesk.registry.views.base import history_of
from japandesk.screening import scoring, services
from japandesk.screening.demo import ILLUSTRATIVE_DEFINITION
from japandesk.screening.forms import CriteriaSetForm, VersionForm
from japandesk.screening.models import CriteriaSet, CriteriaVersion


def definition_rows(definition: dict) -> list[dict]:
    """The weighted criteria of a definition, labelled for the reader."""
    total = sum(float(c["weight"]) for c in definition.get("criteria", [])) or 1.0
    rows = []
    for criterion in definition.get("criteria", []):
        kind = scoring.CRITERION_TYPES.get(criterion["key"])
        rows.append(
            {
                "key": criterion["key"],
                "label": kind.label if kind else criterion["key"],
                "weight": criterion["weight"],
                "share": float(criterion["weight"]) / total,
                "unit": criterion.get("unit", ""),
                "rule_kind": criterion["rule"]["kind"],
                "rule": scoring.describe_rule(criterion),
                "direction": scoring.rule_direction(criterion["rule"]),
            }
        )
    return rows


def hard_rows(definition: dict) -> dict:
    hard = definition.get("hard", {})
    from japandesk.screening.choices import EnvironmentGroup, ZoneClass

    riskiest = hard.get("riskiest_environment_group")
    return {
        "minimums": [
            {"label": ZoneClass(key).label, "value": value}
            for key, value in (hard.get("min_capital_per_ha_usd") or {}).items()
        ],
        "prohibited": hard.get("prohibited_sectors") or [],
        "conditional": hard.get("conditional_sectors") or [],
        "riskiest": EnvironmentGroup(riskiest).label if riskiest else None,
    }


class CriteriaListView(StaffRequiredMixin, ListView):
    model = CriteriaSet
    template_name = "screening/criteria_list.html"
    context_object_name = "criteria_sets"

    def get_queryset(self):
        return CriteriaSet.objects.prefetch_related("versions")


class CriteriaCreateView(AdministratorRequiredMixin, FormView):
    form_class = CriteriaSetForm
    template_name = "screening/criteria_form.html"

    def get_initial(self):
        return {"definition": ILLUSTRATIVE_DEFINITION}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            criteria_set = services.create_criteria_set(
                actor=self.request.user,
                name=data["name"],
                description=data["description"],
                definition=data["definition"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Criteria set created as a draft; publish it to appraise with it."))
        return redirect(criteria_set.get_absolute_url())


class CriteriaDetailView(StaffRequiredMixin, DetailView):
    model = CriteriaSet
    template_name = "screening/criteria_detail.html"
    context_object_name = "criteria_set"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = self.object.versions.select_related("published_by").order_by("-number")
        context["is_administrator"] = is_administrator(self.request.user)
        context["entries"] = history_of(self.object, 50)
        return context


class VersionDetailView(StaffRequiredMixin, DetailView):
    model = CriteriaVersion
    template_name = "screening/version_detail.html"
    context_object_name = "version"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        definition = self.object.definition
        context.update(
            {
                "criteria": definition_rows(definition),
                "hard": hard_rows(definition),
                "thresholds": definition.get("thresholds", {}),
                "is_administrator": is_administrator(self.request.user),
                "appraisal_count": self.object.appraisals.count(),
                "entries": history_of(self.object, 50),
            }
        )
        return context


class VersionUpdateView(AdministratorRequiredMixin, FormView):
    form_class = VersionForm
    template_name = "screening/version_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.version = get_object_or_404(CriteriaVersion, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.version.is_published:
            messages.info(request, _("A published version cannot change; edit a new draft instead."))
            return redirect(self.version.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        return {"definition": self.version.definition, "note": self.version.note}

    def get_context_data(self, **kwargs):
        return super().get_context_data(version=self.version, **kwargs)

    def form_valid(self, form):
        try:
            services.update_draft(
                self.version,
                actor=self.request.user,
                definition=form.cleaned_data["definition"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Draft saved."))
        return redirect(self.version.get_absolute_url())


class NewDraftView(AdministratorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        criteria_set = get_object_or_404(CriteriaSet, pk=pk)
        draft = services.new_draft(criteria_set, actor=request.user)
        return redirect("screening:version-update", pk=draft.pk)


class PublishView(AdministratorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        version = get_object_or_404(CriteriaVersion, pk=pk)
        try:
            services.publish(version, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(version.get_absolute_url())
        messages.success(request, _("Version {number} published.").format(number=version.number))
        return redirect(version.get_absolute_url())

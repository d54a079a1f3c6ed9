"""Introductions: the list, and an introduction's page where its outcome is recorded."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.matching import services
from japandesk.matching.filtersets import IntroductionFilterSet
from japandesk.matching.forms import OutcomeForm
from japandesk.matching.models import Introduction
from japandesk.matching.views.base import FilteredListView, ServiceFormMixin, history_of


class IntroductionListView(FilteredListView):
    model = Introduction
    filterset_class = IntroductionFilterSet
    template_name = "matching/introduction_list.html"
    context_object_name = "introductions"

    def base_queryset(self):
        return Introduction.objects.select_related("need", "profile", "officer")


class IntroductionDetailView(StaffRequiredMixin, DetailView):
    model = Introduction
    template_name = "matching/introduction_detail.html"
    context_object_name = "introduction"

    def get_queryset(self):
        return Introduction.objects.select_related("need", "profile", "officer")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        introduction = self.object
        context["history"] = history_of(introduction, 100)
        context["form"] = kwargs.get("form") or OutcomeForm(
            initial={
                "status": introduction.status,
                "outcome_note": introduction.outcome_note,
                "outcome_on": introduction.outcome_on or timezone.localdate(),
            }
        )
        return context


class IntroductionOutcomeView(EditorRequiredMixin, ServiceFormMixin, FormView):
    form_class = OutcomeForm
    template_name = "matching/introduction_detail.html"
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        self.introduction = get_object_or_404(
            Introduction.objects.select_related("need", "profile", "officer"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def form_invalid(self, form):
        view = IntroductionDetailView()
        view.setup(self.request, pk=self.introduction.pk)
        view.object = self.introduction
        response = view.render_to_response(view.get_context_data(object=self.introduction, form=form))
        response.status_code = 400
        return response

    def call_service(self, form):
        introduction = services.record_outcome(self.introduction, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Outcome recorded."))
        return introduction

    def get_success_url(self, introduction):
        return reverse("matching:introduction-detail", args=[introduction.pk])

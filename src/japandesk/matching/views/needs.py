"""Buyers' needs: the list, a need's page with its ranked matches, its forms, and introducing a supplier."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.matching import services, stored
from japandesk.matching.filtersets import BuyerNeedFilterSet
from japandesk.matching.forms import IntroduceForm, NeedForm
from japandesk.matching.models import BuyerNeed, SupplierProfile
from japandesk.matching.views.base import FilteredListView, ServiceFormMixin, history_of
from japandesk.matching.vocabulary import labels

MATCHES_SHOWN = 10


class NeedListView(FilteredListView):
    model = BuyerNeed
    filterset_class = BuyerNeedFilterSet
    template_name = "matching/need_list.html"
    context_object_name = "needs"

    def base_queryset(self):
        return BuyerNeed.objects.defer("search_text")


class NeedDetailView(StaffRequiredMixin, DetailView):
    model = BuyerNeed
    template_name = "matching/need_detail.html"
    context_object_name = "need"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        need = self.object
        introduced = dict(need.introductions.values_list("profile_id", "pk"))
        matches = stored.matches_for_need(need, top=MATCHES_SHOWN)
        for match in matches:
            match.introduction_pk = introduced.get(match.profile.pk)
        context.update(
            {
                "process_labels": labels(need.processes),
                "matches": matches,
                "introductions": list(need.introductions.select_related("profile")),
                "history": history_of(need, 100),
            }
        )
        return context


class NeedFormMixin(EditorRequiredMixin, ServiceFormMixin):
    form_class = NeedForm
    template_name = "matching/need_form.html"

    def get_success_url(self, need):
        return reverse("matching:need-detail", args=[need.pk])


class NeedCreateView(NeedFormMixin, FormView):
    def call_service(self, form):
        need = services.create_need(actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Need {title} created.").format(title=need.title))
        return need


class NeedUpdateView(NeedFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.need = get_object_or_404(BuyerNeed, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {name: getattr(self.need, name) for name in NeedForm.base_fields}

    def get_context_data(self, **kwargs):
        return super().get_context_data(need=self.need, **kwargs)

    def call_service(self, form):
        need = services.update_need(self.need, actor=self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Need {title} saved.").format(title=need.title))
        return need


class IntroduceView(EditorRequiredMixin, View):
    """Propose the introduction of a matched supplier to the buyer (POST only)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        need = get_object_or_404(BuyerNeed, pk=pk)
        form = IntroduceForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose a supplier to introduce."))
            return redirect("matching:need-detail", pk=need.pk)
        profile = get_object_or_404(SupplierProfile, pk=form.cleaned_data["profile"])
        try:
            introduction = services.introduce(need, profile, actor=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("matching:need-detail", pk=need.pk)
        messages.success(request, _("Introduction of {supplier} recorded.").format(supplier=profile))
        return redirect("matching:introduction-detail", pk=introduction.pk)

"""The timeline of interactions: delegations received, missions abroad, meetings, calls,
e-mails and conferences, with their participants on both sides."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.crm import services
from japandesk.crm.choices import InteractionKind
from japandesk.crm.filtersets import InteractionFilterSet
from japandesk.crm.forms import InteractionForm
from japandesk.crm.models import Interaction
from japandesk.crm.views.base import CrmContextMixin, CrmListView, ServiceFormView, history_of

__all__ = ["InteractionCreateView", "InteractionDetailView", "InteractionListView", "InteractionUpdateView"]


class InteractionListView(CrmListView):
    """The timeline, newest first, grouped by year."""

    model = Interaction
    filterset_class = InteractionFilterSet
    template_name = "crm/interaction_list.html"
    context_object_name = "interactions"

    def base_queryset(self):
        return Interaction.objects.prefetch_related("organisations", "zones").order_by("-date", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kinds"] = InteractionKind.choices
        context["selected_kinds"] = self.request.GET.getlist("kind")
        return context


class InteractionDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = Interaction
    template_name = "crm/interaction_detail.html"
    context_object_name = "interaction"

    def get_queryset(self):
        return Interaction.objects.select_related("lead").prefetch_related(
            "organisations", "contacts__organisation", "officers", "zones"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tasks"] = self.object.tasks.select_related("assignee")
        context["history"] = history_of(self.object)
        return context


def _m2m(data: dict) -> dict:
    return {name: list(data.pop(name)) for name in ("organisations", "contacts", "officers", "zones") if name in data}


class InteractionCreateView(ServiceFormView):
    form_class = InteractionForm
    page_title = gettext_lazy("Log an interaction")

    def get_initial(self):
        initial = {}
        if self.request.GET.get("kind") in InteractionKind.values:
            initial["kind"] = self.request.GET["kind"]
        if self.request.GET.get("lead", "").isdigit():
            initial["lead"] = self.request.GET["lead"]
        initial["officers"] = [self.request.user.pk]
        return initial

    def call_service(self, form):
        data = dict(form.cleaned_data)
        interaction = services.create_interaction(self.request.user, source="ui", **_m2m(data), **data)
        messages.success(self.request, _("Interaction {name} logged.").format(name=interaction))
        return interaction


class InteractionUpdateView(ServiceFormView):
    form_class = InteractionForm
    page_title = gettext_lazy("Edit interaction")

    def dispatch(self, request, *args, **kwargs):
        self.interaction = get_object_or_404(Interaction, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Interaction.objects.get(pk=self.interaction.pk)}

    def get_cancel_url(self):
        return self.interaction.get_absolute_url()

    def call_service(self, form):
        data = dict(form.cleaned_data)
        interaction = services.update_interaction(
            self.interaction, self.request.user, source="ui", **_m2m(data), **data
        )
        messages.success(self.request, _("Interaction {name} saved.").format(name=interaction))
        return interaction

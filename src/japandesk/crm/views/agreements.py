"""Agreements (MOUs and cooperation agreements) with their parties, dates, status, expiry,
obligations and follow-up tasks."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.crm import services
from japandesk.crm.filtersets import AgreementFilterSet
from japandesk.crm.forms import AgreementForm, ObligationForm
from japandesk.crm.models import Agreement, Obligation
from japandesk.crm.views.base import CrmContextMixin, CrmListView, ServiceFormView, history_of

__all__ = [
    "AgreementCreateView",
    "AgreementDetailView",
    "AgreementListView",
    "AgreementUpdateView",
    "ObligationCreateView",
    "ObligationDoneView",
]


class AgreementListView(CrmListView):
    model = Agreement
    filterset_class = AgreementFilterSet
    template_name = "crm/agreement_list.html"
    context_object_name = "agreements"

    def base_queryset(self):
        return Agreement.objects.prefetch_related("parties")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


class AgreementDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = Agreement
    template_name = "crm/agreement_detail.html"
    context_object_name = "agreement"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["obligations"] = self.object.obligations.select_related("party")
        context["tasks"] = self.object.tasks.select_related("assignee")
        context["history"] = history_of(self.object)
        context["today"] = timezone.localdate()
        return context


def _parties(data: dict):
    return list(data.pop("parties", []))


class AgreementCreateView(ServiceFormView):
    form_class = AgreementForm
    page_title = gettext_lazy("New agreement")

    def call_service(self, form):
        data = dict(form.cleaned_data)
        agreement = services.create_agreement(self.request.user, parties=_parties(data), source="ui", **data)
        messages.success(self.request, _("Agreement {name} created.").format(name=agreement))
        return agreement


class AgreementUpdateView(ServiceFormView):
    form_class = AgreementForm
    page_title = gettext_lazy("Edit agreement")

    def dispatch(self, request, *args, **kwargs):
        self.agreement = get_object_or_404(Agreement, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Agreement.objects.get(pk=self.agreement.pk)}

    def get_cancel_url(self):
        return self.agreement.get_absolute_url()

    def call_service(self, form):
        data = dict(form.cleaned_data)
        agreement = services.update_agreement(
            self.agreement, self.request.user, parties=_parties(data), source="ui", **data
        )
        messages.success(self.request, _("Agreement {name} saved.").format(name=agreement))
        return agreement


class ObligationCreateView(ServiceFormView):
    form_class = ObligationForm
    page_title = gettext_lazy("Add an obligation")

    def dispatch(self, request, *args, **kwargs):
        self.agreement = get_object_or_404(Agreement, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["party"].queryset = self.agreement.parties.all()
        return form

    def get_cancel_url(self):
        return self.agreement.get_absolute_url()

    def call_service(self, form):
        services.add_obligation(self.agreement, self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Obligation added."))
        return self.agreement


class ObligationDoneView(ServiceFormView):
    """POST only: mark an obligation fulfilled today."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        obligation = get_object_or_404(Obligation, pk=kwargs["pk"])
        services.fulfil_obligation(obligation, request.user, source="ui")
        messages.success(request, _("Obligation marked as fulfilled."))
        from django.shortcuts import redirect

        return redirect(obligation.agreement.get_absolute_url())

"""Inquiries: the panel of response times (median and 90th percentile by language and by
officer) with the unanswered ones, an inquiry's page with its answers, and the hand-entry form."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.crm import queries, services
from japandesk.crm.filtersets import InquiryFilterSet
from japandesk.crm.forms import AnswerForm, InquiryForm
from japandesk.crm.models import Inquiry
from japandesk.crm.views.base import CrmContextMixin, CrmListView, ServiceFormView, history_of

__all__ = ["InquiryAnswerView", "InquiryCreateView", "InquiryDetailView", "InquiryListView"]


class InquiryListView(CrmListView):
    model = Inquiry
    filterset_class = InquiryFilterSet
    template_name = "crm/inquiry_list.html"
    context_object_name = "inquiries"

    def base_queryset(self):
        return Inquiry.objects.select_related("country", "first_responder", "lead")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = queries.response_times(self.filterset.qs)
        context["unanswered"] = queries.unanswered_inquiries()[:100]
        context["now"] = timezone.now()
        return context


class InquiryDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = Inquiry
    template_name = "crm/inquiry_detail.html"
    context_object_name = "inquiry"

    def get_queryset(self):
        return Inquiry.objects.select_related("country", "sector", "zone", "lead", "first_responder")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["responses"] = self.object.responses.select_related("author")
        context["answer_form"] = AnswerForm()
        context["history"] = history_of(self.object)
        return context


class InquiryCreateView(ServiceFormView):
    form_class = InquiryForm
    page_title = gettext_lazy("Record an inquiry")

    def get_initial(self):
        return {"consent": True, "language": "ja"}

    def call_service(self, form):
        data = dict(form.cleaned_data)
        inquiry = services.receive_inquiry(
            actor=self.request.user,
            source="ui",
            received_at=data.pop("received_at"),
            **data,
        )
        messages.success(self.request, _("Inquiry from {name} recorded.").format(name=inquiry.name))
        return inquiry


class InquiryAnswerView(ServiceFormView):
    form_class = AnswerForm
    page_title = gettext_lazy("Record an answer")

    def dispatch(self, request, *args, **kwargs):
        self.inquiry = get_object_or_404(Inquiry, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_cancel_url(self):
        return self.inquiry.get_absolute_url()

    def call_service(self, form):
        services.answer_inquiry(
            self.inquiry, self.request.user, message=form.cleaned_data["message"], at=form.cleaned_data["sent_at"]
        )
        messages.success(self.request, _("Answer recorded."))
        return self.inquiry

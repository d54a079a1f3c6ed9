"""What the CRM's pages share: filtered lists, forms that hand their data to a service, the
audit history, and the banner that says the data on show is illustrative."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView, ListView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.registry.forms import add_service_errors, style_fields
from japandesk.registry.views.base import history_of  # noqa: F401 (the CRM's pages import it from here)


class CrmContextMixin:
    """Tells every CRM page whether the CRM holds the illustrative demonstration set."""

    def get_context_data(self, **kwargs):
        from japandesk.crm.models import Organisation

        context = super().get_context_data(**kwargs)
        context["crm_illustrative"] = Organisation.objects.filter(illustrative=True).exists()
        context.setdefault("today", timezone.localdate())
        return context


class CrmListView(StaffRequiredMixin, CrmContextMixin, ListView):
    """A list read through the model's FilterSet (the same one the API uses), paginated."""

    filterset_class = None
    paginate_by = 50

    def base_queryset(self):
        return self.model.objects.all()

    def get_queryset(self):
        self.filterset = self.filterset_class(self.request.GET, queryset=self.base_queryset(), request=self.request)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        form = self.filterset.form
        form.label_suffix = ""
        style_fields(form)
        for field in form.fields.values():
            css = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = css.replace("form-select", "form-select form-select-sm").replace(
                "form-control", "form-control form-control-sm"
            )
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class ServiceFormView(EditorRequiredMixin, CrmContextMixin, FormView):
    """A form whose valid data goes to a service; the service's ValidationError is shown on the
    form in the reader's language and nothing is written."""

    template_name = "crm/form.html"
    page_title = ""
    success_message = ""

    def call_service(self, form):
        raise NotImplementedError

    def get_cancel_url(self):
        return self.request.META.get("HTTP_REFERER") or "/crm/"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("page_title", self.page_title)
        context.setdefault("cancel_url", self.get_cancel_url())
        return context

    def form_valid(self, form):
        try:
            result = self.call_service(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message.format(name=result))
        return redirect(self.get_success_url(result))

    def get_success_url(self, result):
        return result.get_absolute_url()

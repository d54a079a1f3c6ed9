"""What the matching pages share: filtered lists, forms that hand their data to a service, audit history."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import ListView

from japandesk.core import audit
from japandesk.core.permissions import StaffRequiredMixin
from japandesk.registry.forms import add_service_errors
from japandesk.registry.views.base import labelled_history


class FilteredListView(StaffRequiredMixin, ListView):
    """A list read through the FilterSet the API uses too, paginated."""

    filterset_class = None
    paginate_by = 50

    def base_queryset(self):
        return self.model.objects.all()

    def get_queryset(self):
        self.filterset = self.filterset_class(self.request.GET or None, queryset=self.base_queryset())
        if self.filterset.is_bound and not self.filterset.is_valid():
            return self.base_queryset().none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class ServiceFormMixin:
    """A form whose valid data goes to a service; the service's ValidationError is shown on the form."""

    def call_service(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.call_service(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return redirect(self.get_success_url(result))


def history(instance, limit: int = 100) -> list:
    return labelled_history(audit.history(instance)[:limit])

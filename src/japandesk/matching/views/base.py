"""What the matching pages share: filtered lists, forms that hand their data to a service, audit history."""

from django.views.generic import ListView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.registry.views.base import ServiceFormMixin, history_of  # noqa: F401 (matching's pages import them from here)


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

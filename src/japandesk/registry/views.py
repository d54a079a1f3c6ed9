from django.views.generic import TemplateView

from japandesk.core.permissions import StaffRequiredMixin


class DashboardView(StaffRequiredMixin, TemplateView):
    template_name = "base.html"

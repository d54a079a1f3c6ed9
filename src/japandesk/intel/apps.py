from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntelConfig(AppConfig):
    name = "japandesk.intel"
    label = "intel"
    verbose_name = _("Investment news intelligence")
    # Called by `japandesk demo` (japandesk.core.demo), in INSTALLED_APPS order.
    demo_loader = "japandesk.intel.demo.load"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "japandesk.matching"
    label = "matching"
    verbose_name = _("Supplier matching")
    # Called by `japandesk demo` (japandesk.core.demo), in INSTALLED_APPS order.
    demo_loader = "japandesk.matching.demo.load"

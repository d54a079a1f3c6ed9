from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "japandesk.registry"
    label = "registry"
    verbose_name = _("FDI registry")
    # Called by `japandesk demo` (japandesk.core.demo), in INSTALLED_APPS order.
    reference_loader = "japandesk.registry.reference.load"
    demo_loader = "japandesk.registry.demo.load"

    def ready(self):
        from japandesk.registry import analytics

        analytics.connect_signals()

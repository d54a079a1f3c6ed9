from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    name = "japandesk.zones"
    label = "zones"
    verbose_name = _("Zones")
    # Called by `japandesk demo` (japandesk.core.demo), in INSTALLED_APPS order.
    demo_loader = "japandesk.zones.demo.load"

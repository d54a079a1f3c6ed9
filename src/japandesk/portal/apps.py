from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "japandesk.portal"
    label = "portal"
    verbose_name = _("Public portal")
    # Called by `japandesk demo` (japandesk.core.demo), in INSTALLED_APPS order.
    demo_loader = "japandesk.portal.demo.load"

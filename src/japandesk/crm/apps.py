from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrmConfig(AppConfig):
    name = "japandesk.crm"
    label = "crm"
    verbose_name = _("Investor relations")
    # Called by `japandesk demo` (japandesk.core.demo), after the registry's and the zones' loaders.
    demo_loader = "japandesk.crm.demo.load"

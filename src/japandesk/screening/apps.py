from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "japandesk.screening"
    label = "screening"
    verbose_name = _("Project screening")
    # Called by `japandesk demo` (japandesk.core.demo), after the registry's loader.
    demo_loader = "japandesk.screening.demo.load"

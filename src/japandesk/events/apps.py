from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "japandesk.events"
    label = "events"
    verbose_name = _("Events and B2B meetings")
    demo_loader = "japandesk.events.demo.load"

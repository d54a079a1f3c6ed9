"""What the event pages share."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from japandesk.events.models import Event
from japandesk.registry.forms import add_service_errors


class EventMixin:
    """Pages under /events/<event>/: the event is read once, for the view and its template."""

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(Event, pk=kwargs["event"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        return context


def call_service(form, function, *args, **kwargs):
    """Run a service; its ValidationError goes onto the form and None comes back."""
    try:
        return function(*args, **kwargs)
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def safe_next(request, default: str) -> str:
    """The page to go back to after a form: `next` when it is on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.views.generic import TemplateView

from japandesk.core.permissions import can_view


class HomeView(TemplateView):
    """`/`: signed-in staff get their home page; everyone else is sent to the public portal in
    the language their browser asks for (or the one they chose before)."""

    template_name = "core/home.html"

    def get(self, request, *args, **kwargs):
        if not can_view(request.user):
            language = translation.get_language_from_request(request)
            with translation.override(language):
                return redirect(reverse("portal:home"))
        return super().get(request, *args, **kwargs)

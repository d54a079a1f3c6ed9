"""Public pages (no sign-in): a supplier registers its capability profile, and renews it from the link
in its expiry reminder. Registrations are unverified until the desk reviews them.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from japandesk.core import ratelimit
from japandesk.matching import services
from japandesk.matching.forms import PublicProfileForm
from japandesk.matching.models import SupplierProfile
from japandesk.registry.forms import add_service_errors

# Registrations accepted from one address per hour; more are refused until the hour is over.
RATE_LIMIT = 5
RATE_WINDOW_S = 3600
RATE_SCOPE = "matching-public-register"


def over_limit(request) -> bool:
    return ratelimit.used(RATE_SCOPE, ratelimit.client_address(request)) >= RATE_LIMIT


def count_attempt(request) -> None:
    ratelimit.count(RATE_SCOPE, ratelimit.client_address(request), RATE_WINDOW_S)


class PublicRegisterView(FormView):
    form_class = PublicProfileForm
    template_name = "matching/public_register.html"

    def post(self, request, *args, **kwargs):
        if over_limit(request):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, _("Too many registrations from your connection. Please try again in an hour."))
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        count_attempt(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        if data.pop("homepage", ""):
            # Filled by a robot: answer as if all went well and store nothing.
            return redirect("matching:public-thanks")
        brochure = data.pop("brochure", None)
        try:
            services.register_profile(brochure=brochure or None, **data)
        except ValidationError as error:
            add_service_errors(form, error)
            if hasattr(error, "error_dict") and "file" in error.error_dict:
                form.add_error("brochure", error.error_dict["file"])
            return self.form_invalid(form)
        return redirect("matching:public-thanks")


class PublicThanksView(TemplateView):
    template_name = "matching/public_thanks.html"


class PublicRenewView(View):
    """The link in the expiry reminder: the supplier confirms its profile is still correct."""

    template_name = "matching/public_renew.html"

    def get(self, request, token):
        profile = get_object_or_404(SupplierProfile, renewal_token=token)
        return render(request, self.template_name, {"profile": profile, "renewed": False})

    def post(self, request, token):
        profile = get_object_or_404(SupplierProfile, renewal_token=token)
        profile = services.renew_profile(profile, actor=None, source="public")
        return render(request, self.template_name, {"profile": profile, "renewed": True})

"""Public pages, without signing in: registration for an event (in Japanese, English or
Vietnamese) and each participant's private page, reached by an unguessable link, to answer and
send meeting requests and download the agenda. Forms carry CSRF tokens; registration has a
honeypot field and a rate limit per address, and asks for consent to data processing."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from japandesk.core import ratelimit
from japandesk.events import agenda, mail, services
from japandesk.events.choices import LANGUAGES, RequestStatus
from japandesk.events.forms import AvailabilityForm, RegistrationForm, RequestForm
from japandesk.events.models import Event, MeetingRequest, Participant
from japandesk.events.views.base import call_service
from japandesk.events.views.schedule import agenda_response

# Posts per client address in a window: enough for a delegation registering from one office.
RATE_LIMITS = {"register": (20, 3600), "participant": (60, 3600)}
PUBLIC_LANGUAGES = [code for code, _name in LANGUAGES]


def rate_limited(request, scope: str) -> bool:
    """Count one more post from this address; True once the scope's limit is passed."""
    limit, window = RATE_LIMITS[scope]
    return ratelimit.count(f"events-{scope}", ratelimit.client_address(request), window) > limit


class PublicLanguageMixin:
    """`?lang=ja|en|vi` chooses the page's language (and remembers it); otherwise the visitor's
    chosen language, or the participant's own on a private page."""

    def default_language(self) -> str | None:
        return None

    def dispatch(self, request, *args, **kwargs):
        wanted = request.GET.get("lang")
        if wanted in PUBLIC_LANGUAGES:
            response = HttpResponseRedirect(request.path)
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, wanted, samesite="Lax")
            return response
        self.prepare(request, *args, **kwargs)
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in PUBLIC_LANGUAGES:
            language = self.default_language() or translation.get_language()
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        response.headers.setdefault("Content-Language", language)
        return response

    def prepare(self, request, *args, **kwargs):
        pass

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["public_languages"] = LANGUAGES
        return context


class PublicEventView(PublicLanguageMixin, FormView):
    template_name = "events/public/register.html"
    form_class = RegistrationForm

    def prepare(self, request, *args, **kwargs):
        self.event = get_object_or_404(Event, slug=kwargs["slug"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def get_initial(self):
        return {"language": translation.get_language()}

    def post(self, request, *args, **kwargs):
        if rate_limited(request, "register"):
            messages.error(request, _("Too many registrations from your address. Please try again in an hour."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        if data.pop("website"):
            # A robot filled the hidden field: say nothing useful to it and store nothing.
            form.add_error(None, _("The registration could not be accepted."))
            return self.form_invalid(form)
        participant = call_service(
            form,
            services.register_participant,
            self.event,
            available=data.pop("available"),
            source="public",
            **data,
        )
        if participant is None:
            return self.form_invalid(form)
        mail.welcome(participant)
        messages.success(self.request, _("You are registered. We have sent your private link by e-mail."))
        return redirect(participant.get_private_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, event_name=self.event.name, **kwargs)


class ParticipantMixin(PublicLanguageMixin):
    def prepare(self, request, *args, **kwargs):
        self.participant = get_object_or_404(Participant.objects.select_related("event"), token=kwargs["token"])

    def default_language(self):
        return self.participant.language


class PublicParticipantView(ParticipantMixin, FormView):
    template_name = "events/public/participant.html"
    form_class = RequestForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "recipients": services.requestable(self.participant).order_by("organisation"),
        }

    def post(self, request, *args, **kwargs):
        if rate_limited(request, "participant"):
            messages.error(request, _("Too many requests from your address. Please try again in an hour."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        recipient = Participant.objects.filter(event=self.participant.event, pk=form.cleaned_data["recipient"]).first()
        if recipient is None:
            form.add_error("recipient", _("Choose a participant of this event."))
            return self.form_invalid(form)
        created = call_service(
            form,
            services.send_request,
            self.participant,
            recipient,
            message=form.cleaned_data["message"],
            priority=form.cleaned_data["priority"],
            source="public",
        )
        if created is None:
            return self.form_invalid(form)
        mail.request_received(created)
        messages.success(
            self.request, _("Your request was sent to {organisation}.").format(organisation=recipient.organisation)
        )
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        p = self.participant
        slots = list(p.available.values_list("pk", flat=True)) or list(p.event.slots.values_list("pk", flat=True))
        kwargs.setdefault("availability_form", AvailabilityForm(event=p.event, initial={"available": slots}))
        requests = MeetingRequest.objects.filter(Q(requester=p) | Q(recipient=p)).select_related(
            "requester", "recipient"
        )
        return super().get_context_data(
            participant=p,
            event=p.event,
            event_name=p.event.name,
            received=[r for r in requests if r.recipient_id == p.pk],
            sent=[r for r in requests if r.requester_id == p.pk],
            agenda=agenda.agenda_meetings(p),
            pending=RequestStatus.PENDING,
            accepted=RequestStatus.ACCEPTED,
            **kwargs,
        )


class PublicRequestActionView(ParticipantMixin, View):
    """Accept or decline a request received, or cancel one sent or accepted."""

    def post(self, request, *args, **kwargs):
        p = self.participant
        if rate_limited(request, "participant"):
            messages.error(request, _("Too many requests from your address. Please try again in an hour."))
            return redirect(p.get_private_url())
        action = request.POST.get("action")
        item = get_object_or_404(MeetingRequest, Q(requester=p) | Q(recipient=p), pk=kwargs["pk"])
        try:
            if action in ("accept", "decline"):
                if item.recipient_id != p.pk:
                    raise Http404
                services.answer_request(item, action == "accept", source="public")
                messages.success(request, _("Request accepted.") if action == "accept" else _("Request declined."))
            elif action == "cancel":
                services.cancel_request(item, source="public")
                messages.success(request, _("Request cancelled."))
            else:
                raise Http404
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(p.get_private_url())


class PublicAvailabilityView(ParticipantMixin, View):
    """The participant changes the slots they can attend; the desk reschedules from there."""

    def post(self, request, *args, **kwargs):
        p = self.participant
        if rate_limited(request, "participant"):
            messages.error(request, _("Too many requests from your address. Please try again in an hour."))
            return redirect(p.get_private_url())
        form = AvailabilityForm(request.POST, event=p.event)
        if form.is_valid():
            try:
                services.update_participant(p, available=form.cleaned_data["available"], source="public")
                messages.success(request, _("Your availability was saved."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        else:
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        return redirect(p.get_private_url())


class PublicAgendaView(ParticipantMixin, View):
    def get(self, request, *args, **kwargs):
        return agenda_response(self.participant, kwargs["fmt"])

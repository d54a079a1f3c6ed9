"""Staff pages: events and their structure, participants, meeting requests."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.events import services
from japandesk.events.choices import ParticipantKind, RequestStatus
from japandesk.events.filtersets import EventFilterSet, MeetingRequestFilterSet, ParticipantFilterSet
from japandesk.events.forms import EventForm, ParticipantForm, RoomForm, RulesForm, SessionForm, StaffRequestForm
from japandesk.events.models import Event, MeetingRequest, Participant, Session
from japandesk.events.views.base import EventMixin, call_service, safe_next
from japandesk.registry.views.base import history_of


class EventListView(StaffRequiredMixin, ListView):
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 50

    def get_queryset(self):
        queryset = Event.objects.annotate(
            participant_count=Count("participants", distinct=True),
            meeting_count=Count("meetings", filter=Q(meetings__cancelled_at__isnull=True), distinct=True),
        ).order_by("-starts_on", "slug")
        self.filterset = EventFilterSet(self.request.GET, queryset=queryset)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)


class EventFormMixin(EditorRequiredMixin):
    form_class = EventForm
    template_name = "events/event_form.html"

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in EventForm.Meta.fields}
        if self.object_pk:
            event = call_service(
                form, services.update_event, Event.objects.get(pk=self.object_pk), self.request.user, **data
            )
        else:
            event = call_service(form, services.create_event, self.request.user, **data)
        if event is None:
            return self.form_invalid(form)
        messages.success(self.request, _("Event saved."))
        return redirect(event.get_absolute_url())


class EventCreateView(EventFormMixin, FormView):
    object_pk = None


class EventUpdateView(EventFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(Event, pk=kwargs["event"])
        self.object_pk = self.event.pk
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Event.objects.get(pk=self.event.pk)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class EventDetailView(StaffRequiredMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"
    pk_url_kwarg = "event"
    model = Event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        sessions = list(
            event.sessions.select_related("day").annotate(slot_count=Count("slots")).prefetch_related("slots")
        )
        kinds = dict(event.participants.values_list("kind").annotate(n=Count("pk")).order_by())
        statuses = dict(event.requests.values_list("status").annotate(n=Count("pk")).order_by())
        context.update(
            {
                "sessions": sessions,
                "rooms": event.rooms.annotate(table_count=Count("tables")),
                "table_count": event.tables.count(),
                "kind_counts": [(label, kinds.get(value, 0)) for value, label in ParticipantKind.choices],
                "request_counts": [(label, statuses.get(value, 0)) for value, label in RequestStatus.choices],
                "rules": [
                    (ParticipantKind(r.requester_kind).label, ParticipantKind(r.recipient_kind).label)
                    for r in event.rules.all()
                ],
                "caps": event.caps.all(),
                "meeting_count": event.meetings.filter(cancelled_at__isnull=True).count(),
                "session_form": SessionForm(initial={"date": event.starts_on}),
                "room_form": RoomForm(),
                "public_urls": [
                    (code, reverse("events:public-event", args=[event.slug]) + f"?lang={code}")
                    for code in ("ja", "en", "vi")
                ],
                "history": history_of(event, 50),
            }
        )
        return context


class SessionCreateView(EditorRequiredMixin, EventMixin, View):
    def post(self, request, *args, **kwargs):
        form = SessionForm(request.POST)
        if form.is_valid():
            session = call_service(form, services.add_session, self.event, actor=request.user, **form.cleaned_data)
            if session is not None:
                messages.success(request, _("Session added."))
                return redirect(self.event.get_absolute_url())
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect(self.event.get_absolute_url())


class SessionDeleteView(EditorRequiredMixin, EventMixin, View):
    def post(self, request, *args, **kwargs):
        session = get_object_or_404(Session, pk=kwargs["pk"], event=self.event)
        try:
            services.delete_session(session, actor=request.user)
            messages.success(request, _("Session deleted."))
        except services.ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(self.event.get_absolute_url())


class RoomCreateView(EditorRequiredMixin, EventMixin, View):
    def post(self, request, *args, **kwargs):
        form = RoomForm(request.POST)
        if form.is_valid():
            room = call_service(form, services.add_room, self.event, actor=request.user, **form.cleaned_data)
            if room is not None:
                messages.success(request, _("Room added."))
                return redirect(self.event.get_absolute_url())
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect(self.event.get_absolute_url())


class RulesView(EditorRequiredMixin, EventMixin, FormView):
    template_name = "events/rules_form.html"
    form_class = RulesForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def form_valid(self, form):
        services.set_rules(self.event, form.pairs(), actor=self.request.user)
        for kind in ParticipantKind.values:
            services.set_kind_cap(
                self.event,
                kind,
                max_meetings=form.cleaned_data.get(f"meetings_{kind}"),
                max_requests=form.cleaned_data.get(f"requests_{kind}"),
                actor=self.request.user,
            )
        messages.success(self.request, _("Rules and caps saved."))
        return redirect(self.event.get_absolute_url())


class ParticipantListView(StaffRequiredMixin, EventMixin, ListView):
    template_name = "events/participant_list.html"
    context_object_name = "participants"
    paginate_by = 100

    def get_queryset(self):
        queryset = self.event.participants.annotate(
            meeting_count=Count("meetings", filter=Q(meetings__cancelled_at__isnull=True))
        ).order_by("organisation", "name", "pk")
        self.filterset = ParticipantFilterSet(self.request.GET, queryset=queryset)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filterset=self.filterset, kinds=ParticipantKind.choices, query_without_page=query.urlencode(), **kwargs
        )


class ParticipantDetailView(StaffRequiredMixin, EventMixin, FormView):
    """A participant's page: profile, availability, requests, meetings, agenda; officers edit it here."""

    template_name = "events/participant_detail.html"
    form_class = ParticipantForm

    def dispatch(self, request, *args, **kwargs):
        self.participant = get_object_or_404(Participant, pk=kwargs["pk"], event_id=kwargs["event"])
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not request.user.can_edit:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.event
        return kwargs

    def get_initial(self):
        p = self.participant
        return {
            "kind": p.kind,
            "organisation": p.organisation,
            "name": p.name,
            "email": p.email,
            "phone": p.phone,
            "country_code": p.country_code,
            "language": p.language,
            "profile": p.profile,
            "looking_for": p.looking_for,
            "max_meetings": p.max_meetings,
            "available": list(p.available.values_list("pk", flat=True)),
        }

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        available = data.pop("available") or None
        participant = call_service(
            form, services.update_participant, self.participant, self.request.user, available=available, **data
        )
        if participant is None:
            return self.form_invalid(form)
        messages.success(self.request, _("Participant saved."))
        return redirect(participant.get_absolute_url())

    def get_context_data(self, **kwargs):
        from japandesk.events.agenda import agenda_meetings

        p = self.participant
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "participant": p,
                "requests": MeetingRequest.objects.filter(Q(requester=p) | Q(recipient=p)).select_related(
                    "requester", "recipient"
                ),
                "agenda": agenda_meetings(p),
                "unscheduled": p.meetings.filter(cancelled_at__isnull=True, slot__isnull=True).prefetch_related(
                    "participants"
                ),
                "meeting_cap": services.meeting_cap(p),
                "history": history_of(p, 50),
                "private_url": self.request.build_absolute_uri(p.get_private_url()),
            }
        )
        return context


class RequestListView(StaffRequiredMixin, EventMixin, FormView):
    """The event's meeting requests; officers record a request or an answer given on paper or by phone."""

    template_name = "events/request_list.html"
    form_class = StaffRequestForm

    def post(self, request, *args, **kwargs):
        if not request.user.can_edit:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def form_valid(self, form):
        data = form.cleaned_data
        people = Participant.objects.filter(event=self.event)
        requester = people.filter(pk=data["requester"]).first()
        recipient = people.filter(pk=data["recipient"]).first()
        if requester is None or recipient is None:
            form.add_error(None, _("Choose two participants of this event."))
            return self.form_invalid(form)
        created = call_service(
            form,
            services.send_request,
            requester,
            recipient,
            message=data["message"],
            priority=data["priority"],
            actor=self.request.user,
            source="ui",
        )
        if created is None:
            return self.form_invalid(form)
        messages.success(self.request, _("Request recorded."))
        return redirect(reverse("events:request-list", args=[self.event.pk]))

    def get_context_data(self, **kwargs):
        filterset = MeetingRequestFilterSet(
            self.request.GET,
            queryset=MeetingRequest.objects.filter(event=self.event).select_related("requester", "recipient"),
        )
        return super().get_context_data(
            filterset=filterset, requests=filterset.qs[:500], statuses=RequestStatus.choices, **kwargs
        )


class RequestActionView(EditorRequiredMixin, EventMixin, View):
    """Accept, decline or cancel a request on a participant's behalf."""

    def post(self, request, *args, **kwargs):
        item = get_object_or_404(MeetingRequest, pk=kwargs["pk"], event=self.event)
        action = request.POST.get("action")
        try:
            if action in ("accept", "decline"):
                services.answer_request(item, action == "accept", actor=request.user, source="ui")
            elif action == "cancel":
                services.cancel_request(item, actor=request.user, source="ui")
            else:
                messages.error(request, _("Unknown action."))
                return redirect(reverse("events:request-list", args=[self.event.pk]))
            messages.success(request, _("Request updated."))
        except services.ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(safe_next(request, reverse("events:request-list", args=[self.event.pk])))

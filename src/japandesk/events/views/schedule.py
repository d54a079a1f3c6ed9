"""The scheduler screen, exports, pins, table plans, check-in, outcomes and agendas for staff."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.core.text import search_key
from japandesk.events import agenda, services
from japandesk.events.choices import MeetingOutcome
from japandesk.events.forms import AnswerUploadForm, MeetingForm, OutcomeForm, ScheduleForm
from japandesk.events.models import Meeting, Participant, ScheduleRun
from japandesk.events.views.base import EventMixin, call_service, safe_next

SHOWN_MEETINGS = 500


class SchedulerView(StaffRequiredMixin, EventMixin, FormView):
    """Run the engine on the stored event, see the figures of the stored answer, pin meetings."""

    template_name = "events/scheduler.html"
    form_class = ScheduleForm

    def post(self, request, *args, **kwargs):
        if not request.user.can_edit:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        run = call_service(
            form,
            services.start_run,
            self.event,
            kind=form.cleaned_data["kind"],
            time_limit=float(form.cleaned_data["time_limit"]),
            actor=self.request.user,
        )
        if run is None:
            return self.form_invalid(form)
        if run.status == "failed":
            messages.error(self.request, _("The scheduler could not store an answer: {error}").format(error=run.error))
        elif run.status == "done":
            messages.success(self.request, _("Schedule stored."))
        else:
            messages.info(self.request, _("The scheduler is running; this page shows its answer when it is done."))
        return redirect(reverse("events:scheduler", args=[self.event.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = (
            Meeting.objects.filter(event=self.event, cancelled_at__isnull=True)
            .select_related("slot", "table")
            .prefetch_related("participants")
            .order_by("slot__start", "table__number", "pk")
        )
        unscheduled = [m for m in meetings if m.slot_id is None]
        scheduled = [m for m in meetings if m.slot_id is not None]
        latest = ScheduleRun.objects.filter(event=self.event).first()
        done = ScheduleRun.objects.filter(event=self.event, status="done").first()
        context.update(
            {
                "latest": latest,
                "done": done,
                "unscheduled": unscheduled,
                "scheduled": scheduled[:SHOWN_MEETINGS],
                "scheduled_count": len(scheduled),
                "pinned_count": sum(1 for m in scheduled if m.pinned),
                "gaps": services.participant_gaps(self.event)[:50],
                "runs": ScheduleRun.objects.filter(event=self.event)[:10],
                "upload_form": AnswerUploadForm(),
                "meeting_form": MeetingForm(event=self.event),
            }
        )
        return context


class ExportView(StaffRequiredMixin, EventMixin, View):
    """The event as an instance of the exchange format, to download."""

    def get(self, request, *args, **kwargs):
        document = services.export_instance(self.event)
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.event.slug}-instance.json"'
        return response


class AnswerUploadView(EditorRequiredMixin, EventMixin, View):
    """Store an answer computed elsewhere, after the five validity checks."""

    def post(self, request, *args, **kwargs):
        form = AnswerUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.apply_answer(self.event, form.cleaned_data["file"], actor=request.user)
                messages.success(request, _("Schedule stored."))
            except ValidationError as error:
                messages.error(
                    request, _("The answer was not stored: {problems}").format(problems=" ".join(error.messages))
                )
        else:
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        return redirect(reverse("events:scheduler", args=[self.event.pk]))


class MeetingCreateView(EditorRequiredMixin, EventMixin, View):
    def post(self, request, *args, **kwargs):
        form = MeetingForm(request.POST, event=self.event)
        if form.is_valid():
            people = list(Participant.objects.filter(event=self.event, pk__in=form.cleaned_data["participants"]))
            try:
                services.create_meeting(self.event, people, priority=form.cleaned_data["priority"], actor=request.user)
                messages.success(request, _("Meeting added: schedule the event to place it."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        else:
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        return redirect(reverse("events:scheduler", args=[self.event.pk]))


class MeetingCancelView(EditorRequiredMixin, EventMixin, View):
    """Cancel a meeting (and the request it came from): it leaves the schedule."""

    def post(self, request, *args, **kwargs):
        meeting = get_object_or_404(Meeting, pk=kwargs["pk"], event=self.event, cancelled_at__isnull=True)
        if meeting.request_id:
            services.cancel_request(meeting.request, actor=request.user, source="ui")
        else:
            services.cancel_meeting(meeting, actor=request.user)
        messages.success(request, _("Meeting cancelled."))
        return redirect(safe_next(request, reverse("events:scheduler", args=[self.event.pk])))


class PinView(EditorRequiredMixin, EventMixin, View):
    def post(self, request, *args, **kwargs):
        meeting = get_object_or_404(Meeting, pk=kwargs["pk"], event=self.event)
        try:
            services.set_pinned(meeting, request.POST.get("pinned") == "1", actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        if request.htmx:
            meeting.refresh_from_db()
            return render(request, "events/scheduler.html#pin", {"meeting": meeting, "event": self.event})
        return redirect(safe_next(request, reverse("events:scheduler", args=[self.event.pk])))


class TablePlanView(StaffRequiredMixin, EventMixin, TemplateView):
    """Per slot: table → who meets whom. Printable."""

    template_name = "events/table_plan.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=agenda.table_plan(self.event), **kwargs)


class CheckInView(StaffRequiredMixin, EventMixin, TemplateView):
    """The desk at the door: find a participant by name, mark them arrived. Made for a phone."""

    template_name = "events/checkin.html"

    def people(self):
        queryset = Participant.objects.filter(event=self.event).order_by("organisation", "name")
        key = search_key(self.request.GET.get("q", ""))
        for word in key.split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def get(self, request, *args, **kwargs):
        if request.htmx and request.GET.get("partial") == "results":
            return render(request, "events/checkin.html#results", self.get_context_data())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not request.user.can_edit:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        participant = get_object_or_404(Participant, pk=request.POST.get("participant"), event=self.event)
        services.mark_arrived(participant, request.POST.get("arrived") == "1", actor=request.user)
        if request.htmx:
            return render(request, "events/checkin.html#row", {"person": participant, "event": self.event})
        return redirect(reverse("events:checkin", args=[self.event.pk]) + "?q=" + request.GET.get("q", ""))

    def get_context_data(self, **kwargs):
        people = self.people()
        return super().get_context_data(
            people=people[:50],
            total=people.count(),
            arrived=Participant.objects.filter(event=self.event, arrived_at__isnull=False).count(),
            registered=Participant.objects.filter(event=self.event).count(),
            q=self.request.GET.get("q", ""),
            **kwargs,
        )


class MeetingOutcomeView(StaffRequiredMixin, EventMixin, FormView):
    """Outcomes of the event's meetings; “follow-up wanted” hands work to the CRM."""

    template_name = "events/outcomes.html"
    form_class = OutcomeForm

    def post(self, request, *args, **kwargs):
        if not request.user.can_edit:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        meeting = get_object_or_404(Meeting, pk=self.request.POST.get("meeting"), event=self.event)
        data = form.cleaned_data
        result = call_service(
            form,
            services.record_outcome,
            meeting,
            data["outcome"],
            notes=data["notes"],
            follow_up_due=data["follow_up_due"],
            actor=self.request.user,
        )
        if result is None:
            return self.form_invalid(form)
        messages.success(self.request, _("Outcome recorded."))
        return redirect(safe_next(self.request, reverse("events:outcomes", args=[self.event.pk])))

    def get_context_data(self, **kwargs):
        meetings = (
            Meeting.objects.filter(event=self.event, cancelled_at__isnull=True, slot__isnull=False)
            .select_related("slot", "table")
            .prefetch_related("participants", "follow_ups")
            .order_by("slot__start", "table__number")
        )
        outcome = self.request.GET.get("outcome")
        if outcome == "none":
            meetings = meetings.filter(outcome="")
        elif outcome in MeetingOutcome.values:
            meetings = meetings.filter(outcome=outcome)
        q = search_key(self.request.GET.get("q", ""))
        for word in q.split():
            meetings = meetings.filter(participants__search_text__contains=word)
        return super().get_context_data(
            meetings=meetings.distinct()[:200],
            outcomes=MeetingOutcome.choices,
            q=self.request.GET.get("q", ""),
            **kwargs,
        )


class AgendaView(StaffRequiredMixin, EventMixin, View):
    """A participant's agenda as PDF or ICS, for the desk to print or send."""

    def get(self, request, *args, **kwargs):
        participant = get_object_or_404(Participant, pk=kwargs["pk"], event=self.event)
        return agenda_response(participant, kwargs["fmt"])


def agenda_response(participant: Participant, fmt: str) -> HttpResponse:
    if fmt == "pdf":
        response = HttpResponse(agenda.agenda_pdf(participant), content_type="application/pdf")
    elif fmt == "ics":
        response = HttpResponse(agenda.agenda_ics(participant), content_type="text/calendar; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="agenda-{participant.event.slug}-{participant.pk}.{fmt}"'
    return response

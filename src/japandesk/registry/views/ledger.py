"""The investment-certificate ledger: the list of events, and the forms that add, correct
and delete an event through `services.record_event` and `services.delete_event`.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from japandesk.core.permissions import EditorRequiredMixin
from japandesk.registry import exporting, services
from japandesk.registry.choices import EventKind
from japandesk.registry.filtersets import LedgerEventFilterSet
from japandesk.registry.forms import DeleteEventForm, EventForm, add_service_errors, dashboard_choices, lineup_formset
from japandesk.registry.models import LedgerEvent, Project
from japandesk.registry.views.base import FilteredListView, RegistryContextMixin, today
from japandesk.zones.choices import ZoneKind

EVENT_SORTS = {
    "date": ("date", "id"),
    "-date": ("-date", "-id"),
    "certificate": ("certificate_no",),
    "-certificate": ("-certificate_no",),
    "amount": ("capital_change_usd", "id"),
    "-amount": ("-capital_change_usd", "-id"),
}


class EventListView(FilteredListView):
    model = LedgerEvent
    filterset_class = LedgerEventFilterSet
    template_name = "registry/event_list.html"
    context_object_name = "events"
    export_filename = "ledger"

    def base_queryset(self):
        # The origin shown on a row is the project's origin economy once that event took effect.
        origin = (
            LedgerEvent.objects.filter(project=OuterRef("project"), date__lte=OuterRef("date"), origin__isnull=False)
            .order_by("-date", "-id")
            .values("origin__code")[:1]
        )
        ordering = EVENT_SORTS.get(self.request.GET.get("sort", ""), EVENT_SORTS["-date"])
        return LedgerEvent.objects.select_related("project").annotate(origin_code=Subquery(origin)).order_by(*ordering)

    def export_rows(self, queryset):
        return exporting.ledger_rows(queryset), exporting.LEDGER_COLUMNS

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        choices = dashboard_choices()
        countries = {c.code: c for c in choices["origins"]}
        for event in context["events"]:
            event.origin_country = countries.get(event.origin_code)
        form = self.filterset.form
        data = form.cleaned_data if form.is_valid() else {}
        current = self.request.GET.get("sort") or "-date"
        context.update(
            {
                "choices": choices,
                "kinds": EventKind.choices,
                "selected_kinds": self.request.GET.getlist("kind"),
                "selected_project": data.get("project"),
                "cleaned": data,
                "zone_kinds": ZoneKind.choices,
                "sort": {
                    key: {"next": f"-{key}" if current == key else key, "current": current.lstrip("-") == key}
                    for key in ("date", "certificate", "amount")
                },
                "sort_current": current,
            }
        )
        return context


class EventFormView(EditorRequiredMixin, RegistryContextMixin, TemplateView):
    """Add an event to a project's ledger, or correct one, with the investor line-up it sets."""

    template_name = "registry/event_form.html"
    event = None

    def dispatch(self, request, *args, **kwargs):
        if "event_pk" in kwargs:
            self.event = get_object_or_404(LedgerEvent.objects.select_related("project"), pk=kwargs["event_pk"])
            self.project = self.event.project
        else:
            self.project = get_object_or_404(Project, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def initial(self) -> dict:
        if self.event is not None:
            return EventForm.initial_for(self.event)
        has_events = self.project.events.exists()
        return {"kind": EventKind.INCREASE if has_events else EventKind.REGISTRATION, "date": today()}

    def get(self, request, *args, **kwargs):
        form = EventForm(initial=self.initial())
        return self.render_to_response(self.get_context_data(form=form, lineup=lineup_formset(event=self.event)))

    def post(self, request, *args, **kwargs):
        form = EventForm(request.POST, initial=self.initial())
        lineup = lineup_formset(request.POST, event=self.event)
        if form.is_valid() and lineup.is_valid():
            data = form.cleaned_data
            capital_usd, capital_vnd = data.get("capital_usd"), data.get("capital_vnd")
            if data["kind"] == EventKind.SHARE_PURCHASE and capital_usd is None and capital_vnd is None:
                # A change of investors alone leaves the capital as it was.
                capital_usd = capital_vnd = Decimal(0)
            try:
                event = services.record_event(
                    self.project,
                    actor=request.user,
                    kind=data["kind"],
                    date=data["date"],
                    certificate_no=data["certificate_no"],
                    capital_usd=capital_usd,
                    capital_vnd=capital_vnd,
                    lineup=lineup.lineup() or None,
                    note=data.get("note", ""),
                    source="ui",
                    event=self.event,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if self.event is None:
                    messages.success(
                        request, _("Event {number} added to the ledger.").format(number=event.certificate_no)
                    )
                else:
                    messages.success(request, _("Event {number} saved.").format(number=event.certificate_no))
                return redirect("registry:project-detail", pk=self.project.pk)
        return self.render_to_response(self.get_context_data(form=form, lineup=lineup))

    def get_context_data(self, **kwargs):
        return super().get_context_data(project=self.project, event=self.event, **kwargs)


class EventDeleteView(EditorRequiredMixin, RegistryContextMixin, TemplateView):
    template_name = "registry/event_confirm_delete.html"

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(LedgerEvent.objects.select_related("project"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", DeleteEventForm())
        return super().get_context_data(event=self.event, project=self.event.project, **kwargs)

    def post(self, request, *args, **kwargs):
        form = DeleteEventForm(request.POST)
        form.is_valid()
        try:
            services.delete_event(self.event, actor=request.user, source="ui")
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Event {number} deleted.").format(number=self.event.certificate_no))
        return redirect(reverse("registry:project-detail", args=[self.event.project_id]))

"""Tasks and reminders: my tasks, overdue tasks, a task's page and forms, and the calendar
(interactions and tasks as an ICS file)."""

import datetime

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView

from japandesk.core.permissions import EditorRequiredMixin, StaffRequiredMixin
from japandesk.crm import calendar, services
from japandesk.crm.filtersets import TaskFilterSet
from japandesk.crm.forms import TaskForm
from japandesk.crm.models import Interaction, Task
from japandesk.crm.views.base import CrmContextMixin, CrmListView, ServiceFormView, history_of

__all__ = [
    "CalendarView",
    "TaskCompleteView",
    "TaskCreateView",
    "TaskDetailView",
    "TaskListView",
    "TaskReopenView",
    "TaskUpdateView",
]


class TaskListView(CrmListView):
    """Tasks; by default the signed-in officer's open tasks (?mine=1&done=0)."""

    model = Task
    filterset_class = TaskFilterSet
    template_name = "crm/task_list.html"
    context_object_name = "tasks"

    def get(self, request, *args, **kwargs):
        if not request.GET:
            return redirect(f"{request.path}?mine=1&done=0")
        return super().get(request, *args, **kwargs)

    def base_queryset(self):
        return Task.objects.select_related("assignee", "lead", "interaction", "agreement", "decision").order_by(
            "done_at", "due_date", "id"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


class TaskDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = Task
    template_name = "crm/task_detail.html"
    context_object_name = "task"

    def get_queryset(self):
        return Task.objects.select_related("assignee", "lead", "interaction", "agreement", "decision__meeting")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = history_of(self.object)
        context["today"] = timezone.localdate()
        return context


class TaskCreateView(ServiceFormView):
    form_class = TaskForm
    page_title = gettext_lazy("New task")

    def get_initial(self):
        initial = {"assignee": self.request.user.pk, "due_date": timezone.localdate() + datetime.timedelta(days=7)}
        for name in ("lead", "interaction", "agreement"):
            value = self.request.GET.get(name, "")
            if value.isdigit():
                initial[name] = value
        return initial

    def call_service(self, form):
        task = services.create_task(self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Task {name} created.").format(name=task))
        return task


class TaskUpdateView(ServiceFormView):
    form_class = TaskForm
    page_title = gettext_lazy("Edit task")

    def dispatch(self, request, *args, **kwargs):
        self.task = get_object_or_404(Task, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Task.objects.get(pk=self.task.pk)}

    def get_cancel_url(self):
        return self.task.get_absolute_url()

    def call_service(self, form):
        task = services.update_task(self.task, self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Task {name} saved.").format(name=task))
        return task


class TaskCompleteView(EditorRequiredMixin, View):
    def post(self, request, pk):
        task = get_object_or_404(Task, pk=pk)
        services.complete_task(task, request.user, source="ui")
        messages.success(request, _("Task {name} done.").format(name=task))
        return redirect(request.POST.get("next") or task.get_absolute_url())


class TaskReopenView(EditorRequiredMixin, View):
    def post(self, request, pk):
        task = get_object_or_404(Task, pk=pk)
        services.reopen_task(task, request.user, source="ui")
        messages.success(request, _("Task {name} reopened.").format(name=task))
        return redirect(request.POST.get("next") or task.get_absolute_url())


class CalendarView(StaffRequiredMixin, View):
    """Interactions and open tasks as an iCalendar file; ?mine=1 keeps the reader's own ones."""

    def get(self, request):
        interactions = Interaction.objects.all()
        tasks = Task.objects.filter(done_at__isnull=True).select_related("assignee")
        if request.GET.get("mine") in {"1", "true", "on"}:
            interactions = interactions.filter(officers=request.user)
            tasks = tasks.filter(assignee=request.user)
        since = timezone.localdate() - datetime.timedelta(days=365 * 3)
        interactions = interactions.filter(date__gte=since)
        body = calendar.to_ics(interactions, tasks, host=request.get_host())
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="japandesk-crm.ics"'
        return response

"""Committees such as the Japan - Quang Ninh advisory council: members, meetings with their
minutes, decisions and the action items that follow from them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView

from japandesk.core.permissions import StaffRequiredMixin
from japandesk.crm import services
from japandesk.crm.filtersets import CommitteeFilterSet
from japandesk.crm.forms import ActionItemForm, CommitteeForm, EndMembershipForm, MeetingForm, MemberForm
from japandesk.crm.models import Committee, CommitteeMeeting, Decision, Membership
from japandesk.crm.views.base import CrmContextMixin, CrmListView, ServiceFormView, history_of

__all__ = [
    "ActionItemCreateView",
    "CommitteeCreateView",
    "CommitteeDetailView",
    "CommitteeListView",
    "MeetingCreateView",
    "MeetingDetailView",
    "MeetingUpdateView",
    "MemberCreateView",
    "MembershipEndView",
]


class CommitteeListView(CrmListView):
    model = Committee
    filterset_class = CommitteeFilterSet
    template_name = "crm/committee_list.html"
    context_object_name = "committees"


class CommitteeDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = Committee
    template_name = "crm/committee_detail.html"
    context_object_name = "committee"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = self.object
        context["members"] = committee.members.select_related("contact__organisation")
        context["meetings"] = committee.meetings.prefetch_related("decisions__tasks__assignee")
        context["history"] = history_of(committee)
        return context


class CommitteeCreateView(ServiceFormView):
    form_class = CommitteeForm
    page_title = gettext_lazy("New committee")

    def call_service(self, form):
        committee = services.create_committee(self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Committee {name} created.").format(name=committee))
        return committee


class MemberCreateView(ServiceFormView):
    form_class = MemberForm
    page_title = gettext_lazy("Add a member")

    def dispatch(self, request, *args, **kwargs):
        self.committee = get_object_or_404(Committee, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_cancel_url(self):
        return self.committee.get_absolute_url()

    def call_service(self, form):
        services.add_member(self.committee, self.request.user, source="ui", **form.cleaned_data)
        messages.success(self.request, _("Member added."))
        return self.committee


class MembershipEndView(ServiceFormView):
    """A member leaves the committee on a date."""

    form_class = EndMembershipForm
    page_title = gettext_lazy("End a membership")

    def dispatch(self, request, *args, **kwargs):
        self.membership = get_object_or_404(Membership.objects.select_related("committee", "contact"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"until": services.today()}

    def get_cancel_url(self):
        return self.membership.committee.get_absolute_url()

    def call_service(self, form):
        services.end_membership(self.membership, self.request.user, until=form.cleaned_data["until"], source="ui")
        messages.success(self.request, _("Membership of {name} ended.").format(name=self.membership.contact))
        return self.membership.committee


class MeetingDetailView(StaffRequiredMixin, CrmContextMixin, DetailView):
    model = CommitteeMeeting
    template_name = "crm/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return CommitteeMeeting.objects.select_related("committee").prefetch_related(
            "attendees", "decisions__tasks__assignee"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = history_of(self.object)
        return context


class MeetingCreateView(ServiceFormView):
    form_class = MeetingForm
    page_title = gettext_lazy("Record a meeting")

    def dispatch(self, request, *args, **kwargs):
        self.committee = get_object_or_404(Committee, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_cancel_url(self):
        return self.committee.get_absolute_url()

    def call_service(self, form):
        data = dict(form.cleaned_data)
        decisions = [line.strip() for line in data.pop("decisions", "").splitlines() if line.strip()]
        attendees = list(data.pop("attendees", []))
        meeting = services.record_meeting(
            self.committee, self.request.user, attendees=attendees, decisions=decisions, source="ui", **data
        )
        messages.success(self.request, _("Meeting {name} recorded.").format(name=meeting))
        return meeting

    def get_success_url(self, result):
        from django.urls import reverse

        return reverse("crm:meeting-detail", args=[result.pk])


class MeetingUpdateView(ServiceFormView):
    """Correct a meeting's record (date, attendees, minutes) and add the decisions left out."""

    form_class = MeetingForm
    page_title = gettext_lazy("Edit the meeting")

    def dispatch(self, request, *args, **kwargs):
        self.meeting = get_object_or_404(CommitteeMeeting.objects.select_related("committee"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        # The form fills a copy: the service compares the stored record with the new values.
        kwargs["instance"] = CommitteeMeeting.objects.get(pk=self.meeting.pk)
        return kwargs

    def get_cancel_url(self):
        from django.urls import reverse

        return reverse("crm:meeting-detail", args=[self.meeting.pk])

    def call_service(self, form):
        data = dict(form.cleaned_data)
        decisions = [line.strip() for line in data.pop("decisions", "").splitlines() if line.strip()]
        attendees = list(data.pop("attendees", []))
        meeting = services.update_meeting(
            self.meeting, self.request.user, attendees=attendees, decisions=decisions, source="ui", **data
        )
        messages.success(self.request, _("Meeting {name} updated.").format(name=meeting))
        return meeting

    def get_success_url(self, result):
        return self.get_cancel_url()


class ActionItemCreateView(ServiceFormView):
    """An action item (a task) that follows from a decision."""

    form_class = ActionItemForm
    page_title = gettext_lazy("Add an action item")

    def dispatch(self, request, *args, **kwargs):
        self.decision = get_object_or_404(Decision.objects.select_related("meeting"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_cancel_url(self):
        from django.urls import reverse

        return reverse("crm:meeting-detail", args=[self.decision.meeting_id])

    def call_service(self, form):
        return services.create_task(self.request.user, decision=self.decision, source="ui", **form.cleaned_data)

    def get_success_url(self, result):
        return self.get_cancel_url()

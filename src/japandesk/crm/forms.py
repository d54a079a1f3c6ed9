"""Forms of the CRM's pages. They read and check what a person typed; `crm.services` writes."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from japandesk.core.choices import Role
from japandesk.crm.models import (
    Agreement,
    Committee,
    CommitteeMeeting,
    Contact,
    Interaction,
    Lead,
    Organisation,
    Pipeline,
    Stage,
    Task,
)
from japandesk.registry.forms import DateInput, LocalizedDecimalField, StyledForm, StyledModelForm


def officers():
    """People who can own leads and tasks: active desk officers and administrators."""
    User = get_user_model()
    return User.objects.filter(is_active=True).filter(
        Q(role__in=[Role.OFFICER, Role.ADMINISTRATOR]) | Q(is_superuser=True)
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class OrganisationForm(StyledModelForm):
    # A registry can hold a great many investors: the link is typed as the investor's number
    # (shown in the address of its page) rather than chosen from a list.
    investor = forms.ModelChoiceField(
        label=_("Registry investor"),
        queryset=None,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text=_("The investor's number, as in the address of its registry page."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "name_latin",
            "name_kana",
            "kind",
            "country",
            "investor",
            "sector",
            "website",
            "address",
            "phone",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        from japandesk.registry.models import Investor

        super().__init__(*args, **kwargs)
        self.fields["investor"].queryset = Investor.objects.all()


class ContactForm(StyledModelForm):
    class Meta:
        model = Contact
        fields = [
            "organisation",
            "family_name",
            "given_name",
            "family_name_latin",
            "given_name_latin",
            "family_name_kana",
            "given_name_kana",
            "name_order",
            "gender",
            "position",
            "department",
            "languages",
            "email",
            "phone",
            "address",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class LeadForm(StyledModelForm):
    estimated_capital_usd = LocalizedDecimalField(label=_("Estimated capital (USD)"), required=False, min_value=0)
    estimated_land_ha = LocalizedDecimalField(label=_("Estimated land (ha)"), required=False, min_value=0)
    owner = UserChoiceField(label=_("Owner"), queryset=officers(), required=False)

    class Meta:
        model = Lead
        fields = [
            "title",
            "organisation",
            "organisation_name",
            "country",
            "sector",
            "zone",
            "estimated_capital_usd",
            "estimated_land_ha",
            "estimated_jobs",
            "owner",
            "next_step",
            "next_step_due",
            "notes",
        ]
        widgets = {"next_step_due": DateInput, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = officers()


class NewLeadForm(LeadForm):
    pipeline = forms.ModelChoiceField(label=_("Pipeline"), queryset=Pipeline.objects.all(), to_field_name="key")

    class Meta(LeadForm.Meta):
        fields = ["pipeline", *LeadForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pipeline"].widget.attrs["class"] = "form-select"
        self.order_fields(["pipeline", *LeadForm.Meta.fields])


class MoveLeadForm(StyledForm):
    stage = forms.ModelChoiceField(label=_("Move to stage"), queryset=Stage.objects.all())
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, lead=None, **kwargs):
        super().__init__(*args, **kwargs)
        if lead is not None:
            self.fields["stage"].queryset = lead.pipeline.stages.order_by("order")
            self.fields["stage"].initial = lead.stage_id


class ConvertLeadForm(StyledForm):
    project = forms.ModelChoiceField(
        label=_("Registry project code"),
        queryset=None,
        to_field_name="code",
        widget=forms.TextInput,
        error_messages={"invalid_choice": _("No project in the registry has this code.")},
    )

    def __init__(self, *args, **kwargs):
        from japandesk.registry.models import Project

        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.all()


class TaskForm(StyledModelForm):
    assignee = UserChoiceField(label=_("Assignee"), queryset=officers(), required=False)

    class Meta:
        model = Task
        fields = ["title", "due_date", "assignee", "lead", "interaction", "agreement", "notes"]
        widgets = {"due_date": DateInput, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = officers()


class InteractionForm(StyledModelForm):
    officers = UserMultipleChoiceField(label=_("Our participants"), queryset=officers(), required=False)

    class Meta:
        model = Interaction
        fields = [
            "kind",
            "title",
            "date",
            "end_date",
            "location",
            "organisations",
            "contacts",
            "officers",
            "other_participants",
            "delegation_size",
            "zones",
            "lead",
            "notes",
            "outcome",
        ]
        widgets = {
            "date": DateInput,
            "end_date": DateInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "other_participants": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = officers()


class InquiryForm(StyledForm):
    """An inquiry received by phone, e-mail or at an event, entered by an officer."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("inquiry", _("Inquiry")), ("site_visit", _("Site visit request"))]
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    company = forms.CharField(label=_("Company"), max_length=300, required=False)
    country_code = forms.CharField(label=_("Country (ISO code)"), max_length=2, required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("ja", "日本語"), ("en", "English"), ("vi", "Tiếng Việt")]
    )
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))
    received_at = forms.DateTimeField(
        label=_("Received at"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    consent = forms.BooleanField(label=_("The inquirer agreed to be contacted"), required=False)


class AnswerForm(StyledForm):
    message = forms.CharField(label=_("Answer sent"), widget=forms.Textarea(attrs={"rows": 4}))
    sent_at = forms.DateTimeField(
        label=_("Sent at"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class AgreementForm(StyledModelForm):
    class Meta:
        model = Agreement
        fields = ["kind", "title", "parties", "status", "signed_on", "effective_from", "expires_on", "summary", "lead"]
        widgets = {
            "signed_on": DateInput,
            "effective_from": DateInput,
            "expires_on": DateInput,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }


class ObligationForm(StyledForm):
    description = forms.CharField(label=_("Obligation"), max_length=500)
    party = forms.ModelChoiceField(label=_("Party"), queryset=Organisation.objects.all(), required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput)


class CommitteeForm(StyledModelForm):
    class Meta:
        model = Committee
        fields = ["name_en", "name_vi", "name_ja", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MemberForm(StyledForm):
    contact = forms.ModelChoiceField(label=_("Member"), queryset=Contact.objects.all())
    role = forms.ChoiceField(label=_("Role"))
    since = forms.DateField(label=_("Since"), required=False, widget=DateInput)

    def __init__(self, *args, **kwargs):
        from japandesk.crm.choices import MemberRole

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = MemberRole.choices


class EndMembershipForm(StyledForm):
    until = forms.DateField(label=_("Member until"), widget=DateInput)


class MeetingForm(StyledModelForm):
    decisions = forms.CharField(
        label=_("Decisions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One decision a line."),
    )

    class Meta:
        model = CommitteeMeeting
        fields = ["date", "title", "location", "attendees", "minutes"]
        widgets = {"date": DateInput, "minutes": forms.Textarea(attrs={"rows": 5})}


class ActionItemForm(StyledForm):
    title = forms.CharField(label=_("Action item"), max_length=300)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput)
    assignee = UserChoiceField(label=_("Assignee"), queryset=officers(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = officers()


class MergeForm(StyledForm):
    """Pick the record that stays; the one on the page is merged into it."""

    keep = forms.ModelChoiceField(label=_("Merge into"), queryset=None)

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = queryset

"""Forms of the event pages. They only read and check what a person typed; `events.services`
does the writing and enforces the rules."""

import json

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from japandesk.events.choices import LANGUAGES, MeetingOutcome, ParticipantKind, RunKind
from japandesk.events.models import Event, Participant, Slot
from japandesk.events.services import MAX_PRIORITY, MIN_PRIORITY
from japandesk.registry.forms import DateInput, StyledForm, StyledModelForm

ANSWER_MAX_BYTES = 5 * 1024 * 1024
PRIORITY_CHOICES = [(n, str(n)) for n in range(MIN_PRIORITY, MAX_PRIORITY + 1)]


def slot_label(slot: Slot) -> str:
    start = timezone.localtime(slot.start)
    return f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} {start:%H:%M} · {slot.session.name}"


def slot_choices(event: Event):
    return [(slot.pk, slot_label(slot)) for slot in event.slots.select_related("session").order_by("start")]


class EventForm(StyledModelForm):
    class Meta:
        model = Event
        fields = [
            "slug",
            "name_vi",
            "name_en",
            "name_ja",
            "venue",
            "starts_on",
            "ends_on",
            "registration_open",
            "request_expiry_hours",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class SessionForm(StyledForm):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    name = forms.CharField(label=_("Name"), max_length=120)
    start = forms.TimeField(
        label=_("First slot starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    slots = forms.IntegerField(label=_("Number of slots"), min_value=1, max_value=96, initial=8)
    minutes = forms.IntegerField(label=_("Minutes per slot"), min_value=5, max_value=240, initial=20)


class RoomForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=120)
    tables = forms.IntegerField(label=_("Number of tables"), min_value=1, max_value=500, initial=10)


class RulesForm(StyledForm):
    """Who may request whom, and the caps per participant type."""

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = ParticipantKind.choices
        self.fields["rules"] = forms.MultipleChoiceField(
            label=_("Who may request a meeting with whom"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(f"{a}>{b}", f"{la} → {lb}") for a, la in kinds for b, lb in kinds],
            initial=[f"{r.requester_kind}>{r.recipient_kind}" for r in event.rules.all()],
        )
        caps = {c.kind: c for c in event.caps.all()}
        for kind, label in kinds:
            cap = caps.get(kind)
            self.fields[f"meetings_{kind}"] = forms.IntegerField(
                label=_("{kind}: most meetings").format(kind=label),
                min_value=0,
                required=False,
                initial=cap.max_meetings if cap else None,
            )
            self.fields[f"requests_{kind}"] = forms.IntegerField(
                label=_("{kind}: most requests sent").format(kind=label),
                min_value=0,
                required=False,
                initial=cap.max_requests if cap else None,
            )

    def pairs(self):
        return [tuple(item.split(">", 1)) for item in self.cleaned_data["rules"]]


class ParticipantFields(StyledForm):
    kind = forms.ChoiceField(label=_("I register as"), choices=ParticipantKind.choices)
    organisation = forms.CharField(label=_("Organisation"), max_length=300)
    name = forms.CharField(label=_("Contact person"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    country_code = forms.CharField(
        label=_("Country (two-letter ISO code)"),
        max_length=2,
        required=False,
        widget=forms.TextInput(attrs={"size": 3}),
    )
    language = forms.ChoiceField(label=_("Language for e-mails and the agenda"), choices=LANGUAGES)
    profile = forms.CharField(
        label=_("Profile: what your organisation does and offers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    looking_for = forms.CharField(label=_("Looking for"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["available"] = forms.TypedMultipleChoiceField(
            label=_("Slots in which you can meet"),
            choices=slot_choices(event),
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["available"].widget.attrs["class"] = "form-check-input"


class RegistrationForm(ParticipantFields):
    """The public registration form. `website` is a trap for robots: people never see it."""

    consent = forms.BooleanField(
        label=_("I agree that the organisers process my personal data to run this event and its meetings."),
        required=False,
    )
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["available"].initial = [pk for pk, _label in self.fields["available"].choices]
        self.fields["consent"].widget.attrs["class"] = "form-check-input"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})


class ParticipantForm(ParticipantFields):
    """Staff edit a participant; an empty availability means every slot."""

    max_meetings = forms.IntegerField(label=_("Most meetings"), min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].label = _("Participant type")
        self.fields["available"].help_text = _("None ticked: every slot.")


class RequestForm(StyledForm):
    recipient = forms.TypedChoiceField(label=_("Meet with"), coerce=int)
    priority = forms.TypedChoiceField(
        label=_("How much this meeting matters to you"),
        coerce=int,
        choices=PRIORITY_CHOICES,
        initial=1,
        help_text=_("1: would be nice, 5: essential."),
    )
    message = forms.CharField(label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, recipients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [("", "—")] + [
            (p.pk, f"{p.organisation} ({p.get_kind_display()})") for p in recipients
        ]


class StaffRequestForm(RequestForm):
    requester = forms.TypedChoiceField(label=_("Requested by"), coerce=int)
    field_order = ["requester", "recipient", "priority", "message"]

    def __init__(self, *args, event: Event, **kwargs):
        people = list(Participant.objects.filter(event=event).order_by("organisation"))
        super().__init__(*args, recipients=people, **kwargs)
        self.fields["recipient"].label = _("Requested from")
        self.fields["priority"].label = _("Priority")
        self.fields["requester"].choices = [("", "—")] + [
            (p.pk, f"{p.organisation} ({p.get_kind_display()})") for p in people
        ]


class OutcomeForm(StyledForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=MeetingOutcome.choices)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    follow_up_due = forms.DateField(label=_("Follow up by"), required=False, widget=DateInput())


class ScheduleForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("What to do"),
        choices=[(RunKind.SOLVE, RunKind.SOLVE.label), (RunKind.RESCHEDULE, RunKind.RESCHEDULE.label)],
    )
    time_limit = forms.IntegerField(label=_("Time limit (seconds)"), min_value=1, max_value=600, initial=10)


class AnswerUploadForm(StyledForm):
    """An answer in the exchange format, computed elsewhere, to store on the event."""

    file = forms.FileField(label=_("Answer (JSON in the exchange format)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > ANSWER_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith(".json"):
            raise forms.ValidationError(_("The answer must be a .json file."))
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise forms.ValidationError(_("The file is not valid JSON.")) from None


class AvailabilityForm(StyledForm):
    """A participant changes the slots they can attend from their private page."""

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["available"] = forms.TypedMultipleChoiceField(
            label=_("Slots in which you can meet"),
            choices=slot_choices(event),
            coerce=int,
            required=True,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Choose at least one slot in which you can meet.")},
        )


class MeetingForm(StyledForm):
    """A meeting the desk sets up directly, such as a delegation meeting several firms at one table."""

    priority = forms.TypedChoiceField(label=_("Priority"), coerce=int, choices=PRIORITY_CHOICES, initial=1)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"] = forms.TypedMultipleChoiceField(
            label=_("Participants"),
            coerce=int,
            choices=[
                (p.pk, f"{p.organisation} ({p.get_kind_display()})")
                for p in Participant.objects.filter(event=event).order_by("organisation")
            ],
            widget=forms.SelectMultiple(attrs={"size": 8}),
            help_text=_("Two or more; hold Ctrl (⌘ on a Mac) to choose several."),
        )
        self.order_fields(["participants", "priority"])

"""Forms of the matching pages and of the public self-registration. They read and check what a person
typed; `matching.services` does the writing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from japandesk.matching.choices import ContentLanguage, IntroductionStatus, NeedStatus
from japandesk.matching.vocabulary import concept_choices, split_list
from japandesk.registry.forms import DateInput, StyledForm
from japandesk.zones.models import Zone

LANGUAGE_CHOICES = [("", _("Detect from the text")), *ContentLanguage.choices]


class ListField(forms.CharField):
    """A list typed one item a line, or separated by commas or semicolons."""

    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value):
        return split_list(super().to_python(value))

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class ConceptField(forms.MultipleChoiceField):
    """Glossary concepts of one kind, labelled in the reader's language."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, kind: str, **kwargs):
        super().__init__(choices=lambda: concept_choices(kind), required=False, **kwargs)


def _zone_field():
    return forms.ModelChoiceField(label=_("Location (zone)"), queryset=Zone.objects.all(), required=False)


class ProfileFieldsMixin(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200, help_text=_("In the company's own script."))
    name_latin = forms.CharField(label=_("Latin name"), max_length=200, required=False)
    province = forms.CharField(label=_("Province"), max_length=100, required=False)
    language = forms.ChoiceField(label=_("Language of the description"), choices=LANGUAGE_CHOICES, required=False)
    description = forms.CharField(
        label=_("What the company does"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In any language: processes, materials, products, customers."),
    )
    processes = ConceptField("process", label=_("Processes"))
    materials = ConceptField("material", label=_("Materials"))
    product_families = ListField(label=_("Product families"), required=False, help_text=_("One a line."))
    hs_codes = ListField(label=_("HS codes"), required=False, help_text=_("Such as 8708.29, separated by commas."))
    certifications = ListField(
        label=_("Certifications"), required=False, help_text=_("Such as ISO 9001, IATF 16949, separated by commas.")
    )
    equipment = forms.CharField(label=_("Equipment"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    capacity = forms.CharField(label=_("Capacity"), max_length=300, required=False)
    employees = forms.IntegerField(label=_("Employees"), min_value=0, required=False)
    export_experience = forms.CharField(
        label=_("Export experience"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=ContentLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=50, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")


class ProfileForm(ProfileFieldsMixin, StyledForm):
    ref = forms.CharField(label=_("Reference"), max_length=40, required=False, help_text=_("Left empty, one is given."))
    country = forms.CharField(label=_("Country (ISO code)"), max_length=2, initial="VN")
    zone = _zone_field()
    verified = forms.BooleanField(
        label=_("Verified by the desk"),
        required=False,
        initial=True,
        help_text=_("Only verified profiles are proposed to buyers."),
    )

    field_order = ["ref", "name", "name_latin", "country", "province", "zone"]

    def __init__(self, *args, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not creating:
            del self.fields["verified"]


class PublicProfileForm(ProfileFieldsMixin, StyledForm):
    """The supplier's own registration: no reference, no verification, and consent to being listed."""

    zone = _zone_field()
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    brochure = forms.FileField(
        label=_("Brochure (PDF, PNG or JPEG, up to 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the desk shows this profile to buyers and contacts me about it, and confirm the "
            "information is correct."
        ),
        required=True,
    )
    # A field people never see: a robot that fills it in is turned away without a word.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = ["name", "name_latin", "province", "zone"]


class BrochureForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File (PDF, PNG or JPEG, up to 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )


class NeedForm(StyledForm):
    ref = forms.CharField(label=_("Reference"), max_length=40, required=False, help_text=_("Left empty, one is given."))
    buyer = forms.CharField(label=_("Buyer company"), max_length=200)
    buyer_country = forms.CharField(label=_("Buyer's country (ISO code)"), max_length=2, initial="JP")
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language of the description"), choices=LANGUAGE_CHOICES, required=False)
    description = forms.CharField(
        label=_("What the buyer needs"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In any language."),
    )
    processes = ConceptField("process", label=_("Processes"))
    parts = forms.CharField(label=_("Parts"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    volumes = forms.CharField(label=_("Volumes"), max_length=300, required=False)
    hs_codes = ListField(label=_("HS codes"), required=False, help_text=_("Such as 8708.29, separated by commas."))
    required_certifications = ListField(
        label=_("Required certifications"),
        required=False,
        help_text=_("A supplier lacking one of them is never proposed."),
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=NeedStatus.choices, initial=NeedStatus.OPEN)


class IntroduceForm(StyledForm):
    profile = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class OutcomeForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=IntroductionStatus.choices)
    outcome_on = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    outcome_note = forms.CharField(label=_("Outcome note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

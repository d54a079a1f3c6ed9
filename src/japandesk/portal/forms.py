"""The public inquiry form and the staff forms for the portal's content."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from japandesk.core.i18n import current_language
from japandesk.portal.choices import Timing
from japandesk.registry.forms import DateInput, LocalizedDecimalField, StyledForm
from japandesk.registry.models import Country, Sector
from japandesk.zones.models import Zone

MESSAGE_MAX = 5000


class InquiryForm(StyledForm):
    """What an investor tells the desk. `website` is a honeypot: people never see it, robots fill it."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    company = forms.CharField(label=_("Company"), max_length=300, required=False)
    email = forms.EmailField(label=_("E-mail"))
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none(), required=False)
    zone = forms.ModelChoiceField(label=_("Zone of interest"), queryset=Zone.objects.none(), required=False)
    land_ha = LocalizedDecimalField(
        label=_("Land needed (ha)"), required=False, min_value=0, max_digits=12, decimal_places=4
    )
    timing = forms.ChoiceField(label=_("Timing"), choices=[("", "—"), *Timing.choices], required=False)
    message = forms.CharField(label=_("Your message"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 6}))
    language = forms.ChoiceField(label=_("Preferred language for our answer"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_(
            "I agree that the investment promotion agency processes the personal data in this form to answer me, "
            "as Vietnam's Decree 13/2023/ND-CP on personal data protection provides."
        ),
        error_messages={"required": _("Please agree to the processing of your personal data so that we can answer.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, zone=None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("language", current_language())
        if zone is not None:
            kwargs["initial"].setdefault("zone", zone.pk)
        super().__init__(*args, **kwargs)
        countries = sorted(Country.objects.all(), key=lambda c: c.name)
        self.fields["country"].choices = [("", "—"), *((c.code, c.name) for c in countries)]
        self.fields["sector"].queryset = Sector.objects.filter(level__lte=2).order_by("code")
        self.fields["sector"].empty_label = "—"
        self.fields["zone"].empty_label = "—"
        self.fields["sector"].label_from_instance = lambda s: f"{s.code} · {s.name}"
        self.fields["zone"].queryset = Zone.objects.filter(published=True).order_by("kind", "name")
        self.fields["zone"].label_from_instance = lambda z: z.display_name
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        data = super().clean()
        timing = data.get("timing")
        # Kept in the agency's working language, for the officers who read the CRM record.
        with translation.override(settings.LANGUAGE_CODE):
            data["timing_label"] = str(Timing(timing).label) if timing else ""
        return data


class PageForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 14}), required=False)


class NewsForm(StyledForm):
    slug = forms.SlugField(label=_("Address"), max_length=80, help_text=_("Letters, digits and hyphens."))
    published_on = forms.DateField(label=_("Publication date"), widget=DateInput)
    is_published = forms.BooleanField(label=_("Published"), required=False)


class NewsTextForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    summary = forms.CharField(label=_("Summary"), max_length=300, required=False)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}), required=False)

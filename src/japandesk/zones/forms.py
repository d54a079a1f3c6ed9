"""Forms of the zone pages. They read and check what a person typed; the services in
`zones.services` do the writing and the land bank's own checks."""

import json

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from japandesk.registry.forms import DateInput, LocalizedDecimalField, StyledForm, StyledModelForm
from japandesk.registry.models import Sector
from japandesk.zones.choices import ZoneKind
from japandesk.zones.models import Zone

DECIMAL_FIELDS = (
    "total_area_ha",
    "industrial_area_ha",
    "rent_min",
    "rent_max",
    "fee_min",
    "fee_max",
    "power_mw",
    "distance_seaport_km",
    "distance_airport_km",
    "distance_hanoi_km",
    "distance_border_km",
    "latitude",
    "longitude",
)


def sector_choices():
    return Sector.objects.filter(level__lte=2).order_by("code")


class OutlineField(forms.CharField):
    """A GeoJSON geometry typed or pasted as text."""

    widget = forms.Textarea(attrs={"rows": 3, "spellcheck": "false"})

    def prepare_value(self, value):
        if isinstance(value, dict):
            return json.dumps(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            data = json.loads(value)
        except ValueError:
            raise forms.ValidationError(_("The outline is not valid JSON."), code="invalid") from None
        if isinstance(data, dict) and data.get("type") == "Feature":
            data = data.get("geometry")
        return data


class ZoneForm(StyledModelForm):
    outline = OutlineField(label=_("Outline (GeoJSON)"), required=False)

    class Meta:
        model = Zone
        fields = [
            "code",
            "name",
            "name_en",
            "name_ja",
            "kind",
            "parent",
            "status",
            "developer",
            "location",
            "total_area_ha",
            "industrial_area_ha",
            "currency",
            "rent_min",
            "rent_max",
            "rent_basis",
            "fee_min",
            "fee_max",
            "power_mw",
            "water_m3_day",
            "wastewater_m3_day",
            "distance_seaport_km",
            "distance_airport_km",
            "distance_hanoi_km",
            "distance_border_km",
            "target_sectors",
            "japanese_standard",
            "contact_name",
            "contact_phone",
            "contact_email",
            "website",
            "latitude",
            "longitude",
            "outline",
            "published",
        ]
        field_classes = dict.fromkeys(DECIMAL_FIELDS, LocalizedDecimalField)
        widgets = {"target_sectors": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Zone.objects.filter(kind=ZoneKind.ECONOMIC_ZONE)
        self.fields["target_sectors"].queryset = sector_choices()
        self.fields["target_sectors"].label_from_instance = lambda s: f"{s.code} · {s.name}"

    def _post_clean(self):
        # The service validates the model; the form only reads the values.
        pass


class LandFigureForm(StyledForm):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    leasable_ha = LocalizedDecimalField(label=_("Leasable land (ha)"), max_digits=12, decimal_places=2)
    leased_ha = LocalizedDecimalField(label=_("Leased land (ha)"), max_digits=12, decimal_places=2)
    source_note = forms.CharField(label=_("Source"), max_length=200, required=False)
    illustrative = forms.BooleanField(label=_("Illustrative figure"), required=False)


class PlotForm(StyledForm):
    code = forms.CharField(label=_("Plot"), max_length=40)
    area_ha = LocalizedDecimalField(label=_("Area (ha)"), max_digits=10, decimal_places=2)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class HoldForm(StyledForm):
    until = forms.DateField(label=_("Held until"), widget=DateInput)
    lead = forms.TypedChoiceField(label=_("CRM lead"), required=False, coerce=int, empty_value=None)
    prospect = forms.CharField(
        label=_("Prospect"), max_length=200, required=False, help_text=_("When the prospect is not a CRM lead.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from japandesk.zones.crm import lead_model

        model = lead_model()
        if model is None:
            del self.fields["lead"]
        else:
            leads = model.objects.order_by("-id")[:300]
            self.fields["lead"].choices = [("", "—"), *((lead.pk, f"#{lead.pk} {lead.title}") for lead in leads)]


class TranslationForm(StyledForm):
    summary = forms.CharField(label=_("Summary"), max_length=300, required=False)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}), required=False)


class PhotoForm(StyledForm):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP, 5 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class FitForm(StyledForm):
    """The investor's need (a GET form: the URL is the state)."""

    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none(), required=False)
    land_ha = LocalizedDecimalField(label=_("Land needed (ha)"), required=False, min_value=0)
    power_mw = LocalizedDecimalField(label=_("Power needed (MW)"), required=False, min_value=0)
    water_m3_day = forms.IntegerField(label=_("Water needed (m³/day)"), required=False, min_value=0)
    max_seaport_km = LocalizedDecimalField(label=_("Greatest distance to a seaport (km)"), required=False, min_value=0)
    japanese_standard = forms.BooleanField(label=_("Built to Japanese standards"), required=False)
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of zone"),
        choices=ZoneKind.choices,
        required=False,
        initial=[ZoneKind.INDUSTRIAL_PARK, ZoneKind.INDUSTRIAL_CLUSTER],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sector_choices()
        self.fields["sector"].empty_label = "—"
        self.fields["sector"].label_from_instance = lambda s: f"{s.code} · {s.name}"


def language_choices():
    return list(settings.LANGUAGES)

"""Forms of the registry's pages. They only read and check what a person typed; the
service functions in `registry.services` do the writing and the ledger's own checks.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from japandesk.core import formatting
from japandesk.core.i18n import localized
from japandesk.registry.choices import EventKind
from japandesk.registry.models import Country, Investor, LedgerEvent, Project, Sector
from japandesk.zones.choices import ZoneKind
from japandesk.zones.models import Zone

_MACHINE_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


class DateInput(forms.DateInput):
    """The browser's date picker; its value is always ISO 8601 whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class LocalizedDecimalField(forms.DecimalField):
    """A number typed the way the reader's language writes it (1.234,5 in Vietnamese,
    1,234.5 in English and Japanese); plain 1234.5 is understood in every language.
    """

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        text = str(value).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        try:
            return formatting.parse_decimal(text)
        except Exception:  # noqa: BLE001 - Babel raises several kinds of error for text that is not a number
            pass
        if _MACHINE_NUMBER.match(text):
            try:
                return Decimal(text)
            except InvalidOperation:
                pass
        raise ValidationError(self.error_messages["invalid"], code="invalid")

    def prepare_value(self, value):
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return formatting.number(value)
        return value

    def widget_attrs(self, widget):
        # No min/max/step attributes: the text box takes the reader's own number format.
        return {}


def style_fields(form: forms.BaseForm) -> None:
    """Give every widget the Bootstrap class it needs."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple) and not isinstance(
            widget, forms.CheckboxSelectMultiple
        ):
            css = "form-select"
        elif isinstance(widget, forms.CheckboxSelectMultiple):
            css = "form-check-input"
        else:
            css = "form-control"
        widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names when the form has
    that field, otherwise above the form.
    """
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            if field == NON_FIELD_ERRORS:
                target = None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class StyledModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


# Dashboard ------------------------------------------------------------------------------------------


class QuickSelect(forms.Select):
    """A flat select written in one pass: the template-per-option rendering of Django's Select
    costs more than the dashboard's figures once there are hundreds of zones."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v is not None}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, mark_safe(" selected") if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class DashboardForm(StyledForm):
    """The dashboard's date, period and filters (a GET form: the URL is the state)."""

    as_of = forms.DateField(label=_("As of"), required=False, widget=DateInput)
    period_from = forms.DateField(label=_("Period from"), required=False, widget=DateInput)
    origin = forms.ChoiceField(label=_("Origin economy"), required=False, widget=QuickSelect)
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=QuickSelect)
    zone_kind = forms.ChoiceField(label=_("Kind of zone"), required=False, widget=QuickSelect)
    zone = forms.TypedChoiceField(label=_("Zone"), required=False, coerce=int, empty_value=None, widget=QuickSelect)
    in_zones = forms.BooleanField(label=_("Inside industrial parks and economic zones"), required=False)

    def __init__(self, *args, origins=(), sections=(), zones=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", _("All"))
        self.fields["origin"].choices = [everything, *((c.code, c.name) for c in origins)]
        self.fields["sector"].choices = [everything, *((s.code, f"{s.code} · {s.name}") for s in sections)]
        self.fields["zone_kind"].choices = [everything, *ZoneKind.choices]
        self.fields["zone"].choices = [everything, *((z.pk, z.display_name) for z in zones)]
        for name in ("origin", "sector", "zone_kind", "zone"):
            self.fields[name].widget.attrs["class"] += " form-select-sm"

    def clean(self):
        data = super().clean()
        as_of = data.get("as_of")
        period_from = data.get("period_from")
        if as_of and period_from and period_from > as_of:
            self.add_error("period_from", _("The period must start on or before the as-of date."))
        return data


def dashboard_choices(origin_ids=None):
    """What the dashboard's selects offer: origins present in the ledger (`origin_ids` when the
    caller knows them already), VSIC sections, zones."""
    if origin_ids is None:
        origin_ids = LedgerEvent.objects.filter(origin__isnull=False).order_by().values("origin_id").distinct()
    origins = sorted(Country.objects.filter(pk__in=origin_ids), key=lambda c: c.name)
    sections = list(Sector.objects.filter(level=1).order_by("code"))
    zones = list(Zone.objects.all())
    return {"origins": origins, "sections": sections, "zones": zones}


# Projects and investors ----------------------------------------------------------------------------


class ProjectForm(StyledModelForm):
    land_area_ha = LocalizedDecimalField(label=_("land area (ha)"), required=False, min_value=0, decimal_places=4)

    class Meta:
        model = Project
        fields = [
            "code",
            "name",
            "name_latin",
            "sector",
            "zone",
            "location",
            "land_area_ha",
            "planned_jobs",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.order_by("code")
        self.fields["zone"].queryset = Zone.objects.order_by("kind", "name")
        self.fields["zone"].label_from_instance = lambda zone: zone.display_name


class InvestorForm(StyledModelForm):
    class Meta:
        model = Investor
        fields = ["name", "name_latin", "name_kana", "country", "parent", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].label_from_instance = lambda country: f"{country.code} · {localized(country, 'name')}"
        parents = Investor.objects.order_by("name_latin", "name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


# The certificate ledger ----------------------------------------------------------------------------


class EventForm(StyledForm):
    """One certificate or decision. Amounts are magnitudes: a decrease of USD 5 million is 5,000,000."""

    kind = forms.ChoiceField(label=_("Event"), choices=EventKind.choices)
    date = forms.DateField(label=_("Date"), widget=DateInput)
    certificate_no = forms.CharField(label=_("Certificate or decision number"), max_length=60)
    capital_usd = LocalizedDecimalField(
        label=_("Amount (USD)"),
        required=False,
        min_value=0,
        decimal_places=2,
        max_digits=18,
        help_text=_("The size of the change; a decrease is entered as a positive amount. Empty for a termination."),
    )
    capital_vnd = LocalizedDecimalField(
        label=_("Amount (VND)"),
        required=False,
        min_value=0,
        decimal_places=0,
        max_digits=22,
        help_text=_("Leave one currency empty to convert it at the exchange rate of the day."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    @classmethod
    def initial_for(cls, event: LedgerEvent) -> dict:
        return {
            "kind": event.kind,
            "date": event.date,
            "certificate_no": event.certificate_no,
            "capital_usd": abs(event.capital_change_usd) if event.kind != EventKind.TERMINATION else None,
            "capital_vnd": abs(event.capital_change_vnd) if event.kind != EventKind.TERMINATION else None,
            "note": event.note,
        }


# Above this many investors, a line-up row offers a search box and the investors it finds rather
# than every investor of the registry in one select (20,000 of them at national scale).
INVESTOR_SELECT_LIMIT = 300


class InvestorSearchSelect(forms.Select):
    """A select holding only the chosen investor, under a search box that fills it with the
    investors matching what is typed (htmx asks `registry:investor-options`)."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = format_html('<option value="">{}</option>', "---------")
        chosen = Investor.objects.filter(pk=value).first() if str(value or "").isdigit() else None
        if chosen is not None:
            options += format_html('<option value="{}" selected>{}</option>', chosen.pk, chosen)
        search = format_html(
            '<input type="search" name="q" class="form-control form-control-sm mb-1" autocomplete="off" '
            'placeholder="{}" aria-label="{}" hx-get="{}" hx-trigger="input changed delay:300ms, search" '
            'hx-target="next select">',
            _("Type a name to search"),
            _("Search the investors"),
            reverse("registry:investor-options"),
        )
        return search + format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class LineupForm(StyledForm):
    investor = forms.ModelChoiceField(label=_("Investor"), queryset=Investor.objects.none(), required=False)
    share = LocalizedDecimalField(label=_("Share (%)"), required=False, decimal_places=4, max_digits=7)

    def __init__(self, *args, investors=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["investor"]
        field.queryset = Investor.objects.order_by("name_latin", "name")
        if investors is None:
            field.widget = InvestorSearchSelect(attrs=field.widget.attrs)
        else:
            # Every row offers the same investors: read them once for the whole formset.
            field.choices = investors

    def clean(self):
        data = super().clean()
        investor, share = data.get("investor"), data.get("share")
        if (investor is None) != (share is None) and not self.errors:
            raise ValidationError(_("Choose an investor and enter its share, or leave both empty."))
        return data


class BaseLineupFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        investors = None
        if Investor.objects.count() <= INVESTOR_SELECT_LIMIT:
            investors = [("", "---------")] + [
                (investor.pk, str(investor)) for investor in Investor.objects.order_by("name_latin", "name")
            ]
        kwargs.setdefault("form_kwargs", {})["investors"] = investors
        super().__init__(*args, **kwargs)

    def lineup(self) -> list[tuple[Investor, Decimal]]:
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if data.get("investor") is not None and data.get("share") is not None:
                rows.append((data["investor"], data["share"]))
        return rows


def lineup_formset(data=None, event: LedgerEvent | None = None):
    initial = None
    extra = 3
    if event is not None:
        initial = [{"investor": p.investor_id, "share": p.share} for p in event.participations.all()]
        extra = 1 if initial else 3
    formset_class = forms.formset_factory(LineupForm, formset=BaseLineupFormSet, extra=extra, max_num=50)
    return formset_class(data, initial=initial, prefix="lineup")


class DeleteEventForm(forms.Form):
    """The confirmation of a deletion carries no field; it exists to report the service's refusal."""


# Reports --------------------------------------------------------------------------------------------


def _not_future(value: datetime.date) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(_("The date {date} is in the future.").format(date=value.isoformat()))


class DisbursementForm(StyledForm):
    date = forms.DateField(label=_("Report date"), widget=DateInput, validators=[_not_future])
    amount_usd = LocalizedDecimalField(
        label=_("Amount (USD)"), required=False, min_value=0, decimal_places=2, max_digits=18
    )
    amount_vnd = LocalizedDecimalField(
        label=_("Amount (VND)"),
        required=False,
        min_value=0,
        decimal_places=0,
        max_digits=22,
        help_text=_("Leave one currency empty to convert it at the exchange rate of the day."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class JobsForm(StyledForm):
    date = forms.DateField(label=_("Report date"), widget=DateInput, validators=[_not_future])
    jobs = forms.IntegerField(label=_("Jobs"), min_value=0)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

"""Forms of the screening pages. They read and check what a person typed; the services in
`screening.services` apply the rules and write.
"""

import datetime
import json

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from japandesk.registry.forms import DateInput, LocalizedDecimalField, StyledForm
from japandesk.registry.models import Country, Sector
from japandesk.screening.choices import CarbonLevel, Decision, EnvironmentGroup, TechnologyLevel, TrainingLevel
from japandesk.screening.models import CriteriaVersion
from japandesk.zones.models import Zone


class DefinitionField(forms.CharField):
    """A criteria definition written as JSON (see the screening documentation)."""

    widget = forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "class": "font-monospace"})

    def prepare_value(self, value):
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False, indent=2)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                _("The definition is not valid JSON: line {line}, column {column}: {message}.").format(
                    line=error.lineno, column=error.colno, message=error.msg
                )
            ) from error


class CriteriaSetForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    definition = DefinitionField(
        label=_("Definition of the first version"),
        help_text=_("Hard requirements, weighted criteria with their scoring rules, and thresholds, as JSON."),
    )


class VersionForm(StyledForm):
    definition = DefinitionField(label=_("Definition"))
    note = forms.CharField(label=_("What changed"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AppraisalForm(StyledForm):
    version = forms.ModelChoiceField(label=_("Criteria version"), queryset=CriteriaVersion.objects.none())
    title = forms.CharField(label=_("Proposal"), max_length=300)
    investor_name = forms.CharField(label=_("Investor"), max_length=300, required=False)
    origin = forms.ModelChoiceField(label=_("Origin economy"), queryset=Country.objects.all(), required=False)
    sector = forms.ModelChoiceField(label=_("Sector (VSIC)"), queryset=Sector.objects.all())
    zone = forms.ModelChoiceField(
        label=_("Zone"), queryset=Zone.objects.all(), required=False, help_text=_("Leave empty outside any zone.")
    )
    appraised_on = forms.DateField(label=_("Appraised on"), widget=DateInput)
    capital_usd = LocalizedDecimalField(label=_("Investment capital (USD)"), required=False)
    land_ha = LocalizedDecimalField(label=_("Land area (ha)"), required=False)
    jobs = LocalizedDecimalField(label=_("Jobs"), required=False, decimal_places=0)
    budget_usd_per_year = LocalizedDecimalField(label=_("Expected budget contribution (USD a year)"), required=False)
    export_share = LocalizedDecimalField(label=_("Export share (%)"), required=False)
    local_purchase_share = LocalizedDecimalField(label=_("Local purchasing share (%)"), required=False)
    technology_level = forms.ChoiceField(
        label=_("Technology level"), choices=[("", "—"), *TechnologyLevel.choices], required=False
    )
    training = forms.ChoiceField(label=_("Training"), choices=[("", "—"), *TrainingLevel.choices], required=False)
    low_carbon = forms.ChoiceField(
        label=_("Low carbon and energy saving"), choices=[("", "—"), *CarbonLevel.choices], required=False
    )
    environment_group = forms.TypedChoiceField(
        label=_("Environmental group"),
        choices=[("", "—"), *EnvironmentGroup.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    INPUT_FIELDS = (
        "capital_usd",
        "land_ha",
        "jobs",
        "budget_usd_per_year",
        "export_share",
        "local_purchase_share",
        "technology_level",
        "training",
        "low_carbon",
        "environment_group",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = CriteriaVersion.objects.filter(status="published").select_related(
            "criteria_set"
        )
        self.fields["sector"].queryset = Sector.objects.order_by("code")

    def inputs(self) -> dict:
        data = self.cleaned_data
        return {name: (str(data[name]) if data.get(name) not in (None, "") else None) for name in self.INPUT_FIELDS}


class DecisionForm(StyledForm):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)
    note = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CommitmentForm(StyledForm):
    capital_usd = LocalizedDecimalField(label=_("Committed capital (USD)"))
    jobs = forms.IntegerField(label=_("Committed jobs"), min_value=0)
    land_ha = LocalizedDecimalField(label=_("Committed land (ha)"))
    operation_date = forms.DateField(label=_("Committed date of operation"), widget=DateInput)
    certificate_ref = forms.CharField(label=_("Certificate"), max_length=60, required=False)
    milestones = forms.CharField(
        label=_("Capital schedule"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "font-monospace"}),
        help_text=_("One milestone a line: the date (YYYY-MM-DD) and the cumulative capital due by then in USD."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_milestones(self):
        from decimal import Decimal, InvalidOperation

        rows = []
        for number, line in enumerate((self.cleaned_data.get("milestones") or "").splitlines(), 1):
            line = line.strip()
            if not line:
                continue
            parts = line.replace(";", " ").replace("\t", " ").split()
            try:
                due = datetime.date.fromisoformat(parts[0])
                amount = Decimal(parts[1].replace(",", ""))
                if len(parts) != 2:
                    raise ValueError
            except (ValueError, IndexError, InvalidOperation) as error:
                raise forms.ValidationError(
                    _("Line {line}: write a date (YYYY-MM-DD) and an amount in USD.").format(line=number)
                ) from error
            rows.append((due, amount))
        return rows


class ReportForm(StyledForm):
    date = forms.DateField(label=_("Report date"), widget=DateInput)
    realised_capital_usd = LocalizedDecimalField(label=_("Realised capital to date (USD)"))
    jobs = forms.IntegerField(label=_("Jobs"), min_value=0)
    land_in_use_ha = LocalizedDecimalField(label=_("Land in use (ha)"), required=False)
    operating = forms.BooleanField(label=_("Operating"), required=False)
    revenue_usd = LocalizedDecimalField(label=_("Revenue, 12 months (USD)"), required=False)
    taxes_usd = LocalizedDecimalField(label=_("Taxes paid, 12 months (USD)"), required=False)
    exports_usd = LocalizedDecimalField(label=_("Exports, 12 months (USD)"), required=False)
    local_purchases_usd = LocalizedDecimalField(label=_("Local purchases, 12 months (USD)"), required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def report_data(self) -> dict:
        from decimal import Decimal

        data = dict(self.cleaned_data)
        for name in ("revenue_usd", "taxes_usd", "exports_usd", "local_purchases_usd"):
            if data.get(name) is None:
                data[name] = Decimal(0)
        return data


class AsOfForm(StyledForm):
    as_of = forms.DateField(label=_("As of"), required=False, widget=DateInput)

    def as_of_date(self) -> datetime.date:
        if self.is_valid() and self.cleaned_data.get("as_of"):
            return self.cleaned_data["as_of"]
        return timezone.localdate()


class BriefingForm(AsOfForm):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

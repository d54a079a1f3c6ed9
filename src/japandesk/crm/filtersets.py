"""One FilterSet per CRM model, shared by the HTML lists and the API.

Searches fold case, Vietnamese diacritics, Japanese full/half width and hiragana against
katakana (core.text.search_key), so "yamada", "ﾔﾏﾀﾞ" and "やまだ" find the same people.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget

from japandesk.crm.choices import (
    AgreementKind,
    AgreementStatus,
    InquiryKind,
    InquiryStatus,
    InteractionKind,
    OrganisationKind,
    StageKind,
)
from japandesk.crm.models import (
    Agreement,
    Committee,
    Contact,
    Inquiry,
    Interaction,
    Lead,
    Organisation,
    Pipeline,
    Stage,
    Task,
)
from japandesk.crm.queries import search_filter
from japandesk.zones.models import Zone


class FlagWidget(BooleanWidget):
    """Reads a yes/no flag written as true/false, 1/0 or a checkbox's "on"."""

    def value_from_datadict(self, data, files, name):
        value = str(data.get(name, "")).lower()
        if value in {"on", "1", "yes"}:
            return True
        if value in {"0", "no"}:
            return False
        return super().value_from_datadict(data, files, name)


def _q(queryset, name, value):
    return search_filter(queryset, value, name)


def _staff(request=None):
    return get_user_model().objects.filter(is_active=True)


class OrganisationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="search_text", method=_q)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganisationKind.choices)
    country = django_filters.CharFilter(label=_("Country (ISO code)"), field_name="country__code", lookup_expr="iexact")
    investor = django_filters.BooleanFilter(
        label=_("Linked to a registry investor"),
        field_name="investor",
        lookup_expr="isnull",
        exclude=True,
        widget=FlagWidget,
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "country", "investor"]


class ContactFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="search_text", method=_q)
    organisation = django_filters.ModelChoiceFilter(label=_("Organisation"), queryset=Organisation.objects.all())
    language = django_filters.CharFilter(
        label=_("Speaks (language code)"), field_name="languages", lookup_expr="icontains"
    )

    class Meta:
        model = Contact
        fields = ["q", "organisation", "language"]


class LeadFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="search_text", method=_q)
    pipeline = django_filters.ModelChoiceFilter(
        label=_("Pipeline"), queryset=Pipeline.objects.all(), to_field_name="key"
    )
    stage = django_filters.ModelChoiceFilter(label=_("Stage"), queryset=Stage.objects.all())
    stage_kind = django_filters.ChoiceFilter(
        label=_("Open, won or lost"), choices=StageKind.choices, field_name="stage__kind"
    )
    owner = django_filters.ModelChoiceFilter(label=_("Owner"), queryset=_staff)
    organisation = django_filters.ModelChoiceFilter(label=_("Organisation"), queryset=Organisation.objects.all())
    converted = django_filters.BooleanFilter(
        label=_("Converted to a registry project"),
        field_name="project",
        lookup_expr="isnull",
        exclude=True,
        widget=FlagWidget,
    )
    overdue = django_filters.BooleanFilter(label=_("Next step overdue"), method="filter_overdue", widget=FlagWidget)

    class Meta:
        model = Lead
        fields = ["q", "pipeline", "stage", "stage_kind", "owner", "organisation", "converted", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.filter(next_step_due__lt=timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class InteractionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="search_text", method=_q)
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=InteractionKind.choices)
    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("To"), field_name="date", lookup_expr="lte")
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.all(), field_name="organisations"
    )
    contact = django_filters.ModelChoiceFilter(
        label=_("Contact"), queryset=Contact.objects.all(), field_name="contacts"
    )
    zone = django_filters.ModelChoiceFilter(label=_("Zone seen"), queryset=Zone.objects.all(), field_name="zones")
    lead = django_filters.ModelChoiceFilter(label=_("Lead"), queryset=Lead.objects.all())

    class Meta:
        model = Interaction
        fields = ["q", "kind", "date_from", "date_to", "organisation", "contact", "zone", "lead"]

    @property
    def qs(self):
        return super().qs.distinct()


class TaskFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="title", lookup_expr="icontains")
    assignee = django_filters.ModelChoiceFilter(label=_("Assignee"), queryset=_staff)
    mine = django_filters.BooleanFilter(label=_("My tasks"), method="filter_mine", widget=FlagWidget)
    done = django_filters.BooleanFilter(
        label=_("Done"), field_name="done_at", lookup_expr="isnull", exclude=True, widget=FlagWidget
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue", widget=FlagWidget)
    due_before = django_filters.DateFilter(label=_("Due on or before"), field_name="due_date", lookup_expr="lte")
    lead = django_filters.ModelChoiceFilter(label=_("Lead"), queryset=Lead.objects.all())

    class Meta:
        model = Task
        fields = ["q", "assignee", "mine", "done", "overdue", "due_before", "lead"]

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if value and user is not None and user.is_authenticated:
            return queryset.filter(assignee=user)
        return queryset

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.filter(done_at__isnull=True, due_date__lt=timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class InquiryFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=InquiryStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=InquiryKind.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=[("vi", "vi"), ("ja", "ja"), ("en", "en")])
    unanswered = django_filters.BooleanFilter(
        label=_("Not answered yet"), field_name="first_response_at", lookup_expr="isnull", widget=FlagWidget
    )
    received_from = django_filters.DateFilter(
        label=_("Received from"), field_name="received_at", lookup_expr="date__gte"
    )
    received_to = django_filters.DateFilter(
        label=_("Received until"), field_name="received_at", lookup_expr="date__lte"
    )

    class Meta:
        model = Inquiry
        fields = ["status", "kind", "language", "unanswered", "received_from", "received_to"]


class AgreementFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="title", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=AgreementKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=AgreementStatus.choices)
    party = django_filters.ModelChoiceFilter(
        label=_("Party"), queryset=Organisation.objects.all(), field_name="parties"
    )
    expires_before = django_filters.DateFilter(
        label=_("Expires on or before"), field_name="expires_on", lookup_expr="lte"
    )

    class Meta:
        model = Agreement
        fields = ["q", "kind", "status", "party", "expires_before"]

    @property
    def qs(self):
        return super().qs.distinct()


class CommitteeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")

    class Meta:
        model = Committee
        fields = ["q"]

    def filter_q(self, queryset, name, value):
        from django.db.models import Q

        return queryset.filter(Q(name_en__icontains=value) | Q(name_vi__icontains=value) | Q(name_ja__icontains=value))

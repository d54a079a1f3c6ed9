"""One FilterSet per events model, shared by the HTML lists and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_filters.widgets import BooleanWidget

from japandesk.core.text import search_key
from japandesk.events.choices import MeetingOutcome, ParticipantKind, RequestStatus
from japandesk.events.models import Event, Meeting, MeetingRequest, Participant


def _search(queryset, name, value):
    key = search_key(value)
    query = Q()
    for word in key.split():
        query &= Q(**{f"{name}__contains": word})
    return queryset.filter(query)


class EventFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    year = django_filters.NumberFilter(label=_("Year"), field_name="starts_on", lookup_expr="year")

    class Meta:
        model = Event
        fields = ["q", "year", "registration_open"]

    def search(self, queryset, name, value):
        query = Q()
        for word in value.split():
            query &= (
                Q(name_vi__icontains=word)
                | Q(name_en__icontains=word)
                | Q(name_ja__icontains=word)
                | Q(slug__icontains=word)
            )
        return queryset.filter(query)


class ParticipantFilterSet(django_filters.FilterSet):
    event = django_filters.NumberFilter(label=pgettext_lazy("conference", "Event"), field_name="event")
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Participant type"), choices=ParticipantKind.choices)
    arrived = django_filters.BooleanFilter(label=_("Arrived"), method="filter_arrived", widget=BooleanWidget)

    class Meta:
        model = Participant
        fields = ["event", "q", "kind", "language", "arrived"]

    def search(self, queryset, name, value):
        return _search(queryset, "search_text", value)

    def filter_arrived(self, queryset, name, value):
        return queryset.filter(arrived_at__isnull=not value)


class MeetingRequestFilterSet(django_filters.FilterSet):
    event = django_filters.NumberFilter(label=pgettext_lazy("conference", "Event"), field_name="event")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RequestStatus.choices)
    participant = django_filters.NumberFilter(label=_("Participant"), method="filter_participant")

    class Meta:
        model = MeetingRequest
        fields = ["event", "status", "participant"]

    def filter_participant(self, queryset, name, value):
        return queryset.filter(Q(requester=value) | Q(recipient=value))


class MeetingFilterSet(django_filters.FilterSet):
    event = django_filters.NumberFilter(label=pgettext_lazy("conference", "Event"), field_name="event")
    participant = django_filters.NumberFilter(label=_("Participant"), field_name="participants")
    scheduled = django_filters.BooleanFilter(label=_("Scheduled"), method="filter_scheduled", widget=BooleanWidget)
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=MeetingOutcome.choices)
    pinned = django_filters.BooleanFilter(label=_("Pinned"), widget=BooleanWidget)

    class Meta:
        model = Meeting
        fields = ["event", "participant", "scheduled", "outcome", "pinned"]

    def filter_scheduled(self, queryset, name, value):
        return queryset.filter(slot__isnull=not value)

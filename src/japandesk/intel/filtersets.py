"""One FilterSet per model, shared by the news feed and the API."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from japandesk.core.text import search_key
from japandesk.intel.choices import FactKind, ReviewStatus
from japandesk.intel.models import Article, Fact, Mention, Story
from japandesk.registry.filtersets import FlagWidget

LANGUAGE_CHOICES = [
    ("vi", "Tiếng Việt"), ("en", "English"), ("ja", "日本語"), ("zh", "中文"), ("ko", "한국어"), ("de", "Deutsch"),
    ("fr", "Français"), ("id", "Bahasa Indonesia"), ("th", "ไทย"), ("ur", "اردو"),
]  # fmt: skip


class ArticleFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, label=_("Language"))
    story = django_filters.NumberFilter(field_name="story", label=_("Story"))
    published_from = django_filters.DateFilter(field_name="published_on", lookup_expr="gte", label=_("Published from"))
    published_to = django_filters.DateFilter(field_name="published_on", lookup_expr="lte", label=_("Published until"))
    discrepancies = django_filters.BooleanFilter(
        method="filter_discrepancies", widget=FlagWidget, label=_("Has discrepancies")
    )
    zone = django_filters.NumberFilter(method="filter_zone", label=_("Names zone"))
    investor = django_filters.NumberFilter(method="filter_investor", label=_("Names investor"))
    review = django_filters.ChoiceFilter(
        choices=ReviewStatus.choices, method="filter_review", label=_("Has facts in review status")
    )

    class Meta:
        model = Article
        fields = ["q", "language", "story", "published_from", "published_to", "discrepancies", "zone", "investor",
                  "review"]  # fmt: skip

    def filter_q(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(Q(title__icontains=word) | Q(text__icontains=word) | Q(source__icontains=word))
        return queryset

    def filter_discrepancies(self, queryset, name, value):
        flagged = Exists(Fact.objects.filter(article=OuterRef("pk"), discrepancy=True))
        if value is None:
            return queryset
        return queryset.filter(flagged if value else ~flagged)

    def filter_zone(self, queryset, name, value):
        return queryset.filter(Exists(Mention.objects.filter(article=OuterRef("pk"), zone=value)))

    def filter_investor(self, queryset, name, value):
        return queryset.filter(Exists(Mention.objects.filter(article=OuterRef("pk"), investor=value)))

    def filter_review(self, queryset, name, value):
        return queryset.filter(Exists(Fact.objects.filter(article=OuterRef("pk"), status=value)))


class FactFilterSet(django_filters.FilterSet):
    article = django_filters.NumberFilter(field_name="article", label=_("Article"))
    kind = django_filters.ChoiceFilter(choices=FactKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=ReviewStatus.choices, label=_("Review"))
    discrepancy = django_filters.BooleanFilter(field_name="discrepancy", widget=FlagWidget, label=_("Disagrees"))
    language = django_filters.ChoiceFilter(
        field_name="article__language", choices=LANGUAGE_CHOICES, label=_("Language")
    )

    class Meta:
        model = Fact
        fields = ["article", "kind", "status", "discrepancy", "language"]


class StoryFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    published_from = django_filters.DateFilter(
        field_name="first_published_on", lookup_expr="gte", label=_("Published from")
    )
    published_to = django_filters.DateFilter(
        field_name="first_published_on", lookup_expr="lte", label=_("Published until")
    )

    class Meta:
        model = Story
        fields = ["q", "published_from", "published_to"]

    def filter_q(self, queryset, name, value):
        key = search_key(value)
        for word in value.split() if key else []:
            queryset = queryset.filter(Q(title__icontains=word) | Q(articles__title__icontains=word))
        return queryset.distinct()

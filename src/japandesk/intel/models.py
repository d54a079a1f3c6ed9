from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from japandesk.core.models import TimeStampedModel
from japandesk.intel.choices import FactKind, IngestedVia, MentionKind, ReviewStatus, Scope


class Story(TimeStampedModel):
    """A piece of news as the desk follows it: the articles, in any language, that tell it.

    Stories are formed by the clustering of articles; a new article joins the story whose
    articles share its figures, names and places.
    """

    title = models.CharField(_("title"), max_length=300)
    first_published_on = models.DateField(_("first published"), null=True, blank=True)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-first_published_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("intel:story-detail", args=[self.pk])


class Article(TimeStampedModel):
    """A news article read by the desk: where it came from, when it was published, its language
    and its cleaned text (every fact's offsets point into `text`).

    The same text is stored once: `content_hash` identifies it whatever its whitespace.
    """

    title = models.CharField(_("title"), max_length=300)
    source = models.CharField(_("source"), max_length=200, blank=True, help_text=_("Newspaper, agency or website."))
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    text = models.TextField(_("text"))
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    ingested_via = models.CharField(_("received as"), max_length=10, choices=IngestedVia.choices)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story = models.ForeignKey(
        Story, verbose_name=_("story"), null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    signals = models.JSONField(default=list, blank=True, editable=False)
    analysed_at = models.DateTimeField(_("analysed"), null=True, blank=True)
    lead_url = models.CharField(_("lead"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["published_on", "id"]), models.Index(fields=["language"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("intel:article-detail", args=[self.pk])

    @property
    def reference_date(self):
        """The date the article's figures are read on: its publication date, else the day it came in."""
        return self.published_on or self.created_at.date()


class Fact(TimeStampedModel):
    """A figure stated in an article (money, a count, a percentage or a date), where it stands
    in the text, and what a desk officer decided about it.

    When the figure speaks of an origin economy's projects or capital in the province, the
    registry's figure for the article's date is kept beside it and `discrepancy` says whether
    the two disagree beyond the article's rounding.
    """

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(_("kind"), max_length=10, choices=FactKind.choices)
    value = models.DecimalField(_("value"), max_digits=30, decimal_places=6, null=True, blank=True)
    date_value = models.CharField(_("date"), max_length=10, blank=True, help_text=_("YYYY-MM-DD or YYYY-MM."))
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    text = models.CharField(_("words"), max_length=300)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    status = models.CharField(_("review"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    corrected_value = models.DecimalField(_("corrected value"), max_digits=30, decimal_places=6, null=True, blank=True)
    corrected_date = models.CharField(_("corrected date"), max_length=10, blank=True)
    review_note = models.CharField(_("note"), max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # Comparison with the registry (empty when the figure is not about the registry's data).
    origin = models.ForeignKey(
        "registry.Country",
        verbose_name=_("origin economy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, blank=True)
    scope_zone = models.ForeignKey(
        "zones.Zone", verbose_name=_("zone"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registry_value = models.DecimalField(_("registry figure"), max_digits=30, decimal_places=6, null=True, blank=True)
    registry_as_of = models.DateField(_("registry as of"), null=True, blank=True)
    discrepancy = models.BooleanField(_("disagrees with the registry"), default=False)

    class Meta:
        verbose_name = _("fact")
        verbose_name_plural = _("facts")
        ordering = ["article", "start", "id"]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["discrepancy", "article"])]
        constraints = [models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="intel_fact_span")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"

    @property
    def compared(self) -> bool:
        return self.registry_value is not None

    @property
    def current_value(self):
        """The value as the desk holds it: the corrected one once corrected."""
        if self.kind == FactKind.DATE:
            return self.corrected_date or self.date_value
        return self.corrected_value if self.corrected_value is not None else self.value


class Mention(TimeStampedModel):
    """An investor, zone, place, organisation or origin economy named in an article, linked to
    its registry or CRM record where there is one."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="mentions")
    kind = models.CharField(_("kind"), max_length=12, choices=MentionKind.choices)
    key = models.CharField(_("key"), max_length=100, help_text=_("Gazetteer or registry identifier."))
    name = models.CharField(_("name"), max_length=300)
    text = models.CharField(_("words"), max_length=300)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    investor = models.ForeignKey(
        "registry.Investor",
        verbose_name=_("investor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_mentions",
    )
    zone = models.ForeignKey(
        "zones.Zone",
        verbose_name=_("zone"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_mentions",
    )
    country = models.ForeignKey(
        "registry.Country",
        verbose_name=_("origin economy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_mentions",
    )

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["article", "start", "id"]

    def __str__(self) -> str:
        return self.name

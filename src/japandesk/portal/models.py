from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from japandesk.core.i18n import current_language
from japandesk.core.models import TimeStampedModel
from japandesk.portal.choices import PageKey


class PageTranslation(TimeStampedModel):
    """The text of one of the portal's content pages (incentives, procedures, …) in one language,
    written by desk officers. A page with no row in the reader's language falls back to English,
    then Vietnamese."""

    key = models.CharField(_("page"), max_length=20, choices=PageKey.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Plain text; an empty line starts a new paragraph."))

    class Meta:
        verbose_name = _("page text")
        verbose_name_plural = _("page texts")
        ordering = ["key", "language"]
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="portal_page_unique_key_language")]

    def __str__(self) -> str:
        return f"{self.get_key_display()} ({self.language})"


class NewsPost(TimeStampedModel):
    """A news item staff publish on the portal; its title and text are rows per language."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    published_on = models.DateField(_("publication date"))
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        translation = self.translation()
        return translation.title if translation else self.slug

    def translation(self, language: str | None = None):
        """The post's text in `language` (the reader's by default), else English, else Vietnamese."""
        rows = {t.language: t for t in self.translations.all()}
        for code in (language or current_language(), "en", "vi", "ja"):
            if code in rows:
                return rows[code]
        return None

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("portal:news-detail", args=[self.slug])


class NewsTranslation(TimeStampedModel):
    post = models.ForeignKey(
        NewsPost, verbose_name=_("news post"), on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("news text")
        verbose_name_plural = _("news texts")
        ordering = ["post", "language"]
        constraints = [
            models.UniqueConstraint(fields=["post", "language"], name="portal_newstranslation_unique_post_language")
        ]

    def __str__(self) -> str:
        return self.title

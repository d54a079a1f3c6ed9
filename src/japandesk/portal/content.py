"""Reading the portal's content in the reader's language (with fallbacks)."""

from japandesk.core.i18n import current_language
from japandesk.portal.models import NewsPost, PageTranslation

FALLBACKS = ("en", "vi", "ja")


def page(key: str) -> PageTranslation | None:
    """A page's text in the reader's language, else English, Vietnamese, Japanese."""
    rows = {row.language: row for row in PageTranslation.objects.filter(key=key)}
    for language in (current_language(), *FALLBACKS):
        if language in rows:
            return rows[language]
    return None


def published_news():
    return NewsPost.objects.filter(is_published=True).prefetch_related("translations")


def paragraphs(text: str) -> list[list[str]]:
    """Plain text as paragraphs (split on empty lines), each a list of its lines."""
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n")]
    return [block.splitlines() for block in blocks if block]

"""Write logic of the portal's content: page texts and news, per language. Each change is
audited and refreshes the cached public pages once committed."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.portal.cache import invalidate
from japandesk.portal.choices import PageKey
from japandesk.portal.models import NewsPost, NewsTranslation, PageTranslation


def _check_language(language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("The language {code} is not offered.").format(code=language)})


@transaction.atomic
def save_page(*, key: str, language: str, title: str, body: str, actor, source: str = "ui") -> PageTranslation | None:
    """Write a page's text in one language; an empty title and text remove that language's version."""
    if key not in PageKey.values:
        raise ValidationError({"key": _("There is no page {key}.").format(key=key)})
    _check_language(language)
    title, body = (title or "").strip(), (body or "").strip()
    row = PageTranslation.objects.filter(key=key, language=language).first()
    before = audit.snapshot(row) if row else None
    if not title and not body:
        if row is not None:
            audit.record(actor, row, AuditAction.DELETE, before, None, source)
            row.delete()
            transaction.on_commit(invalidate)
        return None
    errors = {}
    if not title:
        errors["title"] = _("Give the page a title.")
    if not body:
        errors["body"] = _("Write the page's text.")
    if errors:
        raise ValidationError(errors)
    row = row or PageTranslation(key=key, language=language)
    row.title, row.body = title, body
    row.full_clean(validate_constraints=False)
    row.save()
    audit.record(actor, row, AuditAction.UPDATE if before else AuditAction.CREATE, before, audit.snapshot(row), source)
    transaction.on_commit(invalidate)
    return row


@transaction.atomic
def save_news(
    post: NewsPost | None,
    *,
    slug: str = "",
    published_on: datetime.date,
    is_published: bool,
    actor,
    source: str = "ui",
) -> NewsPost:
    creating = post is None
    post = post or NewsPost()
    before = None if creating else audit.snapshot(post)
    post.slug = slugify(slug or "") or post.slug
    if not post.slug:
        raise ValidationError({"slug": _("Give the post an address (letters, digits and hyphens).")})
    if NewsPost.objects.filter(slug=post.slug).exclude(pk=post.pk).exists():
        raise ValidationError({"slug": _("Another post already has the address {slug}.").format(slug=post.slug)})
    post.published_on, post.is_published = published_on, is_published
    post.full_clean()
    post.save()
    action = AuditAction.CREATE if creating else AuditAction.UPDATE
    audit.record(actor, post, action, before, audit.snapshot(post), source)
    transaction.on_commit(invalidate)
    return post


@transaction.atomic
def save_news_text(
    post: NewsPost, *, language: str, title: str, summary: str = "", body: str, actor, source: str = "ui"
) -> NewsTranslation | None:
    _check_language(language)
    title, summary, body = (title or "").strip(), (summary or "").strip(), (body or "").strip()
    row = NewsTranslation.objects.filter(post=post, language=language).first()
    before = audit.snapshot(row) if row else None
    if not title and not body:
        if row is not None:
            audit.record(actor, row, AuditAction.DELETE, before, None, source)
            row.delete()
            transaction.on_commit(invalidate)
        return None
    errors = {}
    if not title:
        errors["title"] = _("Give the post a title.")
    if not body:
        errors["body"] = _("Write the post's text.")
    if errors:
        raise ValidationError(errors)
    row = row or NewsTranslation(post=post, language=language)
    row.title, row.summary, row.body = title, summary, body
    row.full_clean(validate_constraints=False)
    row.save()
    audit.record(actor, row, AuditAction.UPDATE if before else AuditAction.CREATE, before, audit.snapshot(row), source)
    transaction.on_commit(invalidate)
    return row

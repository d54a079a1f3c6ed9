"""Write logic of the news intelligence: ingestion, analysis, stories, fact review and leads.

Pages, the API, the `intel ingest` command and the background tasks all call these
functions. Ingestion stores each article once (the same text, or the same URL, comes back
as the stored article and changes nothing) and queues its analysis: facts, names linked to
the registry, the comparison with the registry, and the stories.
"""

import datetime
import hashlib
import logging
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import feedparser
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core import audit, fx
from japandesk.core.choices import AuditAction
from japandesk.core.permissions import can_edit
from japandesk.intel import discrepancies, linking
from japandesk.intel.choices import FactKind, IngestedVia, MentionKind, ReviewStatus
from japandesk.intel.extraction import analyse, clean_text, html_to_text
from japandesk.intel.extraction.cleaning import HTML_SUFFIXES, looks_like_html
from japandesk.intel.extraction.clustering import cluster, signals
from japandesk.intel.extraction.language import detect_language
from japandesk.intel.models import Article, Fact, Mention, Story

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", *HTML_SUFFIXES}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
MAX_UPLOAD_BYTES = getattr(settings, "JAPANDESK_NEWS_MAX_BYTES", 2 * 1024 * 1024)
MAX_TEXT_CHARS = 200_000
LANGUAGES = ("vi", "en", "ja", "zh", "ko", "de", "fr", "id", "th", "ur")


@dataclass
class Ingested:
    article: Article
    created: bool


def content_hash(text: str) -> str:
    """The identity of an article's text, whatever its whitespace."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _title_of(text: str) -> str:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first[:297] + "…" if len(first) > 300 else first


def _check_editor(user) -> None:
    if user is not None and not can_edit(user):
        raise PermissionDenied


def _validate(text: str, url: str, published_on, language: str) -> None:
    errors = {}
    if not text:
        errors["text"] = _("The article has no text.")
    elif len(text) > MAX_TEXT_CHARS:
        errors["text"] = _("The article is longer than {count} characters.").format(count=MAX_TEXT_CHARS)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["url"] = _("“{url}” is not a web address (http or https).").format(url=url)
    if published_on and published_on > timezone.localdate() + datetime.timedelta(days=1):
        errors["published_on"] = _("The publication date {date} is in the future.").format(date=published_on)
    if language and language not in LANGUAGES:
        errors["language"] = _("“{language}” is not a language the desk reads.").format(language=language)
    if errors:
        raise ValidationError(errors)


def ingest_text(
    user,
    *,
    text: str,
    title: str = "",
    source: str = "",
    url: str = "",
    published_on: datetime.date | None = None,
    language: str = "",
    via: str = IngestedVia.PASTE,
    audit_source: str = "ui",
    analyse_now: bool = True,
) -> Ingested:
    """Store one article (already plain text or HTML) unless it is stored already."""
    _check_editor(user)
    if looks_like_html(text or ""):
        text = html_to_text(text)
    text = clean_text(text or "")
    url, title, source, language = url.strip(), title.strip(), source.strip(), (language or "").strip().lower()
    _validate(text, url, published_on, language)
    digest = content_hash(text)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is None and url:
        existing = Article.objects.filter(url=url).order_by("id").first()
    if existing is not None:
        return Ingested(existing, False)
    try:
        with transaction.atomic():
            article = _create_article(user, text, digest, title, source, url, published_on, language, via, audit_source)
            if analyse_now:
                queue_analysis([article.pk])
    except IntegrityError:
        # Stored meanwhile by another request: that article is the one.
        return Ingested(Article.objects.get(content_hash=digest), False)
    return Ingested(article, True)


def _create_article(user, text, digest, title, source, url, published_on, language, via, audit_source) -> Article:
    article = Article.objects.create(
        title=(title or _title_of(text))[:300],
        source=source[:200],
        url=url,
        published_on=published_on,
        language=language or detect_language(text),
        text=text,
        content_hash=digest,
        ingested_via=via,
        ingested_by=user if getattr(user, "pk", None) else None,
    )
    audit.record(user, article, AuditAction.CREATE, after=audit.snapshot(article, exclude=_NOT_AUDITED),
                 source=audit_source)  # fmt: skip
    return article


_NOT_AUDITED = ("created_at", "updated_at", "text", "signals", "content_hash")


def queue_analysis(article_ids: list[int]) -> None:
    """Queue the analysis of new articles and the update of the stories.

    The task is queued in the ingestion's transaction: the database backend stores it with the
    articles, so a worker never sees a task whose articles are not committed."""
    from japandesk.intel.tasks import analyse_articles

    if article_ids:
        result = analyse_articles.enqueue(article_ids)
        if getattr(result, "errors", None):
            logger.error("news analysis failed: %s", result.errors[-1].traceback)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise ValidationError(_("“{file}” is not a text file.").format(file=name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("“{file}” is not UTF-8 text.").format(file=name)) from None


def _is_feed(suffix: str, text: str) -> bool:
    if suffix in FEED_SUFFIXES:
        return True
    head = text[:1000].lstrip().lower()
    return head.startswith("<?xml") and ("<rss" in text[:3000].lower() or "<feed" in text[:3000].lower())


def ingest_bytes(
    user, data: bytes, name: str, *, source: str = "", via: str, audit_source: str = "ui"
) -> list[Ingested]:
    """A file's articles: one for a .txt, .md or .html file, one per entry for an RSS or Atom file."""
    _check_editor(user)
    suffix = Path(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | FEED_SUFFIXES:
        raise ValidationError(
            _("“{file}” is not a news file: use .txt, .md, .html, or an RSS/Atom file (.xml, .rss, .atom).").format(
                file=name
            )
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("“{file}” is larger than {size} MB.").format(file=name, size=MAX_UPLOAD_BYTES // (1024 * 1024))
        )
    text = _decode(data, name)
    if _is_feed(suffix, text):
        return ingest_feed(user, data, name=name, source=source, audit_source=audit_source)
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
    return [ingest_text(user, text=text, source=source, via=via, audit_source=audit_source)]


def _web_address(url: str) -> str:
    """An entry's link when it is a web address; feeds carry other kinds too (tag:, javascript:)."""
    try:
        URLValidator(schemes=["http", "https"])(url.strip())
    except ValidationError:
        return ""
    return url.strip()


def _entry_date(entry) -> datetime.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def ingest_feed(user, data: bytes, *, name: str = "", source: str = "", audit_source: str = "ui") -> list[Ingested]:
    """The entries of an RSS or Atom document (read from the bytes given, never from the network):
    each entry's content, or else its summary, becomes an article."""
    _check_editor(user)
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=False)
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        raise ValidationError(_("“{file}” is not an RSS or Atom feed.").format(file=name or "feed"))
    feed_title = source or parsed.feed.get("title", "")
    results, new_ids = [], []
    with transaction.atomic():
        for number, entry in enumerate(parsed.entries, start=1):
            body = entry.content[0].get("value", "") if entry.get("content") else entry.get("summary", "")
            text = html_to_text(body) if "<" in body else clean_text(body)
            title = clean_text(entry.get("title", ""))
            if title and not text.startswith(title):
                text = f"{title}\n\n{text}" if text else title
            if not text:
                continue
            try:
                ingested = ingest_text(
                    user,
                    text=text,
                    title=title,
                    source=feed_title,
                    url=_web_address(entry.get("link", "") or ""),
                    published_on=_entry_date(entry),
                    via=IngestedVia.FEED,
                    audit_source=audit_source,
                    analyse_now=False,
                )
            except ValidationError as error:
                raise ValidationError(
                    _("Entry {number} of “{file}”: {reason}").format(
                        number=number, file=name or feed_title, reason=" ".join(error.messages)
                    )
                ) from None
            results.append(ingested)
            if ingested.created:
                new_ids.append(ingested.article.pk)
        queue_analysis(new_ids)
    if not results:
        raise ValidationError(_("“{file}” has no entries with text.").format(file=name or feed_title))
    return results


def ingest_path(user, path: str | Path, *, source: str = "", audit_source: str = "command") -> list[Ingested]:
    """A file, or every news file in a folder and its subfolders (in name order)."""
    path = Path(path)
    if not path.exists():
        raise ValidationError(_("No such file or folder: “{file}”.").format(file=path))
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | FEED_SUFFIXES)
    else:
        files = [path]
    results = []
    for file in files:
        results.extend(ingest_bytes(user, file.read_bytes(), str(file), source=source, via=IngestedVia.FILE,
                                    audit_source=audit_source))  # fmt: skip
    return results


# -- analysis --------------------------------------------------------------------------------------------


def _store_value(fact) -> tuple[Decimal | None, str]:
    if fact.kind == FactKind.DATE:
        return None, str(fact.value)
    return Decimal(fact.value), ""


def _investor_of(item):
    """A CRM organisation's registry investor, when it has one."""
    if item.kind == MentionKind.ORGANISATION and item.target is not None:
        return getattr(item.target, "investor", None)
    return None


def analyse_article(article: Article, linker: linking.Linker | None = None) -> Article:
    """Facts, linked names, comparisons with the registry and signals of an article not yet analysed."""
    if article.analysed_at is not None:
        return article
    result = analyse(article.text, article.language or None)
    found = (linker or linking.Linker()).link(article.text, result.entities)
    registry = discrepancies.Registry()
    compared = {}
    for attribution in discrepancies.attribute(article.text, result.language, result.facts, found):
        outcome = discrepancies.compare(attribution, result.language, article.reference_date, registry)
        if outcome is not None:
            compared[(attribution.fact.start, attribution.fact.end)] = (attribution, outcome)
    with transaction.atomic():
        facts = []
        for fact in result.facts:
            value, date_value = _store_value(fact)
            row = Fact(
                article=article,
                kind=fact.kind,
                value=value,
                date_value=date_value,
                currency=fact.currency or "",
                unit=fact.unit or "",
                text=fact.text[:300],
                start=fact.start,
                end=fact.end,
            )
            if (fact.start, fact.end) in compared:
                attribution, (registry_value, as_of, disagrees) = compared[(fact.start, fact.end)]
                row.origin = attribution.country
                row.scope = attribution.scope
                row.scope_zone = attribution.zone
                row.registry_value = registry_value
                row.registry_as_of = as_of
                row.discrepancy = disagrees
            facts.append(row)
        Fact.objects.bulk_create(facts)
        Mention.objects.bulk_create(
            Mention(
                article=article,
                kind=item.kind,
                key=item.key[:100],
                name=item.name[:300],
                text=article.text[item.start : item.end][:300],
                start=item.start,
                end=item.end,
                investor=item.target if item.kind == MentionKind.INVESTOR else _investor_of(item),
                zone=item.target if item.kind == MentionKind.ZONE else None,
                country=item.target if item.kind == MentionKind.ORIGIN else None,
                organisation=item.target if item.kind == MentionKind.ORGANISATION else None,
            )
            for item in found
        )
        article.language = result.language
        article.signals = sorted(signals(result.facts, result.entities, article.text))
        article.analysed_at = timezone.now()
        article.save(update_fields=["language", "signals", "analysed_at", "updated_at"])
    return article


def update_stories() -> list[Story]:
    """Group the analysed articles into stories. A group keeps the story most of its articles
    already belong to, so new articles join existing stories; stories left empty go."""
    articles = list(
        Article.objects.exclude(analysed_at=None)
        .order_by("id")
        .only("id", "story_id", "signals", "title", "published_on")
    )
    groups = cluster([set(a.signals) for a in articles])
    used, stories = set(), []
    with transaction.atomic():
        for group in groups:
            members = [articles[i] for i in group]
            votes = Counter(a.story_id for a in members if a.story_id and a.story_id not in used)
            story_id = min(votes, key=lambda pk: (-votes[pk], pk)) if votes else None
            story = Story.objects.get(pk=story_id) if story_id else Story()
            first = min(members, key=lambda a: (a.published_on or datetime.date.max, a.pk))
            dates = [a.published_on for a in members if a.published_on]
            story.title = first.title[:300]
            story.first_published_on = min(dates) if dates else None
            story.save()
            used.add(story.pk)
            stories.append(story)
            moved = [a.pk for a in members if a.story_id != story.pk]
            if moved:
                Article.objects.filter(pk__in=moved).update(story=story)
        Story.objects.exclude(pk__in=used).filter(articles__isnull=True).delete()
    return stories


# -- review ------------------------------------------------------------------------------------------


def _parse_date_value(value: str) -> str:
    value = (value or "").strip()
    for fmt in ("%Y-%m-%d", "%Y-%m"):
        try:
            parsed = datetime.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.strftime(fmt)
    raise ValidationError({"value": _("Write the date as YYYY-MM-DD or YYYY-MM.")})


def review_fact(user, fact: Fact, *, decision: str, value=None, note: str = "", source: str = "ui") -> Fact:
    """Accept, correct or reject a fact; who decided and when are kept, and the audit log has the change."""
    _check_editor(user)
    if decision not in (ReviewStatus.ACCEPTED, ReviewStatus.CORRECTED, ReviewStatus.REJECTED):
        raise ValidationError({"decision": _("Choose accept, correct or reject.")})
    before = audit.snapshot(fact)
    fact.corrected_value, fact.corrected_date = None, ""
    if decision == ReviewStatus.CORRECTED:
        if value is None or str(value).strip() == "":
            raise ValidationError({"value": _("A correction needs the right value.")})
        if fact.kind == FactKind.DATE:
            fact.corrected_date = _parse_date_value(str(value))
        else:
            try:
                number = Decimal(str(value).strip().replace(" ", "").replace("\u00a0", ""))
            except InvalidOperation:
                raise ValidationError({"value": _("“{value}” is not a number.").format(value=value)}) from None
            if not number.is_finite() or number < 0 or abs(number) >= Decimal(10) ** 24:
                raise ValidationError({"value": _("“{value}” is not a number.").format(value=value)})
            fact.corrected_value = number
    fact.status = decision
    fact.review_note = (note or "").strip()[:500]
    fact.reviewed_by = user if getattr(user, "pk", None) else None
    fact.reviewed_at = timezone.now()
    with transaction.atomic():
        fact.save()
        audit.record(user, fact, AuditAction.UPDATE, before, audit.snapshot(fact), source=source)
    return fact


# -- leads -------------------------------------------------------------------------------------------


def lead_service():
    """`crm.services.create_lead` where the CRM provides it, else None."""
    try:
        from japandesk.crm import services as crm_services
    except ImportError:
        return None
    return getattr(crm_services, "create_lead", None)


def lead_proposal(article: Article) -> dict | None:
    """What a lead made from this article would hold: an announced investment needs an amount of
    money and a named company or origin economy. None when the article has neither."""
    money = [f for f in article.facts.all() if f.kind == FactKind.MONEY and f.status != ReviewStatus.REJECTED]
    mentions = list(article.mentions.all())
    investor = next((m.investor for m in mentions if m.investor_id), None)
    organisation = next((m for m in mentions if m.organisation_id), None) or next(
        (m for m in mentions if m.kind == MentionKind.ORGANISATION), None
    )
    origin = next((m.country for m in mentions if m.country_id), None)
    if not money or not (investor or organisation or origin):
        return None
    zone = next((m.zone for m in mentions if m.zone_id), None)
    amounts = []
    for fact in money:
        try:
            amounts.append(fx.to_usd(fact.current_value, fact.currency or "USD", article.reference_date))
        except fx.MissingRate:
            continue
    country = investor.country if investor else origin
    return {
        "organisation": organisation.organisation if organisation and organisation.organisation_id else None,
        "organisation_name": str(investor) if investor else (organisation.name if organisation else ""),
        "country_code": country.code if country else "",
        "zone": zone,
        "estimated_capital_usd": max(amounts) if amounts else None,
    }


def create_lead(user, article: Article, *, source: str = "ui"):
    """Hand an announced investment to the CRM's investment pipeline; once per article."""
    _check_editor(user)
    create = lead_service()
    if create is None:
        raise ValidationError(_("The CRM is not available."))
    if article.lead_url:
        raise ValidationError(_("A lead was already made from this article."))
    proposal = lead_proposal(article)
    if proposal is None:
        raise ValidationError(_("The article names no investment: an amount and a company or origin are needed."))
    with transaction.atomic():
        lead = create(
            user,
            pipeline="investment",
            title=article.title[:200],
            organisation=proposal["organisation"],
            organisation_name=proposal["organisation_name"],
            country_code=proposal["country_code"],
            zone=proposal["zone"],
            estimated_capital_usd=proposal["estimated_capital_usd"],
            notes="\n".join(part for part in (article.url, article.source) if part),
            source="intel",
        )
        before = audit.snapshot(article, exclude=_NOT_AUDITED)
        article.lead_url = lead.get_absolute_url()[:300]
        article.save(update_fields=["lead_url", "updated_at"])
        audit.record(user, article, AuditAction.UPDATE, before, audit.snapshot(article, exclude=_NOT_AUDITED),
                     source=source)  # fmt: skip
    return lead

"""Illustrative news for `japandesk demo`: the three press articles the product was conceived from
and the other texts of the evaluation set (written for it, in ten languages), analysed and grouped
into stories, with some facts reviewed by the demo desk officer.

Loading is idempotent: articles are stored once (by their text), and only facts still pending
are reviewed.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from japandesk.intel import services
from japandesk.intel.choices import FactKind, IngestedVia, ReviewStatus
from japandesk.intel.evaluation import EVALUATION_DIR
from japandesk.intel.extraction import read_article
from japandesk.intel.models import Article, Fact, Story

ILLUSTRATIVE_SOURCE = "Illustrative news (evaluation set)"
# The press articles, with where and when they were published.
PRESS_TITLES = {
    # The stored text starts in the middle of the article; its title, from the source's address.
    "de-quang-ninh-fdi-2025": "Quang Ninh: Durchbruch bei der Anwerbung japanischer Direktinvestitionen",
}
PRESS = {
    "de-quang-ninh-fdi-2025": (
        "Báo Quảng Ninh (German translation)",
        "https://baoquangninh.vn/quang-ninh-tao-dot-pha-thu-hut-von-fdi-tu-nhat-ban-3387972.html",
        datetime.date(2025, 11, 30),
    ),
    "en-conference-2023": ("Quang Ninh provincial press (English)", "", datetime.date(2023, 11, 17)),
    "vi-japan-desk-2017": ("Báo chí Quảng Ninh", "", datetime.date(2017, 2, 15)),
}


# An illustrative article whose figures the registry contradicts, so that the review of
# discrepancies has something to show.
DISAGREEING = (
    "Japanese investors in Quang Ninh: an association's estimate\n\n"
    "Quang Ninh province currently counts 14 Japanese projects with total registered capital of 3.1 billion USD, "
    "a business association said in its mid-year note; the provincial registry has not confirmed the figures.",
    datetime.date(2024, 9, 15),
)


def _published_on(name: str, meta: dict) -> datetime.date:
    """The latest full date the article states in its own year, else the middle of that year."""
    year = int(name.rsplit("-", 1)[-1])
    dates = [f["value"] for f in meta.get("facts", []) if f["kind"] == "date" and len(f["value"]) == 10]
    dates = [datetime.date.fromisoformat(d) for d in dates if d.startswith(str(year))]
    return max(dates) if dates else datetime.date(year, 7, 1)


def load(stdout=None, reset: bool = False) -> dict:
    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(message)

    if reset:
        Article.objects.all().delete()
        Story.objects.all().delete()
    officer = get_user_model().objects.filter(username="officer").first()
    created = kept = 0
    new_ids = []
    for path in sorted(EVALUATION_DIR.glob("*.txt")):
        name = path.stem
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        source, url, published_on = PRESS.get(name, (ILLUSTRATIVE_SOURCE, "", _published_on(name, meta)))
        result = services.ingest_text(
            None,
            text=read_article(path),
            title=PRESS_TITLES.get(name, ""),
            source=source,
            url=url,
            published_on=published_on,
            language=meta.get("language", ""),
            via=IngestedVia.FILE,
            audit_source="demo",
            analyse_now=False,
        )
        if result.created:
            created += 1
            new_ids.append(result.article.pk)
        else:
            kept += 1
    text, published_on = DISAGREEING
    result = services.ingest_text(
        None,
        text=text,
        source=ILLUSTRATIVE_SOURCE,
        published_on=published_on,
        language="en",
        via=IngestedVia.PASTE,
        audit_source="demo",
        analyse_now=False,
    )
    created, kept = created + result.created, kept + (not result.created)
    if result.created:
        new_ids.append(result.article.pk)
    services.queue_analysis(new_ids)
    reviewed = _review(officer)
    say(
        _("News: {created} articles added, {kept} already there, {stories} stories, {reviewed} facts reviewed.").format(
            created=created, kept=kept, stories=Story.objects.count(), reviewed=reviewed
        )
    )
    return {"created": created, "kept": kept, "reviewed": reviewed}


def _review(officer) -> int:
    """The officer has checked the press articles: figures that agree with the registry and the
    percentages are accepted."""
    reviewed = 0
    pending = Fact.objects.filter(article__source__in=[source for source, _u, _d in PRESS.values()],
                                  status=ReviewStatus.PENDING)  # fmt: skip
    for fact in pending.order_by("id"):
        if (fact.compared and not fact.discrepancy) or fact.kind == FactKind.PERCENT:
            services.review_fact(officer, fact, decision=ReviewStatus.ACCEPTED, source="demo")
            reviewed += 1
    return reviewed

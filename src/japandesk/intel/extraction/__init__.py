"""The news engine: clean an article, tell its language, extract its facts and named places,
and group articles that tell the same story.

    from japandesk.intel.extraction import analyse
    article = analyse(text)            # language detected
    article.language, article.facts    # "vi", [Fact(kind="money", value=Decimal("2394000000"), ...)]
"""

from dataclasses import dataclass, field

from .cleaning import clean_text, html_to_text, read_article
from .facts import KINDS, Fact, extract_facts
from .gazetteer import Entity, find_entities
from .language import detect_language

__all__ = [
    "KINDS",
    "Analysis",
    "Entity",
    "Fact",
    "analyse",
    "clean_text",
    "detect_language",
    "extract_facts",
    "find_entities",
    "html_to_text",
    "read_article",
]


@dataclass
class Analysis:
    """What the engine knows of one article. Offsets refer to `text`, the cleaned text."""

    text: str
    language: str
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


def analyse(text: str, language: str | None = None, *, entities: bool = True) -> Analysis:
    """Facts (and named organisations, places and zones) of an already cleaned text."""
    language = language or detect_language(text)
    return Analysis(
        text=text,
        language=language,
        facts=extract_facts(text, language),
        entities=find_entities(text) if entities else [],
    )

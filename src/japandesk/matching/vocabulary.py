"""Glossary concepts as the forms offer them, and profiles and needs as the engine reads them.

Processes and materials a supplier ticks are glossary concepts; their labels are added, in the language of
the text, to what the engine reads, so a ticked process counts like one named in the description.
"""

import re

from django.utils.translation import get_language

from japandesk.matching.engine.glossary import glossary

_HS = re.compile(r"^\d{4}(\.?\d{2}){0,3}$")


def language() -> str:
    return (get_language() or "en")[:2]


def concept_choices(kind: str) -> list[tuple[str, str]]:
    """(concept id, label in the reader's language) of the glossary's concepts of one kind, by label."""
    lang = language()
    items = [(c.id, c.label(lang)) for c in glossary().concepts.values() if c.kind == kind]
    return sorted(items, key=lambda item: item[1].casefold())


def concept_ids(kind: str) -> set[str]:
    return {c.id for c in glossary().concepts.values() if c.kind == kind}


def labels(ids, lang: str | None = None) -> list[str]:
    concepts = glossary().concepts
    lang = lang or language()
    return [concepts[i].label(lang) for i in ids or () if i in concepts]


def valid_hs_code(code: str) -> bool:
    return bool(_HS.match(code))


def split_list(text: str) -> list[str]:
    """Items typed one a line or separated by commas or semicolons (Japanese "、" too), blanks dropped."""
    items = re.split(r"[\n,;、，；]+", text or "")
    seen: dict[str, None] = {}
    for item in items:
        item = " ".join(item.split())
        if item:
            seen.setdefault(item, None)
    return list(seen)


def profile_record(profile) -> dict:
    """A stored profile in the exchange format, with its ticked concepts and products in its text."""
    parts = [
        profile.description,
        " ".join(labels(profile.processes, profile.language)),
        " ".join(labels(profile.materials, profile.language)),
        " ".join(profile.product_families or ()),
        profile.equipment,
    ]
    return {
        "id": str(profile.pk),
        "name": profile.name,
        "country": profile.country,
        "language": profile.language,
        "description": "\n".join(p for p in parts if p),
        "certifications": list(profile.certifications or ()),
        "employees": profile.employees,
        "hs_codes": list(profile.hs_codes or ()),
    }


def need_record(need) -> dict:
    parts = [need.title, need.description, need.parts, " ".join(labels(need.processes, need.language))]
    return {
        "id": str(need.pk),
        "buyer": need.buyer,
        "country": need.buyer_country,
        "language": need.language,
        "description": "\n".join(p for p in parts if p),
        "required_certifications": list(need.required_certifications or ()),
        "hs_codes": list(need.hs_codes or ()),
    }

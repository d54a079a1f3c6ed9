"""The multilingual industrial glossary: free text in, concepts out.

``data/glossary.json`` lists concepts (processes, materials, product families, certifications) with their terms
and common variants in English, Vietnamese, Japanese, Korean and Chinese, and the HS headings of product
families. Text is matched on tokens of its normalised key with the longest term winning, so "sơn tĩnh điện"
is powder coating and not painting, and "dập" inside "khuôn dập" yields to the die. Concepts of kind "ignore"
swallow phrases that would otherwise be misread ("Hàn Quốc" is Korea, not welding). Vietnamese written without
diacritics is matched against folded terms, from which lone syllables are left out: without their marks they
mean too many things ("may", "son", "han").
"""

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import text as tx

DATA = Path(__file__).resolve().parent.parent / "data" / "glossary.json"
LANGUAGES = ("en", "vi", "ja", "ko", "zh")
KIND_WEIGHTS = {"process": 1.0, "product": 0.8, "material": 0.5, "certification": 0.3}


@dataclass(frozen=True)
class Concept:
    id: str
    kind: str
    labels: dict[str, str]
    hs: tuple[str, ...] = ()
    certification: str | None = None

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels["en"]


@dataclass
class Glossary:
    concepts: dict[str, Concept]
    hs_headings: dict[str, str]
    accented: dict = field(default_factory=dict)
    folded: dict = field(default_factory=dict)

    def concepts_in(self, text: str) -> dict[str, int]:
        """Concept ids found in the text, with the number of times each was found ("ignore" ones dropped)."""
        if tx.has_vietnamese_marks(text) or not text.isascii():
            trie, key = self.accented, tx.accented_key(text)
        else:
            trie, key = self.folded, tx.folded_key(text)
        found: dict[str, int] = {}
        toks = tx.tokens(key)
        i, n = 0, len(toks)
        while i < n:
            node, j, best = trie, i, None
            while j < n and toks[j] in node:
                node = node[toks[j]]
                j += 1
                if None in node:
                    best = (node[None], j)
            if best is None:
                i += 1
                continue
            concept_id, i = best
            if self.concepts[concept_id].kind != "ignore":
                found[concept_id] = found.get(concept_id, 0) + 1
        return found

    def hs_description(self, code: str) -> str | None:
        return self.hs_headings.get(code[:4])


def _insert(trie: dict, toks: list[str], concept_id: str) -> None:
    if not toks:
        return
    node = trie
    for t in toks:
        node = node.setdefault(t, {})
    # The first concept to claim a term keeps it: the data file lists specific concepts before generic ones.
    node.setdefault(None, concept_id)


def build(data: dict) -> Glossary:
    concepts: dict[str, Concept] = {}
    accented: dict = {}
    folded: dict = {}
    for item in data["concepts"]:
        labels = {lang: item[lang][0] for lang in LANGUAGES if item.get(lang)}
        labels.setdefault("en", item["id"])
        concepts[item["id"]] = Concept(
            id=item["id"],
            kind=item["kind"],
            labels=labels,
            hs=tuple(item.get("hs", ())),
            certification=item.get("cert"),
        )
    terms = [(term, c["id"], lang) for c in data["concepts"] for lang in LANGUAGES for term in c.get(lang, ())]
    for term, concept_id, lang in terms:
        _insert(accented, tx.tokens(tx.accented_key(term)), concept_id)
        folded_tokens = tx.tokens(tx.folded_key(term))
        if lang == "vi" and len(folded_tokens) == 1 and tx.has_vietnamese_marks(term):
            continue
        _insert(folded, folded_tokens, concept_id)
    return Glossary(concepts=concepts, hs_headings=dict(data.get("hs_headings", {})), accented=accented, folded=folded)


@functools.cache
def glossary() -> Glossary:
    """The product's glossary, read once per process."""
    return build(json.loads(DATA.read_text(encoding="utf-8")))

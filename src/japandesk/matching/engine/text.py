"""Keys and tokens for text written in Vietnamese, English, Japanese, Korean or Chinese.

Two keys exist for every text. The *accented* key folds width, case and hiragana/katakana but keeps
Vietnamese diacritics, where they separate words ("máy" machine, "may" sewing). The *folded* key also drops
diacritics (``core.text.search_key``), for people who type Vietnamese without them. Tokens are Latin words
(with a light English suffix stemmer; Vietnamese syllables never end in the stripped suffixes) and single
CJK characters, so that glossary terms match inside unsegmented Japanese or Chinese text.
"""

import re
import unicodedata

from japandesk.core.text import hiragana_to_katakana, search_key

_TOKEN = re.compile(r"[0-9a-z\u00c0-\u024f\u1e00-\u1eff]+|[^\W_]")
_LATIN = re.compile(r"[0-9a-z\u00c0-\u024f\u1e00-\u1eff]")
_VI_MARKS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĩũ]")
_SUFFIXES = ("ings", "ing", "ed", "es", "s")


def accented_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(hiragana_to_katakana(text).split())


def folded_key(text: str) -> str:
    return search_key(text or "")


def has_vietnamese_marks(text: str) -> bool:
    return bool(_VI_MARKS.search(accented_key(text)))


def stem(token: str) -> str:
    if len(token) <= 4 or not token.isascii() or token.isdigit():
        return token
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and not token.endswith("ss") and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


def tokens(key: str) -> list[str]:
    """Tokens of an already normalised key."""
    return [stem(t) if _LATIN.match(t) else t for t in _TOKEN.findall(key)]


def lexical_terms(key: str) -> set[str]:
    """Terms for lexical similarity: Latin words and CJK character bigrams (single characters when alone)."""
    terms: set[str] = set()
    run: list[str] = []
    for token in tokens(key) + [" "]:
        if len(token) == 1 and not _LATIN.match(token) and token != " ":
            run.append(token)
            continue
        if run:
            terms.update(a + b for a, b in zip(run, run[1:], strict=False)) if len(run) > 1 else terms.add(run[0])
            run = []
        if token != " ":
            terms.add(token)
    return terms

"""Text helpers for names written in many scripts.

Search keys fold what a searcher does not type consistently: letter case,
Vietnamese diacritics (including đ), Japanese full-width and half-width forms,
and hiragana against katakana.
"""

import unicodedata

_HIRAGANA_START, _HIRAGANA_END = 0x3041, 0x3096
_KANA_OFFSET = 0x60


def hiragana_to_katakana(text: str) -> str:
    return "".join(chr(ord(ch) + _KANA_OFFSET) if _HIRAGANA_START <= ord(ch) <= _HIRAGANA_END else ch for ch in text)


def strip_diacritics(text: str) -> str:
    """Remove Latin combining marks while keeping kana voicing marks intact."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            base = kept[-1] if kept else ""
            # Dakuten and handakuten belong to kana, where they change the sound.
            if ch in "\u3099\u309a" or (base and "\u3040" <= base <= "\u30ff"):
                kept.append(ch)
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def search_key(*parts: str | None) -> str:
    """One lower-case, accent-free, width-folded string for all the given name forms."""
    text = " ".join(p for p in parts if p)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("đ", "d").replace("Đ", "D")
    text = strip_diacritics(text)
    text = hiragana_to_katakana(text)
    return " ".join(text.casefold().split())

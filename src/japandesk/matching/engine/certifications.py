"""One canonical name for each certification, however it is written.

"ISO9001", "ISO 9001:2015", "ＩＳＯ９００１" and "iso-9001" are all "ISO 9001"; "IATF16949:2016" and
"ISO/TS 16949" are "IATF 16949" (the automotive standard that replaced ISO/TS 16949). The year of the edition
is dropped: a buyer who asks for ISO 9001 accepts any current edition.
"""

import re
import unicodedata

_L = r"(?<![a-z0-9])"
_R = r"(?![a-z0-9])"
_PATTERNS = [
    (re.compile(_L + r"iatf\s*[-/]?\s*(16949)" + _R), "IATF {0}"),
    (re.compile(_L + r"iso\s*/?\s*ts\s*[-/]?\s*(16949)" + _R), "IATF {0}"),
    (re.compile(_L + r"(?:iso|jis\s*q)\s*[-/]?\s*(\d{4,5})(?:\s*[:\-]\s*(?:19|20)\d\d)?" + _R), "ISO {0}"),
    (re.compile(_L + r"jis" + _R), "JIS"),
    (re.compile(_L + r"rohs" + _R), "RoHS"),
    (re.compile(_L + r"reach" + _R), "REACH"),
    (re.compile(_L + r"ul\s*(?:listed|certified|certification|mark)?" + _R), "UL"),
    (re.compile(_L + r"ce\s*(?:mark(?:ing)?|certified|certification)?" + _R), "CE"),
    (re.compile(_L + r"haccp" + _R), "HACCP"),
    (re.compile(_L + r"fsc" + _R), "FSC"),
    (re.compile(_L + r"gmp" + _R), "GMP"),
    (re.compile(_L + r"bsci" + _R), "BSCI"),
    (re.compile(_L + r"as\s*9100" + _R), "AS 9100"),
]
# Words that mention a certification in running text; lone "UL"/"CE" in prose are too ambiguous to read.
_PROSE_ONLY = {"UL", "CE", "REACH"}


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(text.replace("_", " ").split())


def normalize_certification(name: str) -> str | None:
    """The canonical name of one certification as written in a list field, or None if it is not recognised."""
    key = _key(name)
    for pattern, template in _PATTERNS:
        match = pattern.search(key)
        if match:
            return template.format(*match.groups())
    return None


def canonical_or_clean(name: str) -> str:
    """Canonical name, or the trimmed text for certifications the product does not know (still compared)."""
    return normalize_certification(name) or " ".join(unicodedata.normalize("NFKC", name).split()).upper()


def certifications_in_text(text: str) -> set[str]:
    """Certifications mentioned in free text ("đạt chứng nhận ISO 9001:2015", "IATF16949取得")."""
    key = _key(text)
    found = set()
    for pattern, template in _PATTERNS:
        for match in pattern.finditer(key):
            name = template.format(*match.groups())
            if name not in _PROSE_ONLY:
                found.add(name)
    return found

"""People's names as a reader of each language expects them, and the keys they sort by.

A Japanese reader sees a Japanese name in its own script, family name first, and the
honorific 様 after it (山田 太郎 様). A Vietnamese reader sees "Ông" or "Bà" before the full
name. An English reader sees Mr or Ms before the name; Western names are written given name
first, while Japanese and Vietnamese names written in Latin letters keep the family name first.
Japanese names sort by their kana reading (the order of a Japanese dictionary), others by
their Latin form with accents folded.
"""

import unicodedata

from japandesk.core.i18n import current_language
from japandesk.core.text import hiragana_to_katakana, search_key
from japandesk.crm.choices import Gender, NameOrder

JAPANESE_HONORIFIC = "様"


def is_cjk(text: str) -> bool:
    """Whether the text is written (at least partly) in Han characters, kana or hangul."""
    for ch in text:
        code = ord(ch)
        if (
            0x3040 <= code <= 0x30FF  # hiragana, katakana
            or 0x3400 <= code <= 0x9FFF  # Han
            or 0xF900 <= code <= 0xFAFF
            or 0xFF66 <= code <= 0xFF9F  # half-width katakana
            or 0xAC00 <= code <= 0xD7AF  # hangul
        ):
            return True
    return False


def _join(*parts: str, sep: str = " ") -> str:
    return sep.join(p for p in parts if p)


def name_parts(contact, language: str | None = None) -> tuple[str, str, bool]:
    """(family, given, own_script) in the form a reader of `language` reads best."""
    language = language or current_language()
    own_cjk = is_cjk(contact.family_name + contact.given_name)
    has_latin = bool(contact.family_name_latin or contact.given_name_latin)
    if own_cjk and (language == "ja" or not has_latin):
        return contact.family_name, contact.given_name, True
    if own_cjk:
        return contact.family_name_latin, contact.given_name_latin, False
    # A name already in Latin letters (Vietnamese with its accents, Western names) is shown as written.
    return contact.family_name, contact.given_name, False


def full_name(contact, language: str | None = None) -> str:
    """The person's name without honorific."""
    family, given, own_script = name_parts(contact, language)
    if own_script or contact.name_order == NameOrder.FAMILY_FIRST:
        return _join(family, given)
    return _join(given, family)


def addressed_name(contact, language: str | None = None) -> str:
    """The name with the honorific a reader of `language` puts with it."""
    language = language or current_language()
    name = full_name(contact, language)
    if language == "ja":
        return f"{name} {JAPANESE_HONORIFIC}"
    # The honorifics belong to the language of the name as written, not to the interface's
    # catalogue: an English reader sees Mr/Ms whatever the site's language.
    if contact.gender == Gender.MALE:
        title = "Mr" if language == "en" else "Ông"
    elif contact.gender == Gender.FEMALE:
        title = "Ms" if language == "en" else "Bà"
    else:
        title = "" if language == "en" else "Ông/Bà"
    return _join(title, name)


def phonetic_key(kana: str, latin: str, own: str) -> str:
    """A sort key: the kana reading when there is one (katakana, voicing marks decomposed so
    that カ, ガ, キ follow each other as in a Japanese dictionary), else the Latin form folded
    like a search key, else the name as written."""
    if kana:
        text = hiragana_to_katakana(unicodedata.normalize("NFKC", kana))
        return "1" + unicodedata.normalize("NFD", " ".join(text.split()))
    return "0" + search_key(latin or own)


def contact_sort_keys(contact) -> tuple[str, str]:
    """(phonetic key, Latin key): family name then given name in both."""
    if contact.family_name_kana or contact.given_name_kana:
        phonetic = phonetic_key(f"{contact.family_name_kana} {contact.given_name_kana}", "", "")
    else:
        phonetic = None
    latin = phonetic_key(
        "",
        _join(contact.family_name_latin, contact.given_name_latin),
        _join(contact.family_name, contact.given_name),
    )
    return phonetic or latin, latin

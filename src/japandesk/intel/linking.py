"""Names in an article linked to the registry: investors, zones and origin economies.

Names are matched on search keys (`core.text.search_key`): letter case, Vietnamese
diacritics, full-width and half-width forms and hiragana against katakana do not matter.
Investors (and the CRM's organisations) are looked for under every name the registry holds (their own script and the
Latin form), also without the legal form ("株式会社", "Co., Ltd.", "Công ty TNHH"); zones
under their Vietnamese, English and Japanese names, also without the kind of zone
("KCN", "Industrial Park", "工業団地"), and through the news gazetteer, whose zone ids are
the zones' codes. Origin economies are found by their names and by the adjectives the
press uses ("Japanese", "japanisch", "日系"). Latin names must stand as whole words.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings

from japandesk.core.text import search_key
from japandesk.intel.choices import MentionKind
from japandesk.intel.extraction import Entity

# Names and adjectives of origin economies as the press writes them, in the languages the
# desk reads (the registry adds each economy's Vietnamese, English and Japanese names).
ORIGIN_WORDS: dict[str, tuple[str, ...]] = {
    "JP": (
        "Japan", "Japanese", "Japanisch", "Japanische", "Japanischen", "Japanischer", "Japanisches", "Japon",
        "Japonais", "Japonaise", "Japonaises", "Jepang", "Nhật Bản", "日本", "日系", "日资", "日企", "일본", "일본계",
        "ญี่ปุ่น", "جاپان", "جاپانی",
    ),
    "KR": (
        "South Korea", "Korea", "Korean", "Südkorea", "Südkoreanisch", "Südkoreanische", "Südkoreanischen",
        "Koreanische", "Koreanischen", "Corée du Sud", "Coréen", "Coréenne", "Coréens", "Korea Selatan", "Hàn Quốc",
        "韓国", "韩国", "韩资", "한국", "เกาหลีใต้", "جنوبی کوریا",
    ),
    "CN": ("China", "Chinese", "Chinesisch", "Chinesische", "Chinesischen", "Chine", "Chinois", "Chinoise",
           "Tiongkok", "Trung Quốc", "中国", "中資", "中资", "중국", "จีน", "چین", "چینی"),
    "SG": ("Singapore", "Singaporean", "Singapur", "Singapour", "Singapura", "シンガポール", "新加坡", "싱가포르"),
    "TW": ("Taiwan", "Taiwanese", "Đài Loan", "台湾", "台灣", "대만"),
    "HK": ("Hong Kong", "Hồng Kông", "香港", "홍콩"),
    "US": ("United States", "American", "Hoa Kỳ", "Mỹ", "USA", "Vereinigte Staaten", "Amerikanische", "Américain",
           "Amerika Serikat", "米国", "アメリカ", "美国", "미국", "สหรัฐ", "امریکہ"),
    "TH": ("Thailand", "Thai", "Thái Lan", "タイ", "泰国", "태국", "ไทย", "تھائی لینڈ"),
    "DE": ("Germany", "German", "Deutschland", "Deutsche", "Deutschen", "Allemagne", "Allemand", "Jerman", "Đức",
           "ドイツ", "德国", "독일", "เยอรมนี"),
    "FR": ("France", "French", "Frankreich", "Französische", "Français", "Française", "Prancis", "Pháp",
           "フランス", "法国", "프랑스", "ฝรั่งเศส"),
}  # fmt: skip

LEGAL_FORMS = (
    "co., ltd.", "co.,ltd.", "co., ltd", "co.,ltd", "co. ltd", "company limited", "corporation", "limited", "ltd.",
    "ltd", "inc.", "inc", "corp.", "k.k.", "jsc", "j.s.c.", "gmbh", "pte.", "pte", "llc", "plc", "s.a.",
    "cong ty tnhh mot thanh vien", "cong ty tnhh", "cong ty co phan", "cong ty", "株式会社", "(株)", "有限会社",
    "合同会社",
)  # fmt: skip
ZONE_WORDS = (
    "khu cong nghiep", "khu kinh te ven bien", "khu kinh te cua khau", "khu kinh te", "cum cong nghiep", "kcn", "kkt",
    "ccn", "industrial park", "industrial cluster", "economic zone", "coastal economic zone",
    "border-gate economic zone", "工業団地", "経済区", "工业园", "经济区",
)  # fmt: skip
_LATIN = re.compile(r"[a-z0-9]")


@dataclass(frozen=True)
class Found:
    kind: str
    key: str
    name: str
    start: int
    end: int
    target: object = None


class FoldedText:
    """The article's text as one search key, with the position in the original of each character."""

    def __init__(self, text: str):
        chars, index = [], []
        for position, ch in enumerate(text):
            # A mark that search keys drop (a Thai vowel or tone mark, a lone accent) is dropped here too.
            folded = " " if ch.isspace() else search_key(ch)
            for out in folded:
                chars.append(out)
                index.append(position)
        self.text = "".join(chars)
        self.index = index
        self.length = len(text)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.index[start], (self.index[end - 1] + 1) if end > start else self.index[start]

    def find_all(self, key: str):
        """(start, end) in the original text of every whole-word occurrence of `key`."""
        if not key:
            return
        at = self.text.find(key)
        while at != -1:
            end = at + len(key)
            before = self.text[at - 1] if at else " "
            after = self.text[end] if end < len(self.text) else " "
            ok = not (_LATIN.match(key[0]) and (before.isalnum() or _combining(before)))
            ok = ok and not (_LATIN.match(key[-1]) and (after.isalnum() or _combining(after)))
            if ok:
                yield self.span(at, end)
            at = self.text.find(key, at + 1)


def _combining(ch: str) -> bool:
    return bool(unicodedata.combining(ch))


def _usable(key: str) -> bool:
    latin = sum(1 for ch in key if ch.isascii())
    return len(key) >= (4 if latin == len(key) else 2)


def without(key: str, words: tuple[str, ...]) -> str:
    """The key without the legal form or zone kind at its start or end."""
    changed = True
    while changed:
        changed = False
        for word in words:
            if key.startswith(word + " ") or (not word.isascii() and key.startswith(word) and len(key) > len(word)):
                key, changed = key[len(word) :].strip(" ,."), True
            elif key.endswith(" " + word) or key.endswith("," + word) or (not word.isascii() and key.endswith(word)):
                if len(key) > len(word):
                    key, changed = key[: -len(word)].strip(" ,."), True
    return key


def name_keys(names, words: tuple[str, ...]) -> set[str]:
    keys = set()
    for name in names:
        key = search_key(name)
        if not key:
            continue
        keys.add(key)
        keys.add(without(key, words))
    return {key for key in keys if _usable(key)}


def investor_keys() -> list[tuple[str, object]]:
    from japandesk.registry.models import Investor

    result = []
    for investor in Investor.objects.only("id", "name", "name_latin"):
        for key in name_keys((investor.name, investor.name_latin), LEGAL_FORMS):
            result.append((key, investor))
    return result


def organisation_keys() -> list[tuple[str, object]]:
    """The CRM's organisations, where the CRM is installed."""
    from django.apps import apps

    try:
        model = apps.get_model("crm", "Organisation")
    except LookupError:
        return []
    result = []
    for organisation in model.objects.only("id", "name", "name_latin", "investor_id", "country_id"):
        for key in name_keys((organisation.name, organisation.name_latin), LEGAL_FORMS):
            result.append((key, organisation))
    return result


def zone_keys() -> list[tuple[str, object]]:
    from japandesk.zones.models import Zone

    result = []
    for zone in Zone.objects.only("id", "code", "name", "name_en", "name_ja"):
        for key in name_keys((zone.name, zone.name_en, zone.name_ja), ZONE_WORDS):
            result.append((key, zone))
    return result


def origin_keys() -> list[tuple[str, object]]:
    from japandesk.registry.models import Country

    result = []
    # The host country is where the projects are, not an origin of capital.
    for country in Country.objects.exclude(code=getattr(settings, "JAPANDESK_HOST_COUNTRY", "VN")):
        names = (country.name_en, country.name_vi, country.name_ja, *ORIGIN_WORDS.get(country.code, ()))
        for name in names:
            key = search_key(name)
            if key and (len(key) >= 3 or not key.isascii()):
                result.append((key, country))
    return result


def _longest_first(found: list[Found]) -> list[Found]:
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept, end = [], -1
    for item in found:
        if item.start >= end:
            kept.append(item)
            end = item.end
    return kept


class Linker:
    """Links names to records; the records' names are read from the database once per linker."""

    def __init__(self):
        self.investors = investor_keys()
        self.organisations = organisation_keys()
        self.zones = zone_keys()
        self.origins = origin_keys()

    def link(self, text: str, entities: list[Entity]) -> list[Found]:
        return link(text, entities, self)


def link(text: str, entities: list[Entity], linker: Linker | None = None) -> list[Found]:
    """Investors, zones and origin economies named in `text`, and the gazetteer's places and
    organisations, each linked to its record where there is one; overlapping names give way to
    the longest."""
    from japandesk.zones.models import Zone

    if linker is None:
        linker = Linker()
    folded = FoldedText(text)
    found: list[Found] = []
    for key, investor in linker.investors:
        for start, end in folded.find_all(key):
            found.append(Found(MentionKind.INVESTOR, f"investor:{investor.pk}", str(investor), start, end, investor))
    for key, organisation in linker.organisations:
        for start, end in folded.find_all(key):
            key_id = f"organisation:{organisation.pk}"
            found.append(Found(MentionKind.ORGANISATION, key_id, str(organisation), start, end, organisation))
    for key, zone in linker.zones:
        for start, end in folded.find_all(key):
            found.append(Found(MentionKind.ZONE, f"zone:{zone.code}", zone.display_name, start, end, zone))
    zones_by_code = {z.code: z for z in Zone.objects.filter(code__in=[e.id[5:] for e in entities if e.kind == "zone"])}
    organisations = []
    for entity in entities:
        if entity.kind == "zone":
            zone = zones_by_code.get(entity.id[5:])
            name = zone.display_name if zone else entity.name
            found.append(Found(MentionKind.ZONE, entity.id, name, entity.start, entity.end, zone))
        elif entity.kind == "organisation":
            organisations.append(entity)
            found.append(Found(MentionKind.ORGANISATION, entity.id, entity.name, entity.start, entity.end))
    linked = _longest_first(found)
    # Places and origin economies fill what investors, zones and organisations leave free.
    taken = bytearray(len(text))
    for item in linked:
        taken[item.start : item.end] = b"\x01" * (item.end - item.start)
    extra = []
    for key, country in linker.origins:
        for start, end in folded.find_all(key):
            if taken.find(1, start, end) == -1:
                extra.append(Found(MentionKind.ORIGIN, f"origin:{country.code}", country.name, start, end, country))
    for entity in entities:
        if entity.kind == "place" and taken.find(1, entity.start, entity.end) == -1:
            extra.append(Found(MentionKind.PLACE, entity.id, entity.name, entity.start, entity.end))
    # An origin's name is also a place ("Japan"): the origin wins, being the more useful link.
    extra.sort(key=lambda f: (f.start, -(f.end - f.start), f.kind != MentionKind.ORIGIN))
    result = linked + _longest_first(extra)
    result.sort(key=lambda f: (f.start, f.end))
    return result

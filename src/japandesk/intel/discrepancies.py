"""Figures in an article checked against the registry.

The rule, for any language:

1. Only sentences about the province's stock of projects count: they name it (`JAPANDESK_PROVINCE`,
   in any script the gazetteer knows), or say "the province" in the article's language without
   naming another place of the gazetteer that is not a country. A sentence about new, planned or
   granted investment, or about a period ("will invest", "in the first quarter", "trao giấy chứng
   nhận", "新規"), speaks of a flow, not of the registry's totals, and is left alone unless it also
   says the figure is a total to date ("cumulative", "lũy kế", "insgesamt", "累計").
2. In such a sentence, an origin economy (its name or adjective: "Japan", "japanischen",
   "Nhật Bản", "日系") is attached to the nearest count of projects, within 100 characters (40 in
   scripts written without spaces) and with no other origin nearer to that count. The amount of
   money that follows that count, before the next count, is the same projects' capital
   ("16 Projekte von japanischen Investoren mit einem registrierten Kapital von 2,77 Milliarden"), when
   it stands within the same distance.
   Where no count is near, the origin is attached to the nearest amount itself.
3. The scope is the province, the industrial parks and economic zones when the sentence speaks
   of them ("Industrieparks und Wirtschaftszonen", "khu công nghiệp"), or one zone when the
   sentence names exactly one zone of the registry.
4. A count is compared with the number of active projects of that origin in that scope, an amount
   with their registered capital (converted from USD at the rate of the date for other currencies).
   A count agrees when it is equal; an amount when the registry's figure, rounded or cut to the
   precision the article writes ("2,77 Milliarden": ten million), gives the stated amount.
5. The registry is read as of the article's publication date. Published statistics lag behind,
   so a figure that agrees with the registry at the end of one of the three months before is no
   discrepancy either; the figure shown is then the one it agrees with.
"""

import datetime
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from japandesk.core import fx
from japandesk.core.text import search_key
from japandesk.intel.choices import FactKind, MentionKind, Scope
from japandesk.intel.extraction.gazetteer import GAZETTEER
from japandesk.intel.extraction.numbers import NUMBER, fold, parse_number

LAG_MONTHS = 3
NEAR = 100
NEAR_UNSPACED = 40
UNSPACED = {"ja", "zh", "th"}
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)|(?<=[。！？۔])|\n+")

# "The province" in each language (matched on the lower-cased text, diacritics kept).
PROVINCE_WORDS = {
    "en": ("province", "provincial"),
    "vi": ("tỉnh",),
    "de": ("provinz",),
    "fr": ("province",),
    "id": ("provinsi",),
    "zh": ("该省", "本省", "全省"),
    "ja": ("同省", "省内"),
    "ko": ("성 내", "해당 성"),
    "th": ("จังหวัด",),
    "ur": ("صوبے", "صوبہ"),
}
# Words of new, planned or granted investment and of periods (a flow), and of totals to date (a stock).
FLOW_WORDS = {
    "en": (
        "will",
        "plans",
        "planned",
        "target",
        "targets",
        "new",
        "newly",
        "granted",
        "handed",
        "awarded",
        "quarter",
        "first half",
        "in the first",
        "this year",
        "last year",
        "expand",
        "expansion",
        "additional",
        "increase",
    ),
    "vi": ("sẽ", "mục tiêu", "mới", "trao", "cấp", "quý", "tháng đầu", "năm nay", "tăng thêm", "mở rộng"),
    "de": (
        "wird",
        "werden",
        "plant",
        "geplant",
        "neue",
        "neuen",
        "neues",
        "ziel",
        "quartal",
        "ersten",
        "dieses jahr",
        "vergeben",
        "überreicht",
        "erweiterung",
        "zusätzlich",
        "zusätzliche",
    ),
    "fr": (
        "va",
        "vont",
        "prévoit",
        "nouveau",
        "nouveaux",
        "nouvelle",
        "nouvelles",
        "objectif",
        "trimestre",
        "premier semestre",
        "cette année",
        "remis",
        "extension",
        "supplémentaire",
    ),
    "id": (
        "akan",
        "menargetkan",
        "target",
        "baru",
        "kuartal",
        "triwulan",
        "semester",
        "tahun ini",
        "diserahkan",
        "perluasan",
        "tambahan",
    ),
    "ja": ("新た", "新規", "予定", "計画", "目標", "四半期", "上半期", "今年", "交付", "拡張", "増資", "件目"),
    "zh": ("将", "新", "计划", "目标", "季度", "上半年", "今年", "颁发", "扩建", "增资"),
    "ko": ("예정", "계획", "목표", "신규", "분기", "상반기", "올해", "증액", "확장"),
    "th": ("จะ", "ใหม่", "เป้าหมาย", "ไตรมาส", "ปีนี้", "ขยาย"),
    "ur": ("گا", "گی", "گے", "نئے", "ہدف", "سہ ماہی", "رواں سال"),
}
STOCK_WORDS = {
    "en": ("total", "cumulative", "to date", "in all", "active", "currently"),
    "vi": ("lũy kế", "luỹ kế", "tổng cộng", "hiện có", "hiện nay", "tính đến"),
    "de": ("insgesamt", "aktiv", "aktiven", "aktuell", "derzeit", "bislang"),
    "fr": ("au total", "cumul", "cumulé", "actifs", "à ce jour"),
    "id": ("total", "kumulatif", "saat ini", "hingga kini"),
    "ja": ("累計", "現在", "累積"),
    "zh": ("累计", "目前", "现有"),
    "ko": ("누적", "현재"),
    "th": ("สะสม", "ปัจจุบัน"),
    "ur": ("مجموعی", "اب تک"),
}  # fmt: skip
# Gazetteer places that are countries (origin economies or the host), not places within one.
COUNTRY_PLACES = frozenset(
    f"place:{name}" for name in
    ("japan", "vietnam", "korea", "china", "thailand", "indonesia", "pakistan", "germany", "france", "singapore",
     "morocco")
)  # fmt: skip
# Words that put a figure inside industrial parks and economic zones.
ZONE_SCOPE_WORDS = (
    "industrial park", "economic zone", "industriepark", "wirtschaftszone", "khu công nghiệp", "khu kinh tế",
    "kcn", "kkt", "zone industrielle", "zones industrielles", "zone économique", "kawasan industri",
    "kawasan ekonomi", "工業団地", "経済区", "工业园", "经济区", "산업단지", "경제구역", "นิคมอุตสาหกรรม",
    "صنعتی زون", "اقتصادی زون",
)  # fmt: skip


@dataclass
class Attribution:
    fact: object  # the extracted Fact (engine) or model Fact with kind/value/start/end/text/currency/unit
    country: object
    scope: str
    zone: object = None


def province_keys() -> set[str]:
    province = search_key(settings.JAPANDESK_PROVINCE)
    keys = {province}
    for _id, _kind, name, others in GAZETTEER:
        if search_key(name) == province:
            keys.update(search_key(other) for other in others)
    return {k for k in keys if k}


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@functools.cache
def _words(words: tuple[str, ...], spaced: bool) -> re.Pattern | None:
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if spaced else f"(?:{body})")


def _says(sentence: str, words: dict, language: str) -> bool:
    pattern = _words(tuple(words.get(language, ())), language not in UNSPACED and language != "ko")
    return bool(pattern and pattern.search(sentence.lower()))


def _about_province(sentence: str, language: str, keys: set[str], other_places: bool) -> bool:
    folded = search_key(sentence)
    if any(key in folded for key in keys):
        return True
    lowered = sentence.lower()
    return not other_places and any(word in lowered for word in PROVINCE_WORDS.get(language, ()))


def about_stock(sentence: str, language: str) -> bool:
    """False for a sentence about new, planned or granted investment or a period, unless it speaks of totals."""
    return not _says(sentence, FLOW_WORDS, language) or _says(sentence, STOCK_WORDS, language)


def _distance(a, b) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _nearest(origins: list, fact):
    return min(origins, key=lambda m: _distance(m, fact))


def attribute(text: str, language: str, facts: list, mentions: list) -> list[Attribution]:
    """The facts the rule attaches to an origin economy, with their scope."""
    keys = province_keys()
    near = NEAR_UNSPACED if language in UNSPACED else NEAR
    result = []
    for start, end in sentences(text):
        inside = [f for f in facts if start <= f.start and f.end <= end]
        counts = [f for f in inside if f.kind == FactKind.COUNT and f.unit == "project"]
        amounts = [f for f in inside if f.kind == FactKind.MONEY]
        # An origin's name inside an amount is its currency ("ดอลลาร์สหรัฐ", US dollars), not its projects.
        origins = [m for m in mentions if m.kind == MentionKind.ORIGIN and start <= m.start and m.end <= end
                   and not any(a.start <= m.start and m.end <= a.end for a in amounts)]  # fmt: skip
        if not origins or not (counts or amounts):
            continue
        places = [m for m in mentions if m.kind == MentionKind.PLACE and start <= m.start and m.end <= end
                  and m.key not in COUNTRY_PLACES and search_key(m.name) not in keys]  # fmt: skip
        sentence_text = text[start:end]
        if not _about_province(sentence_text, language, keys, bool(places)) or not about_stock(sentence_text, language):
            continue
        sentence = text[start:end].lower()
        zones = {m.target.pk: m.target for m in mentions if m.kind == MentionKind.ZONE and m.target is not None
                 and start <= m.start and m.end <= end}  # fmt: skip
        if len(zones) == 1:
            scope, zone = Scope.ZONE, next(iter(zones.values()))
        elif any(word in sentence for word in ZONE_SCOPE_WORDS):
            scope, zone = Scope.IN_ZONES, None
        else:
            scope, zone = Scope.PROVINCE, None

        chosen: dict[int, Attribution] = {}
        for origin in origins:
            attached = []
            for targets in (counts, amounts):
                if not targets:
                    continue
                best = min(targets, key=lambda f: _distance(origin, f))
                if _distance(origin, best) <= near and _nearest(origins, best) is origin:
                    attached = [best]
                    break
            if attached and attached[0] in counts:
                best = attached[0]
                following = [c.start for c in counts if c.start > best.start]
                limit = min(following) if following else end
                money = [a for a in amounts if best.end <= a.start < limit and a.start - best.end <= near]
                if money:
                    attached.append(money[0])
            for fact in attached:
                chosen.setdefault(id(fact), Attribution(fact, origin.target, scope, zone))
        result.extend(chosen.values())
    return result


def precision(fact, language: str) -> Decimal:
    """The unit of the last digit the article writes: 10 000 000 for "2,77 Milliarden", 1 for counts."""
    value = Decimal(fact.value)
    numbers = [m.group() for m in NUMBER.finditer(fold(fact.text))]
    if len(numbers) == 1:
        written = parse_number(numbers[0], language)
        if written:
            return (value / written).normalize() * Decimal(1).scaleb(written.as_tuple().exponent)
    return Decimal(1).scaleb(value.normalize().as_tuple().exponent) if value else Decimal(1)


def agrees(stated: Decimal, registry: Decimal, unit: Decimal) -> bool:
    """The registry's figure, rounded or cut to `unit`, gives the stated figure."""
    return stated - unit / 2 <= registry < stated + unit


def month_ends_before(day: datetime.date, months: int = LAG_MONTHS) -> list[datetime.date]:
    ends, current = [], day.replace(day=1)
    for _ in range(months):
        current = current - datetime.timedelta(days=1)
        ends.append(current)
        current = current.replace(day=1)
    return ends


class Registry:
    """The registry's figures for an origin and scope on a date, read once each."""

    def __init__(self):
        self.cache = {}

    def figures(self, on: datetime.date, code: str, scope: str, zone_id) -> tuple[int, Decimal]:
        from japandesk.registry.queries import Filters, summary

        key = (on, code, scope, zone_id)
        if key not in self.cache:
            filters = Filters(
                origin=code, in_zones=scope == Scope.IN_ZONES, zone=zone_id if scope == Scope.ZONE else None
            )
            data = summary(on, filters)
            self.cache[key] = (data["projects"], data["registered_capital_usd"])
        return self.cache[key]

    def figure(self, fact, on: datetime.date, attribution: Attribution) -> Decimal | None:
        projects, capital = self.figures(
            on, attribution.country.code, attribution.scope, getattr(attribution.zone, "pk", None)
        )
        if fact.kind == FactKind.COUNT:
            return Decimal(projects)
        currency = fact.currency or "USD"
        try:
            return fx.from_usd(capital, currency, on, places=2)
        except fx.MissingRate:
            return None


def compare(attribution: Attribution, language: str, published_on: datetime.date, registry: Registry):
    """(registry figure, as of, discrepancy) for an attributed fact, or None when it cannot be compared."""
    fact = attribution.fact
    stated = Decimal(fact.value)
    unit = Decimal(1) if fact.kind == FactKind.COUNT else precision(fact, language)
    first = None
    for on in [published_on, *month_ends_before(published_on)]:
        value = registry.figure(fact, on, attribution)
        if value is None:
            continue
        if first is None:
            first = (value, on)
        matches = value == stated if fact.kind == FactKind.COUNT else agrees(stated, value, unit)
        if matches:
            return value, on, False
    if first is None:
        return None
    return first[0], first[1], True

"""Organisations, places and zones named in an article, from a small gazetteer.

Each entry has a canonical id ("zone:van-don-ez", "org:jetro", "place:hokkaido") and
its names in the languages the desk reads. Matching ignores case, Vietnamese
diacritics and the kind of dash or space between words; Latin names must stand
as whole words, katakana names must not be part of a longer katakana word.
The ids are what the clustering compares across languages, and what later links
an article to registry and CRM records.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

ZONE, PLACE, ORGANISATION = "zone", "place", "organisation"

# id, kind, English name, other names (any language).
GAZETTEER: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Economic zones and industrial parks
    ("zone:van-don-ez", ZONE, "Van Don Economic Zone", (
        "Van Don EZ", "Khu kinh tế Vân Đồn", "KKT Vân Đồn", "Wirtschaftszone Van Don", "zone économique de Van Don",
        "Kawasan Ekonomi Van Don", "ヴァンドン経済区", "バンドン経済区", "云屯经济区", "번돈 경제구역", "Vân Đồn",
            "Van Don",
        "ヴァンドン")),
    ("zone:quang-yen-ez", ZONE, "Quang Yen Coastal Economic Zone", (
        "Khu kinh tế ven biển Quảng Yên", "Quang Yen Economic Zone", "Quảng Yên", "クアンイエン経済区")),
    ("zone:mong-cai-ez", ZONE, "Mong Cai Border-Gate Economic Zone", (
        "Khu kinh tế cửa khẩu Móng Cái", "Mong Cai Economic Zone", "Móng Cái", "Mong Cai", "モンカイ", "芒街")),
    ("zone:cai-lan-ip", ZONE, "Cai Lan Industrial Park", ("KCN Cái Lân", "Khu công nghiệp Cái Lân", "Cái Lân",
        "Cai Lan")),
    ("zone:viet-hung-ip", ZONE, "Viet Hung Industrial Park", (
        "KCN Việt Hưng", "Khu công nghiệp Việt Hưng", "Việt Hưng", "Viet Hung")),
    ("zone:hai-yen-ip", ZONE, "Hai Yen Industrial Park", ("KCN Hải Yên", "Hải Yên")),
    ("zone:dong-mai-ip", ZONE, "Dong Mai Industrial Park", ("KCN Đông Mai", "Đông Mai", "Dong Mai")),
    ("zone:song-khoai-ip", ZONE, "Song Khoai Industrial Park", ("KCN Sông Khoai", "Sông Khoai", "Song Khoai")),
    ("zone:dam-nha-mac-ip", ZONE, "Dam Nha Mac Industrial Park", ("KCN Đầm Nhà Mạc", "Đầm Nhà Mạc", "Dam Nha Mac")),
    ("zone:bac-tien-phong-ip", ZONE, "Bac Tien Phong Industrial Park", ("KCN Bắc Tiền Phong", "Bắc Tiền Phong")),
    ("zone:yen-phong-ip", ZONE, "Yen Phong Industrial Park", ("KCN Yên Phong", "Yên Phong", "옌퐁 산업단지", "옌퐁")),
    ("zone:vsip-ii", ZONE, "VSIP II", ("VSIP 2", "VSIP II")),
    ("zone:deep-c", ZONE, "Deep C Industrial Zone", ("KCN Deep C", "Deep C工业区", "Deep C", "딥씨 산업단지",
        "딥씨")),
    ("zone:phu-my-3", ZONE, "Phu My 3 Industrial Park", ("KCN Phú Mỹ 3", "Phú Mỹ 3", "Phu My 3")),
    ("zone:long-duc-ip", ZONE, "Long Duc Industrial Park", ("KCN Long Đức", "Long Đức")),
    ("zone:amata-city-chonburi", ZONE, "Amata City Chonburi", (
        "アマタシティ・チョンブリ工業団地", "アマタシティ・チョンブリ", "นิคมอุตสาหกรรมอมตะซิตี้ ชลบุรี",
            "อมตะซิตี้ ชลบุรี",
        "อมตะซิตี้")),
    ("zone:eastern-seaboard-rayong", ZONE, "Eastern Seaboard Industrial Estate (Rayong)", (
        "นิคมอุตสาหกรรมอีสเทิร์นซีบอร์ด", "Eastern Seaboard")),
    ("zone:eec", ZONE, "Eastern Economic Corridor", ("EEC", "เขตพัฒนาพิเศษภาคตะวันออก", "อีอีซี")),
    ("zone:kitb-batang", ZONE, "Batang Integrated Industrial Estate", (
        "Kawasan Industri Terpadu Batang", "KITB", "バタン統合工業団地", "KIT Batang")),
    ("zone:karawang", ZONE, "Karawang industrial estates", ("Kawasan Industri Karawang",)),
    ("zone:rashakai-sez", ZONE, "Rashakai Special Economic Zone", (
        "Rashakai SEZ", "Rashakai", "رشکئی", "رشکئی خصوصی اقتصادی زون", "拉沙卡伊特别经济区", "拉沙卡伊特区",
            "拉沙卡伊")),
    # Places
    ("place:quang-ninh", PLACE, "Quang Ninh", (
        "Quảng Ninh", "クアンニン", "广宁", "廣寧", "꽝닌", "กว๋างนิญ", "ก๊วงนิญ", "کوانگ نِن")),
    ("place:ha-long", PLACE, "Ha Long", ("Hạ Long", "Halong", "ハロン", "下龙", "하롱")),
    ("place:hanoi", PLACE, "Hanoi", ("Hà Nội", "Ha Noi", "Hanoï", "ハノイ", "河内", "하노이", "ฮานอย", "ہنوئی")),
    ("place:ho-chi-minh-city", PLACE, "Ho Chi Minh City", (
        "TP.HCM", "TP Hồ Chí Minh", "Hồ Chí Minh", "Ho-Chi-Minh-Stadt", "Hô Chi Minh-Ville", "Ho Chi Minh",
            "ホーチミン",
        "胡志明市", "호찌민", "โฮจิมินห์")),
    ("place:hai-phong", PLACE, "Hai Phong", ("Hải Phòng", "Haiphong", "ハイフォン", "海防", "하이퐁")),
    ("place:bac-ninh", PLACE, "Bac Ninh", ("Bắc Ninh", "バクニン", "北宁", "박닌")),
    ("place:dong-nai", PLACE, "Dong Nai", ("Đồng Nai", "ドンナイ", "同奈", "동나이")),
    ("place:binh-duong", PLACE, "Binh Duong", ("Bình Dương", "ビンズオン", "平阳", "빈즈엉")),
    ("place:ba-ria-vung-tau", PLACE, "Ba Ria-Vung Tau", ("Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "巴地头顿",
        "บ่าเหรี่ยะ-หวุงเต่า")),
    ("place:hokkaido", PLACE, "Hokkaido", ("北海道", "홋카이도", "ฮอกไกโด", "ہوکائیڈو")),
    ("place:osaka", PLACE, "Osaka", ("大阪", "오사카", "โอซากา")),
    ("place:tokyo", PLACE, "Tokyo", ("Tokio", "東京", "东京", "도쿄", "โตเกียว", "ٹوکیو")),
    ("place:chonburi", PLACE, "Chonburi", ("ชลบุรี", "チョンブリ")),
    ("place:rayong", PLACE, "Rayong", ("ระยอง", "ラヨーン")),
    ("place:karawang", PLACE, "Karawang", ("カラワン",)),
    ("place:central-java", PLACE, "Central Java", ("Jawa Tengah", "中部ジャワ")),
    ("place:khyber-pakhtunkhwa", PLACE, "Khyber Pakhtunkhwa", ("خیبر پختونخوا", "开伯尔-普什图赫瓦", "KP")),
    ("place:peshawar", PLACE, "Peshawar", ("پشاور", "白沙瓦")),
    ("place:karachi", PLACE, "Karachi", ("کراچی", "卡拉奇", "カラチ")),
    ("place:gwadar", PLACE, "Gwadar", ("گوادر", "瓜达尔")),
    ("place:dresden", PLACE, "Dresden", ("ドレスデン", "德累斯顿")),
    ("place:saxony", PLACE, "Saxony", ("Sachsen", "Saxe", "ザクセン")),
    ("place:kenitra", PLACE, "Kenitra", ("Kénitra", "القنيطرة")),
    # Countries
    ("place:japan", PLACE, "Japan", ("Nhật Bản", "Japon", "Jepang", "日本", "일본", "ญี่ปุ่น", "جاپان")),
    ("place:vietnam", PLACE, "Vietnam", ("Việt Nam", "Viet Nam", "越南", "ベトナム", "베트남", "เวียดนาม", "ویتنام")),
    ("place:korea", PLACE, "South Korea", (
        "Korea", "Hàn Quốc", "Südkorea", "Corée du Sud", "Korea Selatan", "韓国", "韩国", "한국", "เกาหลีใต้",
            "جنوبی کوریا")),
    ("place:china", PLACE, "China", ("Trung Quốc", "Chine", "Tiongkok", "中国", "중국", "จีน", "چین")),
    ("place:thailand", PLACE, "Thailand", ("Thái Lan", "Thaïlande", "タイ", "泰国", "태국", "ประเทศไทย",
        "تھائی لینڈ")),
    ("place:indonesia", PLACE, "Indonesia", ("Indonésie", "Indonesien", "インドネシア", "印尼", "인도네시아",
        "อินโดนีเซีย")),
    ("place:pakistan", PLACE, "Pakistan", ("パキスタン", "巴基斯坦", "파키스탄", "ปากีสถาน", "پاکستان")),
    ("place:germany", PLACE, "Germany", ("Đức", "Deutschland", "Allemagne", "Jerman", "ドイツ", "德国", "독일",
        "เยอรมนี")),
    ("place:france", PLACE, "France", ("Pháp", "Frankreich", "Prancis", "フランス", "法国", "프랑스", "ฝรั่งเศส")),
    ("place:singapore", PLACE, "Singapore", ("Singapur", "Singapour", "Singapura", "シンガポール", "新加坡",
        "싱가포르")),
    ("place:morocco", PLACE, "Morocco", ("Maroc", "Marokko", "Maroko", "モロッコ", "摩洛哥")),
    # Organisations
    ("org:jetro", ORGANISATION, "JETRO", (
        "Japan External Trade Organization", "ジェトロ", "日本貿易振興機構", "日本贸易振兴机构",
        "Japanische Außenhandelsorganisation", "Tổ chức Xúc tiến thương mại Nhật Bản", "일본무역진흥기구")),
    ("org:jica", ORGANISATION, "JICA", ("Japan International Cooperation Agency", "国際協力機構", "ジャイカ")),
    ("org:ieti", ORGANISATION, "IETI", ("Institute for Innovation and New Energy Technology",)),
    ("org:thailand-boi", ORGANISATION, "Thailand Board of Investment", ("BOI", "บีโอไอ", "タイ投資委員会")),
    ("org:indonesia-bkpm", ORGANISATION, "Indonesia Ministry of Investment (BKPM)", (
        "BKPM", "Kementerian Investasi", "インドネシア投資省")),
    ("org:kp-boit", ORGANISATION, "KP Board of Investment and Trade", (
        "KP-BOIT", "Khyber Pakhtunkhwa Board of Investment and Trade", "خیبر پختونخوا بورڈ آف انویسٹمنٹ اینڈ ٹریڈ")),
    ("org:pakistan-boi", ORGANISATION, "Pakistan Board of Investment", ("بورڈ آف انویسٹمنٹ", "Board of Investment")),
    ("org:cpec", ORGANISATION, "China-Pakistan Economic Corridor", ("CPEC", "سی پیک", "中巴经济走廊")),
    ("org:amdie", ORGANISATION, "AMDIE", (
        "Agence marocaine de développement des investissements et des exportations",)),
    ("org:afd", ORGANISATION, "Agence française de développement", ("AFD", "Cơ quan Phát triển Pháp")),
    ("org:vn-mpi", ORGANISATION, "Vietnam Ministry of Planning and Investment", (
        "Ministry of Planning and Investment", "Bộ Kế hoạch và Đầu tư", "越南计划投资部", "베트남 계획투자부")),
    ("org:quang-ninh-ipa", ORGANISATION, "Quang Ninh Investment Promotion Agency", (
        "Ban Xúc tiến và Hỗ trợ đầu tư Quảng Ninh", "Ban xúc tiến và hỗ trợ đầu tư Quảng Ninh",
        "Ban xúc tiến và đầu tư Quảng Ninh", "Quang Ninh IPA")),
    ("org:castem", ORGANISATION, "Castem Vietnam", ("Castem", "キャステム")),
    ("org:seiko-vietnam", ORGANISATION, "Seiko Vietnam", ("Seiko Việt Nam", "Seiko", "セイコー")),
    ("org:tamagawa", ORGANISATION, "Tamagawa Vietnam", ("Tamagawa", "タマガワ")),
    ("org:fujix", ORGANISATION, "Fujix Vietnam", ("Fujix", "フジックス")),
    ("event:expo-2025", ORGANISATION, "Expo 2025 Osaka, Kansai", ("EXPO 2025", "大阪・関西万博", "万博")),
]  # fmt: skip


@dataclass(frozen=True)
class Entity:
    """A gazetteer entry found in the text: text == cleaned_text[start:end]."""

    id: str
    kind: str
    name: str
    text: str
    start: int
    end: int

    def as_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "text": self.text,
                "start": self.start, "end": self.end}  # fmt: skip


class _FoldTable(dict):
    """Per character: lower case, without Vietnamese or other Latin diacritics, đ as d; one for one."""

    def __missing__(self, code: int) -> int:
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0] if unicodedata.category(ch).startswith("L") else ch
        if ch in "đĐ":
            base = "d"
        elif ch in "\u2013\u2014\u2010\u2011\u00a0\u202f":
            base = "-" if ch in "\u2013\u2014\u2010\u2011" else " "
        lowered = base.lower()
        self[code] = ord(lowered) if len(lowered) == 1 else ord(base)
        return self[code]


_TABLE = _FoldTable()
_SEPARATORS = re.compile(r"[\s\-]+")
_KATAKANA = "ァ-ヺー・"


def fold_name(text: str) -> str:
    return text.translate(_TABLE)


def _key(text: str) -> str:
    return _SEPARATORS.sub(" ", fold_name(text)).strip()


def _pattern(name: str) -> str:
    folded = fold_name(name)
    body = r"[\s\-]+".join(re.escape(part) for part in _SEPARATORS.split(folded) if part)
    if re.match(r"[a-z0-9]", folded[0]):
        body = r"(?<![\w])" + body
    if re.search(r"[a-z0-9]$", folded):
        body += r"(?![\w])"
    if re.fullmatch(f"[{_KATAKANA}]+", folded):
        body = rf"(?<![{_KATAKANA}]){body}(?![{_KATAKANA}])"
    return body


@functools.cache
def _matchers() -> dict[str, list[tuple[re.Pattern, tuple[str, str, str]]]]:
    """Per literal that written names start with (folded): their patterns and entries, longest first."""
    seen, by_first = set(), {}
    for entity_id, kind, name, others in GAZETTEER:
        for written in (name, *others):
            key = _key(written)
            if key in seen:
                continue
            seen.add(key)
            first = _SEPARATORS.split(fold_name(written).strip())[0]
            by_first.setdefault(first, []).append((re.compile(_pattern(written)), (entity_id, kind, name)))
    for patterns in by_first.values():
        patterns.sort(key=lambda item: len(item[0].pattern), reverse=True)
    return by_first


_LATIN_TOKEN = re.compile(r"[a-z0-9]+")


def find_entities(text: str) -> list[Entity]:
    """Every gazetteer name in `text`; where names overlap, the longest."""
    folded = fold_name(text)
    words = set(_LATIN_TOKEN.findall(folded))
    hits = []
    # A plain substring search finds the candidates quickly; the names' patterns then check their boundaries.
    for first, patterns in _matchers().items():
        if first.isascii() and first.isalnum() and first not in words:
            continue
        at = folded.find(first)
        while at != -1:
            for pattern, entry in patterns:
                m = pattern.match(folded, at)
                if m:
                    hits.append((m.start(), m.end(), entry))
            at = folded.find(first, at + 1)
    hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    found, end = [], -1
    for start, stop, entry in hits:
        if start >= end:
            found.append(Entity(*entry, text[start:stop], start, stop))
            end = stop
    return found

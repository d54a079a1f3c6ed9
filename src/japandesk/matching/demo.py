"""Supplier matching in the demonstration data set: a few hundred supplier profiles and a few dozen buyers'
needs in Vietnamese, English and Japanese (with some Korean and Chinese), some verified, some expiring soon,
some awaiting review, and a few introductions at different stages.

The evaluation set's profiles and needs are loaded as they are; the other profiles are written from the
glossary's terms with templates of each language, drawn from a seeded generator so that every load writes
the same data. Everything goes through the services. Loading twice changes nothing: demo records carry the
reference prefix "demo-", and their presence means the set is loaded.
"""

import datetime
import json
import random

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core.text import strip_diacritics
from japandesk.matching import services, stored
from japandesk.matching.choices import IntroductionStatus
from japandesk.matching.engine.glossary import DATA as GLOSSARY
from japandesk.matching.evaluation import DATA as EVALUATION
from japandesk.matching.evaluation import read_jsonl
from japandesk.matching.models import BuyerNeed, Introduction, SupplierProfile
from japandesk.zones.models import Zone

PREFIX = "demo-"
GENERATED = 260
EXTRA_NEEDS = 8
SEED = 5

PLACES = ["Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái", "Quảng Yên", "Đông Triều", "Vân Đồn", "Tiên Yên", "Hải Hà"]
VI_TRADES = ["Cơ khí", "Cơ khí chính xác", "Kỹ thuật", "Công nghiệp", "Sản xuất", "Nhựa", "Điện tử", "Kim khí"]
VI_SUFFIXES = ["", " Việt Nhật", " Đông Bắc", " Miền Bắc", " Phát Đạt", " Thành Công", " Hưng Thịnh", " An Phát"]
EN_WORDS = ["Precision", "Engineering", "Industries", "Manufacturing", "Technology", "Components", "Works"]
JA_PLACES = ["ハロン", "カムファ", "ウオンビ", "モンカイ", "クアンニン", "ドンチエウ"]
JA_WORDS = ["精工", "工業", "製作所", "テクノ", "精密", "化成", "電子"]
JA_LATIN = {
    "ハロン": "Ha Long",
    "カムファ": "Cam Pha",
    "ウオンビ": "Uong Bi",
    "モンカイ": "Mong Cai",
    "クアンニン": "Quang Ninh",
    "ドンチエウ": "Dong Trieu",
    "精工": "Seiko",
    "工業": "Kogyo",
    "製作所": "Seisakusho",
    "テクノ": "Techno",
    "精密": "Seimitsu",
    "化成": "Kasei",
    "電子": "Denshi",
}
CERTIFICATE_SPELLINGS = {
    "ISO 9001": ["ISO 9001:2015", "ISO9001", "ＩＳＯ９００１", "iso-9001"],
    "ISO 14001": ["ISO 14001:2015", "ISO14001"],
    "IATF 16949": ["IATF 16949:2016", "IATF16949", "ISO/TS 16949"],
    "ISO 13485": ["ISO 13485:2016"],
    "ISO 45001": ["ISO 45001"],
}
TEMPLATES = {
    "vi": [
        "Công ty chuyên {p1} và {p2} {m} cho {prod}. Khách hàng chính là doanh nghiệp FDI tại Quảng Ninh và Hải Phòng.",
        "Nhận {p1}, {p2} theo bản vẽ; vật liệu {m}; sản phẩm: {prod}. Có kinh nghiệm làm hàng cho khách Nhật.",
        "Xưởng {p1} với {n} công nhân, nhận gia công {prod} bằng {m}, giao hàng đúng hạn.",
        "Chúng tôi cung cấp dịch vụ {p1} và {p2} cho ngành {prod}, vật liệu chính là {m}.",
    ],
    "en": [
        "We provide {p1} and {p2} of {m} parts for {prod}, to drawing, in small and medium lots.",
        "{p1} shop with {n} staff, supplying {prod} in {m} to Japanese and Korean manufacturers.",
        "Contract manufacturer: {p1}, {p2}; materials {m}; products: {prod}. Export to Japan since 2018.",
        "Specialised in {p1} for {prod}; we also offer {p2}. Main material: {m}.",
    ],
    "ja": [
        "{prod}向け{m}部品の{p1}・{p2}を行っています。図面支給による小ロット対応可。",
        "{p1}を中心に{prod}を製造。材質は{m}、従業員{n}名。日系企業との取引実績あり。",
        "{m}の{p1}と{p2}。主な製品は{prod}です。品質管理体制を整備しています。",
        "当社は{prod}の{p1}を得意としています。{p2}も一貫対応。",
    ],
}
BUYERS = [
    ("株式会社サンプル精機", "Sample Seiki K.K."),
    ("山川工業株式会社", "Yamakawa Kogyo Co., Ltd."),
    ("東和電子株式会社", "Towa Denshi Co., Ltd."),
    ("みなと化成株式会社", "Minato Kasei Co., Ltd."),
    ("北斗自動車部品株式会社", "Hokuto Auto Parts Co., Ltd."),
    ("Example Components Ltd.", "Example Components Ltd."),
]
NEED_TITLES = {
    "ja": "{prod}の{p1}",
    "vi": "{p1} cho {prod}",
    "en": "{p1} for {prod}",
    "ko": "{prod} {p1}",
    "zh": "{prod}{p1}",
}


def _glossary() -> dict[str, dict]:
    return {c["id"]: c for c in json.loads(GLOSSARY.read_text(encoding="utf-8"))["concepts"]}


def _term(rng: random.Random, concept: dict, language: str) -> str:
    terms = concept.get(language) or concept["en"]
    return rng.choice(terms[:4])


def _vi_name(rng: random.Random) -> tuple[str, str]:
    name = f"Công ty TNHH {rng.choice(VI_TRADES)} {rng.choice(PLACES)}{rng.choice(VI_SUFFIXES)}"
    return name, strip_diacritics(name).replace("đ", "d").replace("Đ", "D")


def _en_name(rng: random.Random) -> tuple[str, str]:
    place = strip_diacritics(rng.choice(PLACES)).replace("Đ", "D")
    name = f"{place} {rng.choice(EN_WORDS)} Co., Ltd."
    return name, name


def _ja_name(rng: random.Random) -> tuple[str, str]:
    place, word = rng.choice(JA_PLACES), rng.choice(JA_WORDS)
    return f"{place}{word}ベトナム有限会社", f"{JA_LATIN[place]} {JA_LATIN[word]} Vietnam Co., Ltd."


NAMERS = {"vi": _vi_name, "en": _en_name, "ja": _ja_name}


def _certifications(rng: random.Random, automotive: bool) -> list[str]:
    held = []
    if rng.random() < 0.65:
        held.append("ISO 9001")
    if rng.random() < 0.3:
        held.append("ISO 14001")
    if automotive and rng.random() < 0.45:
        held.append("IATF 16949")
    if rng.random() < 0.04:
        held.append("ISO 13485")
    if rng.random() < 0.1:
        held.append("ISO 45001")
    return [rng.choice(CERTIFICATE_SPELLINGS[name]) for name in held]


def _expiry(rng: random.Random, today: datetime.date) -> datetime.date:
    roll = rng.random()
    if roll < 0.08:
        return today - datetime.timedelta(days=rng.randint(1, 90))  # expired
    if roll < 0.2:
        return today + datetime.timedelta(days=rng.randint(3, 30))  # expiring soon
    return today + datetime.timedelta(days=rng.randint(45, 365))


def generated_profiles(today: datetime.date, zones: list) -> list[dict]:
    """The generated profiles' service arguments, the same on every load."""
    rng = random.Random(SEED)
    concepts = _glossary()
    processes = [c for c in concepts.values() if c["kind"] == "process"]
    materials = [c for c in concepts.values() if c["kind"] == "material"]
    products = [c for c in concepts.values() if c["kind"] == "product"]
    rows = []
    for i in range(GENERATED):
        language = ("vi", "vi", "en", "ja")[i % 4]
        p1, p2 = rng.sample(processes, 2)
        material, product = rng.choice(materials), rng.choice(products)
        employees = rng.choice([25, 40, 60, 85, 120, 180, 250, 400, 650])
        description = rng.choice(TEMPLATES[language]).format(
            p1=_term(rng, p1, language),
            p2=_term(rng, p2, language),
            m=_term(rng, material, language),
            prod=_term(rng, product, language),
            n=employees,
        )
        name, latin = NAMERS[language](rng)
        automotive = product["id"] in {"automotive", "motorcycle", "bracket", "harness", "gear", "fastener"}
        ticked = [p1["id"]] if rng.random() < 0.5 else []
        rows.append(
            {
                "ref": f"{PREFIX}s-{i + 1:04d}",
                "name": name,
                "name_latin": latin if latin != name else "",
                "province": "Quảng Ninh",
                "zone": rng.choice(zones) if zones and rng.random() < 0.7 else None,
                "language": language,
                "description": description,
                "processes": ticked,
                "materials": [material["id"]] if rng.random() < 0.4 else [],
                "hs_codes": [f"{product['hs'][0]}.{rng.choice(['10', '29', '90', '99'])}"] if product.get("hs") else [],
                "certifications": _certifications(rng, automotive),
                "capacity": rng.choice(["", "20.000 sản phẩm/tháng", "50,000 pcs/month", "月産3万個"]),
                "employees": employees,
                "export_experience": rng.choice(["", "Japan, Korea", "Nhật Bản", "日本向け輸出実績あり"]),
                "languages_spoken": sorted({language, *rng.sample(["vi", "en", "ja"], rng.randint(0, 2))}),
                "contact_email": f"sales{i + 1:04d}@supplier.example",
                "illustrative": True,
                "expires_on": _expiry(rng, today),
                "verified": rng.random() < 0.8,
            }
        )
    return rows


def evaluation_profiles(today: datetime.date, zones: list) -> list[dict]:
    rng = random.Random(SEED + 1)
    rows = []
    for record in read_jsonl(EVALUATION / "suppliers.jsonl"):
        language = record["language"]
        name, latin = NAMERS.get(language, _en_name)(rng)
        rows.append(
            {
                "ref": PREFIX + record["id"],
                "name": name,
                "name_latin": latin if latin != name else "",
                "province": "Quảng Ninh",
                "zone": rng.choice(zones) if zones else None,
                "language": language,
                "description": record["description"],
                "hs_codes": record.get("hs_codes", []),
                "certifications": record.get("certifications", []),
                "employees": rng.choice([30, 80, 150, 300]),
                "contact_email": f"{record['id']}@supplier.example",
                "illustrative": True,
                "expires_on": today + datetime.timedelta(days=rng.randint(45, 365)),
                "verified": True,
            }
        )
    return rows


def needs() -> list[dict]:
    rng = random.Random(SEED + 2)
    concepts = _glossary()
    rows = []
    for record in read_jsonl(EVALUATION / "needs.jsonl"):
        buyer, _latin = rng.choice(BUYERS)
        description = record["description"]
        rows.append(
            {
                "ref": PREFIX + record["id"],
                "buyer": buyer,
                "title": description[:60].rstrip("。. ") if len(description) <= 60 else description[:57] + "…",
                "language": record["language"],
                "description": description,
                "required_certifications": record.get("required_certifications", []),
                "hs_codes": record.get("hs_codes", []),
                "illustrative": True,
            }
        )
    processes = [c for c in concepts.values() if c["kind"] == "process"]
    products = [c for c in concepts.values() if c["kind"] == "product"]
    for i in range(EXTRA_NEEDS):
        language = ("ja", "ja", "vi", "en")[i % 4]
        p1, product = rng.choice(processes), rng.choice(products)
        title = NEED_TITLES[language].format(p1=_term(rng, p1, language), prod=_term(rng, product, language))
        buyer, _latin = rng.choice(BUYERS)
        rows.append(
            {
                "ref": f"{PREFIX}n-{i + 1:03d}",
                "buyer": buyer,
                "title": title,
                "language": language,
                "description": title,
                "processes": [p1["id"]],
                "volumes": rng.choice(["", "5,000 pcs/month", "月産1万個", "20.000 chiếc/năm"]),
                "required_certifications": ["ISO 9001"] if rng.random() < 0.5 else [],
                "deadline": timezone.localdate() + datetime.timedelta(days=rng.randint(20, 120)),
                "illustrative": True,
            }
        )
    return rows


INTRODUCTION_STAGES = [
    (IntroductionStatus.DEAL, "Trial order of 2,000 pieces placed."),
    (IntroductionStatus.MEETING, "Factory visit held; the buyer asked for samples."),
    (IntroductionStatus.INTRODUCED, "Both firms received each other's profiles by e-mail."),
    (IntroductionStatus.NO_INTEREST, "The supplier's capacity was too small for the buyer."),
    (IntroductionStatus.PROPOSED, ""),
    (IntroductionStatus.INTRODUCED, "Online meeting scheduled."),
]


def _reset() -> None:
    Introduction.objects.filter(need__ref__startswith=PREFIX).delete()
    Introduction.objects.filter(profile__ref__startswith=PREFIX).delete()
    BuyerNeed.objects.filter(ref__startswith=PREFIX).delete()
    for profile in SupplierProfile.objects.filter(ref__startswith=PREFIX):
        profile.brochures.all().delete()
        profile.delete()
    stored.invalidate()


@transaction.atomic
def load(stdout=None, reset: bool = False) -> dict[str, int]:
    if reset:
        _reset()
    if SupplierProfile.objects.filter(ref__startswith=PREFIX).exists():
        if stdout is not None:
            stdout.write(_("Supplier matching: demo data already loaded."))
        return {"profiles": 0, "needs": 0, "introductions": 0}
    today = timezone.localdate()
    zones = list(Zone.objects.order_by("code"))
    profiles = 0
    for row in evaluation_profiles(today, zones) + generated_profiles(today, zones):
        services.create_profile(actor=None, source="demo", **row)
        profiles += 1
    created_needs = [services.create_need(actor=None, source="demo", **row) for row in needs()]
    introductions = 0
    for need, (status, note) in zip(created_needs[::5], INTRODUCTION_STAGES, strict=False):
        found = stored.matches_for_need(need, top=1)
        if not found:
            continue
        introduction = services.introduce(need, found[0].profile, actor=None, source="demo")
        if status != IntroductionStatus.PROPOSED:
            services.record_outcome(introduction, actor=None, status=status, outcome_note=note, source="demo")
        introductions += 1
    if stdout is not None:
        stdout.write(
            _("Supplier matching: {profiles} profiles, {needs} needs, {introductions} introductions.").format(
                profiles=profiles, needs=len(created_needs), introductions=introductions
            )
        )
    return {"profiles": profiles, "needs": len(created_needs), "introductions": introductions}

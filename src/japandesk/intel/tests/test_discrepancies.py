"""Figures attributed to an origin economy in the province, checked against the registry."""

import datetime
from decimal import Decimal

import pytest

from japandesk.intel.discrepancies import agrees, month_ends_before, precision
from japandesk.intel.extraction import extract_facts


def compared(article):
    return [
        (f.text, f.registry_value, f.discrepancy, f.scope) for f in article.facts.filter(registry_value__isnull=False)
    ]


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("4.2 billion USD", "en", Decimal("100000000")),
        ("2,77 Milliarden US-Dollar", "de", Decimal("10000000")),
        ("2,394 million USD", "en", Decimal("1000000")),
        ("45 triệu USD", "vi", Decimal("1000000")),
        ("2,770 million USD", "en", Decimal("1000000")),
    ],
)
def test_precision_is_the_last_written_digit(text, language, unit):
    (fact,) = extract_facts(text, language)
    assert precision(fact, language) == unit


def test_agreement_allows_rounding_and_cutting_only():
    unit = Decimal("100000000")
    assert agrees(Decimal("4200000000"), Decimal("4236000000"), unit)
    assert agrees(Decimal("4200000000"), Decimal("4150000000"), unit)
    assert agrees(Decimal("4200000000"), Decimal("4299999999"), unit)
    assert not agrees(Decimal("4200000000"), Decimal("4300000000"), unit)
    assert not agrees(Decimal("4200000000"), Decimal("4149999999"), unit)


def test_month_ends_before():
    assert month_ends_before(datetime.date(2023, 11, 17)) == [
        datetime.date(2023, 10, 31),
        datetime.date(2023, 9, 30),
        datetime.date(2023, 8, 31),
    ]


def test_count_and_capital_agree_within_rounding(japanese_projects, ingest):
    article = ingest(
        "Japanese investors now hold 2 projects in Quang Ninh province with registered capital of 4.2 billion USD.",
        language="en",
    )
    assert compared(article) == [
        ("2 projects", Decimal("2.000000"), False, "province"),
        ("4.2 billion USD", Decimal("4236000000.000000"), False, "province"),
    ]
    assert article.facts.filter(discrepancy=True).count() == 0


def test_figures_beyond_rounding_are_flagged(japanese_projects, ingest):
    article = ingest(
        "In Quang Ninh, 3 projects are from Japan, with a total registered capital of 4.3 billion USD.",
        language="en",
    )
    assert compared(article) == [
        ("3 projects", Decimal("2.000000"), True, "province"),
        ("4.3 billion USD", Decimal("4236000000.000000"), True, "province"),
    ]
    flagged = article.facts.get(text="3 projects")
    assert flagged.origin.code == "JP"
    assert flagged.registry_as_of == datetime.date(2025, 6, 30)


def test_vietnamese_and_german_sentences(japanese_projects, ingest):
    vi = ingest("Hiện tỉnh Quảng Ninh có 2 dự án vốn đầu tư từ Nhật Bản với số vốn đăng ký đạt 4.236 triệu USD.")
    assert [(t, d) for t, _v, d, _s in compared(vi)] == [("2 dự án", False), ("4.236 triệu USD", False)]
    de = ingest(
        "Von insgesamt 9 Projekten in der Provinz stammen nur 5 Projekte von japanischen Investoren mit einem "
        "registrierten Kapital von 4,24 Milliarden US-Dollar."
    )
    assert [(t, d) for t, _v, d, _s in compared(de)] == [("5 Projekte", True), ("4,24 Milliarden US-Dollar", False)]


def test_zone_scope_from_the_sentence(japanese_projects, ingest):
    article = ingest(
        "Japanese investors have 2 projects in the province's industrial parks and economic zones, with "
        "registered capital of 10 million USD."
    )
    assert compared(article) == [
        ("2 projects", Decimal("1.000000"), True, "in_zones"),
        ("10 million USD", Decimal("10000000.000000"), False, "in_zones"),
    ]
    one_zone = ingest("In Quang Ninh, KCN Đông Mai hosts 1 Japanese project worth 12 million USD.")
    assert compared(one_zone) == [
        ("1 Japanese project", Decimal("1.000000"), False, "zone"),
        ("12 million USD", Decimal("10000000.000000"), True, "zone"),
    ]
    assert one_zone.facts.get(kind="count").scope_zone.code == "dong-mai-ip"


def test_a_figure_is_not_compared_without_province_or_origin(japanese_projects, ingest):
    national = ingest("Japan has 3,292 projects in Vietnam with registered capital of 42 billion USD.", language="en")
    assert compared(national) == []
    no_origin = ingest("The province has 7 projects with registered capital of 2.1 billion USD.", language="en")
    assert compared(no_origin) == []
    host = ingest("Vietnam has 7 projects in Quang Ninh province worth 2.1 billion USD.", language="en")
    assert compared(host) == []


def test_only_the_count_nearest_the_origin_is_attributed(japanese_projects, ingest):
    article = ingest(
        "FDI in the province reached 13.91 billion USD with 172 projects from 20 economies, of which 2 projects "
        "have capital from Japan with registered capital of 4,236 million USD."
    )
    assert compared(article) == [
        ("2 projects", Decimal("2.000000"), False, "province"),
        ("4,236 million USD", Decimal("4236000000.000000"), False, "province"),
    ]


def test_a_distant_origin_is_not_attributed(japanese_projects, ingest):
    article = ingest(
        "At the conference, certificates were handed to typical Japanese projects in the province, including the "
        "precision machining plant, the parts plant, the motor plant and the industrial products plant, with a "
        "total investment capital of over 80 million USD."
    )
    assert compared(article) == []


def test_figures_lagging_behind_agree_with_an_earlier_month_end(japanese_projects, officer, ingest):
    from japandesk.registry import services as registry

    later = registry.create_project(
        actor=officer, code="QN-T-003", name="Nhà máy mới", sector=japanese_projects["toyo"].sector
    )
    registry.record_event(
        later,
        actor=officer,
        kind="registration",
        date=datetime.date(2025, 7, 10),
        certificate_no="IRC-T-003",
        capital_usd=Decimal("5000000"),
        capital_vnd=Decimal("130000000000"),
        lineup=[(japanese_projects["toyo_investor"], Decimal(100))],
    )
    article = ingest("Quang Ninh province has 2 Japanese projects.", published_on=datetime.date(2025, 7, 20))
    fact = article.facts.get()
    assert (fact.discrepancy, fact.registry_value, fact.registry_as_of) == (
        False,
        Decimal(2),
        datetime.date(2025, 6, 30),
    )
    newer = ingest("Quang Ninh province now has 4 Japanese projects.", published_on=datetime.date(2025, 7, 20))
    fact = newer.facts.get()
    assert (fact.discrepancy, fact.registry_value, fact.registry_as_of) == (
        True,
        Decimal(3),
        datetime.date(2025, 7, 20),
    )


def test_other_currencies_are_compared_at_the_rate_of_the_date(japanese_projects, ingest):
    from japandesk.core.models import FxRate

    FxRate.objects.create(currency="VND", date=datetime.date(2025, 1, 1), per_usd=Decimal("25000"))
    article = ingest("Tỉnh Quảng Ninh có 2 dự án của Nhật Bản với tổng vốn 105.900 tỷ đồng.")
    fact = article.facts.get(kind="money")
    assert (fact.currency, fact.registry_value, fact.discrepancy) == ("VND", Decimal("105900000000000"), False)


@pytest.mark.parametrize(
    "text",
    [
        "In the first quarter, Quang Ninh province attracted 120 million USD from Japan in 3 projects.",
        "Tại hội nghị, tỉnh Quảng Ninh đã trao giấy chứng nhận cho 4 dự án của Nhật Bản với tổng vốn 80 triệu USD.",
        "A Japanese trading house will invest USD350 million in southern Dong Nai province.",
        "UBND tỉnh Đồng Nai có 7 dự án của Nhật Bản với vốn đăng ký 900 triệu USD.",
        "Die Provinz Quang Ninh plant 5 neue Projekte japanischer Investoren.",
        "โครงการในจังหวัดกว๋างนิญมีมูลค่ากว่า 5 พันล้านดอลลาร์สหรัฐ",
    ],
    ids=["period", "granted", "other-province", "other-province-vi", "planned", "currency-name"],
)
def test_flows_other_places_and_currency_names_are_not_compared(japanese_projects, ingest, text):
    assert compared(ingest(text)) == []


def test_a_total_to_date_is_compared_even_with_flow_words(japanese_projects, ingest):
    article = ingest("Cumulative FDI attraction in the province: Japan has 2 projects with 4,236 million USD in total.")
    assert [(t, d) for t, _v, d, _s in compared(article)] == [("2 projects", False), ("4,236 million USD", False)]


@pytest.mark.parametrize(
    "text",
    [
        "クアンニン省では日本からの投資案件が累計2件、登録資本は累計42億3600万ドルに達した。",
        "广宁省目前共有2个日本投资项目，注册资本42.36亿美元。",
        "꽝닌성에는 현재 일본 투자 프로젝트 2건, 등록자본 42억 3600만 달러가 있다.",
        "Provinsi Quang Ninh saat ini memiliki 2 proyek Jepang dengan modal terdaftar 4,24 miliar dolar AS.",
        "La province de Quang Ninh compte au total 2 projets japonais, pour un capital de 4,24 milliards de dollars.",
        "ปัจจุบันจังหวัดกว๋างนิญมีโครงการจากญี่ปุ่น 2 โครงการ มูลค่ารวม 4,236 ล้านดอลลาร์สหรัฐ",
        "کوانگ نِن صوبے میں اس وقت جاپان کے 2 منصوبے ہیں جن کا سرمایہ 4.24 ارب ڈالر ہے۔",
    ],
    ids=["ja", "zh", "ko", "id", "fr", "th", "ur"],
)
def test_the_rule_reads_every_language(japanese_projects, ingest, text):
    article = ingest(text)
    rows = article.facts.filter(registry_value__isnull=False).values_list("kind", "registry_value", "discrepancy")
    assert list(rows) == [("count", Decimal(2), False), ("money", Decimal(4236000000), False)]


def test_an_amount_far_from_the_count_is_not_its_capital(japanese_projects, ingest):
    article = ingest(
        "Quang Ninh province currently has 2 Japanese projects, while its seaports, hotels, shops, logistics "
        "centres and the rest of its foreign-invested economy together account for 13.91 billion USD."
    )
    assert [(t, d) for t, _v, d, _s in compared(article)] == [("2 Japanese projects", False)]

"""Facts per language and kind: exact values, currencies, units and offsets, and nothing else."""

import pytest

from japandesk.intel.extraction import extract_facts


def expect(text: str, fragment: str, kind: str, value, occurrence: int = 1, **extra) -> dict:
    """The fact a reader marks on `fragment` (its `occurrence`-th appearance in `text`)."""
    start = -1
    for _ in range(occurrence):
        start = text.index(fragment, start + 1)
    fact = {"kind": kind, "value": value, **extra}
    fact.update(text=fragment, start=start, end=start + len(fragment))
    return fact


def facts(text: str, language: str) -> list[dict]:
    return [fact.as_json() for fact in extract_facts(text, language)]


MONEY = [
    ("en", "The group will invest US$1.2 billion, up from $350mn, plus €45m and ¥15 billion.", [
        ("US$1.2 billion", 1200000000, "USD"), ("$350mn", 350000000, "USD"), ("€45m", 45000000, "EUR"),
        ("¥15 billion", 15000000000, "JPY")]),
    ("en", "Capital of 2,394 million USD, then 13.91 billion US dollars and Rs85 billion.", [
        ("2,394 million USD", 2394000000, "USD"), ("13.91 billion US dollars", 13910000000, "USD"),
        ("Rs85 billion", 85000000000, "PKR")]),
    ("vi", "Tổng vốn 2.394 triệu USD, tăng 1,2 tỷ USD, tương đương 29.000 tỷ đồng và 3,5 nghìn tỷ đồng.", [
        ("2.394 triệu USD", 2394000000, "USD"), ("1,2 tỷ USD", 1200000000, "USD"),
        ("29.000 tỷ đồng", 29000000000000, "VND"), ("3,5 nghìn tỷ đồng", 3500000000000, "VND")]),
    ("vi", "Vốn hơn 80 triệu đô la Mỹ, khoảng 48,5 triệu đô la và 200 triệu euro.", [
        ("80 triệu đô la Mỹ", 80000000, "USD"), ("48,5 triệu đô la", 48500000, "USD"),
        ("200 triệu euro", 200000000, "EUR")]),
    ("de", "Kapital von 17,07 Milliarden US-Dollar, 290,39 Millionen US-Dollar, 45 Mio. Euro und 1,2 Mrd. €.", [
        ("17,07 Milliarden US-Dollar", 17070000000, "USD"), ("290,39 Millionen US-Dollar", 290390000, "USD"),
        ("45 Mio. Euro", 45000000, "EUR"), ("1,2 Mrd. €", 1200000000, "EUR")]),
    ("fr", "Un projet de 2,3 milliards de dollars, 200 millions d'euros, 45 M€ et 1,1 milliard de dirhams.", [
        ("2,3 milliards de dollars", 2300000000, "USD"), ("200 millions d'euros", 200000000, "EUR"),
        ("45 M€", 45000000, "EUR"), ("1,1 milliard de dirhams", 1100000000, "MAD")]),
    ("id", "Investasi US$2 miliar atau Rp31,4 triliun, ditambah Rp 1,5 juta dan 450 juta dolar AS.", [
        ("US$2 miliar", 2000000000, "USD"), ("Rp31,4 triliun", 31400000000000, "IDR"),
        ("Rp 1,5 juta", 1500000, "IDR"), ("450 juta dolar AS", 450000000, "USD")]),
    ("ja", "登録資本は23億9400万ドル、投資額は45億円、売上高は1,280億円、さらに3兆ルピアを投じる。", [
        ("23億9400万ドル", 2394000000, "USD"), ("45億円", 4500000000, "JPY"), ("1,280億円", 128000000000, "JPY"),
        ("3兆ルピア", 3000000000000, "IDR")]),
    ("zh", "总投资5亿美元（约合12.7万亿越南盾），一期9000万美元，另有1718.4亿元人民币。", [
        ("5亿美元", 500000000, "USD"), ("12.7万亿越南盾", 12700000000000, "VND"), ("9000万美元", 90000000, "USD"),
        ("1718.4亿元人民币", 171840000000, "CNY")]),
    ("ko", "추가 투자액은 12억 달러(약 1조 6000억 원)이며 FDI는 3억 4560만 달러였다. 금융업은 124억 4천만 달러.", [
        ("12억 달러", 1200000000, "USD"), ("1조 6000억 원", 1600000000000, "KRW"),
        ("3억 4560만 달러", 345600000, "USD"), ("124억 4천만 달러", 12440000000, "USD")]),
    ("th", "มูลค่า 1,100 ล้านบาท หรือ 1.02 แสนล้านบาท และ 1.2 พันล้านดอลลาร์สหรัฐ รวม ๗๒๐,๐๐๐ ล้านบาท", [
        ("1,100 ล้านบาท", 1100000000, "THB"), ("1.02 แสนล้านบาท", 102000000000, "THB"),
        ("1.2 พันล้านดอลลาร์สหรัฐ", 1200000000, "USD"), ("๗๒๐,๐๐๐ ล้านบาท", 720000000000, "THB")]),
    ("ur", "چین سے 50 کروڑ 90 لاکھ ڈالر، 85 ارب روپے، 250 ملین ڈالر اور ۵ ارب ڈالر کی سرمایہ کاری", [
        ("50 کروڑ 90 لاکھ ڈالر", 509000000, "USD"), ("85 ارب روپے", 85000000000, "PKR"),
        ("250 ملین ڈالر", 250000000, "USD"), ("۵ ارب ڈالر", 5000000000, "USD")]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), MONEY, ids=[f"{m[0]}-{i}" for i, m in enumerate(MONEY)])
def test_money_with_scale_words_currencies_and_number_formats(language, text, expected):
    # given a sentence in the language / when its facts are extracted / then exactly these amounts
    assert facts(text, language) == [expect(text, t, "money", v, currency=c) for t, v, c in expected]


def test_money_ranges_give_both_ends_the_currency():
    # given ranges with the currency after the second end only
    text = "GRDP per capita of 19,000 - 20,000 USD, or 2-3 billion USD."
    # when extracted / then the first end takes the currency, and the scale when it has none
    assert facts(text, "en") == [
        expect(text, "19,000", "money", 19000, currency="USD"),
        expect(text, "20,000 USD", "money", 20000, currency="USD"),
        expect(text, "2", "money", 2000000000, occurrence=2, currency="USD"),
        expect(text, "3 billion USD", "money", 3000000000, currency="USD"),
    ]


def test_a_year_before_an_amount_is_no_range():
    text = "FDI rose in 2023 to $5.2 billion."
    assert facts(text, "en") == [expect(text, "$5.2 billion", "money", 5200000000, currency="USD")]


def test_japanese_range_with_a_bare_number_after_the_scale():
    text = "1人当たりGRDPを1万9000～2万ドルに引き上げる"
    assert facts(text, "ja") == [
        expect(text, "1万9000", "money", 19000, currency="USD"),
        expect(text, "2万ドル", "money", 20000, currency="USD"),
    ]


COUNTS = [
    ("en", "Of 228 active FDI projects, 12 Japanese investment projects, eleven projects, 37 companies, "
           "three Chinese delegations and 5,000 jobs.", [
        ("228 active FDI projects", 228, "project"), ("12 Japanese investment projects", 12, "project"),
        ("eleven projects", 11, "project"), ("37 companies", 37, "company"),
        ("three Chinese delegations", 3, "delegation"), ("5,000 jobs", 5000, "job")]),
    ("vi", "Có 3.292 dự án, hơn 300 doanh nghiệp, đón hơn 40 lượt là các đoàn nhà đầu tư, cử 10 đoàn "
           "và tạo 4.500 việc làm.", [
        ("3.292 dự án", 3292, "project"), ("300 doanh nghiệp", 300, "company"),
        ("40 lượt là các đoàn", 40, "delegation"), ("10 đoàn", 10, "delegation"), ("4.500 việc làm", 4500, "job")]),
    ("de", "Von 228 aktiven ausländischen Direktinvestitionsprojekten stammen 16 Projekte und elf Projekte; "
           "zwei Delegationen, 400 deutsche Unternehmen und 2.000 neue Arbeitsplätze.", [
        ("228 aktiven ausländischen Direktinvestitionsprojekten", 228, "project"), ("16 Projekte", 16, "project"),
        ("elf Projekte", 11, "project"), ("zwei Delegationen", 2, "delegation"),
        ("400 deutsche Unternehmen", 400, "company"), ("2.000 neue Arbeitsplätze", 2000, "job")]),
    ("fr", "La France compte 683 projets, 350 entreprises allemandes, quatre délégations et 1\u202f200 emplois.", [
        ("683 projets", 683, "project"), ("350 entreprises", 350, "company"),
        ("quatre délégations", 4, "delegation"), ("1\u202f200 emplois", 1200, "job")]),
    ("id", "Terdapat 72.120 proyek, 18 perusahaan, dua delegasi dan 25.000 lapangan kerja.", [
        ("72.120 proyek", 72120, "project"), ("18 perusahaan", 18, "company"), ("dua delegasi", 2, "delegation"),
        ("25.000 lapangan kerja", 25000, "job")]),
    ("ja", "FDI案件は226件、日系企業4社、12件の案件、3つの視察団、約2万5000人分の雇用。12件の覚書は数えない。", [
        ("226件", 226, "project"), ("4社", 4, "company"), ("12件", 12, "project"),
        ("3つの視察団", 3, "delegation"), ("2万5000人分の雇用", 25000, "job")]),
    ("zh", "新增投资项目347个，37家企业入驻，创造5000个就业岗位，接待3个中国代表团，累计项目5100多个。", [
        ("347个", 347, "project"), ("37家企业", 37, "company"), ("5000个就业岗位", 5000, "job"),
        ("3个中国代表团", 3, "delegation"), ("5100多个", 5100, "project")]),
    ("ko", "1,998개 프로젝트 가운데 한국 기업 프로젝트가 1067건이며, 협력사 30곳, 신규 법인 1,103개사, "
           "3천 개의 일자리, 대표단 5곳.", [
        ("1,998개 프로젝트", 1998, "project"), ("1067건", 1067, "project"), ("30곳", 30, "company"),
        ("1,103개사", 1103, "company"), ("3천 개의 일자리", 3000, "job"), ("5곳", 5, "delegation")]),
    ("th", "ยื่นขอ 3,137 โครงการ บริษัทไทยกว่า 25 แห่ง การจ้างงาน 600 ตำแหน่ง คณะผู้แทนการค้า 3 คณะ", [
        ("3,137 โครงการ", 3137, "project"), ("25 แห่ง", 25, "company"), ("600 ตำแหน่ง", 600, "job"),
        ("3 คณะ", 3, "delegation")]),
    ("ur", "بورڈ نے 12 منصوبوں کی منظوری دی، 37 کمپنیاں، تین چینی وفود اور 5 ہزار ملازمتیں", [
        ("12 منصوبوں", 12, "project"), ("37 کمپنیاں", 37, "company"), ("تین چینی وفود", 3, "delegation"),
        ("5 ہزار ملازمتیں", 5000, "job")]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), COUNTS, ids=[c[0] for c in COUNTS])
def test_counts_of_projects_companies_delegations_and_jobs(language, text, expected):
    assert facts(text, language) == [expect(text, t, "count", v, unit=u) for t, v, u in expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Phase 2 projects, top 10 firms, in 2023 projects slowed, a 12-member delegation, the G20 firms."),
        ("de", "Darunter befindet sich ein Projekt in der Wirtschaftszone; 3 Prozentpunkte."),
        ("vi", "Giai đoạn 2 dự án; năm 2023 có nhiều dự án; hai bên ký kết."),
        ("ja", "日越の企業が12件の覚書を交わした。第3件目。"),
        ("zh", "第3个项目。一家中国纺织服装集团。"),
    ],
)
def test_labels_ordinals_years_and_articles_are_no_counts(language, text):
    assert [f for f in facts(text, language) if f["kind"] == "count"] == []


PERCENTS = [
    ("en", "Up 16.3 per cent, 56.6%, 23 percent and 2.1 pct, but 3 percentage points.", [
        ("16.3 per cent", 16.3), ("56.6%", 56.6), ("23 percent", 23), ("2.1 pct", 2.1)]),
    ("vi",
        "Chiếm 10,65%, tăng 12,5 phần trăm, giảm 3 điểm phần trăm.", [("10,65%", 10.65), ("12,5 phần trăm", 12.5)]),
    ("de", "Nur 16,3 % und 63,7 Prozent; 3,6 Prozentpunkte.", [("16,3 %", 16.3), ("63,7 Prozent", 63.7)]),
    ("fr", "Une baisse de 30 % et 62,7 pour cent.", [("30 %", 30), ("62,7 pour cent", 62.7)]),
    ("id", "Naik 15,24% atau 53,9 persen.", [("15,24%", 15.24), ("53,9 persen", 53.9)]),
    ("ja", "全体の17.2％、16.3パーセント。", [("17.2％", 17.2), ("16.3パーセント", 16.3)]),
    ("zh",
        "增长6.4%，占比百分之六十二，不低于百分之零点五。",
        [("6.4%", 6.4), ("百分之六十二", 62), ("百分之零点五", 0.5)]),
    ("ko", "54.3%를 차지, 12.5퍼센트 증가, 5%p 상승.", [("54.3%", 54.3), ("12.5퍼센트", 12.5)]),
    ("th",
        "เพิ่มขึ้น 35 เปอร์เซ็นต์ สัดส่วนร้อยละ 58 และ 12.4%", [("35 เปอร์เซ็นต์", 35), ("ร้อยละ 58", 58), ("12.4%", 12.4)]),
    ("ur", "برآمدات میں 23 فیصد اور ۱۴٫۵ فیصد اضافہ", [("23 فیصد", 23), ("۱۴٫۵ فیصد", 14.5)]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), PERCENTS, ids=[p[0] for p in PERCENTS])
def test_percentages_keep_the_written_value(language, text, expected):
    assert facts(text, language) == [expect(text, t, "percent", v) for t, v in expected]


DATES = [
    ("en", "On November 17, 2023; on 25 November 2025; Nov. 28, 2024; in March 2017; 2024-08-14; but November 17.", [
        ("November 17, 2023", "2023-11-17"), ("25 November 2025", "2025-11-25"), ("Nov. 28, 2024", "2024-11-28"),
        ("March 2017", "2017-03"), ("2024-08-14", "2024-08-14")]),
    ("vi", "Ngày 17/11/2023, ngày 5 tháng 3 năm 2024, 12-6-2024 và tháng 2/2024; năm 2023 thì không.", [
        ("17/11/2023", "2023-11-17"), ("5 tháng 3 năm 2024", "2024-03-05"), ("12-6-2024", "2024-06-12"),
        ("tháng 2/2024", "2024-02")]),
    ("de", "Am 25. November 2025, am 14.03.2024 und im Mai 2024.", [
        ("25. November 2025", "2025-11-25"), ("14.03.2024", "2024-03-14"), ("Mai 2024", "2024-05")]),
    ("fr", "Le 1er janvier 2025, le 12 juin 2024 et en mai 2024.", [
        ("1er janvier 2025", "2025-01-01"), ("12 juin 2024", "2024-06-12"), ("mai 2024", "2024-05")]),
    ("id", "Pada 5 Maret 2024 dan Oktober 2024.", [("5 Maret 2024", "2024-03-05"), ("Oktober 2024", "2024-10")]),
    ("ja", "2023年11月17日、2026年4月、令和6年12月。2024年3月期は除く。", [
        ("2023年11月17日", "2023-11-17"), ("2026年4月", "2026-04"), ("令和6年12月", "2024-12")]),
    ("zh", "2024年8月14日电，计划于2025年6月完工，2024年1至9月。", [("2024年8月14日", "2024-08-14"), ("2025年6月",
        "2025-06")]),
    ("ko", "2024년 3월 5일 발표, 2024년 2월 말 기준, 2024.9.12.", [
        ("2024년 3월 5일", "2024-03-05"), ("2024년 2월", "2024-02"), ("2024.9.12.", "2024-09-12")]),
    ("th", "วันที่ 17 พฤศจิกายน 2566 และเดือนเมษายน 2569 หรือ 6 ม.ค. 2568", [
        ("17 พฤศจิกายน 2566", "2023-11-17"), ("เมษายน 2569", "2026-04"), ("6 ม.ค. 2568", "2025-01-06")]),
    ("ur", "پشاور (14 اگست 2024) اور جون 2025 تک", [("14 اگست 2024", "2024-08-14"), ("جون 2025", "2025-06")]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), DATES, ids=[d[0] for d in DATES])
def test_dates_full_and_month_year_with_iso_values(language, text, expected):
    found = [f for f in facts(text, language) if f["kind"] == "date"]
    assert found == [expect(text, t, "date", v) for t, v in expected]


def test_every_fact_text_is_the_cleaned_text_at_its_offsets():
    text = "Hiện tỉnh có 5 dự án vốn đầu tư từ Nhật Bản với số vốn đăng ký đạt 45\u00a0triệu USD (ngày 31/12/2016)."
    for fact in facts(text, "vi"):
        assert text[fact["start"] : fact["end"]] == fact["text"]
    assert [f["kind"] for f in facts(text, "vi")] == ["count", "money", "date"]


def test_vietnamese_dong_without_scale_and_under_a_thousand_is_no_money():
    assert facts("Hai đồng chủ tịch, 3 đồng chủ trì; phí 500.000 đồng.", "vi") == [
        expect("Hai đồng chủ tịch, 3 đồng chủ trì; phí 500.000 đồng.", "500.000 đồng", "money", 500000, currency="VND")
    ]

"""What each language writes for scales, currencies, percentages, counted things and months.

Patterns are regular-expression fragments matched, case-insensitively, against
the folded text (see `numbers.fold`: ASCII digits, "%" and "$" for their
full-width forms). A language not listed here is read with English words and
its own decimal mark.
"""

from dataclasses import dataclass, field

B = 10**9
M = 10**6

# Currencies written after the amount. Order matters: the first alternative that matches wins,
# so qualified names ("Singapore dollars") come before the bare word ("dollars").
_EN_AFTER = [
    (r"singapore dollars?|S\$|SGD", "SGD"),
    (r"hong kong dollars?|HK\$|HKD", "HKD"),
    (r"australian dollars?|A\$|AUD", "AUD"),
    (r"canadian dollars?|C\$|CAD", "CAD"),
    (r"(?:new )?taiwan(?:ese)? dollars?|NT\$|TWD", "TWD"),
    (r"US\$|USD|U\.S\. dollars?|US dollars?|american dollars?|dollars?|\$", "USD"),
    (r"euros?|EUR|€", "EUR"),
    (r"(?:japanese )?yen|JPY|¥", "JPY"),
    (r"(?:vietnamese )?dong|VND|VNĐ|₫", "VND"),
    (r"(?:chinese )?yuan|renminbi|RMB|CNY", "CNY"),
    (r"(?:south )?korean won|won|KRW|₩", "KRW"),
    (r"(?:thai )?baht|THB|฿", "THB"),
    (r"(?:indonesian )?rupiah|IDR", "IDR"),
    (r"indian rupees?|INR|₹", "INR"),
    (r"(?:pakistani )?rupees?|PKR", "PKR"),
    (r"pounds? sterling|sterling|GBP|£", "GBP"),
    (r"(?:malaysian )?ringgit|MYR", "MYR"),
    (r"swiss francs?|CHF", "CHF"),
    (r"dirhams?|MAD", "MAD"),
]
# Currencies written before the amount ("US$2.77 billion", "Rp 3 triliun", "€45m").
_BEFORE = [
    (r"US ?\$|USD", "USD"),
    (r"S\$|SGD", "SGD"),
    (r"HK\$|HKD", "HKD"),
    (r"A\$|AUD", "AUD"),
    (r"C\$|CAD", "CAD"),
    (r"NT\$|TWD", "TWD"),
    (r"\$", "USD"),
    (r"€|EUR", "EUR"),
    (r"£|GBP", "GBP"),
    (r"Rp\.?|IDR", "IDR"),
    (r"₹|INR", "INR"),
    (r"Rs\.?|PKR", "PKR"),
    (r"RM|MYR", "MYR"),
    (r"₩|KRW", "KRW"),
    (r"₫|VND", "VND"),
    (r"฿|THB", "THB"),
    (r"CNY|RMB", "CNY"),
    (r"CHF", "CHF"),
    (r"¥|￥|JPY", "JPY"),
]

_EN_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip

_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


@dataclass(frozen=True)
class Rules:
    """One language's words. Regex fragments, matched case-insensitively on folded text."""

    code: str
    # Scale words and what they multiply by; `attached_scales` only count right after the digits ("$2m").
    scales: dict[str, int] = field(default_factory=dict)
    attached_scales: dict[str, int] = field(default_factory=dict)
    # Words that may end with a dot that belongs to them ("Mio.", "Mrd.").
    abbreviations: tuple[str, ...] = ()
    currencies_after: list[tuple[str, str]] = field(default_factory=list)
    currencies_before: list[tuple[str, str]] = field(default_factory=lambda: list(_BEFORE))
    # What may stand between an amount and its currency: French "de"/"d'".
    currency_link: str = r" ?"
    percent_after: str = r" ?%"
    percent_before: str = ""
    # Counted things after the number: unit -> pattern; up to `filler_words` words may stand between
    # (matching `filler`), for adjectives such as "12 Japanese investment projects".
    count_units: dict[str, str] = field(default_factory=dict)
    filler: str = r"[^\W\d_][\w'’\-]*"
    filler_words: int = 0
    # Counter words of Chinese, Japanese, Korean and Thai: (pattern with a group "n" for the number, unit,
    # pattern that must occur in the `context` characters before, or "").
    counters: list[tuple[str, str, str]] = field(default_factory=list)
    number_words: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    # Date patterns with groups d, m (month number), mn (month name), y, era and ey (era year).
    dates: list[str] = field(default_factory=list)
    # How far before a counter its context pattern is looked for.
    context_chars: int = 16
    # Words before a number that make it an ordinal or a label, not a count ("phase 2 projects").
    not_counts_after: str = ""
    # Text is written with spaces between words (Latin, Urdu): words end at a non-letter.
    spaced: bool = True
    # CJK: a bare number may follow a scale ("1万9000").
    bare_after_scale: bool = False
    buddhist_era: bool = False


_EN_LABELS = (
    r"(?:phase|stage|no\.|number|nr\.|item|article|decree|resolution|level|grade|tier|route|room|gate|zone|top|the top)"
)

EN = Rules(
    code="en",
    scales={
        "thousand": 10**3,
        "million": M,
        "mln": M,
        "mn": M,
        "billion": B,
        "bln": B,
        "bn": B,
        "trillion": 10**12,
        "tn": 10**12,
        "lakh": 10**5,
        "lakhs": 10**5,
        "crore": 10**7,
        "crores": 10**7,
    },  # fmt: skip
    attached_scales={"m": M, "b": B, "k": 10**3},
    currencies_after=_EN_AFTER,
    percent_after=r" ?%|(?: |-)(?:percent(?!age)|per ?cent|pct\.?)| ?pc",
    count_units={
        "project": r"projects?",
        "company": r"companies|company|firms?|enterprises?|businesses|corporations?|manufacturers?|suppliers?",
        "delegation": r"(?:trade |business |investment )?(?:delegations?|missions)",
        "job": r"jobs?|job opportunities|employment opportunities",
    },
    filler_words=3,
    number_words=_EN_NUMBER_WORDS,
    months=_EN_MONTHS,
    dates=[
        r"(?P<mn>{months})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})",
        r"(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mn>{months})\.?,? (?P<y>\d{{4}})",
        # Month and year: capitalised only, so that "may 2024" in a sentence is no date.
        r"(?P<mn>(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?))"
        r",? (?P<y>\d{{4}})",
        r"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})",
        r"(?P<d>1[3-9]|2\d|3[01])/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})",
    ],
    not_counts_after=_EN_LABELS,
)

VI = Rules(
    code="vi",
    scales={"nghìn": 10**3, "ngàn": 10**3, "triệu": M, "tỷ": B, "tỉ": B},
    currencies_after=[
        (r"(?:đô la|đô-la|đôla|dollar) mỹ|USD|US\$|đô la|đô-la|đôla|đô(?! thị)|\$", "USD"),
        (r"đồng|VNĐ|VND|₫", "VND"),
        (r"yên nhật|yên|JPY", "JPY"),
        (r"euro|EUR|€", "EUR"),
        (r"nhân dân tệ|NDT|CNY", "CNY"),
        (r"won|KRW", "KRW"),
        (r"bạt|baht|THB", "THB"),
        (r"rupiah|IDR", "IDR"),
    ],
    percent_after=r" ?%| phần trăm",
    count_units={
        "project": r"dự án",
        "company": r"doanh nghiệp|công ty|tập đoàn",
        "delegation": r"đoàn",
        "job": r"việc làm|chỗ làm",
    },
    filler=r"lượt|là|các|những",
    filler_words=3,
    number_words={
        "hai": 2,
        "ba": 3,
        "bốn": 4,
        "sáu": 6,
        "bảy": 7,
        "tám": 8,
        "chín": 9,
        "mười": 10,
        **{
            f"{w} mươi": n * 10
            for w, n in (("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7), ("tám", 8), ("chín", 9))
        },
    },  # fmt: skip
    dates=[
        r"(?P<d>\d{{1,2}}) tháng (?P<m>\d{{1,2}})(?: năm |, ?| ?/ ?)(?P<y>\d{{4}})",
        r"(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})",
        r"tháng (?P<m>\d{{1,2}})(?: năm | ?[/-] ?)(?P<y>\d{{4}})",
        r"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})",
    ],
    not_counts_after=r"(?:giai đoạn|số|thứ|khoản|điều|mục|lần|top|nhóm)",
)

DE = Rules(
    code="de",
    scales={
        "tausend": 10**3,
        "tsd": 10**3,
        "million": M,
        "millionen": M,
        "mio": M,
        "milliarde": B,
        "milliarden": B,
        "mrd": B,
        "mia": B,
        "billion": 10**12,
        "billionen": 10**12,
        "bio": 10**12,
    },  # fmt: skip
    abbreviations=("tsd", "mio", "mrd", "mia", "bio"),
    currencies_after=[
        (r"US-Dollar|US-\$|US\$|USD|Dollar|\$", "USD"),
        (r"Euro|EUR|€", "EUR"),
        (r"Yen|JPY|¥", "JPY"),
        (r"Dong|VND", "VND"),
        (r"Yuan|Renminbi|CNY|RMB", "CNY"),
        (r"Won|KRW", "KRW"),
        (r"Baht|THB", "THB"),
        (r"Rupiah|IDR", "IDR"),
        (r"pakistanische Rupien|Rupien|PKR", "PKR"),
        (r"Schweizer Franken|Franken|CHF", "CHF"),
        (r"Pfund|GBP|£", "GBP"),
    ],
    percent_after=r" ?%| Prozent(?!punkt)| v\. ?H\.| vH",
    count_units={
        "project": r"[^\W\d_]*projekt(?:e|en|s)?",
        "company": r"[^\W\d_]*(?:unternehmen|firmen|firma|gesellschaften|konzerne)",
        "delegation": r"[^\W\d_]*delegation(?:en)?",
        "job": r"(?:[^\W\d_]*arbeitsplätzen?|[^\W\d_]*arbeitsplatz|jobs|stellen)",
    },
    filler_words=3,
    number_words={
        "zwei": 2,
        "drei": 3,
        "vier": 4,
        "fünf": 5,
        "sechs": 6,
        "sieben": 7,
        "acht": 8,
        "neun": 9,
        "zehn": 10,
        "elf": 11,
        "zwölf": 12,
        "zwanzig": 20,
        "dreißig": 30,
        "vierzig": 40,
        "fünfzig": 50,
        "hundert": 100,
    },  # fmt: skip
    months={
        "januar": 1,
        "jänner": 1,
        "februar": 2,
        "märz": 3,
        "maerz": 3,
        "april": 4,
        "mai": 5,
        "juni": 6,
        "juli": 7,
        "august": 8,
        "september": 9,
        "oktober": 10,
        "november": 11,
        "dezember": 12,
        "jan": 1,
        "feb": 2,
        "mär": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "okt": 10,
        "nov": 11,
        "dez": 12,
    },  # fmt: skip
    dates=[
        r"(?P<d>\d{{1,2}})\. ?(?P<mn>{months})\.? (?P<y>\d{{4}})",
        r"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})",
        r"(?P<mn>januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)"
        r" (?P<y>\d{{4}})",
        r"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})",
    ],
    not_counts_after=r"(?:phase|stufe|nr\.|nummer|platz|rang|artikel)",
)

FR = Rules(
    code="fr",
    scales={
        "mille": 10**3,
        "million": M,
        "millions": M,
        "milliard": B,
        "milliards": B,
        "md": B,
        "mds": B,
        "mrd": B,
        "mrds": B,
        "billion": 10**12,
        "billions": 10**12,
    },  # fmt: skip
    currencies_after=[
        (r"dollars? (?:US|américains?|des états-unis)|\$ ?US|dollars?|USD|US\$|\$", "USD"),
        (r"euros?|EUR|€", "EUR"),
        (r"yens?|JPY|¥", "JPY"),
        (r"dongs?|VND", "VND"),
        (r"yuans?|renminbi|CNY", "CNY"),
        (r"wons?|KRW", "KRW"),
        (r"bahts?|THB", "THB"),
        (r"roupies? pakistanaises?|PKR", "PKR"),
        (r"dirhams?|DH|MAD", "MAD"),
        (r"francs? CFA|FCFA|XOF", "XOF"),
        (r"francs? suisses|CHF", "CHF"),
        (r"livres? sterling|GBP|£", "GBP"),
    ],
    currency_link=r" ?(?:de |d'|d’)?",
    percent_after=r" ?%| pour ?cent| p\. ?100",
    count_units={
        "project": r"projets?",
        "company": r"entreprises?|sociétés?|firmes?|groupes?",
        "delegation": r"délégations?|missions?",
        "job": r"emplois?|postes?",
    },
    filler=r"(?:nouve(?:aux|lles?|l)|grand(?:e?s)?|petit(?:e?s)?|autres|premiers?|premières?)",
    filler_words=1,
    number_words={
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quatorze": 14,
        "quinze": 15,
        "seize": 16,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "cent": 100,
    },  # fmt: skip
    months={
        "janvier": 1,
        "février": 2,
        "fevrier": 2,
        "mars": 3,
        "avril": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "août": 8,
        "aout": 8,
        "septembre": 9,
        "octobre": 10,
        "novembre": 11,
        "décembre": 12,
        "decembre": 12,
        "janv": 1,
        "févr": 2,
        "avr": 4,
        "juil": 7,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "déc": 12,
    },  # fmt: skip
    dates=[
        r"(?P<d>\d{{1,2}})(?:er)? (?P<mn>{months})\.? (?P<y>\d{{4}})",
        r"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})",
        r"(?P<mn>janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre"
        r"|décembre|decembre) (?P<y>\d{{4}})",
        r"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})",
    ],
    not_counts_after=r"(?:phase|étape|n°|no\.|numéro|article|rang)",
)

ID = Rules(
    code="id",
    scales={"ribu": 10**3, "rb": 10**3, "juta": M, "jt": M, "miliar": B, "milyar": B, "triliun": 10**12},
    currencies_after=[
        (r"dolar singapura|SGD", "SGD"),
        (r"dolar (?:AS|amerika(?: serikat)?)|dolar|USD|US\$|\$", "USD"),
        (r"rupiah|IDR", "IDR"),
        (r"yen|JPY", "JPY"),
        (r"euro|EUR", "EUR"),
        (r"won|KRW", "KRW"),
        (r"yuan|renminbi|CNY", "CNY"),
        (r"ringgit|MYR", "MYR"),
        (r"baht|THB", "THB"),
        (r"dong|VND", "VND"),
    ],
    percent_after=r" ?%| persen(?!tase)| per sen",
    count_units={
        "project": r"proyek",
        "company": r"perusahaan|korporasi|emiten",
        "delegation": r"delegasi|misi dagang",
        "job": r"lapangan (?:kerja|pekerjaan)|tenaga kerja|pekerja|pekerjaan",
    },
    filler=r"lebih|buah|unit",
    filler_words=1,
    number_words={
        "dua": 2,
        "tiga": 3,
        "empat": 4,
        "lima": 5,
        "enam": 6,
        "tujuh": 7,
        "delapan": 8,
        "sembilan": 9,
        "sepuluh": 10,
        "sebelas": 11,
        "dua belas": 12,
        "dua puluh": 20,
        "tiga puluh": 30,
        "seratus": 100,
    },  # fmt: skip
    months={
        "januari": 1,
        "februari": 2,
        "pebruari": 2,
        "maret": 3,
        "april": 4,
        "mei": 5,
        "juni": 6,
        "juli": 7,
        "agustus": 8,
        "september": 9,
        "oktober": 10,
        "november": 11,
        "nopember": 11,
        "desember": 12,
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "agu": 8,
        "agt": 8,
        "sep": 9,
        "okt": 10,
        "nov": 11,
        "des": 12,
    },  # fmt: skip
    dates=[
        r"(?P<d>\d{{1,2}}) (?P<mn>{months})\.? (?P<y>\d{{4}})",
        r"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})",
        r"(?P<mn>januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november"
        r"|nopember|desember) (?P<y>\d{{4}})",
        r"(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})",
    ],
    not_counts_after=r"(?:tahap|fase|nomor|no\.|pasal|peringkat|triwulan|kuartal)",
)

_CJK_NUMBER = r"(?P<n>[0-9][0-9,.]*(?:[百千万萬亿億兆][0-9][0-9,.]*)*[百千万萬亿億兆]*|[二两兩三四五六七八九十百千]+)"
_CJK_STOP = r"[^\n0-9。、，,；;：:「」（）()]"

JA = Rules(
    code="ja",
    scales={"百": 100, "千": 10**3, "万": 10**4, "萬": 10**4, "億": 10**8, "兆": 10**12},
    currencies_after=[
        (r"シンガポール・?ドル", "SGD"),
        (r"香港ドル", "HKD"),
        (r"米ドル|ドル|USD|US\$|\$", "USD"),
        (r"ユーロ|EUR|€", "EUR"),
        (r"円|JPY", "JPY"),
        (r"人民元|CNY", "CNY"),
        (r"ベトナム・?ドン|ドン|VND", "VND"),
        (r"ウォン|KRW", "KRW"),
        (r"バーツ|THB", "THB"),
        (r"ルピア|IDR", "IDR"),
        (r"パキスタン・?ルピー|ルピー|PKR", "PKR"),
        (r"ディルハム|MAD", "MAD"),
    ],
    percent_after=r" ?%|パーセント",
    counters=[
        (_CJK_NUMBER + r"件(?=の(?:投資)?(?:案件|プロジェクト|事業|計画))", "project", ""),
        (_CJK_NUMBER + r"件(?!の)", "project", r"案件|プロジェクト|投資|事業|計画|FDI"),
        (_CJK_NUMBER + r"(?:つの|件の)?(?:投資)?(?:プロジェクト|案件)", "project", ""),
        (_CJK_NUMBER + r"社(?![会長員内外債屋寺殿])", "company", ""),
        (_CJK_NUMBER + r"(?:つの)?(?:企業|会社)(?!家)", "company", ""),
        (_CJK_NUMBER + r"人(?:分)?の(?:新規)?雇用", "job", ""),
        (_CJK_NUMBER + r"人(?:分)?(?:を|が)?(?:新たに|新規)?雇用", "job", ""),
        (r"(?<=雇用)(?:は|を|が|者)?(?:約|およそ)?" + _CJK_NUMBER + r"人", "job", ""),
        (
            _CJK_NUMBER + r"(?:つの|団体の|組の)?(?:視察団|代表団|使節団|訪問団|経済ミッション|ミッション)",
            "delegation",
            "",
        ),
    ],
    number_words={},
    dates=[
        r"(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日",
        r"(?P<era>令和|平成|昭和)(?P<ey>\d{{1,2}}|元)年(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})日)?",
        r"(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?![\d期])",
        r"(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})",
    ],
    not_counts_after=r"第",
    spaced=False,
    bare_after_scale=True,
)

ZH = Rules(
    code="zh",
    scales={"百": 100, "千": 10**3, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12},
    currencies_after=[
        (r"美元|美金|USD|US\$|\$", "USD"),
        (r"欧元|EUR|€", "EUR"),
        (r"日元|日圆|JPY", "JPY"),
        (r"越南盾|越盾|VND", "VND"),
        (r"韩元|KRW", "KRW"),
        (r"泰铢|THB", "THB"),
        (r"印尼盾|IDR", "IDR"),
        (r"(?:巴基斯坦)?卢比|PKR", "PKR"),
        (r"新加坡元|新元|SGD", "SGD"),
        (r"港元|港币|HKD", "HKD"),
        (r"迪拉姆|MAD", "MAD"),
        (r"元人民币|人民币|元|CNY|RMB", "CNY"),
    ],
    currencies_before=[(r"¥|￥", "CNY"), *_BEFORE],
    percent_after=r" ?%",
    counters=[
        (_CJK_NUMBER + r"(?:多|余)?(?:个|項|项)" + _CJK_STOP + r"{0,8}?项目", "project", ""),
        (r"(?<=项目)(?:数)?(?:为|达|共|有)?" + _CJK_NUMBER + r"(?:多|余)?个", "project", ""),
        (r"(?<=项目)" + _CJK_STOP + r"{0,3}?" + _CJK_NUMBER + r"(?:多|余)?个", "project", ""),
        (_CJK_NUMBER + r"(?:多|余)?家" + _CJK_STOP + r"{0,6}?(?:企业|公司|厂商|工厂|机构)", "company", ""),
        (r"(?<=企业)(?:数)?(?:为|达|共|有)?" + _CJK_NUMBER + r"(?:多|余)?家", "company", ""),
        (_CJK_NUMBER + r"(?:多|余)?个" + _CJK_STOP + r"{0,4}?(?:就业岗位|工作岗位|岗位|就业机会)", "job", ""),
        (r"(?<=岗位)(?:数)?(?:为|达|约)?" + _CJK_NUMBER + r"(?:多|余)?个", "job", ""),
        (_CJK_NUMBER + r"(?:多|余)?个" + _CJK_STOP + r"{0,6}?(?:代表团|考察团|访问团|经贸团)", "delegation", ""),
    ],
    dates=[
        r"(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})[日号]",
        r"(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?![\d份]?[至到\-~]?\d)",
        r"(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})",
    ],
    not_counts_after=r"第",
    spaced=False,
    bare_after_scale=True,
)

_KO_NUMBER = r"(?P<n>[0-9][0-9,.]*(?: ?[백천만억조][0-9][0-9,.]*)*(?: ?[백천만억조])*)"
_KO_STOP = r"[^\n0-9.,()\"'“”]"

KO = Rules(
    code="ko",
    scales={"백": 100, "천": 10**3, "만": 10**4, "억": 10**8, "조": 10**12},
    currencies_after=[
        (r"미국 ?달러|미 ?달러|달러|USD|US\$|\$", "USD"),
        (r"유로|EUR|€", "EUR"),
        (r"엔화|엔|JPY", "JPY"),
        (r"위안화|위안|CNY", "CNY"),
        (r"원(?![칙장자료인리래주전형회정소본])|KRW", "KRW"),
        (r"(?<=[억만조] )동|(?<=[억만조])동|VND", "VND"),
        (r"바트|THB", "THB"),
        (r"루피아|IDR", "IDR"),
    ],
    percent_after=r" ?%(?!포인트| ?p(?![a-z]))| ?퍼센트(?!포인트)| ?프로(?![그젝세])",
    counters=[
        (_KO_NUMBER + r"(?:여)? ?(?:개의?|건의?)? ?(?:투자 ?)?(?:프로젝트|사업(?![가자장]))", "project", ""),
        (_KO_NUMBER + r"(?:여)? ?건", "project", r"프로젝트|사업|투자"),
        (_KO_NUMBER + r"(?:여)? ?(?:개사|개 ?기업|개의 기업|곳의 기업|개 ?업체|개 ?회사)", "company", ""),
        (_KO_NUMBER + r"(?:여)? ?(?:곳|개)", "company", r"기업|협력사|업체|회사|법인"),
        (_KO_NUMBER + r"(?:여)? ?(?:개의?|명의?)? ?(?:신규 )?일자리", "job", ""),
        (r"(?<=일자리) ?(?:약 )?" + _KO_NUMBER + r"(?:여)? ?(?:개|명)", "job", ""),
        (_KO_NUMBER + r" ?(?:개의?|팀의?)? ?(?:대표단|사절단|방문단|시찰단)", "delegation", ""),
        (_KO_NUMBER + r"(?:여)? ?(?:곳|개|팀)", "delegation", r"대표단|사절단|방문단|시찰단"),
    ],
    dates=[
        r"(?P<y>\d{{4}})년 ?(?P<m>\d{{1,2}})월 ?(?P<d>\d{{1,2}})일",
        r"(?P<y>\d{{4}})년 ?(?P<m>\d{{1,2}})월(?! ?\d)",
        r"(?P<y>\d{{4}})\. ?(?P<m>\d{{1,2}})\. ?(?P<d>\d{{1,2}})\.?(?!\d)",
    ],
    not_counts_after=r"제",
    spaced=False,
    bare_after_scale=True,
)

_TH_MONTHS = {
    "มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6, "กรกฎาคม": 7,
    "สิงหาคม": 8, "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11, "ธันวาคม": 12, "ม.ค.": 1, "ก.พ.": 2,
    "มี.ค.": 3, "เม.ย.": 4, "พ.ค.": 5, "มิ.ย.": 6, "ก.ค.": 7, "ส.ค.": 8, "ก.ย.": 9, "ต.ค.": 10, "พ.ย.": 11,
    "ธ.ค.": 12,
}  # fmt: skip
_TH_NUMBER = r"(?P<n>[0-9][0-9,.]*(?: ?(?:พัน|หมื่น|แสน|ล้าน))*)"

TH = Rules(
    code="th",
    scales={"พัน": 10**3, "หมื่น": 10**4, "แสน": 10**5, "ล้าน": M},
    currencies_after=[
        (r"ดอลลาร์สิงคโปร์", "SGD"),
        (r"ดอลลาร์(?:สหรัฐ(?:อเมริกา|ฯ)?)?|เหรียญสหรัฐ|USD|US\$|\$", "USD"),
        (r"บาท|THB|฿", "THB"),
        (r"เยน|JPY", "JPY"),
        (r"ยูโร|EUR|€", "EUR"),
        (r"ด่ง|VND", "VND"),
        (r"หยวน|CNY", "CNY"),
        (r"วอน|KRW", "KRW"),
        (r"รูเปียห์|IDR", "IDR"),
    ],
    percent_after=r" ?%| ?เปอร์เซ็นต์",
    percent_before=r"ร้อยละ ?",
    counters=[
        (_TH_NUMBER + r" ?โครงการ", "project", ""),
        (_TH_NUMBER + r" ?(?:บริษัท|กิจการ)", "company", ""),
        (_TH_NUMBER + r" ?(?:แห่ง|ราย)", "company", r"บริษัท|กิจการ|ผู้ประกอบการ|ผู้ผลิต"),
        (_TH_NUMBER + r" ?(?:ตำแหน่งงาน|อัตรา|ตำแหน่ง)", "job", r"งาน|แรงงาน|จ้าง"),
        (_TH_NUMBER + r" ?คณะ", "delegation", r"คณะ|ผู้แทน"),
    ],
    months=_TH_MONTHS,
    dates=[
        r"(?P<d>\d{{1,2}}) ?(?P<mn>{months}) ?(?:พ\.ศ\. ?|ค\.ศ\. ?)?(?P<y>\d{{4}})",
        r"(?P<mn>{months}) ?(?:พ\.ศ\. ?|ค\.ศ\. ?)?(?P<y>\d{{4}})",
    ],
    context_chars=48,
    spaced=False,
    buddhist_era=True,
)

_UR_MONTHS = {
    "جنوری": 1, "فروری": 2, "مارچ": 3, "اپریل": 4, "مئی": 5, "مئ": 5, "جون": 6, "جولائی": 7, "اگست": 8,
    "ستمبر": 9, "اکتوبر": 10, "نومبر": 11, "دسمبر": 12,
}  # fmt: skip

UR = Rules(
    code="ur",
    scales={
        "ہزار": 10**3,
        "لاکھ": 10**5,
        "کروڑ": 10**7,
        "ارب": B,
        "کھرب": 10**11,
        "ملین": M,
        "بلین": B,
        "ٹریلین": 10**12,
    },  # fmt: skip
    currencies_after=[
        (r"امریکی ڈالر|ڈالرز|ڈالر|USD|\$", "USD"),
        (r"پاکستانی روپے|روپے|روپیہ|روپوں|روپیے|PKR", "PKR"),
        (r"جاپانی ین|ین|JPY", "JPY"),
        (r"یورو|EUR", "EUR"),
        (r"چینی یوآن|یوآن|یوان|CNY", "CNY"),
        (r"ویتنامی ڈونگ|ڈونگ|VND", "VND"),
        (r"درہم|MAD", "MAD"),
        (r"ریال|SAR", "SAR"),
    ],
    percent_after=r" ?%| فیصد",
    count_units={
        "project": r"منصوب(?:ے|وں|ہ)|پراجیکٹس|پراجیکٹ|پروجیکٹس|پروجیکٹ",
        "company": r"کمپنیاں|کمپنیوں|کمپنی|فرمیں|فرموں|فرم",
        "delegation": r"وفود|وفد",
        "job": r"ملازمتیں|ملازمتوں|ملازمت|نوکریاں|نوکریوں|روزگار کے مواقع",
    },
    filler=r"[\u0600-\u06ff]+",
    filler_words=2,
    number_words={
        "دو": 2,
        "تین": 3,
        "چار": 4,
        "پانچ": 5,
        "چھ": 6,
        "سات": 7,
        "آٹھ": 8,
        "نو": 9,
        "دس": 10,
        "گیارہ": 11,
        "بارہ": 12,
        "بیس": 20,
        "سو": 100,
    },  # fmt: skip
    months=_UR_MONTHS,
    dates=[
        r"(?P<d>\d{{1,2}}) (?P<mn>{months}),? (?P<y>\d{{4}})",
        r"(?P<mn>{months}),? (?P<y>\d{{4}})",
    ],
)

RULES = {rules.code: rules for rules in (EN, VI, DE, FR, ID, JA, ZH, KO, TH, UR)}
SUPPORTED_LANGUAGES = tuple(RULES)


def rules_for(language: str) -> Rules:
    return RULES.get(language, EN)

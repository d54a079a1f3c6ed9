"""The demonstration CRM: an illustrative, deterministic data set around the programmes named in
the published articles (the Japan Investment Promotion Conference 2021; the Quang Ninh - Japan
Investment Promotion Conference of 17 November 2023 with Hokkaido and JETRO; the Osaka forum
during EXPO 2025; the first Vietnam - Japan Local Cooperation Forum of 25 November 2025), the
Japan Desk's delegations and missions, the Japan - Quang Ninh advisory council, MOUs, pipelines
with leads at every stage, inquiries and tasks, and leads converted into the registry's projects
(the four certificates of 17 November 2023 among them).

Everything is flagged `illustrative`: the programmes and their dates follow the articles, the
companies that are not in the registry, the people, the leads and their figures are invented.
Dates of open tasks and unanswered inquiries are set relative to the day the demo is loaded,
so that some are overdue and some are not.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.crm import services
from japandesk.crm.models import (
    Agreement,
    Committee,
    Contact,
    Inquiry,
    Interaction,
    Lead,
    Organisation,
    Task,
)

SOURCE = "demo"
d = datetime.date
CERTIFICATES_DAY = d(2023, 11, 17)


def _moment(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# Organisations ------------------------------------------------------------------------------------------
# key: (name, Latin, kana, kind, country)
PARTNERS = {
    "jetro": (
        "日本貿易振興機構 ハノイ事務所",
        "JETRO Hanoi",
        "ニホンボウエキシンコウキコウ ハノイジムショ",
        "agency",
        "JP",
    ),
    "hokkaido": ("北海道庁", "Hokkaido Government", "ホッカイドウチョウ", "government", "JP"),
    "ieti": ("Institute for Innovation and New Energy Technology", "IETI", "", "agency", "JP"),
    "embassy": (
        "在ベトナム日本国大使館",
        "Embassy of Japan in Vietnam",
        "ザイベトナムニホンコクタイシカン",
        "diplomatic",
        "JP",
    ),
    "osaka-consulate": (
        "Tổng Lãnh sự quán Việt Nam tại Osaka",
        "Consulate General of Vietnam in Osaka",
        "",
        "diplomatic",
        "VN",
    ),
    "mofa": ("Bộ Ngoại giao", "Ministry of Foreign Affairs of Vietnam", "", "government", "VN"),
    "doit": ("Sở Công Thương Quảng Ninh", "Quang Ninh Department of Industry and Trade", "", "government", "VN"),
    "osaka-chamber": (
        "大阪商工会議所",
        "Osaka Chamber of Commerce and Industry",
        "オオサカショウコウカイギショ",
        "association",
        "JP",
    ),
    "hokkaido-uni": ("北海道大学", "Hokkaido University", "ホッカイドウダイガク", "university", "JP"),
}
# Invented Japanese prospects and Vietnamese suppliers.
PROSPECTS = {
    "naniwa": (
        "浪速オートメーション株式会社",
        "Naniwa Automation Co., Ltd.",
        "ナニワオートメーション",
        "company",
        "JP",
    ),
    "hokkai-seiko": ("北海精工株式会社", "Hokkai Seiko Co., Ltd.", "ホッカイセイコウ", "company", "JP"),
    "mikawa": ("三河ロボティクス株式会社", "Mikawa Robotics Co., Ltd.", "ミカワロボティクス", "company", "JP"),
    "setonai": ("瀬戸内新素材株式会社", "Setonai New Materials Co., Ltd.", "セトナイシンソザイ", "company", "JP"),
    "tohoku-green": (
        "東北グリーンエナジー株式会社",
        "Tohoku Green Energy Co., Ltd.",
        "トウホクグリーンエナジー",
        "company",
        "JP",
    ),
    "kansai-denshi": ("関西電子部品株式会社", "Kansai Denshi Buhin Co., Ltd.", "カンサイデンシブヒン", "company", "JP"),
    "sapporo-foods": ("札幌フーズ株式会社", "Sapporo Foods Co., Ltd.", "サッポロフーズ", "company", "JP"),
    "kobe-logi": ("神戸ロジスティクス株式会社", "Kobe Logistics Co., Ltd.", "コウベロジスティクス", "company", "JP"),
    "halong-mech": ("Công ty Cổ phần Cơ khí Hạ Long", "Ha Long Mechanical JSC", "", "company", "VN"),
    "dongmai-plastic": (
        "Công ty TNHH Nhựa kỹ thuật Đông Mai",
        "Dong Mai Engineering Plastics Co., Ltd.",
        "",
        "company",
        "VN",
    ),
    "quangyen-pack": ("Công ty TNHH Bao bì Quảng Yên", "Quang Yen Packaging Co., Ltd.", "", "company", "VN"),
    # The same company entered twice, as it happens: the duplicates page finds it.
    "naniwa-dup": ("NANIWA AUTOMATION", "", "ﾅﾆﾜｵｰﾄﾒｰｼｮﾝ", "company", "JP"),
}

# Contacts: (key, organisation, family, given, family Latin, given Latin, family kana, given kana, gender,
#            position, languages, name order)
PEOPLE = [
    (
        "ozasa",
        "jetro",
        "小笹",
        "晴彦",
        "Ozasa",
        "Haruhiko",
        "オザサ",
        "ハルヒコ",
        "m",
        "所長",
        "ja, en, vi",
        "family_first",
    ),
    (
        "jetro-staff",
        "jetro",
        "高橋",
        "美咲",
        "Takahashi",
        "Misaki",
        "タカハシ",
        "ミサキ",
        "f",
        "調査員",
        "ja, en",
        "family_first",
    ),
    (
        "hokkaido-intl",
        "hokkaido",
        "佐藤",
        "健一",
        "Sato",
        "Kenichi",
        "サトウ",
        "ケンイチ",
        "m",
        "国際局 参事",
        "ja",
        "family_first",
    ),
    (
        "hokkaido-econ",
        "hokkaido",
        "伊藤",
        "由美",
        "Ito",
        "Yumi",
        "イトウ",
        "ユミ",
        "f",
        "経済部 主幹",
        "ja, en",
        "family_first",
    ),
    (
        "ieti-lead",
        "ieti",
        "中村",
        "大輔",
        "Nakamura",
        "Daisuke",
        "ナカムラ",
        "ダイスケ",
        "m",
        "Programme director",
        "ja, en",
        "family_first",
    ),
    (
        "embassy-econ",
        "embassy",
        "渡辺",
        "誠",
        "Watanabe",
        "Makoto",
        "ワタナベ",
        "マコト",
        "m",
        "一等書記官",
        "ja, en, vi",
        "family_first",
    ),
    (
        "consulate",
        "osaka-consulate",
        "Phạm",
        "Thu Hà",
        "Pham",
        "Thu Ha",
        "",
        "",
        "f",
        "Lãnh sự kinh tế",
        "vi, ja, en",
        "family_first",
    ),
    ("doit", "doit", "Trần", "Văn Minh", "Tran", "Van Minh", "", "", "m", "Phó Giám đốc", "vi, en", "family_first"),
    ("chamber", "osaka-chamber", "森", "浩二", "Mori", "Koji", "モリ", "コウジ", "m", "国際部長", "ja", "family_first"),
    (
        "uni",
        "hokkaido-uni",
        "Anderson",
        "Claire",
        "Anderson",
        "Claire",
        "",
        "",
        "f",
        "Visiting professor",
        "en, ja",
        "given_first",
    ),
    (
        "naniwa-ceo",
        "naniwa",
        "山本",
        "隆",
        "Yamamoto",
        "Takashi",
        "ヤマモト",
        "タカシ",
        "m",
        "代表取締役社長",
        "ja",
        "family_first",
    ),
    (
        "naniwa-dup",
        "naniwa-dup",
        "山本",
        "隆",
        "Yamamoto",
        "Takashi",
        "やまもと",
        "たかし",
        "m",
        "社長",
        "ja",
        "family_first",
    ),
    (
        "hokkai-seiko",
        "hokkai-seiko",
        "小林",
        "直樹",
        "Kobayashi",
        "Naoki",
        "コバヤシ",
        "ナオキ",
        "m",
        "海外事業部長",
        "ja, en",
        "family_first",
    ),
    ("mikawa", "mikawa", "加藤", "彩", "Kato", "Aya", "カトウ", "アヤ", "f", "経営企画室長", "ja, en", "family_first"),
    (
        "setonai",
        "setonai",
        "吉田",
        "拓也",
        "Yoshida",
        "Takuya",
        "ヨシダ",
        "タクヤ",
        "m",
        "取締役",
        "ja",
        "family_first",
    ),
    (
        "tohoku-green",
        "tohoku-green",
        "斎藤",
        "恵",
        "Saito",
        "Megumi",
        "サイトウ",
        "メグミ",
        "f",
        "事業開発部",
        "ja, en",
        "family_first",
    ),
    (
        "kansai-denshi",
        "kansai-denshi",
        "松本",
        "翔",
        "Matsumoto",
        "Sho",
        "マツモト",
        "ショウ",
        "m",
        "購買部長",
        "ja",
        "family_first",
    ),
    (
        "sapporo-foods",
        "sapporo-foods",
        "井上",
        "陽子",
        "Inoue",
        "Yoko",
        "イノウエ",
        "ヨウコ",
        "f",
        "常務取締役",
        "ja",
        "family_first",
    ),
    (
        "kobe-logi",
        "kobe-logi",
        "木村",
        "亮",
        "Kimura",
        "Ryo",
        "キムラ",
        "リョウ",
        "m",
        "アジア統括",
        "ja, en",
        "family_first",
    ),
    (
        "halong-mech",
        "halong-mech",
        "Nguyễn",
        "Văn Hùng",
        "Nguyen",
        "Van Hung",
        "",
        "",
        "m",
        "Tổng Giám đốc",
        "vi, en",
        "family_first",
    ),
    (
        "dongmai-plastic",
        "dongmai-plastic",
        "Lê",
        "Thị Mai",
        "Le",
        "Thi Mai",
        "",
        "",
        "f",
        "Giám đốc kinh doanh",
        "vi, ja",
        "family_first",
    ),
    (
        "quangyen-pack",
        "quangyen-pack",
        "Hoàng",
        "Đức Anh",
        "Hoang",
        "Duc Anh",
        "",
        "",
        "m",
        "Giám đốc",
        "vi",
        "family_first",
    ),
]

# Investment leads: (key, organisation, title, stage reached, sector, zone, capital M USD, land ha, jobs)
INVESTMENT_LEADS = [
    ("naniwa", "naniwa", "Nhà máy thiết bị tự động hóa Naniwa", "inquiry", "28", "dong-mai-ip", "12", "3", 250),
    ("kobe-logi", "kobe-logi", "Trung tâm logistics Kobe tại Cái Lân", "inquiry", "52", "cai-lan-ip", "8", "6", 120),
    (
        "hokkai-seiko",
        "hokkai-seiko",
        "Nhà máy linh kiện chính xác Hokkai Seiko",
        "first_meeting",
        "25",
        "song-khoai-ip",
        "20",
        "4",
        400,
    ),
    (
        "sapporo-foods",
        "sapporo-foods",
        "Nhà máy chế biến thực phẩm Sapporo Foods",
        "site_visit",
        "10",
        "van-don-ez",
        "6",
        "2",
        150,
    ),
    ("mikawa", "mikawa", "Nhà máy robot công nghiệp Mikawa", "proposal", "26", "bac-tien-phong-ip", "35", "7", 600),
    ("setonai", "setonai", "Nhà máy vật liệu mới Setonai", "mou", "20", "viet-hung-ip", "28", "5", 320),
    (
        "tohoku-green",
        "tohoku-green",
        "Điện mặt trời áp mái và lưu trữ năng lượng Tohoku Green",
        "site_visit",
        "35",
        None,
        "45",
        None,
        40,
    ),
]
# Registry projects (by their Latin name) that came from leads: (lead title, reached stage, first contact)
CONVERTED = [
    ("Castem Vietnam precision mechanical factory", "certificate", d(2022, 9, 14)),
    ("Seiko Vietnam parts", "certificate", d(2022, 11, 2)),
    ("Tamagawa Vietnam factory", "certificate", d(2023, 2, 20)),
    ("Fujix Vietnam industrial products factory", "certificate", d(2023, 3, 8)),
    ("Wakaba engineering plastics factory", "operating", d(2022, 6, 1)),
]
SUPPLIER_LEADS = [
    ("halong-mech", "Ha Long Mechanical → Castem Vietnam: gia công chi tiết", "trial_order"),
    ("dongmai-plastic", "Đông Mai Plastics → Seiko Vietnam: vỏ nhựa linh kiện", "audit"),
    ("quangyen-pack", "Quang Yen Packaging → Fujix Vietnam: bao bì", "introduced"),
    ("halong-mech", "Ha Long Mechanical → Tamagawa Vietnam: khuôn mẫu", "identified"),
    ("dongmai-plastic", "Đông Mai Plastics → Wakaba: hạt nhựa tái chế", "supplying"),
]
AFTERCARE_LEADS = [
    ("Daiwa metal parts factory", "Daiwa: kiểm tra định kỳ 2025", "check_in"),
    ("Setouchi seafood processing plant", "Setouchi: thủ tục PCCC nhà xưởng mới", "issue"),
    ("Seiko Vietnam parts", "Seiko Vietnam: mở rộng giai đoạn 2", "capital_increase"),
    ("Minato export garment factory", "Minato: kế hoạch dây chuyền mới", "expansion_plan"),
]

MISSION_CITIES = ["Tokyo", "Osaka", "Sapporo", "Nagoya", "Fukuoka", "Yokohama", "Kobe", "Sendai", "Hiroshima", "Kyoto"]
DELEGATION_ZONES = ["dong-mai-ip", "viet-hung-ip", "song-khoai-ip", "cai-lan-ip", "van-don-ez", "bac-tien-phong-ip"]


def remove_illustrative() -> int:
    """Delete the illustrative CRM records (the audit log keeps what they held)."""
    removed = 0
    for model in (Task, Inquiry, Interaction, Agreement, Committee, Lead, Contact, Organisation):
        queryset = model.objects.filter(illustrative=True)
        if model is Task:
            queryset = Task.objects.filter(illustrative=True)
        removed += queryset.count()
        queryset.delete()
    return removed


def _zones():
    from japandesk.zones.models import Zone

    return {z.code: z for z in Zone.objects.all()}


def _sectors():
    from japandesk.registry.models import Sector

    return {s.code: s for s in Sector.objects.filter(level__lte=2)}


def _countries():
    from japandesk.registry.models import Country

    return {c.code: c for c in Country.objects.all()}


@transaction.atomic
def load(stdout=None, reset: bool = False) -> dict:
    """Write the demonstration CRM unless it is already there (or `reset` replaces it)."""

    def say(message):
        if stdout is not None:
            stdout.write(message)

    if Organisation.objects.filter(illustrative=True).exists():
        if not reset:
            say(_("The illustrative CRM is already loaded; nothing was changed (use --reset to reload it)."))
            return {"loaded": False}
        say(_("Removed {count} illustrative CRM records.").format(count=remove_illustrative()))

    from japandesk.registry.models import Investor, Project

    services.ensure_pipelines()
    User = get_user_model()
    officer = User.objects.filter(username="officer").first()
    admin = User.objects.filter(username="admin").first()
    officers = [u for u in (officer, admin) if u is not None]
    today = timezone.localdate()
    zones, sectors, countries = _zones(), _sectors(), _countries()

    def org(key, spec, **extra):
        name, latin, kana, kind, country = spec
        return services.create_organisation(
            None,
            source=SOURCE,
            name=name,
            name_latin=latin,
            name_kana=kana,
            kind=kind,
            country=countries.get(country),
            illustrative=True,
            **extra,
        )

    organisations = {key: org(key, spec) for key, spec in {**PARTNERS, **PROSPECTS}.items()}
    # The registry's Japanese investors, as CRM organisations linked to them.
    for investor in Investor.objects.filter(country__code="JP").order_by("id"):
        organisations[f"investor-{investor.pk}"] = services.create_organisation(
            None,
            source=SOURCE,
            name=investor.name,
            name_latin=investor.name_latin,
            name_kana=investor.name_kana,
            kind="company",
            country=investor.country,
            investor=investor,
            illustrative=True,
        )

    contacts = {}
    for (
        key,
        organisation,
        family,
        given,
        family_l,
        given_l,
        family_k,
        given_k,
        gender,
        position,
        langs,
        order,
    ) in PEOPLE:
        slug = family_l.lower().replace(" ", "")
        contacts[key] = services.create_contact(
            None,
            source=SOURCE,
            organisation=organisations[organisation],
            family_name=family,
            given_name=given,
            family_name_latin=family_l,
            given_name_latin=given_l,
            family_name_kana=family_k,
            given_name_kana=given_k,
            gender=gender,
            position=position,
            languages=langs,
            name_order=order,
            email=f"{slug}.{key.removesuffix('-dup')}@example.jp" if organisation in PROSPECTS else "",
            illustrative=True,
        )

    interactions = _programmes(organisations, contacts, zones, officers)
    delegations, missions = _delegations_and_missions(organisations, contacts, zones, officers)
    leads = _leads(organisations, contacts, zones, sectors, officers, today, Project)
    council = _council(organisations, contacts, officers, today)
    agreements = _agreements(organisations, leads, officers, today)
    inquiries = _inquiries(sectors, zones, officers, today)
    tasks = _tasks(leads, officers, today)

    summary = {
        "loaded": True,
        "organisations": len(organisations),
        "contacts": len(contacts),
        "delegations": delegations,
        "missions": missions,
        "conferences": len(interactions),
        "leads": Lead.objects.filter(illustrative=True).count(),
        "converted": Lead.objects.filter(illustrative=True, project__isnull=False).count(),
        "agreements": len(agreements),
        "inquiries": inquiries,
        "tasks": tasks + Task.objects.filter(decision__meeting__committee=council).count(),
    }
    say(
        _(
            "Illustrative CRM: {organisations} organisations, {contacts} contacts, {delegations} delegations, "
            "{missions} missions, {leads} leads ({converted} converted), {inquiries} inquiries."
        ).format(**summary)
    )
    return summary


def _programmes(organisations, contacts, zones, officers) -> list[Interaction]:
    programmes = [
        (
            "conference",
            "Japan Investment Promotion Conference 2021",
            d(2021, 12, 9),
            None,
            "Hạ Long",
            ["jetro", "embassy"],
            ["ozasa", "embassy-econ"],
            "Online and in-person conference presenting Quang Ninh's investment environment to Japanese firms.",
        ),
        (
            "conference",
            "Quang Ninh - Japan Investment Promotion Conference 2023",
            CERTIFICATES_DAY,
            None,
            "Planning, Fair and Exhibition Palace, Hạ Long",
            ["hokkaido", "jetro", "embassy"],
            ["hokkaido-intl", "hokkaido-econ", "ozasa", "embassy-econ"],
            "Held with Hokkaido and JETRO during the Hokkaido Festival in Ha Long; four investment registration "
            "certificates handed to Japanese projects (Castem, Seiko, Tamagawa, Fujix).",
        ),
        (
            "conference",
            "Investment, Trade and Tourism Promotion Forum 2025, Osaka (EXPO 2025)",
            d(2025, 7, 18),
            d(2025, 7, 19),
            "Osaka",
            ["osaka-chamber", "osaka-consulate", "jetro"],
            ["chamber", "consulate"],
            "Forum during EXPO 2025 with business matching and a meeting with the Consulate General in Osaka.",
        ),
        (
            "conference",
            "First Vietnam - Japan Local Cooperation Forum",
            d(2025, 11, 25),
            None,
            "Hạ Long",
            ["mofa", "ieti", "hokkaido", "doit"],
            ["ieti-lead", "hokkaido-intl", "doit"],
            "Organised by the Ministry of Foreign Affairs in Quang Ninh. The province discussed a strategic "
            "cooperation programme with IETI and proposed MOUs to Japanese localities.",
        ),
    ]
    written = []
    for kind, title, day, end, location, orgs, people, notes in programmes:
        written.append(
            services.create_interaction(
                None,
                source=SOURCE,
                kind=kind,
                title=title,
                date=day,
                end_date=end,
                location=location,
                organisations=[organisations[o] for o in orgs],
                contacts=[contacts[p] for p in people],
                officers=officers,
                notes=notes,
                illustrative=True,
            )
        )
    return written


def _delegations_and_missions(organisations, contacts, zones, officers) -> tuple[int, int]:
    """42 delegations received from 2014 to 2016 and 6 after EXPO 2025; 10 missions to Japan."""
    japanese = [key for key, spec in {**PARTNERS, **PROSPECTS}.items() if spec[4] == "JP" and key != "naniwa-dup"]
    people_of = {}
    for key, organisation, *_rest in PEOPLE:
        people_of.setdefault(organisation, []).append(contacts[key])
    start = d(2014, 1, 15)
    days = [start + datetime.timedelta(days=26 * n) for n in range(42)]
    days += [d(2025, 8, 12), d(2025, 9, 3), d(2025, 9, 24), d(2025, 10, 15), d(2025, 11, 5), d(2025, 11, 26)]
    for n, day in enumerate(days):
        visitor = japanese[n % len(japanese)]
        seen = [zones[c] for c in (DELEGATION_ZONES[n % 6], DELEGATION_ZONES[(n + 2) % 6]) if c in zones]
        services.create_interaction(
            None,
            source=SOURCE,
            kind="delegation",
            title=f"Delegation: {organisations[visitor].name_latin or organisations[visitor].name}",
            date=day,
            location="Hạ Long",
            organisations=[organisations[visitor]] + ([organisations["jetro"]] if n % 3 == 0 else []),
            contacts=people_of.get(visitor, [])[:2],
            officers=officers[:1],
            delegation_size=3 + (n * 7) % 13,
            zones=seen,
            outcome="Site visit and briefing on incentives; follow-up material sent.",
            illustrative=True,
        )
    for n, city in enumerate(MISSION_CITIES):
        day = d(2014, 4, 1) + datetime.timedelta(days=105 * n)
        services.create_interaction(
            None,
            source=SOURCE,
            kind="mission",
            title=f"Investment promotion mission to {city}",
            date=day,
            end_date=day + datetime.timedelta(days=4),
            location=f"{city}, Japan",
            organisations=[organisations["jetro"], organisations[japanese[(n * 3) % len(japanese)]]],
            officers=officers,
            notes="Seminar on Quang Ninh's industrial parks and meetings with companies.",
            illustrative=True,
        )
    return len(days), len(MISSION_CITIES)


def _advance(lead, stages: list[str], start: datetime.date, actor=None, step_days: int = 45) -> datetime.date:
    day = start
    for key in stages:
        day = day + datetime.timedelta(days=step_days)
        services.move_lead(lead, actor, key, at=_moment(day, 10), source=SOURCE)
    return day


def _stages_until(pipeline_key: str, target: str) -> list[str]:
    from japandesk.crm.choices import DEFAULT_PIPELINES

    keys = [stage[0] for key, _names, stages in DEFAULT_PIPELINES if key == pipeline_key for stage in stages]
    return keys[1 : keys.index(target) + 1]


def _leads(organisations, contacts, zones, sectors, officers, today, Project) -> dict:
    owner = officers[0] if officers else None
    leads = {}
    for n, (key, organisation, title, stage, sector, zone, capital, land, jobs) in enumerate(INVESTMENT_LEADS):
        start = d(2025, 1, 10) + datetime.timedelta(days=20 * n)
        lead = services.create_lead(
            None,
            pipeline="investment",
            title=title,
            organisation=organisations[organisation],
            sector=sectors.get(sector),
            zone=zones.get(zone) if zone else None,
            estimated_capital_usd=Decimal(capital) * 1_000_000,
            estimated_land_ha=Decimal(land) if land else None,
            estimated_jobs=jobs,
            owner=owner,
            next_step="Gửi đề xuất ưu đãi và lịch khảo sát",
            next_step_due=today + datetime.timedelta(days=(n % 4) * 7 - 7),
            source=SOURCE,
            at=_moment(start),
            illustrative=True,
        )
        _advance(lead, _stages_until("investment", stage), start, step_days=30)
        leads[key] = lead
    # Leads that became registry projects, the four certificates of 17 November 2023 among them.
    for title, stage, first_contact in CONVERTED:
        project = Project.objects.filter(name_latin=title, illustrative=True).first()
        if project is None:
            continue
        investor_org = Organisation.objects.filter(
            illustrative=True, investor__participations__event__project=project
        ).first()
        registered = project.events.filter(kind="registration").values_list("date", flat=True).first()
        lead = services.create_lead(
            None,
            pipeline="investment",
            title=project.name,
            organisation=investor_org,
            sector=project.sector,
            zone=project.zone,
            estimated_capital_usd=Decimal(project.events.filter(kind="registration").first().capital_change_usd),
            estimated_land_ha=project.land_area_ha,
            estimated_jobs=project.planned_jobs,
            owner=owner,
            source=SOURCE,
            at=_moment(first_contact),
            illustrative=True,
        )
        _advance(lead, ["first_meeting", "site_visit", "proposal", "mou"], first_contact, step_days=40)
        services.convert_lead(lead, None, project, on=registered, source=SOURCE)
        if stage == "operating":
            services.move_lead(
                lead, None, "operating", at=_moment(registered + datetime.timedelta(days=300)), source=SOURCE
            )
        leads[title] = lead
    for n, (organisation, title, stage) in enumerate(SUPPLIER_LEADS):
        start = d(2024, 3, 1) + datetime.timedelta(days=30 * n)
        lead = services.create_lead(
            None,
            pipeline="supplier",
            title=title,
            organisation=organisations[organisation],
            owner=owner,
            next_step="Theo dõi phản hồi của bên mua",
            next_step_due=today + datetime.timedelta(days=10 - 5 * n),
            source=SOURCE,
            at=_moment(start),
            illustrative=True,
        )
        _advance(lead, _stages_until("supplier", stage), start, step_days=35)
    for n, (project_title, title, stage) in enumerate(AFTERCARE_LEADS):
        project = Project.objects.filter(name_latin=project_title, illustrative=True).first()
        organisation = (
            Organisation.objects.filter(illustrative=True, investor__participations__event__project=project).first()
            if project
            else None
        )
        start = d(2025, 2, 1) + datetime.timedelta(days=25 * n)
        lead = services.create_lead(
            None,
            pipeline="aftercare",
            title=title,
            organisation=organisation,
            owner=owner,
            next_step="Gặp ban giám đốc nhà máy",
            next_step_due=today + datetime.timedelta(days=14 - 7 * n),
            source=SOURCE,
            at=_moment(start),
            illustrative=True,
        )
        _advance(lead, _stages_until("aftercare", stage), start, step_days=40)
    for n, lead in enumerate(list(leads.values())[:5]):
        services.create_interaction(
            None,
            source=SOURCE,
            kind=("meeting", "call", "email")[n % 3],
            title=f"Follow-up: {lead.title}",
            date=d(2025, 10, 1) + datetime.timedelta(days=9 * n),
            organisations=[lead.organisation] if lead.organisation else [],
            officers=officers[:1],
            lead=lead,
            outcome="Next step agreed.",
            illustrative=True,
        )
    return leads


def _council(organisations, contacts, officers, today) -> Committee:
    council = services.create_committee(
        None,
        source=SOURCE,
        name_en="Japan - Quang Ninh Advisory Council",
        name_vi="Hội đồng cố vấn Nhật Bản - Quảng Ninh",
        name_ja="日本・クアンニン諮問委員会",
        description="Formed with JETRO after the 2013 cooperation programme; the Japan Desk is its secretariat.",
        illustrative=True,
    )
    roles = [
        ("ozasa", "chair"),
        ("doit", "vice_chair"),
        ("embassy-econ", "member"),
        ("hokkaido-intl", "member"),
        ("chamber", "member"),
        ("uni", "observer"),
        ("jetro-staff", "secretariat"),
    ]
    for key, role in roles:
        services.add_member(council, None, contact=contacts[key], role=role, since=d(2014, 3, 20), source=SOURCE)
    meetings = [
        (d(2014, 3, 20), "Inaugural session", ["Adopt the council's rules", "Set up the Japan Desk as secretariat"]),
        (d(2016, 5, 12), "Annual session 2016", ["Review the Japan Desk's first two years"]),
        (d(2019, 10, 8), "Annual session 2019", ["Prioritise supporting industry in the parks"]),
        (d(2023, 11, 16), "Session before the 2023 conference", ["Prepare the certificate ceremony of 17 November"]),
        (d(2025, 11, 24), "Session before the Local Cooperation Forum", ["Study a Japanese industrial zone"]),
    ]
    for n, (day, title, decisions) in enumerate(meetings):
        last = n == len(meetings) - 1
        items = [
            (
                decision,
                [
                    {
                        "title": f"Action: {decision}",
                        "due_date": (today + datetime.timedelta(days=21))
                        if last
                        else day + datetime.timedelta(days=60),
                        "illustrative": True,
                    }
                ],
            )
            for decision in decisions
        ]
        meeting = services.record_meeting(
            council,
            None,
            date=day,
            title=title,
            location="Hạ Long",
            minutes="Illustrative minutes.",
            attendees=[contacts[k] for k, _r in roles],
            decisions=items,
            source=SOURCE,
        )
        if not last:
            for task in Task.objects.filter(decision__meeting=meeting):
                services.complete_task(task, None, at=_moment(day + datetime.timedelta(days=50)), source=SOURCE)
    return council


def _agreements(organisations, leads, officers, today) -> list[Agreement]:
    jetro = services.create_agreement(
        None,
        source=SOURCE,
        kind="cooperation",
        title="Japan - Quang Ninh cooperation programme (JETRO, 30-year vision)",
        parties=[organisations["jetro"]],
        status="signed",
        signed_on=d(2013, 6, 5),
        effective_from=d(2013, 6, 5),
        expires_on=d(2043, 6, 4),
        summary="Advice on attracting Japanese investment; advisory council; interns at the IPA.",
        illustrative=True,
    )
    services.add_obligation(
        jetro,
        None,
        description="Hold the advisory council once a year",
        party=organisations["jetro"],
        due_date=d(2026, 3, 31),
        source=SOURCE,
    )
    hokkaido = services.create_agreement(
        None,
        source=SOURCE,
        kind="mou",
        title="MOU on exchange and cooperation, Quang Ninh - Hokkaido",
        parties=[organisations["hokkaido"]],
        status="signed",
        signed_on=CERTIFICATES_DAY,
        effective_from=CERTIFICATES_DAY,
        expires_on=d(2026, 11, 16),
        summary="Tourism, food, agriculture and industry exchanges following the Hokkaido Festival in Ha Long.",
        illustrative=True,
    )
    services.add_obligation(
        hokkaido,
        None,
        description="Exchange a business delegation each year",
        party=organisations["hokkaido"],
        due_date=d(2024, 12, 31),
        source=SOURCE,
    )
    services.fulfil_obligation(hokkaido.obligations.get(), None, on=d(2024, 10, 2), source=SOURCE)
    ieti = services.create_agreement(
        None,
        source=SOURCE,
        kind="cooperation",
        title="Strategic cooperation programme on clean energy with IETI",
        parties=[organisations["ieti"], organisations["doit"]],
        status="negotiation",
        summary="Discussed at the Local Cooperation Forum of 25 November 2025; detailed plan in preparation.",
        illustrative=True,
    )
    services.create_task(
        None,
        title="Draft the detailed cooperation plan with IETI",
        agreement=ieti,
        assignee=officers[0] if officers else None,
        due_date=today + datetime.timedelta(days=30),
        source=SOURCE,
        illustrative=True,
    )
    setonai = services.create_agreement(
        None,
        source=SOURCE,
        kind="mou",
        title="MOU on the Setonai new materials plant",
        parties=[organisations["setonai"]],
        status="signed",
        signed_on=d(2025, 9, 30),
        expires_on=d(2026, 9, 29),
        lead=leads.get("setonai"),
        illustrative=True,
    )
    return [jetro, hokkaido, ieti, setonai]


INQUIRIES = [
    # (language, name, company, country, message, hours to first answer or None, days ago)
    ("ja", "田中 一郎", "浪速オートメーション", "JP", "ドンマイ工業団地の賃料と空き区画を教えてください。", 5, 400),
    ("ja", "鈴木 花子", "北陸精密", "JP", "工場用地 3ha の候補と電力供給について伺いたいです。", 20, 330),
    ("ja", "高橋 誠", "", "JP", "日本語で相談できる窓口はありますか。", 2, 300),
    ("ja", "中川 智子", "中部モールド", "JP", "金型工場の環境許可の流れを知りたいです。", 50, 210),
    ("ja", "小野 亮", "九州物流", "JP", "カイラン港周辺の倉庫について。", 9, 150),
    (
        "en",
        "Emma Clark",
        "Pacific Components",
        "SG",
        "Which parks accept electronics assembly with 24/7 power?",
        30,
        380,
    ),
    ("en", "Kenji Ota", "Ota Trading", "JP", "Please send the incentive list for supporting industry.", 4, 260),
    ("en", "Minh Pham", "Delta Robotics", "US", "We plan a site visit in spring; who should we contact?", 70, 120),
    ("vi", "Nguyễn Văn Bình", "Công ty TNHH Bình An", "VN", "Thủ tục thuê đất tại KCN Việt Hưng như thế nào?", 3, 200),
    ("vi", "Trần Thị Hoa", "", "VN", "Xin thông tin hỗ trợ doanh nghiệp cung ứng cho doanh nghiệp Nhật.", 26, 90),
    ("ja", "森本 健", "札幌フーズ", "JP", "ヴァンドン経済区の食品加工用地について。", None, 3),
    ("en", "Laura Rossi", "Verde Energy", "IT", "Rooftop solar rules in industrial parks?", None, 6),
    (
        "vi",
        "Lê Quang Huy",
        "Công ty CP Cơ khí Hạ Long",
        "VN",
        "Đăng ký tham gia chương trình kết nối nhà cung ứng.",
        None,
        1,
    ),
]


def _inquiries(sectors, zones, officers, today) -> int:
    now = _moment(today, 9)
    for n, (language, name, company, country, message, hours, days_ago) in enumerate(INQUIRIES):
        received = now - datetime.timedelta(days=days_ago, hours=n)
        inquiry = services.receive_inquiry(
            name=name,
            email=f"inquiry{n + 1}@example.com",
            message=message,
            language=language,
            consent=True,
            company=company,
            country_code=country,
            kind="site_visit" if n % 4 == 3 else "inquiry",
            source=SOURCE,
            received_at=received,
            illustrative=True,
        )
        if hours is not None and officers:
            services.answer_inquiry(
                inquiry,
                officers[n % len(officers)],
                message="Answer sent with the zone brochure and the incentive list.",
                at=received + datetime.timedelta(hours=hours),
                source=SOURCE,
            )
    return len(INQUIRIES)


def _tasks(leads, officers, today) -> int:
    if not officers:
        return 0
    specs = [
        ("Send the Dong Mai land offer to Naniwa", -12, "naniwa"),
        ("Book the site visit for Sapporo Foods in Van Don", -3, "sapporo-foods"),
        ("Prepare the incentive proposal for Mikawa Robotics", 0, "mikawa"),
        ("Call Hokkai Seiko after their board meeting", 4, "hokkai-seiko"),
        ("Check the MOU follow-up with Setonai", 9, "setonai"),
        ("Ask the power company for Tohoku Green's grid connection", -20, "tohoku-green"),
        ("Send the 2026 delegation programme to JETRO", 15, None),
    ]
    for n, (title, offset, lead_key) in enumerate(specs):
        services.create_task(
            None,
            title=title,
            due_date=today + datetime.timedelta(days=offset),
            assignee=officers[n % len(officers)],
            lead=leads.get(lead_key) if lead_key else None,
            source=SOURCE,
            illustrative=True,
        )
    done = services.create_task(
        None,
        title="Thank-you letters after the Osaka forum",
        due_date=d(2025, 7, 25),
        assignee=officers[0],
        source=SOURCE,
        illustrative=True,
    )
    services.complete_task(done, None, at=_moment(d(2025, 7, 24)), source=SOURCE)
    return len(specs) + 1

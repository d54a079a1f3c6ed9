"""The demonstration registry: a deterministic, illustrative data set of foreign-invested
projects in Quang Ninh from 2005 to 2025.

Most rows are invented, but every aggregate that was published about the province
(see PUBLISHED) comes out of it exactly when the registry is queried as of the
published date. The Japanese projects are written out by hand; the other projects are
drawn from a seeded random generator, and three of their events ("balancing
registrations") take whatever amount makes the province-wide totals come out as
published. `build_plan()` is pure data and checks the figures before anything is
written; `load()` writes the plan through the registry's services.
"""

import datetime
import math
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from japandesk.core import audit
from japandesk.core.choices import AuditAction
from japandesk.core.models import AuditEntry
from japandesk.registry import services
from japandesk.registry.choices import ATTRACTING_KINDS, EventKind
from japandesk.registry.models import (
    Country,
    Disbursement,
    Investor,
    JobsReport,
    LedgerEvent,
    Participation,
    Project,
    Sector,
)
from japandesk.zones.choices import PARK_AND_ZONE_KINDS, ZoneKind
from japandesk.zones.demo import CLUSTERS, ECONOMIC_ZONES, INDUSTRIAL_PARKS
from japandesk.zones.models import Zone

SOURCE = "demo"
SEED = 20231117
CENT = Decimal("0.01")
MILLION = Decimal(1_000_000)

REG, INC, DEC, BUY, END = (
    EventKind.REGISTRATION,
    EventKind.INCREASE,
    EventKind.DECREASE,
    EventKind.SHARE_PURCHASE,
    EventKind.TERMINATION,
)


def d(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)


def musd(value) -> Decimal:
    """An amount given in millions of USD, in USD."""
    return (Decimal(str(value)) * MILLION).quantize(CENT)


def round_musd(usd: Decimal) -> Decimal:
    """An amount in USD rounded to ten thousand dollars (0.01 million)."""
    return (usd / MILLION).quantize(CENT, ROUND_HALF_UP) * MILLION


JAPAN_DESK_2016 = d(2016, 12, 31)
CONFERENCE_2023 = d(2023, 10, 31)
CERTIFICATES_DAY = d(2023, 11, 17)
FORUM_2025 = d(2025, 11, 30)
PERIOD_2023 = (d(2023, 1, 1), CONFERENCE_2023)
LAST_DAY = d(2025, 12, 31)

# The figures the data set reproduces (published-figures.md), and the exact amounts
# chosen inside each published rounding.
PUBLISHED = {
    "2016 JP": {"projects": 5, "capital": musd("45")},
    "2023 all": {"projects": 172, "origins": 20, "capital": musd("13911.2")},
    "2023 JP": {"projects": 12, "capital": musd("2394.12")},
    "2023 attracted": {"capital": musd("3121.4")},
    "2023-11-17 JP": {"projects": 4},
    "2025 all": {"projects": 228, "capital": musd("17068")},
    "2025 JP": {"projects": 16, "capital": musd("2774.9")},
    "2025 JP in zones": {"projects": 11, "capital": musd("290.39")},
}

ZONE_KINDS = {
    **{code: ZoneKind.ECONOMIC_ZONE for code, *_rest in ECONOMIC_ZONES},
    **{code: ZoneKind.INDUSTRIAL_PARK for code, *_rest in INDUSTRIAL_PARKS},
    **{code: ZoneKind.INDUSTRIAL_CLUSTER for code, *_rest in CLUSTERS},
}


# ---------------------------------------------------------------------------
# The plan: plain data


@dataclass
class InvestorSpec:
    key: str
    name: str
    name_latin: str
    country: str
    brand: str
    name_kana: str = ""
    parent: str | None = None


@dataclass
class EventSpec:
    kind: str
    date: datetime.date
    amount: Decimal = Decimal(0)  # a magnitude, as the services take it
    lineup: list[tuple[str, Decimal]] | None = None  # investor keys and shares

    @property
    def signed(self) -> Decimal:
        return -self.amount if self.kind == DEC else self.amount


@dataclass
class ProjectSpec:
    name: str
    name_latin: str
    sector: str
    zone: str | None
    location: str
    events: list[EventSpec]
    land_area_ha: Decimal | None = None
    planned_jobs: int | None = None
    description: str = ""
    role: str = "filler"  # japan, anchor, balance, filler
    keeper: bool = False  # holds its origin economy among the active projects
    code: str = ""
    disbursements: list[tuple[datetime.date, Decimal]] = field(default_factory=list)
    jobs: list[tuple[datetime.date, int]] = field(default_factory=list)

    @property
    def registered_on(self) -> datetime.date:
        return self.events[0].date

    @property
    def terminated_on(self) -> datetime.date | None:
        return next((e.date for e in self.events if e.kind == END), None)

    def capital_on(self, on: datetime.date) -> Decimal:
        return sum((e.signed for e in self.events if e.date <= on), Decimal(0))

    def active_on(self, on: datetime.date) -> bool:
        ended = self.terminated_on
        return self.registered_on <= on and (ended is None or ended > on)

    def lineup_on(self, on: datetime.date):
        return [e.lineup for e in self.events if e.lineup and e.date <= on][-1]


@dataclass
class Plan:
    """The demonstration registry as data, with the as-of arithmetic of the registry's
    queries (a project's origin is its lead investor's economy), to check the figures
    before anything is written.
    """

    investors: dict[str, InvestorSpec]
    projects: list[ProjectSpec]

    def origin_on(self, project: ProjectSpec, on: datetime.date) -> str:
        lineup = project.lineup_on(on)
        lead = max(lineup, key=lambda item: item[1])  # the first listed on a tie, as the ledger does
        return self.investors[lead[0]].country

    def active(self, on, origin=None, in_zones=False) -> list[ProjectSpec]:
        return [
            p
            for p in self.projects
            if p.active_on(on)
            and (origin is None or self.origin_on(p, on) == origin)
            and (not in_zones or ZONE_KINDS.get(p.zone) in PARK_AND_ZONE_KINDS)
        ]

    def capital(self, on, origin=None, in_zones=False) -> Decimal:
        return sum((p.capital_on(on) for p in self.active(on, origin, in_zones)), Decimal(0))

    def attracted(self, start, end) -> Decimal:
        return sum(
            (
                e.amount
                for p in self.projects
                for e in p.events
                if e.kind in ATTRACTING_KINDS and start <= e.date <= end
            ),
            Decimal(0),
        )

    def figures(self) -> dict:
        """The published figures as this plan gives them."""

        def counted(on, **filters):
            return {"projects": len(self.active(on, **filters)), "capital": self.capital(on, **filters)}

        province_2023 = counted(CONFERENCE_2023)
        province_2023["origins"] = len({self.origin_on(p, CONFERENCE_2023) for p in self.active(CONFERENCE_2023)})
        certificates = [
            p
            for p in self.projects
            if p.registered_on == CERTIFICATES_DAY and self.origin_on(p, CERTIFICATES_DAY) == "JP"
        ]
        return {
            "2016 JP": counted(JAPAN_DESK_2016, origin="JP"),
            "2023 all": province_2023,
            "2023 JP": counted(CONFERENCE_2023, origin="JP"),
            "2023 attracted": {"capital": self.attracted(*PERIOD_2023)},
            "2023-11-17 JP": {"projects": len(certificates)},
            "2025 all": counted(FORUM_2025),
            "2025 JP": counted(FORUM_2025, origin="JP"),
            "2025 JP in zones": counted(FORUM_2025, origin="JP", in_zones=True),
        }


def reg(on, amount, *lineup) -> EventSpec:
    return EventSpec(REG, on, musd(amount), [(key, Decimal(share)) for key, share in lineup])


def inc(on, amount) -> EventSpec:
    return EventSpec(INC, on, musd(amount))


def dec(on, amount) -> EventSpec:
    return EventSpec(DEC, on, musd(amount))


def buy(on, *lineup, amount="0") -> EventSpec:
    return EventSpec(BUY, on, musd(amount), [(key, Decimal(share)) for key, share in lineup])


def end(on) -> EventSpec:
    return EventSpec(END, on)


# ---------------------------------------------------------------------------
# Japanese projects, written out so that the Japanese figures hold by construction:
#   2016-12-31: J1-J5 active (J0 terminated in 2013), 8 + 12.5 + 4.5 + 9 + 11 = 45.
#   2023-10-31: J1-J12, 2,394.12 M (J9 turned Japanese by a share purchase in 2020).
#   2023-11-17: the four certificates of the promotion conference, 81.1 M.
#   2025-11-30: 16 projects, 2,774.90 M; 11 in parks and zones with 290.39 M, among them
#   J7 directly in Van Don Economic Zone with 2 M.

# fmt: off
JAPANESE_INVESTORS = [
    # key, name, Latin name, kana reading, brand, parent group
    ("jp-hokuto", "株式会社北斗木材", "Hokuto Mokuzai Co., Ltd.", "ホクトモクザイ", "Hokuto", None),
    ("jp-minato", "株式会社みなと縫製", "Minato Hosei Co., Ltd.", "ミナトホウセイ", "Minato", None),
    ("jp-daiwa", "大和精機株式会社", "Daiwa Seiki Co., Ltd.", "ダイワセイキ", "Daiwa", None),
    ("jp-setouchi", "株式会社瀬戸内水産", "Setouchi Suisan Co., Ltd.", "セトウチスイサン", "Setouchi", None),
    ("jp-morita", "株式会社森田木工", "Morita Mokko Co., Ltd.", "モリタモッコウ", "Morita", None),
    ("jp-sakura", "株式会社さくらダイニング", "Sakura Dining Co., Ltd.", "サクラダイニング", "Sakura", None),
    ("jp-kodensha", "株式会社光電舎", "Kodensha Co., Ltd.", "コウデンシャ", "Kodensha", None),
    ("jp-mirai", "株式会社ミライデバイス", "Mirai Device Co., Ltd.", "ミライデバイス", "Mirai", "jp-kodensha"),
    ("jp-shimanami", "株式会社しまなみツーリズム", "Shimanami Tourism Co., Ltd.", "シマナミツーリズム", "Shimanami",
     None),
    ("jp-toyo", "東洋商事株式会社", "Toyo Shoji Co., Ltd.", "トウヨウショウジ", "Toyo", None),
    ("jp-toyo-energy", "東洋エネルギー開発株式会社", "Toyo Energy Development Co., Ltd.", "トウヨウエネルギーカイハツ",
     "Toyo", "jp-toyo"),
    ("jp-hokkai", "北海電力サービス株式会社", "Hokkai Power Service Co., Ltd.", "ホッカイデンリョクサービス", "Hokkai",
     None),
    ("jp-mitsuba", "三葉不動産株式会社", "Mitsuba Fudosan Co., Ltd.", "ミツバフドウサン", "Mitsuba", None),
    ("jp-chubu", "株式会社中部オートパーツ", "Chubu Auto Parts Co., Ltd.", "チュウブオートパーツ", "Chubu", None),
    ("jp-wakaba", "株式会社若葉化成", "Wakaba Kasei Co., Ltd.", "ワカバカセイ", "Wakaba", None),
    ("jp-castem", "株式会社キャステム", "Castem Co., Ltd.", "キャステム", "Castem", None),
    ("jp-seiko", "株式会社セイコーパーツ", "Seiko Parts Co., Ltd.", "セイコーパーツ", "Seiko", None),
    ("jp-tamagawa", "株式会社タマガワ", "Tamagawa Co., Ltd.", "タマガワ", "Tamagawa", None),
    ("jp-fujix", "株式会社フジックス", "Fujix Co., Ltd.", "フジックス", "Fujix", None),
    ("jp-sanwa", "三和商事株式会社", "Sanwa Shoji Co., Ltd.", "サンワショウジ", "Sanwa", "jp-toyo"),
    ("jp-nisshin", "株式会社日進製作所", "Nisshin Seisakusho Co., Ltd.", "ニッシンセイサクショ", "Nisshin", None),
]

# Investors of the hand-written projects from other economies.
NAMED_INVESTORS = [
    # key, name, Latin name, country, brand, parent group
    ("hk-hoiking", "海景置業有限公司", "Hoi King Property (Hong Kong) Limited", "HK", "Hoi King", None),
    ("vn-vanhai-seafood", "Công ty Cổ phần Thủy sản Vân Hải", "Van Hai Seafood Joint Stock Company", "VN", "Van Hai",
     None),
    ("vn-halong-energy", "Công ty Cổ phần Năng lượng Hạ Long", "Ha Long Energy Joint Stock Company", "VN", "Ha Long",
     None),
    ("us-bluewater", "Bluewater Power Partners LLC", "Bluewater Power Partners LLC", "US", "Bluewater", None),
    ("kr-seohae-group", "서해그룹", "Seohae Group", "KR", "Seohae", None),
    ("kr-seohae-power", "주식회사 서해파워", "Seohae Power Co., Ltd.", "KR", "Seohae", "kr-seohae-group"),
    ("sg-straits-energy", "Straits Energy Holdings Pte. Ltd.", "Straits Energy Holdings Pte. Ltd.", "SG", "Straits",
     None),
    ("hk-tungwah", "東華紡織集團有限公司", "Tung Wah Textile Group (Hong Kong) Limited", "HK", "Tung Wah", None),
    ("sg-orchid-bay", "Orchid Bay Resorts Pte. Ltd.", "Orchid Bay Resorts Pte. Ltd.", "SG", "Orchid Bay", None),
    ("th-amara", "บริษัท อมราพัฒนา อินดัสเทรียล จำกัด", "Amara Pattana Industrial Co., Ltd.", "TH", "Amara", None),
    ("vg-jade", "Jade Harbour Holdings Limited", "Jade Harbour Holdings Limited", "VG", "Jade Harbour", None),
    ("sg-lion-city", "Lion City Land Pte. Ltd.", "Lion City Land Pte. Ltd.", "SG", "Lion City", None),
    ("kr-hanbit", "주식회사 한빛전자", "Hanbit Electronics Co., Ltd.", "KR", "Hanbit", "kr-seohae-group"),
    ("sg-tanjong", "Tanjong Logistics Pte. Ltd.", "Tanjong Logistics Pte. Ltd.", "SG", "Tanjong", None),
    ("cn-guangyao", "江苏光耀新能源科技有限公司", "Jiangsu Guangyao New Energy Technology Co., Ltd.", "CN", "Guangyao",
     None),
    ("kr-mirae", "주식회사 미래전자부품", "Mirae Electronic Components Co., Ltd.", "KR", "Mirae", None),
    ("sg-kallang", "Kallang Data Centres Pte. Ltd.", "Kallang Data Centres Pte. Ltd.", "SG", "Kallang", None),
    ("cn-hengda-tyre", "山东恒达轮胎有限公司", "Shandong Hengda Tyre Co., Ltd.", "CN", "Hengda", None),
    ("hk-wingtai", "永泰港口物流有限公司", "Wing Tai Port Logistics (Hong Kong) Limited", "HK", "Wing Tai", None),
    ("tw-hongda", "鴻達電子股份有限公司", "Hongda Electronics Corporation", "TW", "Hongda", None),
    ("kr-saehan", "주식회사 새한풍력", "Saehan Wind Power Co., Ltd.", "KR", "Saehan", None),
]
# fmt: on

CONFERENCE_NOTE = "Certificate handed over at the Quang Ninh - Japan Investment Promotion Conference, 17 November 2023."
CASTEM_VI = "Nhà máy sản xuất cơ khí chính xác Castem Việt Nam"
SEIKO_VI = "Dự án sản xuất linh kiện Seiko Việt Nam"
TAMAGAWA_VI = "Nhà máy Tamagawa Việt Nam"
FUJIX_VI = "Nhà máy sản xuất sản phẩm công nghiệp Fujix Việt Nam"


def japanese_projects() -> list[ProjectSpec]:
    def jp(name, name_latin, sector, zone, location, events, land=None, jobs=None, description=""):
        return ProjectSpec(
            name,
            name_latin,
            sector,
            zone,
            location,
            events,
            Decimal(land) if land else None,
            jobs,
            description,
            role="japan",
        )

    return [
        jp(  # J0: the first Japanese project, terminated before the Japan Desk's count of 2016
            "Nhà máy chế biến dăm gỗ Hokuto",
            "Hokuto wood chip plant",
            "16",
            "cai-lan-ip",
            "TP. Hạ Long",
            [reg(d(2007, 5, 14), "3.2", ("jp-hokuto", 100)), end(d(2013, 8, 20))],
            land="2.5",
            jobs=60,
        ),
        jp(  # J1
            "Nhà máy may mặc xuất khẩu Minato",
            "Minato export garment factory",
            "14",
            "cai-lan-ip",
            "TP. Hạ Long",
            [reg(d(2008, 3, 12), "8", ("jp-minato", 100))],
            land="3.2",
            jobs=850,
        ),
        jp(  # J2
            "Nhà máy gia công cơ khí Daiwa",
            "Daiwa metal parts factory",
            "25",
            "viet-hung-ip",
            "TP. Hạ Long",
            [reg(d(2010, 7, 20), "12.5", ("jp-daiwa", 100)), inc(d(2019, 4, 10), "3.5")],
            land="4.1",
            jobs=320,
        ),
        jp(  # J3
            "Nhà máy chế biến thủy sản Setouchi",
            "Setouchi seafood processing plant",
            "10",
            None,
            "TP. Cẩm Phả",
            [reg(d(2012, 9, 5), "4.5", ("jp-setouchi", 70), ("vn-vanhai-seafood", 30)), inc(d(2024, 10, 8), "3.5")],
            land="1.6",
            jobs=240,
        ),
        jp(  # J4
            "Nhà máy sản xuất đồ gỗ Morita",
            "Morita wood products factory",
            "16",
            "hai-yen-ip",
            "TP. Móng Cái",
            [reg(d(2014, 6, 18), "9", ("jp-morita", 100))],
            land="3.5",
            jobs=410,
        ),
        jp(  # J5
            "Chuỗi nhà hàng Nhật Bản Sakura",
            "Sakura Japanese restaurants",
            "56",
            None,
            "TP. Hạ Long",
            [reg(d(2015, 11, 2), "11", ("jp-sakura", 100)), dec(d(2024, 4, 16), "3.11")],
            jobs=120,
        ),
        jp(  # J6
            "Nhà máy thiết bị điện Kodensha",
            "Kodensha electrical equipment factory",
            "27",
            "dong-mai-ip",
            "TX. Quảng Yên",
            [
                reg(d(2017, 8, 22), "15", ("jp-kodensha", 100)),
                buy(d(2021, 3, 9), ("jp-kodensha", 70), ("jp-mirai", 30)),
            ],
            land="5.0",
            jobs=520,
        ),
        jp(  # J7: the one Japanese project directly in Van Don Economic Zone
            "Dịch vụ lữ hành Shimanami Vân Đồn",
            "Shimanami Van Don tour services",
            "79",
            "van-don-ez",
            "Huyện Vân Đồn",
            [reg(d(2018, 10, 9), "2", ("jp-shimanami", 100))],
            jobs=25,
        ),
        jp(  # J8: a consortium led by Japanese investors
            "Nhà máy điện khí LNG Toyo Quảng Ninh",
            "Toyo Quang Ninh LNG-to-power plant",
            "35",
            None,
            "TX. Quảng Yên",
            [
                reg(
                    d(2019, 6, 27),
                    "1376.5",
                    ("jp-toyo-energy", 45),
                    ("jp-hokkai", 30),
                    ("vn-halong-energy", 25),
                ),
                inc(d(2024, 9, 12), "210"),
            ],
            land="46.0",
            jobs=400,
        ),
        jp(  # J9: Hong Kong-led until a Japanese developer bought control in 2020
            "Khu đô thị và dịch vụ Hoi King Hạ Long",
            "Hoi King Ha Long urban and service area",
            "68",
            None,
            "TP. Hạ Long",
            [
                reg(d(2015, 3, 10), "760", ("hk-hoiking", 70), ("jp-mitsuba", 30)),
                buy(d(2020, 9, 15), ("jp-mitsuba", 55), ("hk-hoiking", 45)),
                inc(d(2022, 4, 19), "69.12"),
            ],
            land="112.0",
            jobs=1500,
        ),
        jp(  # J10
            "Nhà máy phụ tùng ô tô Chubu",
            "Chubu automotive parts factory",
            "29",
            "song-khoai-ip",
            "TX. Quảng Yên",
            [reg(d(2021, 5, 14), "45", ("jp-chubu", 100)), inc(d(2024, 6, 4), "15")],
            land="8.0",
            jobs=900,
        ),
        jp(  # J11
            "Nhà máy linh kiện điện tử Mirai",
            "Mirai electronic components factory",
            "26",
            "bac-tien-phong-ip",
            "TX. Quảng Yên",
            [reg(d(2022, 2, 23), "60", ("jp-mirai", 100)), inc(d(2025, 3, 18), "30")],
            land="9.5",
            jobs=1200,
        ),
        jp(  # J12: in an industrial cluster, so outside "parks and zones"
            "Nhà máy sản phẩm nhựa kỹ thuật Wakaba",
            "Wakaba engineering plastics factory",
            "22",
            "kim-son-cluster",
            "TX. Đông Triều",
            [reg(d(2023, 5, 16), "18", ("jp-wakaba", 100)), inc(d(2025, 2, 11), "35")],
            land="3.0",
            jobs=300,
        ),
        jp(
            CASTEM_VI,
            "Castem Vietnam precision mechanical factory",
            "25",
            "song-khoai-ip",
            "TX. Quảng Yên",
            [reg(CERTIFICATES_DAY, "24.5", ("jp-castem", 100))],
            land="4.5",
            jobs=450,
            description=CONFERENCE_NOTE,
        ),
        jp(
            SEIKO_VI,
            "Seiko Vietnam parts",
            "26",
            "dong-mai-ip",
            "TX. Quảng Yên",
            [reg(CERTIFICATES_DAY, "21.2", ("jp-seiko", 100)), inc(d(2025, 8, 26), "9.29")],
            land="3.8",
            jobs=600,
            description=CONFERENCE_NOTE,
        ),
        jp(
            TAMAGAWA_VI,
            "Tamagawa Vietnam factory",
            "27",
            "bac-tien-phong-ip",
            "TX. Quảng Yên",
            [reg(CERTIFICATES_DAY, "19.8", ("jp-tamagawa", 100))],
            land="3.3",
            jobs=380,
            description=CONFERENCE_NOTE,
        ),
        jp(
            FUJIX_VI,
            "Fujix Vietnam industrial products factory",
            "22",
            "viet-hung-ip",
            "TP. Hạ Long",
            [reg(CERTIFICATES_DAY, "15.6", ("jp-fujix", 100))],
            land="2.7",
            jobs=260,
            description=CONFERENCE_NOTE,
        ),
    ]


# Large projects from other economies, written out by hand. The three "balance" projects
# get their amount from `balance()`.
def anchor_projects() -> list[ProjectSpec]:
    def big(name, name_latin, sector, zone, location, events, land=None, jobs=None, role="anchor"):
        return ProjectSpec(
            name, name_latin, sector, zone, location, events, Decimal(land) if land else None, jobs, role=role
        )

    return [
        big(
            "Nhà máy nhiệt điện BOT Bluewater Cẩm Phả",
            "Bluewater Cam Pha BOT thermal power plant",
            "35",
            None,
            "TP. Cẩm Phả",
            [
                reg(d(2011, 3, 28), "2100", ("us-bluewater", 51), ("kr-seohae-power", 30), ("sg-straits-energy", 19)),
                dec(d(2016, 2, 24), "96.5"),
            ],
            land="180.0",
            jobs=650,
        ),
        big(
            "Tổ hợp sợi dệt công nghệ cao Tung Wah",
            "Tung Wah high-tech yarn and textile complex",
            "13",
            "hai-ha-seaport-ip",
            "Huyện Hải Hà",
            [
                reg(d(2013, 7, 2), "300", ("hk-tungwah", 100)),
                inc(d(2015, 5, 19), "200"),
                inc(d(2018, 11, 6), "160"),
                inc(d(2023, 3, 21), "250"),
            ],
            land="110.0",
            jobs=6500,
        ),
        big(
            "Khu nghỉ dưỡng phức hợp Orchid Bay Vân Đồn",
            "Orchid Bay Van Don integrated resort",
            "55",
            "van-don-ez",
            "Huyện Vân Đồn",
            [reg(d(2016, 5, 17), "780", ("sg-orchid-bay", 100)), inc(d(2021, 10, 5), "120")],
            land="210.0",
            jobs=2400,
        ),
        big(
            "Dự án kinh doanh hạ tầng khu công nghiệp Amara Sông Khoai",
            "Amara Song Khoai industrial park infrastructure",
            "68",
            "song-khoai-ip",
            "TX. Quảng Yên",
            [reg(d(2018, 9, 25), "230", ("th-amara", 100)), inc(d(2022, 6, 14), "90")],
            land="714.0",
            jobs=150,
        ),
        big(
            "Khu đô thị Jade Harbour Hạ Long",
            "Jade Harbour Ha Long urban area",
            "68",
            None,
            "TP. Hạ Long",
            [
                reg(d(2017, 4, 11), "450", ("vg-jade", 100)),
                buy(d(2020, 7, 28), ("sg-lion-city", 60), ("vg-jade", 40)),
            ],
            land="86.0",
            jobs=300,
        ),
        big(
            "Nhà máy mô-đun điện tử Hanbit",
            "Hanbit electronic modules factory",
            "26",
            "dong-mai-ip",
            "TX. Quảng Yên",
            [
                reg(d(2014, 2, 18), "210", ("kr-hanbit", 100)),
                inc(d(2017, 9, 26), "150"),
                inc(d(2020, 12, 8), "180"),
            ],
            land="38.0",
            jobs=5200,
        ),
        big(
            "Trung tâm logistics và kho ngoại quan Tanjong",
            "Tanjong logistics centre and bonded warehouse",
            "52",
            "cai-lan-ip",
            "TP. Hạ Long",
            [reg(d(2023, 8, 22), "420", ("sg-tanjong", 100))],
            land="42.0",
            jobs=800,
        ),
        big(
            "Nhà máy linh kiện điện tử Mirae",
            "Mirae electronic components factory",
            "26",
            "bac-tien-phong-ip",
            "TX. Quảng Yên",
            [reg(d(2023, 4, 12), "320", ("kr-mirae", 100))],
            land="25.0",
            jobs=3000,
        ),
        big(
            "Trung tâm dữ liệu Kallang Hạ Long",
            "Kallang Ha Long data centre",
            "63",
            None,
            "TP. Hạ Long",
            [reg(d(2024, 7, 23), "350", ("sg-kallang", 100))],
            land="12.0",
            jobs=180,
        ),
        big(
            "Nhà máy săm lốp Hengda",
            "Hengda tyre factory",
            "22",
            "dam-nha-mac-ip",
            "TX. Quảng Yên",
            [reg(d(2024, 3, 19), "280", ("cn-hengda-tyre", 100))],
            land="60.0",
            jobs=2200,
        ),
        big(
            "Trung tâm logistics cảng Wing Tai Hải Hà",
            "Wing Tai Hai Ha port logistics centre",
            "52",
            "hai-ha-seaport-ip",
            "Huyện Hải Hà",
            [reg(d(2025, 6, 10), "150", ("hk-wingtai", 100))],
            land="30.0",
            jobs=400,
        ),
        # Balancing registrations: amounts filled in by balance().
        big(
            "Nhà máy điện gió Saehan Tiên Yên",
            "Saehan Tien Yen wind farm",
            "35",
            None,
            "Huyện Tiên Yên",
            [reg(d(2022, 9, 20), "1", ("kr-saehan", 100))],
            land="95.0",
            jobs=120,
            role="balance-2023",
        ),
        big(
            "Nhà máy pin và tấm quang điện Guangyao",
            "Guangyao solar cell and module factory",
            "26",
            "song-khoai-ip",
            "TX. Quảng Yên",
            [reg(d(2023, 6, 15), "1", ("cn-guangyao", 100))],
            land="60.0",
            jobs=5000,
            role="balance-period",
        ),
        big(
            "Tổ hợp sản xuất thiết bị điện tử Hongda",
            "Hongda electronics manufacturing complex",
            "26",
            "bac-tien-phong-ip",
            "TX. Quảng Yên",
            [reg(d(2025, 4, 8), "1", ("tw-hongda", 100))],
            land="48.0",
            jobs=4500,
            role="balance-2025",
        ),
    ]


# ---------------------------------------------------------------------------
# Generated projects

# Words that name a company's line of business, by language: English, Korean, simplified
# Chinese, traditional Chinese, Thai, Vietnamese.
# fmt: off
WORDS = {
    "electronics": ("Electronics", "전자", "电子", "電子", "อิเล็กทรอนิกส์", "Điện tử"),
    "precision": ("Precision", "정밀", "精密", "精密", "พรีซิชั่น", "Cơ khí chính xác"),
    "auto": ("Auto Parts", "자동차부품", "汽车配件", "汽車零件", "ออโต้พาร์ท", "Phụ tùng ô tô"),
    "energy": ("Energy", "에너지", "能源", "能源", "เอ็นเนอร์ยี", "Năng lượng"),
    "logistics": ("Logistics", "물류", "物流", "物流", "โลจิสติกส์", "Logistics"),
    "construction": ("Construction", "건설", "建设", "營造", "คอนสตรัคชั่น", "Xây dựng"),
    "tourism": ("Resorts", "리조트", "旅游", "觀光", "รีสอร์ท", "Du lịch"),
    "chemical": ("Chemical", "화학", "化工", "化學", "เคมีคอล", "Hóa chất"),
    "textile": ("Textile", "섬유", "纺织", "紡織", "เท็กซ์ไทล์", "Dệt may"),
    "foods": ("Foods", "식품", "食品", "食品", "ฟู้ดส์", "Thực phẩm"),
    "property": ("Development", "개발", "置业", "開發", "พร็อพเพอร์ตี้", "Địa ốc"),
    "materials": ("Materials", "소재", "材料", "材料", "แมททีเรียล", "Vật liệu"),
    "trading": ("Trading", "상사", "贸易", "貿易", "เทรดดิ้ง", "Thương mại"),
    "services": ("Services", "서비스", "服务", "服務", "เซอร์วิส", "Dịch vụ"),
}
WORD_LANGUAGES = ("en", "ko", "zh", "tw", "th", "vi")

# Company name stems in the investor's own script, with their Latin form.
STEMS = {
    "KR": [("한빛", "Hanbit"), ("대성", "Daesung"), ("세원", "Sewon"), ("동진", "Dongjin"), ("우진", "Woojin"),
           ("신영", "Shinyoung"), ("영진", "Youngjin"), ("성광", "Sungkwang"), ("태영", "Taeyoung"),
           ("한결", "Hangyeol"), ("청운", "Cheongun"), ("서해", "Seohae")],
    "CN": [("华盛", "Huasheng"), ("金龙", "Jinlong"), ("宏远", "Hongyuan"), ("天成", "Tiancheng"), ("瑞丰", "Ruifeng"),
           ("永兴", "Yongxing"), ("鑫源", "Xinyuan"), ("海川", "Haichuan"), ("东升", "Dongsheng"),
           ("广泰", "Guangtai"), ("佳联", "Jialian")],
    "TW": [("聯鈞", "Lianjun"), ("台昇", "Taisheng"), ("國晟", "Guosheng"), ("建鑫", "Jianxin"), ("宏碩", "Hongshuo"),
           ("華祥", "Huaxiang"), ("全洲", "Quanzhou")],
    "HK": [("德昌", "Tak Cheong"), ("永利", "Wing Lee"), ("恒昌", "Hang Cheong"), ("富華", "Fu Wah"),
           ("新興", "Sun Hing"), ("泰豐", "Tai Fung"), ("裕興", "Yue Hing"), ("寶源", "Po Yuen"),
           ("龍騰", "Lung Tang")],
    "TH": [("สยามวัฒนา", "Siam Wattana"), ("ไทยเจริญ", "Thai Charoen"), ("ศรีสมบูรณ์", "Sri Somboon"),
           ("เอเชียพัฒนา", "Asia Pattana"), ("รุ่งเรืองกิจ", "Rungruangkit")],
    "VN": [("Hạ Long", "Ha Long"), ("Bạch Đằng", "Bach Dang"), ("Yên Tử", "Yen Tu"), ("Đông Bắc", "Dong Bac"),
           ("Vịnh Xanh", "Vinh Xanh"), ("Hòn Gai", "Hon Gai"), ("Bãi Cháy", "Bai Chay"), ("Tiên Yên", "Tien Yen")],
}
CN_PROVINCES = [("江苏", "Jiangsu"), ("浙江", "Zhejiang"), ("广东", "Guangdong"), ("广西", "Guangxi"),
                ("山东", "Shandong")]

# Economies whose companies are named in Latin letters: stems and the legal form.
LATIN_STEMS = {
    "SG": (["Marina Crest", "Straits Pacific", "Jurong Vista", "Serangoon", "Raffles Quay", "Keppel Bay"], "Pte. Ltd."),
    "US": (["Blue Ridge", "Cascade", "Lakeshore", "Pioneer Pacific", "Redwood"], "LLC"),
    "GB": (["Thames", "Pennine", "Albion", "Kingsbridge"], "Ltd"),
    "NL": (["Oranje", "Delta Haven", "Zeeland", "Noordhaven"], "B.V."),
    "DE": (["Rheinwerk", "Nordstern", "Elbtal", "Schwarzwald"], "GmbH"),
    "FR": (["Rivière", "Lumière", "Provence", "Atlantique"], "SAS"),
    "MY": (["Bumi Jaya", "Mutiara", "Sinar Harapan", "Permata"], "Sdn. Bhd."),
    "AU": (["Southern Cross", "Coral Coast", "Banksia", "Eucalypt"], "Pty Ltd"),
    "CA": (["Northern Lights", "Great Lakes", "Laurentian", "Maple Ridge"], "Inc."),
    "VG": (["Golden Tide", "Pacific Crest", "Evergreen Star", "Silver Lotus"], "Holdings Limited"),
    "WS": (["Apia Bay", "Ocean Bright", "Silver Reef"], "Investment Limited"),
    "KY": (["Grand Harbour", "Seven Mile", "Coral Capital"], "Ltd."),
    "CH": (["Alpenrose", "Lemanic", "Helvetic Ridge"], "AG"),
    "IN": (["Sagar", "Shakti", "Vardhan", "Indus Ridge"], "Pvt. Ltd."),
    "IT": (["Adriatica", "Dolomiti"], "S.r.l."),
}

# Business groups that own several of the generated investors: (country, stem index, own script, Latin).
GROUPS = [
    ("KR", 1, "대성그룹", "Daesung Group"),
    ("KR", 4, "우진그룹", "Woojin Group"),
    ("CN", 0, "华盛集团有限公司", "Huasheng Group Co., Ltd."),
    ("TW", 0, "聯鈞集團", "Lianjun Group"),
    ("HK", 0, "德昌集團有限公司", "Tak Cheong Group (Hong Kong) Limited"),
    ("SG", 0, "Marina Crest Group Pte. Ltd.", "Marina Crest Group Pte. Ltd."),
]

# Origin economies of the generated projects (Japan's projects are written out above).
ORIGIN_WEIGHTS = {
    "KR": 22, "CN": 14, "HK": 12, "SG": 12, "TW": 8, "VG": 6, "US": 4, "TH": 4, "DE": 3, "GB": 3,
    "MY": 3, "AU": 3, "WS": 3, "NL": 2, "FR": 2, "CA": 2, "KY": 2, "CH": 2, "IN": 2,
}

# division: (weight, line of business, where it locates, median capital in M USD, names in Vietnamese and English)
DIVISIONS = {
    "01": (1, "foods", "out", 3, [("Dự án nông nghiệp công nghệ cao {b}", "{b} high-tech farming project")]),
    "03": (2, "foods", "out", 3, [("Dự án nuôi trồng thủy sản {b}", "{b} aquaculture project")]),
    "10": (5, "foods", "factory", 8, [("Nhà máy chế biến thực phẩm {b}", "{b} food processing plant")]),
    "11": (1, "foods", "factory", 10, [("Nhà máy sản xuất đồ uống {b}", "{b} beverage plant")]),
    "13": (4, "textile", "factory", 25, [("Nhà máy sợi và dệt {b}", "{b} yarn and weaving mill")]),
    "14": (6, "textile", "factory", 8, [("Nhà máy may mặc {b}", "{b} garment factory")]),
    "15": (2, "textile", "factory", 12, [("Nhà máy sản xuất giày dép {b}", "{b} footwear factory")]),
    "16": (4, "materials", "factory", 6, [("Nhà máy chế biến gỗ {b}", "{b} wood processing plant")]),
    "17": (2, "materials", "factory", 10, [("Nhà máy bao bì giấy {b}", "{b} paper packaging plant")]),
    "20": (3, "chemical", "factory", 20, [("Nhà máy hóa chất {b}", "{b} chemical plant")]),
    "22": (6, "chemical", "factory", 12, [("Nhà máy sản phẩm nhựa {b}", "{b} plastics factory")]),
    "23": (3, "materials", "factory", 18, [("Nhà máy vật liệu xây dựng {b}", "{b} building materials plant")]),
    "24": (2, "materials", "factory", 30, [("Nhà máy luyện kim {b}", "{b} metals plant")]),
    "25": (7, "precision", "factory", 10, [("Nhà máy gia công cơ khí {b}", "{b} metal fabrication plant")]),
    "26": (10, "electronics", "factory", 25, [("Nhà máy linh kiện điện tử {b}", "{b} electronic components factory")]),
    "27": (6, "electronics", "factory", 15, [("Nhà máy thiết bị điện {b}", "{b} electrical equipment factory")]),
    "28": (4, "precision", "factory", 12, [("Nhà máy chế tạo máy {b}", "{b} machinery factory")]),
    "29": (5, "auto", "factory", 20, [("Nhà máy phụ tùng ô tô {b}", "{b} automotive parts factory")]),
    "30": (2, "precision", "factory", 25, [("Nhà máy đóng tàu {b}", "{b} shipyard")]),
    "32": (3, "trading", "factory", 6, [("Nhà máy đồ chơi, dụng cụ thể thao {b}", "{b} toys and sports factory")]),
    "33": (1, "precision", "factory", 3, [("Trung tâm bảo dưỡng máy móc {b}", "{b} machinery maintenance centre")]),
    "35": (4, "energy", "out", 45, [("Nhà máy điện gió {b}", "{b} wind farm"),
                                    ("Nhà máy điện mặt trời áp mái {b}", "{b} rooftop solar plant"),
                                    ("Nhà máy điện sinh khối {b}", "{b} biomass power plant")]),
    "36": (1, "services", "out", 15, [("Nhà máy nước sạch {b}", "{b} water treatment plant")]),
    "38": (2, "services", "out", 12, [("Nhà máy xử lý chất thải {b}", "{b} waste treatment plant")]),
    "41": (1, "construction", "out", 20, [("Dự án nhà ở công nhân {b}", "{b} workers' housing project")]),
    "42": (1, "construction", "out", 25, [("Dự án hạ tầng kỹ thuật {b}", "{b} infrastructure project")]),
    "46": (3, "trading", "out", 2, [("Trung tâm phân phối {b}", "{b} distribution centre")]),
    "47": (1, "trading", "out", 5, [("Trung tâm thương mại {b}", "{b} shopping centre")]),
    "50": (2, "logistics", "port", 10, [("Dịch vụ vận tải biển {b}", "{b} shipping services")]),
    "52": (5, "logistics", "port", 15, [("Trung tâm logistics {b}", "{b} logistics centre")]),
    "55": (7, "tourism", "leisure", 30, [("Khu nghỉ dưỡng {b}", "{b} resort"), ("Khách sạn {b}", "{b} hotel")]),
    "56": (2, "tourism", "out", 1, [("Chuỗi nhà hàng {b}", "{b} restaurants")]),
    "62": (2, "services", "out", 2, [("Trung tâm phát triển phần mềm {b}", "{b} software development centre")]),
    "68": (6, "property", "leisure", 40, [("Khu đô thị {b}", "{b} urban area"),
                                          ("Tổ hợp văn phòng và căn hộ {b}", "{b} office and apartment complex")]),
    "79": (2, "tourism", "leisure", 1, [("Dịch vụ lữ hành {b}", "{b} tour services")]),
    "85": (1, "services", "out", 5, [("Trường quốc tế {b}", "{b} international school")]),
    "86": (1, "services", "out", 15, [("Bệnh viện quốc tế {b}", "{b} international hospital")]),
    "93": (2, "tourism", "leisure", 20, [("Khu vui chơi giải trí {b}", "{b} amusement park")]),
}

# Industrial parks that took tenants from the given year on, with their weight.
PARKS_OPEN = [
    ("cai-lan-ip", 2005, 2), ("viet-hung-ip", 2008, 3), ("hai-yen-ip", 2010, 3), ("dong-mai-ip", 2012, 3),
    ("hai-ha-seaport-ip", 2013, 2), ("song-khoai-ip", 2019, 3), ("dam-nha-mac-ip", 2020, 1),
    ("bac-tien-phong-ip", 2021, 2),
]
PORT_PARKS = ["cai-lan-ip", "hai-ha-seaport-ip", "dam-nha-mac-ip"]
ZONE_LOCATIONS = {
    "cai-lan-ip": "TP. Hạ Long", "viet-hung-ip": "TP. Hạ Long", "hai-yen-ip": "TP. Móng Cái",
    "dong-mai-ip": "TX. Quảng Yên", "hai-ha-seaport-ip": "Huyện Hải Hà", "song-khoai-ip": "TX. Quảng Yên",
    "dam-nha-mac-ip": "TX. Quảng Yên", "bac-tien-phong-ip": "TX. Quảng Yên", "van-don-ez": "Huyện Vân Đồn",
    "mong-cai-ez": "TP. Móng Cái", "kim-son-cluster": "TX. Đông Triều", "hoang-que-cluster": "TX. Đông Triều",
    "yen-tho-cluster": "TX. Đông Triều", "cam-thinh-cluster": "TP. Cẩm Phả",
}
OUTSIDE_LOCATIONS = {
    "TP. Hạ Long": 8, "TP. Cẩm Phả": 3, "TP. Uông Bí": 3, "TX. Quảng Yên": 2, "TX. Đông Triều": 2,
    "Huyện Tiên Yên": 1, "Huyện Đầm Hà": 1, "Huyện Cô Tô": 1,
}

# New projects of the generated kind per year: 160 registered by 31 October 2023 (15 of
# them in 2023), 5 more in November-December 2023, then 2024 and 2025.
FILLERS_PER_YEAR = {
    2005: 4, 2006: 5, 2007: 6, 2008: 7, 2009: 6, 2010: 7, 2011: 6, 2012: 7, 2013: 7,
    2014: 7, 2015: 9, 2016: 9, 2017: 10, 2018: 11, 2019: 12, 2020: 9, 2021: 10, 2022: 13,
}
# fmt: on
FILLERS_2023_BEFORE_NOVEMBER = 15
FILLERS_2023_AFTER_OCTOBER = 5
FILLERS_2024 = 22
FILLERS_2025_BY_NOVEMBER = 24
FILLERS_DECEMBER_2025 = 2
TERMINATED_BY_2023 = 9  # besides the Italian project and Japan's first one
TERMINATED_2024_2025 = 3
FILLER_SCALE = 0.8  # brings the generated projects to the size the balancing registrations need


class Names:
    """Invents unique company names in the investor's own script, with a Latin form."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def make(self, country: str, word: str, stem_index: int | None = None) -> tuple[str, str, str]:
        """(name, Latin name, brand) for a company of `country` in the line of business `word`."""
        for attempt in range(60):
            name, latin, brand = self._one(country, word, stem_index if attempt == 0 else None)
            if attempt >= 30:
                name, latin = f"{name} ({attempt - 29})", f"{latin} ({attempt - 29})"
            if name not in self.used:
                self.used.add(name)
                return name, latin, brand
        raise RuntimeError("no unused company name left")

    def _one(self, country, word, stem_index):
        rng, words = self.rng, dict(zip(WORD_LANGUAGES, WORDS[word], strict=True))
        if country in STEMS:
            stems = STEMS[country]
            own, latin = stems[stem_index] if stem_index is not None else rng.choice(stems)
            if country == "KR":
                return f"주식회사 {own}{words['ko']}", f"{latin} {words['en']} Co., Ltd.", latin
            if country == "CN":
                province, province_latin = rng.choice(CN_PROVINCES)
                return (
                    f"{province}{own}{words['zh']}有限公司",
                    f"{province_latin} {latin} {words['en']} Co., Ltd.",
                    latin,
                )
            if country == "TW":
                return f"{own}{words['tw']}股份有限公司", f"{latin} {words['en']} Corporation", latin
            if country == "HK":
                return f"{own}{words['tw']}有限公司", f"{latin} {words['en']} (Hong Kong) Limited", latin
            if country == "TH":
                return f"บริษัท {own} {words['th']} จำกัด", f"{latin} {words['en']} Co., Ltd.", latin
            return f"Công ty Cổ phần {words['vi']} {own}", f"{latin} {words['en']} Joint Stock Company", latin
        stems, form = LATIN_STEMS[country]
        stem = stems[stem_index] if stem_index is not None else rng.choice(stems)
        name = f"{stem} {words['en']} {form}"
        return name, name, stem


class Generator:
    """Draws the projects of economies other than Japan from a seeded random generator:
    registrations year by year, investors and their line-ups, sector, zone, amendments,
    terminations, and the realised capital and jobs reported later.
    """

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.names = Names(self.rng)
        self.investors: dict[str, InvestorSpec] = {}
        self.by_country: dict[str, list[str]] = {}
        self.groups: dict[tuple[str, str], str] = {}
        self.project_names: set[str] = set()
        for key, name, latin, kana, brand, parent in JAPANESE_INVESTORS:
            self._add(InvestorSpec(key, name, latin, "JP", brand, kana, parent), reusable=False)
        for key, name, latin, country, brand, parent in NAMED_INVESTORS:
            self._add(InvestorSpec(key, name, latin, country, brand, parent=parent), reusable=False)
        for country, index, name, latin in GROUPS:
            key = f"group-{country}-{index}"
            brand = STEMS[country][index][1] if country in STEMS else LATIN_STEMS[country][0][index]
            self._add(InvestorSpec(key, name, latin, country, brand), reusable=False)
            self.groups[(country, brand)] = key
            self.names.used.add(name)

    def _add(self, spec: InvestorSpec, reusable: bool = True) -> str:
        self.investors[spec.key] = spec
        self.names.used.add(spec.name)
        if reusable:
            self.by_country.setdefault(spec.country, []).append(spec.key)
        return spec.key

    def investor(self, country: str, word: str, reuse: float = 0.15) -> str:
        existing = self.by_country.get(country, [])
        if existing and self.rng.random() < reuse:
            return self.rng.choice(existing)
        name, latin, brand = self.names.make(country, word)
        key = f"{country.lower()}-{len(self.investors):03d}"
        return self._add(InvestorSpec(key, name, latin, country, brand, parent=self.groups.get((country, brand))))

    def weighted(self, weights: dict):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def day_in(self, start: datetime.date, stop: datetime.date, avoid=()) -> datetime.date | None:
        """A working day from `start` to `stop`, or None when there is none."""
        span = (stop - start).days
        for _attempt in range(20):
            day = start + datetime.timedelta(days=self.rng.randint(0, span))
            if day.weekday() < 5 and day not in avoid:
                return day
        days = [start + datetime.timedelta(days=n) for n in range(span + 1)]
        days = [day for day in days if day.weekday() < 5 and day not in avoid]
        return self.rng.choice(days) if days else None

    def amount(self, median: float, low: float = 0.3, high: float = 250.0) -> Decimal:
        value = math.exp(self.rng.gauss(math.log(median * FILLER_SCALE), 0.85))
        return Decimal(str(round(min(max(value, low), high), 2)))

    def lineup(self, country: str, word: str) -> list[tuple[str, Decimal]]:
        lead = self.investor(country, word)
        roll = self.rng.random()
        if roll < 0.62:
            return [(lead, Decimal(100))]
        share = Decimal(self.rng.choice([51, 55, 60, 65, 70, 75, 80, 85, 90]))
        partner_country = self.rng.choices(
            ["VN", country, self.weighted(ORIGIN_WEIGHTS), "JP"], weights=[50, 25, 18, 7]
        )[0]
        partner = (
            self.rng.choice(["jp-sanwa", "jp-nisshin"])
            if partner_country == "JP"
            else self.investor(partner_country, word)
        )
        if partner == lead:
            return [(lead, Decimal(100))]
        if roll > 0.9 and share <= 70:
            third = self.investor("VN", word, reuse=0.3)
            if third not in (lead, partner):
                rest = 100 - share
                return [(lead, share), (partner, Decimal(rest - rest // 3)), (third, Decimal(rest // 3))]
        return [(lead, share), (partner, 100 - share)]

    def zone_for(self, policy: str, year: int) -> str | None:
        rng = self.rng
        if policy == "factory":
            roll = rng.random()
            if roll < 0.7:
                parks = {code: weight for code, opened, weight in PARKS_OPEN if opened <= year}
                return self.weighted(parks)
            if roll < 0.83:
                return rng.choice([code for code, *_rest in CLUSTERS])
            return None
        if policy == "port":
            return rng.choice(PORT_PARKS) if rng.random() < 0.45 else None
        if policy == "leisure":
            return rng.choice(["van-don-ez", "van-don-ez", "mong-cai-ez"]) if rng.random() < 0.3 else None
        return None

    def project(self, registered: datetime.date, country: str, keeper: bool = False) -> ProjectSpec:
        rng = self.rng
        division = self.weighted({code: spec[0] for code, spec in DIVISIONS.items()})
        _weight, word, policy, median, names = DIVISIONS[division]
        lineup = self.lineup(country, word)
        brand = self.investors[lineup[0][0]].brand
        name, name_latin = (text.format(b=brand) for text in rng.choice(names))
        if name in self.project_names:
            name, name_latin = f"{name} (giai đoạn 2)", f"{name_latin} (phase 2)"
        self.project_names.add(name)
        zone = self.zone_for(policy, registered.year)
        location = ZONE_LOCATIONS.get(zone) or self.weighted(OUTSIDE_LOCATIONS)
        capital = self.amount(median)
        factory = policy == "factory"
        jobs = None
        if factory or rng.random() < 0.5:
            jobs = min(6000, max(10, int(float(capital) * rng.uniform(8, 30) * (1 if factory else 0.4)) // 10 * 10))
        land = None
        if factory or policy in ("leisure", "port"):
            land = Decimal(str(round(min(max(float(capital) * rng.uniform(0.08, 0.4), 0.5), 150.0), 1)))
        return ProjectSpec(
            name,
            name_latin,
            division,
            zone,
            location,
            [reg(registered, capital, *lineup)],
            land,
            jobs,
            keeper=keeper,
        )

    def registration_days(self) -> list[datetime.date]:
        days = []
        for year, count in FILLERS_PER_YEAR.items():
            days += [self.day_in(d(year, 1, 5), d(year, 12, 26)) for _ in range(count)]
        days += [self.day_in(d(2023, 1, 5), d(2023, 10, 27)) for _ in range(FILLERS_2023_BEFORE_NOVEMBER)]
        days += [
            self.day_in(d(2023, 11, 2), d(2023, 12, 26), avoid={CERTIFICATES_DAY})
            for _ in range(FILLERS_2023_AFTER_OCTOBER)
        ]
        days += [self.day_in(d(2024, 1, 8), d(2024, 12, 26)) for _ in range(FILLERS_2024)]
        days += [self.day_in(d(2025, 1, 6), d(2025, 11, 28)) for _ in range(FILLERS_2025_BY_NOVEMBER)]
        days += [self.day_in(d(2025, 12, 1), d(2025, 12, 19)) for _ in range(FILLERS_DECEMBER_2025)]
        return sorted(days)

    def fillers(self) -> list[ProjectSpec]:
        rng = self.rng
        days = self.registration_days()
        # The earliest projects hold every origin economy, so that all 19 besides Japan stay
        # represented among the active projects; an Italian one of 2009 is terminated.
        keepers = list(ORIGIN_WEIGHTS)
        rng.shuffle(keepers)
        projects = []
        for index, day in enumerate(days):
            if index < len(keepers):
                projects.append(self.project(day, keepers[index], keeper=True))
            elif day.year == 2009 and not any(
                self.investors[p.events[0].lineup[0][0]].country == "IT" for p in projects
            ):
                projects.append(self.project(day, "IT"))
            else:
                projects.append(self.project(day, self.weighted(ORIGIN_WEIGHTS)))
        self.terminations(projects)
        for project in projects:
            self.amendments(project)
        return projects

    def terminations(self, projects: list[ProjectSpec]) -> None:
        rng = self.rng
        italian = next(p for p in projects if self.investors[p.events[0].lineup[0][0]].country == "IT")
        italian.events.append(end(self.day_in(italian.registered_on + datetime.timedelta(days=900), d(2014, 12, 20))))
        early = [p for p in projects if not p.keeper and p is not italian and p.registered_on.year <= 2018]
        for project in rng.sample(early, TERMINATED_BY_2023):
            start = project.registered_on + datetime.timedelta(days=730)
            stop = min(project.registered_on + datetime.timedelta(days=3300), d(2023, 9, 29))
            project.events.append(end(self.day_in(start, stop)))
        later = [p for p in projects if not p.keeper and p.terminated_on is None and p.registered_on.year <= 2021]
        for project in rng.sample(later, TERMINATED_2024_2025):
            project.events.append(end(self.day_in(d(2024, 1, 15), d(2025, 10, 31))))

    def amendments(self, project: ProjectSpec) -> None:
        """Capital increases, a decrease or a share purchase, all before the project ends."""
        rng = self.rng
        ended = project.terminated_on
        horizon = min(ended - datetime.timedelta(days=45), FORUM_2025) if ended else FORUM_2025
        taken = {e.date for e in project.events}
        added = []

        def day_after(days: int):
            start = project.registered_on + datetime.timedelta(days=days)
            return self.day_in(start, horizon, avoid=taken) if start <= horizon else None

        increases = rng.choices([0, 1, 2], weights=[55, 33, 12])[0]
        for _increase in range(increases):
            day = day_after(300)
            if day:
                taken.add(day)
                share = Decimal(str(round(rng.uniform(0.15, 0.8), 2)))
                added.append(EventSpec(INC, day, round_musd(project.events[0].amount * share)))
        if not project.keeper and rng.random() < 0.08:
            day = day_after(365)
            if day:
                taken.add(day)
                added.append(self.share_purchase(project, day))
        if rng.random() < 0.07:
            day = day_after(420)
            if day:
                taken.add(day)
                added.append(EventSpec(DEC, day))  # amount set below, once the capital at that day is known
        project.events = sorted(project.events + added, key=lambda e: (e.date, e.kind != REG, e.kind == END))
        for event in project.events:
            if event.kind == DEC:
                before = project.capital_on(event.date - datetime.timedelta(days=1))
                event.amount = round_musd(before * Decimal(str(round(rng.uniform(0.1, 0.35), 2))))

    def share_purchase(self, project: ProjectSpec, day: datetime.date) -> EventSpec:
        rng = self.rng
        lead = project.events[0].lineup[0][0]
        word = DIVISIONS[project.sector][1]
        contribution = (
            round_musd(project.events[0].amount * Decimal(str(round(rng.uniform(0.05, 0.2), 2))))
            if rng.random() < 0.3
            else Decimal(0)
        )
        if rng.random() < 0.5:
            buyer = self.investor(self.weighted(ORIGIN_WEIGHTS), word, reuse=0.3)
            share = Decimal(rng.choice([51, 60, 65, 70, 75]))
            lineup = [(buyer, share), (lead, 100 - share)] if buyer != lead else [(lead, Decimal(100))]
        else:
            partner = self.investor("VN", word, reuse=0.3)
            share = Decimal(rng.choice([55, 60, 70, 80, 90]))
            lineup = [(lead, share), (partner, 100 - share)]
        return EventSpec(BUY, day, contribution, lineup)

    def reports(self, project: ProjectSpec) -> None:
        """Realised capital and actual jobs, reported at some year ends and mid-2025."""
        rng = self.rng
        if project.registered_on >= d(2025, 1, 1) or rng.random() < 0.3:
            return
        ended = project.terminated_on
        dates = [d(year, 12, 31) for year in range(project.registered_on.year, 2025)] + [d(2025, 6, 30)]
        dates = [day for day in dates if day > project.registered_on and (ended is None or day < ended)]
        if not dates:
            return
        dates = sorted(rng.sample(dates, min(len(dates), rng.choice([1, 2]))))
        realised = Decimal(0)
        fraction = rng.uniform(0.15, 0.45)
        for day in dates:
            fraction = min(fraction + rng.uniform(0.1, 0.3), 0.95)
            target = round_musd(project.capital_on(day) * Decimal(str(round(fraction, 3))))
            if target > realised:
                project.disbursements.append((day, target - realised))
                realised = target
        if project.planned_jobs:
            share = rng.uniform(0.3, 0.7)
            for day in dates[-1:]:
                share = min(share + rng.uniform(0.05, 0.35), 1.1)
                project.jobs.append((day, max(1, int(project.planned_jobs * share))))


def balance(plan: Plan) -> None:
    """Give the three balancing registrations the amounts that make the province-wide
    figures come out as published, then check every published figure.
    """
    by_role = {p.role: p for p in plan.projects if p.role.startswith("balance")}
    period = by_role["balance-period"].events[0]
    period.amount = Decimal(0)
    period.amount = PUBLISHED["2023 attracted"]["capital"] - plan.attracted(*PERIOD_2023)
    first = by_role["balance-2023"].events[0]
    first.amount = Decimal(0)
    first.amount = PUBLISHED["2023 all"]["capital"] - plan.capital(CONFERENCE_2023)
    last = by_role["balance-2025"].events[0]
    last.amount = Decimal(0)
    last.amount = PUBLISHED["2025 all"]["capital"] - plan.capital(FORUM_2025)
    for event, low, high in ((period, 1000, 2200), (first, 200, 1200), (last, 200, 1500)):
        if not musd(low) <= event.amount <= musd(high):
            raise RuntimeError(f"the demonstration plan is out of balance: {event.amount} on {event.date}")


def build_plan(seed: int = SEED) -> Plan:
    """The whole demonstration registry as plain data, checked against PUBLISHED."""
    generator = Generator(seed)
    projects = japanese_projects() + anchor_projects() + generator.fillers()
    projects.sort(key=lambda p: (p.registered_on, p.name_latin))
    plan = Plan(generator.investors, projects)
    balance(plan)
    for project in projects:
        generator.reports(project)
    per_year: dict[int, int] = {}
    for project in projects:
        year = project.registered_on.year
        per_year[year] = per_year.get(year, 0) + 1
        project.code = f"DEMO-{year}-{per_year[year]:03d}"
    figures = plan.figures()
    for key, expected in PUBLISHED.items():
        for name, value in expected.items():
            if figures[key][name] != value:
                raise RuntimeError(f"the demonstration plan gives {key} {name} = {figures[key][name]}, not {value}")
    return plan


# ---------------------------------------------------------------------------
# Writing the plan


def _write_investors(plan: Plan, countries: dict) -> dict[str, Investor]:
    used = {key for p in plan.projects for e in p.events if e.lineup for key, _share in e.lineup}
    used |= {plan.investors[key].parent for key in used if plan.investors[key].parent}
    existing = {(i.name, i.country.code): i for i in Investor.objects.select_related("country")}
    written: dict[str, Investor] = {}
    for spec in sorted((plan.investors[key] for key in used), key=lambda s: (s.parent is not None, s.key)):
        investor = existing.get((spec.name, spec.country))
        if investor is None:
            investor = services.create_investor(
                actor=None,
                source=SOURCE,
                name=spec.name,
                name_latin=spec.name_latin,
                name_kana=spec.name_kana,
                country=countries[spec.country],
                parent=written.get(spec.parent) if spec.parent else None,
            )
        written[spec.key] = investor
    return written


def _write_project(spec: ProjectSpec, investors, sectors, zones) -> None:
    project = services.create_project(
        actor=None,
        source=SOURCE,
        code=spec.code,
        name=spec.name,
        name_latin=spec.name_latin,
        sector=sectors[spec.sector],
        zone=zones[spec.zone] if spec.zone else None,
        location=spec.location,
        land_area_ha=spec.land_area_ha,
        planned_jobs=spec.planned_jobs,
        description=spec.description,
        illustrative=True,
    )
    for number, event in enumerate(spec.events):
        services.record_event(
            project,
            actor=None,
            source=SOURCE,
            kind=event.kind,
            date=event.date,
            certificate_no=f"{spec.code}/{number:02d}",
            capital_usd=None if event.kind == END else event.amount,
            lineup=[(investors[key], share) for key, share in event.lineup] if event.lineup else None,
        )
    for day, amount in spec.disbursements:
        services.record_disbursement(project, actor=None, source=SOURCE, date=day, amount_usd=amount)
    for day, jobs in spec.jobs:
        services.record_jobs(project, actor=None, source=SOURCE, date=day, jobs=jobs)


def _record_deletions(objects) -> None:
    """One audit entry per deleted record, written in one statement."""
    objects = list(objects)
    if not objects:
        return
    content_type = ContentType.objects.get_for_model(objects[0], for_concrete_model=True)
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                actor=None,
                actor_name="system",
                action=AuditAction.DELETE,
                content_type=content_type,
                object_id=str(obj.pk),
                object_repr=str(obj)[:300],
                before=audit.snapshot(obj),
                after=None,
                source=SOURCE,
            )
            for obj in objects
        ],
        batch_size=500,
    )


def remove_illustrative() -> tuple[int, int]:
    """Delete the illustrative projects with their ledgers and reports, and the investors
    that only they referred to; returns (projects, investors) removed.
    """
    projects = Project.objects.filter(illustrative=True)
    investor_ids = set(Participation.objects.filter(event__project__in=projects).values_list("investor_id", flat=True))
    investor_ids |= set(
        Investor.objects.filter(pk__in=investor_ids, parent__isnull=False).values_list("parent_id", flat=True)
    )
    removed = list(projects)
    _record_deletions(removed)
    Disbursement.objects.filter(project__in=projects).delete()
    JobsReport.objects.filter(project__in=projects).delete()
    Participation.objects.filter(event__project__in=projects).delete()
    LedgerEvent.objects.filter(project__in=projects).delete()
    projects.delete()
    candidates = list(
        Investor.objects.filter(pk__in=investor_ids, participations__isnull=True)
        .exclude(subsidiaries__in=Investor.objects.exclude(pk__in=investor_ids))
        .distinct()
    )
    try:
        with transaction.atomic():
            _record_deletions(candidates)
            Investor.objects.filter(pk__in=[i.pk for i in candidates]).delete()
        return len(removed), len(candidates)
    except ProtectedError:
        pass
    # Something outside the registry still refers to some of them: keep those.
    kept = 0
    for investor in candidates:
        try:
            with transaction.atomic():
                _record_deletions([investor])
                investor.delete()
        except ProtectedError:
            kept += 1
    return len(removed), len(candidates) - kept


@transaction.atomic
def load(stdout=None, reset: bool = False) -> dict:
    """Write the demonstration registry unless it is already there (or `reset` replaces it)."""

    def say(message):
        if stdout is not None:
            stdout.write(message)

    if Project.objects.filter(illustrative=True).exists():
        if not reset:
            say(_("The illustrative registry is already loaded; nothing was changed (use --reset to reload it)."))
            return {"loaded": False}
        projects, investors = remove_illustrative()
        say(
            _("Removed {projects} illustrative projects and {investors} demonstration investors.").format(
                projects=projects, investors=investors
            )
        )
    plan = build_plan()
    countries = {c.code: c for c in Country.objects.all()}
    sectors = {s.code: s for s in Sector.objects.all()}
    zones = {z.code: z for z in Zone.objects.all()}
    investors = _write_investors(plan, countries)
    for spec in plan.projects:
        _write_project(spec, investors, sectors, zones)
    events = sum(len(p.events) for p in plan.projects)
    say(
        _("Illustrative registry: {projects} projects, {events} ledger events, {investors} investors.").format(
            projects=len(plan.projects), events=events, investors=len(investors)
        )
    )
    return {"loaded": True, "projects": len(plan.projects), "events": events, "investors": len(investors)}

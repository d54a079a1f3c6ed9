"""Zones of the demonstration data set: Quang Ninh's three economic zones, the industrial
parks public sources name (seven operating, the rest planned, 23 in all) and a few
industrial clusters. Names of the planned parks beyond those in public sources are
illustrative. Loading is idempotent: zones are matched on their code.

Areas, positions, distances, utilities, rents and the dated land figures are illustrative:
close to what the parks publish, not official figures. Every land figure is marked so.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.core import formatting
from japandesk.zones import services
from japandesk.zones.choices import ZoneKind, ZoneStatus
from japandesk.zones.models import Zone

EZ, IP, CLUSTER = ZoneKind.ECONOMIC_ZONE, ZoneKind.INDUSTRIAL_PARK, ZoneKind.INDUSTRIAL_CLUSTER

# (code, Vietnamese name, English name, Japanese name)
ECONOMIC_ZONES = [
    ("van-don-ez", "Khu kinh tế Vân Đồn", "Van Don Economic Zone", "ヴァンドン経済区"),
    ("quang-yen-ez", "Khu kinh tế ven biển Quảng Yên", "Quang Yen Coastal Economic Zone", "クアンイエン沿海経済区"),
    (
        "mong-cai-ez",
        "Khu kinh tế cửa khẩu Móng Cái",
        "Mong Cai Border-Gate Economic Zone",
        "モンカイ国境ゲート経済区",
    ),
]

# (code, Vietnamese name, English name, Japanese name, parent economic zone)
INDUSTRIAL_PARKS = [
    ("cai-lan-ip", "Khu công nghiệp Cái Lân", "Cai Lan Industrial Park", "カイラン工業団地", None),
    ("viet-hung-ip", "Khu công nghiệp Việt Hưng", "Viet Hung Industrial Park", "ベトフン工業団地", None),
    ("hai-yen-ip", "Khu công nghiệp Hải Yên", "Hai Yen Industrial Park", "ハイイエン工業団地", "mong-cai-ez"),
    ("dong-mai-ip", "Khu công nghiệp Đông Mai", "Dong Mai Industrial Park", "ドンマイ工業団地", None),
    (
        "hai-ha-seaport-ip",
        "Khu công nghiệp cảng biển Hải Hà",
        "Hai Ha Seaport Industrial Park",
        "ハイハー港湾工業団地",
        "mong-cai-ez",
    ),
    ("song-khoai-ip", "Khu công nghiệp Sông Khoai", "Song Khoai Industrial Park", "ソンコアイ工業団地", None),
    (
        "dam-nha-mac-ip",
        "Khu công nghiệp Đầm Nhà Mạc",
        "Dam Nha Mac Industrial Park",
        "ダムニャーマック工業団地",
        "quang-yen-ez",
    ),
    (
        "bac-tien-phong-ip",
        "Khu công nghiệp Bắc Tiền Phong",
        "Bac Tien Phong Industrial Park",
        "バックティエンフォン工業団地",
        "quang-yen-ez",
    ),
    (
        "nam-tien-phong-ip",
        "Khu công nghiệp Nam Tiền Phong",
        "Nam Tien Phong Industrial Park",
        "ナムティエンフォン工業団地",
        "quang-yen-ez",
    ),
    ("hiep-hoa-ip", "Khu công nghiệp Hiệp Hòa", "Hiep Hoa Industrial Park", "ヒエップホア工業団地", None),
    ("hoanh-bo-ip", "Khu công nghiệp Hoành Bồ", "Hoanh Bo Industrial Park", "ホアインボー工業団地", None),
    ("ha-khanh-ip", "Khu công nghiệp Hà Khánh", "Ha Khanh Industrial Park", "ハーカイン工業団地", None),
    ("phuong-nam-ip", "Khu công nghiệp Phương Nam", "Phuong Nam Industrial Park", "フオンナム工業団地", None),
    ("thanh-son-ip", "Khu công nghiệp Thanh Sơn", "Thanh Son Industrial Park", "タインソン工業団地", None),
    ("trang-an-ip", "Khu công nghiệp Tràng An", "Trang An Industrial Park", "チャンアン工業団地", None),
    ("yen-duc-ip", "Khu công nghiệp Yên Đức", "Yen Duc Industrial Park", "イエンドゥック工業団地", None),
    ("cong-hoa-ip", "Khu công nghiệp Cộng Hòa", "Cong Hoa Industrial Park", "コンホア工業団地", None),
    ("tien-yen-ip", "Khu công nghiệp Tiên Yên", "Tien Yen Industrial Park", "ティエンイエン工業団地", None),
    ("dam-ha-ip", "Khu công nghiệp Đầm Hà", "Dam Ha Industrial Park", "ダムハー工業団地", None),
    ("quang-ha-ip", "Khu công nghiệp Quảng Hà", "Quang Ha Industrial Park", "クアンハー工業団地", None),
    ("hai-hoa-ip", "Khu công nghiệp Hải Hòa", "Hai Hoa Industrial Park", "ハイホア工業団地", "mong-cai-ez"),
    ("doan-ket-ip", "Khu công nghiệp Đoàn Kết", "Doan Ket Industrial Park", "ドアンケット工業団地", "van-don-ez"),
    ("yen-hung-ip", "Khu công nghiệp Yên Hưng", "Yen Hung Industrial Park", "イエンフン工業団地", None),
]

# (code, Vietnamese name, English name, Japanese name)
CLUSTERS = [
    ("kim-son-cluster", "Cụm công nghiệp Kim Sơn", "Kim Son Industrial Cluster", "キムソン工業クラスター"),
    ("hoang-que-cluster", "Cụm công nghiệp Hoàng Quế", "Hoang Que Industrial Cluster", "ホアンクエ工業クラスター"),
    ("yen-tho-cluster", "Cụm công nghiệp Yên Thọ", "Yen Tho Industrial Cluster", "イエントー工業クラスター"),
    ("cam-thinh-cluster", "Cụm công nghiệp Cẩm Thịnh", "Cam Thinh Industrial Cluster", "カムティン工業クラスター"),
]


OPERATING_PARKS = {
    "cai-lan-ip",
    "viet-hung-ip",
    "dong-mai-ip",
    "hai-yen-ip",
    "hai-ha-seaport-ip",
    "song-khoai-ip",
    "bac-tien-phong-ip",
}
BUILDING_PARKS = {"dam-nha-mac-ip", "nam-tien-phong-ip", "hai-hoa-ip"}

# code: (latitude, longitude, total ha, industrial ha, seaport km, airport km, Hanoi km, border km)
GEOGRAPHY = {
    "van-don-ez": ("21.070", "107.420", "221330", None, "25", "5", "200", "95"),
    "quang-yen-ez": ("20.930", "106.830", "13303", None, "12", "35", "125", "190"),
    "mong-cai-ez": ("21.520", "107.950", "121197", None, "35", "90", "300", "3"),
    "cai-lan-ip": ("20.975", "107.030", "305", "230", "1", "50", "160", "150"),
    "viet-hung-ip": ("20.990", "106.990", "301", "220", "8", "55", "155", "155"),
    "hai-yen-ip": ("21.510", "107.930", "182", "130", "40", "95", "295", "5"),
    "dong-mai-ip": ("20.980", "106.850", "167", "120", "20", "40", "130", "175"),
    "hai-ha-seaport-ip": ("21.420", "107.750", "4947", "3300", "3", "70", "270", "30"),
    "song-khoai-ip": ("21.020", "106.780", "714", "500", "25", "45", "120", "180"),
    "dam-nha-mac-ip": ("20.830", "106.800", "2400", "1600", "5", "40", "135", "195"),
    "bac-tien-phong-ip": ("20.880", "106.860", "1193", "840", "8", "40", "130", "185"),
    "nam-tien-phong-ip": ("20.860", "106.880", "1083", "760", "6", "42", "132", "187"),
    "hiep-hoa-ip": ("20.940", "106.860", "350", "240", "15", "40", "130", "180"),
    "hoanh-bo-ip": ("21.030", "107.050", "400", "280", "15", "45", "170", "145"),
    "ha-khanh-ip": ("20.970", "107.120", "200", "140", "10", "40", "170", "140"),
    "phuong-nam-ip": ("21.010", "106.720", "300", "210", "30", "50", "115", "185"),
    "thanh-son-ip": ("21.040", "106.760", "250", "170", "28", "50", "118", "182"),
    "trang-an-ip": ("21.070", "106.550", "300", "210", "45", "70", "100", "200"),
    "yen-duc-ip": ("21.030", "106.630", "250", "175", "38", "60", "105", "195"),
    "cong-hoa-ip": ("21.050", "107.250", "350", "245", "15", "25", "190", "120"),
    "tien-yen-ip": ("21.330", "107.400", "300", "210", "30", "30", "230", "80"),
    "dam-ha-ip": ("21.360", "107.600", "200", "140", "25", "50", "250", "55"),
    "quang-ha-ip": ("21.460", "107.720", "250", "175", "10", "65", "265", "35"),
    "hai-hoa-ip": ("21.520", "107.980", "400", "280", "30", "95", "300", "4"),
    "doan-ket-ip": ("21.060", "107.450", "200", "140", "10", "6", "205", "95"),
    "yen-hung-ip": ("20.920", "106.820", "300", "210", "10", "38", "128", "190"),
    "kim-son-cluster": ("21.080", "106.550", "50", "38", "45", "70", "100", "200"),
    "hoang-que-cluster": ("21.060", "106.620", "45", "34", "40", "62", "104", "196"),
    "yen-tho-cluster": ("21.050", "106.650", "40", "30", "38", "60", "106", "194"),
    "cam-thinh-cluster": ("21.020", "107.330", "60", "45", "8", "20", "195", "110"),
}

LOCATIONS = {
    "van-don-ez": "Vân Đồn",
    "quang-yen-ez": "Quảng Yên",
    "mong-cai-ez": "Móng Cái",
    "cai-lan-ip": "Hạ Long",
    "viet-hung-ip": "Hạ Long",
    "hai-yen-ip": "Móng Cái",
    "dong-mai-ip": "Quảng Yên",
    "hai-ha-seaport-ip": "Hải Hà",
    "song-khoai-ip": "Quảng Yên",
    "dam-nha-mac-ip": "Quảng Yên",
    "bac-tien-phong-ip": "Quảng Yên",
    "nam-tien-phong-ip": "Quảng Yên",
    "hiep-hoa-ip": "Quảng Yên",
    "hoanh-bo-ip": "Hạ Long",
    "ha-khanh-ip": "Hạ Long",
    "phuong-nam-ip": "Uông Bí",
    "thanh-son-ip": "Uông Bí",
    "trang-an-ip": "Đông Triều",
    "yen-duc-ip": "Đông Triều",
    "cong-hoa-ip": "Cẩm Phả",
    "tien-yen-ip": "Tiên Yên",
    "dam-ha-ip": "Đầm Hà",
    "quang-ha-ip": "Hải Hà",
    "hai-hoa-ip": "Móng Cái",
    "doan-ket-ip": "Vân Đồn",
    "yen-hung-ip": "Quảng Yên",
    "kim-son-cluster": "Đông Triều",
    "hoang-que-cluster": "Đông Triều",
    "yen-tho-cluster": "Đông Triều",
    "cam-thinh-cluster": "Cẩm Phả",
}

# Developers public sources name; the other parks' developers are left blank.
DEVELOPERS = {
    "dong-mai-ip": "Viglacera",
    "song-khoai-ip": "Amata",
    "hai-ha-seaport-ip": "Texhong",
}
JAPANESE_STANDARD = {"song-khoai-ip", "dong-mai-ip", "bac-tien-phong-ip"}

# Target sectors by VSIC code.
TARGETS = {
    "cai-lan-ip": ["C", "52"],
    "viet-hung-ip": ["26", "27", "28"],
    "hai-yen-ip": ["13", "10"],
    "dong-mai-ip": ["26", "27", "22"],
    "hai-ha-seaport-ip": ["13", "52", "35"],
    "song-khoai-ip": ["26", "27", "28", "29"],
    "dam-nha-mac-ip": ["52", "28", "35"],
    "bac-tien-phong-ip": ["26", "27", "22", "28"],
    "nam-tien-phong-ip": ["26", "29"],
}

# Leased share of the leasable land, year by year (illustrative), for the operating parks.
OCCUPANCY = {
    "cai-lan-ip": ["0.78", "0.82", "0.86", "0.90", "0.93"],
    "viet-hung-ip": ["0.55", "0.60", "0.66", "0.71", "0.76"],
    "dong-mai-ip": ["0.62", "0.70", "0.79", "0.86", "0.92"],
    "hai-yen-ip": ["0.40", "0.44", "0.50", "0.55", "0.61"],
    "hai-ha-seaport-ip": ["0.08", "0.10", "0.13", "0.16", "0.20"],
    "song-khoai-ip": ["0.10", "0.18", "0.27", "0.36", "0.45"],
    "bac-tien-phong-ip": ["0.00", "0.04", "0.10", "0.18", "0.26"],
}
LAND_YEARS = [2021, 2022, 2023, 2024, 2025]
LAND_SOURCE = "illustrative"

# Plots offered in two parks (illustrative).
PLOTS = {
    "song-khoai-ip": [("A1", "5.00"), ("A2", "8.50"), ("A3", "12.00"), ("B1", "20.00")],
    "bac-tien-phong-ip": [("CN1", "10.00"), ("CN2", "15.00"), ("CN3", "30.00")],
}

SUMMARIES = {
    "vi": "{kind} tại {location}, {area} ha; cách cảng biển {port} km.",
    "en": "{kind} in {location}, {area} ha; {port} km from a seaport.",
    "ja": "{location}の{kind}、面積{area}ha、港湾まで{port}km。",
}


def _profile(code: str, kind: str) -> dict:
    lat, lon, total, industrial, port, airport, hanoi, border = GEOGRAPHY[code]
    if kind == EZ:
        status = ZoneStatus.OPERATING
    elif code in OPERATING_PARKS:
        status = ZoneStatus.OPERATING
    elif code in BUILDING_PARKS or kind == CLUSTER:
        status = ZoneStatus.BUILDING
    else:
        status = ZoneStatus.PLANNED
    values = {
        "latitude": Decimal(lat),
        "longitude": Decimal(lon),
        "total_area_ha": Decimal(total),
        "industrial_area_ha": Decimal(industrial) if industrial else None,
        "distance_seaport_km": Decimal(port),
        "distance_airport_km": Decimal(airport),
        "distance_hanoi_km": Decimal(hanoi),
        "distance_border_km": Decimal(border),
        "status": status,
        "developer": DEVELOPERS.get(code, ""),
        "location": LOCATIONS[code],
        "japanese_standard": code in JAPANESE_STANDARD,
    }
    if kind != EZ:
        # Utilities and rents grow with the park's size (illustrative).
        size = Decimal(industrial)
        values.update(
            {
                "power_mw": (size / 5).quantize(Decimal(1)) + 20,
                "water_m3_day": int(size * 25) // 100 * 100 + 1000,
                "wastewater_m3_day": int(size * 20) // 100 * 100 + 800,
                "currency": "USD",
                "rent_min": Decimal("60") if status == ZoneStatus.OPERATING else Decimal("45"),
                "rent_max": Decimal("120") if status == ZoneStatus.OPERATING else Decimal("80"),
                "rent_basis": "",
                "fee_min": Decimal("0.50"),
                "fee_max": Decimal("1.20"),
            }
        )
    return values


def _land_figures(zone: Zone, code: str) -> int:
    existing = set(zone.land_figures.values_list("date", flat=True))
    made = 0
    leasable = (zone.industrial_area_ha or Decimal(0)).quantize(Decimal("0.01"))
    for year, share in zip(LAND_YEARS, OCCUPANCY.get(code, []), strict=False):
        day = datetime.date(year, 12, 31)
        if day in existing or day > timezone.localdate():
            continue
        leased = (leasable * Decimal(share)).quantize(Decimal("0.01"))
        services.record_land_figure(
            zone,
            date=day,
            leasable_ha=leasable,
            leased_ha=leased,
            source_note=LAND_SOURCE,
            illustrative=True,
            actor=None,
            source="demo",
        )
        made += 1
    return made


def _plots(zone: Zone, code: str) -> None:
    have = set(zone.plots.values_list("code", flat=True))
    for plot_code, area in PLOTS.get(code, []):
        if plot_code not in have:
            services.create_plot(zone, code=plot_code, area_ha=Decimal(area), actor=None, source="demo")


def _descriptions(zone: Zone, kind: str) -> None:
    if zone.translations.exists():
        return
    from django.utils import translation

    for language, text in SUMMARIES.items():
        with translation.override(language):
            summary = text.format(
                kind=ZoneKind(kind).label,
                location=zone.location or zone.display_name,
                area=formatting.number(zone.total_area_ha, 0),
                port=formatting.number(zone.distance_seaport_km),
            )
        services.save_translation(zone, language=language, summary=summary, actor=None, source="demo")


def _complete(zones: dict, kinds: dict) -> None:
    """Add the profile, target sectors, land figures, plots and descriptions a zone lacks."""
    from japandesk.registry.models import Sector

    sectors = {s.code: s for s in Sector.objects.filter(code__in={c for cs in TARGETS.values() for c in cs})}
    for code, zone in zones.items():
        profile = _profile(code, kinds[code])
        status = profile.pop("status")
        changed = {name: value for name, value in profile.items() if getattr(zone, name) in (None, "")}
        changed = {name: value for name, value in changed.items() if value not in (None, "")}
        if profile["japanese_standard"] and not zone.japanese_standard:
            changed["japanese_standard"] = True
        if zone.status == ZoneStatus.PLANNED and status != ZoneStatus.PLANNED:
            changed["status"] = status
        wanted = [sectors[c] for c in TARGETS.get(code, []) if c in sectors]
        if wanted and not zone.target_sectors.exists():
            changed["target_sectors"] = wanted
        if changed:
            services.update_zone(zone, actor=None, source="demo", **changed)
        _land_figures(zone, code)
        _plots(zone, code)
        _descriptions(zone, kinds[code])


def _put(existing: dict, code, name, name_en, name_ja, kind, parent=None) -> tuple[Zone, bool]:
    values = {"name": name, "name_en": name_en, "name_ja": name_ja, "kind": kind, "parent": parent}
    zone = existing.get(code)
    if zone is None:
        return services.create_zone(actor=None, source="demo", code=code, **values), True
    changed = {field: value for field, value in values.items() if getattr(zone, field) != value}
    if changed:
        services.update_zone(zone, actor=None, source="demo", **changed)
    return zone, False


@transaction.atomic
def load(stdout=None, reset: bool = False) -> dict:
    """Create or refresh the demonstration zones; returns them by code."""
    existing = {zone.code: zone for zone in Zone.objects.all()}
    zones, created = {}, 0
    for code, name, name_en, name_ja in ECONOMIC_ZONES:
        zones[code], made = _put(existing, code, name, name_en, name_ja, EZ)
        created += made
    for code, name, name_en, name_ja, parent in INDUSTRIAL_PARKS:
        zones[code], made = _put(existing, code, name, name_en, name_ja, IP, zones[parent] if parent else None)
        created += made
    for code, name, name_en, name_ja in CLUSTERS:
        zones[code], made = _put(existing, code, name, name_en, name_ja, CLUSTER)
        created += made
    kinds = {code: EZ for code, *_rest in ECONOMIC_ZONES}
    kinds.update({code: IP for code, *_rest in INDUSTRIAL_PARKS})
    kinds.update({code: CLUSTER for code, *_rest in CLUSTERS})
    _complete(zones, kinds)
    if stdout is not None:
        stdout.write(_("Zones: {total} ({created} new).").format(total=len(zones), created=created))
    return zones

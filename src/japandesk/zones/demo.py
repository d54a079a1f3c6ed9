"""Zones of the demonstration data set: Quang Ninh's three economic zones, the industrial
parks public sources name (seven operating, the rest planned, 23 in all) and a few
industrial clusters. Names of the planned parks beyond those in public sources are
illustrative. Loading is idempotent: zones are matched on their code.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from japandesk.zones import services
from japandesk.zones.choices import ZoneKind
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
    if stdout is not None:
        stdout.write(_("Zones: {total} ({created} new).").format(total=len(zones), created=created))
    return zones

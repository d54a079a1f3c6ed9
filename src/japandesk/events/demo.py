"""The demonstration event: the Quang Ninh - Japan investment promotion conference of 17 November
2023 in Ha Long, organised with Hokkaido and JETRO, with its trade and investment connection
seminar. The participants, requests and meetings are illustrative (invented from a seeded random
generator), written through the events services and scheduled by the engine with a short time limit.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from japandesk.events import services
from japandesk.events.choices import ParticipantKind, RequestStatus, RunKind
from japandesk.events.models import Event

SLUG = "quang-ninh-japan-2023"
SEED = 20231117
SOURCE = "demo"
TIME_LIMIT = 2.0

JP_PREFIXES = [
    "北海道",
    "札幌",
    "旭川",
    "函館",
    "苫小牧",
    "釧路",
    "帯広",
    "小樽",
    "東京",
    "大阪",
    "名古屋",
    "横浜",
    "福岡",
    "広島",
    "仙台",
]
JP_WORDS = [
    ("精機", "Seiki"),
    ("電子", "Denshi"),
    ("化成", "Kasei"),
    ("物流", "Butsuryu"),
    ("食品", "Shokuhin"),
    ("工業", "Kogyo"),
    ("建設", "Kensetsu"),
    ("エネルギー", "Energy"),
    ("水産", "Suisan"),
    ("製作所", "Seisakusho"),
    ("商事", "Shoji"),
    ("テック", "Tech"),
]
JP_LATIN = {
    "北海道": "Hokkaido",
    "札幌": "Sapporo",
    "旭川": "Asahikawa",
    "函館": "Hakodate",
    "苫小牧": "Tomakomai",
    "釧路": "Kushiro",
    "帯広": "Obihiro",
    "小樽": "Otaru",
    "東京": "Tokyo",
    "大阪": "Osaka",
    "名古屋": "Nagoya",
    "横浜": "Yokohama",
    "福岡": "Fukuoka",
    "広島": "Hiroshima",
    "仙台": "Sendai",
}
VN_PLACES = [
    "Hạ Long",
    "Cẩm Phả",
    "Uông Bí",
    "Móng Cái",
    "Quảng Yên",
    "Đông Triều",
    "Vân Đồn",
    "Hải Hà",
    "Tiên Yên",
    "Bình Liêu",
]
VN_TRADES = [
    "Cơ khí chính xác",
    "Linh kiện điện tử",
    "Bao bì",
    "Nhựa kỹ thuật",
    "Thực phẩm",
    "Vận tải biển",
    "Xây dựng",
    "Dệt may",
    "Thủy sản",
    "Gỗ nội thất",
    "Logistics",
    "Năng lượng sạch",
]
AGENCIES = [
    ("JETRO Hà Nội", "jetro-hanoi"),
    ("JETRO Hokkaido", "jetro-hokkaido"),
    ("Chính quyền tỉnh Hokkaido", "hokkaido-gov"),
    ("Ban Xúc tiến và Hỗ trợ đầu tư Quảng Ninh", "ipa-qn"),
    ("Sở Tài chính Quảng Ninh", "dof-qn"),
    ("Ban Quản lý Khu kinh tế Quảng Ninh", "ezma-qn"),
    ("Hiệp hội Doanh nghiệp tỉnh Quảng Ninh", "vcci-qn"),
    ("Đại sứ quán Nhật Bản tại Việt Nam", "embassy-jp"),
    ("Hokkaido Bank", "hokkaido-bank"),
    ("JICA Việt Nam", "jica-vn"),
    ("Hội đồng tư vấn Nhật Bản - Quảng Ninh", "council"),
    ("Sở Công Thương Quảng Ninh", "doit-qn"),
]
PRESS = [
    ("Báo Quảng Ninh", "baoqn"),
    ("Đài PT-TH Quảng Ninh", "qtv"),
    ("NNA Asia", "nna"),
    ("Nikkei Asia", "nikkei"),
    ("VnExpress International", "vne"),
    ("Hokkaido Shimbun", "doshin"),
]
INVESTORS, SUPPLIERS = 80, 100
REQUESTS_PER_INVESTOR = (1, 4)
REQUESTS_PER_SUPPLIER = (0, 1)


def _people(rng: random.Random) -> list[dict]:
    people = []
    for i in range(INVESTORS):
        prefix = JP_PREFIXES[i % len(JP_PREFIXES)]
        word, latin = JP_WORDS[(i * 7 + i // len(JP_PREFIXES)) % len(JP_WORDS)]
        number = "" if i < len(JP_PREFIXES) else str(i // len(JP_PREFIXES) + 1)
        people.append(
            {
                "kind": ParticipantKind.INVESTOR,
                "organisation": f"株式会社{prefix}{word}{number} ({JP_LATIN[prefix]} {latin} Co., Ltd.)",
                "name": f"Investor {i + 1:03d}",
                "email": f"investor{i + 1:03d}@demo.example.jp",
                "language": "ja",
                "country_code": "JP",
                "profile": f"{JP_LATIN[prefix]} {latin}: manufacturing and services, looking at Quang Ninh.",
                "looking_for": "Industrial land, local partners and suppliers",
            }
        )
    for i in range(SUPPLIERS):
        trade = VN_TRADES[i % len(VN_TRADES)]
        place = VN_PLACES[(i // len(VN_TRADES)) % len(VN_PLACES)]
        people.append(
            {
                "kind": ParticipantKind.SUPPLIER,
                "organisation": f"Công ty TNHH {trade} {place} {i + 1:03d}",
                "name": f"Supplier {i + 1:03d}",
                "email": f"supplier{i + 1:03d}@demo.example.vn",
                "language": rng.choice(["vi", "vi", "en"]),
                "country_code": "VN",
                "profile": f"{trade}, {place}",
                "looking_for": "Japanese buyers and joint-venture partners",
            }
        )
    for name, key in AGENCIES:
        people.append(
            {
                "kind": ParticipantKind.AGENCY,
                "organisation": name,
                "name": f"Officer {key}",
                "email": f"{key}@demo.example.org",
                "language": "ja" if "jp" in key or "hokkaido" in key or "jetro" in key else "vi",
                "country_code": "JP" if "jp" in key or "hokkaido" in key else "VN",
                "profile": name,
                "looking_for": "",
            }
        )
    for name, key in PRESS:
        people.append(
            {
                "kind": ParticipantKind.PRESS,
                "organisation": name,
                "name": f"Reporter {key}",
                "email": f"{key}@demo.example.org",
                "language": "en",
                "country_code": "",
                "profile": name,
                "looking_for": "",
            }
        )
    return people


def load(stdout=None, reset: bool = False) -> dict:
    """Create the 2023 conference with its participants, requests and schedule; once only."""
    existing = Event.objects.filter(slug=SLUG).first()
    if existing is not None and not reset:
        return {"created": False}
    with transaction.atomic():
        if existing is not None:
            existing.delete()
        result = _build()
    if stdout is not None:
        stdout.write(
            _(
                "Events: the 2023 conference, {participants} participants, {requests} requests, "
                "{scheduled} of {meetings} meetings scheduled."
            ).format(**result)
        )
    return result


def _build() -> dict:
    rng = random.Random(SEED)
    event = services.create_event(
        None,
        source=SOURCE,
        slug=SLUG,
        name_vi="Hội nghị xúc tiến đầu tư Quảng Ninh - Nhật Bản 2023",
        name_en="Quang Ninh - Japan Investment Promotion Conference 2023",
        name_ja="クアンニン省・日本投資促進会議2023",
        venue="Cung Quy hoạch, Hội chợ và Triển lãm tỉnh Quảng Ninh, Hạ Long",
        starts_on=datetime.date(2023, 11, 17),
        ends_on=datetime.date(2023, 11, 18),
        registration_open=False,
        request_expiry_hours=72,
        illustrative=True,
    )
    services.set_kind_cap(event, ParticipantKind.INVESTOR, max_meetings=10, max_requests=12, source=SOURCE)
    services.set_kind_cap(event, ParticipantKind.SUPPLIER, max_meetings=8, max_requests=5, source=SOURCE)
    services.set_kind_cap(event, ParticipantKind.AGENCY, max_meetings=12, max_requests=8, source=SOURCE)
    afternoon = services.add_session(
        event,
        date=datetime.date(2023, 11, 17),
        name="Kết nối thương mại và đầu tư (chiều)",
        start=datetime.time(14, 0),
        slots=9,
        minutes=20,
        source=SOURCE,
    )
    morning = services.add_session(
        event,
        date=datetime.date(2023, 11, 18),
        name="Kết nối thương mại và đầu tư (sáng)",
        start=datetime.time(8, 30),
        slots=9,
        minutes=20,
        source=SOURCE,
    )
    services.add_room(event, name="Sảnh B2B", tables=24, source=SOURCE)
    services.add_room(event, name="Phòng họp 2", tables=6, source=SOURCE)
    day1 = list(afternoon.slots.order_by("start"))
    day2 = list(morning.slots.order_by("start"))
    participants = []
    for person in _people(rng):
        choice = rng.random()
        if person["kind"] == ParticipantKind.PRESS:
            available = None
        elif choice < 0.55:
            available = None
        elif choice < 0.75:
            available = day1
        elif choice < 0.9:
            available = day2
        else:
            available = day1[:5] + day2[4:]
        participants.append(
            services.register_participant(event, consent=True, available=available, source=SOURCE, **person)
        )
    by_kind: dict[str, list] = {}
    for p in participants:
        by_kind.setdefault(p.kind, []).append(p)
    sent_at = timezone.make_aware(datetime.datetime(2023, 11, 6, 9, 0))
    requests = []
    pairs: set[frozenset] = set()

    def ask(requester, recipient, priority):
        key = frozenset((requester.pk, recipient.pk))
        if key in pairs:
            return
        pairs.add(key)
        try:
            requests.append(
                services.send_request(
                    requester,
                    recipient,
                    priority=priority,
                    source=SOURCE,
                    at=sent_at + datetime.timedelta(minutes=len(requests)),
                )
            )
        except services.ValidationError:
            pass  # a cap reached: the demo keeps what the rules allow

    for investor in by_kind[ParticipantKind.INVESTOR]:
        for supplier in rng.sample(by_kind[ParticipantKind.SUPPLIER], rng.randint(*REQUESTS_PER_INVESTOR)):
            ask(investor, supplier, rng.choice([1, 1, 2, 3]))
        if rng.random() < 0.4:
            ask(investor, rng.choice(by_kind[ParticipantKind.AGENCY]), 2)
    for supplier in by_kind[ParticipantKind.SUPPLIER]:
        for investor in rng.sample(by_kind[ParticipantKind.INVESTOR], rng.randint(*REQUESTS_PER_SUPPLIER)):
            ask(supplier, investor, rng.choice([1, 2]))
    for agency in by_kind[ParticipantKind.AGENCY]:
        for investor in rng.sample(by_kind[ParticipantKind.INVESTOR], 4):
            ask(agency, investor, 3)
    answered_at = sent_at + datetime.timedelta(hours=24)
    for request in requests:
        draw = rng.random()
        if draw < 0.78:
            try:
                services.answer_request(request, True, source=SOURCE, at=answered_at)
            except services.ValidationError:
                services.answer_request(request, False, source=SOURCE, at=answered_at)
        elif draw < 0.9:
            services.answer_request(request, False, source=SOURCE, at=answered_at)
    services.expire_requests(sent_at + datetime.timedelta(days=10))
    run = services.start_run(event, kind=RunKind.SOLVE, time_limit=TIME_LIMIT, background=False)
    return {
        "participants": len(participants),
        "requests": len(requests),
        "accepted": event.requests.filter(status=RequestStatus.ACCEPTED).count(),
        "meetings": run.meetings,
        "scheduled": run.scheduled,
    }

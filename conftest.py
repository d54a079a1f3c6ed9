"""Fixtures shared by every app's tests: users in each role and a little reference data,
built through the same service functions the product uses.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from japandesk.core.choices import Role


@pytest.fixture(autouse=True, scope="session")
def _english_to_begin_with():
    translation.activate("en")


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test, and each module's data loaded after it, starts in English, the language of the
    source strings: a request made by an earlier test leaves its language active in the thread."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def make_user(db, django_user_model):
    def make(username: str, role: str = Role.OFFICER, **extra):
        return django_user_model.objects.create_user(username=username, password="pw-" + username, role=role, **extra)

    return make


@pytest.fixture
def officer(make_user):
    return make_user("officer", Role.OFFICER)


@pytest.fixture
def leader(make_user):
    return make_user("leader", Role.LEADER)


@pytest.fixture
def administrator(make_user):
    return make_user("admin", Role.ADMINISTRATOR)


@pytest.fixture
def countries(db):
    from japandesk.registry.models import Country

    rows = [
        ("JP", "Japan", "Nhật Bản", "日本"),
        ("KR", "South Korea", "Hàn Quốc", "韓国"),
        ("SG", "Singapore", "Singapore", "シンガポール"),
        ("VN", "Vietnam", "Việt Nam", "ベトナム"),
    ]
    return {code: Country.objects.create(code=code, name_en=en, name_vi=vi, name_ja=ja) for code, en, vi, ja in rows}


@pytest.fixture
def sectors(db):
    from japandesk.registry.models import Sector

    manufacturing = Sector.objects.create(
        code="C",
        level=1,
        section="C",
        name_vi="Công nghiệp chế biến, chế tạo",
        name_en="Manufacturing",
        name_ja="製造業",
    )
    electronics = Sector.objects.create(
        code="26",
        level=2,
        section="C",
        parent=manufacturing,
        name_vi="Sản xuất sản phẩm điện tử, máy vi tính và sản phẩm quang học",
        name_en="Manufacture of computer, electronic and optical products",
    )
    energy = Sector.objects.create(
        code="D",
        level=1,
        section="D",
        name_vi="Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí",
        name_en="Electricity, gas, steam and air conditioning supply",
    )
    power = Sector.objects.create(
        code="35",
        level=2,
        section="D",
        parent=energy,
        name_vi="Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí",
        name_en="Electricity, gas, steam and air conditioning supply",
    )
    return {"C": manufacturing, "26": electronics, "D": energy, "35": power}


@pytest.fixture
def zones(db):
    from japandesk.zones.models import Zone

    van_don = Zone.objects.create(
        code="van-don-ez", name="Khu kinh tế Vân Đồn", name_en="Van Don Economic Zone", kind="ez"
    )
    dong_mai = Zone.objects.create(
        code="dong-mai-ip", name="KCN Đông Mai", name_en="Dong Mai Industrial Park", kind="ip"
    )
    cluster = Zone.objects.create(
        code="kim-son-cluster", name="CCN Kim Sơn", name_en="Kim Son Industrial Cluster", kind="cluster"
    )
    return {"van_don": van_don, "dong_mai": dong_mai, "cluster": cluster}


@pytest.fixture
def registered_project(officer, countries, sectors, zones):
    """A Japanese electronics project in Dong Mai, registered in 2020 with USD 10 million."""
    from japandesk.registry import services

    investor = services.create_investor(
        actor=officer,
        name="株式会社サンプル電子",
        name_latin="Sample Denshi K.K.",
        name_kana="カブシキガイシャサンプルデンシ",
        country=countries["JP"],
    )
    project = services.create_project(
        actor=officer,
        code="QN-T-001",
        name="Nhà máy linh kiện điện tử Sample",
        name_latin="Sample electronic parts factory",
        sector=sectors["26"],
        zone=zones["dong_mai"],
        land_area_ha=Decimal("5.5"),
        planned_jobs=300,
    )
    services.record_event(
        project,
        actor=officer,
        kind="registration",
        date=datetime.date(2020, 3, 2),
        certificate_no="IRC-T-001",
        capital_usd=Decimal("10000000"),
        capital_vnd=Decimal("232000000000"),
        lineup=[(investor, Decimal(100))],
    )
    return project

"""Every figure published about Quang Ninh's FDI comes out of the demonstration registry,
through the same queries the dashboard uses (published-figures.md).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import transaction

from japandesk.core.demo import REGISTRY_APPS, load_demo
from japandesk.registry import queries
from japandesk.registry.choices import EventKind
from japandesk.registry.models import LedgerEvent, Project
from japandesk.registry.queries import Filters

JAPAN_DESK_2016 = datetime.date(2016, 12, 31)
CONFERENCE_2023 = datetime.date(2023, 10, 31)
CERTIFICATES_DAY = datetime.date(2023, 11, 17)
FORUM_2025 = datetime.date(2025, 11, 30)
MILLION = Decimal(10) ** 6
BILLION = Decimal(10) ** 9


def rounded(value: Decimal, unit: Decimal, places: int) -> Decimal:
    return (value / unit).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


@pytest.fixture(scope="module")
def demo_registry(django_db_setup, django_db_blocker):
    """The demonstration data set, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            load_demo(only=REGISTRY_APPS)
            yield
            transaction.set_rollback(True)


@pytest.mark.django_db
def test_2016_japan_has_5_projects_with_usd_45_million(demo_registry):
    figures = queries.summary(JAPAN_DESK_2016, Filters(origin="JP"))

    assert figures["projects"] == 5
    assert figures["registered_capital_usd"] == Decimal("45000000.00")


@pytest.mark.django_db
def test_october_2023_province_has_172_projects_from_20_economies_with_usd_13_91_billion(demo_registry):
    figures = queries.summary(CONFERENCE_2023)

    assert figures["projects"] == 172
    assert figures["origin_economies"] == 20
    assert rounded(figures["registered_capital_usd"], BILLION, 2) == Decimal("13.91")
    assert figures["registered_capital_usd"] == Decimal("13911200000.00")


@pytest.mark.django_db
def test_october_2023_japan_has_12_projects_with_usd_2394_million_and_17_2_percent(demo_registry):
    figures = queries.summary(CONFERENCE_2023, Filters(origin="JP"))

    assert figures["projects"] == 12
    assert rounded(figures["registered_capital_usd"], MILLION, 0) == Decimal(2394)
    assert rounded(figures["share_of_capital"] * 100, Decimal(1), 1) == Decimal("17.2")
    assert figures["registered_capital_usd"] == Decimal("2394120000.00")


@pytest.mark.django_db
def test_first_ten_months_of_2023_attracted_over_usd_3_1_billion(demo_registry):
    period = queries.attracted(datetime.date(2023, 1, 1), CONFERENCE_2023)

    assert period["attracted_usd"] > Decimal("3100000000")
    assert rounded(period["attracted_usd"], BILLION, 1) == Decimal("3.1")
    assert period["attracted_usd"] == Decimal("3121400000.00")
    assert period["attracted_usd"] == period["new_capital_usd"] + period["increase_capital_usd"]
    dashboard = queries.summary(CONFERENCE_2023, period_from=datetime.date(2023, 1, 1))
    assert dashboard["period"]["attracted_usd"] == Decimal("3121400000.00")


@pytest.mark.django_db
def test_four_japanese_certificates_were_handed_over_on_17_november_2023(demo_registry):
    period = queries.attracted(CERTIFICATES_DAY, CERTIFICATES_DAY, Filters(origin="JP"))
    registrations = LedgerEvent.objects.filter(kind=EventKind.REGISTRATION, date=CERTIFICATES_DAY).select_related(
        "project", "origin"
    )

    assert period["new_projects"] == 4
    assert period["new_capital_usd"] > Decimal("80000000")
    assert period["new_capital_usd"] == Decimal("81100000.00")
    assert {event.origin.code for event in registrations} == {"JP"}
    assert sorted(event.project.name_latin for event in registrations) == [
        "Castem Vietnam precision mechanical factory",
        "Fujix Vietnam industrial products factory",
        "Seiko Vietnam parts",
        "Tamagawa Vietnam factory",
    ]
    assert sorted(event.project.name for event in registrations) == [
        "Dự án sản xuất linh kiện Seiko Việt Nam",
        "Nhà máy Tamagawa Việt Nam",
        "Nhà máy sản xuất cơ khí chính xác Castem Việt Nam",
        "Nhà máy sản xuất sản phẩm công nghiệp Fujix Việt Nam",
    ]


@pytest.mark.django_db
def test_november_2025_province_has_228_projects_with_usd_17_07_billion(demo_registry):
    figures = queries.summary(FORUM_2025)

    assert figures["projects"] == 228
    assert rounded(figures["registered_capital_usd"], BILLION, 2) == Decimal("17.07")
    assert figures["registered_capital_usd"] == Decimal("17068000000.00")


@pytest.mark.django_db
def test_november_2025_japan_has_16_projects_with_usd_2_77_billion_and_16_3_percent(demo_registry):
    figures = queries.summary(FORUM_2025, Filters(origin="JP"))

    assert figures["projects"] == 16
    assert rounded(figures["registered_capital_usd"], BILLION, 2) == Decimal("2.77")
    assert rounded(figures["share_of_capital"] * 100, Decimal(1), 1) == Decimal("16.3")
    assert figures["registered_capital_usd"] == Decimal("2774900000.00")


@pytest.mark.django_db
def test_november_2025_japan_in_parks_and_zones_has_11_projects_with_usd_290_39_million(demo_registry):
    figures = queries.summary(FORUM_2025, Filters(origin="JP", in_zones=True))
    van_don = Project.objects.active_as_of(FORUM_2025).filter(origin_code="JP", zone__code="van-don-ez")

    assert figures["projects"] == 11
    assert figures["registered_capital_usd"] == Decimal("290390000.00")
    assert [(p.zone.kind, p.capital_usd) for p in van_don] == [("ez", Decimal("2000000.00"))]
    assert not Project.objects.active_as_of(FORUM_2025).filter(origin_code="JP", zone__parent__code="van-don-ez")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("on", "origin", "in_zones", "expected"),
    [
        (JAPAN_DESK_2016, "JP", False, 5),
        (CONFERENCE_2023, None, False, 172),
        (CONFERENCE_2023, "JP", False, 12),
        (FORUM_2025, None, False, 228),
        (FORUM_2025, "JP", False, 16),
        (FORUM_2025, "JP", True, 11),
    ],
    ids=["2016-jp", "2023-all", "2023-jp", "2025-all", "2025-jp", "2025-jp-in-zones"],
)
def test_project_lists_agree_with_the_dashboard(demo_registry, on, origin, in_zones, expected):
    projects = Project.objects.active_as_of(on)
    if origin:
        projects = projects.filter(origin_code=origin)
    if in_zones:
        projects = projects.in_parks_and_zones()
    figures = queries.summary(on, Filters(origin=origin, in_zones=in_zones))

    assert projects.count() == figures["projects"] == expected
    assert sum(p.capital_usd for p in projects) == figures["registered_capital_usd"]


@pytest.mark.django_db
def test_cumulative_and_active_counts_differ(demo_registry):
    registered = LedgerEvent.objects.filter(kind=EventKind.REGISTRATION, date__lte=FORUM_2025)
    terminated = LedgerEvent.objects.filter(kind=EventKind.TERMINATION, date__lte=FORUM_2025)
    japanese = Project.objects.as_of(FORUM_2025).filter(origin_code="JP")

    assert registered.count() == 242
    assert terminated.count() == 14
    assert registered.count() - terminated.count() == 228
    assert japanese.count() == 17
    assert japanese.filter(status="active").count() == 16

"""Reference data: every ISO 3166-1 economy named in three languages, and the VSIC 2018
sections and divisions, loaded idempotently.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from japandesk.registry import reference
from japandesk.registry.models import Country, Sector


def names(code: str) -> tuple[str, str, str]:
    country = Country.objects.get(code=code)
    return country.name_en, country.name_vi, country.name_ja


@pytest.mark.django_db
def test_countries_are_every_iso_3166_economy_in_three_languages():
    created, updated = reference.load_countries()

    assert (created, updated) == (249, 0)
    assert Country.objects.count() == 249
    assert names("JP") == ("Japan", "Nhật Bản", "日本")
    assert names("VN") == ("Vietnam", "Việt Nam", "ベトナム")
    assert names("KR") == ("South Korea", "Hàn Quốc", "韓国")
    assert names("HK") == ("Hong Kong", "Hồng Kông", "香港")
    assert names("VG") == ("British Virgin Islands", "Quần đảo Virgin thuộc Anh", "英領ヴァージン諸島")
    assert not Country.objects.filter(code__in=["EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ", "AC", "IC"]).exists()
    assert not Country.objects.filter(name_vi="").exists()
    assert not Country.objects.filter(name_ja="").exists()


@pytest.mark.django_db
def test_loading_countries_again_changes_nothing_but_repairs_a_changed_name():
    reference.load_countries()
    Country.objects.filter(code="JP").update(name_en="Nippon")

    assert reference.load_countries() == (0, 1)
    assert reference.load_countries() == (0, 0)
    assert names("JP")[0] == "Japan"
    assert Country.objects.count() == 249


@pytest.mark.django_db
def test_sectors_are_the_21_vsic_sections_and_88_divisions():
    created, _updated = reference.load_sectors()

    sections = Sector.objects.filter(level=1)
    divisions = Sector.objects.filter(level=2).select_related("parent")
    manufacturing = Sector.objects.get(code="C")
    assert created == 109
    assert sections.count() == 21
    assert "".join(sections.order_by("code").values_list("code", flat=True)) == "ABCDEFGHIJKLMNOPQRSTU"
    assert divisions.count() == 88
    assert all(d.parent.code == d.section and d.isic_code == d.code for d in divisions)
    assert (manufacturing.name_en, manufacturing.name_vi, manufacturing.name_ja) == (
        "Manufacturing",
        "Công nghiệp chế biến, chế tạo",
        "製造業",
    )
    assert manufacturing.jsic_code == "E"
    assert not Sector.objects.filter(name_ja="").exists()
    assert not Sector.objects.filter(name_vi="").exists()
    assert Sector.objects.get(code="26").name_en == "Manufacture of computer, electronic and optical products"
    assert Sector.objects.filter(section="C", level=2).count() == 24


@pytest.mark.django_db
def test_loading_sectors_again_changes_nothing():
    reference.load_sectors()

    assert reference.load_sectors() == (0, 0)
    assert Sector.objects.count() == 109


@pytest.mark.django_db
def test_load_reference_command_reports_what_it_loaded():
    out = StringIO()

    with translation.override("en"):
        call_command("load_reference", stdout=out)
        call_command("load_reference", stdout=out)

    assert out.getvalue().splitlines() == [
        "Origin economies: 249 (249 new, 0 updated).",
        "Sectors: 109 (109 new, 0 updated).",
        "Origin economies: 249 (0 new, 0 updated).",
        "Sectors: 109 (0 new, 0 updated).",
    ]

"""Names and honorifics as a reader of each language expects them, and phonetic sorting."""

import pytest

from japandesk.crm import names
from japandesk.crm.models import Contact


def person(**fields) -> Contact:
    contact = Contact(**fields)
    contact.sort_key, contact.sort_key_latin = names.contact_sort_keys(contact)
    return contact


YAMADA = dict(
    family_name="山田",
    given_name="太郎",
    family_name_latin="Yamada",
    given_name_latin="Taro",
    family_name_kana="ヤマダ",
    given_name_kana="タロウ",
    gender="m",
)
LAN = dict(family_name="Nguyễn", given_name="Thị Lan", gender="f")
SMITH = dict(family_name="Smith", given_name="John", name_order="given_first", gender="m")
UNKNOWN = dict(family_name="Tanaka", given_name="Yuki", name_order="family_first")


@pytest.mark.parametrize(
    ("fields", "language", "expected"),
    [
        (YAMADA, "ja", "山田 太郎 様"),
        (YAMADA, "vi", "Ông Yamada Taro"),
        (YAMADA, "en", "Mr Yamada Taro"),
        (LAN, "ja", "Nguyễn Thị Lan 様"),
        (LAN, "vi", "Bà Nguyễn Thị Lan"),
        (LAN, "en", "Ms Nguyễn Thị Lan"),
        (SMITH, "ja", "John Smith 様"),
        (SMITH, "vi", "Ông John Smith"),
        (SMITH, "en", "Mr John Smith"),
        (UNKNOWN, "vi", "Ông/Bà Tanaka Yuki"),
        (UNKNOWN, "en", "Tanaka Yuki"),
    ],
)
def test_addressed_name_per_reader_language(fields, language, expected):
    assert names.addressed_name(person(**fields), language) == expected


def test_full_name_has_no_honorific():
    assert names.full_name(person(**YAMADA), "ja") == "山田 太郎"
    assert names.full_name(person(**SMITH), "en") == "John Smith"


def test_japanese_names_sort_by_kana_in_dictionary_order():
    people = [
        person(family_name="渡辺", family_name_kana="わたなべ"),
        person(family_name="加藤", family_name_kana="カトウ"),
        person(family_name="後藤", family_name_kana="ごとう"),
        person(family_name="阿部", family_name_kana="アベ"),
        person(family_name="木村", family_name_kana="きむら"),
    ]
    ordered = [p.family_name for p in sorted(people, key=lambda p: p.sort_key)]
    # ア, カ, キ, ゴ (コ with its voicing mark sorts right after コ's row), ワ
    assert ordered == ["阿部", "加藤", "木村", "後藤", "渡辺"]


def test_latin_sort_key_folds_accents():
    assert person(family_name="Đỗ", given_name="Minh").sort_key_latin == "0do minh"

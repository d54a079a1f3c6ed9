import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from japandesk.core import formatting
from japandesk.core.text import search_key


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        pytest.param("quang ninh", "Quảng Ninh", id="vietnamese-diacritics"),
        pytest.param("dong mai", "Đông Mai", id="vietnamese-d-with-stroke"),
        pytest.param("toyota", "ＴＯＹＯＴＡ", id="full-width-latin"),
        pytest.param("ﾄﾖﾀ", "トヨタ", id="half-width-katakana"),
        pytest.param("とよた", "トヨタ", id="hiragana-against-katakana"),
    ],
)
def test_search_key_folds_what_searchers_type_inconsistently(typed, stored):
    assert search_key(typed) == search_key(stored)


def test_search_key_keeps_kana_voicing():
    assert search_key("ガ") != search_key("カ")
    assert search_key("が") == search_key("ガ")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "17.070,50"), ("ja", "17,070.50"), ("en", "17,070.50")],
)
def test_numbers_follow_the_readers_language(language, expected):
    assert formatting.number(Decimal("17070.5"), 2, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "17,07\xa0T\xa0US$"), ("ja", "170億7,000万米ドル"), ("en", "$17.07B")],
)
def test_large_sums_are_written_short_in_each_language(language, expected):
    assert formatting.money_compact(Decimal("17070000000"), "USD", language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "16,3%"), ("ja", "16.3%"), ("en", "16.3%")],
)
def test_percentages(language, expected):
    assert formatting.percent(Decimal("0.16258"), 1, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "30 thg 11, 2025"), ("ja", "2025/11/30"), ("en", "Nov 30, 2025")],
)
def test_dates(language, expected):
    assert formatting.date(datetime.date(2025, 11, 30), "medium", language) == expected


def test_money_without_decimals_keeps_the_locales_currency_position():
    assert formatting.money(Decimal("1234.5"), "USD", 0, "vi") == "1.235\xa0US$"
    assert formatting.money(Decimal("1234.5"), "USD", 0, "en") == "$1,235"


def test_parse_decimal_is_strict_about_the_readers_convention():
    assert formatting.parse_decimal("1.234,5", "vi") == Decimal("1234.5")
    with pytest.raises(Exception, match="1.234,5"):
        formatting.parse_decimal("1.234,5", "en")


@pytest.mark.parametrize(("language", "expected"), [("vi", "Quảng Ninh"), ("ja", "クアンニン省"), ("en", "Quang Ninh")])
def test_the_province_is_named_as_the_readers_language_writes_it(language, expected):
    from japandesk.core.context_processors import province_name

    with translation.override(language):
        assert province_name() == expected


def test_a_language_the_names_leave_out_reads_the_plain_setting(settings):
    from japandesk.core.context_processors import province_name

    settings.JAPANDESK_PROVINCE, settings.JAPANDESK_PROVINCE_NAMES = "Binh Dinh", {"vi": "Bình Định"}

    assert (province_name("vi"), province_name("ja")) == ("Bình Định", "Binh Dinh")

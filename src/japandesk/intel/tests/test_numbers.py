from decimal import Decimal

import pytest

from japandesk.intel.extraction.numbers import as_json_number, fold, parse_kanji, parse_number


@pytest.mark.parametrize(
    ("written", "language", "value"),
    [
        ("17,07", "de", "17.07"),
        ("17.07", "en", "17.07"),
        ("1.707", "de", "1707"),
        ("1.707", "vi", "1707"),
        ("1.707", "id", "1707"),
        ("1.707", "en", "1.707"),
        ("1,707", "en", "1707"),
        ("1,707", "vi", "1.707"),
        ("17 070", "fr", "17070"),
        ("17 070", "en", "17070"),
        ("1,707.5", "en", "1707.5"),
        ("1,707.5", "de", "1707.5"),
        ("1.707,5", "de", "1707.5"),
        ("1.707,5", "en", "1707.5"),
        ("12 345,67", "fr", "12345.67"),
        ("1.500.000", "vi", "1500000"),
        ("1,500,000", "vi", "1500000"),
        ("1,50,000", "ur", "150000"),
        ("2.55", "vi", "2.55"),
        ("0.500", "de", "0.500"),
        ("2394", "ja", "2394"),
    ],
    ids=lambda v: str(v),
)
def test_parse_number_decides_the_decimal_mark_by_pattern_then_language(written, language, value):
    # given a number as an article in `language` writes it / when read / then its value
    assert parse_number(written, language) == Decimal(value)


@pytest.mark.parametrize("written", ["17.11.2023", "1.70.7", "12 34", "1,2.3,4"])
def test_parse_number_rejects_dates_and_codes(written):
    assert parse_number(written, "en") is None


def test_fold_maps_digits_of_every_script_one_character_for_one():
    # given full-width, Arabic-Indic, Extended Arabic-Indic and Thai digits and signs
    text = "１７．２％ ٢٠٢٤ ۱۷٫۵ ๒๕๖๗ 1\u00a0200"
    # when folded / then ASCII with the same length
    folded = fold(text)
    assert folded == "17.2% 2024 17.5 2567 1 200"
    assert len(folded) == len(text)


@pytest.mark.parametrize(
    ("written", "value"),
    [("十二", 12), ("两", 2), ("六十二", 62), ("三千五百", 3500), ("零点五", Decimal("0.5")), ("二〇二四", 2024)],
)
def test_parse_kanji(written, value):
    assert parse_kanji(written) == Decimal(value)


def test_json_numbers_are_ints_when_whole():
    assert as_json_number(Decimal("2394000000.00")) == 2394000000
    assert isinstance(as_json_number(Decimal("17.20")), float)

"""Numbers as articles write them.

`fold` maps the text one character to one character (so offsets are kept) onto
ASCII digits and signs: full-width forms, Arabic-Indic, Extended Arabic-Indic
(Urdu), Devanagari and Thai digits, the Arabic decimal and thousands signs.

`parse_number` reads one written number. Which of "." and "," is the decimal
mark is decided by the pattern first and by the language only when the pattern
cannot tell:

- a space of any width between digits only ever groups thousands ("17 070");
- when both marks appear, the last one is the decimal mark ("1,707.5", "1.707,5");
- a mark that appears twice or more groups digits ("1.500.000", Pakistani "1,50,000");
- a single mark followed by anything but three digits is a decimal mark ("17,07", "2.55");
- a single mark followed by exactly three digits is the language's: "1.707" is 1707 in
  German, Vietnamese or Indonesian and 1.707 in English; "0.500" is always a decimal.
"""

import re
from decimal import Decimal, InvalidOperation

_FOLD = {0xFF01 + i: 0x21 + i for i in range(0x5E)}
for _zero in (0x0660, 0x06F0, 0x0966, 0x0E50, 0xFF10, 0x09E6):
    for _i in range(10):
        _FOLD[_zero + _i] = 0x30 + _i
_FOLD.update({0x066B: ord("."), 0x066C: ord(","), 0x066A: ord("%"), 0xFF0C: 0xFF0C, 0xFF64: 0xFF64})
for _space in (0x00A0, 0x202F, 0x2009, 0x2007, 0x3000):
    _FOLD[_space] = ord(" ")
for _dash in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xFE63):
    _FOLD[_dash] = ord("-")
_FOLD[0x301C] = ord("~")  # 〜 wave dash
_FOLD[0x2019] = ord("'")
_FOLD[0xFF5E] = ord("~")  # ～
FOLD_TABLE = _FOLD

DECIMAL_COMMA = {"vi", "de", "fr", "id", "es", "it", "pt", "nl", "tr", "ru", "pl", "cs", "da", "sv", "nb", "fi", "ro"}

# A number: digit groups separated by spaces (thousands only), or digits with dots and commas.
NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{1,3}(?: [0-9]{3}(?![0-9]))+(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)*)")


_SPACED = re.compile(r"([0-9]+(?: [0-9]+)+)(?:[.,]([0-9]+))?")


_FOLDED_CHARS = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_FOLD) if _FOLD[code] != code) + "]")


def fold(text: str) -> str:
    """The same text, one character for one, with digits and signs in ASCII."""
    # Most characters are left alone: replace only the few that fold (much faster than str.translate).
    return _FOLDED_CHARS.sub(lambda m: chr(FOLD_TABLE[ord(m.group())]), text)


def decimal_mark(language: str) -> str:
    return "," if language in DECIMAL_COMMA else "."


def _grouped(groups: list[str]) -> bool:
    """Thousands groups: 1-3 digits then threes, or the South Asian 1-2 digits, twos, and a final three."""
    head, rest = groups[0], groups[1:]
    if not head or len(head) > 3 or not rest:
        return False
    if all(len(g) == 3 for g in rest):
        return True
    return len(rest[-1]) == 3 and all(len(g) == 2 for g in rest[:-1]) and len(head) <= 2


def parse_number(raw: str, language: str) -> Decimal | None:
    """The value of one written number, or None when it is no well-formed number (a date, a code)."""
    raw = raw.strip()
    if " " in raw:
        spaced = _SPACED.fullmatch(raw)
        if not spaced or not _grouped(spaced.group(1).split(" ")):
            return None
        digits = spaced.group(1).replace(" ", "")
        return _decimal(digits + "." + spaced.group(2) if spaced.group(2) else digits)
    dots, commas = raw.count("."), raw.count(",")
    if not dots and not commas:
        return _decimal(raw)
    if dots and commas:
        last = max(raw.rfind("."), raw.rfind(","))
        mark, other = raw[last], "," if raw[last] == "." else "."
        if raw.count(mark) != 1:
            return None
        integer, fraction = raw[:last], raw[last + 1 :]
        if not _grouped(integer.split(other)):
            return None
        return _decimal(integer.replace(other, "") + "." + fraction)
    mark = "." if dots else ","
    parts = raw.split(mark)
    if len(parts) > 2:
        return _decimal("".join(parts)) if _grouped(parts) else None
    integer, fraction = parts
    if len(fraction) != 3 or integer.strip("0") == "" or len(integer) > 3:
        return _decimal(integer + "." + fraction)
    if mark == decimal_mark(language):
        return _decimal(integer + "." + fraction)
    return _decimal(integer + fraction)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9}  # fmt: skip
_KANJI_SMALL = {"十": 10, "百": 100, "千": 1000}
_KANJI_LARGE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}


def parse_kanji(text: str) -> Decimal | None:
    """Chinese and Japanese numerals: 十二, 两, 六十二, 三千五百, 零点五 (with 点 as the decimal point)."""
    if "点" in text or "點" in text:
        whole, _, fraction = text.replace("點", "点").partition("点")
        if not fraction or any(ch not in _KANJI_DIGITS for ch in fraction):
            return None
        head = parse_kanji(whole) if whole else Decimal(0)
        if head is None:
            return None
        return head + Decimal("0." + "".join(str(_KANJI_DIGITS[ch]) for ch in fraction))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _KANJI_DIGITS:
            if digit is not None:  # digit by digit, as in 二〇二四
                digit = digit * 10 + _KANJI_DIGITS[ch]
            else:
                digit = _KANJI_DIGITS[ch]
        elif ch in _KANJI_SMALL:
            section += (1 if digit is None else digit) * _KANJI_SMALL[ch]
            digit = None
        elif ch in _KANJI_LARGE:
            total += (section + (digit or 0)) * _KANJI_LARGE[ch]
            section, digit = 0, None
        else:
            return None
    return Decimal(total + section + (digit or 0))


def as_json_number(value: Decimal) -> int | float:
    """An int when the value is whole, else a float (JSON has no decimals)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)

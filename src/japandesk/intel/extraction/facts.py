"""Facts stated in an article: money, counts, percentages and dates, with their place in the text.

Rules, not a model: the text is folded (digits and signs to ASCII, one character
for one), numbers are read with `numbers.parse_number`, and the language's
lexicon (`lexicon.Rules`) says which words around a number make it an amount of
money, a count of projects, a percentage or part of a date.

What is extracted, and what `text`, `start` and `end` cover:

- money: an amount with a currency named or signed next to it, scale words applied
  ("2,77 Milliarden US-Dollar" = 2770000000 USD; "1億2000万ドル" = 120000000 USD). The span
  runs from the currency sign or the first digit to the end of the currency word; words such
  as "over" or "khoảng" stay outside. In a range ("19,000 - 20,000 USD") both ends are amounts,
  the first one's span being its number.
- count: a number of projects, companies, delegations or jobs (`unit`), written with digits or a
  number word from two up ("elf Projekte", "12件", "172 dự án", "37家企业"). The span runs from
  the number to the counted word, or to the counter ("项目186个" gives "186个").
- percent: the number as written (17.2 for "17,2%"); "percentage points" are no percentage.
- date: a day, month and year ("2023-11-17") or a month and year ("2023-11"); Thai Buddhist-era
  years are converted. A year alone, or a day without a year, is no date.
"""

import calendar
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import Rules, rules_for
from .numbers import NUMBER, as_json_number, fold, parse_kanji, parse_number

KINDS = ("money", "count", "percent", "date")
_FLAGS = re.IGNORECASE
_RANGE = re.compile(r" ?(?:-|~|to|bis|à|au|đến|tới|sampai|hingga|s/d|至|到|から|～|〜|에서) ?", _FLAGS)
_LETTER_BEFORE = re.compile(r"[A-Za-z]")
_KANJI_ONLY = re.compile(r"[〇零一二两兩三四五六七八九十百千]+")
_WORD = re.compile(r"[^\W\d_]+")
# The last character of every currency written before an amount: a sign, the end of a code (USD, EUR,
# JPY, GBP, KRW, RMB, CHF, Rp, Rs, RM) or the dot of "Rs.".
_PREFIX_ENDS = frozenset("$€£¥￥₩₫฿₹.") | frozenset("dDrRyYpPbBfFwWmMsS")
_YEAR_LIKE = re.compile(r"(?<![0-9])(?:1[89]|2[0-9])[0-9]{2}(?![0-9])|令和|平成|昭和")
_ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}


@dataclass(frozen=True)
class Fact:
    """One fact: its kind, its value and the words it came from (text == cleaned_text[start:end])."""

    kind: str
    value: Decimal | str
    text: str
    start: int
    end: int
    currency: str | None = None
    unit: str | None = None

    def as_json(self) -> dict:
        data = {"kind": self.kind, "value": self.value if self.kind == "date" else as_json_number(self.value)}
        if self.currency:
            data["currency"] = self.currency
        if self.unit:
            data["unit"] = self.unit
        data.update(text=self.text, start=self.start, end=self.end)
        return data


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class _Compiled:
    """A language's lexicon turned into compiled patterns, once per language."""

    def __init__(self, rules: Rules):
        self.rules = rules
        # Words end where letters end (Urdu's own comma "،" is no letter); CJK and Thai have no spaces.
        letter_end = r"(?![^\W\d_])" if rules.spaced else ""
        scale_words = []
        for word in {**rules.scales, **rules.attached_scales}:
            pattern = re.escape(word) + (r"\.?" if word in rules.abbreviations else "")
            scale_words.append(pattern)
        scale_words.sort(key=len, reverse=True)
        if rules.code == "fr":  # "45 M€", "1,2 Md€", "300 k€": the letter counts only against the sign
            scale_words = [w for w in scale_words if w not in {"m", "md", "mds", "mrd", "mrds", "k"}]
            scale_words += [r"mds?(?= ?[€$])", r"mrds?(?= ?[€$])", r"m(?= ?[€$])", r"k(?= ?[€$])"]
        # "$2.5-billion plant": a hyphen may join the number and its scale word, as a space does.
        self.scale = re.compile(r"(?P<space>[ -]?)(?P<w>" + "|".join(scale_words) + r")" + letter_end, _FLAGS)
        self.scale_values = {k.lower(): v for k, v in {**rules.scales, **rules.attached_scales}.items()}
        self.scale_values.update({"md": 10**9, "mds": 10**9, "mrd": 10**9, "mrds": 10**9})
        if rules.code == "fr":
            self.scale_values.update({"m": 10**6, "k": 10**3})
        self.attached = {k.lower() for k in rules.attached_scales}

        groups = [f"(?P<c{i}>{pattern})" for i, (pattern, _) in enumerate(rules.currencies_after)]
        self.after_codes = [code for _, code in rules.currencies_after]
        self.after = re.compile(rules.currency_link + "(?:" + "|".join(groups) + ")" + letter_end, _FLAGS)
        groups = [f"(?P<c{i}>{pattern})" for i, (pattern, _) in enumerate(rules.currencies_before)]
        self.before_codes = [code for _, code in rules.currencies_before]
        self.before = re.compile(r"(?<![A-Za-z])(?:" + "|".join(groups) + r") ?\Z", _FLAGS)

        self.percent_after = re.compile(r"(?:" + rules.percent_after + r")" + letter_end, _FLAGS)
        self.percent_before = (
            re.compile(r"(?:" + rules.percent_before + r")\Z", _FLAGS) if rules.percent_before else None
        )

        self.count_units = None
        if rules.count_units:
            units = [f"(?P<{unit}>{pattern})" for unit, pattern in rules.count_units.items()]
            # As few words in between as possible: "16 Projekte und elf Projekte" is two counts.
            filler = rf"(?: (?:{rules.filler})){{0,{rules.filler_words}}}?" if rules.filler_words else ""
            self.count_units = re.compile(filler + r"[ \-](?:" + "|".join(units) + ")" + letter_end, _FLAGS)
        # Counters that name what they count come before those that rely on the words around them.
        self.counters = [
            (re.compile(pattern, _FLAGS), unit, re.compile(context) if context else None)
            for pattern, unit, context in sorted(rules.counters, key=lambda rule: bool(rule[2]))
        ]
        self.number_words = {k.lower(): v for k, v in rules.number_words.items()}
        self.not_count = (
            re.compile(r"(?:" + rules.not_counts_after + r") ?\Z", _FLAGS) if rules.not_counts_after else None
        )
        months = _alternation(rules.months) if rules.months else "(?!x)x"
        self.month_values = {k.lower().rstrip("."): v for k, v in rules.months.items()}
        self.dates = [re.compile(p.format(months=months), _FLAGS) for p in rules.dates]


@functools.cache
def _compiled(language: str) -> _Compiled:
    return _Compiled(rules_for(language))


@dataclass
class _Number:
    start: int
    end: int
    value: Decimal


@dataclass
class _Amount:
    start: int  # of the first digit
    end: int  # after the last scale word
    value: Decimal
    multiplier: int  # of the first number's scale words (1 when none)
    last: int  # index of the last number read


class _Extraction:
    def __init__(self, text: str, language: str):
        self.text = text
        self.folded = fold(text)
        self.language = language
        self.c = _compiled(language)
        self.rules = self.c.rules
        self.occupied = bytearray(len(text))  # 1 where a fact already stands
        self.facts: list[Fact] = []
        self.numbers = [
            _Number(m.start(), m.end(), value)
            for m in NUMBER.finditer(self.folded)
            if (value := parse_number(m.group(), language)) is not None
        ]

    # -- bookkeeping ---------------------------------------------------------------------------------

    def free(self, start: int, end: int) -> bool:
        return self.occupied.find(1, start, end) == -1

    def add(self, kind: str, value, start: int, end: int, **extra) -> None:
        self.occupied[start:end] = b"\x01" * (end - start)
        self.facts.append(Fact(kind, value, self.text[start:end], start, end, **extra))

    # -- amounts -------------------------------------------------------------------------------------

    def scales_at(self, pos: int, after_digit: bool, text: str | None = None) -> tuple[int, int]:
        """Multiply the scale words that follow `pos`: "nghìn tỷ", "แสนล้าน", "万亿" are products."""
        multiplier, first = 1, True
        while m := self.c.scale.match(self.folded if text is None else text, pos):
            word = m.group("w").lower().rstrip(".")
            if word in self.c.attached and (m.group("space") or not (first and after_digit)):
                break
            multiplier *= self.c.scale_values[word]
            pos, first = m.end(), False
        return multiplier, pos

    def amount(self, index: int) -> _Amount:
        """The number at `index` with its scale words and the smaller parts that follow
        ("1億2000万", "3억 4560만", "50 کروڑ 90 لاکھ", "2 tỷ 550 triệu")."""
        number = self.numbers[index]
        multiplier, pos = self.scales_at(number.end, True)
        total, first_multiplier, last = number.value * multiplier, multiplier, index
        while multiplier > 1 and last + 1 < len(self.numbers):
            following = self.numbers[last + 1]
            gap = self.folded[pos : following.start]
            if gap not in ("", " "):
                break
            next_multiplier, next_pos = self.scales_at(following.end, True)
            if next_multiplier > 1 and next_multiplier < multiplier:
                total += following.value * next_multiplier
                multiplier, pos, last = next_multiplier, next_pos, last + 1
                continue
            if self.rules.bare_after_scale and gap == "" and next_multiplier == 1 and following.value < multiplier:
                total += following.value
                pos, last = following.end, last + 1
            break
        return _Amount(number.start, pos, total, first_multiplier, last)

    def currency_before(self, start: int) -> tuple[int, str] | None:
        at = start - 1 if start and self.folded[start - 1] != " " else start - 2
        if at < 0 or self.folded[at] not in _PREFIX_ENDS:
            return None  # no sign or code ends there: skip the search
        m = self.c.before.search(self.folded, max(0, start - 12), start)
        if not m:
            return None
        return m.start(), self.c.before_codes[int(m.lastgroup[1:])]

    def currency_after(self, pos: int) -> tuple[int, str] | None:
        m = self.c.after.match(self.folded, pos)
        if not m:
            return None
        return m.end(), self.c.after_codes[int(m.lastgroup[1:])]

    # -- facts -----------------------------------------------------------------------------------------

    def dates(self) -> None:
        # Every date has a year: look for the patterns only around what can be one.
        windows: list[list[int]] = []
        for m in _YEAR_LIKE.finditer(self.folded):
            start, end = max(0, m.start() - 40), m.end() + 40
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
        for pattern in self.c.dates:
            for m in (m for start, end in windows for m in pattern.finditer(self.folded, start, end)):
                if not self.free(m.start(), m.end()) or self.folded[m.end() : m.end() + 1].isdigit():
                    continue
                if m.start() and self.folded[m.start() - 1].isdigit():
                    continue
                value = self.date_value(m)
                if value:
                    self.add("date", value, m.start(), m.end())

    def date_value(self, m: re.Match) -> str | None:
        groups = m.groupdict()
        if groups.get("era"):
            year = _ERA_START[groups["era"]] + (1 if groups["ey"] == "元" else int(groups["ey"]))
        else:
            year = int(groups["y"])
            if self.rules.buddhist_era and year > 2400 and "ค.ศ." not in m.group():
                year -= 543
        month = int(groups["m"]) if groups.get("m") else self.c.month_values.get(groups["mn"].lower().rstrip("."))
        if not month or not 1 <= month <= 12 or not 1900 <= year <= 2100:
            return None
        if groups.get("d") is None:
            return f"{year:04d}-{month:02d}"
        day = int(groups["d"])
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"

    def money(self) -> None:
        pending: list[_Amount] = []
        found: dict[int, tuple[_Amount, str, int]] = {}  # start of the money span -> amount, currency, end
        index = 0
        while index < len(self.numbers):
            number = self.numbers[index]
            if not self.free(number.start, number.end):
                index += 1
                continue
            before = None
            if number.start and _LETTER_BEFORE.match(self.folded[number.start - 1]):
                before = self.currency_before(number.start)
                if before is None:  # a code such as "G20" or "M-1"
                    index += 1
                    continue
            amount = self.amount(index)
            before = before or self.currency_before(number.start)
            after = self.currency_after(amount.end)
            if before and after and before[1] != after[1]:
                after = None
            if before or after:
                start = before[0] if before else amount.start
                end = after[0] if after else amount.end
                currency = before[1] if before else after[1]
                # "3 đồng" is no amount of money: Vietnamese đồng come in thousands or with a scale word.
                if currency == "VND" and amount.multiplier == 1 and amount.value < 1000:
                    index = amount.last + 1
                    continue
                if self.free(start, end):
                    self.add("money", amount.value, start, end, currency=currency)
                    found[start] = (amount, currency, end)
            else:
                pending.append(amount)
            index = amount.last + 1
        for left in pending:  # the first end of a range takes the currency of the second
            m = _RANGE.match(self.folded, left.end)
            if not m or m.end() not in found or not self.free(left.start, left.end):
                continue
            right, currency, _ = found[m.end()]
            raw = self.folded[left.start : left.end]
            if raw.isdigit() and len(raw) == 4 and 1900 <= left.value <= 2100:
                continue  # "rose in 2023 to $5.2 billion": a year, not the low end of a range
            value = left.value
            if left.multiplier == 1 and right.multiplier > 1 and left.value < right.value / right.multiplier:
                value *= right.multiplier
            if value <= right.value:
                self.add("money", value, left.start, left.end, currency=currency)

    def percents(self) -> None:
        pending = []
        for number in self.numbers:
            if not self.free(number.start, number.end):
                continue
            m = self.c.percent_after.match(self.folded, number.end)
            if m:
                self.add("percent", number.value, number.start, m.end())
                continue
            if self.c.percent_before:
                b = self.c.percent_before.search(self.folded, max(0, number.start - 10), number.start)
                if b:
                    self.add("percent", number.value, b.start(), number.end)
                    continue
            pending.append(number)
        for left in pending:
            m = _RANGE.match(self.folded, left.end)
            if m and any(f.kind == "percent" and f.start == m.end() for f in self.facts) and left.value < 1000:
                if self.free(left.start, left.end):
                    self.add("percent", left.value, left.start, left.end)
        if self.language in {"zh", "ja"}:
            for m in re.finditer(r"百分之([零〇一二两三四五六七八九十百点]+|[0-9]+(?:\.[0-9]+)?)", self.folded):
                raw = m.group(1)
                value = parse_kanji(raw) if not raw[0].isdigit() else Decimal(raw)
                if value is not None and self.free(m.start(), m.end()):
                    self.add("percent", value, m.start(), m.end())

    def counts(self) -> None:
        if self.c.count_units:
            self.counts_before_nouns()
        for pattern, unit, context in self.c.counters:
            for m in pattern.finditer(self.folded):
                start, end = m.start("n"), m.end()
                if not self.free(start, m.end("n")) or (start and self.folded[start - 1].isdigit()):
                    continue
                if context and not context.search(self.folded, max(0, start - self.rules.context_chars), start):
                    continue
                if self.c.not_count and self.c.not_count.search(self.folded, max(0, start - 6), start):
                    continue
                raw = m.group("n")
                value = self.read_counter_number(raw)
                if value is None or (_KANJI_ONLY.fullmatch(raw) and value < 2):
                    continue
                self.add("count", value, start, end, unit=unit)

    def read_counter_number(self, raw: str) -> Decimal | None:
        """The number before a counter: digits with scale words ("2万5000", "3천", "1,998") or kanji."""
        if _KANJI_ONLY.fullmatch(raw):
            return parse_kanji(raw)
        raw = raw.rstrip(" ")
        total, pos, previous = Decimal(0), 0, None
        while pos < len(raw):
            m = NUMBER.match(raw, pos + (raw[pos] == " "))
            value = parse_number(m.group(), self.language) if m else None
            if value is None:
                return None
            multiplier, pos = self.scales_at(m.end(), True, raw)
            if previous is not None and multiplier >= previous:
                return None
            total += value * multiplier
            previous = multiplier
        return total

    def counts_before_nouns(self) -> None:
        candidates: list[tuple[int, int, Decimal, bool]] = []  # start, end, value, bare year
        index = 0
        while index < len(self.numbers):
            number = self.numbers[index]
            if self.free(number.start, number.end):
                amount = self.amount(index)
                raw = self.folded[number.start : number.end]
                year_like = raw.isdigit() and len(raw) == 4 and 1900 <= number.value <= 2100
                candidates.append((number.start, amount.end, amount.value, year_like))
                index = amount.last + 1
            else:
                index += 1
        if self.c.number_words:
            candidates += self.number_word_candidates()
        for start, end, value, year_like in candidates:
            m = self.c.count_units.match(self.folded, end)
            if not m or not self.free(start, m.end()):
                continue
            if year_like:  # "in 2023 projects slowed": a year, not 2023 projects
                continue
            if start and (self.folded[start - 1] in "-/#" or _LETTER_BEFORE.match(self.folded[start - 1])):
                continue  # "M-1", "No.5", "G20"
            if self.c.not_count and self.c.not_count.search(self.folded, max(0, start - 14), start):
                continue
            if value != value.to_integral_value():
                continue
            self.add("count", value, start, m.end(), unit=m.lastgroup)

    def number_word_candidates(self) -> list[tuple[int, int, Decimal, bool]]:
        """Numbers written as words ("elf", "three", "ba mươi", "dua belas"), the longest reading where
        two overlap. Found by substring search, which is much faster than reading every word."""
        lower = self.folded.lower()
        if len(lower) != len(self.folded):  # a letter whose lower case is longer: keep the offsets right
            lower = self.folded
        hits = []
        for word, value in self.c.number_words.items():
            at = lower.find(word)
            while at != -1:
                end = at + len(word)
                if not (at and lower[at - 1].isalpha()) and not (end < len(lower) and lower[end].isalpha()):
                    hits.append((at, end, Decimal(value), False))
                at = lower.find(word, at + 1)
        hits.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
        found, last_end = [], -1
        for hit in hits:
            if hit[0] >= last_end and self.free(hit[0], hit[1]):
                found.append(hit)
                last_end = hit[1]
        return found

    def run(self) -> list[Fact]:
        self.dates()
        self.money()
        self.percents()
        self.counts()
        return sorted(self.facts, key=lambda f: (f.start, f.end))


def extract_facts(text: str, language: str) -> list[Fact]:
    """Every money amount, count, percentage and date stated in `text` (already cleaned)."""
    return _Extraction(text, language).run()

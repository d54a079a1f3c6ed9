"""Group articles that tell the same story, whatever their languages.

An article is described by signals that survive translation:
- its facts: the same amount written "2.394 triệu USD", "2,394 million USD" and "23億9400万ドル"
  is one signal (currency and value to three significant digits), as are counts with their
  unit, percentages and dates;
- the gazetteer ids of the organisations, places and zones it names;
- the Latin-script words it shares with the others (names of companies and people, folded
  to lower case without diacritics), which carry across Vietnamese, English, German, French,
  Indonesian and the Latin names inside Asian-script articles.

Signals found in many of the articles weigh less (inverse document frequency), and facts
weigh more than names. The similarity of two articles is the cosine of their weighted signal
sets. Clustering is agglomerative with average linkage: the two closest groups merge while
their average similarity reaches the threshold. Every article ends in exactly one group.
"""

import math
import re
from collections import Counter
from decimal import Decimal

from .facts import Fact
from .gazetteer import Entity, fold_name

DEFAULT_THRESHOLD = 0.4
_WEIGHTS = {"m": 3.0, "c": 2.0, "p": 1.5, "d": 2.0, "e": 1.0, "w": 1.0}
_CHANNELS = {"facts": 0.6, "names": 0.25, "words": 0.15}
_MIN_SIGNALS = 2
# Capitalised Latin words: names of companies, people and places, in any article.
_NAME = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÖØ-ÞĐƠƯẠ-Ỹ][^\W\d_]{2,}(?:[0-9]+)?")
_COMMON = set(
    "that this with from have been were will their which there about after into than more also over under other "
    "year years province provincial investment investors investor capital project projects company companies "
    "million billion percent total registered foreign direct said says according between while where when "
    "dollar dollars group board trade economic economy industrial industry ministry department committee "
    "cua cac nhung trong duoc dau tong cong nghiep tinh nguoi nhat viet nam dong trieu nghin cung"
    " nach sich eine einer einem oder sind wird wurde auch sowie nicht mit dem den der die das und von "
    "pour dans avec sont plus leur leurs cette entre selon millions milliards dont "
    "yang dengan untuk dari pada akan tahun sebesar juga tersebut atau miliar juta triliun "
    "news http https www".split()
)


def _significant(value: Decimal, digits: int = 3) -> str:
    if value == 0:
        return "0"
    exponent = value.adjusted()
    quantum = Decimal(1).scaleb(exponent - digits + 1)
    return str(value.quantize(quantum).normalize())


def signals(facts: list[Fact], entities: list[Entity], text: str) -> set[str]:
    """The language-independent signals of one article."""
    found = set()
    for fact in facts:
        if fact.kind == "money":
            found.add(f"m:{fact.currency}:{_significant(fact.value)}")
        elif fact.kind == "count":
            if fact.value >= 2:
                found.add(f"c:{fact.unit}:{fact.value}")
        elif fact.kind == "percent":
            found.add(f"p:{_significant(fact.value)}")
        elif fact.kind == "date":
            found.add(f"d:{fact.value}")
    for entity in entities:
        found.add(f"e:{entity.id}")
    for word in _NAME.findall(text):
        folded = fold_name(word)
        if folded not in _COMMON:
            found.add(f"w:{folded}")
    return found


def _channel(signal: str) -> str:
    return "facts" if signal[0] in "mcpd" else "names" if signal[0] == "e" else "words"


def similarities(documents: list[set[str]]) -> dict[int, dict[int, float]]:
    """Similarity of every pair of articles that share a signal (the others are 0): per channel (facts,
    gazetteer names, Latin words) the cosine of the IDF-weighted signals, averaged with the channel
    weights over the channels both articles have."""
    count = len(documents)
    frequency = Counter(signal for doc in documents for signal in doc)

    def weight(signal: str) -> float:
        rarity = math.log((count + 1) / frequency[signal]) + 1.0 if count > 2 else 1.0
        return _WEIGHTS[signal[0]] * rarity

    sizes = [Counter(_channel(s) for s in doc) for doc in documents]
    norms = [dict.fromkeys(_CHANNELS, 0.0) for _ in documents]
    holders: dict[str, list[int]] = {}
    for index, doc in enumerate(documents):
        for signal in doc:
            norms[index][_channel(signal)] += weight(signal) ** 2
            holders.setdefault(signal, []).append(index)
    dots: dict[tuple[int, int], dict[str, float]] = {}
    for signal, members in holders.items():
        # A signal most articles share tells no story apart from another; skipping it keeps this sparse.
        if len(members) < 2 or (count > 10 and len(members) > count / 2):
            continue
        channel, value = _channel(signal), weight(signal) ** 2
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pair = dots.setdefault((members[a], members[b]), {})
                pair[channel] = pair.get(channel, 0.0) + value
    result: dict[int, dict[int, float]] = {i: {} for i in range(count)}
    for (i, j), channel_dots in dots.items():
        total = weights = 0.0
        for name, channel_weight in _CHANNELS.items():
            if sizes[i][name] < _MIN_SIGNALS or sizes[j][name] < _MIN_SIGNALS:
                continue
            weights += channel_weight
            if name in channel_dots:
                total += channel_weight * channel_dots[name] / math.sqrt(norms[i][name] * norms[j][name])
        if weights and total:
            result[i][j] = result[j][i] = total / weights
    return result


def cluster(documents: list[set[str]], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Indices of the documents grouped by story, groups and members in input order.

    Average linkage: the similarity of two groups is the mean over their pairs of articles,
    kept up to date as groups merge (Lance-Williams), merging the closest pair while it reaches
    the threshold."""
    links = similarities(documents)
    members = {i: [i] for i in range(len(documents))}

    def best_of(group: int) -> tuple[float, int]:
        return max(((value, other) for other, value in links[group].items()), default=(0.0, -1))

    best = {group: best_of(group) for group in members}
    while best:
        group, (value, other) = max(best.items(), key=lambda item: (item[1][0], -item[0]))
        if value < threshold or other < 0:
            break
        keep, gone = min(group, other), max(group, other)
        size_keep, size_gone = len(members[keep]), len(members[gone])
        merged = {}
        for neighbour in (set(links[keep]) | set(links[gone])) - {keep, gone}:
            value = (links[keep].get(neighbour, 0.0) * size_keep + links[gone].get(neighbour, 0.0) * size_gone) / (
                size_keep + size_gone
            )
            merged[neighbour] = value
            links[neighbour].pop(gone, None)
            links[neighbour][keep] = value
        links[keep] = merged
        del links[gone], best[gone]
        members[keep] = sorted(members[keep] + members.pop(gone))
        for group in best:
            if group == keep or best[group][1] in (keep, gone) or links[group].get(keep, 0.0) > best[group][0]:
                best[group] = best_of(group)
    return sorted(members.values(), key=lambda group: group[0])

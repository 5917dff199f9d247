"""What the parts of a quantity match are worth: numbers, unit words, fractions, ranges, 角 and 分.

Pure helpers of :mod:`hz_extract.quantity_read`, which decides what a match means; each
takes the match's groups (``g``, a dict of group name to text) or words and returns values
in base units (``Decimal``).

>>> _clean(Decimal("1.64E+9")), _clean(Decimal("4.0"))
(Decimal('1640000000'), Decimal('4.0'))
>>> _unit("元", "吨")
UnitInfo(unit='元/吨', kind='money', factor=Decimal('1'))
"""
from __future__ import annotations

from decimal import Decimal

import regex

from .errors import QuantityError
from .numerals import Numeral, digit_pair, read_folded, vague_pair
from .quantity_lexicon import UnitInfo, lexicon
from .quantity_patterns import money_tail

__all__: list[str] = []  # helpers of quantity_read, not an API

_ONE = Decimal(1)


def _unit(word: str | None, per: str | None = None) -> UnitInfo | None:
    """The unit word's meaning; with a per word (元/吨) the compound: 元/吨, same kind and factor."""
    if not word:
        return None
    info = lexicon().units.get(word.replace(" ", ""))
    if info is None or not per or info.kind not in ("money", "measure"):
        return info  # 5%/年 stays a percent
    return UnitInfo(f"{info.unit}/{lexicon().per_units[per.replace(' ', '')]}", info.kind, info.factor)


def _points(word: str | None, n: str | None, before: str = "") -> UnitInfo | None:
    """A date or clock word that the number cannot be a date or time for (see units.json 'points').

    收于3050.12点, 下跌30点: index points (8点 is a clock hour); 逗留1.3日: days (30日 is a date);
    去化周期约为13.8个月, 缩短0.9个月, 工期缩短2个月: months as a measured span (``before`` is the
    folded text just before the figure), while 近6个月, 前3个月 stay a window of time.
    """
    if word is None or n is None:
        return None
    word = word.replace(" ", "")
    if word not in _DATE_WORDS_AS_UNITS:
        return None
    try:
        value = read_folded(n).value
    except QuantityError:
        return None
    whole = value == value.to_integral_value()
    if word == "点" and (value > 24 or not whole) or word == "日" and not whole:
        return _DATE_WORDS_AS_UNITS[word]
    if word == "个月" and (not whole or n[:1].isascii() and _SPAN_BEFORE.search(before[-8:])):
        return _DATE_WORDS_AS_UNITS[word]
    return None


_DATE_WORDS_AS_UNITS = {"点": UnitInfo("点", "measure", Decimal(1)), "日": UnitInfo("日", "measure", Decimal(1)),
                        "个月": UnitInfo("个月", "measure", Decimal(1))}
# what names a span of months that is itself the figure: 去化周期为14个月, 缩短2个月, 延长至18个月
_SPAN_BEFORE = regex.compile(r"(?:周期|时长|期限|缩短|延长)(?:了|为|至|到|达)?(?:约为|约|近|超过|不足)?$")

def _digit(ch: str) -> Decimal:
    return Decimal(ch) if ch.isascii() else Decimal(lexicon().digits[ch])


def _money_tail(folded: str, end: int, value: Decimal, after_jiao: bool) -> tuple[Decimal, int]:
    """Add 角/分 written after an amount in 元 (五元三毛 → 5.3, 两毛五 → 0.25); return value and new end."""
    t = money_tail().match(folded, end)
    if t is None:
        return value, end
    jiao, fen, fen0, fen1, short = t.group("jiao", "fen", "fen0", "fen1", "short")
    if after_jiao:  # only 分 can follow 角
        if jiao is not None or fen0 is not None:
            return value, end
        return value + _digit(fen1 or short) / 100, t.end()
    if jiao is not None:
        value += _digit(jiao) / 10 + (_digit(fen) / 100 if fen is not None else 0)
    elif fen0 is not None or fen1 is not None:
        value += _digit(fen0 or fen1) / 100
    else:
        value += _digit(short) / 10  # 一块二
    return value, t.end()


def _discount(value: Decimal) -> Decimal | None:
    """折 as a share in %: 八折 = 80, 75折 = 75, 9.9折 = 99, 三八折 = 38; ``None`` when not a discount."""
    if 0 < value < 10:
        return value * 10
    if 10 < value < 100 and value % 10 != 0:
        return value
    return None


def _per_word_share(pw: str) -> Decimal:
    """百分之 → 1, 千分之 → 0.1, 百万分之 → 0.0001: what one unit after the word is in %."""
    lex = lexicon()
    return Decimal(100) / Decimal(10) ** sum(lex.small.get(c, 0) + lex.big.get(c, 0) for c in pw)


def _numbers(g: dict) -> tuple[Numeral, Numeral | None, Numeral | None, Numeral | None]:
    """Read the numerals of a match: (n1, the range's high end, a fraction's numerator, a whole part)."""
    # two Chinese digits side by side (an Arabic 12 is neither a pair nor a vague range)
    two = not g["n1"][0].isascii() and len(g["n1"].replace(" ", "")) == 2
    pair = digit_pair(g["n1"]) if two and g["u1"] == "折" else None  # 三八折
    vague = vague_pair(g["n1"]) if two and g["u1"] is not None and pair is None else None  # 七八成, 两三个
    n1 = Numeral(pair, None, 0) if pair is not None else vague or read_folded(g["n1"])
    n2 = read_folded(g["n2"]) if g["n2"] is not None else None
    numerator = read_folded(g["n1d"]) if g["n1d"] is not None else None
    mixed = g["mix"] or g["mixa"]  # 三又三分之一, 1 3/5: n1 is the whole part
    if mixed:
        return read_folded(mixed), n2, numerator, n1
    return n1, n2, numerator, None


def _figure(g: dict, n1: Numeral, numerator: Numeral | None, whole: Numeral | None) -> Decimal | None:
    """The signed number written, before any unit: fractions divided, whole parts added."""
    value = n1.value
    if numerator is not None or g["n1s"]:  # 三分之一 (numerator written last), 1/4
        den = n1.value if numerator is not None else Decimal(g["n1s"])
        if den == 0 or (numerator is None and "." in g["n1"]):
            return None
        value = (numerator.value if numerator is not None else n1.value) / den
        if g["negd"]:
            value = -value
    if whole is not None:
        value += whole.value
    return -value if g["neg"] else value


def _unit_of(g: dict, info: UnitInfo | None, value: Decimal) -> tuple[Decimal | None, str | None, str]:
    """Apply the unit (or 百分之 word, or currency sign): the value in base units, the unit, the kind."""
    if g["pw"] is not None:
        return value * _per_word_share(g["pw"].replace(" ", "")), "%", "percent"
    if info is not None:
        if "折" in (g["u1"], g["u2"]) and g["u1"] in ("折", None):
            return _discount(value), info.unit, info.kind
        return value * info.factor, info.unit, info.kind
    if g["sym"] is not None:
        return value, lexicon().money_prefixes[g["sym"]], "money"
    return value, None, "fraction" if g["n1d"] is not None or g["n1s"] else "number"


def _high_end(g: dict, n1: Numeral, n2: Numeral, info: UnitInfo | None,
              value: Decimal) -> tuple[Decimal, Decimal] | None:
    """The range's (low, high) in base units, or ``None`` when it is no range (3-1 is a score)."""
    if g["pw"] is not None:
        hi = n2.value * _per_word_share(g["pw"].replace(" ", ""))
    else:
        hi = n2.value * (info.factor if info is not None else 1)
    if g["neg2"]:
        hi = -hi
    if n1.scale < n2.scale and g["u1"] is None and g["n1d"] is None \
            and n1.value < n2.value / Decimal(10) ** n2.scale:
        value *= Decimal(10) ** n2.scale  # 100-200万元: the low end borrows 万
    return (value, hi) if hi > value else None


def _clean(d: Decimal) -> Decimal:
    """Drop exponent noise: 1.64E+9 → 1640000000, 1640000000.0 → 1640000000, 4.0 stays 4.0."""
    if d.same_quantum(_ONE):
        return d  # exponent 0, the common case
    # The exponent's sign told without as_tuple (a named tuple of every digit, built per call):
    # rounding to an integer keeps a positive exponent and makes a negative one 0.
    whole = d.to_integral_value()
    if whole.same_quantum(d):
        return Decimal(int(d))  # 1.64E+9
    if d == whole and not -1000 < d < 1000:
        return whole  # 1640000000.0
    return d

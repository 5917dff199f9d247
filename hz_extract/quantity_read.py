"""What one match of the quantity pattern means: value, unit, kind, qualifier and span.

:func:`read_match` turns a match of :func:`hz_extract.quantity_patterns.pattern` on the
folded text into the fields of a :class:`hz_extract.quantities.Quantity`, or rejects it
(a date, a year, a code such as 5G, a numeral inside a word such as 统一, a lone
Chinese digit with nothing to count). It also takes in the qualifier words written
just before the number (超过, 近, 约 …), which the pattern leaves to it.

>>> from hz_extract.quantity_patterns import pattern
>>> t = "近700家"
>>> read_match(t, pattern().search(t), alone=False)[0][2:]
(Decimal('700'), None, '家', 'nearly', 'measure')
"""
from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex

from .errors import QuantityError
from .numerals import Numeral, digit_pair, read_numeral
from .quantity_lexicon import UnitInfo, lexicon
from .quantity_patterns import SPECIAL, money_tail

__all__ = ["read_match", "Reading"]

#: (start, end, value, value_max, unit, qualifier, kind)
Reading = tuple[int, int, Decimal, "Decimal | None", "str | None", str, str]

_PCT_WORDS = {"百分之": Decimal(1), "千分之": Decimal("0.1"), "万分之": Decimal("0.01")}
_ORDINAL_UNITS = ("位", "名")
_QUOTES = {"“": "”", "\"": "\"", "「": "」", "『": "』", "‘": "’", "'": "'"}


@cache
def _stop_index() -> dict[str, list[tuple[str, int]]]:
    index: dict[str, list[tuple[str, int]]] = {}
    for word in lexicon().stopwords:
        for i, ch in enumerate(word):
            index.setdefault(ch, []).append((word, i))
    return index


def _in_stopword(folded: str, at: int, mstart: int, mend: int) -> bool:
    """Is the numeral at ``at`` part of a word such as 统一 or 一些 that reaches outside the match?"""
    for word, i in _stop_index().get(folded[at], ()):
        a = at - i
        if a >= 0 and folded.startswith(word, a):
            b = a + len(word)
            if not (mstart <= a and b <= mend and b - a < mend - mstart):
                return True  # the word reaches outside the match, or is all of it (十分)
    return False


@cache
def _before_words() -> tuple[dict[str, str], int]:
    words = lexicon().before
    return words, max(map(len, words))


def _qualifier_before(folded: str, start: int) -> tuple[int, str | None]:
    """The qualifier word ending at ``start`` (longest first), and where it begins."""
    words, longest = _before_words()
    lex = lexicon()
    for size in range(min(longest, start), 0, -1):
        w = folded[start - size:start]
        q = words.get(w)
        if q is None:
            continue
        bad = lex.before_not_after.get(w)
        if bad and start - size > 0 and folded[start - size - 1] in bad:
            continue
        return start - size, q
    return start, None


def _unit(word: str | None) -> UnitInfo | None:
    return lexicon().units.get(word.replace(" ", "")) if word else None


def _is_not_unit(word: str | None) -> bool:
    return word is not None and word.replace(" ", "") in lexicon().not_units


def _bare_rejected(folded: str, m: regex.Match, n1: Numeral, alone: bool) -> bool:
    """A number with no unit, sign, qualifier or magnitude: keep it only when it reads as one."""
    s, e = m.span()
    body = m.group("n1").replace(" ", "")
    if e < len(folded) and folded[e].isascii() and folded[e].isalpha():
        return True  # 5G, 3D, 4K
    if len(body) == 1 and not body.isdigit() and not alone:
        return True  # a lone Chinese digit: 四川, 五大, 一个个
    if body.isdigit() and len(body) == 4 and 1900 <= int(body) <= 2100 and not alone:
        return True  # 细数2024杭州: a year without 年
    if s > 0 and e < len(folded) and _QUOTES.get(folded[s - 1]) == folded[e]:
        return True  # “1155”工作体系: a name
    return False


def _money_tail(folded: str, end: int, value: Decimal, after_jiao: bool) -> tuple[Decimal, int]:
    """Add 角/分 written after an amount in 元 (五元三毛 → 5.3, 两毛五 → 0.25); return value and new end."""
    t = money_tail().match(folded, end)
    if t is None:
        return value, end
    if after_jiao:  # only 分 can follow 角
        if t.group("jiao") is not None or t.group("fen0") is not None:
            return value, end
        ch = t.group("fen1") or t.group("short")
        d = Decimal(ch) if ch.isascii() else Decimal(lexicon().digits[ch])
        return value + d / 100, t.end()
    lex = lexicon()

    def digit(name: str) -> Decimal:
        ch = t.group(name)
        return Decimal(ch) if ch.isdigit() and ch.isascii() else Decimal(lex.digits[ch])

    if t.group("jiao") is not None:
        value += digit("jiao") / 10 + (digit("fen") / 100 if t.group("fen") is not None else 0)
    elif t.group("fen0") is not None:
        value += digit("fen0") / 100
    elif t.group("fen1") is not None:
        value += digit("fen1") / 100
    else:
        value += digit("short") / 10
    return value, t.end()


def _discount(value: Decimal, n1_text: str) -> Decimal | None:
    """折 as a share in %: 八折 = 80, 75折 = 75, 9.9折 = 99, 三八折 = 38; ``None`` when not a discount."""
    if 0 < value < 10:
        return value * 10
    if 10 < value < 100 and value % 10 != 0:
        return value
    return None


def read_match(folded: str, m: regex.Match, alone: bool = False) -> tuple[Reading | None, int]:
    """Read one pattern match; return (the reading or ``None``, where to search next).

    Args:
        folded: the folded text the match was made on.
        m: the match.
        alone: the match is the whole (stripped) text, so a lone 五 is the number 5.
    """
    if m.group("skip") is not None:
        return None, m.end()
    start, end = m.span()
    if m.group("special") is not None:
        value, unit, kind = SPECIAL[m.group("special")]
        return (start, end, Decimal(value), None, unit, "exact", kind), end
    u1, u2 = m.group("u1"), m.group("u2")
    if _is_not_unit(u1) or _is_not_unit(u2):
        return None, end  # 2024年, 11月, 1-10月, 623路, 三季度
    n1_start = m.start("n1") if m.group("whole") is None else m.start("whole")
    if _in_stopword(folded, n1_start, start, end):
        return None, n1_start + 1
    lex = lexicon()
    info = _unit(u1) or _unit(u2)
    pair = digit_pair(m.group("n1")) if info is not None and info.factor == 10 and u1 == "折" else None
    try:
        n1 = Numeral(pair, None, 0) if pair is not None else read_numeral(m.group("n1"))
        n2 = read_numeral(m.group("n2")) if m.group("n2") is not None else None
        den = read_numeral(m.group("n1d")) if m.group("n1d") is not None else None
        whole = read_numeral(m.group("whole") or m.group("wholea")) if (m.group("whole") or m.group("wholea")) else None
    except QuantityError:
        return None, end
    pw, ordinal, sym = m.group("pw"), m.group("ord"), m.group("sym")
    fuzzy = n1.fuzzy or (lex.inside.get(m.group("fz1")) if m.group("fz1") else None)
    body = m.group("n1").replace(" ", "")
    if len(body) == 1 and body in "壹贰叁肆伍陆柒捌玖拾佰仟" and not alone and (info is None or info.kind != "money"):
        return None, end  # 收拾, 拾起, 登陆部队: a lone financial numeral is a word
    plain = not (u1 or u2 or pw or ordinal or sym or m.group("post") or fuzzy or m.group("neg")
                 or den is not None or m.group("n1s") or n1.scale >= 4 or m.group("half"))
    if plain and n2 is None and _bare_rejected(folded, m, n1, alone):
        return None, end
    value = n1.value
    value_max: Decimal | None = n1.value_max
    unit: str | None = None
    kind = "number"
    if den is not None:  # 三分之一: the numerator is written last
        if n1.value == 0:
            return None, end
        value, kind = den.value / n1.value, "fraction"
        if bool(m.group("neg")) != bool(m.group("negd")):
            value = -value
    elif m.group("n1s"):
        d = Decimal(m.group("n1s"))
        if d == 0 or "." in m.group("n1"):
            return None, end
        value, kind = value / d, "fraction"
    if m.group("neg") and den is None:
        value = -value
    if whole is not None:
        value = whole.value + value if value >= 0 else -(whole.value - value)
        if m.group("neg"):
            value = -(whole.value + abs(value))
    if pw is not None:
        value = value * 100 / Decimal(10) ** sum(lex.small.get(c, 0) + lex.big.get(c, 0) for c in pw if c not in " 分之")
        unit, kind = "%", "percent"
    elif info is not None:
        unit, kind = info.unit, info.kind
        if u1 == "折" or (u1 is None and u2 == "折"):
            value = _discount(value, body)
            if value is None:
                return None, end
        else:
            value *= info.factor
        if value_max is not None:
            value_max *= info.factor
    elif sym is not None:
        unit, kind = lex.money_prefixes[sym], "money"
    if kind == "measure" and body == "一" and ordinal is None and not alone and not m.group("half") \
            and not (fuzzy or m.group("post") or n2 is not None) and _qualifier_before(folded, start)[1] is None:
        return None, end  # 一个, 一位, 一家: an article, not a count
    if m.group("half"):
        value += Decimal("0.5") * (info.factor if info is not None else 1)
    if ordinal is not None:
        unit, kind = None, "ordinal"
        if u1 is not None and u1.strip() not in _ORDINAL_UNITS:
            end = m.end("n1")  # 第二批: the rank is 第二
    if u1 == "块" and n2 is None and end == m.end() and money_tail().match(folded, end):
        unit, kind = "元", "money"  # 十块三毛, 一块二: 块 is a yuan when 角/分 follow
    if kind == "money" and unit == "元" and end == m.end() and n2 is None and folded[end - 1] in "元圆块角毛":
        value, end = _money_tail(folded, end, value, folded[end - 1] in "角毛")
    if n2 is not None:
        hi = n2.value
        if pw is not None:
            hi = hi * 100 / Decimal(10) ** sum(lex.small.get(c, 0) + lex.big.get(c, 0) for c in pw if c not in " 分之")
        elif info is not None:
            hi *= info.factor
        if m.group("neg2"):
            hi = -hi
        if n1.scale < n2.scale and u1 is None and den is None \
                and n1.value < n2.value / Decimal(10) ** n2.scale:
            value *= Decimal(10) ** n2.scale  # 100-200万元: the low end borrows 万
        if hi <= value:
            return None, end  # 3-1: a score, not a range
        value_max = hi
    if ordinal is None and (sym is None or start == m.start()):
        start, qualifier = _qualifier_before(folded, start)
    else:
        qualifier = None  # 低于第一位: a rank takes no qualifier word
    if value_max is not None:
        qualifier = "range"
    elif qualifier is None:
        qualifier = fuzzy or (lex.after.get(m.group("post")) if m.group("post") else None) or "exact"
    return (start, end, _clean(value), _clean(value_max) if value_max is not None else None,
            unit, qualifier, kind), end


def _clean(d: Decimal) -> Decimal:
    """Drop exponent noise: 1.64E+9 → 1640000000, 1640000000.0 → 1640000000, 4.0 stays 4.0."""
    if d == d.to_integral_value() and (d.as_tuple().exponent > 0 or abs(d) >= 1000):
        return d.quantize(Decimal(1))
    return d

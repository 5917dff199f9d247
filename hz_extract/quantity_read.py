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
from .numerals import Numeral, read_numeral
from .quantity_lexicon import UnitInfo, lexicon
from .quantity_patterns import SPECIAL

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
            if not (a >= mstart and b < mend):
                return True
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
    return lexicon().units.get(word.strip()) if word else None


def _bare_rejected(folded: str, m: regex.Match, alone: bool) -> bool:
    """A number with no unit, sign, qualifier or magnitude: keep it only when it reads as one."""
    s, e = m.span()
    body = m.group("n1").replace(" ", "")
    if e < len(folded) and folded[e].isascii() and folded[e].isalpha():
        return True  # 5G, 3D, 4K
    if len(body) == 1 and not body.isdigit() and not alone:
        return True  # a lone Chinese digit: 四川, 五大, 一个个
    if s > 0 and e < len(folded) and _QUOTES.get(folded[s - 1]) == folded[e]:
        return True  # “1155”工作体系: a name
    return False


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
    lex = lexicon()
    for u in (u1, u2):
        if u is not None and u.strip() in lex.not_units:
            return None, end  # 2024年, 11月, 1-10月, 623路, 三季度
    n1_start = m.start("n1")
    if _in_stopword(folded, n1_start, start, end):
        return None, n1_start + 1
    try:
        n1 = read_numeral(m.group("n1"))
        n2 = read_numeral(m.group("n2")) if m.group("n2") is not None else None
        den = read_numeral(m.group("n1d")) if m.group("n1d") is not None else None
    except QuantityError:
        return None, n1_start + 1
    pw, ordinal, sym = m.group("pw"), m.group("ord"), m.group("sym")
    fuzzy = n1.fuzzy or (lex.inside.get(m.group("fz1")) if m.group("fz1") else None)
    plain = not (u1 or u2 or pw or ordinal or sym or m.group("post") or fuzzy or m.group("neg")
                 or den is not None or m.group("n1s") or n1.scale)
    if plain and n2 is None and _bare_rejected(folded, m, alone):
        return None, end
    value = n1.value
    if m.group("neg"):
        value = -value
    value_max: Decimal | None = None
    unit: str | None = None
    kind = "number"
    if den is not None:
        if den.value == 0 or value == 0:
            return None, end
        value, kind = den.value / n1.value, "fraction"
        if m.group("neg"):
            value = -value
    elif m.group("n1s"):
        d = Decimal(m.group("n1s"))
        if d == 0 or "." in m.group("n1"):
            return None, end
        value, kind = value / d, "fraction"
    info = _unit(u1) or _unit(u2)
    if pw is not None:
        value *= _PCT_WORDS[pw.replace(" ", "")]
        unit, kind = "%", "percent"
    elif info is not None:
        unit, kind = info.unit, info.kind
        value *= info.factor
    elif sym is not None:
        unit, kind = lex.money_prefixes[sym], "money"
    if ordinal is not None:
        unit, kind = None, "ordinal"
        if u1 is not None and u1.strip() not in _ORDINAL_UNITS:
            end = m.end("n1")  # 第二批: the rank is 第二
    if n2 is not None:
        hi = n2.value * (info.factor if info is not None and pw is None else 1)
        if pw is not None:
            hi = n2.value * _PCT_WORDS[pw.replace(" ", "")]
        if m.group("neg2"):
            hi = -hi
        if n1.scale == 0 and n2.scale > 0 and u1 is None and den is None:
            value *= Decimal(10) ** n2.scale  # 100-200万元: the low end borrows 万
        if hi <= value:
            return None, end  # 3-1: a score, not a range
        value_max = hi
    start, qualifier = _qualifier_before(folded, start) if sym is None or start == m.start() else (start, None)
    if value_max is not None:
        qualifier = "range"
    elif qualifier is None:
        qualifier = fuzzy or (lex.after.get(m.group("post")) if m.group("post") else None) or "exact"
    return (start, end, _clean(value), _clean(value_max) if value_max is not None else None,
            unit, qualifier, kind), end


def _clean(d: Decimal) -> Decimal:
    """Drop exponent noise: 1.64E+9 → 1640000000, keep written decimals (4.0 stays 4.0)."""
    if d == d.to_integral_value() and d.as_tuple().exponent > 0:
        return d.quantize(Decimal(1))
    return d

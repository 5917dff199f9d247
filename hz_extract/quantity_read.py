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

import re
from decimal import Decimal
from functools import cache, lru_cache

import regex

from .errors import QuantityError
from .numerals import read_folded, read_plain
from .quantity_lexicon import lexicon
from .quantity_patterns import DOUBLINGS, SPECIAL, money_tail
from .quantity_values import (
    _DATE_WORDS_AS_UNITS,
    _clean,
    _figure,
    _high_end,
    _money_tail,
    _numbers,
    _points,
    _unit,
    _unit_of,
)

__all__ = ["read_match", "read_scanned", "read_common", "Reading"]

#: (start, end, value, value_max, unit, qualifier, kind)
Reading = tuple[int, int, Decimal, "Decimal | None", "str | None", str, str]

_ORDINAL_UNITS = ("位", "名")
_QUOTES = {"“": "”", "\"": "\"", "「": "」", "『": "』", "‘": "’", "'": "'"}


@cache
def _stop_index() -> dict[str, list[tuple[str, int]]]:
    """Stopwords by each two-character piece of them: (word, where the piece starts in it)."""
    index: dict[str, list[tuple[str, int]]] = {}
    for word in lexicon().stopwords:
        for j in range(len(word) - 1):
            index.setdefault(word[j:j + 2], []).append((word, j))
    return index


@cache
def _stop_chars() -> frozenset[str]:
    return frozenset("".join(lexicon().stopwords))


def _in_stopword(folded: str, at: int, mstart: int, mend: int) -> bool:
    """Is the numeral at ``at`` part of a word such as 统一 or 一些 that reaches outside the match?

    A stopword covering ``at`` (two characters at least) holds the pair of characters
    ending or starting there, so only the words indexed under those two pairs are tried.
    """
    index = _stop_index()
    if folded[at] not in _stop_chars():
        return False
    for piece_start in (at - 1, at):
        if piece_start < 0:
            continue
        for word, j in index.get(folded[piece_start:piece_start + 2], ()):
            a = piece_start - j
            if a >= 0 and folded.startswith(word, a):
                b = a + len(word)
                if not (mstart <= a and b <= mend and b - a < mend - mstart):
                    return True  # the word reaches outside the match, or is all of it (十分)
    return False


_NAMES: tuple[str, ...] = ()  # the group names of the quantity pattern, set on first use
_N1 = _U1 = 0  # where n1 and u1 are in them


def _group_names(pat: regex.Pattern) -> tuple[str, ...]:
    global _NAMES, _N1, _U1
    names = sorted(pat.groupindex, key=pat.groupindex.get)
    if len(names) != pat.groups:
        raise AssertionError("every group of the quantity pattern must be named")
    _N1, _U1 = names.index("n1"), names.index("u1")
    _NAMES = tuple(names)
    return _NAMES


@cache
def _before_words() -> tuple[dict[str, str], int, frozenset[str]]:
    words = lexicon().before
    return words, max(map(len, words)), frozenset(w[-1] for w in words)


def _qualifier_before(folded: str, start: int) -> tuple[int, str | None]:
    """The qualifier word ending at ``start`` (longest first), and where it begins."""
    words, longest, last_chars = _before_words()
    if start == 0 or folded[start - 1] not in last_chars:
        return start, None
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



def _unbound(folded: str, at: int, word: str | None, body: str) -> bool:
    """三角洲, 六角形, 九分熟: a one-character unit after Chinese numerals that a word goes on from."""
    if word is None or at >= len(folded) or any(ch.isascii() for ch in body):
        return False
    allowed = lexicon().cn_bound.get(word)
    if allowed is None:
        return False
    nxt = folded[at]
    return _HAN.match(nxt) is not None and nxt not in allowed


_HAN = regex.compile(r"\p{Han}")


def _is_not_unit(word: str | None) -> bool:
    return word is not None and word.replace(" ", "") in _not_units()


@cache
def _not_units() -> frozenset[str]:
    return frozenset(lexicon().not_units)


def _bare_rejected(folded: str, s: int, e: int, body: str, alone: bool) -> bool:
    """A number (``body``, without spaces) with no unit, sign, qualifier or magnitude, matched
    at ``folded[s:e]``: keep it only when it reads as one."""
    if e < len(folded) and folded[e].isascii() and folded[e].isalpha():
        return True  # 5G, 3D, 4K
    if s >= 2 and folded[s - 1] in "-/_" and folded[s - 2].isascii() and folded[s - 2].isalnum():
        return True  # COVID-19, B2-3: the tail of a code
    if len(body) == 1 and not body.isdigit() and not alone:
        return True  # a lone Chinese digit: 四川, 五大, 一个个
    if _is_year(body) and not alone:
        return True  # 细数2024杭州: a year without 年
    if s > 0 and e < len(folded) and _QUOTES.get(folded[s - 1]) == folded[e]:
        return True  # “1155”工作体系: a name
    if e < len(folded) and folded[e] == "、" and (s == 0 or folded[s - 1] in "\n \t") and body.isdigit():
        return True  # 1、内联: list numbering
    return False


def _is_year(body: str | None) -> bool:
    return body is not None and body.isdigit() and len(body) == 4 and 1900 <= int(body) <= 2100


def read_match(folded: str, m: regex.Match, alone: bool = False) -> tuple[Reading | None, int]:
    """Read one pattern match; return (the reading or ``None``, where to search next).

    Args:
        folded: the folded text the match was made on.
        m: the match.
        alone: the match is the whole (stripped) text, so a lone 五 is the number 5.
    """
    names = _NAMES or _group_names(m.re)
    groups = m.groups()
    if FAST and groups.count(None) == len(groups) - 2:
        got = _read_plain(folded, *m.span(), groups[_N1], groups[_U1])
        if got is not None:
            return got, got[1]
    g = dict(zip(names, groups))  # far cheaper than m.groupdict()
    start, end = m.span()
    if g["skip"] is not None:
        return None, end
    if g["special"] is not None:
        value, unit, kind = SPECIAL[g["special"]]
        return (start, end, Decimal(value), None, unit, "exact", kind), end
    if g["fan"] is not None:  # 翻番, 翻了两番, 翻一番多, 接近翻番
        value = Decimal(2) ** DOUBLINGS.get(g["fann"] or "一")
        start, qualifier = _qualifier_before(folded, start)
        if g["fanpost"] is not None:
            qualifier = lexicon().after.get(g["fanpost"], "more_than")  # 还多
        return (start, end, value, None, "倍", qualifier or "exact", "multiple"), end
    u1, u2 = g["u1"], g["u2"]
    before = folded[max(0, start - 8):start] if "个月" in (u1, u2) else ""
    points = _points(u1, g["n1"], before) if u1 in _DATE_WORDS_AS_UNITS else None
    if points is not None:
        u1 = None
    if u2 in _DATE_WORDS_AS_UNITS and (points is not None or u1 is None) and _points(u2, g["n2"], before):
        points, u2 = _points(u2, g["n2"], before), None
    if (u1 is not None and _is_not_unit(u1)) or (u2 is not None and _is_not_unit(u2)):
        return None, end  # 2024年, 11月, 1-10月, 623路, 三季度
    at = m.start("n1")
    if folded[at] in _stop_chars() and _in_stopword(folded, at, start, end):
        return None, end
    if g["n2"] is not None and u1 is not None and \
            (_unit(u2, g["per2"]) or _unit(u1, g["per1"])).unit != _unit(u1, g["per1"]).unit:
        # 增长60.8%至1.3亿人次: two figures in different units are no range; the first ends at its unit
        end = m.end("per1") if g["per1"] else m.end("u1")
        g.update(n2=None, u2=None, per2=None, post=None, half=None)
        u2 = None
    if u1 in lexicon().cn_bound and u2 is None and g["n2"] is None and g["per1"] is None and g["post"] is None \
            and _unbound(folded, m.end("u1"), u1, g["n1"]):
        return None, end  # 三角洲, 六角形, 五角大楼, 九分熟, 三分天下
    try:
        n1, n2, numerator, whole = _numbers(g)
    except QuantityError:
        return None, end
    lex = lexicon()
    info = points or _unit(u1, g["per1"]) or _unit(u2, g["per2"])
    fuzzy = n1.fuzzy or (lex.inside.get(g["fz1"]) if g["fz1"] else None)
    body = g["n1"].replace(" ", "")
    if len(body) == 1 and body in "壹贰叁肆伍陆柒捌玖拾佰仟" and not alone and (info is None or info.kind != "money"):
        return None, end  # 收拾, 拾起, 登陆部队: a lone financial numeral is a word
    plain = not (u1 or u2 or points or g["pw"] or g["ord"] or g["sym"] or g["post"] or fuzzy or g["neg"]
                 or numerator is not None or g["n1s"] or n1.scale >= 4 or g["half"])
    if plain and n2 is None and _bare_rejected(folded, start, m.end(), body, alone):
        return None, end
    figure = _figure(g, n1, numerator, whole)
    value, unit, kind = _unit_of(g, info, figure) if figure is not None else (None, None, "")
    if value is None:
        return None, end
    if u1 == "块" and n2 is None and money_tail().match(folded, end):
        unit, kind = "元", "money"  # 十块三毛, 一块二: 块 is a yuan when 角/分 follow
    if kind == "measure" and body == "一" and g["ord"] is None and not alone and not g["half"] \
            and not (fuzzy or g["post"] or n2 is not None) and _qualifier_before(folded, start)[1] is None:
        return None, end  # 一个, 一位, 一家: an article, not a count
    if g["half"]:
        value += Decimal("0.5") * (info.factor if info is not None else 1)
    if g["ord"] is not None:
        unit, kind = None, "ordinal"
        if u1 is not None and u1.strip() not in _ORDINAL_UNITS:
            end = m.end("n1")  # 第二批: the rank is 第二
    if kind == "money" and unit == "元" and n2 is None and folded[end - 1] in "元圆块角毛":
        value, end = _money_tail(folded, end, value, folded[end - 1] in "角毛")
    value_max = n1.value_max * info.factor if n1.value_max is not None and info is not None else n1.value_max
    if n2 is not None:
        if info is None and _is_year(body) and _is_year(g["n2"]):
            return None, end  # 2011-2015: a span of years
        bounds = _high_end(g, n1, n2, info, value)
        if bounds is None:
            return None, end  # 3-1: a score, not a range
        value, value_max = bounds
    qualifier = None
    if g["ord"] is None and (g["sym"] is None or start == m.start()):
        start, qualifier = _qualifier_before(folded, start)  # 低于第一位: a rank takes no qualifier word
    if value_max is not None:
        qualifier = "range"
    elif qualifier is None:
        qualifier = fuzzy or (lex.after.get(g["post"]) if g["post"] else None) or "exact"
    return (start, end, _clean(value), _clean(value_max) if value_max is not None else None,
            unit, qualifier, kind), end


#: Take the short roads for the commonest match (Arabic digits and a unit, nothing else):
#: :func:`read_common` after the common pattern, the same reading of a full-pattern match;
#: ``tests/quantities/test_fast_path.py`` turns them off to check that both roads agree.
FAST = True


def read_scanned(folded: str, m: re.Match[str], alone: str) -> tuple[Reading | None, int] | None:
    """Read a match of :func:`hz_extract.quantity_patterns.scan` as :func:`read_match` reads the
    full pattern's match there; ``None`` when it is no form the scan reads (try the full pattern).

    Args:
        folded: the folded text the match was made on.
        m: the match.
        alone: the whole folded text, stripped (a match that is all of it is alone).

    >>> from hz_extract.quantity_patterns import scan
    >>> read_scanned("近700家", scan().search("近700家"), "近700家")[0][2:]
    (Decimal('700'), None, '家', 'nearly', 'measure')
    """
    form = m.lastgroup
    if form == "u1":
        n1, u1, _ = m.groups()
        got = read_common(folded, m.start(), m.end(), n1, u1)
        return None if got is None else (got, got[1])
    if form == "b1":
        start, end = m.span()
        return _read_bare(folded, start, end, m.group("b1"), end - start >= len(alone) and alone == m.group().strip())
    return None


def _read_bare(folded: str, start: int, end: int, n1: str, alone: bool) -> tuple[Reading | None, int]:
    """A bare Arabic figure (the scan's bare form): what :func:`read_match` makes of a match of n1 alone."""
    if (folded[start] in _stop_chars() and _in_stopword(folded, start, start, end)) \
            or _bare_rejected(folded, start, end, n1, alone):
        return None, end
    start, qualifier = _qualifier_before(folded, start)
    return (start, end, _clean(read_folded(n1).value), None, None, qualifier or "exact", "number"), end


def _read_plain(folded: str, start: int, end: int, n1: str | None, u1: str | None) -> Reading | None:
    """``4.0%``, ``6305亿元``, ``近700家``: a number that starts with an Arabic digit and a plain unit word.

    Returns ``None`` (take the long road of :func:`read_match`) for anything that needs
    more thought: another group, a Chinese numeral (统一, 一个, 七八成), spaces in the unit,
    a unit word the long road treats specially (折, 块, not-units), an unreadable numeral.
    """
    if n1 is None or u1 is None or not (n1[0].isascii() and (n1[0].isdigit() or n1[0] == ".")):
        return None
    return read_common(folded, start, end, n1, u1)


def read_common(folded: str, start: int, end: int, n1: str, u1: str) -> Reading | None:
    """The scan's common form (``n1`` Arabic digits, ``u1`` a unit word, at ``folded[start:end]``)
    as :func:`read_match` reads it; ``None`` when it needs the long road (折, 块, an unread
    numeral). Also :func:`_read_plain` once ``n1`` is known to start with an Arabic digit."""
    if u1 in _SLOW_UNITS:
        return None
    known = _figure_in(n1, u1)
    if known is None:
        return None
    value, clean_value, value_max, unit, kind, fuzzy, yuan = known
    if yuan and folded[end - 1] in "元圆块角毛":
        value, end = _money_tail(folded, end, value, folded[end - 1] in "角毛")
        clean_value = _clean(value)
    start, qualifier = _qualifier_before(folded, start)
    if value_max is not None:
        qualifier = "range"
    elif qualifier is None:
        qualifier = fuzzy or "exact"
    return start, end, clean_value, value_max, unit, qualifier, kind


@lru_cache(maxsize=8192)
def _figure_in(n1: str, u1: str) -> tuple[Decimal, Decimal, Decimal | None, str, str, str | None, bool] | None:
    """What the number ``n1`` and the plain unit word ``u1`` say, whatever surrounds them (cached:
    news repeats its figures): (value in base units, the same cleaned, the range's cleaned high
    end, unit, kind, vague qualifier, whether 角/分 may follow), or ``None`` when unread."""
    info = lexicon().units.get(u1)
    if info is None:
        return None
    plain = read_plain(n1)  # the commonest figure, read without making (and caching) a Numeral
    if plain is not None:
        value = plain[0] * info.factor
        return value, _clean(value), None, info.unit, info.kind, None, info.kind == "money" and info.unit == "元"
    try:
        numeral = read_folded(n1)
    except QuantityError:
        return None
    value = numeral.value * info.factor
    value_max = _clean(numeral.value_max * info.factor) if numeral.value_max is not None else None
    return (value, _clean(value), value_max, info.unit, info.kind, numeral.fuzzy,
            info.kind == "money" and info.unit == "元")


_SLOW_UNITS = frozenset(("折", "块"))

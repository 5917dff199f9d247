"""Quantities in running Chinese text: the number-and-unit normalizer.

``find_quantities(text)`` returns every quantity in order; ``parse_quantity(s)``
reads one surface form. Values are exact ``Decimal`` in base units (4400亿元 →
440000000000 元), with the qualifier kept (多/余/逾 → ``more_than``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from decimal import Decimal
from typing import Any

from ._jsonnum import json_number
from .errors import QuantityError
from .numerals import fold, read_folded
from .quantity_lexicon import lexicon
from . import quantity_read
from .quantity_read import _clean, read_common, read_match, read_scanned
from .quantity_patterns import pattern, prefilter, refused, scan, trigger

__all__ = ["Quantity", "find_quantities", "parse_quantity", "KINDS", "QUALIFIERS"]

KINDS = ("number", "money", "percent", "pp", "multiple", "ordinal", "fraction", "measure")
QUALIFIERS = ("exact", "more_than", "less_than", "nearly", "approx", "up_to", "range")


@dataclass(frozen=True, init=False)
class Quantity:
    """One quantity found in a text.

    Attributes:
        text: the surface form, exactly ``original[start:end]``.
        start, end: half-open character offsets into the original text.
        value: the figure in base units (``Decimal``); the low end of a range.
        value_max: the high end of a range, else ``None``.
        unit: base unit (``元``, ``美元``, ``%``, ``pp``, ``倍``, ``吨``, ``台`` …) or ``None``.
        qualifier: one of :data:`QUALIFIERS`.
        kind: one of :data:`KINDS`.
    """

    text: str
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    qualifier: str
    kind: str

    def __init__(self, text: str, start: int, end: int, value: Decimal, value_max: Decimal | None,
                 unit: str | None, qualifier: str, kind: str) -> None:
        # The frozen dataclass's own __init__ sets each field through object.__setattr__; one
        # update of the instance dict does the same in half the time (a document makes hundreds).
        self.__dict__.update(text=text, start=start, end=end, value=value, value_max=value_max, unit=unit,
                             qualifier=qualifier, kind=kind)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; numbers carry no float noise (see :func:`json_number`)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": json_number(self.value),
            "value_max": json_number(self.value_max),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "kind": self.kind,
        }


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order of appearance.

    The text is never rewritten: full-width and traditional characters are folded on a
    private copy one character for one, so ``text[q.start:q.end] == q.text`` always.

    Args:
        text: raw running text (any script, any width).

    Returns:
        The quantities found, left to right; ``[]`` when there are none.

    >>> [(q.text, q.value, q.unit, q.qualifier) for q in find_quantities("超过4400亿元,增长4.0%")]
    [('超过4400亿元', Decimal('440000000000'), '元', 'more_than'), ('4.0%', Decimal('4.0'), '%', 'exact')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quantities() takes str, not {type(text).__name__}")
    if not text or prefilter().search(text) is None:
        return []  # no character that can start a quantity
    folded = fold(text)
    if len(folded.strip()) == 1:
        return _lone_numeral(text, folded)
    pat = pattern()
    out: list[Quantity] = []
    pos, n = 0, len(folded)
    alone = folded.strip()
    size = len(alone)
    # The next place a match can start is found by the standard engine's scan, which also
    # reads the commonest forms there (digits and a unit, a bare figure ending its line,
    # read the same way); the big pattern is only tried where they are not (the leftmost
    # match, as pat.search would find it).
    # A few common places the full pattern matches only to be rejected (1-4月, 一季度, 第三产业)
    # are told by :func:`refused`, which ends where that match would (see there).
    match, following = pat.match, (scan() if quantity_read.FAST else trigger()).search
    rejected = refused().match if quantity_read.FAST else None
    not_units = _not_units()
    while pos < n:
        at = following(folded, pos)
        if at is None:
            break
        s = at.start()
        if at.lastgroup == "u1":  # the common form (digits and a unit word): most figures, read here
            n1, u1, _ = at.groups()
            got = read_common(folded, s, at.end(), n1, u1)
            if got is not None:
                start, end, value, value_max, unit, qualifier, kind = got
                out.append(Quantity(text[start:end], start, end, value, value_max, unit, qualifier, kind))
                pos = end
                continue
            if u1 in not_units:  # 3个月, 623路: the full pattern reads the same there, and rejects it
                pos = at.end()
                continue
            read = None
        else:
            read = read_scanned(folded, at, alone)
        if read is None:
            if rejected is not None:
                r = rejected(folded, s)
                if r is not None:
                    pos = r.end()
                    continue
            m = match(folded, s)
            if m is None or m.end() == s:
                pos = s + 1
                continue
            e = m.end()
            read = read_match(folded, m, e - s >= size and alone == m.group(0).strip())
        got, resume = read
        if got is None:
            pos = max(resume, s + 1)
            continue
        start, end, value, value_max, unit, qualifier, kind = got
        out.append(Quantity(text[start:end], start, end, value, value_max, unit, qualifier, kind))
        pos = end
    if "度" in folded:
        out = _kilowatt_hours(text, folded, out)
    return _join_bounds(text, folded, _share_units(folded, out))


@cache
def _not_units() -> frozenset[str]:
    """The not-unit words (年, 月, 路 …) a match ending in one is rejected for; 点, 日 and 个月 can be
    units after some numbers (收于3050.12点, 1.3日, 周期为14个月), so they are left to the reader."""
    return frozenset(lexicon().not_units) - {"点", "日", "个月"}


def _lone_numeral(text: str, folded: str) -> list[Quantity]:
    """A text that is one character: a numeral (五, 〇, 7) is that number, anything else nothing."""
    at = len(folded) - len(folded.lstrip())
    if folded[at] in lexicon().big:
        return []  # 万 on its own is a word (ten thousand, myriad), not a figure
    try:
        value = read_folded(folded[at]).value
    except QuantityError:
        return []
    return [Quantity(text[at], at, at + 1, value, None, None, "exact", "number")]


def _kilowatt_hours(text: str, folded: str, found: list[Quantity]) -> list[Quantity]:
    """``120亿度``, ``3.5万度``: 度 right after a magnitude is a kilowatt-hour (度电 is one already);
    a bare ``35度`` stays a number (a temperature or an angle is no figure of electricity).

    A qualifier written after the unit (120亿度左右) belongs to the figure, as after any unit.

    >>> [(q.text, q.value, q.unit) for q in find_quantities("用电量120亿度,气温35度")]
    [('120亿度', Decimal('12000000000'), '千瓦时'), ('35', Decimal('35'), None)]
    >>> find_quantities("外送电量120亿度左右")[0].qualifier
    'approx'
    """
    after = lexicon().after
    for i, q in enumerate(found):
        if q.unit is None and q.kind == "number" and folded[q.end - 1] in "万亿" and folded[q.end:q.end + 1] == "度":
            end = q.end + 1
            post = max((w for w in after if folded.startswith(w, end)), key=len, default=None)
            qualifier = q.qualifier
            if post is not None:
                end += len(post)
                qualifier = after[post] if qualifier == "exact" else qualifier
            found[i] = replace(q, text=text[q.start:end], end=end, unit="千瓦时", kind="measure", qualifier=qualifier)
    return found


_LIST_JOINERS = frozenset("和、与及或")
_SHARED_KINDS = frozenset(("percent", "pp", "multiple", "measure", "money"))
_MAGNITUDE_CHARS = frozenset("十百千万亿兆")


def _share_units(folded: str, found: list[Quantity]) -> list[Quantity]:
    """A list's last item lends its unit (and magnitude) to bare numbers before it.

    ``分别回落2.16和1.66个百分点`` → two ``pp``; ``分别增长3和5倍`` → two ``倍``;
    ``分别为120、85和60万吨`` → 1200000, 850000 and 600000 吨 (a magnitude written once
    after a list of plain figures is the whole list's, as the unit is); ``120万、85和60万吨``
    → 120万 takes 吨 only, 85 takes 万吨. Items are joined by one of 和、与及或; a lent item
    lends on to the item before it. A figure that has a qualifier, range, sign or a unit of
    its own takes nothing.
    """
    lend: tuple[str, str, Decimal, Decimal] | None = None  # unit, kind, magnitude, unit factor
    for i in range(len(found) - 1, 0, -1):
        q, prev = found[i], found[i - 1]
        if prev.kind != "number" or prev.value_max is not None or prev.qualifier != "exact":
            lend = None
            continue
        between = folded[prev.end:q.start].strip()
        if len(between) != 1 or between not in _LIST_JOINERS:
            lend = None
            continue
        if lend is None:
            lend = _lender(folded[q.start:q.end], q)
            if lend is None:
                continue
        own = _magnitude_of(folded[prev.start:prev.end])
        if own is None:
            lend = None
            continue
        unit, kind, mag, factor = lend
        found[i - 1] = replace(prev, unit=unit, kind=kind, value=_clean(prev.value * factor * (1 if own else mag)))
    return found


def _magnitude_of(surface: str) -> bool | None:
    """A bare list item: ``False`` for plain digits (120), ``True`` for digits and magnitudes (120万), else ``None``."""
    head = surface.rstrip("十百千万亿兆")
    if not head or not all(ch.isascii() and (ch.isdigit() or ch in ".,") for ch in head) or not head[-1].isdigit():
        return None
    return len(head) < len(surface)


def _lender(surface: str, q: Quantity) -> tuple[str, str, Decimal, Decimal] | None:
    """What the item ``q`` lends to a bare figure before it: (unit, kind, magnitude, unit factor), or ``None``.

    It lends when it is an exact figure written as digits, magnitudes and a unit word
    (``1.66个百分点``, ``60万吨``, ``4亿元``) or was itself lent a unit.
    """
    if q.unit is None or q.kind not in _SHARED_KINDS or q.value_max is not None or q.qualifier != "exact":
        return None
    i, n = 0, len(surface)
    while i < n and surface[i].isascii() and (surface[i].isdigit() or surface[i] in ".,"):
        i += 1
    digits = surface[:i].replace(",", "")
    if not digits or not digits[-1].isdigit() or digits.count(".") > 1:
        return None
    j = i
    while j < n and surface[j] in _MAGNITUDE_CHARS:
        j += 1
    rest = surface[j:].strip()
    if j == n and i == n:  # itself lent: plain digits carrying the unit
        return None
    if not rest or rest[0].isdigit() or any(ch in _MAGNITUDE_CHARS for ch in rest[:1]):
        return None
    try:
        mag = read_folded("1" + surface[i:j]).value if j > i else Decimal(1)
    except QuantityError:
        return None
    number = Decimal(digits) * mag
    if number == 0:
        return None
    return q.unit, q.kind, mag, q.value / number


_LOWER = frozenset(("more_than",))
_UPPER = frozenset(("less_than", "up_to"))


def _join_bounds(text: str, folded: str, found: list[Quantity]) -> list[Quantity]:
    """A lower and an upper bound side by side make one range: 大于10小于20, 1000以上，1500以下."""
    qualifiers = {q.qualifier for q in found}
    if qualifiers.isdisjoint(_LOWER) or qualifiers.isdisjoint(_UPPER):
        return found  # no lower bound, or no upper one: nothing to join
    joiners = lexicon().joiners
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        q = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and q.value_max is None and nxt.value_max is None and \
                {q.qualifier, nxt.qualifier} & _LOWER and {q.qualifier, nxt.qualifier} & _UPPER and \
                (q.unit == nxt.unit or q.unit is None or nxt.unit is None) and \
                "".join(folded[q.end:nxt.start].split()).lstrip(",、") in joiners:
            low, high = (q, nxt) if q.qualifier in _LOWER else (nxt, q)
            if low.value < high.value:
                kind = q.kind if q.unit is not None else nxt.kind
                out.append(Quantity(text[q.start:nxt.end], q.start, nxt.end, low.value, high.value,
                                    q.unit or nxt.unit, "range", kind))
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def parse_quantity(s: str) -> Quantity:
    """Read one surface form as a quantity.

    The whole (stripped) string must be exactly one quantity; offsets refer to ``s``.

    Args:
        s: a surface form such as ``"4400多亿元"`` or ``"2.4个百分点"``.

    Raises:
        QuantityError: when ``s`` is not one quantity, naming what was not understood.

    >>> q = parse_quantity("20多亿元"); (q.value, q.unit, q.qualifier, q.kind)
    (Decimal('2000000000'), '元', 'more_than', 'money')
    """
    if not isinstance(s, str):
        raise QuantityError(f"parse_quantity expects a string, got {type(s).__name__}")
    stripped = s.strip()
    if not stripped:
        raise QuantityError("parse_quantity got an empty string; give a quantity such as '4400亿元'")
    found = find_quantities(s)
    lead = len(s) - len(s.lstrip())
    whole = [q for q in found if q.start == lead and q.end == lead + len(stripped)]
    if len(whole) == 1:
        return whole[0]
    if not found:
        raise QuantityError(f"not a quantity: {s!r} (no number with a unit, qualifier or magnitude was understood)")
    rest = stripped
    for q in found:
        rest = rest.replace(q.text.strip(), " ", 1)
    rest = " ".join(rest.split())
    raise QuantityError(f"not one quantity: {s!r} reads as {[q.text for q in found]!r}"
                        + (f"; not understood: {rest!r}" if rest else ""))

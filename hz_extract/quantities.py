"""Quantities in running Chinese text: the number-and-unit normalizer.

``find_quantities(text)`` returns every quantity in order; ``parse_quantity(s)``
reads one surface form. Values are exact ``Decimal`` in base units (4400亿元 →
440000000000 元), with the qualifier kept (多/余/逾 → ``more_than``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ._jsonnum import json_number
from .errors import QuantityError
from .numerals import fold, read_folded
from .quantity_lexicon import lexicon
from .quantity_read import read_match
from .quantity_patterns import pattern

__all__ = ["Quantity", "find_quantities", "parse_quantity", "KINDS", "QUALIFIERS"]

KINDS = ("number", "money", "percent", "pp", "multiple", "ordinal", "fraction", "measure")
QUALIFIERS = ("exact", "more_than", "less_than", "nearly", "approx", "up_to", "range")


@dataclass(frozen=True)
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
    if not text:
        return []
    folded = fold(text)
    if len(folded.strip()) == 1:
        return _lone_numeral(text, folded)
    pat = pattern()
    out: list[Quantity] = []
    pos, n = 0, len(folded)
    alone = folded.strip()
    while pos < n:
        m = pat.search(folded, pos)
        if m is None:
            break
        if m.end() == m.start():
            pos = m.start() + 1
            continue
        got, resume = read_match(folded, m, alone == m.group(0).strip())
        if got is None:
            pos = max(resume, m.start() + 1)
            continue
        start, end, value, value_max, unit, qualifier, kind = got
        out.append(Quantity(text[start:end], start, end, value, value_max, unit, qualifier, kind))
        pos = end
    return _join_bounds(text, folded, _share_units(folded, out))


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


_LIST_JOINERS = frozenset("和、与及或")
_SHARED_KINDS = frozenset(("percent", "pp", "multiple", "measure", "money"))


def _share_units(folded: str, found: list[Quantity]) -> list[Quantity]:
    """A list's last item lends its unit to bare numbers before it: 2.16和1.66个百分点, 40.9、50.1和64.7%.

    Only plain figures take part (no magnitude on either side), so the lent unit
    cannot change their scale.
    """
    for i in range(len(found) - 2, -1, -1):
        q, nxt = found[i], found[i + 1]
        if q.kind != "number" or q.value_max is not None or nxt.unit is None or nxt.kind not in _SHARED_KINDS:
            continue
        between = folded[q.end:nxt.start].strip()
        if len(between) != 1 or between not in _LIST_JOINERS:
            continue
        if not (_plain_figure(folded[q.start:q.end]) and _plain_figure(folded[nxt.start:nxt.end], nxt.unit)):
            continue
        found[i] = replace(q, unit=nxt.unit, kind=nxt.kind)
    return found


_LOWER = frozenset(("more_than",))
_UPPER = frozenset(("less_than", "up_to"))


def _join_bounds(text: str, folded: str, found: list[Quantity]) -> list[Quantity]:
    """A lower and an upper bound side by side make one range: 大于10小于20, 1000以上，1500以下."""
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


def _plain_figure(surface: str, unit: str | None = None) -> bool:
    head = surface
    if unit is not None:
        head = surface.rstrip("%％ ").replace("个百分点", "").replace("百分点", "").replace(unit, "")
    return bool(head) and all(ch.isascii() and (ch.isdigit() or ch in ".,") for ch in head)


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

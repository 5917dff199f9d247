"""Quantities made ready for the rules: units a list makes plain, mixed ranges split.

The quantity finder reads numbers; a few readings depend on the sentence around
them, and are settled here before the rules run (no number is parsed here: the
finder's :func:`~hz_extract.quantities.parse_quantity` does that).

>>> from hz_extract.quantities import find_quantities
>>> t = "分别回落2.16和1.66个百分点"
>>> [q.unit for q in complete(find_quantities(t), t)]
['pp', 'pp']
"""
from __future__ import annotations

from dataclasses import replace

import regex

from ..quantities import Quantity

__all__ = ["complete"]

_SCORE = "高分"
_BP = "基点"
_LIST_GLUE = regex.compile(r"\s*(?:、|和|及|与|至|到|-|~)\s*")


def complete(quantities: list[Quantity], text: str) -> list[Quantity]:
    """Give unit-less numbers the unit their context makes plain.

    ``2.16和1.66个百分点``, ``10.8%、14.2%`` written as ``10.8、14.2%``: a bare number
    listed before a % or 个百分点 figure shares its unit; ``以133.2高分`` is a score;
    a fraction (``近十分之一``) is a percentage; ``2个基点`` is 0.02 percentage points;
    ``0.5个和0.3个百分点``: the first figure is in percentage points too.
    """
    out = _split_mixed_ranges(quantities, text)
    # only a figure without a unit, or counted in 个 (2个基点, 0.5个和0.3个百分点), changes
    for i in reversed([i for i, q in enumerate(out) if q.unit is None or q.unit == "个"]):
        q = out[i]
        if (q.unit is None or q.unit == "个") and q.kind in ("number", "measure") and text.startswith(_BP, q.end):
            # 下降2个基点: a hundredth of a percentage point
            out[i] = replace(q, text=q.text + _BP, end=q.end + len(_BP), unit="pp", kind="pp",
                             value=q.value / 100, value_max=None if q.value_max is None else q.value_max / 100)
            continue
        if q.kind == "fraction" and q.unit is None:
            # 占全国的比重近十分之一: a fraction of a whole is a share in %
            out[i] = replace(q, unit="%", kind="percent", value=q.value * 100,
                             value_max=None if q.value_max is None else q.value_max * 100)
            continue
        if q.unit == "个" and i + 1 < len(out) and out[i + 1].unit == "pp" and q.value_max is None \
                and out[i + 1].text.endswith("个百分点") and _LIST_GLUE.fullmatch(text, q.end, out[i + 1].start):
            out[i] = replace(q, unit="pp", kind="pp")  # 分别提高0.5个和0.3个百分点: the first shares the unit
            continue
        if q.unit is not None or q.kind != "number":
            continue
        if text.startswith(_SCORE, q.end):
            out[i] = replace(q, unit="分", kind="measure")
            continue
        if i + 1 < len(out):
            nxt = out[i + 1]
            glue = _LIST_GLUE.fullmatch(text, q.end, nxt.start)
            if glue and nxt.kind in ("percent", "pp") and nxt.unit in ("%", "pp") and nxt.value_max is None:
                out[i] = replace(q, unit=nxt.unit, kind=nxt.kind)
    return out


_MIXED_RANGE = regex.compile(r"^(?P<a>.+?(?:个百分点|百分点))(?P<to>至|到)(?P<b>.+%)$")


def _split_mixed_ranges(quantities: list[Quantity], text: str) -> list[Quantity]:
    """``下降0.2个百分点至5.0%`` is a difference and the level it reaches, not a range."""
    if all(q.qualifier != "range" for q in quantities):
        return list(quantities)
    from ..errors import QuantityError
    from ..quantities import parse_quantity

    out: list[Quantity] = []
    for q in quantities:
        m = _MIXED_RANGE.match(q.text) if q.qualifier == "range" else None
        if m is None:
            out.append(q)
            continue
        try:
            a, b = parse_quantity(m.group("a")), parse_quantity(m.group("b"))
        except QuantityError:
            out.append(q)
            continue
        out.append(replace(a, start=q.start, end=q.start + m.end("a")))
        out.append(replace(b, start=q.start + m.start("b"), end=q.end))
    return out

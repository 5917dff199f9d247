"""Inverted statements: the figure first, then what it is (``超过4400亿元,这是2024年杭州市规模以上工业增加值``).

A clause holding nothing but a figure, followed by a clause opening with 这是 (这一
数字是, 这就是 …), takes its indicator, subject and period from that clause; ``的
最新数据`` at its end is dropped. The named phrase must end in an indicator head
(indicator_heads.txt) or be a rate, so ``3000万元,这是他们的期望`` gives nothing. The indicator then carries on to the clauses that
follow (``,比上年增长4.0%``).

>>> from hz_extract import extract
>>> [r.indicator for r in extract("超过4400亿元,这是2024年杭州市规模以上工业增加值。")]
['规模以上工业增加值']
"""
from __future__ import annotations

import regex

from .base import QMARK, Context
from .indicator import name
from .level import RATE_NAME

__all__ = ["FAMILY", "apply"]

FAMILY = "inverted"

_THIS = regex.compile(r"^(?:这是|这就是|这一数字是|这个数字是|这一数据是|即为|此为)")
_DATA_TAIL = regex.compile(r"的?(?:最新)?(?:统计)?(?:数据|数字)$")
_ONLY_FIGURE = regex.compile(rf"^[{QMARK}]+[,;]?$")


def apply(ctx: Context) -> None:
    """Add the level of every figure-only clause explained by the next one."""
    if "这" not in ctx.masked and "即为" not in ctx.masked and "此为" not in ctx.masked:
        return
    for k in range(len(ctx.clauses) - 1):
        ca, cb = ctx.clauses[k]
        if not _ONLY_FIGURE.match(ctx.m(ca, cb).strip()):
            continue
        na, nb = ctx.clauses[k + 1]
        m = _THIS.match(ctx.m(na, nb))
        if not m:
            continue
        body_end = nb
        while body_end > na and ctx.text[body_end - 1] in ",;。!?":
            body_end -= 1
        tail = _DATA_TAIL.search(ctx.t(na, body_end))
        if tail:
            body_end = na + tail.start()
        ind = name(ctx, na + m.end(), body_end)
        if not ind or not (ctx.lex.head_of(ind) or RATE_NAME.search(ind)):
            continue  # 这是他们的期望: only a named indicator explains a figure
        for s in ctx.slots_in_clause(k):
            d = ctx.from_slot(s, "level" if s.q.unit not in ("pp",) else "pp_diff", "inverted.level", indicator=ind)
            d.anchor = body_end
            d.cue = s.start
            ctx.add(d)

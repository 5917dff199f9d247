"""Multiples: a ratio to a base (是上年的1.5倍 → 1.5 倍, base 上年; 翻番 → 2 倍; 翻两番 → 4 倍).

A figure in 倍 after a growth verb is a growth (增长1.3倍 = 130 %, see growth.py);
a bare 倍 figure (PE估值区间为40-70倍) is a level.

>>> from hz_extract import extract
>>> [(r.measure, float(r.value), r.base) for r in extract("出口额是上年的1.5倍。")]
[('multiple', 1.5, '上年')]
"""
from __future__ import annotations

from decimal import Decimal

import regex

from .base import QMARK, Context, Draft, Slot
from .cues import clean_base, find_base
from .indicator import name, trim

__all__ = ["FAMILY", "classify", "apply"]

FAMILY = "multiple"

_OF = regex.compile(r"(?P<cue>(?:是|为|相当于|达到|达)(?P<base>[^#,;]+?)的)$")
_DOUBLE = regex.compile(r"翻(?:了)?(?P<n>一|两|二|三|四|1|2|3|4)?番")
_THAN = regex.compile(r"(?:比|较|与)(?P<base>[^比较与]{1,12})$")
_SPAN = regex.compile(r"(?<![比较与从\d])(?:近|过去|短短)?(?:[一二三四五六七八九十两]+|\d{1,2})(?:个)?(?:年|月)(?:时间|来|间|内|里)?$")
_MORE = regex.compile(r"还多|多|以上|有余")
_TIMES = {"一": 1, "1": 1, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
_RATE_END = ("增速", "增幅", "速度", "增长")


def classify(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """A multiple draft for a 倍 figure after 是…的 / 相当于…的."""
    if slot.q.unit != "倍":
        return None
    m = _OF.search(left)
    if not m:
        return None
    d = ctx.from_slot(slot, "multiple", "multiple.of")
    base = clean_base(m.group("base"))
    d.base = ctx.lex.bases.get("比" + base, base) if base else None
    d.cue = d.anchor = at + m.start()
    return d


def apply(ctx: Context) -> None:
    """翻番 / 翻两番 in a clause without a figure of its own, about the indicator it names or
    the chain's (三年时间实现翻番还多: a span of time is no name; 还多 is more_than)."""
    if "番" not in ctx.masked:
        return
    for m in _DOUBLE.finditer(ctx.masked):
        a = ctx.start + m.start()
        ca, cb = ctx.clause_of(a)
        if QMARK in ctx.m(ca, cb):
            continue
        ind = _SPAN.sub("", name(ctx, ca, a))
        base = find_base(ctx, a)
        than = _THAN.search(ind)
        if than:
            ind, base = trim(ind[:than.start()], ctx.lex), clean_base(than.group("base"))  # 这一数字较…: no name
        if ind.endswith(_RATE_END):
            continue
        times = _TIMES.get(m.group("n") or "一", 1)
        more = _MORE.match(ctx.text, ctx.start + m.end())
        ctx.add(Draft(start=a, end=ctx.start + m.end(), measure="multiple", value=Decimal(2) ** times,
                      unit="倍", rule="multiple.double", indicator=ind or None, base=base, anchor=a,
                      qualifier="more_than" if more else "exact", hint="" if ind else "inherit"))

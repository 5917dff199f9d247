"""The rule engine: one sentence in, drafts out, every family in its place.

Order: the structural families claim their figures first (from-to changes,
inverted statements, 分别 lists, ranks, 翻番), then every figure left is offered
to the measure families in turn (pp_diff, multiple, growth, change, share, loss, level:
the first that recognises the words before it wins), then the chain settles the
indicators in text order.

>>> [f.FAMILY for f in measure_families()][:3]
['pp_diff', 'multiple', 'growth']
"""
from __future__ import annotations

import regex

from . import change, chain, fromto, growth, inverted, level, lists, loss, multiple, pp_diff, rank, share
from .base import Context, Draft, Slot

__all__ = ["measure_families", "classify", "run"]

_THRESHOLD = regex.compile(r"^(?:以上|以下|左右)?的[^#,;:。()了]{1,12}?#")
"""A threshold inside a name; its 的 is one of the first three characters after the figure."""
_BOUND_NOUN = regex.compile(r"^(?:以上|以下)?\p{Han}{0,4}?(?:项目|企业|公司|工厂|单位|园区|集群|品牌|商户|平台|楼宇|景区|村)#")
"""A bound right before the group it marks and that group's own figure, without a 的
(投资10亿元以上项目5个, 营业收入超10亿元企业46家): the bound is part of the group's name."""
_BOUNDS = frozenset({"more_than", "less_than"})

MAX_LEFT = 80
"""Characters before a figure its cue is read from (a clause is rarely longer; patterns stay linear)."""

_MEASURES = (pp_diff, multiple, growth, change, share, loss, level)


def measure_families() -> tuple:
    """The per-figure measure families, in the order they are tried."""
    return _MEASURES


def classify(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """The first measure family's draft for ``slot`` read with ``left`` (masked text from ``at``)."""
    for fam in _MEASURES:
        d = fam.classify(ctx, slot, left, at)
        if d is not None:
            return d
    return None


def run(ctx: Context) -> list[Draft]:
    """All drafts of one sentence, indicators settled, in text order."""
    fromto.apply(ctx)
    inverted.apply(ctx)
    lists.apply(ctx, classify)
    rank.apply(ctx)
    multiple.apply(ctx)
    for slot in ctx.slots:
        if slot.index in ctx.claimed:
            continue
        ca, cb = ctx.clauses[slot.clause]
        if "的" in ctx.m(slot.end, min(cb, slot.end + 3)) and _THRESHOLD.match(ctx.m(slot.end, cb)):
            ctx.unmask(slot)  # 总投资超10亿元的重大项目38个: a threshold inside a name
            continue
        if slot.q.qualifier in _BOUNDS and _BOUND_NOUN.match(ctx.m(slot.end, cb)):
            ctx.unmask(slot)  # 其中投资10亿元以上项目5个: the same, written without 的
            continue
        ca = max(ca, slot.start - MAX_LEFT)
        d = classify(ctx, slot, ctx.m(ca, slot.start), ca)
        if d is not None:
            ctx.add(d)
    return chain.settle(ctx)

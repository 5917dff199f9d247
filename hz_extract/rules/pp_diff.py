"""Percentage-point differences (高于GDP增速2.4个百分点, 增速比一季度下降2个百分点, 拉动…增长26.6个百分点).

Sign: 高于/快于/提高/回升 … +, 低于/慢于/下降/回落 … − (measure_compare.txt,
measure_verbs.txt). Base: what follows the comparison word (高于 *GDP增速*, 比
*一季度*), else the nearest base cue in the sentence. A difference right after a
share (占GDP比重48.4%,较上年提高0.4个百分点) is a difference *of the share*.

>>> from hz_extract import extract
>>> [(float(r.value), r.base) for r in extract("增加值增长7.1%,高于GDP增速2.4个百分点。") if r.unit == "pp"]
[(2.4, 'GDP增速')]
"""
from __future__ import annotations

import re

import regex

from .base import Context, Draft, Slot
from .cues import clean_base, cues, find_base

__all__ = ["FAMILY", "classify"]

FAMILY = "pp_diff"

_THAN_BEFORE = regex.compile(r"(?P<cue>(?:比|较)(?P<base>[^#,;比较]{1,12}))$")
_FALL_RATE = re.compile(r"降幅|跌幅|下降幅度|亏损")
_NARROW = frozenset({"收窄", "缩小", "减少", "回落", "下降", "降低", "减"})
_DOWN_WORDS = frozenset({"下降", "下拉", "下滑", "回落", "减少", "拖累"})


def classify(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """A pp_diff draft for every figure in 个百分点 (sign and base from the words before it)."""
    if slot.q.unit != "pp":
        return None
    c = cues(ctx.lex)
    base: str | None
    if m := c.pull.search(left):
        down = m.group("dir") in _DOWN_WORDS
        sign, base, rule = (-1 if down else 1), clean_base(m.group("base")), "pp_diff.pull"
        if base and m.group("verb") == "拉动":
            base += "增长"
    elif m := c.compare.search(left):
        sign, base, rule = ctx.lex.compare[m.group("cmp")], clean_base(m.group("base")), "pp_diff.compare"
        if base is None and (than := _THAN_BEFORE.search(left, 0, m.start("cmp"))):
            base, m = clean_base(than.group("base")), than  # 比全国高出2.8个百分点: the base is before the word
    elif m := c.than.search(left):
        base = clean_base(m.group("base"))
        sign, rule = ctx.lex.verbs[m.group("verb")], "pp_diff.than"
        base = ctx.lex.bases.get("比" + base, base) if base else None
    elif m := c.lone_verb.search(left):
        sign, rule = ctx.lex.verbs[m.group("verb")], "pp_diff.verb"
        base = ctx.lex.base_of(m.group("base")) if m.group("base") else find_base(ctx, at + m.start(), "pp_diff")
    else:
        return None
    if rule in ("pp_diff.than", "pp_diff.verb") and _FALL_RATE.search(m.group("cue")) and \
            m.group("verb") in _NARROW:
        sign = -sign  # 降幅收窄0.9个百分点: a smaller fall is a higher rate
    d = ctx.from_slot(slot, "pp_diff", rule, value=slot.q.value * sign)
    d.base = base
    d.cue = d.anchor = at + m.start()
    return d


def share_indicator(ctx: Context) -> str | None:
    """The name of a share the chain just gave (``X占GDP比重``), for a difference that follows it."""
    if ctx.chain and ctx.chain_measure == "share":
        return f"{ctx.chain}占{ctx.chain_base}比重" if ctx.chain_base else f"{ctx.chain}比重"
    return None

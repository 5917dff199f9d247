"""Growth: a relative change in % (增长4.0%, 同比下降3.2%, 增速为5%, 同比-4%, 增长1.3倍 = 130%).

The measure word may also follow the figure (实现了6.5%的增长, 以8%的速度增长).
The sign comes from the verb (measure_verbs.txt), the base from the cue before it
(measure_bases.txt: 同比 → 上年同期, 比上年 → 上年 …), else from the nearest cue
earlier in the sentence, else from the one carried over.

>>> from hz_extract import extract
>>> [(r.measure, float(r.value), r.base) for r in extract("粮食产量比上年下降2.0%。")]
[('growth', -2.0, '上年')]
"""
from __future__ import annotations

import re
from decimal import Decimal

import regex

from .base import Context, Draft, Slot
from .cues import clean_base, cues, find_base
from .indicator import name

__all__ = ["FAMILY", "classify"]

FAMILY = "growth"

_NEG_RATE = ("降幅", "跌幅")
_AFTER = re.compile(r"^(?:左右|以上)?的(?:年均|平均)?(?P<word>增长|增速|增幅|涨幅|速度增长|下降|降幅|跌幅|下滑|回落)")
_NOT_WEEK = "一每黄年礼星双"
"""Characters before 周 that make it no week of a report (黄金周, 周年, 每周, 礼拜, 星期 …)."""


def classify(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """A growth draft when ``left`` (masked text from offset ``at`` to the figure) ends with a growth cue."""
    unit = slot.q.unit
    if unit not in ("%", "倍"):
        return None
    lex = ctx.lex
    c = cues(lex)
    m = c.growth.search(left)
    if m:
        sign = lex.verbs[m.group("verb")]
    elif unit == "%" and (m := c.rate.search(left)):
        sign = -1 if m.group("rate") in _NEG_RATE else 1
        if m.group("rate") == "增长率":
            before = name(ctx, at, at + m.start())
            if before and not lex.head_of(before) and before not in lex.aliases:
                return None  # 人口自然增长率为-0.41‰: a rate named as such is a level
    elif unit == "%" and (m := c.bare_base.search(left)):
        sign = 1
    elif unit == "%" and (after := _AFTER.match(ctx.right(slot))):
        # 实现了6.5%的增长, 以8%的速度增长: the measure word follows the figure
        sign = -1 if after.group("word") in ("下降", "降幅", "跌幅", "下滑", "回落") else 1
        d = ctx.from_slot(slot, "growth", "growth.after", value=slot.q.value * sign)
        d.cue = d.anchor = slot.start
        d.base = find_base(ctx, slot.start)
        return d
    else:
        return None
    cue_at = at + m.start()
    if named := m.group("base"):
        base = lex.base_of(named)
    elif m.group("since"):  # the growth and rate cues read one; a bare base cue always names its base
        base = clean_base(m.group("since"))  # 比4月份增长5%: the period compared with
    elif cue_at > 1 and ctx.text[cue_at - 1] == "周" and ctx.text[cue_at - 2] not in _NOT_WEEK:
        base = "上周"  # 周涨幅1.26%: a week's rise, against the week before
        cue_at -= 1  # the 周 is the cue's, not the name's (创业板指周涨幅 → 创业板指)
    else:
        base = find_base(ctx, cue_at)
    if unit == "倍":
        d = ctx.from_slot(slot, "growth", "growth.times", value=slot.q.value * 100 * sign, unit="%")
    else:
        d = ctx.from_slot(slot, "growth", "growth.percent", value=slot.q.value * sign)
        if slot.q.value_max is not None:
            d.value_max = slot.q.value_max * sign
            if sign < 0:
                d.value, d.value_max = d.value_max, d.value
    d.base = base
    d.anchor = d.cue = cue_at
    if d.value == 0:
        d.value = Decimal(0)
    return d

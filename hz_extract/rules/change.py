"""Change: an absolute change in the indicator's own unit (比上年增加888万吨, 减少50万公顷 → signed).

Only two-character verbs count (增加, 减少, 增长, 下降 …), so 增加值 and 新增 never
read as one, and a figure reached *to* (增加到, 增至) stays a level. 新增 counts only
after a base it is measured from (较年初新增1120家: the chain's count grew by that many).

>>> from hz_extract import extract
>>> [(r.measure, int(r.value)) for r in extract("城镇新增就业岗位6007个,比上年减少587个。")]
[('level', 6007), ('change', -587)]
"""
from __future__ import annotations

import regex

from .base import Context, Draft, Slot
from .cues import clean_base, cues, find_base

__all__ = ["FAMILY", "classify"]

FAMILY = "change"

_NOT_CHANGE = ("%", "pp", "倍")
_SINCE_NEW = regex.compile(r"(?:比|较)(?P<since>[^#,;比较]{0,8}?(?:年|月|季度|季|期|末|初|旬|周)(?:份|末|初|底)?)新增(?:了)?$")
"""新增 after the point it counts from (比上年末新增, 较年初新增): a change, not a flow named 新增."""


def classify(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """A change draft when ``left`` ends with 增加/减少/… and the figure has a non-% unit."""
    if slot.q.unit in _NOT_CHANGE:
        return None
    m = cues(ctx.lex).change.search(left)
    if not m and left.endswith(("新增", "新增了")) and ("较" in left or "比" in left):
        return _since_new(ctx, slot, left, at)
    if not m or slot.q.unit in ("位", "名") and (
            ctx.chain_measure == "rank" or any(d.measure == "rank" and d.end <= slot.start for d in ctx.drafts)):
        return None  # 排名第7位,较9月上升2位: a move in the ranking, no count of people
    verb = m.group("verb") or m.group("verb2")
    sign = ctx.lex.verbs[verb]
    d = ctx.from_slot(slot, "change", "change.amount", value=slot.q.value * sign)
    if slot.q.value_max is not None:
        d.value_max = slot.q.value_max * sign
        if sign < 0:
            d.value, d.value_max = d.value_max, d.value  # 下降6～8℃: -8 to -6
    if m.group("base") or m.group("base2"):
        d.base = ctx.lex.base_of(m.group("base") or m.group("base2"))
    elif m.group("since") or m.group("since2"):
        d.base = clean_base(m.group("since") or m.group("since2"))  # 比4月末减少306万平方米
    else:
        d.base = find_base(ctx, at + m.start(), "change")
    d.cue = d.anchor = at + m.start()
    return d


def _since_new(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """A change draft for 较年初新增 / 比上年末新增 (the base named, the sign always +), else None."""
    m = _SINCE_NEW.search(left)
    if not m:
        return None
    d = ctx.from_slot(slot, "change", "change.amount", value=slot.q.value)
    d.value_max = slot.q.value_max
    d.base = clean_base(m.group("since"))
    d.cue = d.anchor = at + m.start()
    return d

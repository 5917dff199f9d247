"""Losses: a loss is a negative level of the profit (上年同期亏损2.08亿元, 净亏损3.2亿元, 亏损额收窄至1.2亿元).

A balance written by its direction alone works the same way: 直接投资净流入21.4亿美元,上年同期为净流出5.2亿美元
gives the earlier period a level of −5.2亿美元 of the net inflow (顺差/逆差, 净买入/净卖出 alike).

A 盈利 (溢利) written the same way (上年同期为盈利2.3亿元, 去年同期录得溢利1.1亿港元) is a
level of the profit too; 股东应占亏损 is a loss of 股东应占溢利 (Hong Kong filings).

A company's results name a loss where a profit would stand: the record is a
``level`` of the profit with a negative value, not a level of something called
亏损. The profit is the one the words before the cue name (归母净利润亏损…), else
the chain's when it is a profit (``归属于上市公司股东的净利润3.17亿元,上年同期亏损2.08亿元``),
else 净利润 (减亏1.2亿元, 增亏…: a change of it). A name that is not a profit (亏损企业亏损额, the losses of loss-making
firms in a bulletin) is an indicator of its own and is left to the level family. A loss written right
after a base period (上年同期亏损…) is that period's: it takes the period mention's value.

>>> from hz_extract import extract
>>> [(r.indicator, float(r.value)) for r in extract("净利润3.17亿元,上年同期亏损2.08亿元。")]
[('净利润', 317000000.0), ('净利润', -208000000.0)]
"""
from __future__ import annotations

import regex

from .base import Context, Draft, Slot
from .cues import earlier_period, find_base
from .indicator import name

__all__ = ["FAMILY", "classify", "PROFIT_NAME", "profit_of"]

FAMILY = "loss"

_CUE = regex.compile(r"(?P<cue>(?:为|出现|录得|实现)?(?P<net>净)?(?P<kind>亏损|盈利|溢利)(?:额)?"
                     r"(?:收窄至|收窄到|扩大至|扩大到|减少至|减少到|增加至|增加到|为|达|达到|约)?)$")
_CUE_SPAN = 12
"""The longest a cue can be (为净亏损额收窄至 is nine characters)."""
PROFIT_NAME = regex.compile(r"(?:利润|净利|盈利|溢利)(?:总额)?$")
"""A name that is a profit (a loss is its negative level)."""
_DEFAULT = "净利润"
_GROUPS = ("企业", "单位", "公司", "行业", "户", "家")
_PER_SHARE = ("每股", "每股基本", "每股摊薄", "每股稀释")
"""What a name naming the losses of a group ends with (亏损企业亏损额)."""


def profit_of(chain: str | None) -> str:
    """The profit a loss with no name of its own is a level of: the chain's when it is one.

    >>> profit_of("归属于上市公司股东的净利润"), profit_of("营业收入")
    ('归属于上市公司股东的净利润', '净利润')
    """
    return chain if chain and PROFIT_NAME.search(chain) else _DEFAULT


def classify(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """A negative level of the profit for an amount of money right after 亏损 (为亏损, 净亏损, 亏损额…至),
    or a change of it after 减亏/增亏."""
    q = slot.q
    if q.kind != "money":
        return None
    tail = left[-_CUE_SPAN:]  # the words a cue may take up before the figure
    if "亏" not in tail and "盈利" not in tail and "溢利" not in tail:
        hint = ("净" in tail or "差" in tail) and _BALANCE_HINT.search(tail)  # every direction holds 净 or 差
        return _balance(ctx, slot, left, at) if hint else None
    m = _CUE.search(left)
    if m is None:
        return _narrowed(ctx, slot, left, at) if "亏" in tail else None
    cue = at + m.start()
    if m.group("kind") != "亏损" and ctx.text.endswith(_PER_SHARE, 0, cue):
        return None  # 每股盈利18.6港仙: earnings per share, a name of its own
    ca, _ = ctx.clause_of(slot.start)
    own = name(ctx, ca, cue) if ca < cue else ""
    if own and not PROFIT_NAME.search(own):
        if m.group("kind") != "亏损":
            return None  # 每股基本盈利: a noun inside a name; only a bare 盈利 is a verb here
        if own.endswith("应占"):
            own += "溢利"  # 股东应占亏损3.2亿港元: the holders' share of the profit (Hong Kong filings)
        elif ctx.t(ca, cue).endswith("的"):
            own += "的净利润" if m.group("net") else "的利润"  # 归属于上市公司股东的净亏损
        elif own.endswith(_GROUPS) or ctx.lex.head_of(own):
            return None  # 亏损企业亏损额: the losses of a group, an indicator of its own
        else:
            own = ""  # 该集团上半年净亏损: whose and when, no name
    if m.group("kind") != "亏损":
        d = ctx.from_slot(slot, "level", "loss.profit")  # 上年同期为盈利2.3亿元: a level of the profit
    else:
        d = ctx.from_slot(slot, "level", "loss.level", value=-q.value)
    d.period = earlier_period(ctx, ca, cue)  # 上年同期亏损2.08亿元: the loss is the earlier period's
    if q.value_max is not None and d.value < 0:
        d.value, d.value_max = -q.value_max, -q.value
    d.cue = d.anchor = cue
    if own:
        d.indicator = own
    else:
        d.hint = "loss"  # the chain's profit, settled in text order
    return d


_NARROWED = regex.compile(r"(?P<cue>(?P<verb>减亏|增亏)了?)$")


def _narrowed(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """同比减亏1.2亿元: the profit rose by as much (增亏: fell), a change of the chain's profit."""
    m = _NARROWED.search(left)
    if m is None:
        return None
    sign = 1 if m.group("verb") == "减亏" else -1
    d = ctx.from_slot(slot, "change", "loss.change", value=slot.q.value * sign)
    if slot.q.value_max is not None:
        d.value_max = slot.q.value_max * sign
        if sign < 0:
            d.value, d.value_max = d.value_max, d.value
    d.cue = d.anchor = at + m.start()
    d.base = find_base(ctx, d.cue, "change")
    d.hint = "loss"
    return d


_OPPOSITE = {"净流入": "净流出", "净流出": "净流入", "顺差": "逆差", "逆差": "顺差", "净买入": "净卖出", "净卖出": "净买入"}
_BALANCE_HINT = regex.compile("|".join(_OPPOSITE))
_BALANCE = regex.compile(rf"(?:为|是|转为|呈|录得)?(?P<word>{'|'.join(_OPPOSITE)})(?:额)?(?:为|达|约)?$")


def _balance(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """上年同期为净流出5.2亿美元 after a net inflow: a level of the chain's balance, negative when the
    direction is the opposite of the chain's (settled in text order, see :func:`balance_of`). Only a
    direction with no name of its own before it (净流出资金5亿元 is a name: the level family's)."""
    m = _BALANCE.search(left)
    if m is None:
        return None
    cue = at + m.start()
    ca, _ = ctx.clause_of(slot.start)
    if ca < cue and name(ctx, ca, cue):
        return None
    d = ctx.from_slot(slot, "level", "loss.balance")
    d.period = earlier_period(ctx, ca, cue)  # 上年同期为净流出…: the earlier period's balance
    d.cue = d.anchor = cue
    d.hint = "balance:" + m.group("word")
    return d


def balance_of(chain: str | None, word: str) -> tuple[str, bool]:
    """The indicator a bare balance direction ``word`` is a level of, and whether its value turns
    negative: the chain's when the chain names this direction (as is) or the opposite one (negated),
    else the direction itself.

    >>> balance_of("直接投资项下净流入", "净流出"), balance_of(None, "顺差")
    (('直接投资项下净流入', True), ('顺差', False))
    """
    if chain and chain.endswith(word):
        return chain, False
    if chain and chain.endswith(_OPPOSITE[word]):
        return chain, True
    return word, False

"""Shares: a part of a whole or of a target, in % (占GDP比重达28.8%, 营收占比58%, 完成任务的142.4%, 贡献率为0.7%).

A figure against a base period's level is a share of it too (恢复至2019年的105%).
Also the share of a group that does something, named after the figure: 有近七成产品同比增长
(share 70 %, indicator 产品同比增长).

>>> from hz_extract import extract
>>> [(float(r.value), r.base) for r in extract("现代服务业增加值321.96亿元,占GDP的22.9%。") if r.measure == "share"]
[(22.9, 'GDP')]
"""
from __future__ import annotations

from functools import cache

import regex

from ..quantity_lexicon import lexicon as quantity_lexicon
from .base import Context, Draft, Slot
from .cues import clean_base
from .indicator import trim

__all__ = ["FAMILY", "classify"]

FAMILY = "share"

_TO = r"(?:一般|已|已经|进一步|继续|分别|首次|首度|再次|仍)?(?:为|达|达到|是|约|在|超过|提高到|上升到|提升至|升至|提高至|上升至)?"
_OF_TAIL = rf"占(?!比)(?P<base>[^#,;()]*?)(?:的?(?:比重|比例|份额)(?=\())?(?:#+|\([^)]*\))*的?(?:比重|比例|份额)?{_TO})$"


@cache
def _of() -> regex.Pattern[str]:
    """占…(比重), opened by an approximating word of qualifiers.json's 'before' when there is one (约占, 大约占)."""
    qual = quantity_lexicon()
    words = sorted((w for w, q in qual.before.items() if q == "approx" and not w.endswith("为")), key=len, reverse=True)
    not_after = qual.before_not_after  # 节约占用 is not 约占
    hedges = "|".join((f"(?<![{regex.escape(not_after[w])}])" if w in not_after else "") + regex.escape(w)
                      for w in words)
    return regex.compile(rf"(?P<cue>(?P<hedge>{hedges})?{_OF_TAIL}")
_RATIO = regex.compile(rf"(?P<cue>(?P<base>[^#,;\s]{{0,20}}?)占比{_TO})$")
_DONE = regex.compile(r"(?P<cue>完成(?P<base>[^#,;]*?)(?:#+|\([^)]*\))*的)$")
_CONTRIB = regex.compile(rf"(?P<cue>(?:对(?P<base>[^#,;]*?)的?)?贡献率{_TO})$")
_RECOVER = regex.compile(r"(?P<cue>(?:恢复至|恢复到|相当于|达到|为)(?P<base>[^#,;]{1,12}?(?:年|期|水平|同期|承载量|容量|产能))的)$")
_WEIGHT = regex.compile(rf"(?P<cue>(?<!增速|增幅)比重{_TO})$")
_LOCAL_WHOLE = regex.compile(r"^(?:全市|全省|全区|全县|全州|我市|我省|我区|本市|本省)(?=\p{Han}{2})(?!比重|比例|平均)")
"""占全市港口货物吞吐量的42.0%: the local word names the place, the base is what it holds (全省 alone stays)."""


def classify(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """A share draft for a % after 占…(比重), 占比, 完成…的 or 贡献率, or before the part it counts."""
    if slot.q.unit != "%":
        return None
    part = _part(ctx, slot, left)
    if part is not None:
        return part
    # Each pattern needs a literal word, which the words before most figures lack: a look for it comes first.
    of_first = "占" in left and left.rfind("完成") > left.rfind("占")  # 占全部完成投资的47.7%: a share of
    for pat, rule, word in _tried(of_first):
        m = pat.search(left) if word in left else None
        if m:
            break
    else:
        return _of_whole(ctx, slot, left) if "全" in left[-4:] else None
    raw, anchor = m.groupdict().get("base"), at + m.start()
    if rule == "share.ratio" and raw:
        raw, anchor = _after_mentions(ctx, raw, at + m.start("base"))
    base = clean_base(raw)
    if base and base[0] in "全我本":
        base = _LOCAL_WHOLE.sub("", base)
    d = ctx.from_slot(slot, "share", rule)
    d.cue = d.anchor = anchor
    if rule == "share.ratio" and base:
        d.hint = "ratio"  # 营收占比58%: the chain settles whether 营收 is the whole or the part
    d.base = base
    if m.groupdict().get("hedge") and d.qualifier == "exact":
        d.qualifier = "approx"  # 约占地区生产总值的55%: the share is approximate
    return d


@cache
def _tried(of_first: bool) -> tuple[tuple[regex.Pattern[str], str, str], ...]:
    """The share patterns in the order they are tried, with the word each needs; 占…的 before 完成…的
    when the 占 comes first (占全部完成投资的47.7% is a share of the whole, not a completion)."""
    done, of = (_DONE, "share.done", "完成"), (_of(), "share.of", "占")
    return ((of, done) if of_first else (done, of)) + (
        (_CONTRIB, "share.contribution", "贡献率"), (_RATIO, "share.ratio", "占比"),
        (_WEIGHT, "share.weight", "比重"), (_RECOVER, "share.recovery", "的"))


def _after_mentions(ctx: Context, phrase: str, start: int) -> tuple[str, int]:
    """``phrase`` (at absolute ``start``) from the end of the last period or subject named in it,
    trimmed of fillers, and where that rest starts: 2024年全市数字经济核心产业增加值占比 names
    数字经济核心产业增加值, and the period and subject before it stay the record's own."""
    end = start + len(phrase)
    cut = start
    for mention in (*ctx.near(start, end), *ctx.near(start, end, subjects=True)):
        if start <= mention.start and mention.end <= end:
            cut = max(cut, mention.end)
    return trim(phrase[cut - start:], ctx.lex), cut


_WHOLE_LEFT = regex.compile(r"(?P<qual>不足|不到|超过|逾|近|约|接近)?(?P<whole>全国|全省|全市|全区|全县|全球|全世界)$")
_WHOLE_RIGHT = regex.compile(r"^的(?P<noun>\p{Han}{2,10}?)(?=[#,;:。!?()]|$|创造|贡献|实现|完成|生产|吸纳|集聚|承载|拥有|带动)")


def _of_whole(ctx: Context, slot: Slot, left: str) -> Draft | None:
    """``以不足全国3%的土地面积,创造了全国约十分之一的经济总量``: a share of the whole named right before
    the figure, of the noun right after it (土地面积, base 全国); a qualifier before the whole is the figure's."""
    w = _WHOLE_LEFT.search(left)
    m = _WHOLE_RIGHT.match(ctx.right(slot)) if w else None
    if m is None:
        return None
    noun = trim(m.group("noun"), ctx.lex, split=False)
    if not noun:
        return None
    d = ctx.from_slot(slot, "share", "share.of_whole", indicator=noun)
    d.cue = d.anchor = slot.start
    d.base = w.group("whole")
    if w.group("qual") and d.qualifier == "exact":
        d.qualifier = quantity_lexicon().before.get(w.group("qual"), d.qualifier)
    return d


_PART_LEFT = ("有", "其中", "中", "约", "近")
"""What the words before a counted part end with (or there are none)."""
_PART_RIGHT = regex.compile(r"^的?(?P<noun>[\p{Han}“”]{1,12}?)(?P<verb>同比|比上年|实现|表示|认为|选择|来自|属于|为|是|已|均|都|增长|下降|出现|获得|达到)")


def _part(ctx: Context, slot: Slot, left: str) -> Draft | None:
    """``有近七成产品同比增长``, ``87%的受访者表示满意``: the share of a group that does something.

    The indicator is the part named after the figure (产品同比增长); the whole, when the
    words before the figure end in 有 (在统工业产品有), is the base.
    """
    before = left.rstrip()
    if before and not before.endswith(_PART_LEFT):
        return None
    m = _PART_RIGHT.match(ctx.right(slot))
    if not m:
        return None
    rest = ctx.right(slot).removeprefix("的")
    cut = regex.search(r"[#,;:。!?()]", rest)
    phrase = trim(rest[:cut.start()] if cut else rest, ctx.lex, split=False)
    if not phrase:
        return None
    d = ctx.from_slot(slot, "share", "share.part", indicator=phrase)
    d.cue = d.anchor = slot.start
    whole = regex.search(r"(?P<w>[^#,;:。的]{2,12}?)有$", left.rstrip())
    d.base = trim(whole.group("w"), ctx.lex) or None if whole else None
    return d

"""From-to changes: ``从2022年的126万元提升至2024年的190万元`` → two levels, one per period.

The verb between the two figures may be any growth or decline verb followed by
至/到/为 (提升至, 增加到, 下降为), or 变为/调整为/转为; each figure takes the period
written just before it (2022年的 …, 上年同期的 …). The indicator is the phrase before
从/由. A sum of money right after 亏损 is a loss, a negative level
(净利润由上年同期的亏损1.2亿元转为盈利0.8亿元).

>>> from hz_extract import extract
>>> [(r.period, int(r.value)) for r in extract("人均产值从2022年的126万元提升至2024年的190万元。")]
[('2022', 1260000), ('2024', 1900000)]
"""
from __future__ import annotations

import regex

from .base import Context
from .cues import clean_base
from .indicator import trim
from .lexicon import alternation

__all__ = ["FAMILY", "apply"]

FAMILY = "fromto"

_CACHE: dict[int, regex.Pattern[str]] = {}
_SHARE_OF = regex.compile(r"(?:^|(?P<part>[^#,;]{2,24}?))占(?:(?P<whole>[^#,;]{1,20}?)的?(?:比重|比例|份额)|比)$")


def _pattern(ctx: Context) -> regex.Pattern[str]:
    pat = _CACHE.get(id(ctx.lex))
    if pat is None:
        verbs = alternation([w for w in ctx.lex.verbs if len(w) > 1])
        pat = regex.compile(
            rf"(?P<from>从|由)(?P<p1>[^#,;]{{0,12}}?)(?P<q1>#+)(?:(?:{verbs})(?:至|到|为)|变为|调整为|转为|增至|升至|降至|提高至|扩大到|跃升至|跃升到|攀升至|攀升到)"
            rf"(?P<p2>[^#,;]{{0,12}}?)(?P<q2>#+)")
        _CACHE[id(ctx.lex)] = pat
    return pat


def _period_in(ctx: Context, a: int, b: int) -> str | None:
    for p in ctx.near(a, b + 1):
        if a <= p.start and p.end <= b + 1 and p.kind in ("period", "base"):  # 由上年同期的…: the base is a period here
            return p.value
    return None


def apply(ctx: Context) -> None:
    """Add the two levels of every from-to change of the sentence."""
    if "从" not in ctx.masked and "由" not in ctx.masked:
        return
    by_start = {s.start: s for s in ctx.slots}
    for m in _pattern(ctx).finditer(ctx.masked):
        s1, s2 = by_start.get(ctx.start + m.start("q1")), by_start.get(ctx.start + m.start("q2"))
        if s1 is None or s2 is None or s1.q.unit != s2.q.unit or s1.q.unit in (None, "pp"):
            continue
        cue = ctx.start + m.start("from")
        ca, _ = ctx.clause_of(cue)
        of = _SHARE_OF.search(ctx.m(ca, cue)) if s1.q.unit == "%" and "占" in ctx.m(ca, cue) else None
        first = None
        for s, (pa, pb) in ((s1, m.span("p1")), (s2, m.span("p2"))):
            loss = s.q.kind == "money" and ctx.masked.endswith("亏损", 0, pb)
            d = ctx.from_slot(s, "level", "fromto.level", value=-s.q.value if loss else None)  # 由亏损1.2亿元转为盈利…
            d.cue = cue
            d.period = _period_in(ctx, ctx.start + pa, ctx.start + pb)
            # 从2020年的71.1%提升至71.6%: the end point is not the start's year; it is the period the
            # sentence is about, read before the 从 as for any figure of the sentence.
            d.anchor = cue if s is s2 and d.period is None and first is not None else s.start
            first = d.period
            if of is not None:
                # 新能源汽车产业产值占全市汽车产业产值比重由21.5%提升至38.2%: two shares of the part
                # (…增长10.8%;占GDP比重从上年的10.6%提升至11.2%: the part is the chain's)
                part = trim(of.group("part"), ctx.lex) if of.group("part") else ""
                d.measure, d.rule = "share", "fromto.share"
                d.base = clean_base(of.group("whole")) if of.group("whole") else None  # 海外业务收入占比从…: no whole named
                if part:
                    d.indicator = part
                else:
                    d.hint = "chain"
            ctx.add(d)

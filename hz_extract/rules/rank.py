"""Ranks: a position among peers (位居全省第一, 稳居榜首, 列全国第三, 在全市排位第四, 位居全国前十).

The peer group (全省, 六区两县 …) becomes the base; ``前N`` is rank N with
qualifier ``up_to``. ``第一位的宁波市`` inside a comparison gives the rank of that
other subject.

>>> from hz_extract import extract
>>> [(int(r.value), r.base) for r in extract("制造业增加值增速位居全省第一。") if r.measure == "rank"]
[(1, '全省')]
"""
from __future__ import annotations

from decimal import Decimal

import re

import regex

from ..errors import QuantityError
from .base import Context, Draft
from .indicator import name, trim
from .lexicon import Lexicon, alternation

__all__ = ["FAMILY", "apply", "ordinal_value"]

FAMILY = "rank"

_N = r"\d{1,3}|[一二三四五六七八九十两]{1,3}"
_END = r"(?=$|[^\p{Han}]|的|和|、|并|且|以|位置)"
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_STREAK = regex.compile(r"^(?:连续|已连续|持续)?[\d一二三四五六七八九十两]+(?:年|个月|个季度|届)|^(?:多年|常年|始终|一直|再次|继续)")
_CACHE: dict[int, tuple[regex.Pattern[str], regex.Pattern[str]]] = {}
_NEEDS: dict[int, re.Pattern[str]] = {}
_PEER_SIZE: dict[int, regex.Pattern[str]] = {}
_ASSESSMENT = regex.compile(r"考核|评价|评估|评比|测评|榜单|排行")
"""A peer group named by an assessment (全国经开区综合发展水平考核): what it ranks is named by it,
not by the chain (居全国沿海港口第8位 ranks the chain's 港口货物吞吐量)."""


def _patterns(lex: Lexicon) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    pats = _CACHE.get(id(lex))
    if pats is None:
        verbs = alternation(lex.rank_verbs)
        top = alternation(lex.rank_top)
        rank = regex.compile(
            rf"(?:在(?P<peer1>[^#,;。在]{{1,10}}?))?(?P<verb>{verbs})(?P<peer2>[^#,;。第前]{{0,16}}?)"
            rf"(?:第(?P<n>{_N})(?:位|名)?|前(?P<upto>{_N})(?:位|名|强)?|(?P<top>{top})){_END}")
        other = regex.compile(rf"第(?P<n>{_N})(?:位|名)的")
        # 在全市12个县市区中排名第三: the count is the size of the peer group, no figure of its own
        _PEER_SIZE[id(lex)] = regex.compile(rf"在[^#,;。在]{{0,6}}?(?P<size>#+)[^#,;。]{{1,8}}?中(?:{verbs})")
        # A rank holds 第, 前 or a top word (榜首): a sentence without any has none, and the
        # standard re tells that faster than the rank pattern tried at every 在 and verb.
        _NEEDS[id(lex)] = re.compile("|".join(re.escape(w) for w in sorted({"第", "前", *lex.rank_top}, key=len)))
        pats = (rank, other)
        _CACHE[id(lex)] = pats
    return pats


def ordinal_value(s: str) -> int | None:
    """The number of an ordinal's digits (``3`` → 3, ``三`` → 3, ``十二`` → 12), else None."""
    if s.isdigit():
        return int(s)
    try:
        from ..quantities import parse_quantity

        v = parse_quantity(s).value
        if v == v.to_integral_value() and 0 < v < 1000:
            return int(v)
    except (QuantityError, ValueError, AttributeError):
        pass
    if len(s) == 1:
        return 10 if s == "十" else _CN.get(s)
    if len(s) == 2 and s[0] == "十":
        return 10 + (_CN.get(s[1]) or 0) if s[1] in _CN else None
    if len(s) == 2 and s[1] == "十" and s[0] in _CN:
        return 10 * _CN[s[0]]
    if len(s) == 3 and s[1] == "十" and s[0] in _CN and s[2] in _CN:
        return 10 * _CN[s[0]] + _CN[s[2]]
    return None


def _last_verb(peer: str, verbs: tuple[str, ...]) -> tuple[int, str] | None:
    """The last rank verb written inside what the pattern took for the peer group, as (offset, verb):
    the pattern starts at the first verb, and the name may hold one (入围数量居全国 → 居 at 2)."""
    found = None
    i = 0
    while i < len(peer):
        v = max((v for v in verbs if peer.startswith(v, i)), key=len, default=None)
        if v is None or peer.startswith("居民", i):
            i += 1
            continue
        found = (i, v)
        i += len(v)
    return found


_FRAME = regex.compile(r"在(?P<x>[^,;。#]{2,24}?)(?:榜单|排行榜|排名|评价|评比|测评|名单|指数)中")


def _frame(ctx: Context, clause_start: int) -> str:
    """The list a rank is taken in, named by a frame before it: 在中国城市新能源汽车发展指数榜单中,
    合肥连续两年进入前10 → 中国城市新能源汽车发展指数."""
    last = None
    for m in _FRAME.finditer(ctx.masked, 0, clause_start - ctx.start):
        last = m
    if last is None:
        return ""
    x = last.group("x")
    if last.group().endswith("指数中"):
        x += "指数"
    return trim(x, ctx.lex)


def apply(ctx: Context) -> None:
    """Find the ranks of the sentence and add them as drafts."""
    rank, other = _patterns(ctx.lex)
    if _NEEDS[id(ctx.lex)].search(ctx.masked) is None:
        return  # no 第, 前 or top word: neither pattern can match
    if "中" in ctx.masked:
        for m in _PEER_SIZE[id(ctx.lex)].finditer(ctx.masked):
            at = ctx.start + m.start("size")
            for slot in ctx.slots:
                if slot.start == at and slot.index not in ctx.claimed:
                    ctx.unmask(slot)  # the peer group's size reads as words again
    for m in rank.finditer(ctx.masked):
        if m.group("top"):
            value, qual = 1, "exact"
        else:
            raw = m.group("n") or m.group("upto")
            v = ordinal_value(raw)
            if v is None:
                continue
            value, qual = v, ("up_to" if m.group("upto") else "exact")
        name_end = ctx.start + m.start()
        peer2 = m.group("peer2") or ""
        again = _last_verb(peer2, ctx.lex.rank_verbs) if peer2 else None
        if again:  # 综合排名位居全省第5位, 入围数量居全国第四位: the first verb belongs to the name
            at, verb = again
            name_end, peer2 = ctx.start + m.start("peer2") + at, peer2[at + len(verb):]
        peer = _STREAK.sub("", (peer2 or m.group("peer1") or "").strip())
        peer = peer.strip("在于了").removesuffix("中") or None
        if peer is None and not ctx.rank_base:
            # 2024全省…评价公布,杭州…稳居榜首: the group named earlier in the sentence
            pos = ctx.start + m.start()
            peer = next((s.text for s in ctx.near(max(ctx.start, pos - 80), pos, subjects=True)
                         if s.kind in ("local", "national") and s.start < pos), None)
        if peer:
            ctx.rank_base = peer
        a = ctx.start + m.start()
        ca, _ = ctx.clause_of(a)
        num_at = ctx.start + (m.start("n") if m.group("n") else m.start("upto") if m.group("upto") else m.start("top"))
        start = num_at - 1 if (m.group("n") or m.group("upto")) else num_at
        end = ctx.start + m.end()
        own = name(ctx, ca, name_end) or _frame(ctx, ca)
        if not own and peer and _ASSESSMENT.search(peer):
            own = peer + "排名"  # 进入全国经开区综合发展水平考核前30位: a named assessment ranks it
        ctx.add(Draft(start=start, end=end, measure="rank", value=Decimal(value), unit=None, qualifier=qual,
                      rule="rank.position", indicator=own or None, base=peer or ctx.rank_base,
                      anchor=a, cue=a))
    for m in other.finditer(ctx.masked):
        after = ctx.start + m.end()
        who = next((s for s in ctx.near(after, after + 1, subjects=True)
                    if s.start == after and s.kind in ("region", "org")), None)
        v = ordinal_value(m.group("n"))
        if who is None or v is None:
            continue
        ctx.add(Draft(start=ctx.start + m.start(), end=ctx.start + m.end() - 1, measure="rank", value=Decimal(v),
                      unit=None, rule="rank.other", indicator=None, base=ctx.rank_base, subject=who.name,
                      anchor=ctx.start + m.start(), cue=ctx.start + m.start(), hint="chain"))

"""分别 lists: values distributed over the items before them.

``工业控制计算机及系统、集成电路、汽车仪器仪表产量分别增长40.9%、50.1%和64.7%`` gives
one growth per item, with the head shared by the items (产量, read from
indicator_heads.txt) attached to each; ``香洲、金湾和斗门三个行政区分别实现地区生产总值
a、b和c`` has regions for items (known region names, or a label such as 三个区), so they
become subjects of one indicator. A later
``分别增长x、y和z`` with no items of its own reuses the last list of the sentence,
or, when there is none, the indicators the sentence has just named, one each
(``接待游客1.2亿人次,实现旅游总收入1500亿元,分别增长25.3%和30.1%``).
Without 分别, as many figures as items written out (营业收入和净利润同比增长12%和15%)
are paired the same way, and a figure shared by a counted group (``有色金属压延业、通信设备、通用设备三大
行业增速超50%``) is distributed over its items too (:func:`~hz_extract.rules.items.distribute`).
The items are split so that their number equals the number of values (on 、
first, then also on the last 和/及/与, then on all of them).

>>> from hz_extract import extract
>>> [r.indicator for r in extract("集成电路、汽车仪器仪表产量分别增长50.1%和64.7%。")]
['集成电路产量', '汽车仪器仪表产量']
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from ..zones import zone_words
from .base import Context, Draft, Slot
from .indicator import skip_lead, trim
from .items import group_name, heads, split_group, split_items
from .lexicon import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from ..subjects import SubjectMention
__all__ = ["FAMILY", "apply"]

FAMILY = "lists"

Classify = Callable[[Context, Slot, str, int], Draft | None]

_BETWEEN = regex.compile(r"^\s*(?:、|和|及|与|以及|,|或)\s*$")
_VERB_GLUE: dict[int, regex.Pattern[str]] = {}


def _verb_glue(lex: Lexicon) -> regex.Pattern[str]:
    """A list separator followed by a value's own measure verb (增长2.5%、下降0.8%和增长6.7%)."""
    pat = _VERB_GLUE.get(id(lex))
    if pat is None:
        from .lexicon import alternation

        verbs = alternation(w for w in lex.verbs if len(w) > 1)
        bases = alternation(lex.bases)
        pat = _VERB_GLUE[id(lex)] = regex.compile(rf"^\s*(?:、|和|及|与|以及|,|或)\s*(?:{bases})?(?:{verbs})了?$")
    return pat


_AND = regex.compile(r"^\s*(?:、|和|及|与|以及)\s*$")
_TOWARD = regex.compile(r"^[^、]{1,12}?(?:对|向|与|同)(?=[^、]+、)")
_TO_FIRST = regex.compile(r"^[对向](?!外|内)\p{Han}{2}")
_PERIOD_ITEM = regex.compile(r"(?:季度|月份|月|半年|年度|年|旬)$")


def apply(ctx: Context, classify: Classify) -> None:
    """Distribute the values of every 分别 clause of the sentence, and of clauses listing as
    many items as values without it (营业收入和净利润同比增长12%和15%)."""
    each = "分别" in ctx.masked
    clause_of = [s.clause for s in ctx.slots]
    if not each and len(set(clause_of)) == len(clause_of):
        return  # most sentences: no 分别, and no clause with two figures to pair
    for k, (ca, cb) in enumerate(ctx.clauses):
        p = ctx.m(ca, cb).find("分别") if each else -1
        if p >= 0:
            at = ca + p
            vals = [s for s in ctx.slots_in_clause(k) if s.start > at and s.index not in ctx.claimed]
            if vals and k + 1 < len(ctx.clauses):
                vals += _continued(ctx, k, vals)
            if len(vals) < 2 or not _joined(ctx, vals):
                continue
            _distribute(ctx, classify, ca, at, at + 2, vals, strict=False)
            continue
        run = _run(ctx, k)
        if run:
            la = max(ca, run[0].start - 80)
            d0 = classify(ctx, run[0], ctx.m(la, run[0].start), la)
            if d0 is not None and d0.cue is not None and ca < d0.cue <= run[0].start:
                _distribute(ctx, classify, ca, d0.cue, d0.cue, run, strict=True)


def _continued(ctx: Context, k: int, vals: list[Slot]) -> list[Slot]:
    """The values of the clauses after clause ``k`` that only go on with its 分别 list, each in
    the list's unit (分别增长2.5%,下降0.8%; 分别为120亿元,85亿元和60亿元); ``[]`` when the next
    clause says something of its own (分别增长2.5%和3.1%,占全市的40%)."""
    cb = ctx.clauses[k][1]
    if ctx.m(vals[-1].end, cb).strip(" ,"):
        return []  # the 分别 clause goes on after its last value
    unit, more = vals[0].q.unit, []
    for j in range(k + 1, len(ctx.clauses)):
        slots = ctx.slots_in_clause(j)
        if not slots or any(s.q.unit != unit or s.index in ctx.claimed for s in slots):
            break
        if ctx.m(slots[-1].end, ctx.clauses[j][1]).strip(" ,;。") or not _joined(ctx, [(more or vals)[-1], *slots]):
            break  # the clause goes on after its figures (85亿元的投资), or names its own (油料增长1.1%)
        more += slots
    return more


def _joined(ctx: Context, vals: list[Slot]) -> bool:
    """Whether the values follow one another, each after a separator and perhaps its own verb."""
    glue = None
    for x, y in zip(vals, vals[1:]):
        between = ctx.m(x.end, y.start)
        if _BETWEEN.match(between):
            continue
        glue = glue or _verb_glue(ctx.lex)
        if not glue.match(between):
            return False
    return True


def _run(ctx: Context, k: int) -> list[Slot]:
    """The first run of two or more figures of clause ``k`` joined by 、/和/及 (no 分别)."""
    slots = ctx.slots_in_clause(k)
    if len(slots) < 2:
        return []
    slots = [s for s in slots if s.index not in ctx.claimed]
    for i in range(len(slots) - 1):
        j = i
        while j + 1 < len(slots) and _AND.match(ctx.m(slots[j].end, slots[j + 1].start)):
            j += 1
        if j > i:
            return slots[i:j + 1]
    return []


_BASE_ENDS = ("比", "年", "期", "末", "初", "月")
"""The last characters of the base cues a list may end with before 分别 (同比, 比上年, 较上年同期 …)."""


def _strip_base(pre: str, lex: Lexicon) -> str:
    """``pre`` without the longest base cue it ends with (``…产量同比`` → ``…产量``)."""
    for base in sorted(lex.bases, key=len, reverse=True):
        if pre.endswith(base) and len(pre) > len(base):
            return pre[:-len(base)].rstrip(" ,")
    return pre


_QUARTER = regex.compile(r"^(?P<y>\d{4})Q(?P<n>[1-4])$")
_MONTH = regex.compile(r"^(?P<y>\d{4})-(?P<n>\d{2})$")
_ELIDED = regex.compile(r"(?P<nums>[一二三四1-9](?:\s*[、和及]\s*(?:[一二三四]|1[0-2]|[1-9]))*)\s*[、和及]\s*$")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4}


def _periods(ctx: Context, ca: int, at: int, n: int) -> tuple[list[str], int]:
    """The ``n`` periods a list's values are stated for (一季度、二季度、三季度GDP; 一、二、三季度,
    the first ones cut short), and where the words after them start; ``([], at)`` when there are none."""
    ps = [p for p in ctx.near(ca, at) if p.kind == "period" and p.value and ca <= p.start and p.end <= at]
    if not ps:
        return [], at
    run = [ps[-1]]
    for p in reversed(ps[:-1]):
        if not _AND.match(ctx.t(p.end, run[0].start)):
            break
        run.insert(0, p)
    if len(run) == n:
        return [p.value for p in run], run[-1].end
    last = run[-1]
    m = _QUARTER.match(last.value) or _MONTH.match(last.value)
    cut = _ELIDED.search(ctx.t(ca, last.start)) if m and len(run) == 1 else None
    if cut is None:
        return [], at
    nums = [_NUMERALS.get(x) or int(x) for x in regex.findall(r"[一二三四]|1[0-2]|[1-9]", cut.group("nums"))]
    if len(nums) + 1 != n:
        return [], at
    form = "{y}Q{n}" if last.value[4] == "Q" else "{y}-{n:02d}"
    return [form.format(y=m.group("y"), n=k) for k in nums] + [last.value], last.end


def _by_period(ctx: Context, classify: Classify, ca: int, at: int, vals: list[Slot]) -> bool:
    """Give each value its period when the list's items are periods (一、二、三季度GDP分别增长…);
    the indicator is what follows them, else the chain's."""
    periods, end = _periods(ctx, ca, at, len(vals))
    k = ctx.clause_index(ca)
    if not periods and k > 0 and not ctx.slots_in_clause(k - 1):
        periods, end = _periods(ctx, ctx.clauses[k - 1][0], at, len(vals))  # 一季度、二季度和三季度,全省…分别
    if not periods:
        return False
    own = trim(_strip_base(ctx.t(end, at).strip(" ,"), ctx.lex), ctx.lex)
    la = max(ca, vals[0].start - 80)
    left = ctx.m(la, vals[0].start)
    for i, s in enumerate(vals):
        if i and not _BETWEEN.match(ctx.m(vals[i - 1].end, s.start)):
            left = ctx.m(la, s.start)
        d = classify(ctx, s, left, la)
        if d is None:
            continue
        d.rule, d.period = "list.period." + d.rule, periods[i]
        if own:
            d.indicator = own
        else:
            d.hint = "inherit"
        ctx.add(d)
    return True


_CONTRACTED_FIRST = frozenset("城大内")
"""The first characters of indicator_contractions.txt's words (a cheap test before the lookup)."""


def _expand(pre: str, n: int, lex: Lexicon) -> list[str]:
    """The ``n`` items a contracted word at the start of ``pre`` stands for, each with the rest
    of ``pre`` (城乡居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入), else ``[]``."""
    for word, items in lex.contractions.items():
        if pre.startswith(word) and len(items) == n and len(pre) > len(word):
            return [i + pre[len(word):] for i in items]
    return []


def _distribute(ctx: Context, classify: Classify, ca: int, at: int, verb_from: int, vals: list[Slot],
                *, strict: bool) -> None:
    """Give each value of a list its item; ``strict``: only when the items are written out."""
    if ctx.periods and _by_period(ctx, classify, ca, at, vals):
        return
    lead = skip_lead(ctx, ca, at, subjects=False)
    pre = ctx.t(lead, at).strip(" ,")
    if pre.endswith(_BASE_ENDS):
        pre = _strip_base(pre, ctx.lex)  # 集成电路产量同比分别增长: the base is no part of the last item
    toward = _TOWARD.search(pre)
    if toward and ("、" in pre[toward.end():] or regex.search("和|及|与", pre[toward.end():])):
        pre = pre[toward.end():]  # 宁波对欧盟、美国和东盟分别进出口…: the items follow 对
    items_text, rest, places = split_group(pre)
    ctx.list_group = group_name(pre) or ctx.list_group
    has_sep = "、" in items_text or regex.search("和|及|与", items_text)
    items = split_items(items_text, len(vals)) if has_sep else []
    items = [i.strip(" “”\"") for i in items]
    if len(items) > 1 and _TO_FIRST.match(items[0]) and not any(i.startswith(items[0][0]) for i in items[1:]):
        items = [items[0]] + [items[0][0] + i for i in items[1:]]  # 对欧盟、美国进出口: 对 goes with each
    if strict and not items:
        return
    kind, names, shared = "", [], ""
    if not items and pre[:1] in _CONTRACTED_FIRST and (expanded := _expand(pre, len(vals), ctx.lex)):
        kind, names = "indicator", [trim(n, ctx.lex) or n for n in expanded]  # 城乡居民…分别: 城镇居民…, 农村居民…
        ctx.list_items, ctx.list_kind = names, kind
    if items and _PERIOD_ITEM.search(items[-1]) and all(len(i) <= 4 for i in items):
        items, kind = [], "periods"  # 一、二季度分别增长…: periods of the chain's indicator
    if items:
        near = ctx.near(ca, at, subjects=True)
        subj = {s.text for s in near} | {s.name for s in near}
        verb_text = ctx.t(verb_from, vals[0].start)
        if places or all(i in subj for i in items) or _places(items, subj):
            kind, names = "subject", [_subject_name(near, i) or i for i in items]
            shared = trim(rest, ctx.lex) or trim(verb_text, ctx.lex)
        elif rest:
            head = ctx.lex.head_of(rest) or trim(rest, ctx.lex)
            kind, names = "indicator", [trim(i + head, ctx.lex) or i + head for i in items]
        else:
            kind, names = "indicator", [trim(n, ctx.lex) or n for n in heads(ctx, items, verb_text)]
        ctx.list_items, ctx.list_kind = names, kind
    elif kind == "periods":
        pass
    elif len(ctx.list_items) == len(vals):
        kind, names = ctx.list_kind, ctx.list_items
    elif not ctx.t(lead, at).strip(" ,"):
        kind = "each"  # 接待游客1.2亿人次,实现旅游总收入1500亿元,分别增长25.3%和30.1%
    la = max(ca, vals[0].start - 80)
    left = ctx.m(la, vals[0].start)
    for i, s in enumerate(vals):
        if i and not _BETWEEN.match(ctx.m(vals[i - 1].end, s.start)):
            left = ctx.m(la, s.start)  # 增长2.5%、下降0.8%: a value with its own verb reads it
        d = classify(ctx, s, left, la)
        if d is None:
            continue
        d.rule = "list." + d.rule
        if kind == "subject":
            d.subject = names[i]
            if shared:
                d.indicator = shared
        elif kind == "indicator":
            d.indicator = names[i]
            if d.rule == "list.share.contribution" and names[i].find("对") >= 2:
                d.indicator = names[i][:names[i].find("对")]  # 第一产业对经济增长的贡献率: what contributes
        elif kind == "each":
            d.hint = f"each:{i}:{len(vals)}"
        elif kind == "periods":
            d.hint = "inherit"
        ctx.add(d)


_DISTRICT = regex.compile(r"^\p{Han}{1,3}[区县]$")


def _places(items: list[str], subj: set[str]) -> bool:
    """Whether the items are places though not all are subjects found nearby: each is a
    subject, a district or county name (包河区, 临平区), or a zone named by its zone word
    alone or with its name (高新区、包河区分别成交…, 滨江高新区), with a subject among them
    or a zone word standing alone, so 纺织、食品两区 is no list of places."""
    zones = zone_words()
    if not any(i in subj or i in zones for i in items):
        return False
    ends = tuple(zones)
    return all(i in subj or _DISTRICT.match(i) or i.endswith(ends) for i in items)


def _subject_name(near: list[SubjectMention], item: str) -> str | None:
    for s in near:
        if item in (s.text, s.name):
            return s.name
    return None

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
行业增速超50%``) is distributed over its items too (:func:`distribute`).
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

from .base import Context, Draft, Slot
from .indicator import skip_lead, trim
from .lexicon import Lexicon, lexicon

if TYPE_CHECKING:  # pragma: no cover
    from ..subjects import SubjectMention
__all__ = ["FAMILY", "apply", "split_items", "distribute"]

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
        pat = _VERB_GLUE[id(lex)] = regex.compile(rf"^\s*(?:、|和|及|与|以及|,|或)\s*(?:{verbs})了?$")
    return pat


_AND = regex.compile(r"^\s*(?:、|和|及|与|以及)\s*$")
_TOWARD = regex.compile(r"^[^、]{1,12}?(?:对|向|与|同)(?=[^、]+、)")
_TO_FIRST = regex.compile(r"^[对向](?!外|内)\p{Han}{2}")
_NUMERAL_ITEM = regex.compile(r"^第?[一二三四五六七八九十]$")
_PERIOD_ITEM = regex.compile(r"(?:季度|月份|月|半年|年度|年|旬)$")
_LAST_AND = regex.compile(r"^(?P<a>.+)(?:以及|和|及|与)(?P<b>[^和及与]+)$")


_GROUP_LABEL = regex.compile(
    r"(?<![第\d一二三四五六七八九十两])(?:等)?[\d一二三四五六七八九十两]+(?:(?:个|大|类|种|家|项|座|所)\p{Han}{0,4}?)?"
    r"(?P<noun>行政区|设区市|城市|地区|市|区|县|省|州|镇|乡|国家|行业|产业|企业|部门|大类|门类|领域|板块|园区)")


def _group(pre: str) -> tuple[str, str, bool]:
    """Split ``A、B两市地区生产总值`` into the items, what follows the group label, and
    whether the label names places.

    >>> _group("杭州、宁波两市地区生产总值")
    ('杭州、宁波', '地区生产总值', True)
    >>> _group("香洲、金湾和斗门三个行政区")
    ('香洲、金湾和斗门', '', True)
    >>> _group("钢材、水泥和平板玻璃产量")
    ('钢材、水泥和平板玻璃产量', '', False)
    >>> _group("集成电路和机器人“两大件”产值")
    ('集成电路和机器人', '产值', False)
    """
    q = _QUOTED.match(pre) if "“" in pre or '"' in pre else None
    if q:
        return q.group("items").removesuffix("等"), q.group("rest"), False
    last_sep = max(pre.rfind("、"), pre.rfind("和"), pre.rfind("及"), pre.rfind("与"))
    if last_sep < 0:
        return pre, "", False
    m = _GROUP_LABEL.search(pre, last_sep + 1)
    if not m or m.start() == last_sep + 1:
        return pre, "", False
    places = m.group("noun") in _PLACE_NOUNS
    return pre[:m.start()].removesuffix("等"), pre[m.end():], places


def group_name(pre: str) -> str:
    """The name a counted or quoted group gives its items together (三大主导产业签约项目), or ``""``."""
    q = _QUOTED.match(pre) if "“" in pre or '"' in pre else None
    if q:
        return q.group("label") + q.group("rest")
    last_sep = max(pre.rfind("、"), pre.rfind("和"), pre.rfind("及"), pre.rfind("与"))
    m = _GROUP_LABEL.search(pre, last_sep + 1) if last_sep >= 0 else None
    return pre[m.start():] if m and m.start() > last_sep + 1 else ""


_QUOTED = regex.compile(r"^(?P<items>[^“”\"]*?(?:、|和|及|与)[^“”\"]*?)[“\"](?P<label>[^“”\"、,]{1,8})[”\"](?P<rest>[^“”\"]*)$")
"""Items a quoted label names together: A、B和C“三大件”产值 (items, label, what follows)."""
_PLACE_NOUNS = frozenset({"行政区", "设区市", "城市", "地区", "市", "区", "县", "省", "州", "镇", "乡", "园区"})


def split_items(text: str, n: int) -> list[str]:
    """Split a list of ``n`` items (``A、B和C``), or return ``[]`` when no split gives ``n``.

    >>> split_items("工业控制计算机及系统、集成电路、汽车仪器仪表产量", 3)
    ['工业控制计算机及系统', '集成电路', '汽车仪器仪表产量']
    >>> split_items("香洲、金湾和斗门", 3)
    ['香洲', '金湾', '斗门']
    """
    parts = [p for p in text.split("、")]
    if len(parts) == n and all(parts):
        return parts
    m = _LAST_AND.match(parts[-1])
    if m:
        alt = parts[:-1] + [m.group("a"), m.group("b")]
        if len(alt) == n and all(alt):
            return alt
    alt = [p for p in regex.split(r"、|以及|和|及|与", text)]
    if len(alt) == n and all(alt):
        return alt
    return []


_GROUP = regex.compile(r"^(?P<items>[^、,]+(?:、[^、,]+)+?)等?(?P<n>[两二三四五六七八九十]|\d{1,2})(?:大|个|类|种|项)"
                       r"(?P<noun>\p{Han}{1,8})$")


def distribute(name: str, lex: Lexicon | None = None) -> list[str]:
    """The items of a named group sharing one figure (``A、B、C三大行业`` → A, B, C), else ``[]``.

    An indicator head after the group's noun goes with each item
    (``A、B两大行业增加值`` → A增加值, B增加值).

    >>> distribute("有色金属压延业、通信设备、通用设备三大行业")
    ['有色金属压延业', '通信设备', '通用设备']
    >>> distribute("机械、化工两大行业增加值")
    ['机械增加值', '化工增加值']
    """
    m = _GROUP.match(name) if "、" in name else None  # a group lists its items with 、
    if not m:
        return []
    from .rank import ordinal_value

    n = ordinal_value(m.group("n"))
    if not n or n < 2:
        return []
    head = (lex or lexicon()).head_of(m.group("noun")) or ""
    if head == m.group("noun"):
        head = ""
    return [i.strip() + head for i in split_items(m.group("items"), n)]


_EACH_ITEM = regex.compile(r"\p{Han}{1,8}")
_RATE_HEAD = regex.compile(r"\p{Han}{2}率$")  # 普及率, 覆盖率: a rate names its own head


def distribute_each(name: str, lex: Lexicon | None = None) -> list[str]:
    """The items of ``A、B<head>`` when one figure is stated for each with 均/都, else ``[]``.

    The head the last item ends with goes with every item; without a known head, or
    with items that are not short plain names, nothing is distributed.

    >>> distribute_each("粮食、棉花产量")
    ['粮食产量', '棉花产量']
    >>> distribute_each("广播、电视人口综合覆盖率")
    ['广播覆盖率', '电视人口综合覆盖率']
    >>> distribute_each("批发零售业增加值")
    []
    """
    parts = name.split("、")
    if len(parts) < 2:
        return []
    head = (lex or lexicon()).head_of(parts[-1])
    if head is None and (rate := _RATE_HEAD.search(parts[-1])):
        head = rate.group()
    if not head or parts[-1] == head or any(p.endswith(head) for p in parts[:-1]):
        return []
    if not all(_EACH_ITEM.fullmatch(p) for p in parts[:-1]):
        return []
    return [p + head for p in parts[:-1]] + [parts[-1]]


def _parallel(items: list[str], k: int) -> bool:
    """Whether the last item opens with a word as long as the other items (``k``), that the
    others stand in for: an item with the rest is a known indicator term
    (城镇 + 常住居民人均可支配收入), or the domain segmenter cuts the last item after ``k``
    (通信|设备|制造业增加值), not inside a longer word (平板玻璃|产量), or cuts the first
    item with the rest just as the last (城镇居民|人均|住房面积, 农村居民|人均|住房面积).

    >>> _parallel(["城镇", "农村常住居民人均可支配收入"], 2), _parallel(["钢材", "平板玻璃产量"], 2)
    (True, False)
    """
    from ..tokens import indicator_terms, segmenter

    last = items[-1]
    rest = last[k:]
    terms = indicator_terms()
    if any(i + rest in terms for i in items[:-1]):
        return True
    cut = segmenter().cut
    words = cut(last, hmm=False)
    if len(words) > 1 and len(words[0]) == k:
        return True
    if len(words) > 1 and len(words[0]) > k:  # 农村居民|人均|住房面积: 城镇居民|人均|住房面积 is cut alike
        other = cut(items[0] + rest, hmm=False)
        return other[1:] == words[1:] and len(other[0]) == len(words[0])
    return False


def _heads(ctx: Context, items: list[str], verb_text: str) -> list[str]:
    """The indicator name of each item, with the shared head attached."""
    last, first = items[-1], items[0]
    if all(_NUMERAL_ITEM.match(i) for i in items[:-1]) and last[:1] in "一二三四五六七八九十":
        # 第一、二、三产业增加值…: ordinals sharing what follows the last one's numeral
        head = last[1:]
        prefix = "第" if first.startswith("第") else ""
        return [prefix + i.lstrip("第") + head for i in items[:-1]] + [prefix + last]
    short = {len(i) for i in items[:-1]}
    if len(short) == 1 and len(first) < len(last) - 1 and last[0] == first[0]:
        head = last[len(first):]
        return [i + head for i in items[:-1]] + [last]
    if len(short) == 1 and len(first) >= 2 and len(last) > len(first) + 2 and _parallel(items, len(first)):
        rest = last[len(first):]  # 城镇和农村常住居民人均可支配收入: the items share all after the last one's own word
        return [i + rest for i in items[:-1]] + [last]
    lex_head = ctx.lex.head_of(last)
    if lex_head and lex_head != last:
        head = lex_head
        body = last[:-len(head)].rstrip("的之")
        return [i + head for i in items[:-1]] + [body + head]
    verb_head = trim(verb_text, ctx.lex)
    if verb_head and ctx.lex.head_of(verb_head):
        return [i + verb_head for i in items]
    return items


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


def _distribute(ctx: Context, classify: Classify, ca: int, at: int, verb_from: int, vals: list[Slot],
                *, strict: bool) -> None:
    """Give each value of a list its item; ``strict``: only when the items are written out."""
    lead = skip_lead(ctx, ca, at, subjects=False)
    pre = ctx.t(lead, at).strip(" ,")
    toward = _TOWARD.search(pre)
    if toward and ("、" in pre[toward.end():] or regex.search("和|及|与", pre[toward.end():])):
        pre = pre[toward.end():]  # 宁波对欧盟、美国和东盟分别进出口…: the items follow 对
    items_text, rest, places = _group(pre)
    ctx.list_group = group_name(pre) or ctx.list_group
    has_sep = "、" in items_text or regex.search("和|及|与", items_text)
    items = split_items(items_text, len(vals)) if has_sep else []
    items = [i.strip(" “”\"") for i in items]
    if len(items) > 1 and _TO_FIRST.match(items[0]) and not any(i.startswith(items[0][0]) for i in items[1:]):
        items = [items[0]] + [items[0][0] + i for i in items[1:]]  # 对欧盟、美国进出口: 对 goes with each
    if strict and not items:
        return
    kind, names, shared = "", [], ""
    if items and _PERIOD_ITEM.search(items[-1]) and all(len(i) <= 4 for i in items):
        items, kind = [], "periods"  # 一、二季度分别增长…: periods of the chain's indicator
    if items:
        near = ctx.near(ca, at, subjects=True)
        subj = {s.text for s in near} | {s.name for s in near}
        verb_text = ctx.t(verb_from, vals[0].start)
        if places or all(i in subj for i in items):
            kind, names = "subject", [_subject_name(near, i) or i for i in items]
            shared = trim(rest, ctx.lex) or trim(verb_text, ctx.lex)
        elif rest:
            head = ctx.lex.head_of(rest) or trim(rest, ctx.lex)
            kind, names = "indicator", [trim(i + head, ctx.lex) or i + head for i in items]
        else:
            kind, names = "indicator", [trim(n, ctx.lex) or n for n in _heads(ctx, items, verb_text)]
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
        elif kind == "each":
            d.hint = f"each:{i}:{len(vals)}"
        elif kind == "periods":
            d.hint = "inherit"
        ctx.add(d)


def _subject_name(near: list[SubjectMention], item: str) -> str | None:
    for s in near:
        if item in (s.text, s.name):
            return s.name
    return None

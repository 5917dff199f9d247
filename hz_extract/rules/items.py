"""The items of a list and their names: split ``A、B和C``, and give each the head they share.

A list names its items once and what they share once: ``钢材、水泥和平板玻璃产量``
(the head 产量 of indicator_heads.txt goes with each), ``城镇和农村常住居民人均可支配收入``
(all after the last item's own word goes with each), ``大、中、小型企业PMI``,
``香洲、金湾和斗门三个行政区`` (a counted group label), ``A、B和C“新三样”出口`` (a
quoted one). :mod:`~hz_extract.rules.lists` pairs items with values; the chain
distributes a figure one group shares (:func:`distribute`, :func:`distribute_each`).

>>> split_items("香洲、金湾和斗门", 3)
['香洲', '金湾', '斗门']
"""
from __future__ import annotations

import regex

from .base import Context
from .indicator import trim
from .lexicon import Lexicon, lexicon

__all__ = ["split_items", "distribute", "distribute_each", "group_name", "group_label", "split_group", "heads"]

_NUMERAL_ITEM = regex.compile(r"^第?[一二三四五六七八九十]$")
_LAST_AND = regex.compile(r"^(?P<a>.+)(?:以及|和|及|与)(?P<b>[^和及与]+)$")


_GROUP_LABEL = regex.compile(
    r"(?<![第\d一二三四五六七八九十两])(?:等)?[\d一二三四五六七八九十两]+(?:(?:个|大|类|种|家|项|座|所)\p{Han}{0,4}?)?"
    r"(?P<noun>行政区|设区市|城市|地区|市|区|县|省|州|镇|乡|国家|行业|产业|企业|部门|大类|门类|领域|板块|园区)")


def split_group(pre: str) -> tuple[str, str, bool]:
    """Split ``A、B两市地区生产总值`` into the items, what follows the group label, and
    whether the label names places.

    >>> split_group("杭州、宁波两市地区生产总值")
    ('杭州、宁波', '地区生产总值', True)
    >>> split_group("香洲、金湾和斗门三个行政区")
    ('香洲、金湾和斗门', '', True)
    >>> split_group("钢材、水泥和平板玻璃产量")
    ('钢材、水泥和平板玻璃产量', '', False)
    >>> split_group("集成电路和机器人“两大件”产值")
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
    return [i.strip() + head for i in split_items(m.group("items").removesuffix("等"), n)]


def group_label(name: str) -> str:
    """What a counted group is called together (its label and what follows), or ``""``.

    >>> group_label("集成电路、人工智能、生物医药三大先导产业规模")
    '三大先导产业规模'
    """
    m = _GROUP.match(name) if "、" in name else None
    return name[m.start("n"):] if m else ""


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


def _with_head(item: str, head: str, lex: Lexicon) -> str:
    """``item`` with the shared head, unless it already ends with a head of its own (常住人口和户籍人口)."""
    return item if item.endswith(head) or lex.head_of(item) else item + head


def _overlaps(items: list[str], k: int) -> bool:
    """Whether the items already end with what the last one's rest after ``k`` opens with
    (国有企业、…外商投资企业进出口; 甲厂、乙分厂…: no 国有企业企业…, no 甲厂厂…)."""
    rest = items[-1][k:]
    return any(rest.startswith(i[-n:]) for i in items[:-1] for n in range(1, min(len(i), 4) + 1))


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
    if _overlaps(items, k):
        return False
    terms = indicator_terms()
    if any(i + rest in terms for i in items[:-1]):
        return True
    cut = segmenter().cut
    words = cut(last, hmm=False)
    if len(words) > 1 and len(words[0]) == k:
        return True
    if len(words) > 1:  # 农村居民|人均|住房面积: 城镇居民|人均|住房面积 is cut alike
        other = cut(items[0] + rest, hmm=False)
        return other[1:] == words[1:] and len(other[0]) == len(words[0])
    return False


def heads(ctx: Context, items: list[str], verb_text: str) -> list[str]:
    """The indicator name of each item, with the shared head attached."""
    last, first = items[-1], items[0]
    if all(_NUMERAL_ITEM.match(i) for i in items[:-1]) and last[:1] in "一二三四五六七八九十":
        # 第一、二、三产业增加值…: ordinals sharing what follows the last one's numeral
        head = last[1:]
        prefix = "第" if first.startswith("第") or head.startswith("产业") else ""  # 一、二、三产业: 第一产业 …
        return [prefix + i.lstrip("第") + head for i in items[:-1]] + [prefix + last]
    short = {len(i) for i in items[:-1]}
    if len(short) == 1 and len(first) < len(last) - 1 and last[0] == first[0]:
        head = last[len(first):]
        return [i + head for i in items[:-1]] + [last]
    if len(short) == 1 and len(last) > len(first) + 2 and _parallel(items, len(first)):
        rest = last[len(first):]  # 城镇和农村常住居民人均可支配收入: the items share all after the last one's own word
        return [i + rest for i in items[:-1]] + [last]
    if len(short) == 1 and len(first) == 1 and len(last) > 3 and not _overlaps(items, 1):
        return [i + last[1:] for i in items[:-1]] + [last]  # 大、中、小型企业PMI: one character names nothing
    lex_head = ctx.lex.head_of(last)
    if lex_head and lex_head != last:
        head = lex_head
        body = last[:-len(head)].rstrip("的之")
        return [_with_head(i, head, ctx.lex) for i in items[:-1]] + [body + head]
    first_head = ctx.lex.head_of(first)
    if lex_head == last and first_head and first_head != first and len(items) == 2:
        return [first, first[:-len(first_head)] + last]  # 一般公共预算收入和支出: 一般公共预算支出
    verb_head = trim(verb_text, ctx.lex)
    if verb_head and ctx.lex.head_of(verb_head):
        return [_with_head(i, verb_head, ctx.lex) for i in items]
    if len(short) == 1 and len(first) <= 2 and len(last) > len(first) + 2 and not _overlaps(items, len(first)):
        rest = last[len(first):]  # 大、中、小型企业PMI: one-word modifiers of what the last item names
        return [i + rest for i in items[:-1]] + [last]
    return items

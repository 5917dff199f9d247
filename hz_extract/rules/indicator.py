"""Naming the indicator: the noun phrase before a figure or its measure word.

:func:`name` takes a stretch of a sentence (usually from the clause start to the
measure word) and trims it to the shortest phrase naming what is measured: period
and subject mentions at its edges go (``2024年全市数字经济核心产业增加值`` →
``数字经济核心产业增加值``), filler words go (全年, 其中, 累计, 实现, 为, 达 …),
only what follows the last inner verb stays (``东方财富证券实现营业收入`` →
``营业收入``), parentheticals go, and ``X在Y中的比重`` becomes ``X比重``.

>>> trim("全年实现地区生产总值")
'地区生产总值'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import regex

from .base import Context
from .lexicon import Lexicon, lexicon

__all__ = ["FAMILY", "name", "trim", "skip_lead", "MAX_LEN"]

FAMILY = "indicator"

MAX_LEN = 28
"""Longer phrases are prose, not names: only their tail after the last 的/verb is kept."""

_PAREN = regex.compile(r"\((?![A-Za-z&]{2,8}\)(?:经费|投入|人员|支出|强度|活动|机构))[^()]*\)"
                       r"|（[^（）]*）|\[[^\]]*\]|【[^】]*】")
"""Parentheticals a name drops; a Latin alias the name goes on from stays (研究与试验发展(R&D)经费支出: the
alias is how the name is also written, R&D经费支出), one that ends the name goes (商品交易总额(GMV)为…,
采购经理指数(PMI)为…)."""
_LAST_HARD = regex.compile(r"(?r)[#,;:。!?！？，；：\n|]|\((?![^()]*\))|（(?![^（）]*）)|(?<=\p{Han})[ \u3000]+(?=\p{Han})")
"""The last hard break of a stretch (searched from its end): punctuation, a figure, an unclosed bracket,
a space between words (a headline's 旅游市场火热 接待游客超800万人次)."""
_HARD_CHARS = re.compile("[#,;:。!?！？，；：\n|(（ \u3000]")
"""The characters every match of :data:`_LAST_HARD` starts with: most stretches hold none, and the
standard re tells that faster than the reversed search fails."""
_STREAK = regex.compile(r"(?:连续|已连续|持续)[\d一二三四五六七八九十两]+(?:年|个月|个季度|季度|届|次)|多年来?|一直|始终|再度|继续|仍然|仍")
_WILL_LEAD = regex.compile(r"^(?:将|已|再|又|还|共)(?=新增|实现|完成|达到|累计|新建|建成|引进|培育|带动|签约|计|有|力争|争取|确保|努力)")
_STREAK_FIRST = "连已持多一始再继仍"  # the first characters of _STREAK's alternatives
_WILL_FIRST = frozenset("将已再又还共")
_OPENERS = re.compile("[([（【]")
_DIGIT = re.compile("[0-9]")  # a character class: the standard re scans it fastest
_STREAK_START = re.compile(f"[{_STREAK_FIRST}]")
_COUNTED = regex.compile(r"^[^\d,]{0,12}?\d+(?:\.\d+)?(?:家|个|座|所|项|只|条|批)(?=[\p{Han}A-Z])")
"""A count inside a name, before what it counts (重点监测的42家A级景区接待游客): what follows is the name."""
_PLAIN_NOUN = regex.compile(r"[\p{Han}A-Za-z]+")
_BY_METHOD = regex.compile(r"^(?:按[^,，;]{1,12}?(?:计算|折算|统计|核算)(?:为)?|按(?:可比|同|现行|不变|当年)?(?:口径|价格|价)"
                           r"|(?:从|分)[^,，;从分]{1,10}?(?:来看|看)|扣除[^,，;]{1,8}?因素(?:影响)?(?:后)?)")
"""An adverbial lead-in (按可比口径, 按不变价格计算, 从贸易方式看, 分区域看, 扣除价格因素): how, never what."""
_METHOD_FIRST = frozenset("按从分扣")
_PER = regex.compile(r"(?:为|是|收于|报收|收报|达)?每(?:公斤|千克|斤|吨|桶|升|平方米|立方米|盎司|克|千瓦时|度|人|户|台|件|辆|张|份|只|头|股)$")
_LABELLED = regex.compile(r"^[^“”\"]*?(?:、|和|及|与)[^“”\"]*[“\"](?P<label>[^“”\"、,]{1,8})[”\"](?P<rest>[^“”\"]*)$")
"""A list of items a quoted label names together (A、B和C“新三样”合计出口 → 新三样出口)."""
_EXAMPLES = regex.compile(r"^(?P<items>(?:[^、和及与等]+(?:、|和|及|与))+[^、和及与等]+)等(?=\p{Han}{2})"
                          r"(?:(?P<n>[\d一二三四五六七八九十两]+)(?:大|个|类|种|项))?")
"""Examples before the group they belong to (电动汽车、锂电池、光伏产品等新三样产品): the group is the name."""
_PER_WHOM = regex.compile(r"每[\d一二三四五六七八九十百千万]+(?:人口|人|户|名|平方公里)$")
_IN_WHOLE = regex.compile(r"^(?P<x>.+?)在.{1,10}?中的(?P<h>比重|占比|份额)$")
_SHARE_DE = regex.compile(r"占(?P<w>[^的]{1,12})的(?P<h>比重|比例)$")
_GOVERNED = "在占对比较于与从由向"
_TOP_PLACE = regex.compile(r"^(?P<x>\p{Han}{2,}?)最(?:高|大|多|低|少)的\p{Han}{1,8}(?:村|社区|镇|乡|街道|县|市|区)$")
"""A named place that tops the ranking of an indicator (集体经济收入最高的李家村): the indicator is what is ranked."""
"""A mention right after one of these is governed by it (服务业在全区经济中的比重), not whose figure it is."""
_TAIL_PUNCT = ",;:。!?，；：、 \n"
_EDGE_PUNCT = "、“”\"'‘’《》 \t·-—…"


@dataclass(frozen=True)
class _Tables:
    """What :func:`trim` and :func:`skip_lead` read from one lexicon, built once.

    ``^(?:lead…)`` and ``(?:trail…)$`` (alternations longest first) match the longest
    filler a phrase starts or ends with; a slice looked up per length finds the same
    word without trying the alternation at every position. The lengths are kept per
    first (lead) or last (trail) character, so most positions cost one dict lookup.

    ``touch_first``, ``touch_last`` and ``touch_any`` are the characters that make some
    step of :func:`trim` act on a phrase when it starts with, ends with or holds one of
    them (a filler, edge punctuation, an opening bracket, a streak adverb, 每, a split
    word, 在, 占, a quote mark): a phrase with none of them is already trimmed.
    """

    lead: regex.Pattern[str]
    trail: regex.Pattern[str]
    split: re.Pattern[str]
    split_start: re.Pattern[str]
    lead_at: regex.Pattern[str]
    leads: frozenset[str]
    lead_sizes: dict[str, tuple[int, ...]]
    trails: frozenset[str]
    trail_sizes: dict[str, tuple[int, ...]]
    exact: bool
    touch_first: frozenset[str]
    touch_last: frozenset[str]
    touch_any: re.Pattern[str]


_TABLES: dict[int, _Tables] = {}


def _by_edge(words: frozenset[str], edge: int) -> dict[str, tuple[int, ...]]:
    """The lengths of ``words`` per first (``edge`` 0) or last (-1) character, longest first."""
    sizes: dict[str, set[int]] = {}
    for w in words:
        if w:
            sizes.setdefault(w[edge], set()).add(len(w))
    return {c: tuple(sorted(n, reverse=True)) for c, n in sizes.items()}


def _tables(lex: Lexicon) -> _Tables:
    got = _TABLES.get(id(lex))
    if got is None:
        from .lexicon import alternation

        splits = lex.split + ("是", "得益于", "受益于", "带动", "推动", "依托")
        leads, trails = frozenset(lex.lead), frozenset(lex.trail)
        got = _Tables(
            lead=regex.compile(f"^(?:{alternation(lex.lead)})"),
            trail=regex.compile(f"(?:{alternation(lex.trail)})$"),
            split=re.compile(f"(?:{alternation(splits)})"),
            split_start=re.compile("[" + "".join(sorted({re.escape(w[0]) for w in splits if w})) + "]"),
            lead_at=regex.compile(f"(?:{alternation(lex.lead)})"),  # unanchored: ``^`` only matches at 0
            leads=leads, lead_sizes=_by_edge(leads, 0), trails=trails, trail_sizes=_by_edge(trails, -1),
            exact="" not in leads and "" not in trails,  # an empty filler would match anywhere: the patterns decide
            touch_first=frozenset("的之" + _EDGE_PUNCT) | _METHOD_FIRST | _WILL_FIRST | {w[0] for w in leads if w},
            touch_last=frozenset("\n" + _EDGE_PUNCT) | {w[-1] for w in trails if w},
            touch_any=re.compile("[" + re.escape("".join(sorted(
                set("([（【()每在占等“”\"0123456789" + _STREAK_FIRST) | {w[0] for w in splits if w}))) + "]"),
        )
        _TABLES[id(lex)] = got
    return got


def _lead_end(tab: _Tables, text: str, a: int, b: int) -> int:
    """The end of the longest lead filler at ``text[a:]`` ending by ``b``, or -1."""
    if a < b:
        for n in tab.lead_sizes.get(text[a], ()):
            if a + n <= b and text[a:a + n] in tab.leads:
                return a + n
    return -1


def _strip_trail(tab: _Tables, s: str) -> str:
    """``s`` without the longest trail filler it ends with (once); the 中 of a word (高中, 初中) stays."""
    if s:
        k = len(s)
        for n in tab.trail_sizes.get(s[-1], ()):
            if n <= k and s[k - n:] in tab.trails:
                if n == 1 and s.endswith(_WORDS_IN_ZHONG):
                    return s
                return s[:k - n]
    return s


_WORDS_IN_ZHONG = ("高中", "初中", "集中", "适中")
_INNER_TOTAL = regex.compile(r"(?<=\p{Han}{2})(?:共|共计|累计)(?=发放|接待|完成|实现|新增|销售|签约|引进|办理|举办|吸引|带动|核销)")
_SUPERLATIVE = frozenset("高低大小多少快慢")
"""Words ending in 中 that are no 在…中 frame: 普通高中5所 counts schools."""


def trim(phrase: str, lex: Lexicon | None = None, *, split: bool = True) -> str:
    """Trim fillers, parentheticals and streak adverbs from a phrase (no mention lookup).

    With ``split`` false the phrase is a noun with its predicate (产品实现翻番) and is
    not cut at its verb.

    >>> trim("营业收入利润率为")
    '营业收入利润率'
    >>> trim("服务业在全区经济中的比重")
    '服务业比重'
    """
    lex = lex or lexicon()
    tab = _tables(lex)
    if tab.exact and 2 <= len(phrase) <= MAX_LEN and phrase[0] not in tab.touch_first \
            and phrase[-1] not in tab.touch_last and not tab.touch_any.search(phrase) \
            and not phrase.endswith("规模") and phrase[-2:-1] != "最" and phrase not in lex.stop:
        return phrase  # nothing below would change it (most phrases: 地区生产总值)
    # Each pattern is tried only when a character it must start with (or a word it
    # must hold) is there: most phrases have none of them, and the result is the same.
    s = _PAREN.sub("", phrase) if _OPENERS.search(phrase) else phrase
    s = _STREAK.sub("", s) if _STREAK_START.search(s) else s
    s = _PER.sub("", s) if "每" in s else s
    s = _BY_METHOD.sub("", s) if s[:1] in _METHOD_FIRST else s
    s = _WILL_LEAD.sub("", s) if s[:1] in _WILL_FIRST else s
    if _DIGIT.search(s):
        s = _COUNTED.sub("", s)
    if "共" in s or "累计" in s:
        s = _INNER_TOTAL.sub("", s)  # 消费券共发放: how much in all is the figure's, not the name's
    if "等" in s and ("、" in s or "和" in s or "及" in s or "与" in s):
        s = _strip_examples(s)
    m = _LABELLED.match(s) if "“" in s or '"' in s else None
    if m:
        rest = m.group("rest")
        for _ in range(3):  # 合计出口: the label's own figure, without the filler
            end = _lead_end(tab, rest, 0, len(rest))
            if end <= 0:
                break
            rest = rest[end:]
        s = m.group("label") + rest
    last = None
    if split and tab.split_start.search(s):
        for m in tab.split.finditer(s):
            if m.start() > 2 and s[0] == "每" and _PER_WHOM.match(s, 0, m.start()):
                continue  # 每千人拥有市场主体: the verb belongs to a per-head name
            if s.startswith("区", m.end()):
                continue  # 消费集聚区, 产业集聚区: a noun, no verb
            last = m
    # 发明专利拥有量为: what a verb leaves before a trailing 为 is one character, not a name: no cut
    if last is not None and len(_strip_trail(tab, s[last.end():].strip(_EDGE_PUNCT))) >= 2:
        tail, before = s[last.end():], _strip_trail(tab, s[:last.start()].strip(_EDGE_PUNCT))
        if tail in lex.heads and 2 <= len(before) <= 8 and _PLAIN_NOUN.fullmatch(before) \
                and not tab.lead.match(before) and before not in lex.stop:
            s = before + tail  # 轻工业完成产值 → 轻工业产值: a bare head keeps whose it is
        else:
            s = tail
    for _ in range(8):
        before = s
        s = s.strip(_EDGE_PUNCT).lstrip("的之")
        if tab.exact and not s.endswith("\n"):  # ``$`` also matches before a final newline
            end = _lead_end(tab, s, 0, len(s))
            s = s[end:] if end > 0 else s
            s = _strip_trail(tab, s) if not s.endswith("\n") else tab.trail.sub("", s, count=1)
        else:
            s = tab.lead.sub("", s, count=1)
            s = tab.trail.sub("", s, count=1)
        if s == before:
            break
    if s.endswith("规模") and lex.head_of(s[:-2]):
        s = s[:-2]  # 产量规模: the size of an output is the output
    if len(s) > 4 and s[-2] == "最" and s[-1] in _SUPERLATIVE:
        s = s[:-2]  # 开化县空气质量优良天数比例最高,为99.2%: what is highest is the indicator
    m = _TOP_PLACE.match(s) if "最" in s and "的" in s else None
    if m:
        s = m.group("x")  # 集体经济收入最高的李家村达到512万元: the village is whose, not what
    m = _IN_WHOLE.match(s) if "在" in s and "中的" in s else None
    if m:
        s = m.group("x") + m.group("h")
    m = _SHARE_DE.search(s) if "占" in s else None
    if m:
        s = s[:m.start()] + "占" + m.group("w") + m.group("h")
    if len(s) > MAX_LEN:
        cut = max(s.rfind("的"), s.rfind("，"), s.rfind(","))
        s = s[cut + 1:] if cut >= 0 else ""
        if len(s) > MAX_LEN:
            s = ""
    if "“" in s or "”" in s or '"' in s:
        s = _balance(s)
    if s in lex.stop or len(s) < 2 or s.count("(") != s.count(")") or (s[0] == "该" and len(s) <= 4):
        return ""  # 该园区, 该县: who, named before, not what
    return s


def _strip_examples(s: str) -> str:
    """``s`` without the examples listed before the group they belong to (A、B等新三样产品 → 新三样产品;
    A、B、C等七大类产品 → 七大类产品), unless the group counts exactly those items (A、B、C等三大行业:
    a figure of each, see :func:`~hz_extract.rules.items.distribute`)."""
    m = _EXAMPLES.match(s)
    if m is None:
        return s
    if m.group("n"):
        from .rank import ordinal_value

        if ordinal_value(m.group("n")) == len(regex.split(r"、|和|及|与", m.group("items"))):
            return s
    return s[m.end("items") + 1:]


def _balance(s: str) -> str:
    """Drop quote marks left unpaired by a cut (“专精特新贷”惠及… cut after its opening quote)."""
    if s.count("“") != s.count("”"):
        s = s.replace("“", "").replace("”", "")
    if s.count('"') % 2:
        s = s.replace('"', "")
    return s


def name(ctx: Context, a: int, b: int) -> str:
    """The indicator phrase in cleaned text ``[a, b)`` of the sentence, or ``""``.

    The stretch is first cut after the last hard break (punctuation or another
    figure), then period and subject mentions at its start are skipped, then it is
    trimmed (:func:`trim`).
    """
    a = max(a, ctx.start)
    b = min(b, ctx.end)
    text = ctx.text
    while b > a and text[b - 1] in _TAIL_PUNCT:
        b -= 1
    if b <= a:
        return ""
    stretch = ctx.m(a, b)
    last = _LAST_HARD.search(stretch) if _HARD_CHARS.search(stretch) else None
    if last is not None:
        a += last.end()  # a figure (``#``) is a hard break: none is left in the stretch
    # Every mention the steps below look at starts in [a - 12, b), and ``a`` only moves on:
    # they are looked up once, here, and most stretches have none.
    periods = ctx.near(a, b) if ctx.periods else []
    subjects = ctx.near(a, b, subjects=True) if ctx.subjects else []
    a = _skip_lead(ctx, a, b, periods, subjects)
    if periods or subjects:
        a = _after_inner_mentions(ctx, a, b, periods, subjects)
        b = _drop_tail_mentions(a, b, periods)
    if b <= a:
        return ""
    return trim(text[a:b], ctx.lex)


def skip_lead(ctx: Context, a: int, b: int, *, subjects: bool = True) -> int:
    """Move ``a`` past period (and, unless ``subjects`` is false, subject) mentions and fillers at the start of ``[a, b)``."""
    return _skip_lead(ctx, a, b, ctx.near(a, b) if ctx.periods else [],
                      ctx.near(a, b, subjects=True) if subjects and ctx.subjects else [])


def _skip_lead(ctx: Context, a: int, b: int, periods: list[Any], subjects: list[Any]) -> int:
    """:func:`skip_lead` given the period and subject mentions that start in ``[a - 12, b)``
    (in order): at each step, those starting in ``[a - 12, a]`` that hold ``a`` are skipped."""
    tab = _tables(ctx.lex)
    lead = tab.lead_at if "" in tab.leads else None
    text = ctx.text
    for _ in range(10):
        moved = False
        while a < b and text[a] in _EDGE_PUNCT:
            a += 1
        if periods:
            at = a
            for p in periods:
                if at - 12 <= p.start <= a < p.end and p.end <= b and p.start <= at:
                    a, moved = p.end, True
        if subjects:
            at = a
            for s in subjects:
                if at - 12 <= s.start <= a < s.end and s.end <= b and s.start <= at:
                    a, moved = s.end, True
        if lead is not None:
            m = lead.match(text, a, b)
            end = m.end() if m else -1
        else:
            end = _lead_end(tab, text, a, b)
        if 0 <= end < b:
            a, moved = end, True
        if not moved:
            break
    return a


def _after_inner_mentions(ctx: Context, a: int, b: int, periods: list[Any], subjects: list[Any]) -> int:
    """Keep what follows the last period or subject named inside the phrase (of ``periods`` and
    ``subjects``, the mentions starting in ``[a - 12, b)`` or earlier).

    ``券茅上半年净利`` → ``净利``; ``东方财富基金代销收入`` → ``基金代销收入``: the
    indicator comes after whose and when, so a mention inside marks its start.
    """
    best = a
    text = ctx.text
    for m in (*periods, *subjects):
        if a < m.start and m.end <= b - 2 and m.end > best:
            if getattr(m, "kind", "") in ("base", "date") or text[m.start - 1] in _GOVERNED:
                continue
            if text[m.start - 1] == "的" and text[m.start - 3] == "最":
                continue  # 收入最高的鹤山村: the place tops the ranking, trim() keeps what is ranked
            best = m.end
    if best == a:
        return a
    return _skip_lead(ctx, best, b, [p for p in periods if p.start >= best - 12],
                      [s for s in subjects if s.start >= best - 12])


def _drop_tail_mentions(a: int, b: int, periods: list[Any]) -> int:
    """Move ``b`` before a period mention that ends the stretch (产值2024年 is rare; 的2024年 is not)."""
    for p in periods:
        if a < p.start < b <= p.end + 1 and p.kind != "base":
            b = p.start
    return b

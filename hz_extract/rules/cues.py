"""Compiled cue patterns shared by the measure families (built once per lexicon).

The patterns are anchored at the *end* of the masked text left of a figure
(``…比上年增长`` + figure), so they read the words right before it.

They are compiled with the standard ``re``: they are literal alternations, classes
of literal characters, lazy repeats, fixed-width lookarounds and ``$``, which both
engines read alike (``tests/rules/test_pattern_engines.py`` checks that), and ``re``
answers a search of the few words before a figure two to five times sooner
(``regex`` sets up more for every call, the more the larger the pattern).

>>> cues().growth.search("比上年增长").group("verb")
'增长'
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .base import Context
from .lexicon import Lexicon, alternation, lexicon

__all__ = ["Cues", "EndCue", "cues", "find_base", "ADJ", "clean_base", "ONE_FIGURE_BASES"]

ADJ = frozenset("高快多低慢少")
"""One-character comparatives: a sign only after 比/较 (比一季度低2.5个百分点), never a growth verb."""

_ADV = "实际|名义|实质|逆市|逆势|大幅|小幅|稳步|持续|快速|明显|继续|也|均|都|将|仍|仍然|进一步|略有|有所|分别|累计|共|合计"
_RATE = "增速|增幅|涨幅|增长率|增长速度|降幅|跌幅|增长幅度"
_TO = "为|达|达到|是|超过|超|约|在"


class EndCue:
    """A cue pattern anchored at the end of the text, tried only when the text has what a match needs.

    A match must end with one of ``endings`` and hold one of ``words`` (each test only
    when given); :meth:`search` answers None at once otherwise, else it is the pattern's
    own search.
    """

    __slots__ = ("_endings", "_sizes", "_words", "pattern")

    def __init__(self, pattern: re.Pattern[str], endings: Iterable[str] = (), words: Iterable[str] = ()) -> None:
        self.pattern = pattern
        ends = frozenset(endings)
        self._endings = ends if "" not in ends else frozenset()  # an empty ending: any text may match
        sizes: dict[str, set[int]] = {}
        for e in self._endings:
            sizes.setdefault(e[-1], set()).add(len(e))
        self._sizes = {c: tuple(sorted(n)) for c, n in sizes.items()}
        self._words = tuple(words)

    def search(self, text: str) -> re.Match[str] | None:
        """The pattern's ``search(text)`` (None without a possible ending or word)."""
        if self._endings and not text.endswith("\n"):  # ``$`` also matches before a final newline
            k = len(text)
            for n in self._sizes.get(text[-1:], ()):
                if n <= k and text[k - n:] in self._endings:
                    break
            else:
                return None
        if self._words:
            for w in self._words:
                if w in text:
                    break
            else:
                return None
        return self.pattern.search(text)


@dataclass(frozen=True)
class Cues:
    """The compiled cue patterns of one lexicon (``base_any`` finds a base cue anywhere).

    Each has ``search(text)``; the cues most figures lack are :class:`EndCue`, the others
    (mostly there when tried: growth, than) plain patterns.
    """

    growth: re.Pattern[str]
    rate: EndCue
    bare_base: re.Pattern[str]
    change: EndCue
    compare: EndCue
    than: re.Pattern[str]
    lone_verb: re.Pattern[str]
    pull: EndCue
    base_any: re.Pattern[str]


_CACHE: dict[int, Cues] = {}


def cues(lex: Lexicon | None = None) -> Cues:
    """The cue patterns for ``lex`` (the packaged lexicon by default), compiled once."""
    lex = lex or lexicon()
    c = _CACHE.get(id(lex))
    if c is None:
        c = _build(lex)
        _CACHE[id(lex)] = c
    return c


def _build(lex: Lexicon) -> Cues:
    bases = alternation(lex.bases)
    verbs = alternation([w for w in lex.verbs if w not in ADJ])
    all_verbs = alternation(lex.verbs)
    change_verbs = alternation([w for w in lex.verbs if len(w) > 1])
    compare = alternation(lex.compare)
    since = r"(?:比|较)(?P<since>[^#,;比较]{0,8}?(?:年|月|季度|季|期|末|初|旬|周)(?:份|末|初|底)?)"
    base_pre = rf"(?:(?:(?P<base>{bases})|{since})(?:{_ADV}|了|的|还|再|又)*)?"
    since2 = since.replace("(?P<since>", "(?P<since2>")
    than = r"(?<![占可对无相同环])(?:比|较|与|同(?!比)|相比|相较|相对)(?![重例率价值较])"
    change_verb_words = [w for w in lex.verbs if len(w) > 1]
    rates = _RATE.split("|")
    pulls = ("拉动", "影响", "带动", "拖累", "下拉")
    return Cues(
        growth=re.compile(rf"(?P<cue>{base_pre}(?:{_ADV})*(?P<verb>{verbs})(?:了|达到|达|为|幅度为|幅度达)?)$"),
        rate=EndCue(re.compile(rf"(?P<cue>{base_pre}(?:的)?(?P<rate>{_RATE})(?:{_ADV})*(?:{_TO})?)$"), words=rates),
        bare_base=re.compile(rf"(?P<cue>(?P<base>{bases})(?:为|达|是)?)$"),
        change=EndCue(re.compile(rf"(?P<cue>(?:{base_pre}(?:{_ADV})*(?P<verb>{change_verbs})|"
                                 rf"(?:(?P<base2>{bases})|{since2})(?P<verb2>多|少))(?:了)?)$"),
                      _joined([*change_verb_words, "多", "少"], ("", "了"))),
        compare=EndCue(re.compile(rf"(?P<cue>(?:{_RATE}|增长|的)?(?P<cmp>{compare})(?P<base>[^#,;]*?)(?:了)?)$"),
                       words=lex.compare),
        than=re.compile(rf"(?P<cue>(?:{_RATE})?{than}(?P<base>[^#,;]*?)(?:{_ADV})*(?P<verb>{all_verbs})(?:了)?)$"),
        lone_verb=re.compile(rf"(?P<cue>(?:{_RATE}|比重|占比)?(?P<base>{bases})?(?:{_ADV})*(?P<verb>{change_verbs})(?:了)?)$"),
        pull=EndCue(re.compile(r"(?P<cue>(?P<verb>拉动|影响|带动|拖累|下拉)(?P<base>[^#,;]*?)(?P<dir>增长|上涨|上升|下降|下滑|回落)?(?:约|了)?)$"),
                    words=pulls),
        base_any=re.compile(bases),
    )


def _joined(words: Iterable[str], tails: Iterable[str]) -> list[str]:
    """Every word followed by every tail (the endings a cue may have)."""
    tails = tuple(tails)
    return [w + t for w in words for t in tails]


ONE_FIGURE_BASES = frozenset({"两年平均", "年均"})
_STOCK_BASES = frozenset({"上年末", "年初"})
"""Bases that belong to the figure they are written with (两年平均增长5.9%), never carried."""

_BASE_LEAD = re.compile(r"^(?:该公司|本公司|该企业|公司)(?=.)")
_BASE_STRIP = regex.compile(r"^(?:同期|同类|上述|当年|全年|本年|第[\d一二三四五六七八九十]+(?:位|名)的)|的$")
_BASE_PERIODS = {"首季": "一季度", "首季度": "一季度"}


def clean_base(s: str | None) -> str | None:
    """Tidy a base taken from the text (``同期工业增加值增速`` → ``工业增加值增速``, ``营收`` →
    ``营业收入`` as indicator_aliases.txt has it; an abbreviation in Latin letters stays: GDP).

    >>> clean_base("当年营收"), clean_base("GDP"), clean_base("首季")
    ('营业收入', 'GDP', '一季度')
    """
    if not s:
        return None
    s = _BASE_STRIP.sub("", s.strip(" 、“”\"'")).strip()
    s = _BASE_LEAD.sub("", s)
    if s and not s.isascii():
        s = _BASE_PERIODS.get(s) or lexicon().aliases.get(s, s)
    return s or None


def earlier_period(ctx: Context, a: int, cue: int) -> str | None:
    """The period a base-period mention between ``a`` and ``cue`` names when nothing but 为/是
    stands between it and the cue (上年同期为2.86亿元, 上年同期亏损2.08亿元): the figure after it
    is that earlier period's, not the sentence's; else None."""
    got = None
    for p in ctx.near(a, cue):
        if p.kind == "base" and p.value and a <= p.start and not ctx.t(p.end, cue).strip(" 为则也仍是"):
            got = p.value
    return got


def find_base(ctx: Context, pos: int, measure: str = "growth") -> str | None:
    """The nearest base cue (比上年, 同比 …) before ``pos`` in the sentence, else the carried one.

    A cue another kind of figure already took (比年初增加8107.5亿元 before 增长10.1%) is
    skipped, and the carried base is the last one of the same kind of figure; with none
    carried, the growth is against the point in time the taken cue names (年初).
    """
    c = cues(ctx.lex)
    a = max(ctx.start, pos - 200)
    taken = [(d.cue, d.end) for d in ctx.drafts[-40:]  # the recent ones: the window is 200 characters
             if d.measure != measure and d.cue is not None and d.end > a]
    best = lent = None
    for m in c.base_any.finditer(ctx.m(a, pos)):
        at = a + m.start()
        if ctx.lex.base_of(m.group()) in ONE_FIGURE_BASES:
            continue
        if any(x <= at < y for x, y in taken):
            lent = m.group()
            continue
        best = m.group()
    if best is not None:
        return ctx.lex.base_of(best)
    if measure == "change":
        carried = ctx.last_change_base or ctx.last_base
    elif measure == "pp_diff":
        return ctx.last_pp_base
    else:
        carried = ctx.last_base
        if carried is None and lent is not None and measure == "growth":
            return ctx.lex.base_of(lent)  # 比年初增加712.3亿元,增长7.8%: nothing carried, the change's point in time
    if carried in _STOCK_BASES and "全年" in ctx.m(ctx.start, pos):
        return "上年"  # 年末生猪存栏…比上年末下降3.1%;全年生猪出栏…增长1.2%: a year's flow is against the year before
    return carried

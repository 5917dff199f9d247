"""Modality: expected (预计, 预期, 预告 …) and target (目标, 力争, 计划, 任务, 拟, 将 …) figures.

A cue in the clause before the figure sets the modality (rule_modality.json); a
figure right after a target noun is the target itself (完成市分配任务25亿元 → 25亿元
is a target), and a cue opening the sentence (目标到2025年,…; 预计,…) governs every
clause of it, counts included, up to a clause that is explicitly actual (已, 实现了)
or opens a period or subject of its own; a list of targets (主要预期目标是:…;…;…) makes every figure of its
paragraph that follows the colon a target. Within a clause, counts of things (个, 家 …) stay actual under a plan unless its cue is right
before them: ``拟于近期开工项目1个`` counts projects that exist, while ``预计吸引2000家
企业`` is a forecast.

>>> from hz_extract import extract
>>> [r.modality for r in extract("预计降低融资成本8500万元。")]
['expected']
"""
from __future__ import annotations

import re

import regex

from .base import Context, Draft
from .lexicon import Lexicon, alternation

__all__ = ["FAMILY", "Sentence"]

FAMILY = "modality"


_WILL = re.compile(r"(?<![即必终])将(?![近于其会是要来])")
_OF_TARGET = re.compile(r"(?:目标|计划|任务|规划)[^#,;的]{0,6}的")
"""A target word that is the whole a share is taken of (完成年度目标的…, 为计划的…), not a plan for the share."""
_LISTED_TARGETS = re.compile(r"(?:目标|任务|计划)(?:是|为|如下)?[:：]")
_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}
_OPEN_SLACK = 2  # a frame opens a clause, after at most 其中 or 而


def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The cue words (expected or target), and any word that can make a figure other than
    actual (a cue, a target noun, 将): all literal, so one search tells a plain sentence."""
    pats = _CACHE.get(id(lex))
    if pats is None:
        cues = re.compile(f"(?P<expected>{alternation(lex.expected)})|(?P<target>{alternation(lex.target)})")
        notable = re.compile(alternation((*lex.expected, *lex.target, *lex.target_nouns, "将")))
        pats = _CACHE[id(lex)] = (cues, notable)
    return pats


class Sentence:
    """The modalities of one sentence's drafts, with what holds for the whole sentence read once.

    Whether a cue word, a target noun, 将 or a colon occurs near the sentence at all, and
    which cue opens it: most sentences state plain facts, and their figures are then
    actual without a look at the words before each.

    >>> from hz_extract.rules.base import Context, Draft
    >>> from hz_extract.rules.lexicon import lexicon
    >>> ctx = Context(text="预计全年增长6%。", start=0, end=9, clauses=[(0, 9)], slots=[], periods=[],
    ...               subjects=[], lex=lexicon())
    >>> Sentence(ctx).decide(Draft(start=6, end=8, measure="growth", value=6, unit="%", rule="growth.percent"))
    'expected'
    """

    # What a sentence without any cue word, target noun or 将 has (most sentences): set only otherwise.
    _cue: re.Pattern[str] | None = None
    _will = False
    _opening: str | None = None
    _head_end = 0
    _carried = False
    _last = "actual"

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        text, start, end = ctx.text, ctx.start, ctx.end
        # A figure's colon window (its line, at most 300 characters back) starts here at the earliest.
        lo = start - 300 if start > 300 else 0
        lo = max(lo, text.rfind("\n", lo, start) + 1)
        self._colon = text.find(":", lo, end) >= 0 or text.find("：", lo, end) >= 0
        masked = ctx.masked
        cues, notable = _patterns(ctx.lex)
        carried = _carried(ctx) if start and text[start - 1] in ";； \t" else None
        if carried:  # 预计全年…;一般公共预算收入…: a cue opening the sentence before a semicolon governs this one
            self._plain, self._opening, self._head_end, self._carried = False, carried, start, True
            self._cue = _patterns(ctx.lex)[0]
            self._will = "将" in ctx.masked
            return
        if notable.search(masked) is None and not (masked.startswith(_FUTURE_FIRST) and _FUTURE.match(masked)) \
                and "安排" not in masked:  # none in the sentence
            self._plain = not self._colon
            return
        self._plain = False
        self._cue = cues if cues.search(masked) else None
        self._will = "将" in masked
        head_start, self._head_end = ctx.clause_of(start)
        if _SAYS.search(ctx.m(head_start, self._head_end)) and self._head_end < ctx.end:
            head_start, self._head_end = ctx.clause_of(self._head_end)  # 公司表示,2025年力争…: what is said opens it
        if self._head_end < ctx.end and _ONLY_WHEN.match(ctx.m(head_start, self._head_end)):
            head_start, self._head_end = ctx.clause_of(self._head_end)  # 2026年,全县将力争…: the when sets no cue
        self._opening = _opening(ctx, head_start, self._head_end)

    def decide(self, d: Draft) -> str:
        """The modality of a draft of this sentence: ``actual``, ``expected`` or ``target``.

        Drafts are decided in text order: a clause that only continues the figure
        before it (…预算安排428.5亿元,增长3.9%左右) takes that figure's modality.
        """
        self._last = got = self._decide(d)
        return got

    def _decide(self, d: Draft) -> str:
        if d.modality:
            return d.modality
        ctx = self.ctx
        if self._plain and ctx.start <= d.start <= ctx.end:
            return "actual"  # nothing in or before the sentence that could make it other
        lex = ctx.lex
        ca, _ = ctx.clause_of(d.start)
        left = ctx.m(ca, d.start)
        if left.rstrip().endswith(lex.target_nouns) or _BUDGET.search(left):
            return "target"  # 完成市分配任务25亿元; 一般公共预算支出安排710亿元: a budget's plan
        counted = d.unit in lex.counters
        m = self._cue.search(left) if self._cue is not None else None
        if m and counted and "的" in left[m.end():] and m.group() not in _STRONG:
            m = None  # 已发布业绩预告的14只券商股: the cue qualifies the noun (力争 never does: no count of what exists)
        if m and m.lastgroup == "target" and d.measure == "share" and _OF_TARGET.match(left, m.start()):
            m = None  # 完成年度目标的102.1%: the completion of a target is an actual figure
        if m and (m.lastgroup == "expected" or not counted or m.end() >= len(left) - 2 or m.group() in _STRONG):
            return "expected" if m.lastgroup == "expected" else "target"  # 力争再签约项目60个: no count of what exists
        if self._listed(d.start):
            return "target"  # 主要预期目标是:地区生产总值增长5.5%左右;城镇新增就业60万人以上…
        if (ca > ctx.start or self._carried) and self._opening and not _frame_breaks(ctx, self._head_end, d.start):
            return self._opening  # 目标到2025年,…占GDP比重达到15%: a cue opening the sentence governs all of it
        if m is None and self._will and d.measure != "share" and "将" in left and _WILL.search(left):
            return "target"  # 全年将新增就业10万人: a plan (RECORDS.md counts 将 with the targets)
        cue = d.cue if d.cue is not None else d.start
        if self._last != "actual" and d.measure in _FOLLOWING and ca > ctx.start \
                and not _name_between(ctx, ca, cue) and not _frame_breaks(ctx, ca, d.start):
            return self._last  # …安排428.5亿元,增长3.9%左右: the same figure's growth
        return "actual"

    def _listed(self, pos: int) -> bool:
        """Whether ``pos`` follows the colon of a list of targets earlier on its line (within 300 characters)."""
        ctx = self.ctx
        if not self._colon and ctx.start <= pos <= ctx.end:
            return False  # no colon from the earliest line start a figure of the sentence can have
        text = ctx.text
        line_start = text.rfind("\n", max(0, pos - 300), pos) + 1 or max(0, pos - 300)
        lo = max(line_start, pos - 300)
        has_colon = text.find(":", lo, pos) >= 0 or text.find("：", lo, pos) >= 0
        return has_colon and _LISTED_TARGETS.search(text, lo, pos) is not None


_STRONG = frozenset({"力争", "争取", "确保"})
"""Target cues that never describe what exists (力争再签约项目60个), unlike 拟/计划 (拟于近期开工项目1个)."""
_BUDGET = re.compile(r"(?:收入|支出|资金)(?:预算)?安排$")
_FOLLOWING = frozenset({"growth", "change", "pp_diff", "multiple"})
_FUTURE = regex.compile(r"^(?:力争|争取)?(?:到|至)(?P<y>\d{4})年")
_FUTURE_FIRST = ("到", "至", "力争", "争取")
"""What a sentence :data:`_FUTURE` can match starts with (a test far cheaper than a failing match)."""
_END_MARKS = "。!?！？\n"
_AIM = ("目标", "任务")
"""After 预期/预计, a target noun: 预期目标 is a target, not a forecast."""
_BY_PLAN = re.compile(r"^(?:根据|按照|依据)[^,，;；#]{0,40}?(?:规划|计划|方案|纲要)(?:\([^()]{0,24}\))?》?[,，]?$")
_SAYS = re.compile(r"(?:表示|称|指出|透露|介绍|提出|预测|认为)[,，:：]?$")
"""A clause that only says who speaks (公司表示,): the sentence opens with the next one."""
_ONLY_WHEN = regex.compile(r"^\s*(?:\d{4}年|今年|明年|下一步|下阶段)[,，]?\s*$")
"""A head clause that only says when (2026年,): the sentence opens with the next one."""
_HEAD_WORDS = 8
"""How far into a sentence a cue still opens it (公司预计, 2026年全市力争)."""
_NAMED = re.compile(r"(?:收入|产值|总值|增加值|投资|产量|利润|规模)")
"""Heads that, before a cue, make it the clause's own (营业总收入力争…), not the sentence's."""
_CLAUSE_BREAK = re.compile(r"[,，;；:：#]")


def _name_between(ctx: Context, a: int, b: int) -> bool:
    """Whether the words from ``a`` to ``b`` name an indicator (not just 同比/比上年/分别…)."""
    from .indicator import name

    return bool(name(ctx, a, b))


def _opening(ctx: Context, start: int, head_end: int) -> str | None:
    """The modality a cue opening the sentence gives all of it: 预计…, 公司预计…, 2025年力争…
    (nothing named before the cue; after other words only a forecast or a strong target
    word, not 公司拟…), 根据…规划, or 到2027年 when that year is yet to come."""
    head = ctx.m(start, head_end)
    lex = ctx.lex
    if head.startswith(lex.expected):
        return "target" if head.startswith(_AIM, _cue_len(head, lex.expected)) else "expected"
    if head.startswith(lex.target):
        return "target"
    m = _patterns(lex)[0].search(head, 0, _HEAD_WORDS + 4)
    if m is not None and m.start() > 0 and (m.lastgroup == "expected" or m.group() in _STRONG) \
            and not _CLAUSE_BREAK.search(head, 0, m.start()) and not _name_between(ctx, start, start + m.start()):
        return "target" if m.lastgroup == "target" or head.startswith(_AIM, m.end()) else "expected"
    f = _FUTURE.match(head)
    if f and _yet_to_come(ctx, int(f.group("y"))):
        return "target"  # 到2027年,全省新能源汽车产量力争达到200万辆,产业规模突破5000亿元
    if _BY_PLAN.match(head):
        return "target"  # 根据《…三年行动计划》,到2027年,…: what a plan sets out
    return None


def _cue_len(head: str, words: tuple[str, ...]) -> int:
    return max(len(w) for w in words if head.startswith(w))


def _yet_to_come(ctx: Context, year: int) -> bool:
    """Whether ``year`` is after the document's date (its date line), with a date known."""
    for p in ctx.all_periods:
        if p.kind == "date" and p.value and p.value[:4].isdigit():
            return year > int(p.value[:4])
    return False


def _carried(ctx: Context) -> str | None:
    """The opening modality of the sentence this one continues after a semicolon (预计全年…;…):
    a cue among the first words of the first clause after the last full stop."""
    text, k = ctx.text, ctx.start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] not in ";；":
        return None
    lo = max(0, k - 400)
    head = max(text.rfind(c, lo, k) for c in _END_MARKS) + 1 or lo  # after the last full stop, 400 back at most
    m = _patterns(ctx.lex)[0].search(text, head, min(k, head + _HEAD_WORDS + 4))
    if m is None or _CLAUSE_BREAK.search(text, head, m.start()) or _NAMED.search(text, head, m.start()):
        return None
    return "target" if m.lastgroup == "target" or text.startswith(_AIM, m.end()) else "expected"


def _in_title(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` is inside a title or bracket of its sentence (《…行动计划(2025—2027年)》)."""
    before = ctx.t(ctx.start, pos)
    return before.count("《") > before.count("》") or before.count("(") > before.count(")")


def _frame_breaks(ctx: Context, lo: int, hi: int) -> bool:
    """Whether the clauses from ``lo`` to the figure at ``hi`` leave the scope of the sentence's opening cue.

    They do when one of them is explicitly actual (已, 实现了) or opens a frame of
    its own: a period other than the opening clause's (预计全年增长6%,前三季度增长5.2%)
    or a subject other than its own (预计全市增长6%,该县增长5%; 杭州…,宁波…). When the
    opening clause names no period (or no subject), the first one named after it is the
    frame's own (公司预计,全年…; 到2027年,全省…).
    """
    if any(mark in ctx.m(lo, hi) for mark in ctx.lex.actual_marks):
        return True
    head_periods = {p.value or p.text for p in ctx.periods
                    if p.start < lo and p.kind == "period" and not _in_title(ctx, p.start)}
    head_subjects = {s.name for s in ctx.subjects if s.start < lo and not _in_title(ctx, s.start)}
    for a, b in ctx.clauses:
        if not lo <= a < hi:
            continue
        opening = ctx.t(a, min(b, a + 2 + _OPEN_SLACK))
        if opening.startswith("该"):
            return True
        for p in ctx.periods:
            if p.kind == "period" and a <= p.start <= a + _OPEN_SLACK and (p.value or p.text) not in head_periods:
                if head_periods:
                    return True
                head_periods.add(p.value or p.text)  # 公司预计,全年…: the forecast's own period
        for m in ctx.subjects:
            if a <= m.start <= a + _OPEN_SLACK and m.name not in head_subjects:
                if head_subjects:
                    return True
                head_subjects.add(m.name)  # 到2027年,全省…: the plan's own place
    return False

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

import regex

from .base import Context, Draft
from .lexicon import Lexicon, alternation

__all__ = ["FAMILY", "Sentence"]

FAMILY = "modality"


_WILL = regex.compile(r"(?<![即必终])将(?![近于其会是要来])")
_OF_TARGET = regex.compile(r"(?:目标|计划|任务|规划)[^#,;的]{0,6}的")
"""A target word that is the whole a share is taken of (完成年度目标的…, 为计划的…), not a plan for the share."""
_LISTED_TARGETS = regex.compile(r"(?:目标|任务|计划)(?:是|为|如下)?[:：]")
_CACHE: dict[int, tuple[regex.Pattern[str], regex.Pattern[str]]] = {}
_OPEN_SLACK = 2  # a frame opens a clause, after at most 其中 or 而


def _patterns(lex: Lexicon) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The cue words (expected or target), and any word that can make a figure other than
    actual (a cue, a target noun, 将): all literal, so one search tells a plain sentence."""
    pats = _CACHE.get(id(lex))
    if pats is None:
        cues = regex.compile(f"(?P<expected>{alternation(lex.expected)})|(?P<target>{alternation(lex.target)})")
        notable = regex.compile(alternation((*lex.expected, *lex.target, *lex.target_nouns, "将")))
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
    _cue: regex.Pattern[str] | None = None
    _will = False
    _opening: str | None = None
    _head_end = 0

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        text, start, end = ctx.text, ctx.start, ctx.end
        # A figure's colon window (its line, at most 300 characters back) starts here at the earliest.
        lo = start - 300 if start > 300 else 0
        lo = max(lo, text.rfind("\n", lo, start) + 1)
        self._colon = text.find(":", lo, end) >= 0 or text.find("：", lo, end) >= 0
        masked = ctx.masked
        cues, notable = _patterns(ctx.lex)
        if notable.search(masked) is None:  # literal words: none in the sentence, none in any part of it
            self._plain = not self._colon
            return
        self._plain = False
        self._cue = cues if cues.search(masked) else None
        self._will = "将" in masked
        self._head_end = ctx.clause_of(start)[1]
        head = ctx.m(start, self._head_end)[:4]
        lex = ctx.lex
        self._opening = ("expected" if head.startswith(lex.expected) else
                         "target" if head.startswith(lex.target) else None)

    def decide(self, d: Draft) -> str:
        """The modality of a draft of this sentence: ``actual``, ``expected`` or ``target``."""
        if d.modality:
            return d.modality
        ctx = self.ctx
        if self._plain and ctx.start <= d.start <= ctx.end:
            return "actual"  # nothing in or before the sentence that could make it other
        lex = ctx.lex
        ca, _ = ctx.clause_of(d.start)
        left = ctx.m(ca, d.start)
        if left.rstrip().endswith(lex.target_nouns):
            return "target"
        counted = d.unit in lex.counters
        m = self._cue.search(left) if self._cue is not None else None
        if m and counted and "的" in left[m.end():]:
            m = None  # 已发布业绩预告的14只券商股: the cue qualifies the noun, not the count
        if m and m.lastgroup == "target" and d.measure == "share" and _OF_TARGET.match(left, m.start()):
            m = None  # 完成年度目标的102.1%: the completion of a target is an actual figure
        if m and (m.lastgroup == "expected" or not counted or m.end() >= len(left) - 2):
            return "expected" if m.lastgroup == "expected" else "target"
        if m is None and self._will and d.measure != "share" and "将" in left and _WILL.search(left):
            return "target"  # 全年将新增就业10万人: a plan (RECORDS.md counts 将 with the targets)
        if self._listed(d.start):
            return "target"  # 主要预期目标是:地区生产总值增长5.5%左右;城镇新增就业60万人以上…
        if ca > ctx.start and self._opening and not _frame_breaks(ctx, self._head_end, d.start):
            return self._opening  # 目标到2025年,…占GDP比重达到15%: a cue opening the sentence governs all of it
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


def _frame_breaks(ctx: Context, lo: int, hi: int) -> bool:
    """Whether the clauses from ``lo`` to the figure at ``hi`` leave the scope of the sentence's opening cue.

    They do when one of them is explicitly actual (已, 实现了) or opens a frame of
    its own: a period other than the opening clause's (预计全年增长6%,前三季度增长5.2%)
    or a subject other than its own (预计全市增长6%,该县增长5%; 杭州…,宁波…).
    """
    if any(mark in ctx.m(lo, hi) for mark in ctx.lex.actual_marks):
        return True
    head_periods = {p.value or p.text for p in ctx.periods if p.start < lo and p.kind == "period"}
    head_subjects = {s.name for s in ctx.subjects if s.start < lo}
    for a, b in ctx.clauses:
        if not lo <= a < hi:
            continue
        opening = ctx.t(a, min(b, a + 2 + _OPEN_SLACK))
        if opening.startswith("该"):
            return True
        for p in ctx.periods:
            if p.kind == "period" and a <= p.start <= a + _OPEN_SLACK and (p.value or p.text) not in head_periods:
                return True
        if any(a <= s.start <= a + _OPEN_SLACK and s.name not in head_subjects for s in ctx.subjects):
            return True
    return False

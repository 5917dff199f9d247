"""Organisations named in running text: the ``org`` subjects of :func:`hz_extract.subjects.find_subjects`.

A name is read back from an *anchor*: a company suffix it ends with (钱江制冷,
东方财富证券, 宇树科技) or a role word right after it (钱江制冷副总经理).
From the anchor, the name reaches back over the run of CJK/Latin characters, stops
at a function word (位于余杭区的钱江制冷), and keeps only the name-like words
(nouns, proper nouns, abbreviations, by the segmenter's part-of-speech tags) right
before the suffix, so 近期陆续发行公司 and 提出要以科技 give nothing. A "name" made only
of sector words (商业银行, 新能源汽车公司) is a kind of company, not one, and a name
ending in 局/委/厅 … is a government body. The cues live in ``data/organisations.txt``.

>>> [name for _, _, name in find_organisations("位于余杭区的钱江制冷未来工厂,钱江制冷副总经理说")]
['钱江制冷', '钱江制冷']
>>> company_stem("东方财富证券")
'东方财富'
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import regex

from ._data import read_sections

__all__ = ["find_organisations", "company_stem", "org_lexicon", "ORG_SECTIONS"]

ORG_SECTIONS = ("suffixes", "roles", "stem_suffixes", "cut", "bad_start", "generic", "government", "not_after",
                "companies")

# Part-of-speech tags of words that can be part of a name (jieba's tag set; words
# added to the segmenter without a tag come out as x).
_NAME_POS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nz", "nt", "j", "eng", "x", "s"})
_MAX_RUN = 24
_MAX_STEM = 10

_STATE: dict[str, Any] = {}


def org_lexicon() -> dict[str, tuple[str, ...]]:
    """The sections of ``data/organisations.txt``, loaded once.

    >>> "副总经理" in org_lexicon()["roles"]
    True
    """
    lex = _STATE.get("lex")
    if lex is None:
        sections = read_sections("organisations.txt")
        lex = {name: tuple(sections.get(name, ())) for name in ORG_SECTIONS}
        _STATE["lex"] = lex
    return lex


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _word_scan(*groups: tuple[str, ...]) -> re.Pattern[str]:
    """The words of ``groups`` as one standard-library pattern that finds what
    ``regex.compile("|".join(_alt(g) for g in groups))`` finds, twice as fast.

    At one position an earlier group and then a longer word wins, as there. The pattern
    starts with the class of the words' first characters, which ``re`` skips to quickly,
    then tries only the words that begin with the character found.
    """
    by_first: dict[str, list[str]] = {}
    for words in groups:
        for w in sorted(set(words), key=len, reverse=True):
            by_first.setdefault(w[0], []).append(w)
    rests = "|".join(f"(?<={re.escape(c)})(?:{'|'.join(re.escape(w[1:]) for w in ws)})"
                     for c, ws in by_first.items())
    return re.compile(f"[{''.join(map(re.escape, by_first))}](?:{rests})")


def _patterns() -> dict[str, Any]:
    pats = _STATE.get("pats")
    if pats is None:
        lex = org_lexicon()
        pats = {
            "anchor": _word_scan(lex["suffixes"], lex["roles"]),  # a suffix, else a role word
            "suffixes": frozenset(lex["suffixes"]),
            "suffix_end": regex.compile(rf"(?:{_alt(lex['suffixes'])})$"),
            "stem_suffix": regex.compile(rf"(?:{_alt(lex['stem_suffixes'])})$"),
            "cut": regex.compile(rf".*(?:{_alt(lex['cut'])})"),
            "bad_start": regex.compile(rf"(?:{_alt(lex['bad_start'])})"),
            "government": regex.compile(rf"(?:{_alt(lex['government'])})$"),
            # 业 ends a sector word (银行业) unless it starts 业务/业绩 (招商银行业务收入)
            "not_after": regex.compile(rf"(?:{_alt(lex['not_after'])})(?<!业(?=[务绩]))"),
            "generic": frozenset(lex["generic"]),
            # The run of name characters ending at an anchor, matched from the anchor back (the
            # same run a forward search finds, without trying every start before it).
            "run_back": regex.compile(rf"(?r)[\p{{Han}}A-Za-z]{{1,{_MAX_RUN}}}$"),
        }
        _STATE["pats"] = pats
    return pats


@lru_cache(maxsize=4096)
def _name(cand: str) -> str | None:
    """The organisation name at the end of ``cand`` (which ends at an anchor), or None."""
    from .tokens import segmenter

    p = _patterns()
    sm = p["suffix_end"].search(cand)
    suffix = sm.group() if sm else ""
    body = cand[: len(cand) - len(suffix)]
    cut = p["cut"].match(body)
    if cut:
        body = body[cut.end():]
    kept: list[str] = []
    for w, pos in reversed(segmenter().tag(body)):
        if pos not in _NAME_POS:
            break
        kept.append(w)
    stem = "".join(reversed(kept))
    if not 2 <= len(stem) <= _MAX_STEM or p["bad_start"].match(stem):
        return None
    if all(w in p["generic"] for w in kept) or stem in p["generic"]:
        return None
    name = stem + suffix
    if p["government"].search(name):
        return None
    return name


def find_organisations(t: str) -> list[tuple[int, int, str]]:
    """Organisation names in cleaned text ``t`` as ``(start, end, name)``, in order.

    Args:
        t: cleaned text (simplified script; see :mod:`hz_extract.clean`).

    Returns:
        Spans and names; ``[]`` when none.

    >>> find_organisations("上半年,东方财富证券实现营业收入41.77亿元")
    [(4, 10, '东方财富证券')]
    """
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    suffixes: frozenset[str] = p["suffixes"]
    for m in p["anchor"].finditer(t):
        suffix = m.group() in suffixes
        if suffix and p["not_after"].match(t, m.end()):
            continue  # 科技园, 银行业, 公司债: the suffix belongs to another word
        end = m.end() if suffix else m.start()
        run = p["run_back"].search(t, max(0, end - _MAX_RUN), end)
        if run is None:
            continue
        name = _name(run.group())
        if not name:
            continue
        start = end - len(name)
        if out and out[-1][1] >= end:  # 钱江制冷副总经理: suffix and role name one company
            continue
        while out and out[-1][0] >= start:  # 宁德时代新能源科技 inside …科技股份有限公司
            out.pop()
        out.append((start, end, name))
    return out


def company_stem(name: str) -> str | None:
    """A company name without its business suffix, when 3+ characters are left.

    >>> company_stem("钱江制冷") is None  # 钱江 is too short to stand for the company
    True
    """
    m = _patterns()["stem_suffix"].search(name)
    if m and m.start() >= 3:
        return name[: m.start()]
    return None

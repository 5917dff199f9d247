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
from bisect import bisect_right
from functools import lru_cache
from typing import Any

import regex

from ._data import read_sections

__all__ = ["find_organisations", "find_listed", "short_names", "find_references", "company_stem", "org_lexicon",
           "ORG_SECTIONS"]

ORG_SECTIONS = ("suffixes", "roles", "stem_suffixes", "cut", "bad_start", "generic", "government", "not_after",
                "companies", "report_verbs", "report_nouns", "result_nouns", "references")

# Part-of-speech tags of words that can be part of a name (jieba's tag set; words
# added to the segmenter without a tag come out as x).
_NAME_POS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nz", "nt", "j", "eng", "x", "s"})
_MAX_RUN = 24
_MAX_STEM = 10

_STATE: dict[str, Any] = {}

# A stock code in brackets right after a name: 禾曦电子(605987), 腾讯控股(00700.HK) or (00700), (股票代码:600519).
_CODE = (r"\((?:股票代码|证券代码|代码)?[::]?\s?(?:\d{6}(?:\.(?:SH|SZ|BJ))?|(?:SH|SZ|BJ)\d{6}|\d{4,5}\.HK"
         r"|HK\d{4,5}|0\d{4})\)")
# When a report came out, between the name and the verb: 10月28日晚, 今日, 日前.
_WHEN = (r"(?:\d{1,2}月\d{1,2}日|今日|今天|昨日|昨天|日前|近日|当日|同日)?"
         r"(?:晚间|早间|盘后|午间|傍晚|下午|上午|晚)?")
_PART_OF_YEAR = r"前三季度|上半年|下半年|全年|[一二三四]季度|第[一二三四]季度"
_BARE = ("公司", "集团")
"""References that stand for the company only where they start a clause (公司全年实现…; not 上市公司)."""


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
    ``regex.compile("|".join(_alt(g) for g in groups))`` finds, several times faster.

    At one position an earlier group and then a longer word wins, as there. Every branch
    starts with its own first character (the words that begin with it follow): ``re`` skips
    to the class of those characters and picks the branch by one comparison.
    """
    by_first: dict[str, list[str]] = {}
    for words in groups:
        for w in sorted(set(words), key=len, reverse=True):
            by_first.setdefault(w[0], []).append(w)
    return re.compile("|".join(f"{re.escape(c)}(?:{'|'.join(re.escape(w[1:]) for w in ws)})"
                               for c, ws in by_first.items()))


def _patterns() -> dict[str, Any]:
    pats = _STATE.get("pats")
    if pats is None:
        lex = org_lexicon()
        pats = {
            "anchor": _word_scan(lex["suffixes"], lex["roles"]),  # a suffix, else a role word
            "suffixes": frozenset(lex["suffixes"]),
            # Plain word lists, each candidate name is tried against several: standard-library
            # patterns, two to three times faster on these than the regex module.
            "suffix_end": re.compile(rf"(?:{_alt(lex['suffixes'])})$"),
            "stem_suffix": re.compile(rf"(?:{_alt(lex['stem_suffixes'])})$"),
            "cut": re.compile(rf".*(?:{_alt(lex['cut'])})"),
            "bad_start": re.compile(rf"(?:{_alt(lex['bad_start'])})"),
            "government": re.compile(rf"(?:{_alt(lex['government'])})$"),
            # 业 ends a sector word (银行业) unless it starts 业务/业绩 (招商银行业务收入)
            "not_after": re.compile(rf"(?:{_alt(lex['not_after'])})(?<!业(?=[务绩]))"),
            "generic": frozenset(lex["generic"]),
            # The run of name characters ending at an anchor, matched from the anchor back (the
            # same run a forward search finds, without trying every start before it).
            "run_back": regex.compile(rf"(?r)[\p{{Han}}A-Za-z]{{1,{_MAX_RUN}}}$"),
            # Found from the code or the verb (a standard-library pattern: these start with a few
            # characters, which it skips to quickly); the date before the verb is read back. A
            # report about companies (发布2024年上市公司年报分析) is no company's own.
            "listed": re.compile(
                rf"[({''.join(sorted({v[0] for v in lex['report_verbs']}))}](?:(?<=\(){_CODE[2:]}"
                rf"|(?:{'|'.join(f'(?<={v[0]}){v[1:]}' for v in sorted(set(lex['report_verbs'])))})了?"
                rf"(?:(?!公司|A股|两市)[^,;。!?\n]){{0,24}}?(?:{_alt(lex['report_nouns'])}))"),
            "when": regex.compile(rf"(?r){_WHEN}$"),
            # A headline: the name, then a report (明岚乳业三季报), or a year, a part of one or a colon
            # and results (禾曦电子2024年净利润…, 明岚乳业一季度营收…, 澜舟新材:2025年营收…); a bare
            # 营业收入… names no company, and a verb is no part of the name (宁德时代发布年报: the
            # verb's cue finds it).
            "headline": regex.compile(
                rf"\s*(?P<name>(?:(?!{_alt(lex['report_verbs'])})[\p{{Han}}A-Za-z]){{2,{_MAX_STEM}}}?)"
                rf"(?:(?:[::]\s?(?:\d{{4}}年度?)?|\d{{4}}年度?)"
                rf"(?:{_PART_OF_YEAR})?(?:{_alt(lex['report_nouns'] + lex['result_nouns'])})"
                rf"|(?:{_PART_OF_YEAR})(?:{_alt(lex['result_nouns'])})"
                rf"|(?:{_PART_OF_YEAR})?(?:{_alt(lex['report_nouns'])}))"),
            "references": regex.compile(
                rf"(?:{_alt(tuple(w for w in lex['references'] if w not in _BARE))})"
                rf"|(?:(?<![\p{{Han}}A-Za-z])|(?<=期内|期末|季度|年度|年末|月末|年底|月底|同期|[年月日]))"
                rf"(?:{_alt(_BARE)})(?!{_alt(lex['not_after'])})"),
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
    if len(body) < 2:  # the name is words at the end of the body: too short, whatever they are
        return None
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


def find_listed(t: str) -> list[tuple[int, int, str]]:
    """Companies named without a suffix that the text shows it reports on, as ``(start, end, name)``.

    A name right before a stock code in brackets (禾曦电子(605987), 腾讯控股(00700.HK)),
    before (a date and) a reporting verb and a report noun (明岚乳业10月28日晚发布三季报,
    嘉澜控股公布截至…中期业绩), or starting the first line before (a period and) a
    report or result noun (澜舟新材:2025年营收增长…). The name is read back as for a
    suffix (name-like words only, not a kind of company nor a government body).

    >>> find_listed("明岚乳业10月28日晚发布三季报。公司营收增长")
    [(0, 4, '明岚乳业')]
    >>> find_listed("多家上市公司日前发布年报")
    []
    """
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    head = p["headline"].match(t, 0, max(0, t.find("\n")) or len(t))
    if head and (name := _listed_name(head.group("name"), True)) and head.group("name").endswith(name):
        out.append((head.end("name") - len(name), head.end("name"), name))
    for m in p["listed"].finditer(t):
        end = m.start()
        if t[end] != "(":
            end = p["when"].search(t, max(0, end - 12), end).start()  # 10月28日晚发布: the name ends before the date
        run = p["run_back"].search(t, max(0, end - _MAX_RUN), end)
        if run is None or (out and out[-1][1] == end):
            continue
        a = run.start()  # the run is all of a name when it starts the text or follows no digit (1200家公司)
        name = _listed_name(run.group(), a == 0 or (a > end - _MAX_RUN and not t[a - 1].isdigit()))
        if name:
            out.append((end - len(name), end, name))
    return out


_MAX_LISTED = 6


@lru_cache(maxsize=1024)
def _listed_name(run: str, whole: bool) -> str | None:
    """The company name at the end of ``run``: all of a ``whole`` run (one that starts after a
    boundary) of at most 6 characters that is no kind of company, government body or phrase
    (远航电气, whose 远航 the segmenter takes for a verb), else the name-like words at its end."""
    from .tokens import segmenter

    p = _patterns()
    if (whole and 2 <= len(run) <= _MAX_LISTED and not p["cut"].match(run) and not p["bad_start"].match(run)
            and not p["government"].search(run)
            and not all(w in p["generic"] for w in segmenter().cut(run, hmm=False))):
        return run
    return _name(run)


_SHORT = regex.compile(r"\((?:以下简称|下称|简称)[::]?[“\"「『]?(?P<short>[\p{Han}A-Za-z]{2,10}?)[”\"」』]?(?:[,;)]|或)")


def short_names(t: str, names: list[tuple[int, int, str]]) -> dict[str, str]:
    """The short names the text defines for ``names`` (spans into ``t``): 青禾数字科技股份有限公司(简称“青禾数科”).

    >>> short_names("青禾数字科技股份有限公司(简称“青禾数科”)发布半年报", [(0, 12, "青禾数字科技股份有限公司")])
    {'青禾数字科技股份有限公司': '青禾数科'}
    """
    out = {}
    for _, b, name in names:
        m = _SHORT.match(t, b)
        if m:
            out[name] = m.group("short")
    return out


def find_references(t: str, named: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """Words that stand for a company the text reports on, as ``(start, end, name)``: 该公司,
    本行, and 公司/集团 starting a clause (公司全年…, 第四季度公司…), not inside a word (上市公司,
    子公司, 公司债). ``named`` holds ``(start, name)`` of that company's mentions, in order; a
    reference is the one named last before it (else the first). ``[]`` when ``named`` is empty.

    >>> find_references("禾曦电子年报。第四季度公司实现营收,归属于上市公司股东的净利润,该行", [(0, "禾曦电子")])
    [(11, 13, '禾曦电子'), (32, 34, '禾曦电子')]
    """
    if not named:
        return []
    starts = [a for a, _ in named]
    out = []
    for m in _patterns()["references"].finditer(t):
        i = bisect_right(starts, m.start())
        out.append((*m.span(), named[i - 1 if i else 0][1]))
    return out

"""The period pattern and where it is tried: what :mod:`hz_extract.period_scan` reads periods with.

:func:`pattern` is one ``regex`` pattern for every period expression (its branches are the
parts of :data:`_PARTS`); :func:`matches` tries it only where a period can start, at the
positions cheap standard-library scans yield (:func:`_starts`), and there by its twin for the
standard library's ``re`` (:func:`_for_re`), which is quicker per call. The context pattern of
an event date (发布 after a period) is compiled with it into :data:`COMPILED`.

>>> [m.group() for m in matches("2024年1-10月增长5%,比上年提高")]
['2024年1-10月', '上年']
"""
from __future__ import annotations

import re
from typing import Any, TypeAlias

import regex

__all__ = ["pattern", "matches", "Match", "COMPILED", "YEAR", "DATE_YEAR"]

Match: TypeAlias = re.Match[str] | regex.Match[str]
"""A match of the period pattern, by ``re`` or (where it tests Chinese script) by ``regex``."""

YEAR = r"(?<![\d.])(?:19|20)\d{2}(?![\d.])"
DATE_YEAR = r"(?<![\d.])(?:19|20)\d{2}(?!\d)"  # in a date: 2024.11.18
_CN_YEAR = r"[〇○零一二三四五六七八九]{4}"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
_DASH = r"\s*[-—–~～至到]\s*"
_SEP = r"[-/.]"
# The words before a period that make it a comparison base (比上年), an event date (于2024年11月
# 发布), a stock on a day (截至6月30日) or the base of one figure (是2021年的4.2倍) are looked for
# at the end of the few characters before it, or before a newline there (as ``$`` would find them).
_BASE_WORDS = ("比", "较", "同", "与", "相比", "对比", "相对", "高于", "低于", "快于", "慢于")
# A period right before an event verb, or after 于 (于2024年11月发布), dates an event.
_EVENT_AFTER = (r"(?:发布|印发|召开|举行|举办|出台|公布|启动|开幕|闭幕|签约|签署|揭牌|成立|开通|上线|获悉"
                r"|开工|竣工|投产|落地|正式)")
_DEADLINE_AFTER = r"[底末]?(?:之前|以前|前)(?!\p{Han}*?(?:季度|个月))"  # 12月底前, not 2024年前三季度
# What those two can start with: after any other character neither is tried (nor after a
# comma followed by any other character).
_EVENT_FIRST = frozenset(",，底末之以前" + "".join(w[0] for w in _EVENT_AFTER[3:-1].split("|")))
_COMMAS = frozenset(",，")
_EVENT_BEFORE = ("于",)
_AS_OF = ("截至", "截止", "截止到")
_AS_OF_LAST = ("至", "止", "到")
# A year (or 上年) followed by 的 after these is the base of a multiple or share: 是2021年的4.2倍.
_BASE_OF = ("是", "为", "相当于", "恢复到", "恢复至", "回到", "达到", "超过")
_FIGURE_FIRST = frozenset("0123456789〇零一二三四五六七八九十两百千万几半近约逾超多")  # what a figure starts with
# The characters _BASE_WORDS and _EVENT_BEFORE can end with right before a period (or a newline
# after them): after any other character neither is looked for.
_BEFORE_LAST = frozenset({w[-1] for w in _BASE_WORDS} | {"于", "\n"})
# Characters after a bare year that make it a quantity or a code, not a year.
_NOT_AFTER_BARE = ("年月日号亿万千百十元角分个家台吨多余倍项件人户辆座条只种次位名套部批所栋间天米公斤克度"
                   "亩平立美欧港英桶标兆瓦升毫厘微张本篇首场届期版款级例起宗笔单头匹株棵尾箱包袋瓶盒份支枚"
                   "颗粒片块根段节层幢秒时")

_PARTS = {
    "date": "|".join([
        rf"(?P<dy>{DATE_YEAR})(?P<dsep>{_SEP})(?P<dm>1[0-2]|0?[1-9])(?P=dsep)(?P<dd>3[01]|[12]\d|0?[1-9])(?![\d.])"
        r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?",
        # A day span inside one month (10月1日至8日, 10月1至7日) is that month; across months, a date.
        rf"(?:(?P<dy2>{YEAR})年)?(?P<dm2>{_MONTH})月(?P<dd2>{_DAY})(?:(?:[、,，和及]|(?P<dto>[至到-])){_DAY})*[日号]"
        rf"(?:(?P<dto2>{_DASH})(?:{_MONTH}月)?{_DAY}[日号])?",
    ]),
    "yrange": rf"(?P<ya>{YEAR})年?{_DASH}(?P<yb>{YEAR})年?(?!\d|\s*[-/.]\d)",
    "latin": rf"(?P<ylat>{YEAR})年?(?P<lat>Q[1-4]|H[12])(?![A-Za-z\d])",
    # Five-year plans: “十四五” (2021/2025) is a span of years, not the number 145.
    "plan": r"(?P<plan>(?P<pn>十[一二三四五六七八九]|二十|[三四五六七八九]))五"
            r"(?=[”\"’]|时期|期间|规划|以来|末|初|开局|收官)",
    # A company's period ending on a day: 截至2025年6月30日止六个月 (2025H1), …止年度 (2025).
    # (Rare branches capture nothing: every group costs every match; their hits are read again.)
    "ending": rf"截至(?:(?:{YEAR}|{_CN_YEAR})年)?{_MONTH}月{_DAY}日(?:止的?|的)"
              r"(?:(?:1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])个月|年度)",
    # The year a review looks back on (过去一年, 一年来): the year just ended, early in a year.
    "past": r"过去的?一年|(?<![\d一二三四五六七八九十两几多每])一年来",
    # The report's own period (报告期内, 期内 after a break), its end (报告期末), and 年内
    # (the year in frame, like 全年; not 一年内, nor 创年内新高: a record, not a period).
    "report": r"报告期[内末]|(?<![\p{Han}\w])期内(?!容)|(?<![\d一二三四五六七八九十两百千万几多数每半年创])年内(?![新高低])",
    "pre": rf"(?:(?P<y>{YEAR}|{_CN_YEAR})年(?P<yx>度|全年|底|末|初(?!步)|以来|同期)?"
           r"|(?P<rel>今年|本年|当年|去年|上年|上一年|前年|明年|次年)(?P<rx>同期|全年|末|底|初|以来)?)(?:的)?",
    "sub": "|".join([
        rf"(?P<mspan>(?P<m1>{_MONTH})(?:月份?)?{_DASH}(?:(?P<y2>{YEAR})年)?(?P<m2>{_MONTH})月份?)",
        r"(?P<firstn>[前首](?P<n>1[01]|[1-9]|十[一]?|[两二三四五六七八九])个?月(?:份)?)",
        r"(?P<qspan>[前首](?P<qa>[两二三1-3])个?季度?|(?P<qf>[一二三1-3])(?:季度)?\s*[-—–~至到]\s*(?P<qb>[二三四2-4])季度)",
        r"(?P<quarter>第?(?P<q>[一二三四1-4])季度|第(?P<q2>[一二三四1-4])季|首季度?)",  # 第三季 (Hong Kong)
        r"(?P<half>[上下]半年|半年度)",
        # A holiday: its month from the days in brackets, else the month it always falls in.
        rf"(?P<hol>(?:国庆|中秋|五一|十一|劳动节|清明|春节|元旦|端午)节?(?:[、和与]?(?:国庆|中秋)节?)?[”\"’]?"
        rf"(?:假期|黄金周|小长假|长假)(?:\s*[(（]{_MONTH}月{_DAY}[日号]?{_DASH}(?:{_MONTH}月)?{_DAY}[日号][)）])?)",
        rf"(?P<month>(?<!\d)(?P<mo>{_MONTH})月份?(?![\d一二三四五六七八九十]+[日号])(?!\d))",
    ]),
    "full": r"(?P<full>全年|(?<![年每多两几数十百千万\d])年(?:末|底))",
    "bare": rf"(?P<bare>{YEAR})(?=\p{{Han}})(?![{_NOT_AFTER_BARE}])",
}

# Where a period can start: every branch of the pattern begins in one of these ways (a
# 19xx/20xx year; a month or quarter number right before 月/季 or a dash; a Chinese
# numeral at most four characters before 年月季五 or a dash; 今年, 上半年, 前11个月, 全年,
# 年末, 第一季度, 首季 …). A necessary condition, checked against the plain pattern by
# tests/text/test_periods.py: the pattern is tried only at the few positions the standard
# library's ``re`` (faster than ``regex`` at finding them) yields (:func:`_starts`).
_DASH_AHEAD = r"\s*[-—–~～至到]"
_CN_NUMERAL = "〇○零一二三四五六七八九十两"
# A numeral before 年 is a year written in four (二〇二四年) or 一年来; else a month, a quarter,
# a plan (十四五) or a span (一至三季度).
_AHEAD_CN = rf"[{_CN_NUMERAL}]{{3}}年|[{_CN_NUMERAL}]{{0,3}}(?:[月季五]|{_DASH_AHEAD})"
_AHEAD_N_MONTHS = "(?:1[01]|[1-9]|十一?|[两二三四五六七八九])个?[月季]"
_AHEAD = {  # what may follow each first character but a digit; the most frequent first
    "年": "[末底内]", "上": "一?年|半年", "全": "年", "下": "半年", "半": "年度",
    **{c: _AHEAD_CN for c in _CN_NUMERAL},
    "一": f"{_AHEAD_CN}|年来", "五": f"{_AHEAD_CN}|一", "十": f"{_AHEAD_CN}|一",  # 一年来, 五一, 十一
    **{c: "年" for c in "今本当去明次"},
    # 截至…日止 (at most 2025年12月31日 or 二〇二五年十二月三十一日 between), 报告期, 期内, 过去一年,
    # and the holidays 元旦, 中秋, 国庆, 劳动节, 清明, 春节, 端午.
    "截": "至[^日]{3,11}日[止的]", "报": "告期", "期": "内", "过": "去",
    "元": "旦", "中": "秋", "国": "庆", "劳": "动", "清": "明", "春": "节", "端": "午",
    "前": f"年|{_AHEAD_N_MONTHS}", "第": "[一二三四1-4]季", "首": f"季|{_AHEAD_N_MONTHS}",
}
# A period never starts with a digit other than 0-9 (years, months and quarters are written so);
# one that starts with 0-9 is a year (19xx, 20xx, not right after a digit or a point) or the
# number of a month or a quarter (1-9, 01-12: ``_MONTH``) right before 月 or 季, or before a
# dash with spaces or none between. Digits are a fifth of a text and nearly all in figures, so
# they are not tried one by one: years are found by ``re``'s quick search for a fixed string, and
# month numbers from the marks after them. The year's last two digits are ``regex`` digits, which
# ``re`` may not know: they are only told apart from characters no version of Unicode makes a
# digit (ASCII other than 0-9, and U+3000 to U+9FFF, where 〇 is a letter): 20.8, 200万, 19:30.
_YEAR_AHEAD = r"[^\x00-/:-\x7f\u3000-\u9fff]{2}"  # after 19 or 20
_YEAR_STARTS = tuple(re.compile(rf"{y}(?<![0-9.]{y})(?={_YEAR_AHEAD})") for y in ("19", "20"))
_DASHES = "-—–~～至到"
_MARKS = frozenset("月季" + _DASHES)
_ONE_DIGIT = frozenset("123456789")
_TWO_DIGITS = frozenset(f"{mo:02d}" for mo in range(1, 13))
# Every branch starts with its own character: ``re`` then skips to the class of those characters
# and picks the branch by one comparison, instead of trying every branch at every position.
_STARTS = re.compile("|".join([
    *(f"{re.escape(c)}(?={ahead})" for c, ahead in _AHEAD.items()),
    "月(?<=[0-9]月)", "季(?<=[0-9]季)", *(rf"{re.escape(d)}(?<=[0-9\s]{re.escape(d)})" for d in _DASHES)]))


def _starts(text: str) -> list[int]:
    """Where in ``text`` a period can start, in order: :data:`_YEAR_STARTS`, the words of
    :data:`_AHEAD`, and the month numbers ending right before a mark :data:`_STARTS` finds."""
    found = [s.start() for years in _YEAR_STARTS for s in years.finditer(text)]
    add = found.append
    for s in _STARTS.finditer(text):
        at = s.start()
        if text[at] not in _MARKS:  # a word of _AHEAD
            add(at)
            continue
        if text[at] in _DASHES:  # spaces may stand between a number and a dash
            while at and text[at - 1].isspace():  # str.isspace: regex's \s and \x1c-\x1f
                at -= 1
        if text[at - 1:at] in _ONE_DIGIT:  # a month number of one digit ends at ``at``
            add(at - 1)
        if text[max(0, at - 2):at] in _TWO_DIGITS:  # or of two
            add(at - 2)
    found.sort()
    return found


# ``regex`` reads ``\d`` and ``\s`` by a later Unicode than ``re`` does; for ``re`` they are spelled
# out as ``regex`` reads them (tests/text/test_periods.py compares the two over every character).
_SPACE = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # not re's \x1c-\x1f
_LATER_DIGITS = ("\U00010d40-\U00010d49\U000116d0-\U000116e3\U00011bf0-\U00011bf9\U00011de0-\U00011de9"
                 "\U00011f50-\U00011f59\U00016130-\U00016139\U00016d70-\U00016d79\U0001ccf0-\U0001ccf9"
                 "\U0001e4f0-\U0001e4f9\U0001e5f1-\U0001e5fa")  # decimal digits re does not know
# The two tests of Chinese script, which ``re`` cannot spell: 期内 after no word, a bare year before
# Chinese. The ``re`` pattern leaves them out, so it matches wherever ``regex`` does and more; the
# matches that may have passed one (those starting with 期, and bare years) ``regex`` decides.
_SCRIPT_TESTS = (r"(?<![\p{Han}\w])", r"(?=\p{Han})")
_PIECE = re.compile(r"\\.|\[(?:\\.|[^\\\]])*\]")  # an escape, or a character class


def _for_re(src: str) -> str:
    """The ``regex`` pattern ``src`` for the standard library's ``re``, without :data:`_SCRIPT_TESTS`."""
    for test in _SCRIPT_TESTS:
        assert test in src, test
        src = src.replace(test, "")

    def spell(piece: re.Match[str]) -> str:
        p = piece.group()
        if p[0] == "[":
            return p.replace(r"\d", rf"\d{_LATER_DIGITS}").replace(r"\s", _SPACE)
        return {r"\d": rf"[\d{_LATER_DIGITS}]", r"\s": f"[{_SPACE}]"}.get(p, p)

    out = _PIECE.sub(spell, src)
    assert r"\w" not in out and r"\p" not in out
    return out


COMPILED: dict[str, Any] = {}
"""The compiled patterns, filled by :func:`pattern`: ``pat``, its ``re`` twin ``fast``, ``groups`` (group
numbers by name, the same in both) and the context pattern ``event_after``."""


def pattern() -> regex.Pattern[str]:
    """The period pattern, compiled once; it is tried where :func:`_starts` says a period can start.

    No group name is used twice, so ``re`` numbers the groups of its twin as ``regex`` does.
    """
    pat = COMPILED.get("pat")
    if pat is None:
        p = _PARTS
        # (pre)?(sub)? that must match one: what (pre)(sub)?|(sub) matches, with sub written once.
        pat = regex.compile(
            rf"(?P<date>{p['date']})|(?P<yrange>{p['yrange']})|{p['latin']}|{p['plan']}"
            rf"|(?P<rare>{p['ending']}|{p['past']}|{p['report']})"
            rf"|(?P<pre>{p['pre']})?(?P<sub>{p['sub']})?(?(pre)|(?(sub)|(?!)))|{p['full']}|{p['bare']}")
        # Group numbers by name: a match gives a group by number several times faster than
        # by name, and the groups are read for every period found.
        COMPILED["groups"] = dict(pat.groupindex)
        COMPILED["fast"] = re.compile(_for_re(pat.pattern))
        COMPILED["pat"] = pat
        COMPILED["event_after"] = regex.compile(rf"[,，]?{_EVENT_AFTER}|{_DEADLINE_AFTER}")
    return pat


def matches(text: str) -> list[Match]:
    """``list(pattern().finditer(text))``, trying the pattern only where a period can start.

    There the ``re`` twin of the pattern is tried first (twice as fast as ``regex`` per call);
    where it may have passed over a test of Chinese script it leaves out, ``regex`` decides.
    """
    slow = pattern().match
    fast = COMPILED["fast"].match
    bare = COMPILED["groups"]["bare"]
    out: list[Match] = []
    end = 0
    for i in _starts(text):
        if i < end:
            continue
        m: Match | None
        if text[i] == "期":  # 期内
            m = slow(text, i)
        else:
            m = fast(text, i)
            if m is not None and m.group(bare) is not None:
                m = slow(text, i)
        if m is not None:
            end = m.end()
            out.append(m)
    return out

"""The quantity pattern: one compiled ``regex`` built from named parts and the lexicons.

It runs on the folded text (see :func:`hz_extract.numerals.fold`, one character to
one character) and finds the *core* of a quantity: an optional currency sign, 第 or
百分之, a number (Arabic, Chinese or mixed, with its magnitudes and vague digits), an
optional fraction, unit and range, and a trailing qualifier (以上, 左右 …). Qualifier
words written before the number are looked up by :mod:`hz_extract.quantity_read`, which
also decides what a match means. ``skip`` matches dates, clock times, ratios and phone
numbers so that their digits are passed over whole.

Every repetition is bounded and atomic, so a line of 100,000 digits is scanned in
linear time.

>>> pattern().search("增长4.0%").group("n1")
'4.0'
"""
from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

import regex

from .quantity_lexicon import lexicon

__all__ = ["pattern", "prefilter", "trigger", "scan", "refused", "money_tail", "FAMILIES", "SPECIAL", "DOUBLINGS"]

#: The pattern families, each with its corpus in ``tests/quantities/corpora/<family>.txt``.
FAMILIES = ("number", "money", "percent", "pp", "multiple", "ordinal", "fraction", "measure",
            "qualifier", "range", "negative")

#: Whole words read as quantities on their own: (value, unit, kind).
SPECIAL = {
    "首位": ("1", None, "ordinal"), "榜首": ("1", None, "ordinal"),
    "百分之百": ("100", "%", "percent"), "半成": ("5", "%", "percent"), "半折": ("50", "%", "percent"),
    "一半": ("0.5", None, "number"),
}

#: 翻番 (翻一番, 翻了两番, 翻2番): doubling n times is a multiple of 2**n; the count of doublings.
DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_AR = (r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,8}(?:\.[0-9]{1,20})?|[0-9]{1,24}(?:\.[0-9]{1,20})?|\.[0-9]{1,20})"
       r"(?:[eE][-+]?[0-9]{1,3}(?![0-9A-Za-z]))?(?:(?:[kw]|(?<=[0-9]{2})K)(?![A-Za-z]))?")  # 15k, 30w, 100K; not 4K, 30W


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _spaced(word: str) -> str:
    """A unit word that may be written with spaces between its characters (个 百分 点)."""
    return "[ ]{0,3}".join(regex.escape(ch) for ch in word)


def _units(lex, lists: dict[str, list[str]]) -> str:
    words = sorted(set(lex.units) | set(lex.not_units), key=lambda w: (-len(w), w))
    return _words(words, lex, "units", lists)


def _per(lex, lists: dict[str, list[str]]) -> str:
    return _words(sorted(lex.per_units, key=lambda w: (-len(w), w)), lex, "per", lists)


def _words(words, lex, name: str, lists: dict[str, list[str]]) -> str:
    """One of ``words``, longest first; a word may have spaces between its characters (个 百分 点).

    Words without a condition go in a named list (``\\L<name>``, which ``regex`` matches
    as a set, longest first) instead of a long alternation tried word by word; the
    spaced alternation is only tried when a space follows within a word's length. A
    word with a condition (ASCII: no letter may follow; 'not_followed_by') is its own
    alternative; none of them starts with a listed word, so the order stays longest first.
    """
    spaced, conditional, plain = [], [], []
    for w in words:
        p = _word(w, lex, _spaced(w))
        spaced.append(p)
        if w.isascii() or w in lex.not_followed_by:
            conditional.append(p)
        else:
            plain.append(w)
    if any(c.startswith(w) for c in words if c.isascii() or c in lex.not_followed_by for w in plain if c != w):
        raise AssertionError(f"a conditional {name} word starts with a listed one; order them by hand")
    lists[name] = plain
    longest = max(map(len, words))
    return (rf"(?:(?=[^ \n]{{1,{longest - 1}}}[ ])(?:{'|'.join(spaced)})"
            rf"|\L<{name}>|{'|'.join(conditional)})")


#: What the pattern's ``skip`` passes over whole, but for mobile numbers: a web address, a date
#: (2024-11-18), a ratio or clock time (2.7:54.8:42.5, 20:43), 18点30分, a phone number with its
#: area code. Plain ASCII classes, read the same by ``regex`` and ``re`` (see :func:`refused`).
_SKIPPED = (r"https?://[!-~]{1,2000}"
            r"|(?<![0-9])[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])"
            r"|(?<![0-9.])[0-9]{1,3}(?:\.[0-9]+)?(?::[0-9]{1,3}(?:\.[0-9]+)?){1,4}(?![0-9])"
            r"|(?<![0-9])[0-9]{1,2}[点时][0-9]{1,2}分"
            r"|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])")


class _Parts(NamedTuple):
    """What :func:`_build` makes from the lexicons; every compiled pattern below is made from it."""

    source: str  # the quantity pattern
    lists: dict[str, list[str]]  # the named word lists it uses (``\\L<units>``, ``\\L<per>``)
    trigger: str  # its opening lookaheads: where a match can start
    starts: frozenset[str]  # every character a match can start with
    common: str  # the commonest quantity alone, in standard ``re`` syntax (see :func:`scan`)
    bare: str  # a bare figure ending its line or table cell, the same (see :func:`scan`)


def _word(w: str, lex, written: str) -> str:
    """The unit or per word ``w`` (as ``written``, a pattern) with its condition: an ASCII word is
    followed by no letter, a word in 'not_followed_by' by none of the characters listed there."""
    p = written + "(?![A-Za-z])" if w.isascii() else written
    bad = lex.not_followed_by.get(w)
    return p + f"(?![{regex.escape(bad)}])" if bad else p


@cache
def _build() -> _Parts:
    """Build the pattern's parts from the lexicons (once)."""
    lex = lexicon()
    lists: dict[str, list[str]] = {}
    digits = "".join(sorted(set(lex.digits) | set(lex.tens)))
    mags = []
    for ch in sorted(set(lex.small) | set(lex.big)):
        # a magnitude character that starts a unit word (千瓦时, 兆瓦, 百分点) is not a magnitude there
        tails = [w[1:] for w in lex.units if w.startswith(ch) and len(w) > 1]
        mags.append(f"{regex.escape(ch)}(?!{_alt(tails)})" if tails else regex.escape(ch))
    mag = "(?:" + "|".join(mags) + ")"
    big = "[" + "".join(lex.big) + "]"
    dig = f"[{digits}]"
    cn_char = f"(?:{dig}|{mag}|个(?={big}))"
    fuzz = "[多余几]"
    ten = "(?:十|拾)"
    more = rf"(?:[ ]?(?:{cn_char}|点(?=[ ]?{dig})|{fuzz}(?=[ ]?{cn_char})))"
    before = _alt(lex.before)
    start = (rf"(?:{dig}|{ten}(?!分(?!之))|[百佰千仟万亿](?=[ ]?(?:{dig}|{big}))|(?<={before})[百千万亿]"
             rf"|[数几](?=[十百千万亿]))")
    cnr = rf"(?:{start}{more}{{0,40}})"
    magr = rf"(?:(?:{mag}|{fuzz}(?=[ ]?{mag})|个(?={big})){more}{{0,40}})"
    ar = rf"(?<![0-9A-Za-z_.])(?:{_AR})(?![0-9]|\.[0-9])"
    piece = rf"(?:{ar}(?:[ ]{{0,2}}{magr})?)"
    body = rf"(?>(?:{piece}|{cnr})(?:(?<=[十拾百佰千仟万亿兆零〇])[ ]?(?:{piece}|{cnr})){{0,6}})"
    unit = _units(lex, lists)
    per = _per(lex, lists)
    sym = _alt(lex.money_prefixes)
    sign = r"(?:(?<![0-9A-Za-z)）])-|负)[ ]?"
    skip = (rf"{_SKIPPED}|(?<![0-9])1[3-9][0-9]{{9}}(?![0-9.,]|[ ]?(?:{unit}|{mag}))")  # a mobile number, unless counted
    after = _alt(lex.after)
    fz = rf"(?:[多余](?![{digits}])|几(?=[ ]?{unit}))"
    # A lone Chinese digit followed by nothing that makes it a figure (四川, 五大, 一些) is
    # refused here rather than read and thrown away; the whole-text case is find_quantities'.
    lone = rf"(?!(?:{dig}|{ten})(?![ ]{{0,5}}(?:{cn_char}|点|[多余几半又分/%~至到和与以左上之有出开-]|{unit})))"
    core = (
        rf"{lone}(?:(?P<sym>{sym})[ ]?)?"
        rf"(?:(?P<pw>[百佰千仟万]{{1,3}}[ ]*分[ ]*之)[ ]*|(?P<ord>第)[ ]?)?"
        rf"(?P<neg>{sign}(?=[0-9.]|{dig}|{ten}))?"
        rf"(?P<n1>{body})(?![ ]?(?:[年月号]|(?<![0-9]\.[0-9]{{1,20}})日(?![元本])))"  # 2024年, 11月: dates are passed over (1.3日 is days)
        rf"(?![、和][0-9]{{1,4}}(?:[年月号]|日(?![元本])))"  # 9月29、30日: so are lists of them
        rf"(?:[ ]{{0,2}}又[ ]{{0,2}}(?P<mix>{body})(?=[ ]{{0,2}}分[ ]{{0,2}}之)|[ ](?P<mixa>[0-9]{{1,3}})(?=/[0-9]))?"
        rf"(?:[ ]{{0,2}}分[ ]{{0,2}}之[ ]{{0,2}}(?P<negd>{sign})?(?P<n1d>{body})"
        rf"|/(?P<n1s>[0-9]{{1,3}})(?![0-9/]))?"
        rf"(?P<fz1>{fz})?"
        rf"(?:[ ]{{0,5}}(?P<u1>{unit})(?:[ ]?/[ ]?(?P<per1>{per}))?)?"
        rf"(?:[ ]?\((?:含|不含)\))?"
        rf"(?:[ ]?(?:(?P<sep>-{{1,2}}|~|至|到)|(?P<sepw>和|与))[ ]?(?P<neg2>{sign}(?=[0-9]))?(?P<n2>{body})"
        rf"{fz}?(?:[ ]{{0,3}}(?P<u2>{unit})(?:[ ]?/[ ]?(?P<per2>{per}))?)?(?(sepw)[ ]?(?:之间|间)))?"
        rf"(?P<half>(?<=\p{{Han}})半(?![年月天日小时个分]))?"
        rf"(?P<post>{after})?"
    )
    special = _alt(SPECIAL)
    times = "[" + "".join(sorted(DOUBLINGS)) + "]"
    doubling = rf"(?P<fan>翻[ ]?了?[ ]?(?P<fann>{times})?[ ]?番)(?P<fanpost>还多|{after})?"
    # Every match starts with one of these characters: checking it first lets the
    # engine pass over plain text at the speed of a character-class scan.
    firsts = set(digits) | set(lex.small) | set(lex.big) | set("-负第")
    # Other characters start a match only as the head of a word: 数十亿, 人民币, 半成, 首位, 翻番,
    # https:// (数据, 人口, 半年, 首批 are passed over at the speed of the scan)
    heads = {w for w in list(SPECIAL) + list(lex.money_prefixes) if w[0] not in firsts}
    heads |= {"数十", "数百", "数千", "数万", "数亿", "几十", "几百", "几千", "几万", "几亿", "翻", "http"}
    starts = frozenset(firsts | {w[0] for w in heads} | set("0123456789."))
    trigger = "[" + "".join(regex.escape(c) for c in sorted(firsts)) + "]"
    # A digit starts a match only at the head of a digit run (a line of 100,000 digits is one
    # try), and not at a date the core refuses (2024年, 11月, 29日: a number before 年 月 号,
    # or a whole number before 日, cannot be n1), so the scan passes over them
    dated = r"[0-9]{1,24}(?:\.[0-9]{1,20})?[ ]?[年月号]|[0-9]{1,24}[ ]?日(?![元本])"
    # Nor at a Chinese digit or 十 that ``lone`` refuses (一、, 两融, 一体化: followed by no
    # character that starts anything lone lets through, a unit word's first character
    # standing for the unit) or that comes before 年 月 号 (一年, 十月: n1 then cannot end there)
    goes_on = set(digits) | set(lex.small) | set(lex.big) | set("个点多余几半又分/%~至到和与以左上之有出开-")
    goes_on |= {w[0] for w in set(lex.units) | set(lex.not_units)}
    goes_on_class = "".join(regex.escape(c) for c in sorted(goes_on))
    refused = rf"[{digits}十拾](?:(?![ ]{{0,5}}[{goes_on_class}])|[ ]?[年月号])"
    trigger = rf"(?:(?=[0-9.])(?<![0-9A-Za-z_.])(?!{dated})|(?={trigger})(?!{refused})|(?={_alt(heads)}))"
    return _Parts(rf"{trigger}(?:(?P<skip>{skip})|(?P<special>{special})|{doubling}|{core})", lists,
                  trigger, starts, _common(lex), _BARE)


def _common(lex) -> str:
    """The common form of :func:`scan`: Arabic digits, 万 or 亿, a unit word, then nothing the full pattern takes in.

    Each part is narrowed until the full pattern, at the same place, reads the same text
    the same way (n1 the number, u1 the unit, no other group):

    - the number is written as the full pattern's Arabic number (thousands separators
      first), with no exponent, k or w;
    - the unit word starts with no character the full pattern reads between a number
      and its unit or as more of the number (numerals, magnitudes, 个 before 万 or 亿,
      点 数 几 多 余, 又 and 分 of a fraction, / of 1/4, 年 月 号 日 of a date, 、 和 of a
      list of dates, 时 of a clock time, a space, an ASCII letter or digit), so no skip,
      fraction, vague digit or longer number can be read there; 万 and 亿 begin no unit
      word, so they are magnitudes;
    - the unit word is the one the full pattern's unit part picks: the longest
      unconditional word (as ``\\L<units>`` picks them), else the longest conditional one
      whose condition holds; it would pick a longer word written with spaces (元 人民币)
      only where a character that continues a longer word follows, within three spaces;
    - after the unit comes nothing that starts a per word (元/吨), (含) or (不含), a
      range (-, ~, 至, 到; 和 or 与 with 间 or 之间 after its second figure), 半 or a
      qualifier word (以上, 左右, 多 …).
    """
    every = set(lex.units) | set(lex.not_units)
    mags = [ch for ch in sorted(lex.big) if not any(w.startswith(ch) for w in every)]
    barred = set(lex.digits) | set(lex.tens) | set(lex.small) | set(lex.big) | set("点数几多余又分/年月号日、和时 ")
    words = sorted((w for w in every if not (w[0].isascii() and w[0].isalnum()) and w[0] not in barred),
                   key=lambda w: (-len(w), w))
    conditional = [w for w in words if w.isascii() or w in lex.not_followed_by]
    unit = "|".join([re.escape(w) for w in words if w not in conditional]
                    + [_word(w, lex, re.escape(w)) for w in conditional])
    cont = {w[len(u)] for u in every for w in every if w != u and w.startswith(u)}
    # every character a second figure, its unit and per word may hold (和 … 间 makes a range)
    ranged = set(lex.digits) | set(lex.tens) | set(lex.small) | set(lex.big) | set("0123456789.,+-eEkwK 点个多余几数负/")
    ranged |= set("".join(every)) | set("".join(lex.per_units))
    number = r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,8}(?:\.[0-9]{1,20})?|[0-9]{1,24}(?:\.[0-9]{1,20})?)"
    return (rf"(?<![0-9A-Za-z_.])(?P<n1>{number}[{''.join(mags)}]{{0,2}})(?!个[{''.join(sorted(lex.big))}])"
            rf"(?P<u1>(?>{unit}))(?![ ]{{0,3}}[{_chars(cont)}]|{'|'.join(map(re.escape, sorted(lex.after)))}|半"
            rf"|[ ]?(?:/|\((?:含|不含)\)|-|~|至|到|[和与][{_chars(ranged)}]*之?间))")


def _chars(chars: set[str]) -> str:
    """The inside of a character class of ``chars``."""
    return "".join(re.escape(c) for c in sorted(chars))


#: The bare form of :func:`scan`: Arabic digits alone before the end of a line or a table
#: cell (``| 19.31 |``, ``4.1`` on a line of its own). Nothing after them (spaces, then a line break,
#: ``|`` or the end) goes on a number, starts a unit, range, fraction, qualifier or date,
#: and no ``,`` follows for thousands, so the full pattern reads just the number there
#: (n1, no other group), unless it is a mobile number (11 digits, 1[3-9]…), which it skips.
_BARE = (r"(?<![0-9A-Za-z_.])(?!1[3-9][0-9]{9}(?![0-9]))(?P<b1>[0-9]{1,24}(?:\.[0-9]{1,20})?)"
         r"(?![0-9]|\.[0-9])(?=[ \t]*(?:[\n|]|\Z))")


@cache
def money_tail() -> regex.Pattern:
    """角 and 分 after an amount in 元 (五元三毛, 50元6角三分, 三块零四, 一块二)."""
    lex = lexicon()
    dig = "[" + "".join(sorted(lex.digits)) + "]"
    d = rf"(?:[0-9]|{dig})"
    return regex.compile(
        rf"(?:(?P<jiao>{d})[ ]?[角毛](?:[ ]?(?P<fen>{d})[ ]?分?)?"
        rf"|零[ ]?(?P<fen0>{d})[ ]?分?|(?P<fen1>{d})[ ]?分"
        rf"|(?P<short>{dig})(?![0-9.%{dig[1:-1]}十百千万亿]|[ ]?[个位只家台元块]))"  # 一块二; never 元4.0%
    )


@cache
def trigger() -> re.Pattern:
    """Where a match of :func:`pattern` can start, as a standard ``re`` pattern (zero width).

    The trigger is plain character classes and words, so the standard engine finds the
    next place to try several times faster than ``regex`` passes over the text between;
    ``pattern().match`` there gives what ``pattern().search`` would.
    """
    return re.compile(_firsts() + _build().trigger)


def _firsts() -> str:
    """A class of every possible first character: checked up front, it lets the scan skip
    plain text before the alternatives are looked at."""
    return "(?=[" + "".join(re.escape(c) for c in sorted(_build().starts)) + "])"


@cache
def prefilter() -> regex.Pattern:
    """Any character of the *unfolded* text that can start a quantity: a text without one has none.

    ``find_quantities`` checks it before folding and scanning, so that a sentence without
    a digit or numeral character costs one character-class scan.
    """
    starts = _build().starts
    table = lexicon().fold
    chars = set(starts) | {chr(code) for code, dst in table.items() if dst in starts}
    return regex.compile("[" + "".join(regex.escape(c) for c in sorted(chars)) + "]")


@cache
def pattern() -> regex.Pattern:
    """The compiled quantity pattern (built on first use from the lexicons)."""
    parts = _build()
    return regex.compile(parts.source, regex.V0, **parts.lists)


@cache
def scan() -> re.Pattern:
    """:func:`trigger` that also reads the two commonest forms of quantity where one starts.

    A search finds the place :func:`trigger` finds (both forms start only where a match
    can). When the common form (``4.0%``, ``6305亿元``, ``700家``) starts there, the match
    spans it and its last group is ``u1`` (``n1`` the number); when the bare form (a
    figure ending its line or table cell) does, its last group is ``b1``; else the match is
    empty and has none. :func:`pattern` at that place would match the same text with the
    same number (``n1``) and unit (``u1``) and no other group (see :func:`_common` and
    :data:`_BARE` for why), in a fraction of the time.

    >>> scan().search("总值6305亿元").group("n1", "u1")
    ('6305亿', '元')
    >>> scan().search("2024年,增长4.0%").group(0, "u1")
    ('4.0%', '%')
    >>> scan().search("| 19.31 |").group(0, "b1")
    ('19.31', '19.31')
    >>> m = scan().search("第一产业"); (m.start(), m.lastgroup)
    (0, None)
    """
    parts = _build()
    return re.compile(f"{_firsts()}(?:{parts.common}|{parts.bare}|{parts.trigger})")


@cache
def refused() -> re.Pattern:
    """Places where :func:`pattern` matches only for :mod:`hz_extract.quantity_read` to reject
    the match, in the commonest forms of the bulletins, as a standard ``re`` pattern whose
    match ends where the full pattern's would (find_quantities resumes there, as after a
    rejection), so the full pattern is not tried there:

    - what the full pattern's ``skip`` passes over (:data:`_SKIPPED`: dates, ratios, clock
      times, phone numbers), tried first as there;
    - ``1-4月``, ``2至6月``: a range whose unit is 月, a not-unit word (no unit word goes on
      from 月; figures of one or two digits are no phone number, so no ``skip`` takes them);
    - ``一季度``, ``三期``, ``三个月``, ``五大``: one Chinese digit (after 第 or not) and a
      not-unit word that no unit word goes on from, taken whole as the full pattern's word
      list takes it (longest first, never a shorter word after it); it starts with nothing the number could go on with, nor
      年 月 号 日, where the number could not end; 大 keeps its condition (not 大于);
    - ``第三产业``, ``三次产业``: the match ``第三`` or ``三次`` lies inside a stopword
      (三产, 三次产业) that reaches past it (no unit word starts with 产);
    - ``1、`` at the start of a line: list numbering, a bare number the reader rejects.

    After the word comes nothing the full pattern would take in: a space (a unit word may
    be spelt with spaces), a per word (``/``), (含), a range or list word, 半, or a
    qualifier word (以上, 左右 …). The lexicon facts each form rests on are checked here;
    ``tests/quantities/test_fast_path.py`` turns the road off (``quantity_read.FAST``) to
    check that both roads agree.

    >>> [refused().match(t).group() for t in ("1-4月份", "一季度增长", "第三产业", "三个月内")]
    ['1-4月', '一季度', '第三', '三个月']
    >>> refused().match("一季度以上") is None
    True
    """
    lex = lexicon()
    every = set(lex.units) | set(lex.not_units)
    numeric = set(lex.digits) | set(lex.tens) | set(lex.small) | set(lex.big)
    conditional = set(lex.not_followed_by)
    # not-unit words no unit word goes on from, and that the number before them cannot take in
    words = sorted((w for w in set(lex.not_units) - conditional
                    if not (w.isascii() or w[0] in numeric or w[0] in "点多余几半年月号日"
                            or (w[0] == "个" and w[1:2] in lex.big))
                    and all(u in lex.not_units and u not in conditional for u in every if u.startswith(w))),
                   key=lambda w: (-len(w), w))
    stops = set(lex.stopwords)
    if not ("季度" in words and [u for u in every if u.startswith("月")] == ["月"] and "月" in lex.not_units
            and [u for u in every if u.startswith("大")] == ["大"]
            and [u for u in every if u.startswith("次")] == ["次"] and "次" in lex.units
            and "次" not in conditional and not any(u.startswith("产") for u in every)
            and {"一产", "二产", "三产", "三次产业"} <= stops and not any(u.startswith("、") for u in every)
            and not {"月", "大", "次", "产", "、"} & numeric):
        raise AssertionError("the lexicons changed what refused() rests on; check its forms again")
    fresh = ("(?![ ]|[/(\\-~至到和与]|半|" + "|".join(map(re.escape, sorted(lex.after))) + ")")
    big_not = "".join(map(re.escape, lex.not_followed_by.get("大", "")))
    dig = "一二三四五六七八九两"
    return re.compile(
        rf"{_SKIPPED}"  # tried first, as skip is in the full pattern: its match is passed over whole
        rf"|(?<![0-9A-Za-z_.])[0-9]{{1,2}}(?:-|~|至|到)[0-9]{{1,2}}月{fresh}"
        rf"|第?[{dig}](?>{'|'.join(map(re.escape, words))}|大{f'(?![{big_not}])' if big_not else ''}){fresh}"
        rf"|第[一二三](?=产)|三次(?=产业)|(?<![^\n \t])[0-9]{{1,3}}(?=、(?![0-9]))")

"""Sentences and clauses, as half-open spans into the text they were found in.

Sentences end at ``。！？!?；;``, at a newline, and at an ASCII ``.`` that closes
a sentence (after a CJK character, ``%`` or a bracket and not before a digit or
letter, so ``1,100.9`` and ``3.5`` never split). Closing quotes and brackets
right after the end mark stay with the sentence (``…增长5%。”``). Inside
parentheses an end mark does not end the sentence (a revised figure
``(经最终核实,…;其中…)`` stays with the sentence it annotates) unless the
parenthesis runs past :data:`MAX_PAREN` characters; a newline always ends one.
An ellipsis (``……``) ends nothing: it mostly trails a list (``集成电路、汽车……等``).

Clauses split a sentence at ``,，;；:：`` and at its end marks, but never at a
thousands separator (``1,100.9``, ``82，225.00``) or a colon between digits
(``2.7:54.8``, ``07:18``); a parenthesis that holds a
clause break is cut out as its own clauses, so ``A(B,C)D`` gives ``A``, ``B,``,
``C``, ``D``-ish spans with the brackets kept on the outer ones.

Spans never include leading or trailing whitespace, and blank spans are dropped.

>>> t = "全年增长5.4%,高于全国1.2个百分点。\\n二、工业\\n增加值1,100.9亿元;增长3.5%。"
>>> [t[a:b] for a, b in split_sentences(t)]
['全年增长5.4%,高于全国1.2个百分点。', '二、工业', '增加值1,100.9亿元;', '增长3.5%。']
>>> [t[a:b] for a, b in split_clauses(t, *split_sentences(t)[0])]
['全年增长5.4%,', '高于全国1.2个百分点。']
"""
from __future__ import annotations

import re

import regex

__all__ = ["split_sentences", "split_clauses", "find_parentheses", "MAX_PAREN"]

MAX_PAREN = 300
"""Longest parenthesis (in characters) inside which end marks are ignored."""

_OPEN = "(（[【〔"
_CLOSE = ")）]】〕"
_CLOSERS_AFTER = "”’」』\"')）]】〕》"
_ENDS = "。！？!?；;"
_BREAKS = _ENDS + ",，:："  # clause breaks, besides a full stop that ends a sentence

# An ASCII full stop that ends a sentence (not a decimal point, not in "No.1").
_ASCII_STOP = regex.compile(r"(?<=[\p{Han}%)）”\"])\.(?![A-Za-z\d.])")
# The marks are found with the standard re: it scans CJK text for a few marks about twice
# as fast as regex, and faster still when the pattern starts with one character class, so
# each pattern takes a candidate mark and then, looking back at it, checks that it is one.
# re has no \p{Han}: a full stop counts after any character from U+2E80 up (where Han
# begins) and :data:`_ASCII_STOP` confirms it; decimal points never come up.
_STOP_OK = r"(?<=[%)）”\"\u2e80-\U0010ffff]\.)(?![A-Za-z\d.])"
_SENT_MARKS = re.compile("[" + re.escape("\n" + _OPEN + _CLOSE + _ENDS) + rf".](?:(?<!\.)|{_STOP_OK})")
# Clause marks: a comma or colon inside a number (1,100.9 / 82，225 / 2.7:54.8 / 07:18) is none.
_CLAUSE_MARKS = re.compile(
    "[" + re.escape("\n" + _OPEN + _CLOSE + _ENDS) + ",，:：.]"
    rf"(?:(?<![,，:：.])|(?<=[,，:：])(?<!\d.)|(?<=[,，])(?!\d{{3}}(?!\d))|(?<=[:：])(?!\d)|{_STOP_OK})")
_PAREN_MARKS = re.compile("[" + re.escape("\n" + _OPEN + _CLOSE) + "]")
_PUNCT_ONLY = regex.compile(r"[\p{P}\p{S}\s]+")
_SPACE = " \t\r\u3000\u00a0"
_BLANK = _SPACE + "\n"


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a] in _BLANK:
        a += 1
    while b > a and text[b - 1] in _BLANK:
        b -= 1
    return (a, b) if b > a else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (ASCII and full-width punctuation alike).

    Args:
        text: the (cleaned or original) text.

    Returns:
        Half-open ``(start, end)`` spans in order, without surrounding whitespace.

    >>> [("今年增长3.5%。下降2%!" )[a:b] for a, b in split_sentences("今年增长3.5%。下降2%!")]
    ['今年增长3.5%。', '下降2%!']
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    depth = 0
    opened = -1
    skip_to = 0
    for m in _SENT_MARKS.finditer(text):  # only the characters that matter, not every one
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if ch == "\n":
            span = _trim(text, start, i)
            if span:
                spans.append(span)
            start, depth = i + 1, 0
        elif ch in _OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif (ch != "." or _ASCII_STOP.match(text, i)) and (depth == 0 or i - opened > MAX_PAREN):
            j = i + 1
            while j < n and (text[j] in _ENDS or text[j] in _CLOSERS_AFTER):
                if text[j] in _CLOSE and depth > 0:
                    depth -= 1
                j += 1
            span = _trim(text, start, j)
            if span:
                spans.append(span)
            start, depth, skip_to = j, 0, j
    span = _trim(text, start, n)
    if span:
        spans.append(span)
    return spans


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clause spans inside ``text[start:end]``, as offsets into ``text``.

    Clauses break after ``,，;；:：`` and end marks, except at thousands separators.
    A parenthesised part that contains a break is split out: the text before
    ``(`` ends a clause, the parenthesis' own clauses follow, and the text after
    ``)`` starts a new one.

    Args:
        text: the text the sentence spans point into.
        start: start of the sentence (or any region).
        end: end of the region; ``None`` for the end of ``text``.

    Returns:
        Half-open spans in order, trimmed of whitespace.

    >>> t = "增加值1,100.9亿元,增长7.1%,占GDP比重(按现价计算)为28.8%。"
    >>> [t[a:b] for a, b in split_clauses(t)]
    ['增加值1,100.9亿元,', '增长7.1%,', '占GDP比重(按现价计算)为28.8%。']
    """
    end = len(text) if end is None else min(end, len(text))
    cuts: list[int] = []
    depth = 0
    opened = -1
    inner_break = False  # a clause break inside the outermost open parenthesis
    for m in _CLAUSE_MARKS.finditer(text, start, end):  # breaks in numbers are no marks
        i = m.start()
        ch = text[i]
        if ch in _BREAKS or (ch == "." and _ASCII_STOP.match(text, i)):  # most marks: a break
            cuts.append(i + 1)
            inner_break = inner_break or depth > 0
        elif ch == "\n":
            cuts.append(i + 1)
            depth, inner_break = 0, False
        elif ch in _OPEN:
            if depth == 0:
                opened, inner_break = i, False
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0 and inner_break:
                cuts.append(opened)
                cuts.append(i + 1)
    cuts.sort()  # only a parenthesis' opening cut comes late
    cuts.append(end)
    spans: list[tuple[int, int]] = []
    prev = start
    for c in cuts:
        if prev < c:
            a, b = prev, c
            prev = c
            if text[a] in _BLANK or text[b - 1] in _BLANK:
                span = _trim(text, a, b)
                if span is None:
                    continue
                a, b = span
            if spans and not text[a].isalnum() and _PUNCT_ONLY.fullmatch(text, a, b):
                spans[-1] = (spans[-1][0], b)  # a lone "。" joins the clause before
            else:
                spans.append((a, b))
    return spans


def find_parentheses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Outermost parenthesised asides in ``text[start:end]``, brackets included.

    A period or subject named inside one (``(经最终核实,2021年拱墅GDP修订为…)``,
    ``长三角(含江西)``) speaks for the aside only; the rules can stop it from
    carrying over past the closing bracket. An unclosed bracket runs to the end
    of its line.

    >>> t = "增长1.5%(2021年为7.8%,(注)见下)。长三角(含江西)"
    >>> [t[a:b] for a, b in find_parentheses(t)]
    ['(2021年为7.8%,(注)见下)', '(含江西)']
    """
    end = len(text) if end is None else min(end, len(text))
    out: list[tuple[int, int]] = []
    depth = 0
    opened = -1
    for m in _PAREN_MARKS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            if depth:
                out.append((opened, i))
            depth = 0
        elif ch in _OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append((opened, i + 1))
    if depth:
        out.append((opened, end))
    return out

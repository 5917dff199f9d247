"""Clean text for extraction without losing the way back to the original.

What :func:`clean` does, in this order (every step keeps a per-character map):

1. **Width.** Full-width ASCII forms U+FF01–U+FF5E become their half-width
   twins (``４４００`` → ``4400``, ``％`` → ``%``, ``，`` → ``,``, ``；`` → ``;``,
   ``：`` → ``:``, ``（）`` → ``()``), the ideographic space and other odd spaces
   become ``" "``; the half-width ``｡`` ``､`` become ``。`` ``、`` and the small
   forms ``﹪`` ``﹐`` ``﹔`` become ``%`` ``,`` ``;``. Chinese punctuation
   *outside* those blocks stays as written: ``。`` ``、`` ``“”`` ``《》`` ``【】``
   ``—``. So the rules see one comma (``,``), one semicolon, one colon, one pair
   of parentheses and one percent sign, and still see ``。`` and ``、`` as
   themselves.
2. **Script.** Traditional → simplified with OpenCC ``t2s``, line by line; a line
   whose conversion would change its length (a phrase mapping) is converted
   character by character instead, so the map stays exact. t2s keeps ``著`` where
   mainland script writes ``着`` (``衣著``, ``隨著`` → ``随著``); the phrases of
   ``data/t2s_zhe.txt`` then get their ``着`` (``衣着``, ``随着``), while ``著名``,
   ``显著``, ``土著`` keep ``著``.
3. **Noise.** Converter pinyin right after a CJK character is dropped
   (``統(tǒng)計`` → ``统计``, ``產業(yè)`` → ``产业``: a parenthesised run of
   lower-case Latin letters with at least one tone mark), and so are zero-width
   characters.
4. **Spaces in numbers.** Spaces between a CJK character and a digit, a digit
   and ``%``/a CJK character, or around a decimal point vanish
   (``增长 5.4 %`` → ``增长5.4%``, ``达 91243元`` → ``达91243元``); a space between
   two digits is kept (``2010-09-29 07:18``).

:class:`Cleaned` keeps ``offsets``: ``offsets[i]`` is the index in ``original``
of the character ``text[i]`` came from (plus a final entry ``len(original)``),
so any span found in the cleaned text maps back with :meth:`Cleaned.to_original`.

>>> c = clean("統(tǒng)計局：增長 5.4 ％")
>>> c.text
'统计局:增长5.4%'
>>> s = c.text.index("5.4%")
>>> c.original[slice(*c.to_original(s, s + 4))]
'5.4 ％'
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

__all__ = ["Cleaned", "clean", "to_simplified"]


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text plus its offset map.

    ``offsets[i]`` is the original index of ``text[i]``; ``offsets`` has
    ``len(text) + 1`` entries, the last being ``len(original)``. Offsets are
    strictly increasing (cleaning only substitutes one character for one, or
    deletes).
    """

    original: str
    text: str
    offsets: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text`` to a half-open span of ``original``.

        Characters deleted inside the span (pinyin noise, spaces in numbers) are
        included in the original span; the span starts at the original of
        ``text[start]`` and ends just after the original of ``text[end - 1]``.

        >>> c = clean("發(fā)展")
        >>> c.to_original(0, 2)
        (0, 6)
        """
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    def to_original_index(self, i: int) -> int:
        """The original index of cleaned position ``i`` (``len(text)`` maps to ``len(original)``)."""
        return self.offsets[i]


# --- width -----------------------------------------------------------------

_SPACES = "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_WIDTH: dict[int, Any] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH.update({ord(c): " " for c in _SPACES})
_WIDTH.update({0xFF61: "。", 0xFF64: "、", 0xFE6A: "%", 0xFE50: ",", 0xFE54: ";"})  # half-width/small forms
_WIDTH_CHARS = {chr(k): v if isinstance(v, str) else chr(v) for k, v in _WIDTH.items()}


def _width(text: str) -> str:
    """``text.translate(_WIDTH)``, faster: only the (few) characters to change are visited.

    The standard library's ``re`` scans a plain character class several times faster
    than ``regex`` or ``str.translate`` over CJK text, and nothing here needs ``regex``.
    """
    pat = _STATE.get("width")
    if pat is None:
        pat = _STATE["width"] = re.compile("[" + re.escape("".join(_WIDTH_CHARS)) + "]")
    return pat.sub(lambda m: _WIDTH_CHARS[m.group()], text)

# --- deletions (after width and script) ---------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_LETTER = f"[a-zü{_TONED}]"
_SYLLABLE = f"{_PINYIN_LETTER}*[{_TONED}]{_PINYIN_LETTER}*"
_PINYIN_NOISE = rf"(?<=\p{{Han}})\((?:{_SYLLABLE}|{_PINYIN_LETTER}+)(?: (?:{_SYLLABLE}|{_PINYIN_LETTER}+))*\)"
_H = r"[ \t]+"
_NUMBER_SPACE = "|".join([
    rf"(?<=\p{{Han}}){_H}(?=[+-]?\d)",         # 达 91243元
    rf"(?<=\d){_H}(?=[%‰\p{{Han}}])",          # 5.4 %, 5.4 亿元
    rf"(?<=\d){_H}(?=\.\d)",                   # 5 .4
    rf"(?<=\d\.){_H}(?=\d)",                   # 5. 4
])
_ZERO_WIDTH = "[\u200b\u200c\u200d\u2060\ufeff\u00ad]"


def _has_tone(s: str) -> bool:
    return any(ch in _TONED for ch in s)


_STATE: dict[str, Any] = {}


def _deletions() -> regex.Pattern[str]:
    pat = _STATE.get("del")
    if pat is None:
        pat = regex.compile(f"(?P<pinyin>{_PINYIN_NOISE})|{_NUMBER_SPACE}|{_ZERO_WIDTH}")
        _STATE["del"] = pat
    return pat


def _converter() -> Any:
    conv = _STATE.get("t2s")
    if conv is None:
        import opencc  # lazy: no work at import time

        conv = opencc.OpenCC("t2s")
        _STATE["t2s"] = conv
    return conv


def _zhe_table() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``[phrases]`` and ``[keep]`` sections of ``data/t2s_zhe.txt``, loaded once."""
    table = _STATE.get("zhe")
    if table is None:
        from ._data import read_sections

        sections = read_sections(
            "t2s_zhe.txt",
            lambda _, word: None if word.count("著") == 1 else "is not a word with one 著")
        table = (tuple(sections.get("phrases", ())), tuple(sections.get("keep", ())))
        _STATE["zhe"] = table
    return table


def _covers(text: str, k: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` sits in ``text`` with its 著 at ``k``."""
    for w in words:
        i = k - w.index("著")
        if i >= 0 and text.startswith(w, i):
            return True
    return False


def _zhe(text: str) -> str:
    """著 → 着 in the phrases t2s leaves with 著 (衣著 → 衣着), one character for one.

    >>> _zhe("衣著价格上涨,随著发展,显著提高,有著名品牌")
    '衣着价格上涨,随着发展,显著提高,有著名品牌'
    """
    k = text.find("著")
    if k < 0:
        return text
    phrases, keep = _zhe_table()
    chars: list[str] | None = None
    while k >= 0:
        if _covers(text, k, phrases) and not _covers(text, k, keep):
            if chars is None:
                chars = list(text)
            chars[k] = "着"
        k = text.find("著", k + 1)
    return "".join(chars) if chars is not None else text


_HAN = regex.compile(r"\p{Han}")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def to_simplified(text: str) -> str:
    """Traditional → simplified, never changing the length (1:1 per character).

    Each line is converted whole (so OpenCC sees phrases); a line whose length
    would change is converted character by character.

    >>> to_simplified("國內生產總值")
    '国内生产总值'
    """
    if not _HAN.search(text):
        return text
    conv = _converter()
    whole: str | None = None
    if not _SURROGATE.search(text):
        # One call for the whole text: OpenCC's phrases never span a line break, so its
        # lines are the lines converted one by one (checked: same count, else per line).
        whole = conv.convert(text)
        if whole == text:  # already simplified (most text): every line stays as it is
            return _zhe(text)
    lines = text.splitlines(keepends=True)  # split only now: most text has returned above
    converted: list[str] | None = None
    if whole is not None:
        converted = whole.splitlines(keepends=True)
        if len(converted) != len(lines):
            converted = None
    out: list[str] = []
    for i, line in enumerate(lines):
        if converted is not None and converted[i] == line:
            out.append(line)  # what converting it would give
            continue
        if not _HAN.search(line):
            out.append(line)
            continue
        if converted is not None:
            new = converted[i]
        else:
            new = conv.convert(line) if not _SURROGATE.search(line) else ""  # OpenCC cannot encode lone surrogates
        if len(new) != len(line):
            chars = []
            for ch in line:
                c2 = conv.convert(ch) if _HAN.match(ch) else ch
                chars.append(c2 if len(c2) == 1 else ch)
            new = "".join(chars)
        out.append(new)
    return _zhe("".join(out))


def clean(text: str) -> Cleaned:
    """Clean ``text``: full-width → half-width, traditional → simplified, noise removed.

    Args:
        text: any string (the original document).

    Returns:
        A :class:`Cleaned` holding ``original``, the cleaned ``text`` and the
        ``offsets`` map back to ``original``.

    >>> clean("２０２４年產業(yè)增加值８２，２２５.００元").text
    '2024年产业增加值82,225.00元'
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes str, not {type(text).__name__}")
    step = to_simplified(_width(text))
    pieces: list[str] = []
    kept: list[tuple[int, int]] = []  # (start, end) runs of ``step`` that are kept
    pos = 0
    for m in _deletions().finditer(step):
        if m.group("pinyin") is not None and not _has_tone(m.group("pinyin")):
            continue  # "(ltd)" after a CJK char: a word, not converter noise
        if m.start() > pos:
            kept.append((pos, m.start()))
        pos = m.end()
    if not kept and pos == 0:
        return Cleaned(text, step, range(len(text) + 1))
    if pos < len(step):
        kept.append((pos, len(step)))
    identity = _identity(len(step))
    offsets = array("q")
    for a, b in kept:
        pieces.append(step[a:b])
        offsets += identity[a:b]  # copied in C, not number by number from a range
    offsets.append(len(text))
    return Cleaned(text, "".join(pieces), offsets)


_IDENTITY_KEPT = 1 << 20  # the longest identity table kept between calls (8 MB)


def _identity(n: int) -> array[int]:
    """An array of at least ``0, 1, …, n - 1`` to copy offset runs from, kept while it is small."""
    table: array[int] | None = _STATE.get("identity")
    if table is None or len(table) < n:
        table = array("q", range(max(n, 2 * len(table) if table is not None else 1 << 16)))
        if len(table) <= _IDENTITY_KEPT:
            _STATE["identity"] = table
    return table

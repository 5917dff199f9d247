"""The quantity pattern: one compiled ``regex`` built from named parts and the lexicons.

It runs on the folded text (see :func:`hz_extract.numerals.fold`, one character to
one character) and finds the *core* of a quantity: an optional currency sign, 第 or
百分之, a number (Arabic, Chinese or mixed, with its magnitudes and vague digits), an
optional fraction, unit and range, and a trailing qualifier (以上, 左右 …). Qualifier
words written before the number are looked up by :mod:`hz_extract.quantities`, which
also decides what a match means. ``skip`` matches dates, clock times, ratios and phone
numbers so that their digits are passed over whole.

Every repetition is bounded and atomic, so a line of 100,000 digits is scanned in
linear time.

>>> pattern().search("增长4.0%").group("n1")
'4.0'
"""
from __future__ import annotations

from functools import cache

import regex

from .quantity_lexicon import lexicon

__all__ = ["pattern", "FAMILIES", "SPECIAL"]

#: The pattern families, each with its corpus in ``tests/quantities/corpora/<family>.txt``.
FAMILIES = ("number", "money", "percent", "pp", "multiple", "ordinal", "fraction", "measure",
            "qualifier", "range", "negative")

#: Whole words read as quantities on their own: (value, unit, kind).
SPECIAL = {
    "首位": ("1", None, "ordinal"), "榜首": ("1", None, "ordinal"),
    "翻番": ("2", "倍", "multiple"), "翻一番": ("2", "倍", "multiple"), "翻了一番": ("2", "倍", "multiple"),
    "翻两番": ("4", "倍", "multiple"), "翻了两番": ("4", "倍", "multiple"),
    "翻三番": ("8", "倍", "multiple"), "翻了三番": ("8", "倍", "multiple"),
}

_AR = r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,8}(?:\.[0-9]{1,20})?|[0-9]{1,24}(?:\.[0-9]{1,20})?|\.[0-9]{1,20})"


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _build() -> str:
    lex = lexicon()
    digits = "".join(sorted(set(lex.digits) | set(lex.tens)))
    units = lex.units
    mags = []
    for ch in sorted(set(lex.small) | set(lex.big)):
        # a magnitude character that starts a unit word (千瓦时, 兆瓦, 百分点) or 百分之 is not a magnitude there
        tails = [w[1:] for w in units if w.startswith(ch) and len(w) > 1] + ["分之"]
        mags.append(f"{regex.escape(ch)}(?!{_alt(tails)})")
    mag = "(?:" + "|".join(mags) + ")"
    dig = f"[{digits}]"
    cn_char = f"(?:{dig}|{mag})"
    fuzz = "[多余几]"
    ten = "(?:十|拾)"
    more = rf"(?:[ ]?(?:{cn_char}|点(?=[ ]?{dig})|{fuzz}(?=[ ]?{cn_char})))"
    cnr = rf"(?:(?:{dig}|{ten}(?!分(?!之))){more}{{0,40}})"
    magr = rf"(?:(?:{mag}|{fuzz}(?=[ ]?{mag})){more}{{0,40}})"
    ar = rf"(?<![0-9A-Za-z_.])(?:{_AR})(?![0-9]|\.[0-9])"
    piece = rf"(?:{ar}(?:[ ]{{0,2}}{magr})?)"
    body = rf"(?>(?:{piece}|{cnr})(?:(?<=[十拾百佰千仟万亿兆零〇])[ ]?(?:{piece}|{cnr})){{0,6}})"
    ascii_units = [w for w in units if w.isascii()]
    unit_words = [w for w in units if not w.isascii()] + list(lex.not_units)
    unit = rf"(?:{_alt(unit_words)}|(?:{_alt(ascii_units)})(?![A-Za-z]))"
    sym = _alt(lex.money_prefixes)
    sign = r"(?:-|负)"
    skip = (r"(?<![0-9])[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])"
            r"|(?<![0-9.])[0-9]{1,3}(?:\.[0-9]+)?(?::[0-9]{1,3}(?:\.[0-9]+)?){1,4}(?![0-9])"
            r"|(?<![0-9])[0-9]{1,2}[点时][0-9]{1,2}分"
            r"|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])|(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
    after = _alt(lex.after)
    core = (
        rf"(?:(?P<sym>{sym})[ ]?)?"
        rf"(?:(?P<pw>百[ ]*分[ ]*之|千分之|万分之)[ ]*|(?P<ord>第)[ ]?)?"
        rf"(?P<neg>{sign}(?=[0-9.]|{dig}|{ten}))?"
        rf"(?P<n1>{body})"
        rf"(?:(?P<frac>[ ]{{0,2}}分[ ]{{0,2}}之[ ]{{0,2}})(?P<n1d>{body})|/(?P<n1s>[0-9]{{1,3}})(?![0-9/]))?"
        rf"(?P<fz1>[多余](?![{digits}]))?"
        rf"(?:[ ]{{0,3}}(?P<u1>{unit}))?"
        rf"(?:[ ]?(?P<sep>[-~至到])[ ]?(?P<neg2>{sign}(?=[0-9]))?(?P<n2>{body})(?P<fz2>[多余](?![{digits}]))?"
        rf"(?:[ ]{{0,3}}(?P<u2>{unit}))?)?"
        rf"(?P<post>{after})?"
    )
    special = _alt(SPECIAL)
    return rf"(?P<skip>{skip})|(?P<special>{special})|{core}"


@cache
def pattern() -> regex.Pattern:
    """The compiled quantity pattern (built on first use from the lexicons)."""
    return regex.compile(_build(), regex.V0)

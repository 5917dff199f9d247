"""Reading numerals, Chinese, Arabic and mixed, as exact ``Decimal`` values.

``read_numeral`` understands Arabic digits with thousands separators and decimals
(``1,100.9``), Chinese numerals in every script (一百二十三, 两千万, 壹佰肆拾, 萬, 億),
mixed forms (3万4000, 1.2万亿, 2千零30万), shorthand (一千五 = 1500, 三万二 = 32000),
digit strings (二〇二四), decimals with 点 (三点五) and vague digits (十几万, 三十多亿,
which read as their floor and report ``more_than``). Magnitudes come from
``data/magnitudes.json``; big ones in a row multiply (万亿 = 10^12, 四万万 = 4·10^8).

>>> read_numeral("4400亿").value
Decimal('440000000000')
>>> read_numeral("十几万")
Numeral(value=Decimal('100000'), fuzzy='more_than', scale=4, value_max=None)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from decimal import Context, Decimal, localcontext

import re

import regex

from .errors import QuantityError
from .quantity_lexicon import lexicon

__all__ = ["Numeral", "read_numeral", "read_folded", "read_plain", "digit_pair", "vague_pair", "fold"]

_CTX = Context(prec=80)
_ASCII_MAG = {"k": ("small", 3), "K": ("small", 3), "w": ("big", 4)}
_EXP = regex.compile(r"[eE][-+]?[0-9]{1,3}")
_TEN = Decimal(10)


@dataclass(frozen=True, init=False)
class Numeral:
    """A numeral read: its value, a vague-digit qualifier (多/余/几 → ``more_than``) and its last magnitude.

    ``scale`` is the power of ten of the magnitudes the numeral ends with (``200万`` → 4,
    ``三千`` → 3, ``九千亿`` → 8; big magnitudes in a row add: ``万亿`` → 12), so that the bare low end of a range can borrow it (100-200万 →
    1000000-2000000). Two neighbouring digits before a magnitude are a vague range
    (八九亿, 三五百): ``value`` is the low end and ``value_max`` the high one.
    """

    value: Decimal
    fuzzy: str | None
    scale: int
    value_max: Decimal | None = None

    def __init__(self, value: Decimal, fuzzy: str | None, scale: int, value_max: Decimal | None = None) -> None:
        # As Quantity: one update of the instance dict, not a frozen __setattr__ per field
        # (a cold article reads a numeral for nearly every figure).
        self.__dict__.update(value=value, fuzzy=fuzzy, scale=scale, value_max=value_max)


def fold(text: str) -> str:
    """Fold full-width and traditional characters one-to-one (offsets never move).

    >>> fold("４４００億")
    '4400亿'
    """
    table = lexicon().fold
    if not table:
        return text
    got = _FOLD.get(id(table))
    if got is None:
        # str.translate looks every character up in the table; the standard re finds the
        # few that fold (most texts have none) several times faster over CJK text.
        chars = {chr(k): "" if v is None else chr(v) if isinstance(v, int) else v for k, v in table.items()}
        got = _FOLD[id(table)] = (re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]"), chars)
    pat, chars = got
    return pat.sub(lambda m: chars[m.group()], text)


_FOLD: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}


def _bad(s: str, why: str) -> QuantityError:
    return QuantityError(f"cannot read {s!r} as a number: {why}")


def _tokens(s: str) -> list[tuple[str, Decimal | int | str]]:
    """Split a folded numeral into ('num', Decimal), ('cnum', int), ('small', exp), ('big', exp),
    ('zero', 0), ('point', digits) and ('fuzzy', qualifier) tokens."""
    lex = lexicon()
    out: list[tuple[str, Decimal | int | str]] = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch in " \t" or (ch == "个" and i + 1 < n and s[i + 1] in lex.big):
            i += 1
            continue
        if ch.isascii() and (ch.isdigit() or ch == "."):
            j = i
            while j < n and s[j].isascii() and (s[j].isdigit() or s[j] in ".,"):
                j += 1
            raw = s[i:j].rstrip(",")
            j = i + len(raw)
            digits = raw.replace(",", "")
            if digits.count(".") > 1 or digits in (".", ""):
                raise _bad(s, f"{raw!r} is not a decimal number")
            if "," in raw:
                head, _, tail = raw.partition(".")
                groups = head.split(",")
                if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
                    raise _bad(s, f"{raw!r} has misplaced thousands separators")
            exp = _EXP.match(s, j)
            if exp:
                digits += exp.group(0)
                j = exp.end()
            out.append(("num", Decimal(digits)))
            if j < n and s[j] in _ASCII_MAG:  # 15k, 30w
                out.append(_ASCII_MAG[s[j]])
                j += 1
            i = j
            continue
        if ch == "点":
            j = i + 1
            frac = []
            while j < n and (s[j] in lex.digits or s[j] in " \t"):
                if s[j] in lex.digits:
                    frac.append(str(lex.digits[s[j]]))
                j += 1
            if not frac:
                raise _bad(s, "点 is not followed by digits")
            out.append(("point", "".join(frac)))
            i = j
            continue
        if ch in ("数", "几") and i == 0 and i + 1 < n and (s[i + 1] in lex.small or s[i + 1] in lex.big):
            out.append(("few", 0))
        elif ch in ("零", "〇"):
            out.append(("zero", 0))
        elif ch in lex.digits:
            out.append(("cnum", lex.digits[ch]))
        elif ch in lex.tens:
            out.append(("num", Decimal(lex.tens[ch])))
        elif ch in lex.small:
            out.append(("small", lex.small[ch]))
        elif ch in lex.big:
            out.append(("big", lex.big[ch]))
        elif ch in lex.inside:
            out.append(("fuzzy", lex.inside[ch]))
        else:
            raise _bad(s, f"{ch!r} is not a numeral character")
        i += 1
    return out


def _digit_string(toks: list) -> Decimal | None:
    """二〇二四, 一七二零点一: digits read one by one (three or more, or with a 〇/零 inside)."""
    body, point = (toks[:-1], toks[-1][1]) if toks and toks[-1][0] == "point" else (toks, None)
    if len(body) >= 2 and all(k in ("cnum", "zero") for k, _ in body) and body[0][0] == "cnum":
        if len(body) >= 3 or body[1][0] == "zero" or point is not None:
            digits = "".join(str(v) for _, v in body)
            return Decimal(digits + ("." + point if point else ""))
    return None


def digit_pair(s: str) -> Decimal | None:
    """Two Chinese digits side by side read as one number (三八 → 38), as in 三八折; else ``None``."""
    toks = _tokens(fold(s))
    if len(toks) == 2 and all(k == "cnum" for k, _ in toks):
        return Decimal(toks[0][1] * 10 + toks[1][1])
    return None


def vague_pair(s: str) -> Numeral | None:
    """Two neighbouring Chinese digits on their own (七八, 两三) as the vague range they name, else ``None``.

    Only a counted pair is such a range (七八成, 两三个): the caller checks a unit follows.
    """
    toks = _tokens(fold(s))
    if len(toks) == 2 and all(k == "cnum" for k, _ in toks):
        a, b = toks[0][1], toks[1][1]
        if b == a + 1:
            return Numeral(Decimal(a), None, 0, Decimal(b))
    return None


def _vague_pair(toks: list) -> tuple[list, tuple] | None:
    """八九亿, 三五百: two neighbouring digits then a magnitude → (the tokens with the low digit, the high digit)."""
    if len(toks) >= 3 and toks[0][0] == "cnum" and toks[1][0] == "cnum" and toks[2][0] in ("small", "big"):
        a, b = toks[0][1], toks[1][1]
        if b == a + 1 or (a, b) == (3, 5):
            return [toks[0]] + toks[2:], toks[1]
    return None


def read_numeral(s: str) -> Numeral:
    """Read one numeral (no unit, no sign) as an exact ``Decimal``.

    Args:
        s: the numeral as written; full-width and traditional forms are folded first.

    Returns:
        The :class:`Numeral` read.

    Raises:
        QuantityError: when ``s`` is not a well-formed numeral (二十二十, 十百, empty).

    >>> read_numeral("1.2万亿").value == Decimal("1200000000000")
    True
    """
    return read_folded(fold(s))


@lru_cache(maxsize=8192)
def read_folded(s: str) -> Numeral:
    """:func:`read_numeral` for text already folded (cached: news repeats its figures, but
    an article's figures are mostly its own, so a miss is the common case and the commonest
    form takes the short road of :func:`read_plain`)."""
    plain = read_plain(s)
    if plain is not None:
        return Numeral(plain[0], None, plain[1])
    return _read_long(s)


def read_plain(s: str) -> tuple[Decimal, int] | None:
    """Arabic digits with an optional decimal part, then at most one small magnitude and two big
    ones (4400亿, 1.2万亿, 3.5千万): (value, scale) as :func:`read_folded` reads them, else ``None``.

    Every magnitude there multiplies the number, so the number times what ``1`` and the same
    magnitudes read on the long road is what the long road reads: exactly the same ``Decimal``,
    exponent included, since 80 digits of precision hold every product of at most 40 digits
    and 10^27 (``tests/quantities/test_numerals_fast.py`` checks them). Zero is left to the
    long road, which reads 0万亿 as 万亿.

    >>> read_plain("1.2万亿")
    (Decimal('1200000000000.0'), 12)
    """
    m = _plain().fullmatch(s)
    if m is None:
        return None
    digits, mags = m.groups()
    value = Decimal(digits)
    if not value:
        return None
    if not mags:
        return value, 0
    power, scale = _POWERS.get(mags) or _power(mags)
    return _CTX.multiply(value, power), scale


@cache
def _plain() -> re.Pattern[str]:
    """:func:`read_plain`'s form, built on first use from the lexicon's magnitudes."""
    lex = lexicon()
    small, big = "".join(lex.small), "".join(lex.big)
    return re.compile(rf"([0-9]{{1,20}}(?:\.[0-9]{{1,20}})?)([{small}]?[{big}]{{0,2}})")


def _power(mags: str) -> tuple[Decimal, int]:
    """What ``1`` and the magnitudes ``mags`` read as on the long road: (value, scale)."""
    one = _read_long("1" + mags)
    _POWERS[mags] = got = (one.value, one.scale)
    return got


_POWERS: dict[str, tuple[Decimal, int]] = {}


def _read_long(s: str) -> Numeral:
    """:func:`read_folded` by its tokens: every form of numeral."""
    toks = _tokens(s)
    if not toks:
        raise _bad(s, "no digits")
    fuzzy = next((v for k, v in toks if k == "fuzzy"), None)
    with localcontext(_CTX):
        ds = _digit_string(toks)
        if ds is not None:
            return Numeral(ds, None, 0)
        if toks[0] == ("few", 0):  # 数十亿, 几十万: between one and ten of the magnitude
            low = _compose(s, toks[1:], fuzzy)
            return Numeral(low.value, None, low.scale, low.value * 10)
        pair = _vague_pair(toks)
        if pair is not None:
            low = _compose(s, pair[0], fuzzy)
            high = _compose(s, [pair[1]] + pair[0][1:], fuzzy)
            return Numeral(low.value, fuzzy, low.scale, high.value)
        return _compose(s, toks, fuzzy)


def _compose(s: str, toks: list, fuzzy: str | None) -> Numeral:
    total = Decimal(0)  # everything closed by a big magnitude
    section = Decimal(0)  # the part below the current big magnitude
    number: Decimal | None = None  # a digit waiting for its multiplier
    short = False  # the pending number is one Chinese digit right after a magnitude (一千五)
    last_small = 99  # small magnitudes fall within a section
    last_big = 0  # largest big magnitude applied so far
    last_mag = 0  # exponent of the magnitude just before the pending number
    prev = ""
    scale = 0
    for kind, v in toks:
        if kind in ("num", "cnum"):
            if number is not None and not (prev == "num" and kind == "cnum" and number % 10 == 0 and number < 100):
                raise _bad(s, "two numbers in a row")
            if number is not None:  # 廿二, 卅三
                number += v
            else:
                number = Decimal(v)
                short = kind == "cnum" and prev in ("small", "big")
        elif kind == "zero":
            if number is not None:
                raise _bad(s, "零 after a digit")
            last_mag = 0
        elif kind == "point":
            if number is None:
                if prev not in ("small", "big", "zero"):
                    raise _bad(s, "点 without a number before it")
                number = Decimal(0)
            if short and last_mag >= 2:
                number *= _TEN ** (last_mag - 1)
                short = False
            number = number + Decimal("0." + str(v))
        elif kind == "fuzzy":
            if prev in ("", "fuzzy", "point"):
                raise _bad(s, "a vague digit must follow a number")
        elif kind == "small":
            if v >= last_small:
                raise _bad(s, "magnitudes out of order")
            if number is None and prev not in ("", "zero") and v != 1:
                raise _bad(s, "a magnitude without a number before it")
            section += (number if number is not None else Decimal(1)) * _TEN ** v
            number = None
            last_small = last_mag = v
            scale = v
        elif kind == "big":
            if number is not None:
                if short and 2 <= last_mag < 4:
                    number *= _TEN ** (last_mag - 1)  # 百二万 = 1200000
                section += number
            if section == 0 and number is None:  # 万亿, 四万万, 万: the magnitudes multiply
                if prev not in ("", "big", "fuzzy"):
                    raise _bad(s, "a magnitude after zero")
                total = (total or Decimal(1)) * _TEN ** v
            elif v > last_big:
                total = (total + section) * _TEN ** v
            else:
                total += section * _TEN ** v
            last_big = max(last_big, v)
            number = None
            section = Decimal(0)
            last_small = 99
            last_mag = v
            scale = scale + v if prev == "big" else v
        prev = kind
    if number is not None:
        if short and last_mag >= 2:
            number *= _TEN ** (last_mag - 1)  # 一千五 = 1500, 三万二 = 32000, 两千三点一 = 2300.1
        scale = 0
        section += number
    return Numeral(total + section, fuzzy, scale)

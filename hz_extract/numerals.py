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
Numeral(value=Decimal('100000'), fuzzy='more_than', scale=4)
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal, localcontext

from .errors import QuantityError
from .quantity_lexicon import lexicon

__all__ = ["Numeral", "read_numeral", "fold"]

_CTX = Context(prec=80)
_TEN = Decimal(10)


@dataclass(frozen=True)
class Numeral:
    """A numeral read: its value, a vague-digit qualifier (多/余/几 → ``more_than``) and its last magnitude.

    ``scale`` is the power of ten of the magnitude the numeral ends with (``200万`` → 4),
    so that the bare low end of a range can borrow it (100-200万 → 1000000-2000000).
    """

    value: Decimal
    fuzzy: str | None
    scale: int


def fold(text: str) -> str:
    """Fold full-width and traditional characters one-to-one (offsets never move).

    >>> fold("４４００億")
    '4400亿'
    """
    return text.translate(lexicon().fold)


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
        if ch in " \t":
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
            out.append(("num", Decimal(digits)))
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
        if ch in ("零", "〇"):
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


def _digit_string(s: str, toks: list) -> Decimal | None:
    """二〇二四, 一七二零: three or more digits and nothing else read digit by digit."""
    if len(toks) >= 2 and all(k in ("cnum", "zero") for k, _ in toks):
        if len(toks) >= 3 or any(k == "zero" for k, _ in toks[1:]):
            return Decimal("".join(str(v) for _, v in toks))
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
    folded = fold(s)
    toks = _tokens(folded)
    if not toks:
        raise _bad(s, "no digits")
    fuzzy = next((v for k, v in toks if k == "fuzzy"), None)
    with localcontext(_CTX):
        ds = _digit_string(s, toks)
        if ds is not None:
            return Numeral(ds, None, 0)
        return _compose(s, toks, fuzzy)


def _compose(s: str, toks: list, fuzzy: str | None) -> Numeral:
    total = Decimal(0)  # everything closed by a big magnitude
    section = Decimal(0)  # the part below the current big magnitude
    number: Decimal | None = None  # a digit waiting for its multiplier
    number_is_short = False  # a single Chinese digit (may be shorthand: 一千五)
    last_small = 99  # small magnitudes must fall within a section
    last_big = 0  # largest big magnitude applied so far
    last_mag = 0  # exponent of the magnitude just before the pending number
    prev = ""
    scale = 0
    seen_value = False
    for kind, v in toks:
        if kind in ("num", "cnum"):
            if number is not None:
                raise _bad(s, "two numbers in a row")
            number = Decimal(v)
            number_is_short = kind == "cnum"
            seen_value = True
        elif kind == "zero":
            if number is not None:
                raise _bad(s, "零 after a digit")
            last_mag = 0
            seen_value = True
        elif kind == "point":
            if number is None:
                if prev not in ("small", "big") and prev != "":
                    raise _bad(s, "点 without a number before it")
                number = Decimal(0)
            number = number + Decimal("0." + str(v))
            number_is_short = False
            seen_value = True
        elif kind == "fuzzy":
            if v == "more_than" and prev == "cnum_fuzzy":
                raise _bad(s, "two vague digits")
            if prev in ("", "fuzzy"):
                raise _bad(s, "a vague digit must follow a number")
            if number is None and prev in ("small", "big") and toks and v == "more_than":
                # 十几, 二十几: 几 stands for an unknown digit; 多/余 after a magnitude just flag
                pass
            number_is_short = False
        elif kind == "small":
            if v >= last_small:
                raise _bad(s, "magnitudes out of order")
            n = number if number is not None else (Decimal(1) if prev in ("", "zero") or v == 1 else None)
            if n is None:
                raise _bad(s, "a magnitude without a number before it")
            section += n * _TEN ** v
            number = None
            last_small = v
            last_mag = v
            scale = v
            seen_value = True
        elif kind == "big":
            if number is not None:
                section += number
                number = None
            if section == 0:
                if total == 0:
                    if prev != "":
                        raise _bad(s, "a magnitude after zero")
                    total = Decimal(1)
                total *= _TEN ** v
            elif v > last_big:
                total = (total + section) * _TEN ** v
            else:
                total += section * _TEN ** v
            last_big = max(last_big, v)
            section = Decimal(0)
            last_small = 99
            last_mag = v
            scale = v if prev != "big" else scale + v
            seen_value = True
        prev = kind
    if not seen_value:
        raise _bad(s, "no digits")
    if number is not None:
        if number_is_short and prev == "cnum" and last_mag >= 2 and _prev_is_magnitude(toks):
            number *= _TEN ** (last_mag - 1)  # 一千五 = 1500, 三万二 = 32000
        elif prev in ("num", "cnum") and len(toks) > 1:
            scale = 0
        section += number
    return Numeral(total + section, fuzzy, scale)


def _prev_is_magnitude(toks: list) -> bool:
    return len(toks) >= 2 and toks[-2][0] in ("small", "big")

"""The rule lexicons of ``hz_extract/data`` (measure verbs, bases, fillers, heads …), loaded once.

Every file documents itself in its header (``#`` lines of a ``.txt``, the ``_doc``
key of a ``.json``). :func:`lexicon` reads them on first use and builds the compiled
alternations the rule families share; nothing happens at import time.

>>> lexicon().base_of("同比")
'上年同期'
"""
from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

__all__ = ["Lexicon", "lexicon", "read_pairs", "read_lines", "read_json", "alternation", "DATA_FILES"]

DATA_FILES = ("measure_verbs.txt", "measure_compare.txt", "measure_bases.txt", "indicator_heads.txt", "indicator_aliases.txt",
              "indicator_contractions.txt", "rule_fillers.json", "rule_modality.json", "rule_rank.json", "rule_units.json")
"""The lexicon files this package owns (validated by ``tests/rules/test_lexicons.py``)."""


def _read_text(name: str) -> str:
    from .._data import read_text

    return read_text(name)


def read_lines(name: str) -> list[str]:
    """Entries of a one-per-line data file, comments (``#``) and blank lines dropped."""
    out = []
    for line in _read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_pairs(name: str) -> list[tuple[str, str]]:
    """``WORD<TAB>VALUE`` entries of a data file, in file order."""
    pairs = []
    for n, line in enumerate(read_lines(name), 1):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise ValueError(f"data/{name}: entry {n} {line!r} is not WORD<TAB>VALUE; fix the file")
        pairs.append((parts[0], parts[1]))
    return pairs


def read_json(name: str) -> dict[str, Any]:
    """A JSON data file without its ``_doc`` key."""
    data = json.loads(_read_text(name))
    data.pop("_doc", None)
    return data


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 比上年末 beats 比上年)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Lexicon:
    """All rule lexicons, with the alternations built from them."""

    verbs: dict[str, int]
    compare: dict[str, int]
    bases: dict[str, str]
    heads: tuple[str, ...]
    lead: tuple[str, ...]
    trail: tuple[str, ...]
    split: tuple[str, ...]
    stop: frozenset[str]
    wholes: frozenset[str]
    expected: tuple[str, ...]
    target: tuple[str, ...]
    target_nouns: tuple[str, ...]
    actual_marks: tuple[str, ...]
    rank_verbs: tuple[str, ...]
    rank_top: tuple[str, ...]
    rank_peers: tuple[str, ...]
    skip_units: frozenset[str]
    counters: frozenset[str]
    place_after: tuple[str, ...]
    aliases: dict[str, str]
    alias_prefixes: tuple[tuple[str, str], ...]
    alias_suffixes: tuple[tuple[str, str], ...]
    contractions: dict[str, tuple[str, ...]]

    def canonical(self, name: str, national: bool = False) -> str:
        """The name a record carries for ``name`` (``GDP`` → ``地区生产总值``, ``规上X`` → ``规模以上X``,
        ``制造业PMI`` → ``制造业采购经理指数``).

        >>> lexicon().canonical("规上工业增加值"), lexicon().canonical("GDP", national=True)
        ('规模以上工业增加值', '国内生产总值')
        """
        out = self.aliases.get(name)
        if out is None:
            out = name
            for prefix, full in self.alias_prefixes:
                if name.startswith(prefix):
                    out = full + name[len(prefix):]
                    break
            for suffix, full in self.alias_suffixes:
                if out.endswith(suffix) and len(out) > len(suffix):
                    out = out[:-len(suffix)] + full
                    break
        if national and out == "地区生产总值":
            out = "国内生产总值"
        return out

    def base_of(self, cue: str) -> str | None:
        """The base a cue names (``比上年`` → ``上年``), or None."""
        return self.bases.get(cue)

    def head_of(self, phrase: str) -> str | None:
        """The longest indicator head ``phrase`` ends with, or None."""
        for head in self.heads:
            if phrase.endswith(head):
                return head
        return None


_LOCK = threading.Lock()
_CACHE: dict[tuple[str, ...], Lexicon] = {}


def lexicon(extra_heads: tuple[str, ...] = ()) -> Lexicon:
    """The loaded lexicons (built once per set of extra indicator heads)."""
    lex = _CACHE.get(extra_heads)
    if lex is not None:
        return lex
    with _LOCK:
        lex = _CACHE.get(extra_heads)
        if lex is None:
            lex = _build(extra_heads)
            _CACHE[extra_heads] = lex
    return lex


def _sign(name: str, word: str, s: str) -> int:
    if s not in ("+", "-"):
        raise ValueError(f"data/{name}: sign of {word!r} must be + or -, not {s!r}")
    return 1 if s == "+" else -1


def _build(extra_heads: tuple[str, ...]) -> Lexicon:
    fill = read_json("rule_fillers.json")
    mod = read_json("rule_modality.json")
    rank = read_json("rule_rank.json")
    units = read_json("rule_units.json")
    heads = set(read_lines("indicator_heads.txt")) | set(extra_heads)
    return Lexicon(
        verbs={w: _sign("measure_verbs.txt", w, s) for w, s in read_pairs("measure_verbs.txt")},
        compare={w: _sign("measure_compare.txt", w, s) for w, s in read_pairs("measure_compare.txt")},
        bases=dict(read_pairs("measure_bases.txt")),
        heads=tuple(sorted(heads, key=lambda w: (-len(w), w))),
        lead=tuple(sorted(fill["lead"], key=len, reverse=True)),
        trail=tuple(sorted(fill["trail"], key=len, reverse=True)),
        split=tuple(fill["split"]),
        stop=frozenset(fill["stop"]),
        wholes=frozenset(fill["wholes"]),
        expected=tuple(mod["expected"]),
        target=tuple(mod["target"]),
        target_nouns=tuple(mod["target_nouns"]),
        actual_marks=tuple(mod["actual_marks"]),
        rank_verbs=tuple(rank["verbs"]),
        rank_top=tuple(rank["top"]),
        rank_peers=tuple(rank["peers"]),
        skip_units=frozenset(units["skip"]),
        counters=frozenset(units["counters"]),
        place_after=tuple(units["place_after"]),
        aliases={a: n for a, n in read_pairs("indicator_aliases.txt") if "*" not in a},
        alias_prefixes=tuple((a[:-1], n) for a, n in read_pairs("indicator_aliases.txt") if a.endswith("*")),
        alias_suffixes=tuple((a[1:], n) for a, n in read_pairs("indicator_aliases.txt") if a.startswith("*")),
        contractions={c: tuple(items.split("|")) for c, items in read_pairs("indicator_contractions.txt")},
    )

"""The domain tokenizer: jieba plus indicator terms, with quantities and periods as single tokens.

The public function is :func:`hz_extract.tokenize`; this module is ``hz_extract.tokens``
(a module named like the function it holds would shadow it on the package).

:func:`tokenize` cleans the text (:mod:`hz_extract.clean`), takes quantities
(:func:`hz_extract.quantities.find_quantities`) and period expressions
(:func:`hz_extract.periods.find_periods`, event dates included) as single tokens,
and segments the rest with a private jieba segmenter that knows the indicator
terms of ``data/indicators.txt``, the region names of ``data/regions.tsv`` and the
known companies of ``data/organisations.txt`` ([companies]).
Offsets are into the *original* text (``text[start:end] == token.text``), so
traditional script and full-width digits tokenize too.

The segmenter is ``rjieba`` (jieba's algorithm in Rust, same dictionary) when
installed (``pip install hz_extract[fast]``), else a private ``jieba.Tokenizer``;
it is built on first use, never at import, and never touches jieba's global one.

>>> [(t.text, t.kind) for t in tokenize("规模以上工业增加值超过4400多亿元,增长2.4个百分点。")]  # doctest: +SKIP
[('规模以上工业增加值', 'word'), ('超过4400多亿元', 'quantity'), (',', 'punct'),
 ('增长', 'word'), ('2.4个百分点', 'quantity'), ('。', 'punct')]
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

from .clean import clean

__all__ = ["Token", "tokenize", "indicator_terms", "segmenter", "TOKEN_KINDS"]

TOKEN_KINDS = ("word", "quantity", "period", "punct")
_log = logging.getLogger("hz_extract")


@dataclass(frozen=True)
class Token:
    """A token at ``text[start:end]``; ``kind`` is ``word``, ``quantity``, ``period`` or ``punct``."""

    text: str
    start: int
    end: int
    kind: str


_TERM = regex.compile(r"[\p{Han}A-Za-z0-9]{2,20}")
_LOCK = threading.Lock()
_STATE: dict[Any, Any] = {}


def _read_lines(name: str) -> list[str]:
    from ._data import read_lines

    return read_lines(name)


def indicator_terms() -> tuple[str, ...]:
    """The packaged indicator terms (``data/indicators.txt``), loaded once.

    >>> "规模以上工业增加值" in indicator_terms()
    True
    """
    terms = _STATE.get("terms")
    if terms is None:
        terms = tuple(_read_lines("indicators.txt"))
        _STATE["terms"] = terms
    return terms


class Segmenter:
    """A private jieba segmenter (rjieba when available) with the domain words added.

    Args:
        words: extra words (indicator terms, region and organisation names).
        backend: ``"auto"`` (rjieba if importable), ``"rjieba"`` or ``"jieba"``.
    """

    def __init__(self, words: Iterable[str] = (), backend: str = "auto") -> None:
        self.backend = backend
        self._impl: Any = None
        self._posseg: Any = None
        if backend in ("auto", "rjieba"):
            try:
                import rjieba

                self._impl = rjieba.Jieba()
                self.backend = "rjieba"
            except ImportError:
                if backend == "rjieba":
                    raise
        if self._impl is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" chatter
            self._impl = jieba.Tokenizer()
            self.backend = "jieba"
        for w in words:
            self.add_word(w)

    def add_word(self, word: str) -> None:
        """Add one word to the segmenter's dictionary."""
        if self.backend == "rjieba":
            self._impl.add_word(word, None, None)
        else:
            self._impl.add_word(word)

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        """Segment ``text`` into words (concatenating to ``text``)."""
        safe = _SURROGATE.sub("\ufffd", text)  # lone surrogates (undecodable bytes) break the backends
        if self.backend == "rjieba":
            words = list(self._impl.cut(safe, hmm))
        else:
            words = list(self._impl.cut(safe, HMM=hmm))
        return words if safe is text else _reslice(text, words)

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Segment ``text`` with part-of-speech tags (jieba's tag set; added words are ``x``)."""
        safe = _SURROGATE.sub("\ufffd", text)
        if self.backend == "rjieba":
            tagged = [(w, p or "x") for w, p in self._impl.tag(safe, True)]
        else:
            pos = self._posseg
            if pos is None:
                import jieba.posseg

                pos = self._posseg = jieba.posseg.POSTokenizer(self._impl)
            tagged = [(p.word, p.flag or "x") for p in pos.cut(safe)]
        if safe is text:
            return tagged
        return list(zip(_reslice(text, [w for w, _ in tagged]), [p for _, p in tagged], strict=True))

    def __getstate__(self) -> dict[str, Any]:
        raise TypeError("Segmenter is not picklable; build one on the other side")


_MAX_EXTRA_SEGMENTERS = 4  # each holds a whole dictionary
DEFAULT_KEY = ("seg",)
"""Where the segmenter without extra terms is kept in ``_STATE`` (tests swap it)."""


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _reslice(text: str, words: list[str]) -> list[str]:
    """The pieces of ``text`` with the lengths of ``words`` (a 1:1 substitute was segmented)."""
    out = []
    pos = 0
    for w in words:
        out.append(text[pos:pos + len(w)])
        pos += len(w)
    return out


def segmenter(extra_terms: Iterable[str] = ()) -> Segmenter:
    """The domain segmenter (indicator terms, region names, known companies), built once.

    Args:
        extra_terms: more words to keep whole (a user's indicator terms, region or
            organisation names). Each distinct set gets its own segmenter, built
            on first use and kept (the last four sets only).
    """
    extra = tuple(sorted({clean(w).text for w in extra_terms if w}))
    key = ("seg", *extra)
    seg = _STATE.get(key)
    if seg is None:
        with _LOCK:
            seg = _STATE.get(key)
            if seg is None:
                from .organisations import org_lexicon
                from .subjects import region_words

                companies = org_lexicon()["companies"]  # 宁德时代 is one word: 宁德 is no region there
                seg = Segmenter([*indicator_terms(), *region_words(), *companies, *extra])
                if extra:
                    built = [k for k in _STATE if isinstance(k, tuple) and k != DEFAULT_KEY]
                    for old in built[: max(0, len(built) - _MAX_EXTRA_SEGMENTERS + 1)]:
                        del _STATE[old]
                _STATE[key] = seg
    return seg


_PUNCT_RUN = regex.compile(r"[\p{P}\p{S}]+")
_NONSPACE = regex.compile(r"\S+")


def _protected(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping quantity and period spans of cleaned ``text``; longer wins."""
    from .periods import find_periods
    from .quantities import find_quantities

    cands = [(p.start, p.end, "period") for p in find_periods(text)]
    cands += [(q.start, q.end, "quantity") for q in find_quantities(text)]
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2] != "period"))  # a tie is a year, not 2024
    out: list[tuple[int, int, str]] = []
    for a, b, k in cands:
        if a >= b:
            continue
        if out and a < out[-1][1]:
            pa, pb, _ = out[-1]
            if b - a > pb - pa and a >= pa:
                out[-1] = (a, b, k) if a == pa else out[-1]
            continue
        out.append((a, b, k))
    return out


def tokenize(text: str, *, extra_terms: Iterable[str] = ()) -> list[Token]:
    """Tokens of ``text`` in order, covering every visible character.

    Spaces and invisible format characters (zero-width space, soft hyphen) fall
    between tokens; converter noise (``統(tǒng)``) belongs to the token before it.

    Args:
        text: the original document (any script, full- or half-width).
        extra_terms: more words to keep as single tokens (see :func:`segmenter`).

    Returns:
        :class:`Token` objects with offsets into ``text``; ``[]`` for empty text.

    >>> [t.text for t in tokenize("数字经济核心产业增加值增长7.1%")]
    ['数字经济核心产业增加值', '增长', '7.1%']
    """
    if not text:
        return []
    c = clean(text)
    t = c.text
    seg = segmenter(extra_terms)
    out: list[Token] = []

    def emit(a: int, b: int, kind: str) -> None:
        # A token also owns the characters cleaning deleted right after it (統(tǒng)),
        # so tokens cover the original; deleted spaces stay outside.
        oa, ob = c.offsets[a], c.offsets[b]
        while ob > oa + 1 and text[ob - 1].isspace():
            ob -= 1
        out.append(Token(text[oa:ob], oa, ob, kind))

    def words(a: int, b: int) -> None:
        for m in _NONSPACE.finditer(t, a, b):
            pos = m.start()
            for w in seg.cut(m.group()):
                end = pos + len(w)
                emit(pos, end, "punct" if _PUNCT_RUN.fullmatch(w) else "word")
                pos = end

    pos = 0
    for a, b, kind in _protected(t):
        if a > pos:
            words(pos, a)
        emit(a, b, kind)
        pos = b
    if pos < len(t):
        words(pos, len(t))
    return out

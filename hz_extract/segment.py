"""Sentences and clauses, as half-open spans into the text they were found in."""
from __future__ import annotations

import regex

__all__ = ["split_sentences", "split_clauses"]

_SENT = regex.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_CLAUSE = regex.compile(r"[^，,。！？!?；;\n]+[，,。！？!?；;]?")


def split_sentences(text: str) -> list[tuple[int, int]]:  # stub; the text-layer work refines it
    """Sentence spans of ``text`` (ASCII and full-width punctuation alike)."""
    return [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clause spans (split at commas) inside ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    return [(start + m.start(), start + m.end()) for m in _CLAUSE.finditer(text[start:end])
            if m.group().strip()]

"""The domain tokenizer: jieba plus indicator terms, with quantities and periods as single tokens."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Token", "tokenize"]


@dataclass(frozen=True)
class Token:
    """A token at ``text[start:end]``; ``kind`` is ``word``, ``quantity``, ``period`` or ``punct``."""

    text: str
    start: int
    end: int
    kind: str


def tokenize(text: str) -> list[Token]:  # stub (issue 3)
    """Tokens of ``text`` in order, covering every non-space character."""
    return []

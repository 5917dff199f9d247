"""Subjects: administrative divisions, 全国/我国, 全市/全省 resolved, organisations."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SubjectMention", "find_subjects", "main_place"]


@dataclass(frozen=True)
class SubjectMention:
    """A subject named at ``text[start:end]``.

    ``name`` is the simplified-script name to emit (``杭州``, ``全国``, ``钱江制冷``);
    ``kind`` is ``region``, ``national``, ``local`` (全市/我省 before resolution) or ``org``.
    """

    start: int
    end: int
    text: str
    name: str
    kind: str


def find_subjects(text: str, *, organisations: tuple[str, ...] = ()) -> list[SubjectMention]:  # stub
    """Subject mentions in ``text`` in order."""
    return []


def main_place(text: str) -> str | None:  # stub (issue 3)
    """The place the article is about (what 全市/全区/我省 refer to), if it can be told."""
    return None

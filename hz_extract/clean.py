"""Clean text for extraction without losing the way back to the original.

Full-width forms, traditional script and converter noise (``統(tǒng)計``) are
normalised; :class:`Cleaned` keeps, for every character of the cleaned text, the
index of the original character it came from, so any span found in the cleaned
text maps back to the original and slices it exactly.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Cleaned", "clean"]


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text plus its offset map.

    ``offsets[i]`` is the original index of ``text[i]``; ``offsets`` has
    ``len(text) + 1`` entries, the last being ``len(original)``.
    """

    original: str
    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text`` to a half-open span of ``original``."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def clean(text: str) -> Cleaned:  # stub: identity; the text-layer work replaces it (issue 3)
    """Clean ``text`` (full-width → half-width, traditional → simplified, noise removed)."""
    return Cleaned(text, text, tuple(range(len(text) + 1)))

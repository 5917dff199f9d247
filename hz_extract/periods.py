"""Reference periods: 2024年, 2024年11月, 一季度, 上半年, 1-4月份, 前三季度, 今年/上年.

Period values follow RECORDS.md: ``2024``, ``2024-11``, ``2024Q1``, ``2024H1``,
``2024-01/2024-10``. Relative expressions resolve against a reference year.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

__all__ = ["PeriodMention", "find_periods", "document_date"]


@dataclass(frozen=True)
class PeriodMention:
    """A period expression at ``text[start:end]``; ``value`` is None when no year is known."""

    start: int
    end: int
    text: str
    value: str | None


def find_periods(text: str, *, year: int | None = None) -> list[PeriodMention]:  # stub (issue 3)
    """Period expressions in ``text`` in order; ``year`` resolves 今年/上年 and year-less months."""
    return []


def document_date(text: str, published: _dt.date | None = None) -> _dt.date | None:  # stub
    """The date the document speaks from: ``published`` if given, else a date line near the top."""
    return published

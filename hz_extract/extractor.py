"""The extractor: text → indicator records (RECORDS.md)."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from .records import Record

__all__ = ["Extractor", "extract", "default_extractor"]


class Extractor:
    """The loaded extractor: dictionaries, compiled patterns and the segmenter, built once.

    Reusable, and picklable so it can be sent to worker processes (heavy state is
    rebuilt lazily on the other side). User additions extend the packaged lexicons.

    Args:
        indicators: extra indicator terms (e.g. ``"新能源汽车产量"``).
        regions: extra region names.
        organisations: extra organisation names that can be subjects.
    """

    def __init__(self, *, indicators: Iterable[str] = (), regions: Iterable[str] = (),
                 organisations: Iterable[str] = ()) -> None:
        self.indicators = tuple(indicators)
        self.regions = tuple(regions)
        self.organisations = tuple(organisations)

    def extract(self, text: str, *, doc_id: str | None = None,
                published: _dt.date | None = None) -> list[Record]:  # stub (issue 3)
        """Every indicator record in ``text``, in document order."""
        if not isinstance(text, str):
            raise TypeError(f"extract() takes str, not {type(text).__name__}")
        return []


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    """The process-wide extractor with the packaged lexicons, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(text: str, *, doc_id: str | None = None, published: _dt.date | None = None) -> list[Record]:
    """Indicator records of one document with the default :class:`Extractor`.

    >>> [r.measure for r in extract("2024年全市工业增加值6305亿元,增长7.1%。")]  # doctest: +SKIP
    ['level', 'growth']
    """
    return default_extractor().extract(text, doc_id=doc_id, published=published)

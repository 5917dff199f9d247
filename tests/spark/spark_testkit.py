"""Extractors for the Spark tests, in a module the executors import (shipped with ``addPyFile``).

They must be picklable and importable by name on the executors, as users' own
``Extractor`` subclasses must be.
"""
from __future__ import annotations

import datetime as _dt
import os
import uuid
from decimal import Decimal

import regex

from hz_extract.extractor import Extractor
from hz_extract.records import Record

FAIL_MARKER = "【测试:抛出异常】"
"""A document containing this text makes :class:`FailingExtractor` raise."""
BAD_RECORD_MARKER = "【测试:坏记录】"
"""A document containing this text makes :class:`FailingExtractor` return a record whose
indicator is an ``int``, which no string column can hold."""

_MAGNITUDES = {"": Decimal(1), "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}
_NUMBER = regex.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万)?")


class FailingExtractor(Extractor):
    """The real extractor, except that it raises on a document containing :data:`FAIL_MARKER`."""

    def extract(self, text: str, *, doc_id: str | None = None,
                published: _dt.date | None = None) -> list[Record]:
        """Records of ``text``; ``RuntimeError`` on the marker."""
        if isinstance(text, str) and FAIL_MARKER in text:
            raise RuntimeError(f"planted failure in {doc_id}")
        if isinstance(text, str) and BAD_RECORD_MARKER in text:
            return [Record(doc=doc_id, indicator=12345, subject=None, period=None,  # type: ignore[arg-type]
                           measure="level", value=Decimal(1), value_max=None, unit=None, qualifier="exact",
                           base=None, modality="actual", text="1", span=(0, 1), sentence=text, rule="planted")]
        return super().extract(text, doc_id=doc_id, published=published)


class ProbeExtractor(Extractor):
    """A stand-in that shows what the executor saw: its user dictionary and its process.

    For every user indicator term followed by a number (``term28.8``, ``term3万亿``) it
    gives one ``level`` record whose value is that number in base units, whose subject
    is the first user region, and whose ``rule`` is ``probe:<pid>:<token of this object>``;
    the token is drawn on first use and not pickled, so every built instance has its own.
    """

    @property
    def token(self) -> str:
        """A random token of this instance (``id()`` could repeat after garbage collection)."""
        token = self.__dict__.get("_probe_token")
        if token is None:
            token = self.__dict__["_probe_token"] = uuid.uuid4().hex
        return token

    def __getstate__(self) -> dict:
        state = dict(super().__getstate__()) if hasattr(super(), "__getstate__") else dict(self.__dict__)
        state.pop("_probe_token", None)
        return state

    def extract(self, text: str, *, doc_id: str | None = None,
                published: _dt.date | None = None) -> list[Record]:
        """One synthetic record per user indicator term followed by a number."""
        out: list[Record] = []
        for term in self.indicators:
            start = text.find(term)
            while start >= 0:
                m = _NUMBER.match(text, start + len(term))
                if m is not None:
                    value = Decimal(m[1]) * _MAGNITUDES[m[2] or ""]
                    out.append(Record(
                        doc=doc_id, indicator=term, subject=self.regions[0] if self.regions else None,
                        period=str(published.year) if published else None, measure="level",
                        value=value, value_max=value * 2 if m[2] else None, unit="元" if m[2] else "%",
                        qualifier="exact", base=None, modality="actual", text=m[0],
                        span=(m.start(), m.end()), sentence=text, rule=f"probe:{os.getpid()}:{self.token}"))
                start = text.find(term, start + 1)
        return out


def python_rows(docs: list[tuple], extractor: Extractor) -> tuple[list[dict], list[str | None]]:
    """The plain-Python path on the same documents: sorted record dicts, and the ids that failed.

    Uses :func:`hz_extract.extract_many` (one process), the reference the Spark path must equal.
    """
    from hz_extract import extract_many

    rows: list[dict] = []
    failed: list[str | None] = []
    for result in extract_many(docs, extractor=extractor):
        rows.extend(r.to_dict() for r in result.records)
        if result.error is not None:
            failed.append(result.doc_id)
    return sorted(rows, key=sort_key), failed


def sort_key(row: dict) -> tuple:
    """A total order on record dicts, for comparing two unordered collections of them."""
    return tuple("" if row[k] is None else str(row[k]) for k in (
        "doc", "span", "measure", "indicator", "value", "value_max", "unit", "qualifier", "subject",
        "period", "base", "modality", "rule", "text", "sentence"))

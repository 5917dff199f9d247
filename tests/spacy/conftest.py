"""Fixtures for the spaCy component tests: a jieba-segmented Chinese pipeline and a stand-in extractor."""
from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import hz_extract  # noqa: F401  (registers the factory the ordinary way)
from hz_extract.records import Record

JIEBA = {"nlp": {"tokenizer": {"segmenter": "jieba"}}}


@pytest.fixture(scope="session")
def nlp():
    """``spacy.blank("zh")`` with jieba and the ``hz_extract`` component, default settings."""
    import spacy

    pipeline = spacy.blank("zh", config=JIEBA)
    pipeline.add_pipe("hz_extract")
    return pipeline


def build_record(text: str, surface: str, indicator: str, *, occurrence: int = 0,
                 **fields: Any) -> Record:
    """A record at the ``occurrence``-th place ``surface`` stands in ``text``, sentence included."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    s0 = max(text.rfind("\n", 0, start), text.rfind("。", 0, start)) + 1
    s1 = text.find("。", end)
    values: dict[str, Any] = dict(
        doc=None, indicator=indicator, subject=None, period=None, measure="level",
        value=Decimal(1), value_max=None, unit=None, qualifier="exact", base=None,
        modality="actual", text=surface, span=(start, end),
        sentence=text[s0:(s1 + 1) if s1 >= 0 else len(text)], rule="test.hand")
    values.update(fields)
    return Record(**values)


class FakeExtractor:
    """Stands in for :class:`Extractor` in plumbing tests: returns given records, notes its calls."""

    def __init__(self, by_text: Callable[[str], list[Record]]) -> None:
        self.by_text = by_text
        self.calls: list[tuple[str, str | None, _dt.date | None]] = []

    def extract(self, text: str, *, doc_id: str | None = None,
                published: _dt.date | None = None) -> list[Record]:
        self.calls.append((text, doc_id, published))
        return [dataclasses.replace(r, doc=doc_id) for r in self.by_text(text)]


@pytest.fixture()
def make_record():
    """:func:`build_record`."""
    return build_record


@pytest.fixture()
def fake_extractor():
    """The :class:`FakeExtractor` class."""
    return FakeExtractor

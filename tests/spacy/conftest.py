"""Fixtures for the spaCy component tests: a jieba-segmented Chinese pipeline and a stand-in extractor."""
from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Callable

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
def fake_extractor():
    """The :class:`FakeExtractor` class."""
    return FakeExtractor

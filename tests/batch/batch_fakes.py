"""A deterministic stand-in extractor for batch tests, independent of the real rules.

It yields one ``growth`` record per ``N%`` in the text, so tests of storage, ordering and
resumption have real records to count whatever the real extractor returns today. Marker
texts make it misbehave on purpose: ``<<RAISE>>`` raises, ``<<EXIT>>`` kills the process.
"""
from __future__ import annotations

import datetime as _dt
import os
import time
from decimal import Decimal

import regex

from hz_extract.extractor import Extractor
from hz_extract.records import Record

_PCT = regex.compile(r"\d+(?:\.\d+)?%")


class FakeExtractor(Extractor):
    """Records for every percentage; ``delay`` seconds per document; ``tag`` puts pid:id in ``rule``."""

    def __init__(self, delay: float = 0.0, tag: bool = False) -> None:
        super().__init__()
        self.delay, self.tag = delay, tag

    def __getstate__(self) -> dict:
        return {**super().__getstate__(), "delay": self.delay, "tag": self.tag}

    def __setstate__(self, state: dict) -> None:
        super().__setstate__(state)
        self.delay, self.tag = state.get("delay", 0.0), state.get("tag", False)

    def extract(self, text: str, *, doc_id: str | None = None,
                published: _dt.date | None = None) -> list[Record]:
        if "<<RAISE>>" in text:
            raise ValueError("deliberate failure")
        if "<<EXIT>>" in text:
            os._exit(3)
        if self.delay:
            time.sleep(self.delay)
        rule = f"fake:{os.getpid()}:{id(self)}" if self.tag else "fake.pct"
        return [Record(doc_id, "增加值", "杭州", published.isoformat() if published else None, "growth",
                       Decimal(m[0][:-1]), None, "%", "exact", None, "actual", m[0], (m.start(), m.end()),
                       text[max(0, m.start() - 5):m.end()], rule)
                for m in _PCT.finditer(text)]

"""Shared fixtures: where the shared evaluation texts live, and the seed article."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hz_extract.records import Record

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEED = ROOT / "seeds" / "000_3e54889b26489272.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (evaluation texts stay there, never copied in)."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: the evaluation texts live in ../shared beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article the project started from."""
    return SEED.read_text(encoding="utf-8")


def build_record(text: str, surface: str, indicator: str = "指标", *, occurrence: int = 0,
                 **fields: Any) -> Record:
    """A hand-made record at the ``occurrence``-th place ``surface`` stands in ``text``, sentence included."""
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
    if not isinstance(values["value"], Decimal):
        values["value"] = Decimal(str(values["value"]))
    return Record(**values)


@pytest.fixture()
def make_record():
    """:func:`build_record`, for tests that write their own records (rendering, spaCy plumbing)."""
    return build_record

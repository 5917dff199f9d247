"""Walk every rule family's corpus: each sentence gives exactly the records listed (and none for a negative).

A corpus line is ``{"sentence": ..., "records": [{field: expected, ...}, ...]}``;
only the fields written are checked (values numerically). ``"xfail": "why"`` marks
a known miss, run as ``xfail(strict=True)`` so a fix has to move it.
"""
from __future__ import annotations

import json
import math
from importlib import resources
from typing import Any

import pytest

from hz_extract import Extractor
from hz_extract.rules import FAMILIES


def _cases() -> list[Any]:
    out = []
    for fam in FAMILIES:
        path = resources.files("hz_extract.rules").joinpath(f"{fam}.corpus.jsonl")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            case = json.loads(line)
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            out.append(pytest.param(case, id=f"{fam}:{n}", marks=marks))
    return out


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _matches(record: dict[str, Any], want: dict[str, Any]) -> bool:
    for key, value in want.items():
        got = record.get(key)
        if key == "value":
            if got is None or not math.isclose(float(got), float(value), rel_tol=1e-9, abs_tol=1e-9):
                return False
        elif got != value:
            return False
    return True


@pytest.mark.parametrize("case", _cases())
def test_corpus_sentence(case: dict[str, Any], extractor: Extractor) -> None:
    got = [r.to_dict() for r in extractor.extract(case["sentence"])]
    wanted = case["records"]
    left = list(got)
    for want in wanted:
        hit = next((r for r in left if _matches(r, want)), None)
        assert hit is not None, f"no record like {want} in {got}"
        left.remove(hit)
    assert not left, f"unexpected records {left}"

"""Every registered rule family has a module and a corpus, and every corpus belongs to a family."""
from __future__ import annotations

import importlib
import json
from importlib import resources

import pytest

from hz_extract.rules import FAMILIES


def _corpora() -> set[str]:
    root = resources.files("hz_extract.rules")
    return {p.name[:-len(".corpus.jsonl")] for p in root.iterdir() if p.name.endswith(".corpus.jsonl")}


@pytest.mark.parametrize("family", FAMILIES)
def test_family_has_module_and_corpus(family: str) -> None:
    mod = importlib.import_module(f"hz_extract.rules.{family}")
    assert mod.FAMILY == family
    assert family in _corpora(), f"hz_extract/rules/{family}.corpus.jsonl is missing"


def test_every_corpus_has_a_family() -> None:
    assert _corpora() - set(FAMILIES) == set()


@pytest.mark.parametrize("family", FAMILIES)
def test_corpus_has_positive_and_negative_or_known_miss(family: str) -> None:
    text = resources.files("hz_extract.rules").joinpath(f"{family}.corpus.jsonl").read_text(encoding="utf-8")
    cases = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert cases, f"{family}: empty corpus"
    for c in cases:
        assert set(c) <= {"sentence", "records", "xfail"}, c
        assert isinstance(c["sentence"], str) and c["sentence"]
    if family != "noise":
        assert any(c["records"] for c in cases), f"{family}: no positive example"


def test_measure_families_are_registered() -> None:
    from hz_extract.rules import engine

    assert {f.FAMILY for f in engine.measure_families()} <= set(FAMILIES)

"""Patterns of the rules compiled with the standard re (faster to call) that were written for regex:
both engines must read them alike, on the corpus sentences (whole, and the words before and after
every figure, plain and masked) and on random text made of the cue patterns' own words.

Every ``re`` pattern of a rules module is checked, and those built from the lexicons (the cues, the
modality words, the indicator's split words): a pattern that needs one of regex's extensions
(``\\p{Han}``, a variable lookbehind, ``(?r)``) stays a regex one and fails here if compiled by re.
"""
from __future__ import annotations

import importlib
import json
import re
from importlib import resources

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract.rules import FAMILIES
from hz_extract.rules.cues import EndCue, cues
from hz_extract.rules.indicator import _tables
from hz_extract.rules.lexicon import lexicon
from hz_extract.rules.modality import _patterns

_SIDE = 80
_MODULES = (*FAMILIES, "assemble", "cues", "engine", "heads", "items", "lexicon", "prepare")


def _compiled() -> dict[str, re.Pattern[str]]:
    out: dict[str, re.Pattern[str]] = {}
    for mod in _MODULES:
        for name, value in vars(importlib.import_module(f"hz_extract.rules.{mod}")).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                out[f"{mod}.{name}"] = value
    lex = lexicon()
    c = cues(lex)
    for field in ("growth", "rate", "bare_base", "change", "compare", "than", "lone_verb", "pull", "base_any"):
        p = getattr(c, field)
        out[f"cues.{field}"] = p.pattern if isinstance(p, EndCue) else p
    out["modality.cues"], out["modality.notable"] = _patterns(lex)
    out["indicator.split"] = _tables(lex).split
    return out


_PATTERNS = _compiled()
_TWINS = {name: regex.compile(p.pattern) for name, p in _PATTERNS.items()}


def _found(p: re.Pattern[str] | regex.Pattern[str], text: str) -> list[object]:
    return [[(m.span(), m.groupdict(), m.lastgroup) for m in p.finditer(text)],
            [(m.span(), m.groupdict()) if m else None for m in (p.search(text), p.match(text))]]


def _same(text: str) -> None:
    for name, p in _PATTERNS.items():
        assert _found(p, text) == _found(_TWINS[name], text), (name, text)


def _texts() -> list[str]:
    """Every corpus sentence, plain and with its digits masked, and the words on either side of each figure."""
    out = set()
    for f in resources.files("hz_extract").joinpath("rules").iterdir():
        if not f.name.endswith(".corpus.jsonl"):
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            text = d.get("sentence") or d.get("text") or ""
            masked = re.sub(r"[0-9]", "#", text)  # as the rules read it: figures masked
            out.update((text, masked))
            for i in range(1, len(text)):
                if text[i].isdigit() != text[i - 1].isdigit():
                    for t in (text, masked):
                        out.update((t[max(0, i - _SIDE):i], t[i:i + _SIDE]))
    return sorted(out)


def test_corpus_texts() -> None:
    texts = _texts()
    assert len(texts) > 2000 and len(_PATTERNS) > 20
    for text in texts:
        _same(text)


def _words() -> list[str]:
    lex = lexicon()
    return sorted({*lex.verbs, *lex.bases, *lex.compare, *lex.expected, *lex.target, "拉动", "增速", "降幅", "占比",
                   "比重", "了", "的", "为", "达", "比", "较", "年", "月", "末", "初", "同", "相比", "分别", "#", ",",
                   ";", ":", "全国", "GDP", "公司", "安排", "\n", " "})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_words()), max_size=12))
def test_random_words(words: list[str]) -> None:
    _same("".join(words))

"""The cue patterns are compiled with the standard re (faster to call) but written for regex:
both engines must read them alike, on the words before every figure of the corpora and on
random text made of the patterns' own words."""
from __future__ import annotations

import json
from importlib import resources

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract.rules.cues import EndCue, cues
from hz_extract.rules.lexicon import lexicon

_LEFT = 80


def _patterns() -> dict[str, object]:
    c = cues()
    out = {}
    for field in ("growth", "rate", "bare_base", "change", "compare", "than", "lone_verb", "pull", "base_any"):
        p = getattr(c, field)
        out[field] = p.pattern if isinstance(p, EndCue) else p
    return out


def _same(text: str) -> None:
    for field, p in _patterns().items():
        twin = regex.compile(p.pattern)
        got = [(m.span(), m.groupdict(), m.lastgroup) for m in p.finditer(text)]
        want = [(m.span(), m.groupdict(), m.lastgroup) for m in twin.finditer(text)]
        assert got == want, (field, text)
        m, w = p.search(text), twin.search(text)
        assert (m and (m.span(), m.groupdict())) == (w and (w.span(), w.groupdict())), (field, text)


def _lefts() -> list[str]:
    """The words before each figure (a digit after a non-digit) of every corpus sentence."""
    out = set()
    for f in resources.files("hz_extract").joinpath("rules").iterdir():
        if not f.name.endswith(".corpus.jsonl"):
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                text = d.get("sentence") or d.get("text") or ""
                masked = regex.sub(r"\d", "#", text)  # as the rules read it: figures masked
                for i in range(1, len(text)):
                    if text[i].isdigit() and not text[i - 1].isdigit():
                        out.update((text[max(0, i - _LEFT):i], masked[max(0, i - _LEFT):i]))
    return sorted(out)


def test_corpus_lefts() -> None:
    lefts = _lefts()
    assert len(lefts) > 1000
    for left in lefts:
        _same(left)


def _words() -> list[str]:
    lex = lexicon()
    return sorted({*lex.verbs, *lex.bases, *lex.compare, "拉动", "增速", "降幅", "占比", "比重", "了", "的", "为", "达",
                   "比", "较", "年", "月", "末", "初", "同", "相比", "分别", "#", ",", ";", "全国", "GDP", "\n", " "})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_words()), max_size=12))
def test_random_words(words: list[str]) -> None:
    _same("".join(words))

"""The rule lexicons in hz_extract/data: documented, well-formed, no duplicates, loadable."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from hz_extract.rules.lexicon import DATA_FILES, lexicon, read_lines, read_pairs


def _raw(name: str) -> str:
    return resources.files("hz_extract").joinpath("data", name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DATA_FILES)
def test_documented(name: str) -> None:
    raw = _raw(name)
    if name.endswith(".json"):
        doc = json.loads(raw).get("_doc")
        assert doc and all(isinstance(x, str) for x in doc), f"{name}: needs a _doc list"
    else:
        head = [line for line in raw.splitlines()[:3]]
        assert all(line.startswith("#") for line in head), f"{name}: needs a # header"


@pytest.mark.parametrize("name", [n for n in DATA_FILES if n.endswith(".txt")])
def test_txt_entries_unique_and_clean(name: str) -> None:
    entries = read_lines(name)
    keys = [e.split("\t")[0] for e in entries]
    assert len(keys) == len(set(keys)), f"{name}: duplicate entries"
    assert all(k == k.strip() and k for k in keys)


@pytest.mark.parametrize("name", ["measure_verbs.txt", "measure_compare.txt"])
def test_signs(name: str) -> None:
    assert {v for _, v in read_pairs(name)} <= {"+", "-"}


@pytest.mark.parametrize("name", [n for n in DATA_FILES if n.endswith(".json")])
def test_json_lists_of_words(name: str) -> None:
    data = json.loads(_raw(name))
    for key, words in data.items():
        if key == "_doc":
            continue
        assert isinstance(words, list) and words, f"{name}:{key}"
        assert all(isinstance(w, str) and w.strip() == w and w for w in words), f"{name}:{key}"
        assert len(words) == len(set(words)), f"{name}:{key} has duplicates"


def test_lexicon_loads_and_resolves() -> None:
    lex = lexicon()
    assert lex.base_of("比上年末") == "上年末"
    assert lex.verbs["下降"] == -1 and lex.verbs["增长"] == 1
    assert lex.head_of("汽车仪器仪表产量") == "产量"
    assert lex.head_of("没有中心词的短语") is None


def test_extra_heads_extend_the_lexicon() -> None:
    assert lexicon(("碳排放强度",)).head_of("全市碳排放强度") == "碳排放强度"

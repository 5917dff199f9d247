"""The numeric lexicons in hz_extract/data: documented, well-formed, consistent, shipped."""
from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from hz_extract.quantities import KINDS, QUALIFIERS
from hz_extract.quantity_lexicon import lexicon, load_data

DATA = Path(__file__).resolve().parents[2] / "hz_extract" / "data"
FILES = ("numerals.json", "magnitudes.json", "units.json", "qualifiers.json")


@pytest.mark.parametrize("name", FILES)
def test_file_is_documented_json(name):
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data["_doc"], list) and all(isinstance(s, str) and s for s in data["_doc"])
    assert load_data(name) == data


def test_data_files_ship_in_the_wheel():
    project = tomllib.loads((DATA.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "data/*" in project["tool"]["setuptools"]["package-data"]["hz_extract"]


def test_units_are_well_formed():
    lex = lexicon()
    for word, info in lex.units.items():
        assert word and word == word.strip(), word
        assert info.kind in KINDS and info.kind not in ("number", "ordinal", "fraction"), word
        assert info.unit and isinstance(info.factor, Decimal) and info.factor > 0, word
        assert word not in lex.not_units, f"{word} is both a unit and a not-unit"
    for sign, currency in lex.money_prefixes.items():
        assert any(i.unit == currency and i.kind == "money" for i in lex.units.values()), sign
    for word in lex.not_followed_by:
        assert word in lex.units or word in lex.not_units, f"not_followed_by names {word!r}, which is no unit word"


def test_qualifiers_map_to_known_values():
    lex = lexicon()
    for table in (lex.before, lex.after, lex.inside):
        assert table and set(table.values()) <= set(QUALIFIERS) - {"exact", "range"}
    for word, chars in lex.before_not_after.items():
        assert word in lex.before and chars


def test_numeral_tables():
    lex = lexicon()
    assert [lex.digits[c] for c in "〇一二三四五六七八九"] == list(range(10))
    assert {lex.small[c] for c in "十百千"} == {1, 2, 3} and {lex.big[c] for c in "万亿兆"} == {4, 8, 12}
    assert not set(lex.digits) & (set(lex.small) | set(lex.big))


def test_fold_is_one_character_to_one():
    table = lexicon().fold
    assert all(isinstance(v, str) and len(v) == 1 for v in table.values())
    assert "４４００億".translate(table) == "4400亿"


def test_every_stopword_holds_a_numeral():
    lex = lexicon()
    numeral = set(lex.digits) | set(lex.tens) | set(lex.small) | set(lex.big)
    for word in lex.stopwords:
        assert len(word) >= 2 and set(word) & numeral, word
    assert len(set(lex.stopwords)) == len(lex.stopwords), "a stopword is listed twice"


def test_lexicon_is_loaded_once():
    assert lexicon() is lexicon()


def test_per_units_and_bound_units_are_well_formed():
    lex = lexicon()
    assert lex.per_units and all(w and base and "/" not in w for w, base in lex.per_units.items())
    for word, allowed in lex.cn_bound.items():
        assert len(word) == 1 and word in lex.units and allowed, word

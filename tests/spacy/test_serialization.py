"""The component across processes and disks: to_disk/spacy.load, nlp.pipe(n_process=2), entry point.

Also checks that spaCy stays at the edge: the core library runs without importing it.
"""
from __future__ import annotations

import datetime as _dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hz_extract import extract

JIEBA = {"nlp": {"tokenizer": {"segmenter": "jieba"}}}
SETTINGS = {"indicators": ["压缩机年产量"], "regions": ["余杭区"], "organisations": ["钱江制冷"],
            "published": "2025-01-27"}
TEXTS = ["2024年全市工业增加值6305亿元,增长7.1%。", "钱江制冷压缩机年产量可达6000万台。",
         "占GDP比重达28.8%,高于GDP增速2.4个百分点。", "没有数字的一句话。"]


def _python(code: str, tmp_path: Path) -> dict:
    """Run ``code`` in a fresh interpreter (cwd outside the checkout) and read the JSON it prints."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_settings_survive_to_disk_and_spacy_load(tmp_path):
    import spacy

    nlp = spacy.blank("zh", config=JIEBA)
    nlp.add_pipe("hz_extract", config=SETTINGS)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["hz_extract"]
    assert dict(loaded.config["components"]["hz_extract"]) == {"factory": "hz_extract", **SETTINGS}
    component = loaded.get_pipe("hz_extract")
    assert component.published == _dt.date(2025, 1, 27)
    assert component.organisations == ("钱江制冷",)
    assert component.extractor.indicators == ("压缩机年产量",)
    assert component.extractor.regions == ("余杭区",)
    assert loaded.config["nlp"]["tokenizer"]["segmenter"] == "jieba"
    for text in TEXTS:
        a, b = nlp(text), loaded(text)
        assert b._.hz_records == a._.hz_records
        assert [t.text for t in b] == [t.text for t in a]
        for key in ("hz_quantities", "hz_periods"):
            assert [(s.start_char, s.end_char, s.label_) for s in b.spans[key]] == \
                [(s.start_char, s.end_char, s.label_) for s in a.spans[key]]


def test_pipe_with_two_processes_keeps_records_and_spans(nlp, make_record, fake_extractor, monkeypatch):
    named = {"6305亿元": "工业增加值", "6000万台": "压缩机年产量", "28.8%": "GDP比重"}

    def by_text(text: str):
        return [make_record(text, surface, indicator, value=Decimal("1.10"), unit="元")
                for surface, indicator in named.items() if surface in text]

    monkeypatch.setattr(nlp.get_pipe("hz_extract"), "extractor", fake_extractor(by_text))
    docs = list(nlp.pipe(TEXTS, n_process=2, batch_size=1))
    assert [d.text for d in docs] == TEXTS
    for doc in docs:
        expected = by_text(doc.text)
        assert doc._.hz_records == expected
        assert [str(r.value) for r in doc._.hz_records] == ["1.10"] * len(expected)
        assert [s.text for s in doc.spans["hz_indicators"]] == [r.indicator for r in expected]
        single = nlp(doc.text)
        assert [(s.start_char, s.end_char, s.label_) for s in doc.spans["hz_quantities"]] == \
            [(s.start_char, s.end_char, s.label_) for s in single.spans["hz_quantities"]]


def test_pipe_with_two_processes_matches_extract(nlp):
    docs = list(nlp.pipe(TEXTS, n_process=2))
    assert [d._.hz_records for d in docs] == [extract(t) for t in TEXTS]


ENTRY_POINT = """
import json
import spacy  # hz_extract is never imported here: only spaCy's entry point can bring it in
nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
nlp.add_pipe("hz_extract", config={"organisations": ["钱江制冷"]})
doc = nlp("2024年全市工业增加值6305亿元,增长7.1%。")
nlp.to_disk("pipeline")
print(json.dumps({"spans": sorted(doc.spans), "records": len(doc._.hz_records),
                  "quantities": [s.text for s in doc.spans["hz_quantities"]]}))
"""
LOAD = """
import json
import spacy
loaded = spacy.load("pipeline")
doc = loaded("2024年全市工业增加值6305亿元,增长7.1%。")
print(json.dumps({"quantities": [s.text for s in doc.spans["hz_quantities"]],
                  "organisations": list(loaded.get_pipe("hz_extract").organisations)}))
"""


def test_the_entry_point_registers_the_factory_without_importing_hz_extract(tmp_path):
    out = _python(ENTRY_POINT, tmp_path)
    assert out["spans"] == ["hz_indicators", "hz_periods", "hz_quantities", "hz_subjects"]
    assert "6305亿元" in out["quantities"]
    loaded = _python(LOAD, tmp_path)  # a fresh interpreter loads the saved pipeline
    assert loaded == {"quantities": out["quantities"], "organisations": ["钱江制冷"]}


CORE_ONLY = """
import json, sys
import hz_extract
text = "2024年全市工业增加值6305亿元,增长7.1%。"
hz_extract.extract(text)
hz_extract.find_quantities(text)
hz_extract.render_html(text)
print(json.dumps({"spacy": sorted(m for m in sys.modules if m == "spacy" or m.startswith("spacy."))}))
"""


def test_the_core_library_never_imports_spacy(tmp_path):
    assert _python(CORE_ONLY, tmp_path) == {"spacy": []}


def test_docbin_keeps_records_only_with_user_data(nlp):
    from spacy.tokens import DocBin

    doc = nlp(TEXTS[0])
    for store, expected in ((True, doc._.hz_records), (False, [])):
        data = DocBin(store_user_data=store, docs=[doc]).to_bytes()
        (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
        assert back._.hz_records == expected
        assert [s.text for s in back.spans["hz_quantities"]] == [s.text for s in doc.spans["hz_quantities"]]
    assert doc._.hz_records, "the first text has records"

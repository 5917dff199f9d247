"""extract_many: order, equivalence with extract(), workers, bounded reading, per-document errors."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

import hz_extract
from hz_extract.batch import Result, as_document, extract_many
from hz_extract.errors import HzExtractError
from hz_extract.extractor import Extractor
from hz_extract.sources import Document, iter_documents


def dicts(records) -> list[dict]:
    return [r.to_dict() for r in records]


def test_results_equal_extract_of_each_dev_document(dev_docs):
    docs = list(iter_documents([dev_docs]))
    results = list(extract_many(docs))
    assert [r.index for r in results] == list(range(len(docs)))
    assert [r.doc_id for r in results] == [d.id for d in docs]
    for doc, res in zip(docs, results):
        assert res.ok and res.source == doc.source and res.content_hash == doc.content_hash
        assert dicts(res.records) == dicts(hz_extract.extract(doc.text, doc_id=doc.id))


def test_seed_article_yields_records_under_its_id(seed_text):
    [res] = extract_many([("seed-000", seed_text)])
    assert res.ok and res.records and {r.doc for r in res.records} == {"seed-000"}


def test_two_workers_give_the_same_stream_as_one(dev_docs):
    docs = list(iter_documents([dev_docs])) * 3
    one = [(r.index, r.doc_id, dicts(r.records), r.error) for r in extract_many(docs)]
    two = [(r.index, r.doc_id, dicts(r.records), r.error) for r in extract_many(docs, workers=2, chunksize=2)]
    assert one == two


def test_input_shapes_and_published_reach_the_extractor(fake):
    items = ["增长1%", ("a", "增长2%"), ("b", "增长3%", "2024-05-06"), ["c", "增长4%", dt.date(2023, 1, 2)],
             Document.make("d", "增长5%", dt.date(2022, 2, 2), "src.txt")]
    out = list(extract_many(items, extractor=fake(), published=dt.date(2025, 1, 1)))
    assert [r.doc_id for r in out] == [None, "a", "b", "c", "d"]
    assert [r.records[0].period for r in out] == ["2025-01-01", "2025-01-01", "2024-05-06", "2023-01-02",
                                                  "2022-02-02"]
    assert [str(r.records[0].value) for r in out] == ["1", "2", "3", "4", "5"]
    assert out[4].source == "src.txt"


def test_non_text_items_fail_fast_or_per_document():
    with pytest.raises(TypeError, match="extract_many"):
        list(extract_many([42]))
    [res] = extract_many([("x", b"bytes")])
    assert not res.ok and "not str" in res.error and res.records == []
    with pytest.raises(ValueError):
        list(extract_many(["a"], workers=0))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_that_makes_the_extractor_raise_is_an_error_result(fake, workers):
    items = [("ok1", "增长1%"), ("bad", "<<RAISE>> 增长2%"), ("ok2", "增长3%")]
    out = list(extract_many(items, workers=workers, extractor=fake(), chunksize=1))
    assert [r.doc_id for r in out] == ["ok1", "bad", "ok2"]
    assert out[0].ok and out[2].ok and len(out[2].records) == 1
    assert not out[1].ok and "ValueError" in out[1].error and "bad" in out[1].error and out[1].records == []


def test_a_document_that_kills_its_worker_is_an_error_result(fake):
    items = [(f"d{i}", f"增长{i}%") for i in range(6)]
    items.insert(3, ("killer", "<<EXIT>>"))
    out = list(extract_many(items, workers=2, extractor=fake(), chunksize=2))
    assert [r.doc_id for r in out] == [i[0] for i in items]
    assert [r.doc_id for r in out if not r.ok] == ["killer"]
    assert "worker process died" in out[3].error
    assert all(len(r.records) == 1 for r in out if r.ok)


def test_unreadable_documents_pass_through_in_order(fake):
    items = [("a", "增长1%"), Document.failed("b", "b.txt", "b.txt: empty document"), ("c", "增长2%")]
    out = list(extract_many(items, workers=2, extractor=fake()))
    assert [(r.doc_id, r.error) for r in out] == [("a", None), ("b", "b.txt: empty document"), ("c", None)]


def test_one_extractor_per_worker_built_once(fake):
    items = [(str(i), f"增长{i}%") for i in range(60)]
    out = list(extract_many(items, workers=2, extractor=fake(tag=True), chunksize=3))
    tags = {r.records[0].rule for r in out}
    pids = {t.split(":")[1] for t in tags}
    assert 1 <= len(pids) <= 2
    assert len(tags) == len(pids)  # one extractor object per worker process, reused for every document


def test_input_is_consumed_lazily_with_a_bounded_window(fake):
    consumed = 0

    def endless():
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield (str(i), "增长1%")

    stream = extract_many(endless(), workers=2, extractor=fake(), chunksize=4, window=3)
    first = list(itertools.islice(stream, 5))
    stream.close()
    assert [r.doc_id for r in first] == ["0", "1", "2", "3", "4"]
    assert consumed <= 4 * 3 + 4 + 1  # the window plus the chunk being formed, never the whole input


def test_single_worker_is_lazy_too():
    consumed = 0

    def gen():
        nonlocal consumed
        for i in range(1000):
            consumed += 1
            yield str(i)

    stream = extract_many(gen())
    next(stream)
    assert consumed == 1


def test_workers_that_cannot_start_raise_instead_of_blaming_documents(monkeypatch, fake):
    import hz_extract.batch as batch

    monkeypatch.setattr(batch, "_init_worker", _exit_at_start)
    with pytest.raises(HzExtractError, match="start-up"):
        list(extract_many([("a", "增长1%")], workers=2, extractor=fake(), mp_context="fork"))


def _exit_at_start(extractor: Extractor, alive: object = None) -> None:
    import os

    os._exit(4)


def test_result_and_as_document_contract():
    r = Result(0, "a")
    assert r.ok and r.records == [] and r.error is None
    assert as_document("text").id is None
    assert as_document(("a", "t", "2024-01-02")).published == dt.date(2024, 1, 2)
    assert hz_extract.extract_many is extract_many

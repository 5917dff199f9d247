"""The record store on a real SQLite file and the real PostgreSQL server."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from batch_helpers import Db, read_back

import hz_extract
from hz_extract.batch import Result, extract_many
from hz_extract.errors import DatabaseError
from hz_extract.records import Record
from hz_extract.sources import Document, iter_documents
from hz_extract.store import Store, normalize_url


def store_all(db: Db, docs, extractor=None, **kw) -> int:
    """Run docs through a fresh Store the way the command does; return how many were skipped."""
    skipped = []
    with Store(db.url, schema=db.schema, **kw) as store:
        for res in extract_many(store.pending(docs, on_skip=skipped.append), extractor=extractor):
            store.add(res)
    return len(skipped)


def test_rows_equal_extract_of_the_same_texts(db, dev_docs):
    docs = list(iter_documents([dev_docs]))
    store_all(db, docs)
    documents, records = read_back(db)
    assert set(documents) == {d.id for d in docs}
    for d in docs:
        row = documents[d.id]
        assert (row["status"], row["error"], row["source"], row["content_hash"]) == ("ok", None, d.source,
                                                                                       d.content_hash)
        want = [r.to_dict() for r in hz_extract.extract(d.text, doc_id=d.id)]
        assert records.get(d.id, []) == want and row["n_records"] == len(want)


def test_seed_article_lands_in_records_with_its_doc_id(db, seed_text):
    store_all(db, [("seed-000", seed_text)])
    documents, records = read_back(db)
    assert documents["seed-000"]["n_records"] > 0
    assert records["seed-000"] and all(r["doc"] == "seed-000" for r in records["seed-000"])


def test_fake_records_round_trip_exactly(db, fake):
    text = "增长16.4%,增加值0.1%,增长440000000000.5%"
    store_all(db, [Document.make("x", text, dt.date(2024, 5, 6), "x.txt")], fake())
    documents, records = read_back(db)
    assert records["x"] == [r.to_dict() for r in fake().extract(text, doc_id="x", published=dt.date(2024, 5, 6))]
    assert documents["x"]["published"] == dt.date(2024, 5, 6)


def test_value_max_and_nulls_survive(db):
    rec = Record("r", "产值", None, None, "level", Decimal("1000000"), Decimal("2000000"), "元", "range",
                 None, "actual", "100-200万元", (0, 8), "s", "t")
    with Store(db.url, schema=db.schema) as store:
        store.add(Result(0, "r", [rec], None, "r.txt", "h"))
    _, records = read_back(db)
    assert records["r"] == [rec.to_dict()]


def test_idempotent_second_run_skips_and_leaves_the_same_rows(db, fake):
    docs = [Document.make(f"d{i}", f"增长{i}.5%,下降{i}%", None, f"d{i}.txt") for i in range(30)]
    assert store_all(db, docs, fake()) == 0
    first = read_back(db)
    assert store_all(db, docs, fake()) == 30
    second = read_back(db)
    assert first[1] == second[1] and first[0].keys() == second[0].keys()
    assert sum(len(v) for v in second[1].values()) == 60


def test_force_reprocesses_and_still_leaves_the_same_records(db, fake):
    docs = [Document.make(f"d{i}", f"增长{i}%", None, f"d{i}.txt") for i in range(5)]
    store_all(db, docs, fake())
    before = read_back(db)
    with Store(db.url, schema=db.schema) as store:  # --force: no pending() filter
        for res in extract_many(docs, extractor=fake()):
            store.add(res)
    after = read_back(db)
    assert before[1] == after[1]
    assert all(after[0][k]["processed_at"] >= before[0][k]["processed_at"] for k in before[0])
    assert {after[0][k]["run"] for k in after[0]} != {before[0][k]["run"] for k in before[0]}


def test_a_changed_document_replaces_its_own_records_only(db, fake):
    store_all(db, [Document.make("a", "增长1%,增长2%,增长3%", None, "a.txt"),
                   Document.make("b", "增长9%", None, "b.txt")], fake())
    skipped = store_all(db, [Document.make("a", "下降5%", None, "a.txt"),
                             Document.make("b", "增长9%", None, "b.txt")], fake())
    assert skipped == 1
    documents, records = read_back(db)
    assert [r["value"] for r in records["a"]] == [5] and documents["a"]["n_records"] == 1
    assert [r["value"] for r in records["b"]] == [9]


def test_error_documents_are_recorded_and_retried(db, fake):
    bad = Document.failed("bad", "in.jsonl:3", "in.jsonl:3: malformed JSON (Expecting value at column 1)")
    store_all(db, [bad, ("boom", "<<RAISE>>"), Document.make("ok", "增长1%", None, "ok.txt")], fake())
    documents, records = read_back(db)
    assert documents["bad"]["status"] == "error" and "in.jsonl:3" in documents["bad"]["error"]
    assert documents["boom"]["status"] == "error" and "ValueError" in documents["boom"]["error"]
    assert documents["ok"]["status"] == "ok" and "bad" not in records
    # an error is not "done": the next run tries those documents again, and skips the good one
    fixed = Document.make("bad", "增长2%", None, "in.jsonl:3")
    assert store_all(db, [fixed, Document.make("ok", "增长1%", None, "ok.txt")], fake()) == 1
    documents, records = read_back(db)
    assert documents["bad"]["status"] == "ok" and documents["bad"]["error"] is None
    assert [r["value"] for r in records["bad"]] == [2]


def test_duplicate_ids_in_one_run_are_rejected_not_mixed(db, fake):
    with Store(db.url, schema=db.schema) as store:
        rejected = [store.add(r) for r in extract_many(
            [Document.make("same", "增长1%", None, "a/same.txt"), Document.make("same", "增长2%", None, "b/same.txt")],
            extractor=fake())]
    assert rejected[0] is None and "already read in this run" in rejected[1] and "b/same.txt" in rejected[1]
    documents, records = read_back(db)
    assert documents["same"]["source"] == "a/same.txt" and [r["value"] for r in records["same"]] == [1]


def test_a_failed_write_keeps_committed_documents_and_no_partial_one(db, fake):
    bad = Record("y", None, None, None, "level", Decimal(1), None, None, "exact", None, "actual",  # type: ignore[arg-type]
                 "1", (0, 1), "s", "t")
    with Store(db.url, schema=db.schema, commit_every=1) as store:
        store.add(Result(0, "x", fake().extract("增长1%", doc_id="x"), None, "x.txt", "hx"))
        with pytest.raises(DatabaseError, match="cannot store document 'y'"):
            store.add(Result(1, "y", [bad], None, "y.txt", "hy"))
    documents, records = read_back(db)
    assert set(documents) == {"x"} and set(records) == {"x"}


def test_schema_is_created_once_and_reopening_is_harmless(db):
    for _ in range(2):
        Store(db.url, schema=db.schema).close()
    from sqlalchemy import create_engine, inspect

    engine = create_engine(normalize_url(db.url))
    try:
        insp = inspect(engine)
        assert {"documents", "records"} <= set(insp.get_table_names(schema=db.schema))
        names = {ix["name"] for ix in insp.get_indexes("records", schema=db.schema)}
        assert {"ix_records_indicator", "ix_records_subject", "ix_records_period"} <= names
    finally:
        engine.dispose()


@pytest.mark.parametrize("url, what", [("nonsense", "not a usable database URL"),
                                       ("bogus://x/y", "not a usable database URL")])
def test_bad_urls(url, what):
    with pytest.raises(DatabaseError, match=what):
        Store(url)


def test_unreachable_database(tmp_path):
    with pytest.raises(DatabaseError, match="cannot open database"):
        Store(f"sqlite:///{tmp_path / 'missing' / 'x.sqlite'}")


def test_sqlite_has_no_schemas(sqlite_db):
    with pytest.raises(DatabaseError, match="no schemas"):
        Store(sqlite_db.url, schema="s")


def test_plain_postgresql_urls_use_psycopg3():
    assert normalize_url("postgresql://u:p@h/d") == "postgresql+psycopg://u:p@h/d"
    assert normalize_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalize_url("sqlite:///x") == "sqlite:///x"

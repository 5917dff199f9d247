"""Output writers: JSON Lines, CSV and Parquet round trips; unknown types; no half-written files."""
from __future__ import annotations

import csv
import gzip
import json
import sys

import pytest

from hz_extract.batch import extract_many
from hz_extract.errors import InputError
from hz_extract.records import RECORD_FIELDS
from hz_extract.sinks import CSV_COLUMNS, check_output, open_sink

ITEMS = [("a", "工业增加值增长7.1%,出口增长16.4%"), ("b", "无数字"), ("c", "下降0.1%")]


@pytest.fixture
def results(fake):
    return list(extract_many(ITEMS, extractor=fake()))


def expected(results) -> list[dict]:
    return [rec.to_dict() for r in results for rec in r.records]


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_jsonl_file_round_trip(tmp_path, results, name):
    path = tmp_path / name
    sink = open_sink(str(path))
    for r in results:
        sink.write(r)
    sink.close()
    raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    rows = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    assert rows == expected(results) and len(rows) == 3
    assert list(rows[0]) == list(RECORD_FIELDS)
    assert not (tmp_path / (name + ".part")).exists()


def test_jsonl_to_stdout(capsys, results):
    sink = open_sink(None)
    for r in results:
        sink.write(r)
    sink.close()
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows == expected(results)


@pytest.mark.parametrize("name", ["out.csv", "out.csv.gz"])
def test_csv_round_trip(tmp_path, results, name):
    path = tmp_path / name
    sink = open_sink(path)
    for r in results:
        sink.write(r)
    sink.close()
    raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    assert tuple(rows[0]) == CSV_COLUMNS
    want = expected(results)
    assert [(r["doc"], r["indicator"], r["value"], int(r["span_start"]), int(r["span_end"])) for r in rows] == \
        [(w["doc"], w["indicator"], str(w["value"]), *w["span"]) for w in want]
    assert rows[0]["value_max"] == "" and rows[0]["sentence"] == want[0]["sentence"]


def test_parquet_round_trip(tmp_path, results):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "out.parquet"
    sink = open_sink(path)
    for r in results:
        sink.write(r)
    sink.close()
    rows = pq.read_table(path).to_pylist()
    want = expected(results)
    assert len(rows) == len(want)
    for row, w in zip(rows, want):
        assert [row["span_start"], row["span_end"]] == w["span"]
        assert row["value"] == pytest.approx(w["value"]) and row["doc"] == w["doc"]
    assert tuple(pq.read_schema(path).names) == CSV_COLUMNS


def test_empty_parquet_is_still_a_valid_file(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    sink = open_sink(tmp_path / "e.parquet")
    sink.close()
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


def test_abort_leaves_no_file(tmp_path, results):
    for name in ("x.jsonl", "x.csv", "x.parquet"):
        sink = open_sink(tmp_path / name)
        sink.write(results[0])
        sink.abort()
    assert list(tmp_path.iterdir()) == []


def test_unknown_extension_is_a_usage_error():
    with pytest.raises(InputError, match=r"\.jsonl, \.csv, \.parquet"):
        check_output("out.xlsx")
    assert check_output("-") == "jsonl" and check_output("x.CSV") == "csv"


def test_parquet_without_pyarrow_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(InputError, match=r"hz_extract\[parquet\]"):
        check_output("out.parquet")

"""hz-extract spark on JSON Lines, Parquet, text folders and JDBC (Derby, bundled with Spark).

The command runs in this process, so it uses the test session instead of starting a JVM.
"""
from __future__ import annotations

import datetime as _dt
import json
import subprocess
import sys

import pytest

from hz_extract.cli import main
from hz_extract.extractor import Extractor
from hz_extract.spark import row_to_dict


def read_records(spark, path, testkit) -> list[dict]:
    return sorted((row_to_dict(r) for r in spark.read.parquet(str(path)).collect()), key=testkit.sort_key)


def test_jsonl_with_bad_rows(spark, dev_docs, tmp_path, testkit, capsys):
    src = tmp_path / "news.jsonl"
    dates = [_dt.date(2023, 6, 30) if i % 2 else _dt.date(2025, 1, 27) for i in range(len(dev_docs))]
    lines = [json.dumps({"id": d, "text": t, **({} if i % 2 else {"date": "2025-01-27"})}, ensure_ascii=False)
             for i, (d, t) in enumerate(dev_docs)]  # odd rows without a date: --published applies
    lines += ['{"id": "no-text", "text": null, "date": "2025-01-27"}', '{"id": "broken", "text": "增长']
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "records"
    assert main(["spark", str(src), str(out), "--published-col", "date", "--published", "2023-06-30"]) == 1
    want, _ = testkit.python_rows([(d, t, day) for (d, t), day in zip(dev_docs, dates)], Extractor())
    assert read_records(spark, out, testkit) == want
    errors = sorted(spark.read.parquet(str(out / "_errors")).collect(), key=lambda r: str(r["id"]))
    assert [r["id"] for r in errors] == [None, "no-text"]
    assert errors[0]["error"].startswith("malformed JSON line: ") and "broken" in errors[0]["error"]
    assert "'text' is null" in errors[1]["error"]
    err = capsys.readouterr().err
    assert f"{len(dev_docs) + 2} document(s)" in err and "2 failed" in err


def test_parquet_with_own_column_names_and_user_terms(spark, dev_docs, tmp_path, testkit):
    import pyarrow as pa

    dev_docs = dev_docs[:5]
    import pyarrow.parquet as pq

    src = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"url": [f"https://example.cn/{d}" for d, _ in dev_docs],
                             "content": [t for _, t in dev_docs]}), src)
    terms = tmp_path / "terms.txt"
    terms.write_text("# user indicators\n新能源汽车产量\n\n工业机器人产量\n", encoding="utf-8")
    out = tmp_path / "records"
    args = ["spark", str(src), str(out), "--text-col", "content", "--id-col", "url", "--indicators", str(terms),
            "--partitions", "3", "-q"]
    assert main(args) == 0
    extractor = Extractor(indicators=["新能源汽车产量", "工业机器人产量"])
    want, _ = testkit.python_rows([(f"https://example.cn/{d}", t) for d, t in dev_docs], extractor)
    assert read_records(spark, out, testkit) == want
    assert spark.read.parquet(str(out / "_errors")).count() == 0
    assert spark.read.parquet(str(out)).schema["url"].dataType.simpleString() == "string"

    assert main(args) == 2  # OUTPUT exists
    assert main(args + ["--mode", "overwrite"]) == 0
    assert read_records(spark, out, testkit) == want


def test_text_folder_in_any_encoding_ids_are_file_stems(spark, dev_docs, tmp_path, testkit):
    dev_docs = dev_docs[-4:] + [("杭州 报告+100%", dev_docs[-1][1])]
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    encodings = ["utf-8-sig", "gb18030", "utf-16", "utf-8", "utf-8"]
    for i, ((d, t), enc) in enumerate(zip(dev_docs, encodings)):
        (folder / ("sub" if i % 2 else "") / f"{d}.txt").write_bytes(t.encode(enc))
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    (folder / "broken.txt").write_bytes("增长".encode("gb18030") + b"\x81\x7f")  # neither UTF-8 nor GB18030
    out = tmp_path / "records"
    assert main(["spark", str(folder), str(out), "-q"]) == 1
    want, _ = testkit.python_rows(dev_docs, Extractor())
    assert read_records(spark, out, testkit) == want
    ids = {r["doc"] for r in spark.read.parquet(str(out)).select("doc").collect()}
    assert ids and ids == {r["doc"] for r in want} and "杭州 报告+100%" in ids  # file stems, not paths
    errors = spark.read.parquet(str(out / "_errors")).collect()
    assert [(r["id"], "cannot decode" in r["error"]) for r in errors] == [("broken", True)]


def test_jdbc_output(spark, dev_docs, tmp_path, testkit):
    spark._jvm.java.lang.System.setProperty("derby.stream.error.file", str(tmp_path / "derby.log"))
    src = tmp_path / "news.jsonl"
    rows = [{"id": d, "text": t} for d, t in dev_docs[:4]] + [{"id": "empty", "text": None}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    url = f"jdbc:derby:{tmp_path / 'db'};create=true"
    assert main(["spark", str(src), "--jdbc-url", url, "--jdbc-table", "RECORDS", "-q",
                 "--jdbc-driver", "org.apache.derby.jdbc.EmbeddedDriver"]) == 1
    read = spark.read.format("jdbc").option("url", url).option("driver", "org.apache.derby.jdbc.EmbeddedDriver")
    errors = read.option("dbtable", "RECORDS_errors").load().collect()
    assert [(r["id"], "'text' is null" in r["error"]) for r in errors] == [("empty", True)]
    got = read.option("dbtable", "RECORDS").load()
    assert {"doc", "indicator", "value", "span_start", "span_end"} <= set(got.columns)
    want, _ = testkit.python_rows([(d, t) for d, t in dev_docs[:4]], Extractor())
    assert got.count() == len(want)


@pytest.mark.parametrize("argv, message", [
    (["--text-col", "content"], "no column 'content'"),
    (["--jdbc-url", "jdbc:derby:x"], "go together"),
    (["--format", "parquet"], "cannot read"),
    (["--jdbc-url", "jdbc:nosuchdb://nowhere/db", "--jdbc-table", "T"], "cannot write table T"),
    (["--conf", "spark.executor.memory"], "KEY=VALUE"),
    (["--published", "last year"], "not a date"),
])
def test_usage_errors_exit_2(spark, tmp_path, capsys, argv, message):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "增长7.1%"}\n', encoding="utf-8")
    assert main(["spark", str(src), str(tmp_path / "out"), *argv]) == 2
    assert message in capsys.readouterr().err


def test_missing_input_exits_2_without_starting_spark(tmp_path):
    out = subprocess.run([sys.executable, "-m", "hz_extract.cli", "spark", str(tmp_path / "nope.jsonl"),
                          str(tmp_path / "out")], capture_output=True, text=True, check=False)
    assert out.returncode == 2 and "no such file" in out.stderr

"""hz_extract.spark.extract_records in local[2]: same records as the Python path, errors as rows."""
from __future__ import annotations

import datetime as _dt
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from hz_extract.errors import InputError
from hz_extract.extractor import Extractor
from hz_extract.spark import extract_records, output_schema, row_to_dict, split_errors

DOC_SCHEMA = "id string, text string"


def spark_rows(df) -> tuple[list[dict], list[tuple]]:
    """Sorted record dicts and the (id, error) pairs of an errors="column" output."""
    import spark_testkit

    rows, errors = [], []
    for row in df.collect():
        if row["error"] is None:
            rows.append(row_to_dict(row))
        else:
            errors.append((row["id"], row["error"]))
    return sorted(rows, key=spark_testkit.sort_key), sorted(errors)


def test_importing_hz_extract_spark_does_not_import_pyspark():
    code = "import sys, hz_extract.spark; print('pyspark' in sys.modules, 'pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_schema_is_the_documented_one(spark):
    from pyspark.sql.types import DecimalType, IntegerType, LongType, StringType

    docs = spark.createDataFrame([(7, "增长7.1%")], "id long, text string")
    df = extract_records(docs)
    expected = [("id", LongType())] + [(n, StringType()) for n in ("doc", "indicator", "subject", "period",
                                                                  "measure")]
    expected += [("value", DecimalType(38, 10)), ("value_max", DecimalType(38, 10))]
    expected += [(n, StringType()) for n in ("unit", "qualifier", "base", "modality", "text")]
    expected += [("span_start", IntegerType()), ("span_end", IntegerType()), ("sentence", StringType()),
                 ("rule", StringType()), ("error", StringType())]
    assert [(f.name, f.dataType) for f in df.schema.fields] == expected
    assert df.schema == output_schema("id", LongType(), errors=True)

    dropped = extract_records(docs, errors="drop").schema
    assert "error" not in dropped.fieldNames()
    required = {f.name for f in dropped.fields if not f.nullable}
    assert required == {"indicator", "measure", "value", "qualifier", "modality", "text", "span_start",
                        "span_end", "sentence", "rule"}


def test_spark_records_equal_the_python_path_on_dev_docs(spark, dev_docs, testkit):
    extractor = Extractor(indicators=["新能源汽车产量"], regions=["珠海"])
    docs = spark.createDataFrame(dev_docs, DOC_SCHEMA).repartition(3)
    got, errors = spark_rows(extract_records(docs, extractor=extractor))
    want, failed = testkit.python_rows(dev_docs, extractor)
    assert errors == [] and failed == []
    assert got == want
    exact = {(r["doc"], r["span_start"], r["measure"], r["indicator"], r["value"], r["value_max"])
             for r in extract_records(docs, extractor=extractor).collect()}
    python = {(r.doc, r.span[0], r.measure, r.indicator, r.value, r.value_max)
              for d, t in dev_docs for r in extractor.extract(t, doc_id=d)}
    assert exact == python  # Decimal against Decimal: no float in between


def test_seed_and_dev_docs_yield_records(spark, dev_docs, seed_text, testkit):
    docs = spark.createDataFrame(dev_docs + [("seed", seed_text)], DOC_SCHEMA)
    got, _ = spark_rows(extract_records(docs))
    per_doc = defaultdict(list)
    for row in got:
        per_doc[row["doc"]].append(row)
    assert per_doc["seed"], "the seed article gives no record"
    assert len(per_doc) >= len(dev_docs) // 2, f"only {sorted(per_doc)} gave records"
    texts = dict(dev_docs + [("seed", seed_text)])
    for row in got:
        start, end = row["span"]
        assert texts[row["doc"]][start:end] == row["text"]
    want, _ = testkit.python_rows(dev_docs + [("seed", seed_text)], Extractor())
    assert got == want


def test_a_failing_document_is_an_error_row_not_a_failed_job(spark, dev_docs, testkit):
    bad = ("bad-1", f"全市工业增加值6305亿元。{testkit.FAIL_MARKER}")
    odd = ("bad-2", f"全市工业增加值6305亿元。{testkit.BAD_RECORD_MARKER}")
    items = dev_docs[:4] + [bad, ("null-text", None)] + dev_docs[4:6] + [odd]
    docs = spark.createDataFrame(items, DOC_SCHEMA).repartition(2)
    extractor = testkit.FailingExtractor()
    got, errors = spark_rows(extract_records(docs, extractor=extractor))
    assert [e[0] for e in errors] == ["bad-1", "bad-2", "null-text"]
    assert "planted failure in bad-1" in errors[0][1] and "RuntimeError" in errors[0][1]
    assert "does not fit the output schema" in errors[1][1]
    assert "'text' is null" in errors[2][1]
    want, failed = testkit.python_rows([d for d in items if d[1] is not None and d != odd], extractor)
    assert failed == ["bad-1"]
    assert got == want


def test_split_errors_and_drop_mode(spark, testkit):
    items = [("ok", "测试指标28.8"), ("bad", testkit.FAIL_MARKER)]
    docs = spark.createDataFrame(items, DOC_SCHEMA)

    class_ = testkit.FailingExtractor
    combined = extract_records(docs, extractor=class_(indicators=["测试指标"])).persist()
    good, bad = split_errors(combined)
    assert "error" not in good.columns
    assert [(r["id"], r["doc"]) for r in bad.collect()] == [("bad", "bad")]
    assert good.count() + bad.count() == combined.count()
    combined.unpersist()
    dropped = extract_records(docs, extractor=class_(), errors="drop")
    assert dropped.where("id = 'bad'").count() == 0
    with pytest.raises(ValueError, match="error"):
        split_errors(dropped)


def test_user_dictionaries_reach_the_executors_and_values_stay_exact(spark, testkit):
    extractor = testkit.ProbeExtractor(indicators=["测试指标甲", "测试指标乙"], regions=["测试市"])
    items = [("a", "测试指标甲28.8,测试指标乙3万亿", _dt.date(2024, 5, 1)),
             ("b", "另有测试指标甲16.4亿与测试指标乙0.1", None),
             ("c", "没有用户词典里的词 12.5", _dt.date(2023, 1, 2))]
    docs = spark.createDataFrame(items, "id string, text string, published date")
    got, errors = spark_rows(extract_records(docs, published_col="published", extractor=extractor))
    assert errors == []
    assert {(r["doc"], r["indicator"], r["subject"], r["period"]) for r in got} == {
        ("a", "测试指标甲", "测试市", "2024"), ("a", "测试指标乙", "测试市", "2024"),
        ("b", "测试指标甲", "测试市", None), ("b", "测试指标乙", "测试市", None)}
    want, _ = testkit.python_rows(items, extractor)
    assert [{k: v for k, v in r.items() if k != "rule"} for r in got] == \
           [{k: v for k, v in r.items() if k != "rule"} for r in want]

    raw = extract_records(docs, published_col="published", extractor=extractor).collect()
    values = sorted(r["value"] for r in raw)
    assert values == sorted([Decimal("28.8"), Decimal("3E12"), Decimal("1.64E9"), Decimal("0.1")])
    assert {str(r["value"]) for r in raw} >= {"28.8000000000", "3000000000000.0000000000"}


def test_published_as_iso_strings(spark, testkit):
    extractor = testkit.ProbeExtractor(indicators=["测试指标"])
    items = [("a", "测试指标1.5", "2025-01-27"), ("b", "测试指标2", "发布时间:2024年11月18日")]
    docs = spark.createDataFrame(items, "id string, text string, published string")
    got, _ = spark_rows(extract_records(docs, published_col="published", extractor=extractor))
    assert [(r["doc"], r["period"]) for r in got] == [("a", "2025"), ("b", "2024")]


def test_one_extractor_per_executor_process(spark, testkit):
    extractor = testkit.ProbeExtractor(indicators=["探针"])
    docs = spark.createDataFrame([(f"d{i}", f"探针{i}") for i in range(24)], DOC_SCHEMA).repartition(8)
    rules = [r["rule"] for r in extract_records(docs, extractor=extractor).collect()]
    rules += [r["rule"] for r in extract_records(docs, extractor=extractor).collect()]  # a second job
    assert len(rules) == 48
    instances = defaultdict(set)
    for rule in rules:
        _, pid, obj = rule.split(":")
        instances[pid].add(obj)
    assert all(len(objs) == 1 for objs in instances.values()), dict(instances)
    assert len(instances) <= 4  # 16 partition tasks over two jobs ran in a few reused processes (local[2]: two)


def test_bad_arguments_are_reported_before_any_job(spark):
    docs = spark.createDataFrame([("a", "x")], DOC_SCHEMA)
    with pytest.raises(InputError, match="'content'"):
        extract_records(docs, text_col="content")
    with pytest.raises(ValueError, match="clashes"):
        extract_records(docs.withColumnRenamed("id", "doc"), id_col="doc")
    with pytest.raises(ValueError, match="errors="):
        extract_records(docs, errors="raise")

    class Local(Extractor):
        pass

    with pytest.raises(TypeError, match="cannot be pickled"):
        extract_records(docs, extractor=Local())


def test_columns_follow_the_record_contract():
    from hz_extract.records import RECORD_FIELDS
    from hz_extract.spark import RECORD_COLUMNS

    names = [name for name, _, _ in RECORD_COLUMNS]
    expected = [n for f in RECORD_FIELDS for n in (("span_start", "span_end") if f == "span" else (f,))]
    assert names == expected


def test_schema_table_in_the_docs_matches(spark):
    import regex

    root = Path(__file__).resolve().parents[2]
    text = (root / "README.md").read_text(encoding="utf-8")
    section = text.split("### Output schema", 1)[1].split("\n#", 1)[0]
    documented = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) >= 3:
            for name in regex.findall(r"`([a-z_]+)`", cells[0]):
                documented.append((name, cells[1], cells[2]))
    schema = output_schema("id", errors=False)
    actual = [(f.name, f.dataType.simpleString(), "yes" if f.nullable else "no") for f in schema.fields[1:]]
    assert documented[:-1] == actual
    assert documented[-1][:2] == ("error", "string")


def test_missing_pyspark_says_what_to_install():
    code = ("import sys; sys.modules['pyspark'] = None\n"
            "from hz_extract.spark import output_schema\n"
            "try:\n    output_schema()\nexcept ImportError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'hz_extract[spark]'" in out.stdout
    code = "import sys; sys.modules['pyspark'] = None\nfrom hz_extract.cli import main; sys.exit(main(['spark', '.', 'o']))"
    cli = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert cli.returncode == 2 and "hz_extract[spark]" in cli.stderr

"""Run the extractor inside Apache Spark: a DataFrame of documents in, a DataFrame of records out.

Needs the ``spark`` extra (``pip install hz_extract[spark]``: pyspark, pyarrow, pandas),
on the driver and on every executor. PySpark is imported inside the functions, never
when ``hz_extract`` is imported.

How it runs: the :class:`~hz_extract.extractor.Extractor` is pickled once on the driver
(user dictionaries included; heavy state is rebuilt lazily) and shipped with the task;
PySpark broadcasts it by itself when it is large. Each executor Python process
unpickles it on first use and keeps it in a module-level cache keyed by a digest of
those pickled settings, so it is built once per process, not per row or partition, and
reused by every later task and job of that process (Spark reuses Python workers by
default). Documents go through ``mapInArrow`` in Arrow batches.

Schema of :func:`extract_records` (one row per record; see the README, section "Output schema"):
the document id column as given (its name and type), then the RECORDS.md fields with
``span`` as ``span_start``/``span_end`` and ``value``/``value_max`` as
``DecimalType(38, 10)``: exact for every figure a text states (16.4亿 is 1640000000,
28.8 is 28.8, never 28.799999…), with 28 integer digits, far above 万亿 amounts (10^12).
Values with more than 10 decimals are rounded half-even to 10.

>>> from hz_extract.spark import extract_records            # doctest: +SKIP
>>> docs = spark.createDataFrame([("a", "2024年全市工业增加值6305亿元,增长7.1%。")], "id string, text string")
>>> extract_records(docs).select("doc", "measure", "value").show()  # doctest: +SKIP
"""
from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import TYPE_CHECKING, Any, Literal

from .errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.types import DataType, StructType

    from .extractor import Extractor

__all__ = [
    "RECORD_COLUMNS",
    "VALUE_PRECISION",
    "VALUE_SCALE",
    "extract_records",
    "output_schema",
    "row_to_dict",
    "split_errors",
]

log = logging.getLogger("hz_extract")

VALUE_PRECISION = 38
"""Digits of ``value`` and ``value_max`` (``DecimalType(38, 10)``)."""
VALUE_SCALE = 10
"""Decimals kept of ``value`` and ``value_max``."""

RECORD_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("doc", "string", True),
    ("indicator", "string", False),
    ("subject", "string", True),
    ("period", "string", True),
    ("measure", "string", False),
    ("value", "decimal", False),
    ("value_max", "decimal", True),
    ("unit", "string", True),
    ("qualifier", "string", False),
    ("base", "string", True),
    ("modality", "string", False),
    ("text", "string", False),
    ("span_start", "int", False),
    ("span_end", "int", False),
    ("sentence", "string", False),
    ("rule", "string", False),
)
"""The record columns after the id column: (name, kind, nullable in a records-only frame)."""

_INSTALL = "pip install 'hz_extract[spark]'"
_QUANTUM = Decimal(1).scaleb(-VALUE_SCALE)
_DECIMAL_CONTEXT = Context(prec=VALUE_PRECISION, rounding=ROUND_HALF_EVEN)
_MAX_VALUE = Decimal(10) ** (VALUE_PRECISION - VALUE_SCALE)


def _require_pyspark() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as e:
        raise ImportError(f"hz_extract.spark needs PySpark and PyArrow ({e.name} is missing): "
                          f"{_INSTALL}") from e


# --- schema -------------------------------------------------------------------------------------

def output_schema(id_col: str = "id", id_type: DataType | None = None, *, errors: bool = True) -> StructType:
    """The Spark schema of :func:`extract_records`'s output.

    Args:
        id_col: name of the document id column (first column).
        id_type: its Spark type (default ``StringType()``).
        errors: include the ``error`` column; record columns are then all nullable,
            as an error row carries only the id, ``doc`` and ``error``.

    >>> output_schema().fieldNames()[:3]  # doctest: +SKIP
    ['id', 'doc', 'indicator']
    """
    _require_pyspark()
    from pyspark.sql.types import (
        DecimalType,
        IntegerType,
        StringType,
        StructField,
        StructType,
    )

    kinds = {"string": StringType(), "int": IntegerType(),
             "decimal": DecimalType(VALUE_PRECISION, VALUE_SCALE)}
    fields = [StructField(id_col, id_type if id_type is not None else StringType(), True)]
    fields += [StructField(name, kinds[kind], nullable or errors) for name, kind, nullable in RECORD_COLUMNS]
    if errors:
        fields.append(StructField("error", StringType(), True))
    return StructType(fields)


def _arrow_fields(errors: bool) -> list[pa.Field]:
    import pyarrow as pa

    kinds = {"string": pa.string(), "int": pa.int32(), "decimal": pa.decimal128(VALUE_PRECISION, VALUE_SCALE)}
    fields = [pa.field(name, kinds[kind], nullable or errors) for name, kind, nullable in RECORD_COLUMNS]
    if errors:
        fields.append(pa.field("error", pa.string(), True))
    return fields


# --- executor side ------------------------------------------------------------------------------

_EXTRACTORS: dict[str, Extractor] = {}
_EXTRACTORS_LOCK = threading.Lock()
_CACHE_SIZE = 4


def _executor_extractor(key: str, payload: bytes) -> Extractor:
    """This process's extractor for these settings: unpickled on first use, then reused."""
    extractor = _EXTRACTORS.get(key)
    if extractor is None:
        with _EXTRACTORS_LOCK:
            extractor = _EXTRACTORS.get(key)
            if extractor is None:
                extractor = pickle.loads(payload)
                while len(_EXTRACTORS) >= _CACHE_SIZE:
                    _EXTRACTORS.pop(next(iter(_EXTRACTORS)))
                _EXTRACTORS[key] = extractor
    return extractor


@dataclass(frozen=True)
class _Plan:
    """Everything a task needs, pickled with it: the extractor's settings and the column names."""

    key: str
    payload: bytes
    text_col: str
    id_col: str
    published_col: str | None
    errors: bool


def _decimal(value: Any, what: str) -> Decimal | None:
    if value is None:
        return None
    d = value if isinstance(value, Decimal) else Decimal(value if isinstance(value, int) else str(value))
    if not d.is_finite() or abs(d) >= _MAX_VALUE:
        raise OverflowError(f"{what} {d} does not fit DecimalType({VALUE_PRECISION}, {VALUE_SCALE})")
    return d.quantize(_QUANTUM, context=_DECIMAL_CONTEXT)


def _record_row(record: Any) -> tuple[Any, ...]:
    return (record.doc, record.indicator, record.subject, record.period, record.measure,
            _decimal(record.value, "value"), _decimal(record.value_max, "value_max"), record.unit,
            record.qualifier, record.base, record.modality, record.text, int(record.span[0]),
            int(record.span[1]), record.sentence, record.rule)


_Doc = tuple[int, "str | None", list[tuple[Any, ...]], "str | None"]
"""One document's outcome in a batch: (input row, doc id, record rows, error)."""


def _where(doc_id: str | None, id_col: str) -> str:
    return f"document {doc_id!r}" if doc_id is not None else f"document without {id_col}"


def _extract_batch(plan: _Plan, extractor: Extractor, batch: pa.RecordBatch) -> pa.RecordBatch:
    import pyarrow as pa

    from .sources import decode_bytes, parse_date

    texts = batch.column(plan.text_col).to_pylist()
    id_array = batch.column(plan.id_col)
    dates = (batch.column(plan.published_col).to_pylist() if plan.published_col
             else [None] * batch.num_rows)
    docs: list[_Doc] = []
    for i, (raw_id, text) in enumerate(zip(id_array.to_pylist(), texts)):
        doc_id = None if raw_id is None else str(raw_id)
        if isinstance(text, (bytes, bytearray)):
            try:
                text = decode_bytes(bytes(text))
            except UnicodeDecodeError as e:
                docs.append(_failed(plan, i, doc_id, f"cannot decode its bytes as UTF-8, UTF-16 (with BOM) "
                                                     f"or GB18030 ({e}); convert it to UTF-8"))
                continue
        try:
            if not isinstance(text, str):
                raise TypeError(f"column {plan.text_col!r} is {'null' if text is None else type(text).__name__}"
                                f", not a string")
            rows = [_record_row(r) for r in extractor.extract(text, doc_id=doc_id, published=parse_date(dates[i]))]
        except Exception as e:  # noqa: BLE001 - one bad document must not fail the job
            docs.append(_failed(plan, i, doc_id, f"extraction failed ({type(e).__name__}: {e})"))
            continue
        docs.append((i, doc_id, rows, None))
    try:
        return _to_batch(plan, id_array, docs)
    except (pa.ArrowException, TypeError, ValueError) as e:  # a record Arrow cannot hold: find whose
        log.debug("batch of %d documents not convertible (%s); checking one by one", len(docs), e)
    checked: list[_Doc] = []
    for doc in docs:
        try:
            _to_batch(plan, id_array, [doc])
            checked.append(doc)
        except (pa.ArrowException, TypeError, ValueError) as e:
            checked.append(_failed(plan, doc[0], doc[1], f"a record does not fit the output schema ({e})"))
    return _to_batch(plan, id_array, checked)


def _failed(plan: _Plan, index: int, doc_id: str | None, reason: str) -> _Doc:
    where = _where(doc_id, plan.id_col)
    log.warning("%s: %s", where, reason)
    return (index, doc_id, [], f"{where}: {reason}")


def _to_batch(plan: _Plan, id_array: pa.Array, docs: list[_Doc]) -> pa.RecordBatch:
    """The output batch: each document's record rows, or one error row (with ``errors="column"``)."""
    import pyarrow as pa

    width = len(RECORD_COLUMNS)
    take: list[int] = []
    rows: list[tuple[Any, ...]] = []
    errors: list[str | None] = []
    for index, doc_id, doc_rows, error in docs:
        if error is not None:
            if plan.errors:
                take.append(index)
                rows.append((doc_id,) + (None,) * (width - 1))
                errors.append(error)
            continue
        take.extend([index] * len(doc_rows))
        rows.extend(doc_rows)
        errors.extend([None] * len(doc_rows))
    fields = _arrow_fields(plan.errors)
    columns = [pa.array([row[j] for row in rows], type=fields[j].type) for j in range(width)]
    if plan.errors:
        columns.append(pa.array(errors, type=pa.string()))
    columns.insert(0, id_array.take(pa.array(take, type=pa.int64())))
    id_field = pa.field(plan.id_col, id_array.type, True)
    return pa.RecordBatch.from_arrays(columns, schema=pa.schema([id_field] + fields))


def _map_batches(plan: _Plan, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    extractor = _executor_extractor(plan.key, plan.payload)
    for batch in batches:
        yield _extract_batch(plan, extractor, batch)


# --- driver side --------------------------------------------------------------------------------

def _plan(df: DataFrame, text_col: str, id_col: str, published_col: str | None,
          extractor: Extractor | None, errors: bool) -> _Plan:
    from .extractor import Extractor

    columns = df.columns
    for what, name in (("text_col", text_col), ("id_col", id_col), ("published_col", published_col)):
        if name is not None and name not in columns:
            raise InputError(f"extract_records: {what}={name!r} is not a column of the DataFrame "
                             f"(columns: {', '.join(columns)}); pass the right {what}=")
    taken = {name for name, _, _ in RECORD_COLUMNS} | {"error"}
    if id_col in taken:
        raise ValueError(f"extract_records: the id column {id_col!r} clashes with an output column; "
                         f"rename it first, e.g. df.withColumnRenamed({id_col!r}, 'doc_id')")
    extractor = extractor if extractor is not None else Extractor()
    try:
        payload = pickle.dumps(extractor, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as e:
        raise TypeError(f"extract_records: the extractor ({type(extractor).__qualname__}) cannot be "
                        f"pickled for the executors ({e}); define Extractor subclasses at module level "
                        f"in a module the executors can import") from e
    cls = type(extractor)
    key = hashlib.sha256(f"{cls.__module__}.{cls.__qualname__}\0".encode() + payload).hexdigest()
    return _Plan(key, payload, text_col, id_col, published_col, errors)


def extract_records(df: DataFrame, text_col: str = "text", id_col: str = "id",
                    published_col: str | None = None, extractor: Extractor | None = None, *,
                    errors: Literal["column", "drop"] = "column") -> DataFrame:
    """Indicator records of every document of ``df``, as a Spark DataFrame (lazily evaluated).

    Args:
        df: one row per document.
        text_col: column holding the document text: a string, or bytes (binary), decoded
            like ``hz-extract extract`` does: UTF-8 with or without BOM, UTF-16 with BOM,
            else GB18030.
        id_col: column holding the document id (any type; copied to the output as is,
            and its string form becomes each record's ``doc``).
        published_col: optional column with the publication date (date, timestamp or
            a string such as ``2025-01-27``), which resolves 今年, 上年 and bare months.
        extractor: the :class:`~hz_extract.extractor.Extractor` to run (with its user
            dictionaries); a default one when omitted. It must be picklable.
        errors: ``"column"`` (default): a document that cannot be extracted (null or
            undecodable text, the extractor raised) becomes one row with its id, ``doc`` and an ``error``
            message, record columns null; record rows have ``error`` null. ``"drop"``:
            no ``error`` column; failures are only logged on the executors.

    Returns:
        A DataFrame with the schema of :func:`output_schema`: one row per record (a
        document without records gives no row), plus error rows with ``errors="column"``.
        The job never fails because of a document.

    Raises:
        ImportError: PySpark or PyArrow is not installed.
        InputError: a named column is missing.
        ValueError: ``errors`` is unknown, or the id column clashes with an output column.
        TypeError: the extractor cannot be pickled.

    >>> records = extract_records(docs, extractor=Extractor(indicators=["新能源汽车产量"]))  # doctest: +SKIP
    >>> good, bad = split_errors(records)  # doctest: +SKIP
    """
    _require_pyspark()
    if errors not in ("column", "drop"):
        raise ValueError(f"extract_records: errors={errors!r}; use 'column' or 'drop'")
    plan = _plan(df, text_col, id_col, published_col, extractor, errors == "column")
    schema = output_schema(id_col, df.schema[id_col].dataType, errors=plan.errors)
    needed = [c for c in dict.fromkeys([id_col, text_col, published_col]) if c is not None]
    return df.select(*needed).mapInArrow(functools.partial(_map_batches, plan), schema)


def split_errors(records: DataFrame) -> tuple[DataFrame, DataFrame]:
    """Split the output of ``extract_records(..., errors="column")`` into records and errors.

    Both frames recompute the extraction unless ``records`` is persisted first.

    Returns:
        ``(records_without_error_column, errors)``; errors has the id column, ``doc`` and ``error``.

    Raises:
        ValueError: ``records`` has no ``error`` column.

    >>> good, bad = split_errors(extract_records(docs).persist())  # doctest: +SKIP
    """
    from pyspark.sql import functions as F

    if "error" not in records.columns:
        raise ValueError("split_errors: no 'error' column; call extract_records(..., errors='column')")
    id_col = records.columns[0]
    good = records.where(F.col("error").isNull()).drop("error")
    bad = records.where(F.col("error").isNotNull()).select(id_col, "doc", "error")
    return good, bad


def row_to_dict(row: Any) -> dict[str, Any]:
    """A record row of :func:`extract_records` as :meth:`Record.to_dict` gives it (RECORDS.md form).

    >>> [row_to_dict(r) for r in records.collect()] == [r.to_dict() for r in python_records]  # doctest: +SKIP
    True
    """
    from ._jsonnum import json_number

    d = row.asDict() if hasattr(row, "asDict") else dict(row)
    out = {name: d[name] for name in ("doc", "indicator", "subject", "period", "measure")}
    out["value"] = json_number(d["value"])
    out["value_max"] = json_number(d["value_max"])
    for name in ("unit", "qualifier", "base", "modality", "text"):
        out[name] = d[name]
    out["span"] = [d["span_start"], d["span_end"]]
    out["sentence"], out["rule"] = d["sentence"], d["rule"]
    return out

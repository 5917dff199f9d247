"""Output writers for batch runs: JSON Lines, CSV and Parquet files of records.

One row per record, the RECORDS.md fields in contract order. JSON Lines rows are
``Record.to_json()``; CSV splits ``span`` into ``span_start``/``span_end`` and writes
numbers without float noise; Parquet (needs ``pyarrow``: ``pip install
'hz_extract[parquet]'``) stores ``value``/``value_max`` as float64. A ``.gz`` suffix
(``out.jsonl.gz``, ``out.csv.gz``) compresses JSON Lines and CSV.

A file is written under a temporary name (``OUT.part``) and renamed when the run
completes, so an interrupted run never leaves a half-written file under the real
name. Failed documents write no rows (they are reported on stderr and in the
database). Resuming and idempotence are database features (``--db``); a file output
is rewritten whole on each run.
"""
from __future__ import annotations

import csv
import gzip
import io
import os
import sys
from pathlib import Path
from typing import IO, Any, Protocol

from .batch import Result
from .errors import InputError
from .records import RECORD_FIELDS, Record

__all__ = ["Sink", "open_sink", "check_output", "CSV_COLUMNS", "OUTPUT_SUFFIXES"]

OUTPUT_SUFFIXES = (".jsonl", ".jsonl.gz", ".csv", ".csv.gz", ".parquet")
CSV_COLUMNS = tuple(c for f in RECORD_FIELDS for c in (("span_start", "span_end") if f == "span" else (f,)))
"""Columns of CSV and Parquet outputs: the record fields, ``span`` as two integer columns."""


class Sink(Protocol):
    """Where the records of a batch go."""

    def write(self, result: Result) -> None:
        """Write the records of one document."""

    def close(self) -> None:
        """Finish the output (flush, rename the temporary file into place)."""

    def abort(self) -> None:
        """Give up: remove any partial output."""


def check_output(target: str | os.PathLike[str] | None) -> str:
    """The output format for ``target`` (``"jsonl"``, ``"csv"`` or ``"parquet"``); ``None``/``"-"`` is stdout JSON Lines.

    Raises:
        InputError: the extension is not one of .jsonl, .csv, .parquet (optionally .gz for
            the first two), or Parquet is asked for and pyarrow is missing.

    >>> check_output("out.csv"), check_output("-")
    ('csv', 'jsonl')
    """
    if target is None or str(target) == "-":
        return "jsonl"
    name = str(target).lower()
    for suffix in OUTPUT_SUFFIXES:
        if name.endswith(suffix):
            kind = suffix.split(".")[1]
            if kind == "parquet":
                try:
                    import pyarrow  # noqa: F401
                except ImportError as e:
                    raise InputError(f"{target}: Parquet output needs pyarrow; install it with "
                                     f"pip install 'hz_extract[parquet]', or write .jsonl or .csv") from e
            return kind
    raise InputError(f"{target}: unknown output type; name the file .jsonl, .csv, .parquet "
                     f"(or .jsonl.gz, .csv.gz), or leave -o out for JSON Lines on stdout")


def _row(rec: Record) -> dict[str, Any]:
    d = rec.to_dict()
    span = d.pop("span")
    d["span_start"], d["span_end"] = span
    return {c: d[c] for c in CSV_COLUMNS}


class _TextSink:
    """JSON Lines or CSV, to stdout or a file written under a temporary name."""

    def __init__(self, target: str | None, kind: str) -> None:
        self.kind = kind
        self.path = None if target is None or target == "-" else Path(target)
        self.part = None if self.path is None else self.path.with_name(self.path.name + ".part")
        self.stream: IO[str]
        if self.part is None:
            self.stream = sys.stdout
        elif self.part.name.lower().endswith(".gz.part"):
            self.stream = io.TextIOWrapper(gzip.open(self.part, "wb"), encoding="utf-8", newline="")
        else:
            self.stream = open(self.part, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed in close()
        self.csv: Any = None
        if kind == "csv":
            self.csv = csv.DictWriter(self.stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
            self.csv.writeheader()

    def write(self, result: Result) -> None:
        for rec in result.records:
            if self.csv is not None:
                self.csv.writerow(_row(rec))
            else:
                self.stream.write(rec.to_json() + "\n")

    def close(self) -> None:
        self.stream.flush()
        if self.part is not None and self.path is not None:
            self.stream.close()
            os.replace(self.part, self.path)

    def abort(self) -> None:
        if self.part is not None:
            self.stream.close()
            self.part.unlink(missing_ok=True)
        else:
            self.stream.flush()


class _ParquetSink:
    """Parquet written in row groups of ``batch`` records, so memory stays flat."""

    def __init__(self, target: str, batch: int = 10_000) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa, self.batch = pa, batch
        self.path = Path(target)
        self.part = self.path.with_name(self.path.name + ".part")
        s, f64, i64 = pa.string(), pa.float64(), pa.int64()
        types = {"value": f64, "value_max": f64, "span_start": i64, "span_end": i64}
        self.schema = pa.schema([(c, types.get(c, s)) for c in CSV_COLUMNS])
        self.writer = pq.ParquetWriter(str(self.part), self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, result: Result) -> None:
        for rec in result.records:
            row = _row(rec)
            row["value"] = float(rec.value)
            row["value_max"] = None if rec.value_max is None else float(rec.value_max)
            self.rows.append(row)
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
        os.replace(self.part, self.path)

    def abort(self) -> None:
        self.writer.close()
        self.part.unlink(missing_ok=True)


def open_sink(target: str | os.PathLike[str] | None) -> Sink:
    """Open the record writer for ``target``, chosen by its extension; ``None`` or ``"-"`` is stdout.

    Raises:
        InputError: see :func:`check_output`.

    >>> sink = open_sink("out.csv")  # doctest: +SKIP
    >>> for result in extract_many(texts):  # doctest: +SKIP
    ...     sink.write(result)
    >>> sink.close()  # doctest: +SKIP
    """
    kind = check_output(target)
    name = None if target is None else str(target)
    if kind == "parquet":
        assert name is not None
        return _ParquetSink(name)
    return _TextSink(name, kind)


"""Run the extraction on Apache Spark: documents in JSON Lines, Parquet or text files → Parquet or JDBC.

INPUT is read by Spark: a JSON Lines file (.jsonl, .json, .jsonl.gz) or a folder of them,
a Parquet file or dataset folder, or a .txt file or folder of .txt files (UTF-8 with or
without BOM, UTF-16 with BOM, or GB18030/GBK; the document id is the file name without
extension). Columns (fields) default to ``id``
and ``text``; --published-col names a publication date column, and --published gives
the date of documents without one.

OUTPUT is a Parquet dataset folder of records (one row per record: the id column, the
RECORDS.md fields, span as span_start/span_end, value as decimal(38,10)). Documents
that failed (null or missing text, a malformed JSON line, the extractor raised) are
rows in OUTPUT/_errors (id, doc, error); Spark skips _-prefixed folders when reading
OUTPUT back. With --jdbc-url and --jdbc-table the records go to that database table
(and the errors to --jdbc-errors-table, default TABLE_errors) instead of, or as well
as, OUTPUT; the JDBC driver must be on Spark's classpath (--jars or --packages).

Inside spark-submit (or any running Spark application) the command uses that session
and its master; otherwise it starts one (--master, default local[*]) and stops it.

examples:
  hz-extract spark news.jsonl records/ --master 'local[2]'
  hz-extract spark archive.parquet records/ --text-col content --id-col url --published-col pub_date
  hz-extract spark articles/ records/ --mode overwrite --indicators my_terms.txt
  hz-extract spark news.jsonl --jdbc-url jdbc:postgresql://db/hz --jdbc-table records \\
      --jdbc-user hz --packages org.postgresql:postgresql:42.7.4
  spark-submit --master yarn hz_job.py hdfs:///news/ hdfs:///records/ --format parquet

exit status: 0 every document extracted, 1 some documents failed (the rest written,
failures in OUTPUT/_errors), 2 bad usage (missing input, unknown format, missing
column, output exists without --mode, output or database not writable, PySpark not
installed).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

_FORMATS = ("auto", "jsonl", "parquet", "text")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this subcommand's options."""
    parser.add_argument("input", metavar="INPUT", help="JSON Lines, Parquet or .txt file, or a folder of them")
    parser.add_argument("output", metavar="OUTPUT", nargs="?",
                        help="Parquet dataset folder for the records (errors in OUTPUT/_errors); "
                             "optional with --jdbc-url")
    parser.add_argument("--master", metavar="URL",
                        help="Spark master when the command starts Spark itself, e.g. local[2], "
                             "spark://host:7077 (default: local[*], or spark-submit's)")
    parser.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                        help="a Spark setting when the command starts Spark itself (repeatable), "
                             "e.g. spark.executor.memory=4g")
    parser.add_argument("--format", choices=_FORMATS, default="auto",
                        help="input format (default: from the file extension or the folder's files)")
    parser.add_argument("--text-col", default="text", metavar="NAME", help="column holding the text (default: text)")
    parser.add_argument("--id-col", default="id", metavar="NAME",
                        help="column holding the document id (default: id; text files: the file stem)")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date for documents that give none (resolves 今年, 上年, "
                             "months without a year)")
    parser.add_argument("--published-col", metavar="NAME",
                        help="column holding the publication date (resolves 今年, 上年, bare months)")
    parser.add_argument("--partitions", type=int, metavar="N",
                        help="repartition the documents into N partitions (default: at least twice "
                             "the number of cores, so small inputs still keep every core busy)")
    parser.add_argument("--mode", choices=("error", "overwrite", "append"), default="error",
                        help="when OUTPUT or the table exists: fail (default), replace it, or append")
    for kind in ("indicators", "regions", "organisations"):
        parser.add_argument(f"--{kind}", metavar="FILE",
                            help=f"extra {kind} for the extractor, one per line (UTF-8)")
    parser.add_argument("--jdbc-url", metavar="URL", help="also (or instead) write to a database, "
                                                          "e.g. jdbc:postgresql://host:5432/db")
    parser.add_argument("--jdbc-table", metavar="TABLE", help="table for the records (with --jdbc-url)")
    parser.add_argument("--jdbc-errors-table", metavar="TABLE", help="table for the errors (default: TABLE_errors)")
    parser.add_argument("--jdbc-user", metavar="USER", help="database user")
    parser.add_argument("--jdbc-password-env", metavar="VAR", default="HZ_JDBC_PASSWORD",
                        help="environment variable holding the database password (default: HZ_JDBC_PASSWORD)")
    parser.add_argument("--jdbc-driver", metavar="CLASS",
                        help="JDBC driver class (default: from the URL for PostgreSQL, MySQL, MariaDB, "
                             "SQLite, H2, Derby, SQL Server, Oracle)")
    parser.add_argument("--jars", metavar="JARS", help="comma-separated jars for Spark's classpath (JDBC drivers)")
    parser.add_argument("--packages", metavar="COORDS",
                        help="comma-separated Maven coordinates for Spark to fetch (JDBC drivers)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary (errors are still printed)")


class _Usage(Exception):
    """Bad usage: reported with exit status 2."""


_SUFFIXES: dict[str, tuple[str, ...]] = {  # in order of preference for a folder holding several
    "parquet": (".parquet",),
    "jsonl": (".jsonl", ".json", ".jsonl.gz", ".json.gz"),
    "text": (".txt",),
}


def _detect_format(path: Path) -> str:
    if path.is_file():
        name = path.name.lower()
        for fmt, suffixes in _SUFFIXES.items():
            if name.endswith(suffixes):
                return fmt
        raise _Usage(f"cannot tell the format of {path} from its extension; pass --format")
    names = [p.name.lower() for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))]
    for fmt, suffixes in _SUFFIXES.items():
        if any(n.endswith(suffixes) for n in names):
            return fmt
    raise _Usage(f"{path} holds no .parquet, .jsonl or .txt files; pass --format")


def _read_terms(path: str | None) -> tuple[str, ...]:
    if path is None:
        return ()
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise _Usage(f"cannot read the term list {path}: {e}") from e
    return tuple(t for t in (line.strip() for line in lines) if t and not t.startswith("#"))


def _check(args: argparse.Namespace) -> str:
    if not os.path.exists(args.input) and "://" not in args.input:
        raise _Usage(f"{args.input}: no such file or folder")
    if args.output is None and not args.jdbc_url:
        raise _Usage("give OUTPUT (a Parquet folder) or --jdbc-url with --jdbc-table")
    if bool(args.jdbc_url) != bool(args.jdbc_table):
        raise _Usage("--jdbc-url and --jdbc-table go together")
    if args.output and args.mode == "error" and os.path.exists(args.output):
        raise _Usage(f"{args.output} exists; pass --mode overwrite to replace it or --mode append")
    bad = [c for c in args.conf if "=" not in c]
    if bad:
        raise _Usage(f"--conf takes KEY=VALUE, not {bad[0]!r}")
    if args.published is not None:
        from ..sources import parse_date

        if parse_date(args.published) is None:
            raise _Usage(f"--published {args.published!r} is not a date; write it as YYYY-MM-DD")
    if args.partitions is not None and args.partitions < 1:
        raise _Usage(f"--partitions must be at least 1, not {args.partitions}")
    if args.format != "auto":
        return args.format
    if "://" in args.input:  # hdfs://, s3a://: tell by the extension alone
        name = args.input.rstrip("/").rsplit("/", 1)[-1].lower()
        fmt = next((f for f, suffixes in _SUFFIXES.items() if name.endswith(suffixes)), None)
        if fmt is None:
            raise _Usage(f"cannot tell the format of {args.input}; pass --format parquet, jsonl or text")
        return fmt
    return _detect_format(Path(args.input))


def _session(args: argparse.Namespace) -> tuple[Any, bool]:
    """The running SparkSession, or a new one (and whether this command must stop it)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    local = args.master is None or args.master.startswith("local")
    if local and "PYSPARK_GATEWAY_PORT" not in os.environ:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local executors use this venv
    builder = SparkSession.builder.appName("hz-extract spark").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    for item in args.conf:
        key, _, value = item.partition("=")
        builder = builder.config(key.strip(), value)
    if args.jars:
        builder = builder.config("spark.jars", args.jars)
    if args.packages:
        builder = builder.config("spark.jars.packages", args.packages)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session, True


def _read(spark: Any, args: argparse.Namespace, fmt: str) -> tuple[Any, Any, Any]:
    """The documents, the rows that could not be read (malformed JSON lines), and a cached frame to
    release at the end (or ``None``)."""
    from pyspark.sql import functions as F

    if fmt == "text":
        # bytes, decoded on the executors like `hz-extract extract` does (UTF-8, BOM, UTF-16, GB18030)
        df = (spark.read.format("binaryFile").option("pathGlobFilter", "*.txt")
              .option("recursiveFileLookup", "true").load(args.input))
        # file_name is URI-encoded (a space is %20); keep a literal + from turning into a space
        name = F.url_decode(F.regexp_replace("_metadata.file_name", r"\+", "%2B"))
        df = df.select(F.regexp_replace(name, r"\.[^.]*$", "").alias(args.id_col),
                       F.col("content").alias(args.text_col))
        return df, None, None
    if fmt == "parquet":
        return spark.read.parquet(args.input), None, None
    df = spark.read.option("mode", "PERMISSIVE").json(args.input)
    if "_corrupt_record" not in df.columns:
        return df, None, None
    df = df.cache()  # Spark refuses to filter on the corrupt-record column of an uncached scan
    bad = df.where(F.col("_corrupt_record").isNotNull())
    return df.where(F.col("_corrupt_record").isNull()).drop("_corrupt_record"), bad, df


def _extractor(args: argparse.Namespace) -> Any:
    from ..extractor import Extractor

    return Extractor(indicators=_read_terms(args.indicators), regions=_read_terms(args.regions),
                     organisations=_read_terms(args.organisations))


_JDBC_DRIVERS = {  # driver class by URL prefix, for when --jdbc-driver is not given
    "jdbc:postgresql:": "org.postgresql.Driver",
    "jdbc:mysql:": "com.mysql.cj.jdbc.Driver",
    "jdbc:mariadb:": "org.mariadb.jdbc.Driver",
    "jdbc:sqlite:": "org.sqlite.JDBC",
    "jdbc:h2:": "org.h2.Driver",
    "jdbc:derby:": "org.apache.derby.jdbc.EmbeddedDriver",
    "jdbc:sqlserver:": "com.microsoft.sqlserver.jdbc.SQLServerDriver",
    "jdbc:oracle:": "oracle.jdbc.OracleDriver",
}


class _OutputError(Exception):
    """The records could not be written (reported with exit status 2)."""


def _write(df: Any, args: argparse.Namespace, mode: str, parquet: str | None, table: str | None) -> None:
    from py4j.protocol import Py4JJavaError
    from pyspark.errors import PySparkException

    try:
        _save(df, args, mode, parquet, table)
    except (PySparkException, Py4JJavaError) as e:
        where = parquet if table is None else f"table {table} at {args.jdbc_url}"
        hint = ("check --jdbc-url and that the JDBC driver is on Spark's classpath (--jars, --packages)"
                if table is not None else "check the path and its permissions")
        raise _OutputError(f"cannot write {where} ({_first_line(e)}); {hint}") from e


def _save(df: Any, args: argparse.Namespace, mode: str, parquet: str | None, table: str | None) -> None:
    if parquet is not None:
        df.write.mode(mode).parquet(parquet)
    if table is not None:
        writer = df.write.mode(mode).format("jdbc").option("url", args.jdbc_url).option("dbtable", table)
        if args.jdbc_user:
            writer = writer.option("user", args.jdbc_user)
        if os.environ.get(args.jdbc_password_env):
            writer = writer.option("password", os.environ[args.jdbc_password_env])
        driver = args.jdbc_driver or next((cls for prefix, cls in _JDBC_DRIVERS.items()
                                           if args.jdbc_url.startswith(prefix)), None)
        if driver:  # named explicitly: DriverManager cannot see drivers added with --jars
            writer = writer.option("driver", driver)
        writer.save()


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; return the exit status."""
    start = time.monotonic()
    try:
        import pyspark  # noqa: F401

        import hz_extract.spark  # noqa: F401  (needs pyarrow)
        fmt = _check(args)
        extractor = _extractor(args)
    except ImportError as e:
        return _fail(f"needs PySpark, PyArrow and pandas ({e.name} is missing): pip install 'hz_extract[spark]'")
    except _Usage as e:
        return _fail(str(e))
    from py4j.protocol import Py4JJavaError
    from pyspark.errors import PySparkException

    spark, own = _session(args)
    cached = None
    try:
        try:
            docs, unreadable, cached = _read(spark, args, fmt)
        except (PySparkException, Py4JJavaError) as e:  # Spark's analysis, or a failed footer read
            return _fail(f"cannot read {args.input} as {fmt} ({_first_line(e)}); check the path, "
                         f"or pass --format")
        for flag, col in (("--text-col", args.text_col), ("--id-col", args.id_col),
                          ("--published-col", args.published_col)):
            if col is not None and col not in docs.columns:
                return _fail(f"{args.input} has no column {col!r} (columns: {', '.join(docs.columns)}); "
                             f"pass {flag}")
        return _extract(spark, docs, unreadable, args, extractor, start)
    except _OutputError as e:
        return _fail(str(e))
    finally:
        if cached is not None:
            cached.unpersist()
        if own:
            spark.stop()


def _extract(spark: Any, docs: Any, unreadable: Any, args: argparse.Namespace, extractor: Any,
             start: float) -> int:
    """Extract, write records and errors, print the summary; the exit status."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from ..spark import extract_records, split_errors

    parts = args.partitions or max(docs.rdd.getNumPartitions(), 2 * spark.sparkContext.defaultParallelism)
    if parts != docs.rdd.getNumPartitions():
        docs = docs.repartition(parts)
    published_col = args.published_col
    if args.published is not None:  # the default date, for rows whose own date is missing
        given = F.col(published_col).cast("string") if published_col else F.lit(None).cast("string")
        published_col = "_hz_published"
        docs = docs.withColumn(published_col, F.coalesce(given, F.lit(args.published)))
    combined = extract_records(docs, args.text_col, args.id_col, published_col, extractor,
                               errors="column").persist(StorageLevel.MEMORY_AND_DISK)
    try:
        records, errors = split_errors(combined)
        n_unreadable = 0
        if unreadable is not None:
            n_unreadable = unreadable.count()
            errors = errors.unionByName(unreadable.select(
                F.lit(None).cast(docs.schema[args.id_col].dataType).alias(args.id_col),
                F.lit(None).cast("string").alias("doc"),
                F.concat(F.lit("malformed JSON line: "), F.substring("_corrupt_record", 1, 120)).alias("error")))
        _write(records, args, args.mode, args.output, args.jdbc_table)
        err_table = (args.jdbc_errors_table or f"{args.jdbc_table}_errors") if args.jdbc_table else None
        err_dir = os.path.join(args.output, "_errors") if args.output else None
        _write(errors, args, "append" if args.mode == "append" else "overwrite", err_dir, err_table)
        counts = combined.select(F.count(F.when(F.col("error").isNull(), 1)).alias("records"),
                                 F.count("error").alias("errors")).collect()[0]
        n_errors = counts["errors"] + n_unreadable
        if n_errors:
            for row in errors.limit(5).collect():  # a handful, to show what went wrong
                print(f"hz-extract spark: {row['error']}", file=sys.stderr)
        if not args.quiet:
            n_docs = docs.count() + n_unreadable
            where = " and ".join(w for w in (args.output, args.jdbc_table and f"table {args.jdbc_table}") if w)
            err_where = " and ".join(w for w in (err_dir, err_table and f"table {err_table}") if w)
            secs = time.monotonic() - start
            print(f"hz-extract spark: {n_docs} document(s) in {secs:.1f} s: {counts['records']} record(s) "
                  f"written to {where}, {n_errors} failed (listed in {err_where})", file=sys.stderr)
        return 1 if n_errors else 0
    finally:
        combined.unpersist()


def _first_line(e: BaseException) -> str:
    java = getattr(e, "java_exception", None)
    text = str(java.getMessage()) if java is not None else str(e)
    return (text.strip().splitlines() or [type(e).__name__])[0][:300]


def _fail(message: str) -> int:
    print(f"hz-extract spark: {message}", file=sys.stderr)
    return 2

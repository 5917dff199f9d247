"""Benchmark of the Spark integration: documents/s for local[1] and local[2] against extract_many.

Builds one synthetic archive from the development texts (``../shared/eval/dev/docs``, read
in place) with fresh ids and a per-document suffix, stored as a Parquet dataset of several
files, then measures, each in a fresh child process:

- Spark ``local[1]`` and ``local[2]``: start-up (SparkSession creation) and warm-up (reading
  the archive into memory in 4 partitions per core, and a first small job, which starts
  the Python workers and builds their extractors) shown apart from the steady state:
  ``extract_records`` over the whole archive into Spark's ``noop`` sink;
- ``extract_many(workers=1)`` and ``extract_many(workers=2)`` on the same documents, end to
  end (a worker pool and its extractors are started inside the call).

Targets: ``local[2]`` steady state ≥ 1.6× ``local[1]``, and within 25% of
``extract_many(workers=2)``. On a machine shared with other jobs the figures are noisy:
each run is repeated (``--repeat``, alternating the order) and the best kept, with the
load average at its end shown beside it.

Usage::

    .venv/bin/python benchmarks/bench_spark.py                 # 3000 documents, best of 2
    .venv/bin/python benchmarks/bench_spark.py --docs 1000 --files 8 --repeat 3
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_DOCS = ROOT.parent / "shared" / "eval" / "dev" / "docs"


def build_archive(folder: Path, n: int, files: int) -> Path:
    """A Parquet dataset (``files`` files) of ``n`` documents cycling through the development texts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV_DOCS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"{DEV_DOCS}: no development texts found; run from a checkout beside ../shared")
    folder.mkdir(parents=True)
    per_file = -(-n // files)
    for f in range(files):
        ids = range(f * per_file, min(n, (f + 1) * per_file))
        pq.write_table(pa.table({"id": [f"syn-{i:06d}" for i in ids],
                                 "text": [f"{texts[i % len(texts)]}\n(稿件编号{i})" for i in ids],
                                 "published": ["2025-01-27"] * len(ids)}), folder / f"part-{f:03d}.parquet")
    return folder


def child_spark(archive: str, master: str) -> dict[str, float]:
    """One Spark measurement in this (fresh) process."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    t0 = time.perf_counter()
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    t1 = time.perf_counter()
    from hz_extract.extractor import Extractor
    from hz_extract.spark import extract_records

    extractor = Extractor()
    cores = int(master[len("local["):-1])
    # cached in memory in 4 partitions per core, so the timed run measures extraction, not reading
    docs = spark.read.parquet(archive).repartition(4 * cores).cache()
    n = docs.count()
    warm = docs.limit(4 * cores).repartition(cores)
    extract_records(warm, published_col="published", extractor=extractor).write.format("noop").mode(
        "overwrite").save()
    t2 = time.perf_counter()
    records = extract_records(docs, published_col="published", extractor=extractor)
    records.write.format("noop").mode("overwrite").save()
    t3 = time.perf_counter()
    partitions = docs.rdd.getNumPartitions()
    spark.stop()
    return {"docs": n, "startup": t1 - t0, "warmup": t2 - t1, "seconds": t3 - t2, "partitions": partitions}


def child_many(archive: str, workers: int) -> dict[str, float]:
    """One extract_many measurement in this (fresh) process."""
    import pyarrow.parquet as pq

    from hz_extract import extract_many

    table = pq.read_table(archive)
    items = list(zip(table.column("id").to_pylist(), table.column("text").to_pylist(),
                     table.column("published").to_pylist()))
    t0 = time.perf_counter()
    records = failed = 0
    for result in extract_many(items, workers=workers):
        records += len(result.records)
        failed += result.error is not None
    return {"docs": len(items), "seconds": time.perf_counter() - t0, "records": records, "failed": failed}


def measure(*argv: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", *argv], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"measurement {argv} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Build the archive, run the measurements (best of ``--repeat`` rounds), print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3000, help="documents in the synthetic archive")
    ap.add_argument("--files", type=int, default=8, help="Parquet files in the archive")
    ap.add_argument("--repeat", type=int, default=2,
                    help="rounds over the four runs; the best of each is kept (a shared machine is noisy)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, archive, param = args.child
        result = child_spark(archive, param) if kind == "spark" else child_many(archive, int(param))
        print(json.dumps(result))
        return
    runs = [("spark", "local[1]"), ("spark", "local[2]"), ("many", "1"), ("many", "2")]
    with tempfile.TemporaryDirectory(prefix="hz-bench-spark-") as tmp:
        archive = str(build_archive(Path(tmp) / "archive", args.docs, args.files))
        print(f"archive: {args.docs} documents from {DEV_DOCS} in {args.files} Parquet files; "
              f"{os.cpu_count()} CPUs; best of {args.repeat} round(s)")
        best: dict[tuple[str, str], dict[str, float]] = {}
        for rnd in range(args.repeat):
            for kind, param in runs if rnd % 2 == 0 else runs[::-1]:
                r = measure(kind, archive, param)
                r["load"] = os.getloadavg()[0]
                if (kind, param) not in best or r["seconds"] < best[kind, param]["seconds"]:
                    best[kind, param] = r
        rate = {key: r["docs"] / r["seconds"] for key, r in best.items()}
        for master in ("local[1]", "local[2]"):
            r = best["spark", master]
            print(f"spark {master:<9} start-up {r['startup']:5.1f} s  warm-up {r['warmup']:5.1f} s  steady "
                  f"{r['seconds']:6.1f} s  {rate['spark', master]:7.1f} docs/s  ({r['partitions']} partitions, "
                  f"load {r['load']:.1f})")
        for workers in ("1", "2"):
            r = best["many", workers]
            print(f"extract_many(workers={workers})   end to end {r['seconds']:6.1f} s  "
                  f"{rate['many', workers]:7.1f} docs/s  ({r['records']} records, {r['failed']} failed, "
                  f"load {r['load']:.1f})")
        print(f"local[2] / local[1] steady state: {rate['spark', 'local[2]'] / rate['spark', 'local[1]']:.2f}x "
              f"(target >= 1.6x)")
        print(f"local[2] / extract_many(workers=2): {rate['spark', 'local[2]'] / rate['many', '2']:.2f} "
              f"(target >= 0.75)")


if __name__ == "__main__":
    main()

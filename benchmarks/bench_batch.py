"""Benchmark of batch runs: documents/s with 1 and 2 workers, and peak memory against archive size.

Builds synthetic JSON Lines archives from the development texts (``../shared/eval/dev/docs``,
read in place) with fresh ids and a per-document suffix so every content hash differs,
then runs the real ``hz-extract extract ARCHIVE --db sqlite:///… -q`` pipeline in a fresh
child process per measurement and reports:

- documents/s with ``--workers 1`` and ``--workers 2`` on ``--docs`` documents
  (target: 2 workers ≥ 1.6× one);
- peak resident memory (``ru_maxrss``) of the parent process and of the largest worker
  for ``--mem-docs`` archive sizes (target: flat, not growing with the archive).

``--stand-in`` swaps the extractor for a stand-in that runs the package's quantity finder
(useful while the real extractor is a stub that does no work).

Usage::

    .venv/bin/python benchmarks/bench_batch.py                    # 20000 docs; 10000 vs 40000 for memory
    .venv/bin/python benchmarks/bench_batch.py --docs 4000 --mem-docs 2000 8000 --stand-in
    .venv/bin/python benchmarks/bench_batch.py --only throughput
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from hz_extract.extractor import Extractor
from hz_extract.records import Record

ROOT = Path(__file__).resolve().parents[1]
DEV_DOCS = ROOT.parent / "shared" / "eval" / "dev" / "docs"


class StandIn(Extractor):
    """An extractor stand-in doing real per-document work: the package's quantity finder."""

    def extract(self, text: str, *, doc_id: str | None = None,
                published: _dt.date | None = None) -> list[Record]:
        from hz_extract.quantities import find_quantities

        find_quantities(text)
        return []


def build_archive(path: Path, n: int) -> Path:
    """A JSON Lines archive of ``n`` documents cycling through the development texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV_DOCS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"{DEV_DOCS}: no development texts found; run from a checkout beside ../shared")
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = {"id": f"syn-{i:06d}", "text": f"{texts[i % len(texts)]}\n(稿件编号{i})", "date": "2025-01-27"}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _descendant_peaks(root: int) -> dict[int, tuple[int, float]]:
    """``{pid: (VmHWM in kB, CPU seconds)}`` of every live descendant of ``root`` (Linux /proc).

    Worker processes started by the forkserver are its children, not ours, so
    ``RUSAGE_CHILDREN`` never sees them; their peak RSS is read from /proc instead.
    """
    parent: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    parent[int(entry)] = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    out: dict[int, tuple[int, float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for pid in parent:
        p = pid
        while p > 1 and p != root:
            p = parent.get(p, 0)
        if p == root and pid != root:
            try:
                with open(f"/proc/{pid}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
                cpu = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            out[pid] = (int(line.split()[1]), cpu)
            except (OSError, ValueError, IndexError):
                continue
    return out


def child(archive: str, workers: int, db: str, stand_in: bool) -> None:
    """Run the command in this (fresh) process and print its timing and peak memory as JSON."""
    import hz_extract.extractor
    from hz_extract.cli import main

    if stand_in:
        hz_extract.extractor.Extractor = StandIn  # type: ignore[misc]
    peaks: dict[int, int] = {}
    cpu: dict[int, float] = {}
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.2):
            for pid, (kb, secs) in _descendant_peaks(os.getpid()).items():
                peaks[pid] = max(kb, peaks.get(pid, 0))
                cpu[pid] = secs

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    n = sum(1 for _ in open(archive, "rb"))
    start = time.perf_counter()
    code = main(["extract", archive, "--db", db, "--workers", str(workers), "-q"])
    secs = time.perf_counter() - start
    done.set()
    watcher.join()
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"code": code, "docs": n, "seconds": secs, "rss_parent_mb": me.ru_maxrss / 1024,
                      "rss_worker_mb": max(peaks.values(), default=0) / 1024,
                      "cpu_parent_s": me.ru_utime + me.ru_stime, "cpu_workers_s": sum(cpu.values())}))


def measure(archive: Path, workers: int, tmp: Path, stand_in: bool) -> dict[str, float]:
    db = tmp / f"bench-{archive.stem}-{workers}-{time.monotonic_ns()}.sqlite"
    cmd = [sys.executable, __file__, "--child", str(archive), "--workers", str(workers), "--db", f"sqlite:///{db}"]
    if stand_in:
        cmd.append("--stand-in")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"run failed with exit {result['code']}: {out.stderr[-2000:]}")
    return result


def main() -> None:
    """Build the archives, run the measurements, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20_000, help="archive size for the throughput runs")
    ap.add_argument("--mem-docs", type=int, nargs=2, default=[10_000, 40_000], help="two archive sizes for memory")
    ap.add_argument("--stand-in", action="store_true", help="use the quantity-finder stand-in extractor")
    ap.add_argument("--only", choices=["throughput", "memory"], help="run one of the two parts")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.workers, args.db, args.stand_in)
        return
    label = "stand-in (find_quantities)" if args.stand_in else "hz_extract.Extractor"
    print(f"extractor: {label}; pipeline: hz-extract extract ARCHIVE.jsonl --db sqlite:///… -q")
    with tempfile.TemporaryDirectory(prefix="hz-bench-") as tmpdir:
        tmp = Path(tmpdir)
        rates: dict[int, float] = {}
        cpu: dict[int, float] = {}
        parts = (1, 2) if args.only != "memory" else ()
        archive = build_archive(tmp / f"a{args.docs}.jsonl", args.docs) if parts else None
        for workers in parts:
            assert archive is not None
            r = measure(archive, workers, tmp, args.stand_in)
            rates[workers] = r["docs"] / r["seconds"]
            cpu[workers] = r.get("cpu_parent_s", 0) + r.get("cpu_workers_s", 0)
            print(f"throughput  {r['docs']:>6} docs  workers={workers}  {rates[workers]:8.1f} docs/s  "
                  f"({r['seconds']:.1f} s wall; CPU: parent {r.get('cpu_parent_s', 0):.1f} s, "
                  f"workers {r.get('cpu_workers_s', 0):.1f} s)")
        if rates:
            print(f"speed-up 2 vs 1 worker: {rates[2] / rates[1]:.2f}x (target >= 1.6x)")
            if cpu[1] and cpu[2]:
                used = {w: cpu[w] * rates[w] / args.docs for w in (1, 2)}  # CPU seconds per wall second
                print(f"cores actually obtained: {used[1]:.2f} with 1 worker, {used[2]:.2f} with 2 (a shared "
                      f"machine gives less than asked); CPU-bound projection on 2 free cores: "
                      f"{cpu[1] / (cpu[2] / 2):.2f}x")
        for n in args.mem_docs if args.only != "throughput" else ():
            path = build_archive(tmp / f"m{n}.jsonl", n)
            r = measure(path, 2, tmp, args.stand_in)
            print(f"memory      {n:>6} docs  workers=2  peak RSS parent {r['rss_parent_mb']:6.1f} MB, "
                  f"largest worker {r['rss_worker_mb']:6.1f} MB  ({r['docs'] / r['seconds']:.1f} docs/s)")


if __name__ == "__main__":
    main()

"""Resumption: a run killed with SIGKILL mid-run, then started again, ends with no duplicates or gaps."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from batch_helpers import HERE, Db, read_back

import hz_extract
from hz_extract.sources import iter_documents


def make_archive(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i:05d}.txt").write_text(
            f"2024年第{i}号公报。全市规模以上工业增加值增长{i % 97}.{i % 10}%,出口增长{i % 13}%。", encoding="utf-8")
    return folder


def stored_count(db: Db) -> int:
    from sqlalchemy import create_engine, func, select

    from hz_extract.store import build_tables, normalize_url

    _, documents, _ = build_tables(db.schema)
    engine = create_engine(normalize_url(db.url))
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(documents)).scalar_one()
    except Exception:  # noqa: BLE001 - the table may not exist yet
        return 0
    finally:
        engine.dispose()


def descendants(root: int) -> set[int]:
    """Live descendants of ``root`` (Linux /proc), e.g. the worker processes of a run."""
    parent = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    parent[int(entry)] = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    out = set()
    for pid in parent:
        p = parent[pid]
        while p > 1 and p != root:
            p = parent.get(p, 0)
        if p == root:
            out.add(pid)
    return out


def alive(pids: set[int]) -> set[int]:
    out = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                if f.read().rsplit(b")", 1)[1].split()[0] != b"Z":
                    out.add(pid)
        except OSError:
            continue
    return out


def kill_mid_run(cmd: list[str], db: Db, n: int, expect_workers: bool = False) -> int:
    """Start the run, SIGKILL it once some documents are committed; return how many were stored.

    With ``expect_workers``, also check that its worker processes do not outlive it.
    """
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while stored_count(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = descendants(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        if expect_workers:
            assert workers, "the run had no worker processes"
            deadline = time.monotonic() + 60
            while alive(workers) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not alive(workers), "worker processes outlived the killed run"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed: give it more documents"
    before = stored_count(db)
    assert 0 < before < n, f"expected a partial run, found {before} of {n} documents stored"
    return before


def check_whole_documents(db: Db) -> None:
    """Every stored document has exactly its n_records records: nothing half-written."""
    documents, records = read_back(db)
    for doc_id, row in documents.items():
        assert len(records.get(doc_id, [])) == row["n_records"], doc_id


def rerun(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


def test_hz_extract_killed_with_sigkill_resumes_without_duplicates_or_gaps(db, tmp_path):
    n = 1200
    folder = make_archive(tmp_path / "archive", n)
    cmd = [str(Path(sys.executable).with_name("hz-extract")), "extract", str(folder), *db.cli, "-q"]
    before = kill_mid_run(cmd, db, n)
    check_whole_documents(db)
    done = rerun(cmd)
    assert done.returncode == 0, done.stderr
    documents, records = read_back(db)
    assert sorted(documents) == [f"doc{i:05d}" for i in range(n)]  # no gaps; ids are unique keys
    assert all(row["status"] == "ok" for row in documents.values())
    check_whole_documents(db)
    for d in iter_documents([folder]):
        if int(d.id[3:]) % 100 == 0:  # a sample: the records equal extract() of the text
            assert records.get(d.id, []) == [r.to_dict() for r in hz_extract.extract(d.text, doc_id=d.id)]
    assert before > 0


def test_killed_run_with_real_records_and_two_workers(db, tmp_path):
    n = 1500
    folder = make_archive(tmp_path / "archive", n)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import batch_fakes, hz_extract.extractor as e; "
            "e.Extractor = lambda: batch_fakes.FakeExtractor(delay=0.004); "
            "from hz_extract.cli import main; sys.exit(main(sys.argv[2:]))")
    cmd = [sys.executable, "-c", code, str(HERE), "extract", str(folder), *db.cli, "--workers", "2", "-q"]
    before = kill_mid_run(cmd, db, n, expect_workers=True)
    check_whole_documents(db)
    done = rerun(cmd)
    assert done.returncode == 0, done.stderr
    documents, records = read_back(db)
    assert len(documents) == n
    check_whole_documents(db)
    from batch_fakes import FakeExtractor

    fake = FakeExtractor()
    for d in iter_documents([folder]):
        assert records[d.id] == [r.to_dict() for r in fake.extract(d.text, doc_id=d.id)]
    assert sum(len(v) for v in records.values()) == 2 * n
    assert before < n


def test_sigint_commits_finished_documents_and_says_how_to_resume(sqlite_db, tmp_path):
    # 1,500 documents of 8 ms: the first commit (200 documents) comes after ~1.6 s and the
    # run would go on for ~10 s more, so the interrupt lands mid-run even on a loaded machine
    # (at 4 ms a run once finished before the signal arrived on a 2-core machine under load).
    n = 1500
    folder = make_archive(tmp_path / "archive", n)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import batch_fakes, hz_extract.extractor as e; "
            "e.Extractor = lambda: batch_fakes.FakeExtractor(delay=0.008); "
            "from hz_extract.cli import main; sys.exit(main(sys.argv[2:]))")
    cmd = [sys.executable, "-c", code, str(HERE), "extract", str(folder), *sqlite_db.cli]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while stored_count(sqlite_db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "resume" in err
    assert 0 < stored_count(sqlite_db) < n
    check_whole_documents(sqlite_db)
    done = rerun(cmd)
    assert done.returncode == 0 and "skipped" in done.stderr
    assert stored_count(sqlite_db) == n


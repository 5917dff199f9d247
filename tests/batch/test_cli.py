"""The hz-extract extract command: outputs, databases, bad inputs, exit codes and help."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from batch_helpers import ROOT_SEED, read_back

import hz_extract
from hz_extract.cli import main
from hz_extract.sources import iter_documents

HZ = [sys.executable, "-m", "hz_extract.cli"]


def expected_rows(paths, published=None) -> list[dict]:
    return [r.to_dict() for d in iter_documents(paths, published=published)
            for r in hz_extract.extract(d.text, doc_id=d.id, published=d.published)]


def test_stdout_jsonl_of_the_dev_folder_equals_extract(capsys, dev_docs):
    assert main(["extract", str(dev_docs)]) == 0
    out, err = capsys.readouterr()
    assert [json.loads(line) for line in out.splitlines()] == expected_rows([dev_docs])
    assert "read 12 document(s)" in err and "0 failed" in err


def test_output_file_and_quiet(tmp_path, capsys, dev_docs):
    out = tmp_path / "dev.jsonl"
    assert main(["extract", str(dev_docs), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr() == ("", "")
    assert [json.loads(line) for line in out.read_text("utf-8").splitlines()] == expected_rows([dev_docs])


def test_seed_article_gives_records_in_the_database(sqlite_db, capsys):
    assert main(["extract", str(ROOT_SEED), *sqlite_db.cli]) == 0
    documents, records = read_back(sqlite_db)
    assert documents[ROOT_SEED.stem]["n_records"] > 0 and records[ROOT_SEED.stem]


def test_folder_to_database_equals_extract_and_is_idempotent(db, capsys, dev_docs):
    assert main(["extract", str(dev_docs), *db.cli, "--workers", "2"]) == 0
    documents, records = read_back(db)
    assert len(documents) == 12 and all(d["status"] == "ok" for d in documents.values())
    assert [r for doc in sorted(records) for r in records[doc]] == \
        sorted(expected_rows([dev_docs]), key=lambda r: r["doc"])  # stable within a doc
    capsys.readouterr()
    assert main(["extract", str(dev_docs), *db.cli]) == 0
    assert "12 skipped" in capsys.readouterr().err
    assert read_back(db)[1] == records
    assert main(["extract", str(dev_docs), *db.cli, "--force"]) == 0
    assert "read 12 document(s)" in capsys.readouterr().err
    assert read_back(db)[1] == records


def test_jsonl_gz_with_custom_fields_and_default_date(db, tmp_path, monkeypatch, fake, capsys):
    monkeypatch.setattr("hz_extract.extractor.Extractor", fake)
    path = tmp_path / "news.jsonl.gz"
    rows = [{"url": "n1", "content": "增长7.1%", "pub": "2024-11-18 20:43:04"},
            {"url": "n2", "content": "下降3.2%,增长1%"}]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    assert main(["extract", str(path), *db.cli, "--text-field", "content", "--id-field", "url",
                 "--date-field", "pub", "--published", "2025-01-01"]) == 0
    documents, records = read_back(db)
    assert documents["n1"]["published"] == dt.date(2024, 11, 18)
    assert documents["n2"]["published"] == dt.date(2025, 1, 1) and documents["n2"]["source"] == f"{path}:2"
    assert [(r["value"], r["period"]) for r in records["n2"]] == [(3.2, "2025-01-01"), (1, "2025-01-01")]


def test_bad_inputs_are_recorded_and_the_rest_stored(db, tmp_path, monkeypatch, fake, capsys):
    monkeypatch.setattr("hz_extract.extractor.Extractor", fake)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("增长1%", encoding="utf-8")
    (tmp_path / "in" / "gbk.txt").write_bytes("增长2%".encode("gbk"))
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x81\x20\xff\xfe\x00abc\x80")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "rows.jsonl").write_text('{"id": "r1", "text": "增长3%"}\n{oops\n', encoding="utf-8")
    code = main(["extract", str(tmp_path / "in"), *db.cli])
    err = capsys.readouterr().err
    assert code == 1
    documents, records = read_back(db)
    assert {k for k, v in documents.items() if v["status"] == "ok"} == {"good", "gbk", "r1"}
    assert "undecodable" in documents["bad"]["error"] and "bad.txt" in documents["bad"]["error"]
    assert "empty" in documents["empty"]["error"]
    assert "rows.jsonl:2" in documents["rows:2"]["error"] and "malformed JSON" in documents["rows:2"]["error"]
    assert sorted(records) == ["gbk", "good", "r1"]
    assert "3 failed" in err and "bad.txt" in err and "rows.jsonl:2" in err


def test_bad_input_in_file_output_mode_exits_1_and_writes_the_rest(tmp_path, capsys, monkeypatch, fake):
    monkeypatch.setattr("hz_extract.extractor.Extractor", fake)
    (tmp_path / "a.txt").write_text("增长1%", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "o.csv")]) == 1
    assert len((tmp_path / "o.csv").read_text("utf-8").splitlines()) == 2


@pytest.mark.parametrize("argv, message", [
    (["nope/missing"], "no such file or folder"),
    (["{docs}", "-o", "out.xlsx"], "unknown output type"),
    (["{docs}", "--db", "nonsense"], "not a usable database URL"),
    (["{docs}", "--db", "sqlite:////no/such/folder/x.sqlite"], "cannot open database"),
    (["{docs}", "--force"], "only applies with --db"),
    (["{docs}", "--db-schema", "s"], "only applies with --db"),
    (["{docs}", "--workers", "0"], "at least 1"),
    (["{docs}", "--published", "27/01/2025"], "YYYY-MM-DD"),
])
def test_bad_usage_exits_2_with_a_message(capsys, dev_docs, argv, message):
    argv = [a.replace("{docs}", str(dev_docs)) for a in argv]
    assert main(["extract", *argv]) == 2
    out, err = capsys.readouterr()
    assert message in err and out == ""


def test_no_path_at_all_is_bad_usage():
    proc = subprocess.run([*HZ, "extract"], capture_output=True, text=True)
    assert proc.returncode == 2 and "PATH" in proc.stderr


def test_help_is_complete():
    top = subprocess.run([*HZ, "--help"], capture_output=True, text=True)
    assert top.returncode == 0 and "extract" in top.stdout
    sub = subprocess.run([*HZ, "extract", "--help"], capture_output=True, text=True)
    assert sub.returncode == 0
    for option in ("--output", "--db", "--db-schema", "--workers", "--text-field", "--id-field",
                   "--date-field", "--published", "--force", "--quiet", "exit status", "sqlite:///"):
        assert option in sub.stdout, option


def test_entry_point_runs_end_to_end(tmp_path, dev_docs):
    exe = Path(sys.executable).with_name("hz-extract")
    if not exe.exists():
        pytest.fail(f"{exe} missing: install the package (pip install -e .)")
    proc = subprocess.run([str(exe), "extract", str(dev_docs), "-o", str(tmp_path / "d.jsonl")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "d.jsonl").exists()
    assert "\r" not in proc.stderr and "doc/s" not in proc.stderr, proc.stderr  # no progress bar in a pipe
    assert proc.stderr.strip().splitlines()[-1].startswith("hz-extract: read 12 document(s)")  # no progress bar in a pipe: just the summary paragraph


def test_many_failures_are_counted_and_the_summary_stays_short(tmp_path, capsys):
    for i in range(8):
        (tmp_path / f"e{i}.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("增长1%", encoding="utf-8")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err
    summary = err.strip().splitlines()[-1]
    assert "8 failed" in summary and "and 3 more" in summary
    assert err.count("empty document") == 8 + 5  # each failure printed once, five repeated in the summary


def test_progress_bar_on_a_terminal(tmp_path, dev_docs):
    import fcntl
    import os
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    try:
        proc = subprocess.Popen([*HZ, "extract", str(dev_docs), "-o", str(tmp_path / "o.jsonl")],
                                stdout=subprocess.DEVNULL, stderr=slave)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the terminal closed: the run is over
                break
            if not data:
                break
            chunks.append(data)
        assert proc.wait(120) == 0
    finally:
        os.close(master)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "12/12" in screen and "doc/s" in screen and "records=" in screen and "errors=0" in screen
    assert "read 12 document(s)" in screen

"""hz-extract show: writes the page to a file or to standard output, and fails clearly."""
from __future__ import annotations

from pathlib import Path

from hz_extract.cli import main


def test_show_writes_a_page_to_the_output_file(tmp_path: Path, seed_text: str, capsys):
    article = tmp_path / "seed.txt"
    article.write_text(seed_text, encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["show", str(article), "-o", str(out), "--title", "seed <1>"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>seed &lt;1&gt;</title>" in page
    assert "杭州数字经济继续高歌猛进" in page
    assert str(out) in capsys.readouterr().err


def test_show_writes_to_stdout_without_output(tmp_path: Path, capsysbinary):
    article = tmp_path / "a.txt"
    article.write_bytes("\ufeff全市工业增加值6305亿元,增长7.1%。".encode("utf-8"))  # BOM accepted
    assert main(["show", str(article)]) == 0
    page = capsysbinary.readouterr().out.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "全市工业增加值" in page
    assert "\ufeff" not in page


def test_a_missing_file_is_a_usage_error(tmp_path: Path, capsys):
    assert main(["show", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "nope.txt does not exist" in err


def test_an_undecodable_file_fails_with_a_hint(tmp_path: Path, capsys):
    article = tmp_path / "gbk.txt"
    article.write_bytes("增长7.1%".encode("gb18030"))
    assert main(["show", str(article), "-o", str(tmp_path / "p.html")]) == 1
    err = capsys.readouterr().err
    assert "cannot decode" in err and "--encoding" in err
    assert not (tmp_path / "p.html").exists()
    assert main(["show", str(article), "--encoding", "gb18030", "-o", str(tmp_path / "p.html")]) == 0
    assert "增长7.1%" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_a_bad_date_is_a_usage_error(tmp_path: Path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("增长7.1%", encoding="utf-8")
    assert main(["show", str(article), "--published", "2024-13-40"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_show_reads_standard_input_for_a_dash(tmp_path: Path, monkeypatch):
    import io
    import sys

    fake_stdin = io.TextIOWrapper(io.BytesIO("增加值6305亿元,增长7.1%。".encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    out = tmp_path / "p.html"
    assert main(["show", "-", "-o", str(out)]) == 0
    assert "增加值" in out.read_text(encoding="utf-8")

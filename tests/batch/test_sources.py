"""Input readers: every format and encoding, and bad inputs as per-document errors."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import zipfile

import pytest

from hz_extract.errors import InputError
from hz_extract.sources import (Document, check_inputs, count_documents, decode_bytes, iter_documents,
                                parse_date)

TEXT = "2024年全市规模以上工业增加值6305亿元,增长7.1%。"


def docs_of(*paths, **kw) -> list[Document]:
    return list(iter_documents([str(p) for p in paths], **kw))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_txt_encodings_decode_to_the_same_text(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(TEXT.encode(encoding))
    [doc] = docs_of(tmp_path / "a.txt")
    assert doc.error is None and doc.text == TEXT and doc.id == "a"


def test_gb18030_only_characters(tmp_path):
    text = "𠀀增长7.1%"  # a character outside GBK, inside GB18030
    (tmp_path / "b.txt").write_bytes(text.encode("gb18030"))
    assert docs_of(tmp_path / "b.txt")[0].text == text


def test_undecodable_and_empty_are_errors_for_that_document_only(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x81\x20\xff\xfe\x00abc\x80")
    (tmp_path / "empty.txt").write_bytes(b"  \n\t ")
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    docs = {d.id: d for d in docs_of(tmp_path)}
    assert set(docs) == {"bad", "empty", "good"}
    assert "undecodable" in docs["bad"].error and "bad.txt" in docs["bad"].error and docs["bad"].text is None
    assert "empty" in docs["empty"].error and "empty.txt" in docs["empty"].error
    assert docs["good"].error is None


def test_decode_bytes_refuses_garbage():
    with pytest.raises(UnicodeDecodeError):
        decode_bytes(b"\x81\x20\xff")


def test_folder_is_recursive_sorted_and_nested_ids_keep_their_path(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "05.txt").write_text("五月增长1%", encoding="utf-8")
    (tmp_path / "top.txt").write_text("增长2%", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs = docs_of(tmp_path)
    assert [d.id for d in docs] == ["top", "2024/05"]  # a folder's files, then its subfolders
    assert count_documents(check_inputs([tmp_path])) == 2


def test_dev_folder_ids_are_file_stems(dev_docs):
    docs = docs_of(dev_docs)
    assert sorted(d.id for d in docs) == sorted(p.stem for p in dev_docs.glob("*.txt"))
    assert all(d.error is None and d.text for d in docs)


def test_jsonl_with_custom_fields_dates_and_bad_lines(tmp_path):
    rows = [json.dumps({"url": "u1", "content": TEXT, "pub": "2025-01-27 08:00"}, ensure_ascii=False),
            "",
            "{not json",
            json.dumps({"url": "u3", "body": "wrong field"}),
            json.dumps({"content": "增长3%"}, ensure_ascii=False),
            json.dumps([1, 2]),
            json.dumps({"url": "u6", "content": "   "})]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    docs = docs_of(path, text_field="content", id_field="url", date_field="pub",
                   published=dt.date(2020, 1, 1))
    assert [d.id for d in docs] == ["u1", "news:3", "u3", "news:5", "news:6", "u6"]
    ok = docs[0]
    assert ok.text == TEXT and ok.published == dt.date(2025, 1, 27) and ok.source == f"{path}:1"
    assert docs[3].error is None and docs[3].published == dt.date(2020, 1, 1)  # the default date
    bad = docs[1]
    assert bad.text is None and f"{path}:3" in bad.error and "malformed JSON" in bad.error
    assert "--text-field" in docs[2].error and f"{path}:4" in docs[2].error
    assert "JSON object" in docs[4].error
    assert "empty" in docs[5].error


def test_jsonl_in_gbk_and_with_bom(tmp_path):
    line = json.dumps({"id": "g", "text": TEXT}, ensure_ascii=False)
    (tmp_path / "g.jsonl").write_bytes(line.encode("gbk") + b"\n")
    (tmp_path / "b.jsonl").write_bytes(b"\xef\xbb\xbf" + line.replace('"g"', '"b"').encode("utf-8") + b"\n")
    docs = {d.id: d for d in docs_of(tmp_path)}
    assert docs["g"].text == TEXT and docs["b"].text == TEXT


def test_gzip_of_txt_and_jsonl(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(TEXT.encode("gb18030")))
    line = json.dumps({"id": "j1", "text": TEXT, "date": "2024年11月18日"}, ensure_ascii=False)
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(line + "\n")
    docs = {d.id: d for d in docs_of(tmp_path)}
    assert docs["a"].text == TEXT
    assert docs["j1"].text == TEXT and docs["j1"].published == dt.date(2024, 11, 18)
    assert count_documents([tmp_path / "a.txt.gz"]) == 1 and count_documents([tmp_path]) is None


def test_truncated_gzip_is_an_error_not_a_crash(tmp_path):
    data = gzip.compress(("\n".join(json.dumps({"id": str(i), "text": TEXT * 50}, ensure_ascii=False)
                                    for i in range(50)) + "\n").encode())
    (tmp_path / "t.jsonl.gz").write_bytes(data[: len(data) // 2])
    docs = docs_of(tmp_path / "t.jsonl.gz")
    assert docs and docs[-1].error is not None and "truncated" in docs[-1].error
    assert all(d.error is None for d in docs[:-1])


def test_zip_of_txt(tmp_path):
    path = tmp_path / "arc.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("x/one.txt", TEXT.encode("utf-8"))
        z.writestr("two.txt", TEXT.encode("gbk"))
        z.writestr("three.txt", b"\x81\x20\xff\xfe\x00abc\x80")  # neither UTF-8 nor GB18030
        z.writestr("readme.md", b"not a document")
    docs = {d.id: d for d in docs_of(path)}
    assert set(docs) == {"x/one", "two", "three"}
    assert docs["x/one"].text == TEXT and docs["x/one"].source == f"{path}:x/one.txt"
    assert docs["two"].text == TEXT
    assert docs["three"].error is not None and "three.txt" in docs["three"].error
    assert count_documents([path]) == 3


def test_corrupt_zip_is_one_error(tmp_path):
    (tmp_path / "c.zip").write_bytes(b"PK not really")
    [doc] = docs_of(tmp_path / "c.zip")
    assert doc.error is not None and "zip" in doc.error


def test_missing_path_and_unknown_type_are_usage_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        check_inputs([tmp_path / "nope"])
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported file type"):
        check_inputs([tmp_path / "x.pdf"])
    with pytest.raises(InputError, match="no input"):
        check_inputs([])


def test_content_hash_follows_text_and_date():
    a = Document.make("a", TEXT)
    assert a.content_hash == Document.make("b", TEXT).content_hash
    assert a.content_hash != Document.make("a", TEXT + " ").content_hash
    assert a.content_hash != Document.make("a", TEXT, dt.date(2024, 1, 1)).content_hash


@pytest.mark.parametrize("value, expected", [
    ("2025-01-27", dt.date(2025, 1, 27)), ("发布时间:2024-11-18 20:43:04", dt.date(2024, 11, 18)),
    ("2024/3/5", dt.date(2024, 3, 5)), ("2024年11月18日", dt.date(2024, 11, 18)),
    ("2024-13-40", None), ("yesterday", None), (None, None), (20240101, None),
    (dt.datetime(2024, 1, 2, 3, 4), dt.date(2024, 1, 2)),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_streaming_reads_lazily(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": "增长1%"}) + "\n" for i in range(1000)))
    it = iter_documents([path])
    assert next(it).id == "0"  # a generator: nothing forces the whole file
    assert sum(1 for _ in it) == 999

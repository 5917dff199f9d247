"""Sentences and clauses: ASCII and full-width marks, never inside numbers."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract.clean import clean
from hz_extract.segment import MAX_PAREN, find_parentheses, split_clauses, split_sentences


def sents(t: str) -> list[str]:
    return [t[a:b] for a, b in split_sentences(t)]


def clauses(t: str) -> list[str]:
    return [t[a:b] for a, b in split_clauses(t)]


def test_sentence_marks() -> None:
    assert sents("增长5%。下降2%！持平?好!") == ["增长5%。", "下降2%！", "持平?", "好!"]
    assert sents("其中,一产增长3.2%;二产增长14.4%；三产增长7.9%。") == [
        "其中,一产增长3.2%;", "二产增长14.4%；", "三产增长7.9%。"]


def test_newline_ends_sentence() -> None:
    assert sents("一、综合\n全年增长5%\n\n二、工业") == ["一、综合", "全年增长5%", "二、工业"]


def test_no_split_inside_numbers() -> None:
    t = "增加值1,100.9亿元,增长3.5%。比例为2.7:54.8:42.5。"
    assert sents(t) == ["增加值1,100.9亿元,增长3.5%。", "比例为2.7:54.8:42.5。"]
    assert clauses("增加值1,100.9亿元,增长3.5%") == ["增加值1,100.9亿元,", "增长3.5%"]
    assert clauses("82，225.00元，增长3%") == ["82，225.00元，", "增长3%"]
    assert clauses("比例为2.7:54.8:42.5,时间07:18") == ["比例为2.7:54.8:42.5,", "时间07:18"]


def test_ascii_full_stop() -> None:
    assert sents("全年增长3.5%.下降2%.") == ["全年增长3.5%.", "下降2%."]
    assert sents("No.1企业增长3.5") == ["No.1企业增长3.5"]
    assert sents("位居全省第一.其次") == ["位居全省第一.", "其次"]


def test_closing_quote_stays() -> None:
    assert sents("他说:“增长5%。”随后") == ["他说:“增长5%。”", "随后"]


def test_parenthesis_keeps_sentence() -> None:
    t = "结构为0:9.7:90.3(经核实,2021年为1949.8亿元;其中三产1759.1亿元)。人均17.26万元。"
    assert sents(t) == [t[: t.index("。") + 1], "人均17.26万元。"]
    cl = clauses(sents(t)[0])
    assert cl[0] == "结构为0:9.7:90.3"
    assert cl[1].startswith("(经核实")
    assert cl[-1].endswith(")。")


def test_parenthesis_without_break_stays_in_clause() -> None:
    assert clauses("第三产业增加值(服务业增加值)1810.0亿元,增长1.5%") == [
        "第三产业增加值(服务业增加值)1810.0亿元,", "增长1.5%"]


def test_unclosed_parenthesis_does_not_swallow_document() -> None:
    t = "(" + "增长5%。" * (MAX_PAREN // 5 + 20)
    assert len(split_sentences(t)) > 1


def test_clause_offsets_within_range() -> None:
    t = "前言。增长5%,下降3%。"
    a, b = split_sentences(t)[1]
    assert [t[x:y] for x, y in split_clauses(t, a, b)] == ["增长5%,", "下降3%。"]
    assert all(a <= x < y <= b for x, y in split_clauses(t, a, b))


def test_empty() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n \n") == []
    assert split_clauses("") == []
    assert split_clauses("。") == [(0, 1)]


def _check(t: str) -> None:
    spans = split_sentences(t)
    prev = 0
    for a, b in spans:
        assert prev <= a < b <= len(t)
        assert t[a:b] == t[a:b].strip()
        prev = b
        cl = split_clauses(t, a, b)
        assert cl, "every sentence has a clause"
        p2 = a
        for x, y in cl:
            assert p2 <= x < y <= b
            p2 = y
    # nothing but whitespace is left out of the sentences
    covered = "".join(t[a:b] for a, b in spans)
    assert "".join(t.split()) == "".join(covered.split())


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("增长5.3,，;；:。!?！？()（）“”\n 亿元全年")), max_size=60))
def test_property_spans(t: str) -> None:
    _check(t)


def test_dev_docs(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "eval" / "dev" / "docs").glob("*.txt")):
        t = clean(path.read_text(encoding="utf-8")).text
        _check(t)
        for a, b in split_sentences(t):
            s = t[a:b]
            # a sentence never starts inside a decimal number
            assert not (a > 0 and t[a - 1].isdigit() and s[0] in ".0123456789" and t[a - 1: a + 1].isdigit())


def test_huge_input() -> None:
    t = "1" * 100_000 + "(" * 5000 + ")" * 5000 + "增长,下降。" * 2000
    _check(t)


def test_find_parentheses() -> None:
    t = "结构为0:9.7:90.3(经核实,2021年为1949.8亿元)。长三角(含江西)大飞机（注）"
    assert [t[a:b] for a, b in find_parentheses(t)] == ["(经核实,2021年为1949.8亿元)", "(含江西)", "（注）"]
    assert find_parentheses("没有括号") == []
    t = "未闭合(增长\n下一行)"
    assert [t[a:b] for a, b in find_parentheses(t)] == ["(增长"]
    t = "a(b(c)d)e"
    assert [t[a:b] for a, b in find_parentheses(t)] == ["(b(c)d)"]


def test_ellipsis_does_not_split() -> None:
    assert sents("产品有集成电路、汽车……等,增长5%。") == ["产品有集成电路、汽车……等,增长5%。"]
    assert clauses("集成电路、汽车……等增长5%") == ["集成电路、汽车……等增长5%"]

"""render_html: escaping, structure, overlaps, record-less quantities, value formatting."""
from __future__ import annotations

import dataclasses
import html
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hz_extract
from hz_extract import quantities as quantities_module
from hz_extract.quantities import Quantity
from hz_extract.records import MEASURES, Record
from hz_extract.review import exact_value, format_value, render_html


class _Page(HTMLParser):
    """Collects the article's text, its highlight pieces and the record rows of a rendered page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article: list[str] = []
        self.pieces: list[dict[str, str]] = []
        self.rows: list[dict[str, str]] = []
        self.scripts = 0
        self._in_text = 0
        self._piece: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script":
            self.scripts += 1
        if tag == "div" and a.get("class") == "text":
            self._in_text = 1
        elif self._in_text and tag in ("a", "span") and "hl" in a.get("class", "").split():
            self._piece = dict(a, text="")
        elif tag == "tr" and "data-rec" in a:
            self.rows.append(a)

    def handle_endtag(self, tag: str) -> None:
        if self._piece is not None and tag in ("a", "span"):
            self.pieces.append(self._piece)
            self._piece = None
        elif self._in_text and tag == "div":
            self._in_text = 0

    def handle_data(self, data: str) -> None:
        if self._in_text:
            self.article.append(data)
            if self._piece is not None:
                self._piece["text"] += data


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def no_quantities(monkeypatch: pytest.MonkeyPatch, found: list[Quantity] | None = None) -> None:
    """Make the page see exactly ``found`` as the article's quantities."""
    monkeypatch.setattr(quantities_module, "find_quantities", lambda text: list(found or []))


@pytest.mark.parametrize("value, value_max, unit, measure, qualifier, shown", [
    ("440000000000", None, "元", "level", "more_than", "4400亿元"),
    ("630500000000", None, "元", "level", "exact", "6305亿元"),
    ("1640000000", None, "元", "level", "exact", "16.4亿元"),
    ("1200000000000", None, "元", "level", "exact", "1.2万亿元"),
    ("60000000", None, "台", "level", "up_to", "6000万台"),
    ("-85000000", None, "元", "change", "exact", "-8500万元"),
    ("700", None, "家", "level", "nearly", "700家"),
    ("28.8", None, "%", "share", "exact", "28.8%"),
    ("4.0", None, "%", "growth", "exact", "4.0%"),
    ("-3.2", None, "%", "growth", "exact", "-3.2%"),
    ("2.4", None, "pp", "pp_diff", "exact", "2.4 pp"),
    ("1.5", None, "倍", "multiple", "exact", "1.5倍"),
    ("1", None, None, "rank", "exact", "第1"),
    ("10", None, None, "rank", "up_to", "前10"),
    ("1000000", "2000000", "元", "level", "range", "100–200万元"),
    ("3", "5", "倍", "multiple", "range", "3–5倍"),
])
def test_values_read_as_people_write_them(value, value_max, unit, measure, qualifier, shown):
    vmax = Decimal(value_max) if value_max else None
    assert format_value(Decimal(value), vmax, unit, measure, qualifier) == shown


def test_exact_figure_keeps_every_digit():
    assert exact_value(Decimal("440000000000"), None, "元") == "440,000,000,000 元"
    assert exact_value(Decimal("1640000000"), None, "元") == "1,640,000,000 元"
    assert exact_value(Decimal("28.8"), None, "%") == "28.8 %"
    assert exact_value(Decimal("1"), None, None) == "1"


def test_article_text_survives_exactly(seed_text, seed_records, monkeypatch):
    no_quantities(monkeypatch)
    page = parse(render_html(seed_text, seed_records))
    assert "".join(page.article) == seed_text


def test_every_record_has_a_row_and_highlight_pieces_that_rebuild_its_text(seed_text, seed_records,
                                                                            monkeypatch):
    no_quantities(monkeypatch)
    page = parse(render_html(seed_text, seed_records))
    assert [row["id"] for row in page.rows] == [f"rec-{i}" for i in range(1, len(seed_records) + 1)]
    for i, record in enumerate(seed_records, 1):
        mine = [p for p in page.pieces if str(i) in p["data-recs"].split()]
        assert mine, f"record {i} has no highlight"
        assert "".join(p["text"] for p in mine) == record.text
        assert int(mine[0]["data-start"]) == record.span[0]
        assert int(mine[-1]["data-end"]) == record.span[1]
        assert f"m-{record.measure}" in mine[0]["class"].split()


def test_the_value_cell_shows_the_friendly_value_and_the_exact_one_on_hover(seed_text, seed_records,
                                                                            monkeypatch):
    no_quantities(monkeypatch)
    page = render_html(seed_text, seed_records)
    assert '<td class="value" title="440,000,000,000 元">4400亿元</td>' in page
    assert '<td class="value" title="2.4 pp">2.4 pp</td>' in page
    assert '<td class="value" title="1">第1</td>' in page


def test_overlapping_spans_are_cut_into_pieces_that_name_every_covering_record(monkeypatch, make_record):
    no_quantities(monkeypatch)
    text = "前言。营收从126万元提升至190万元。"
    outer = make_record(text, "从126万元提升至190万元", measure="change", value=Decimal("640000"), unit="元")
    inner = make_record(text, "126万元", value=Decimal("1260000"), unit="元")
    crossing = make_record(text, "万元提升", measure="growth", value=Decimal(1), unit="%")
    records = [outer, inner, crossing]
    page = parse(render_html(text, records))
    assert "".join(page.article) == text
    for i, record in enumerate(records, 1):
        mine = [p for p in page.pieces if str(i) in p["data-recs"].split()]
        assert "".join(p["text"] for p in mine) == record.text
    shared = [p for p in page.pieces if p["data-recs"].split() == ["1", "2", "3"]]
    assert [p["text"] for p in shared] == ["万元"]
    assert all("multi" in p["class"].split() for p in shared)


def test_a_quantity_without_a_record_is_shown_differently(monkeypatch, make_record):
    text = "营收6305亿元,员工500人。"
    q = lambda s, unit: Quantity(s, text.index(s), text.index(s) + len(s), Decimal(1), None, unit,
                                 "exact", "measure")
    no_quantities(monkeypatch, [q("6305亿元", "元"), q("500人", "人")])
    record = make_record(text, "6305亿元", value=Decimal("630500000000"), unit="元")
    page = parse(render_html(text, [record]))
    orphans = [p for p in page.pieces if "q-only" in p["class"].split()]
    assert [p["text"] for p in orphans] == ["500人"]
    assert "data-recs" not in orphans[0]
    linked = [p for p in page.pieces if "data-recs" in p]
    assert [p["text"] for p in linked] == ["6305亿元"]


def test_article_and_records_cannot_inject_html(monkeypatch, make_record):
    no_quantities(monkeypatch)
    text = '<script>alert("x")</script> & <b onmouseover="x()">增长5%</b> {{ROWS}} {{TITLE}}'
    record = make_record(text, "增长5%", indicator='<img src=x onerror="y()">', measure="growth",
                         value=Decimal(5), unit="%", rule='"><script>z()</script>')
    page = render_html(text, [record], title="</title><script>t()</script>")
    parsed = parse(page)
    assert parsed.scripts == 1  # only the page's own script
    assert "<img" not in page and "<b " not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "".join(parsed.article) == text  # placeholders in the article stay text
    assert page.count("<tbody>") == 1


def test_the_page_is_self_contained(seed_text, seed_records, monkeypatch):
    no_quantities(monkeypatch)
    page = render_html(seed_text, seed_records).lower()
    for needle in ("http://", "https://", "<link", "@import", "url(", " src=", "@font-face", "//cdn"):
        assert needle not in page, needle
    assert '"noto sans cjk sc", "noto serif cjk sc", "pingfang sc", "microsoft yahei", sans-serif' in page
    assert '<meta charset="utf-8">' in page


def test_the_legend_names_every_measure_and_counts_records(seed_text, seed_records, monkeypatch):
    no_quantities(monkeypatch)
    page = render_html(seed_text, seed_records)
    for measure in MEASURES:
        assert f".m-{measure} {{ --c:" in page  # a colour for every measure
        assert f'class="swatch hl m-{measure}"' in page
    assert "quantity, no record" in page


def test_out_of_range_spans_and_empty_input_do_not_break_the_page(monkeypatch, make_record):
    no_quantities(monkeypatch)
    text = "增长5%"
    record = make_record(text, "增长5%", measure="growth", value=Decimal(5), unit="%")
    broken = record.__class__(**{**record.__dict__, "span": (2, 99)})
    page = parse(render_html(text, [broken]))
    assert "".join(page.article) == text
    assert [p["text"] for p in page.pieces] == ["5%"]
    empty = render_html("", [])
    assert "No record was extracted" in empty


def test_default_title_is_the_first_line(monkeypatch):
    no_quantities(monkeypatch)
    page = render_html("\n  攀高逐新 奋楫争先\n正文", [])
    assert "<title>攀高逐新 奋楫争先</title>" in page
    assert html.escape("a<b") in render_html("x", [], title="a<b")


def test_render_html_is_exported_and_type_checked():
    assert hz_extract.render_html is render_html
    with pytest.raises(TypeError):
        render_html(b"bytes")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet="增长亿元%<&\"'\n 5.", min_size=1, max_size=40), data=st.data())
def test_any_spans_rebuild_the_article_and_each_record(text, data):
    n = len(text)
    span = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).filter(lambda p: p[1] > p[0])
    record_spans = data.draw(st.lists(span, max_size=6))
    quantity_spans = data.draw(st.lists(span, max_size=6))
    template = Record(None, "指标", None, None, "level", Decimal(1), None, None, "exact", None,
                      "actual", "", (0, 0), "", "test")
    records = [dataclasses.replace(template, span=(s, e), text=text[s:e]) for s, e in record_spans]
    found = [Quantity(text[s:e], s, e, Decimal(1), None, None, "exact", "number")
             for s, e in quantity_spans]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(quantities_module, "find_quantities", lambda t: found)
        page = parse(render_html(text, records))
    assert "".join(page.article) == text
    for i, record in enumerate(records, 1):
        mine = [p for p in page.pieces if str(i) in p.get("data-recs", "").split()]
        assert "".join(p["text"] for p in mine) == record.text
    for p in page.pieces:
        if "q-only" in p["class"].split():
            s, e = int(p["data-start"]), int(p["data-end"])
            assert not any(rs < e and s < re_ for rs, re_ in record_spans)

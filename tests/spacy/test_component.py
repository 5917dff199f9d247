"""The hz_extract spaCy component: span groups, records on the Doc, alignment with jieba tokens."""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest
from spacy.tokens import Doc

from hz_extract import extract, find_quantities
from hz_extract.errors import InputError
from hz_extract.spacy_component import (SPAN_KEYS, _char_span, indicator_offsets, records_of,
                                        register_extensions)


def _covers(span, start: int, end: int) -> bool:
    return span.start_char <= start and end <= span.end_char


def _seed_records(text, make_record):
    return [
        make_record(text, "6305亿元", "数字经济核心产业增加值", value=Decimal("630500000000"), unit="元"),
        make_record(text, "7.1%", "数字经济核心产业增加值", measure="growth", value=Decimal("7.1"),
                    unit="%"),
        make_record(text, "2.4个百分点", "数字经济核心产业增加值", measure="pp_diff",
                    value=Decimal("2.4"), unit="pp", base="GDP增速"),
        make_record(text, "50.1%", "集成电路产量", measure="growth", value=Decimal("50.1"), unit="%"),
        make_record(text, "超过4400亿元", "规模以上工业增加值", value=Decimal("440000000000"),
                    unit="元", qualifier="more_than"),
    ]


def test_span_groups_and_records_are_set(nlp):
    doc = nlp("2024年全市工业增加值6305亿元,增长7.1%。")
    assert set(SPAN_KEYS) <= set(doc.spans)
    assert Doc.has_extension("hz_records")
    assert doc._.hz_records == extract(doc.text)


def test_extension_registration_is_idempotent(nlp):
    before = Doc.get_extension("hz_records")
    register_extensions()
    register_extensions()
    assert Doc.get_extension("hz_records") == before
    assert before[2] is records_of  # (default, method, getter, setter)


def test_records_round_trip_through_user_data_exactly(nlp, seed_text, make_record, fake_extractor,
                                                      monkeypatch):
    records = _seed_records(seed_text, make_record)
    monkeypatch.setattr(nlp.get_pipe("hz_extract"), "extractor", fake_extractor(lambda t: records))
    doc = nlp(seed_text)
    assert doc._.hz_records == records
    assert [str(r.value) for r in doc._.hz_records] == [str(r.value) for r in records]  # 4.0 stays 4.0
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())  # what nlp.pipe(n_process>1) does
    assert restored._.hz_records == records
    assert [(s.start_char, s.end_char, s.label_) for s in restored.spans["hz_indicators"]] == \
        [(s.start_char, s.end_char, s.label_) for s in doc.spans["hz_indicators"]]


def test_quantity_spans_cover_every_quantity_and_slice_the_text(nlp, seed_text):
    doc = nlp(seed_text)
    quantities = find_quantities(seed_text)
    spans = list(doc.spans["hz_quantities"])
    assert len(spans) == len(quantities) > 0
    for q, span in zip(sorted(quantities, key=lambda q: (q.start, q.end)), spans):
        assert span.text == seed_text[span.start_char:span.end_char]
        assert _covers(span, q.start, q.end) and span.label_ == q.kind
        if doc.char_span(q.start, q.end) is not None:  # jieba agrees with the boundaries
            assert span.text == q.text


@pytest.mark.parametrize("surface, kind", [("6305亿元", "money"), ("2.4个百分点", "pp")])
def test_jieba_splits_inside_a_quantity_do_not_lose_it(nlp, seed_text, surface, kind):
    doc = nlp(seed_text)
    start = seed_text.index(surface)
    span = next(s for s in doc.spans["hz_quantities"] if s.start_char == start)
    assert span.text == surface and span.label_ == kind
    assert len(span) >= 2, "jieba should cut this quantity into several tokens"


def test_a_token_cutting_through_a_mention_expands_the_span():
    import spacy

    vocab = spacy.blank("zh").vocab
    doc = Doc(vocab, words=["产值", "增长4", ".0%", "以上"], spaces=[False] * 4)
    start = doc.text.index("4.0%")
    assert doc.char_span(start, start + 4) is None  # strict alignment would lose it
    span = _char_span(doc, start, start + 4, "percent")
    assert span is not None and span.text == "增长4.0%" and span.label_ == "percent"
    assert _covers(span, start, start + 4)
    spaced = Doc(vocab, words=["增长", "5", "%"], spaces=[True, True, False])
    assert _char_span(spaced, 2, 6, "percent").text == "5 %"  # from the space before the figure


def test_indicator_spans_name_the_indicator_nearest_the_figure(nlp, seed_text, make_record,
                                                               fake_extractor, monkeypatch):
    records = _seed_records(seed_text, make_record)
    monkeypatch.setattr(nlp.get_pipe("hz_extract"), "extractor", fake_extractor(lambda t: records))
    doc = nlp(seed_text)
    found = {(s.text, s.label_, s.kb_id_) for s in doc.spans["hz_indicators"]}
    assert ("数字经济核心产业增加值", "level", "数字经济核心产业增加值") in found
    assert ("数字经济核心产业增加值", "pp_diff", "数字经济核心产业增加值") in found
    # distributed list: only 集成电路 stands at the item; inverted statement: after the figure
    at = indicator_offsets(seed_text, records[3])
    assert seed_text[at[0]:at[1]] == "集成电路"
    at = indicator_offsets(seed_text, records[4])
    assert seed_text[at[0]:at[1]] == "规模以上工业增加值" and at[0] > records[4].span[1]
    for span in doc.spans["hz_indicators"]:
        assert span.text == seed_text[span.start_char:span.end_char]


def test_published_from_config_and_per_document(fake_extractor, monkeypatch):
    import spacy

    pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    component = pipeline.add_pipe("hz_extract", config={"published": "2025-01-27"})
    fake = fake_extractor(lambda t: [])
    monkeypatch.setattr(component, "extractor", fake)
    pipeline("今年增长5%")
    assert fake.calls[-1][2] == _dt.date(2025, 1, 27)
    doc = pipeline.make_doc("今年增长5%")
    doc._.hz_published = "2024-06-30"
    doc._.hz_doc_id = "a-1"
    pipeline(doc)
    assert fake.calls[-1][1:] == ("a-1", _dt.date(2024, 6, 30))


def test_extra_regions_and_organisations_become_subject_spans():
    import spacy

    text = "钱塘片区规上工业增加值增长8%,星河重工营收20亿元。"
    plain = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    plain.add_pipe("hz_extract")
    tuned = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    tuned.add_pipe("hz_extract", config={"regions": ["钱塘片区"], "organisations": ["星河重工"]})
    plain_doc, tuned_doc = plain(text), tuned(text)
    before = {(s.text, s.label_) for s in plain_doc.spans["hz_subjects"]}
    after = {(s.text, s.label_, s.kb_id_) for s in tuned_doc.spans["hz_subjects"]}
    assert ("钱塘片区", "region") not in before and ("星河重工", "org") not in before
    assert ("钱塘片区", "region", "钱塘片区") in after
    assert ("星河重工", "org", "星河重工") in after


def test_a_bad_published_date_is_refused_at_construction():
    import spacy

    with pytest.raises(InputError, match="not a date"):
        spacy.blank("zh").add_pipe("hz_extract", config={"published": "27/01/2025"})


def test_seed_article_records_equal_extract(nlp, seed_text):
    doc = nlp(seed_text)
    records = extract(seed_text)
    assert len(records) >= 10
    assert doc._.hz_records == records
    indicators = {(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans["hz_indicators"]}
    located = [r for r in records if indicator_offsets(seed_text, r) is not None]
    assert len(located) >= 0.8 * len(records)
    for r in located:
        start, end = indicator_offsets(seed_text, r)
        assert any(s <= start and end <= e and label == r.measure and kb == r.indicator
                   for s, e, label, kb in indicators), r
    subjects = list(doc.spans["hz_subjects"])
    assert subjects and any(s.kb_id_ == "杭州" for s in subjects)
    for group in SPAN_KEYS:
        for span in doc.spans[group]:
            assert span.text == seed_text[span.start_char:span.end_char]

"""The review page in a real browser: headless Chromium driven through Selenium.

Checks through the DOM that every record row maps to highlighted text, that hovering
and clicking a row marks (and scrolls to) its span, that clicking a highlight marks its
row, and that the page loads nothing from anywhere. Runs under ``CI=true`` always:
there a missing browser is a failure, not a skip.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hz_extract import extract
from hz_extract.review import render_html

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1500,950")

# Every row: its highlight pieces, their text joined, their offsets, and the row's own.
ROWS_JS = """
return Array.from(document.querySelectorAll('tr[data-rec]')).map(function (row) {
  var rec = row.getAttribute('data-rec');
  var pieces = Array.from(document.querySelectorAll('#article .hl[data-recs]')).filter(function (el) {
    return el.getAttribute('data-recs').split(' ').indexOf(rec) >= 0;
  });
  return {rec: rec, start: +row.getAttribute('data-start'), end: +row.getAttribute('data-end'),
          surface: row.querySelector('td.surface').textContent,
          text: pieces.map(function (el) { return el.textContent; }).join(''),
          first: pieces.length ? +pieces[0].getAttribute('data-start') : -1,
          last: pieces.length ? +pieces[pieces.length - 1].getAttribute('data-end') : -1,
          visible: pieces.every(function (el) { return el.getClientRects().length > 0; })};
});
"""
MARKED_JS = """
return Array.from(document.querySelectorAll('#article .hl.' + arguments[0])).map(function (el) {
  return el.getAttribute('data-recs');
});
"""
IN_VIEW_JS = """
var el = arguments[0], pane = el.closest('.pane');
var r = el.getBoundingClientRect(), p = pane.getBoundingClientRect();
return r.top >= p.top && r.bottom <= p.bottom;
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A headless Chromium that downloads nothing: Debian's binary and driver, a fresh profile."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install -e '.[test]')")
    found = {path: path if os.path.exists(path) else shutil.which(Path(path).name)
             for path in (CHROMIUM, CHROMEDRIVER)}
    for path, where in found.items():
        if not where:
            _unavailable(f"{path} is missing (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = found[CHROMIUM]
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(found[CHROMEDRIVER]), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser, tmp_path: Path, page: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    browser.get(path.as_uri())
    return path


def _check_rows_map_to_highlights(browser, records) -> None:
    rows = browser.execute_script(ROWS_JS)
    assert len(rows) == len(records) > 0
    for row, record in zip(rows, records):
        assert row["surface"] == record.text
        assert row["text"] == record.text, f"row {row['rec']} does not map to its highlighted text"
        assert (row["first"], row["last"]) == (row["start"], row["end"]) == record.span
        assert row["visible"]


def _check_row_interaction(browser) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    rows = browser.find_elements(By.CSS_SELECTOR, "tr[data-rec]")
    header = browser.find_element(By.CSS_SELECTOR, "header h1")
    for row in (rows[0], rows[-1]):
        rec = row.get_attribute("data-rec")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", row)
        ActionChains(browser).move_to_element(row).perform()
        marked = browser.execute_script(MARKED_JS, "active")
        assert marked and all(rec in m.split() for m in marked), "hovering a row marks only its span"
        piece = browser.find_element(By.CSS_SELECTOR, f'#article .hl.active')
        assert browser.execute_script(IN_VIEW_JS, piece), "hovering a row scrolls its span into view"
        ActionChains(browser).move_to_element(header).perform()
        assert browser.execute_script(MARKED_JS, "active") == []
        row.click()
        selected = browser.execute_script(MARKED_JS, "selected")
        assert selected and all(rec in m.split() for m in selected), "clicking a row marks its span"
        piece = browser.find_element(By.CSS_SELECTOR, "#article .hl.selected")
        assert browser.execute_script(IN_VIEW_JS, piece), "clicking a row scrolls to its span"
        assert "selected" in row.get_attribute("class").split()
    # and back: clicking a highlight marks its row(s) and scrolls the table to it
    piece = browser.find_elements(By.CSS_SELECTOR, "#article .hl[data-recs]")[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", piece)
    piece.click()
    recs = piece.get_attribute("data-recs").split()
    selected_rows = browser.find_elements(By.CSS_SELECTOR, "tr.selected")
    assert sorted(r.get_attribute("data-rec") for r in selected_rows) == sorted(recs)
    assert browser.execute_script(IN_VIEW_JS, selected_rows[0])


def _check_self_contained(browser) -> None:
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    family = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans CJK SC"')


def test_hand_records_page_in_chromium(browser, tmp_path, seed_text, seed_records):
    _open(browser, tmp_path, render_html(seed_text, seed_records))
    shot = tmp_path / "review.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    _check_self_contained(browser)
    _check_rows_map_to_highlights(browser, seed_records)
    _check_row_interaction(browser)


def test_seed_article_page_in_chromium(browser, tmp_path, seed_text):
    records = extract(seed_text)
    assert records, "the extractor found no record in the seed article"
    page = render_html(seed_text)
    for shown in ("4400亿元", "6305亿元", "28.8%", "2.4 pp"):
        assert f">{shown}</td>" in page, shown
    _open(browser, tmp_path, page)
    shot = tmp_path / "seed.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 20_000
    _check_self_contained(browser)
    _check_rows_map_to_highlights(browser, records)
    _check_row_interaction(browser)


def test_longest_dev_article_page_in_chromium(browser, tmp_path, shared_dir):
    docs = sorted((shared_dir / "eval" / "dev" / "docs").glob("*.txt"), key=lambda p: p.stat().st_size)
    text = docs[-1].read_text(encoding="utf-8")
    records = extract(text)
    assert len(records) > 20, "a long bulletin gives many records"
    _open(browser, tmp_path, render_html(text, records))
    _check_rows_map_to_highlights(browser, records)
    _check_row_interaction(browser)

"""Regenerate docs/review-seed.png: the review page of the seed article, as headless Chromium shows it.

    .venv/bin/python scripts/screenshot_review.py [--out docs/review-seed.png] [--select 6305亿元]

Renders ``seeds/000_*.txt`` with the current extractor, opens the page in Debian's
Chromium through Selenium (``/usr/bin/chromium`` and ``/usr/bin/chromedriver``; nothing
is downloaded), clicks the record whose text contains ``--select`` so the picture shows
the row-to-text link, and saves the viewport as PNG. Needs the ``test`` extra.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1")


def main(argv: list[str] | None = None) -> int:
    """Render, open, click, save; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "review-seed.png")
    parser.add_argument("--article", type=Path, default=next((ROOT / "seeds").glob("000_*.txt")))
    parser.add_argument("--select", default="6305亿元", help="click the first record whose text has this")
    parser.add_argument("--size", default="1500,950", help="window size, WIDTH,HEIGHT")
    args = parser.parse_args(argv)

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from hz_extract import extract, render_html

    text = args.article.read_text(encoding="utf-8")
    records = extract(text)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        page.write_text(render_html(text, records), encoding="utf-8")
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in (*FLAGS, f"--window-size={args.size}", f"--user-data-dir={Path(tmp) / 'profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(page.as_uri())
            for row in driver.find_elements(By.CSS_SELECTOR, "tr[data-rec]"):
                if args.select in row.find_element(By.CSS_SELECTOR, "td.surface").text:
                    row.click()
                    break
            args.out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.out))
        finally:
            driver.quit()
    print(f"{args.out}: {len(records)} records", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

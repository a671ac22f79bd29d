"""Script payloads from a crawled page (title, link texts, URLs) stay text in the report, in a real Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hostile_harness import crawl_case, hostile_server_in
from playwright.sync_api import sync_playwright

from crawler.demo import DemoServer
from crawler.demo.hostile import SCRIPT_PAYLOAD
from crawler.run import judge_scan
from reports import write_report

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    with hostile_server_in(tmp_path_factory.mktemp("hostile")) as server:
        yield server


@pytest.fixture(scope="module")
def report(hostile_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A crawl that starts at the script page (so the site's name is its title), judged and reported."""
    work = tmp_path_factory.mktemp("script-report")
    crawled = crawl_case(hostile_server, work, "script", "/__hostile__/script")
    assert crawled.returncode == 0, crawled.stderr
    judge_scan(crawled.store, crawled.scan_id, date(2026, 11, 20))
    crawled.store.complete_scan(crawled.scan_id)
    out = work / "report"
    write_report(crawled.store.scan_result(crawled.scan_id), out)
    return out


def test_script_payload_in_the_title_becomes_the_site_name_as_plain_data(hostile_server: DemoServer,
                                                                        tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "script", "/__hostile__/script")
    assert crawled.portal().name == SCRIPT_PAYLOAD + "云溪县"
    links = [link.url for page in crawled.pages() for link in page.links]
    assert links
    assert all(url.startswith("http://") for url in links)
    assert crawled.dead_link("/__hostile__/missing?q=").reason == "HTTP 404"


def test_report_pages_show_the_payloads_as_text_and_run_none_of_them(report: Path) -> None:
    pages = sorted(report.rglob("*.html"))
    assert pages
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            for file in pages:
                page = browser.new_page()
                dialogs: list[str] = []
                page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
                page.goto(file.as_uri())
                page.wait_for_load_state("load")
                assert dialogs == [], f"{file.name} ran a script: {dialogs}"
                assert page.title() != "executed"
                assert page.locator("a[href^='javascript:' i], a[href^='data:' i], a[href^='vbscript:' i]").count() == 0
                assert page.locator("img[onerror]").count() == 0
                page.close()
            index = browser.new_page()
            index.goto((report / "index.html").as_uri())
            assert SCRIPT_PAYLOAD + "云溪县" in index.locator("body").inner_text()
        finally:
            browser.close()

"""The report in a real headless Chromium from file://: loads cleanly, hostile text stays text, JS sorts and filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from report_samples import HOSTILE_TITLE, sample_scan

from reports import write_report
from rules.catalogue import load_form

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(sample_scan(), out)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Opened:
    """A page with everything it logged: console errors, page errors and failed requests."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"pageerror: {exc}"))
        page.on("requestfailed", lambda req: self.problems.append(f"requestfailed: {req.url}"))
        page.on("request", self._request)

    def _console(self, msg: ConsoleMessage) -> None:
        if msg.type in ("error", "warning"):
            self.problems.append(f"console {msg.type}: {msg.text}")

    def _request(self, req: object) -> None:
        url = req.url  # type: ignore[attr-defined]
        if not url.startswith("file://"):
            self.problems.append(f"left the folder: {url}")


@pytest.fixture
def opened(browser: Browser) -> Iterator[Opened]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield Opened(context.new_page())
    context.close()


def load(opened: Opened, path: Path, shot: str) -> Page:
    page = opened.page
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    return page


def test_index_loads_from_file_with_no_console_errors_and_lists_every_site(report: Path, opened: Opened) -> None:
    page = load(opened, report / "index.html", "report-index.png")
    assert opened.problems == []
    assert page.locator("table#sites tbody tr").count() == 4
    assert page.locator(".filters").is_visible()  # the script ran and showed the filter bar


@pytest.mark.parametrize(("slug", "form_id"), [("www-yunxi-gov-cn", "county"), ("jyj-yunxi-gov-cn", "department")])
def test_site_page_loads_with_no_console_errors_and_has_one_finding_per_form_row(
        report: Path, opened: Opened, slug: str, form_id: str) -> None:
    page = load(opened, report / "sites" / f"{slug}.html", f"report-site-{slug}.png")
    assert opened.problems == []
    assert page.locator("article.finding").count() == len(load_form(form_id).rows)


@pytest.mark.parametrize(("slug", "rows"), [("www-yunxi-gov-cn", 35), ("www-yunxi-gov-cn-bm-sthjj", 16)])
def test_form_table_has_one_row_per_form_row(report: Path, opened: Opened, slug: str, rows: int) -> None:
    page = load(opened, report / "forms" / f"{slug}.html", f"report-form-{slug}.png")
    assert opened.problems == []
    assert page.locator("table.form-table tbody tr").count() == rows
    first_ids = page.locator("table.form-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.indicator)")
    assert first_ids == [r.id for r in load_form("county" if rows == 35 else "department").rows]


@pytest.mark.parametrize("page_path", ["index.html", "sites/www-yunxi-gov-cn.html", "sites/jyj-yunxi-gov-cn.html"])
def test_script_payload_in_a_page_title_shows_as_text_and_does_not_run(
        report: Path, opened: Opened, page_path: str) -> None:
    page = load(opened, report / page_path, f"report-hostile-{page_path.replace('/', '-')}.png")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert HOSTILE_TITLE in page.locator("main").inner_text()
    hrefs = page.locator("a[href]").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]


def test_javascript_url_evidence_is_not_clickable_and_clicking_it_runs_nothing(report: Path, opened: Opened) -> None:
    page = load(opened, report / "sites" / "www-yunxi-gov-cn.html", "report-site-hostile-click.png")
    shown = page.locator("#C01 .nolink").first
    assert shown.inner_text() == HOSTILE_TITLE
    shown.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_index_filter_by_verdict_hides_sites_without_that_verdict(report: Path, opened: Opened) -> None:
    page = load(opened, report / "index.html", "report-index-before-filter.png")
    rows = page.locator("table#sites tbody tr")
    page.click("button[data-filter='unreachable']")
    assert rows.locator("visible=true").count() == 1
    assert "司法局" in rows.locator("visible=true").inner_text()
    page.click("button[data-filter='not_met']")
    assert rows.locator("visible=true").count() == 3
    page.click("button[data-filter='all']")
    assert rows.locator("visible=true").count() == 4


def test_site_page_filter_shows_only_findings_of_the_chosen_verdict(report: Path, opened: Opened) -> None:
    page = load(opened, report / "sites" / "www-yunxi-gov-cn.html", "report-site-before-filter.png")
    expected = int(page.locator("button[data-filter='not_met']").inner_text().split("（")[1].rstrip("）"))
    page.click("button[data-filter='not_met']")
    visible = page.locator("article.finding").locator("visible=true")
    assert visible.count() == expected > 0
    assert set(visible.evaluate_all("as => as.map(a => a.dataset.verdicts)")) == {"not_met"}
    page.screenshot(path=str(ARTIFACTS / "report-site-filtered.png"), full_page=True)


def test_index_sorts_sites_by_not_met_count_when_the_header_is_clicked(report: Path, opened: Opened) -> None:
    page = load(opened, report / "index.html", "report-index-unsorted.png")
    column = page.locator("table#sites thead th").all_inner_texts().index(
        next(t for t in page.locator("table#sites thead th").all_inner_texts() if t.startswith("否")))
    page.locator("table#sites thead th").nth(column).locator("button").click()

    def counts() -> list[int]:
        return [int(v) for v in page.locator(f"table#sites tbody tr td:nth-child({column + 1})")
                .evaluate_all("ts => ts.map(t => t.dataset.value)")]

    assert counts() == sorted(counts())
    page.locator("table#sites thead th").nth(column).locator("button").click()
    assert counts() == sorted(counts(), reverse=True)
    assert len(set(counts())) > 1  # the sample has different counts, so the order is really tested


def test_index_reads_without_javascript(report: Path, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((report / "index.html").as_uri())
    assert page.locator("table#sites tbody tr").locator("visible=true").count() == 4
    assert not page.locator(".filters").is_visible()  # no dead buttons without the script
    context.close()


def test_incomplete_scan_is_labelled_not_complete_on_the_index(tmp_path: Path, opened: Opened) -> None:
    write_report(sample_scan(complete=False, with_changes=False), tmp_path)
    page = load(opened, tmp_path / "index.html", "report-index-incomplete.png")
    assert page.locator(".banner-incomplete").is_visible()
    assert "不完整" in page.locator(".facts").inner_text()
    assert opened.problems == []


def test_pre_filled_form_prints_on_a4_without_the_screen_header(report: Path, opened: Opened) -> None:
    from pypdf import PdfReader

    page = load(opened, report / "forms" / "www-yunxi-gov-cn.html", "report-form-screen.png")
    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible()
    page.screenshot(path=str(ARTIFACTS / "report-form-print.png"), full_page=True)
    pdf = ARTIFACTS / "report-form-www-yunxi-gov-cn.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    reader = PdfReader(str(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert 1 < len(reader.pages) <= 6
    # PDF text comes back with some radicals as compatibility code points: compare a span without them.
    last_page = reader.pages[-1].extract_text().replace("\n", "")
    assert "是否按要求及时为基层群众提供" in last_page  # C35, the last row, is printed

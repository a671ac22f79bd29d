"""Findings from the real rules engine, over a hostile hand-made page, written as a report and opened in Chromium."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from reports import write_report
from rules.catalogue import load_form
from rules.engine import judge_site
from rules.evidence import Link, PageEvidence, SiteInfo
from rules.model import ScanResult, SiteResult
from rules.snapshot import SiteSnapshot

PORTAL = "http://www.yunxi.gov.cn/"
PAYLOAD = "<script>window.__pwned=1</script>"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def judged_scan() -> ScanResult:
    info = SiteInfo(key=PORTAL, url=PORTAL, name=PAYLOAD + "云溪县人民政府", role="portal", kind="county", pages=1)
    page = PageEvidence(site=PORTAL, url=PORTAL, final_url=PORTAL, status=200, title=PAYLOAD, links=(
        Link("javascript:window.__pwned=1", "政务公开" + PAYLOAD, "header"),
        Link(PORTAL + "zwgk/", "政府信息公开", "header"),
    ))
    form, findings = judge_site(SiteSnapshot.build(info, [page], [], []), date(2026, 11, 20))
    site = SiteResult(name=info.name, url=PORTAL, kind="county", role="portal", status="ok", reason="", pages=1,
                      form=form, findings=tuple(findings), key=PORTAL)
    return ScanResult(id=1, as_of="2026-11-20", started="2026-11-20T02:00:00+08:00",
                      finished="2026-11-20T02:01:00+08:00", complete=True, sites=(site,))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("engine-report")
    write_report(judged_scan(), out)
    return out


def test_report_of_engine_findings_lists_every_county_row_in_form_order(report: Path) -> None:
    data = json.loads((report / "report.json").read_text(encoding="utf-8"))
    assert [f["indicator"] for f in data["sites"][0]["findings"]] == [r.id for r in load_form("county").rows]


def test_javascript_link_found_by_a_rule_is_shown_as_text_and_never_runs(report: Path) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto((report / "sites" / "www-yunxi-gov-cn.html").as_uri())
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report-engine-site.png"), full_page=True)
        hrefs = page.locator("a[href]").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        as_text = page.locator(".nolink", has_text=PAYLOAD).all()
        for nolink in as_text:
            nolink.click()
        pwned = [page.evaluate("typeof window.__pwned")]
        page.goto((report / "forms" / "www-yunxi-gov-cn.html").as_uri())
        rows = page.locator("table.form-table tbody tr").count()
        pwned.append(page.evaluate("typeof window.__pwned"))
        browser.close()
    assert errors == []
    assert as_text  # the rule's evidence carried the javascript: URL, and the report shows it as text
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert rows == 35
    assert pwned == ["undefined", "undefined"]

"""The whole check on the demo portal gives every row of every site the verdict of the answer key."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from crawler.demo import DEMO_AS_OF, PORTAL_HOST, DemoServer, demo_root
from crawler.run import CheckRequest, check
from crawler.store import Store
from rules.model import ScanResult, SiteResult

ANSWERS = yaml.safe_load((demo_root() / "answers.yaml").read_text(encoding="utf-8"))
ROWS = [(site["url"], row, expected["verdict"]) for site in ANSWERS["sites"]
        for row, expected in site["verdicts"].items()]


@pytest.fixture(scope="module", params=[None, 200], ids=["default-budget", "200-pages-per-site"])
def demo_scan(request: pytest.FixtureRequest, demo_server: DemoServer,
              tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    """One real check of the demo portal (crawl, judge, report) per page budget, for the whole module.

    The portal has more than 200 pages: with 200 a site, evidence-directed order must still reach
    every page the answer key depends on."""
    tmp: Path = tmp_path_factory.mktemp("demo-answers")
    store = Store(f"sqlite:///{tmp / 'zwgk.sqlite'}")
    request = CheckRequest(url=demo_server.url(PORTAL_HOST), as_of=date.fromisoformat(DEMO_AS_OF),
                           resolve=tuple(demo_server.resolve_args()), strict_resolve=True, out=tmp / "report",
                           max_pages=request.param)
    return store.scan_result(check(request, store))


def served(server: DemoServer, url: str) -> str:
    """An answer-key URL (no port) as the demo server serves it."""
    parts = urlsplit(url)
    return server.url(parts.hostname or PORTAL_HOST, parts.path or "/")


def site_of(scan: ScanResult, server: DemoServer, url: str) -> SiteResult:
    wanted = served(server, url).rstrip("/")
    found = [s for s in scan.sites if s.url.rstrip("/") == wanted]
    assert found, f"{url} was not judged; sites: {[s.url for s in scan.sites]}"
    return found[0]


def test_the_demo_check_completes_and_judges_every_site_of_the_answer_key(demo_scan, demo_server):
    assert demo_scan.complete
    for site in ANSWERS["sites"]:
        result = site_of(demo_scan, demo_server, site["url"])
        assert result.status == site["status"], site["url"]
        assert [f.indicator for f in result.findings] == list(site["verdicts"]), site["url"]


@pytest.mark.parametrize(("url", "row", "verdict"), ROWS, ids=[f"{urlsplit(u).netloc}{urlsplit(u).path}-{r}"
                                                               for u, r, _ in ROWS])
def test_every_demo_row_gets_the_answer_keys_verdict(demo_scan, demo_server, url, row, verdict):
    finding = next(f for f in site_of(demo_scan, demo_server, url).findings if f.indicator == row)
    assert finding.verdict.value == verdict, f"{url} {row}: {finding.summary}"


def test_every_demo_finding_is_actionable_and_every_met_links_its_evidence(demo_scan):
    for site in demo_scan.sites:
        for f in site.findings:
            where = f"{site.url} {f.indicator}"
            assert f.summary, where
            assert f.advice, where
            if f.verdict.value == "met":
                assert any(p.url.startswith(("http://", "https://")) for p in f.evidence), where
            if f.verdict.value == "not_met":
                assert f.searched, where

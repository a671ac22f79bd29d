"""The crawler against the demo portal on 127.0.0.1: sub-sites, charsets, documents, traps, robots, re-scans.

Every crawl runs in a child process (`python -m crawler.crawl`, which calls crawl_portal: the
reactor runs once per process) with strict --resolve, so no request can leave loopback. This module
starts its own demo server so that its request log holds this module's crawls only.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.demo import PORTAL_HOST, DemoServer
from crawler.store import Store
from rules.evidence import SiteInfo

ROOT = Path(__file__).resolve().parents[1]
SUBSITES = [  # host/folder, role, name (from the demo's answer key)
    ("jyj.yunxi.gov.cn/", "department", "云溪县教育局"),
    ("czj.yunxi.gov.cn/", "department", "云溪县财政局"),
    ("wjw.yunxi.gov.cn/", "department", "云溪县卫生健康局"),
    ("www.yunxi.gov.cn/bm/sthjj/", "department", "云溪县生态环境局"),
    ("cgz.yunxi.gov.cn/", "township", "云溪县城关镇人民政府"),
    ("hxx.yunxi.gov.cn/", "township", "云溪县河西乡人民政府"),
]


@dataclass
class Crawl:
    store: Store
    scan: int
    stats: dict
    log: list[tuple[str, str, str, int]]  # this crawl's part of the server's request log

    def sites(self) -> dict[str, SiteInfo]:
        return {s.key.split("://", 1)[1].replace(f":{port_of(s.key)}", ""): s for s in self.store.sites_of(self.scan)}

    def pages(self, key: str) -> list:
        return list(self.store.pages_of(self.scan, key))

    def all_pages(self) -> list:
        return [p for s in self.store.sites_of(self.scan) for p in self.pages(s.key)]


def port_of(url: str) -> str:
    netloc = url.split("://", 1)[1].split("/", 1)[0]
    return netloc.rsplit(":", 1)[1] if ":" in netloc else ""


def run_crawl(server: DemoServer, db: Path, *extra: str) -> Crawl:
    store = Store(f"sqlite:///{db}")
    scan = store.begin_scan(target=server.url(PORTAL_HOST), as_of="2026-11-20")
    before = len(server.requests())
    stats_file = db.with_name(f"stats-{scan}.json")
    command = [sys.executable, "-m", "crawler.crawl", "--db", f"sqlite:///{db}", "--scan", str(scan),
               "--url", server.url(PORTAL_HOST), "--strict-resolve", "-s", f"ZWGK_STATS_FILE={stats_file}",
               *extra]
    for entry in server.resolve_args():
        command += ["--resolve", entry]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return Crawl(store, scan, json.loads(stats_file.read_text(encoding="utf-8")), server.requests()[before:])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with DemoServer(log_path=tmp_path_factory.mktemp("demo-log") / "requests.log") as demo:
        yield demo


@pytest.fixture(scope="module")
def first(server, tmp_path_factory) -> Crawl:
    return run_crawl(server, tmp_path_factory.mktemp("crawl") / "zwgk.sqlite")


@pytest.fixture(scope="module")
def small(server, tmp_path_factory) -> Crawl:
    # deep links allowed, so that only the trap guard can stop the endless calendar
    return run_crawl(server, tmp_path_factory.mktemp("small") / "zwgk.sqlite", "--max-pages", "200",
                     "-s", "ZWGK_MAX_DEPTH=40", "-s", "ZWGK_TRAP_CALENDAR_MAX=6")


@pytest.mark.parametrize(("key", "role", "name"), SUBSITES)
@pytest.mark.parametrize("crawl", ["first", "small"])
def test_every_demo_sub_site_is_found_with_its_role_and_name(request, crawl, key, role, name):
    site = request.getfixturevalue(crawl).sites()[key]
    assert (site.role, site.kind, site.name, site.status) == (role, role, name, "ok")
    assert site.pages > 0
    assert site.found_on.startswith("http://www.yunxi.gov.cn:")


def test_the_portal_is_its_own_site_and_every_page_carries_the_longest_matching_site_key(first):
    sites = first.sites()
    assert sites["www.yunxi.gov.cn/"].role == "portal"
    assert sites["www.yunxi.gov.cn/"].name == "云溪县人民政府"
    keys = sorted((s.key for s in sites.values()), key=len, reverse=True)
    for page in first.all_pages():
        assert page.site == next(k for k in keys if page.url.startswith(k)), page.url


def test_the_dead_department_site_is_reported_unreachable_with_a_dead_link_from_the_portal(first):
    sfj = first.sites()["sfj.yunxi.gov.cn/"]
    assert (sfj.status, sfj.name) == ("unreachable", "云溪县司法局")
    assert "HTTP 404" in sfj.reason
    portal = first.sites()["www.yunxi.gov.cn/"]
    dead = first.store.dead_links_of(first.scan, portal.key)
    assert any(d.url.startswith("http://sfj.yunxi.gov.cn") and d.from_url.startswith(portal.key) for d in dead)


def test_a_page_budget_of_200_holds_for_every_site(small):
    assert all(s.pages <= 200 for s in small.sites().values())


def test_gbk_and_mislabelled_charset_pages_give_correct_chinese(first):
    pages = first.all_pages()
    mislabelled = next(p for p in pages if p.url.endswith("/zfxxgk/gkml/"))  # GBK bytes behind a utf-8 header
    assert "目录" in mislabelled.title
    assert "\ufffd" not in mislabelled.title + mislabelled.text
    for host in ("czj.yunxi.gov.cn", "hxx.yunxi.gov.cn"):
        home = next(p for p in pages if p.url.endswith(f"{host}:{port_of(p.url)}/"))
        assert "云溪县" in home.title, host
        assert "\ufffd" not in home.text, host
        assert home.encoding in ("gb18030", "gbk", "gb2312")


def test_the_image_only_platform_link_is_labelled_by_its_file_name_and_followed(first):
    portal = first.sites()["www.yunxi.gov.cn/"]
    home = next(p for p in first.pages(portal.key) if p.url == portal.url)
    link = next(link for link in home.links if link.image and link.text == "xxgk_rk")
    assert any(p.url == link.url for p in first.pages(portal.key))


def test_a_list_page_keeps_the_dates_printed_beside_its_items(first):
    dated = [e for p in first.all_pages() for e in p.entries if e.date]
    assert len(dated) > 50
    assert all(len(e.date) == 10 and e.date[4] == "-" for e in dated)


def test_the_annual_report_pdf_gives_its_year_from_page_one(first):
    portal = first.sites()["www.yunxi.gov.cn/"]
    pdf = next(d for d in first.store.documents_of(first.scan, portal.key) if d.url.endswith(".pdf"))
    assert pdf.error == ""
    assert pdf.title == "云溪县人民政府2025年度政府信息公开工作年度报告"
    assert "2025年度" in pdf.text
    assert pdf.from_url


def test_the_calendar_trap_stays_within_its_bound_even_when_depth_does_not_stop_it(small):
    months = [entry for entry in small.log if entry[2].startswith("/calendar/?month=")]
    assert 1 <= len(months) <= 6  # ZWGK_TRAP_CALENDAR_MAX
    assert small.stats["zwgk/trap/calendar_dropped"] >= 1
    portal = small.sites()["www.yunxi.gov.cn/"]
    assert any("calendar" in note for note in portal.errors)


def test_robots_exclusions_are_never_fetched_and_are_reported(first):
    assert not [entry for entry in first.log if entry[1] == PORTAL_HOST and entry[2].startswith("/search/")]
    portal = first.sites()["www.yunxi.gov.cn/"]
    assert portal.robots_excluded
    assert all("/search/" in url for url in portal.robots_excluded)
    assert first.stats["zwgk/robots/excluded"] == len(portal.robots_excluded)


def test_no_request_left_the_demo_hosts(first):
    hosts = {entry[1] for entry in first.log}
    assert hosts <= {"www.yunxi.gov.cn", "jyj.yunxi.gov.cn", "czj.yunxi.gov.cn", "wjw.yunxi.gov.cn",
                     "cgz.yunxi.gov.cn", "hxx.yunxi.gov.cn", "sfj.yunxi.gov.cn"}


def test_a_second_crawl_of_the_unchanged_demo_fetches_at_most_a_tenth_of_the_bytes(server, tmp_path):
    db = tmp_path / "zwgk.sqlite"
    once = run_crawl(server, db)
    again = run_crawl(server, db)  # same database folder, so the same HTTP cache
    assert again.stats["zwgk/net/response_bytes"] <= 0.10 * once.stats["zwgk/net/response_bytes"]
    assert again.stats["httpcache/revalidate"] > 100
    # a 304 still gives evidence from the cached body (the page order, hence a few depths, may differ)
    pages = again.all_pages()
    assert abs(len(pages) - len(once.all_pages())) <= 0.02 * len(once.all_pages())
    assert all(p.title and p.links for p in pages if p.url.endswith("/zfxxgk/"))
    assert any(status == 304 for *_, status in again.log)


def test_scrapy_crawl_portal_creates_judges_and_reports_its_own_scan(server, tmp_path):
    db, out = tmp_path / "zwgk.sqlite", tmp_path / "report"
    command = [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"url={server.url(PORTAL_HOST)}",
               "-a", f"db={db}", "-a", f"out={out}", "-a", "max_pages=60",
               "-s", f"ZWGK_RESOLVE={','.join(server.resolve_args())}", "-s", "ZWGK_RESOLVE_STRICT=True",
               "-s", f"HTTPCACHE_DIR={tmp_path / 'cache'}", "-s", "LOG_LEVEL=WARNING"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    store = Store(f"sqlite:///{db}")
    scan = store.latest_complete_scan()
    assert scan is not None
    result = store.scan_result(scan)
    assert len(result.sites) == 8
    assert all(s.findings for s in result.sites)
    assert (out / "index.html").is_file()


def test_a_portal_that_does_not_answer_is_an_unreachable_site_not_an_error(tmp_path):
    db = tmp_path / "zwgk.sqlite"
    store = Store(f"sqlite:///{db}")
    scan = store.begin_scan(target="http://www.nowhere.gov.cn/", as_of="2026-11-20")
    command = [sys.executable, "-m", "crawler.crawl", "--db", f"sqlite:///{db}", "--scan", str(scan),
               "--url", "http://www.nowhere.gov.cn/", "--strict-resolve"]  # not in the map: fails closed, no DNS
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    (site,) = store.sites_of(scan)
    assert (site.role, site.status) == ("portal", "unreachable")
    assert "域名解析失败" in site.reason


def test_a_department_checked_on_its_own_in_a_portal_folder_stays_in_that_folder(server, tmp_path):
    db = tmp_path / "zwgk.sqlite"
    store = Store(f"sqlite:///{db}")
    url = server.url(PORTAL_HOST, "/bm/sthjj/")
    scan = store.begin_scan(target=url, as_of="2026-11-20")
    command = [sys.executable, "-m", "crawler.crawl", "--db", f"sqlite:///{db}", "--scan", str(scan), "--url", url,
               "--kind", "department", "--strict-resolve", *[f"--resolve={entry}" for entry in server.resolve_args()]]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    (site,) = store.sites_of(scan)  # a department's pages name no sub-sites of their own
    assert (site.key, site.kind, site.name) == (url, "department", "云溪县生态环境局")
    pages = list(store.pages_of(scan, site.key))
    assert len(pages) > 10
    assert all(p.url.startswith(url) for p in pages)

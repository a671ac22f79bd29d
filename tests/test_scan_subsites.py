"""Sub-sites a registry lists are crawled by their portal's crawl: once, as its children, under the given name."""

from __future__ import annotations

import io
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.crawl import main as crawl_main
from crawler.demo import DEMO_AS_OF, PORTAL_HOST, DemoServer, demo_root
from crawler.progress import Progress
from crawler.scan import ScanPlan, crawl_sites
from crawler.sites import Registry, load_registry
from crawler.store import Store, sub_sites_by_portal

EXTRA_HOST = "slj.yunxi.gov.cn"  # a department site the demo portal does not link
EXTRA_HOME = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>水利局网站</title></head>
<body><h1>水利局网站</h1><ul>
<li><a href="/zwgk/">政务公开</a></li>
<li><a href="/xxfb/tzgg/">通知公告</a></li>
</ul></body></html>
"""
EXTRA_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><p>云溪县水利局 {title}</p><a href="/">首页</a></body></html>
"""
LISTED_JYJ = "教育局（清单名称）"
LISTED_SLJ = "云溪县水利局"
LISTED_SFJ = "县司法局（清单）"
LISTED_SILENT = "无人应答的乡镇"


@dataclass(frozen=True, slots=True)
class ScannedRegistry:
    server: DemoServer
    db: Path
    out: Path
    silent_url: str
    stderr: str

    @property
    def store(self) -> Store:
        return Store(f"sqlite:///{self.db}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_extra_host(root: Path) -> None:
    site = root / "sites" / EXTRA_HOST
    for folder, title in (("zwgk", "政务公开"), ("xxfb/tzgg", "通知公告")):
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(EXTRA_PAGE.format(title=title), encoding="utf-8")
    (site / "index.html").write_text(EXTRA_HOME, encoding="utf-8")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> ScannedRegistry:
    """One `zwgk scan` of a registry listing the demo portal with four sub-sites: one it links (jyj), one it
    links that is dead (sfj), one it does not link (slj, an extra host) and one that does not answer."""
    tmp = tmp_path_factory.mktemp("listed")
    root = tmp / "demo"
    shutil.copytree(demo_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    write_extra_host(root)
    silent_url = f"http://127.0.0.1:{free_port()}/"
    with DemoServer(root=root) as server:
        sites = tmp / "sites.yaml"
        sites.write_text(
            "sites:\n"
            f"  - name: 云溪县人民政府\n    kind: county\n    url: {server.url(PORTAL_HOST)}\n    subsites:\n"
            f"      - {{name: {LISTED_JYJ}, kind: department, url: '{server.url('jyj.yunxi.gov.cn')}'}}\n"
            f"      - {{name: {LISTED_SLJ}, kind: department, url: '{server.url(EXTRA_HOST)}'}}\n"
            f"      - {{name: {LISTED_SFJ}, kind: department, url: '{server.url('sfj.yunxi.gov.cn')}'}}\n"
            f"      - {{name: {LISTED_SILENT}, kind: township, url: '{silent_url}'}}\n",
            encoding="utf-8")
        db, out = tmp / "zwgk.sqlite", tmp / "report"
        command = [sys.executable, "-m", "crawler.cli", "scan", str(sites), "--db", str(db), "--out", str(out),
                   "--as-of", DEMO_AS_OF, "--max-pages", "30", "--strict-resolve"]
        for entry in server.resolve_args():
            command += ["--resolve", entry]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        return ScannedRegistry(server, db, out, silent_url, result.stderr)


def site_rows(scanned: ScannedRegistry) -> list[tuple[str, str, str, str, str]]:
    with sqlite3.connect(scanned.db) as conn:
        return conn.execute("SELECT key, url, name, role, status FROM sites").fetchall()


def test_every_listed_sub_site_is_stored_once_even_when_the_portal_also_links_it(scanned: ScannedRegistry) -> None:
    keys = [key for key, *_ in site_rows(scanned)]
    assert len(keys) == len(set(keys))
    urls = {url for _, url, *_ in site_rows(scanned)}
    for host in ("jyj.yunxi.gov.cn", EXTRA_HOST, "sfj.yunxi.gov.cn", "czj.yunxi.gov.cn"):
        assert scanned.server.url(host) in urls
    assert scanned.silent_url in urls


def test_no_page_is_stored_twice(scanned: ScannedRegistry) -> None:
    with sqlite3.connect(scanned.db) as conn:
        twice = conn.execute("SELECT site_key, url, count(*) FROM pages GROUP BY scan_id, site_key, url "
                             "HAVING count(*) > 1").fetchall()
        jyj = conn.execute("SELECT count(*) FROM pages WHERE url LIKE 'http://jyj.yunxi.gov.cn:%'").fetchone()[0]
    assert twice == []
    assert 1 < jyj <= 30  # one crawl's budget, not two


def test_the_registry_name_wins_over_the_name_the_site_and_the_portal_give(scanned: ScannedRegistry) -> None:
    by_url = {url: (name, role, status) for _, url, name, role, status in site_rows(scanned)}
    assert by_url[scanned.server.url("jyj.yunxi.gov.cn")] == (LISTED_JYJ, "department", "ok")
    assert by_url[scanned.server.url(EXTRA_HOST)] == (LISTED_SLJ, "department", "ok")
    assert by_url[scanned.server.url("czj.yunxi.gov.cn")][0] == "云溪县财政局"  # discovered: the site's own name


def test_listed_sub_sites_are_children_of_their_portal_in_the_report(scanned: ScannedRegistry) -> None:
    report = json.loads((scanned.out / "report.json").read_text(encoding="utf-8"))
    by_url = {site["url"]: site for site in report["sites"]}
    portal = by_url[scanned.server.url(PORTAL_HOST)]
    listed = {scanned.server.url(h) for h in ("jyj.yunxi.gov.cn", EXTRA_HOST, "sfj.yunxi.gov.cn")}
    assert listed | {scanned.silent_url, scanned.server.url("czj.yunxi.gov.cn")} <= set(portal["subsites"])
    assert by_url[scanned.server.url(EXTRA_HOST)]["pages"] == 3
    assert by_url[scanned.server.url(EXTRA_HOST)]["form"] == "department"
    family = sub_sites_by_portal(scanned.store.sites_of(scanned.store.latest_complete_scan()))
    assert {info.url for info in family[next(iter(family))]} == set(portal["subsites"])


def test_a_listed_sub_site_that_does_not_answer_is_an_unreachable_child_and_a_line_of_the_progress(
        scanned: ScannedRegistry) -> None:
    store = scanned.store
    infos = {info.url: info for info in store.sites_of(store.latest_complete_scan())}
    silent = infos[scanned.silent_url]
    assert (silent.status, silent.role, silent.name) == ("unreachable", "township", LISTED_SILENT)
    assert silent.reason.startswith("首页无法访问")
    assert silent.found_on == scanned.server.url(PORTAL_HOST)
    lines = scanned.stderr.splitlines()
    assert any(line.startswith("[") and "/5]" in line and scanned.silent_url in line and "无法访问" in line
               for line in lines), scanned.stderr
    assert any(f"{LISTED_SLJ} {scanned.server.url(EXTRA_HOST)} 完成" in line for line in lines)


def test_a_dead_listed_sub_site_the_portal_links_is_a_dead_link_of_the_portal_page(scanned: ScannedRegistry) -> None:
    report = json.loads((scanned.out / "report.json").read_text(encoding="utf-8"))
    by_url = {site["url"]: site for site in report["sites"]}
    sfj = scanned.server.url("sfj.yunxi.gov.cn")
    assert by_url[sfj]["status"] == "unreachable"
    assert by_url[sfj]["name"] == LISTED_SFJ
    portal = by_url[scanned.server.url(PORTAL_HOST)]
    assert any(dead["url"] == sfj and dead["from"].startswith(scanned.server.url(PORTAL_HOST))
               for dead in portal["dead_links"])


def test_the_crawl_child_refuses_a_listed_sub_site_of_a_kind_a_sub_site_cannot_have(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        crawl_main(["--db", "sqlite://", "--scan", "1", "--url", "http://www.yunxi.gov.cn/",
                    "--subsite", "county|http://jyj.yunxi.gov.cn/|教育局"])
    assert stopped.value.code == 2
    assert "子站类型应为 department 或 township" in capsys.readouterr().err


def test_a_crawler_that_crashes_leaves_its_portal_and_listed_sub_sites_unreachable_children(tmp_path: Path) -> None:
    sites = tmp_path / "sites.yaml"
    sites.write_text("- name: 甲县\n  kind: county\n  url: http://www.jia.gov.cn/\n  subsites:\n"
                     "    - {name: 甲县教育局, kind: department, url: 'http://jyj.jia.gov.cn/'}\n"
                     "    - {name: 甲县环保局, kind: department, url: 'http://www.jia.gov.cn/bm/hbj/'}\n",
                     encoding="utf-8")
    registry: Registry = load_registry(sites)
    plan = ScanPlan(registry=registry, as_of=DEMO_AS_OF, db_url=f"sqlite:///{tmp_path / 'zwgk.sqlite'}")
    store = Store(plan.db_url)
    scan_id = store.begin_scan(str(sites), DEMO_AS_OF)
    commands: list[list[str]] = []

    def crash(command: list[str], stderr) -> subprocess.Popen[bytes]:  # noqa: ANN001
        commands.append(command)
        return subprocess.Popen([sys.executable, "-c", "import sys; sys.stderr.write('MemoryError\\n'); sys.exit(3)"],
                                stderr=stderr)
    log = io.StringIO()

    crawl_sites(plan, scan_id, store, Progress(3, log, tty=False), spawn=crash)

    assert len(commands) == 1
    assert [commands[0][i + 1] for i, arg in enumerate(commands[0]) if arg == "--subsite"] == [
        "department|http://jyj.jia.gov.cn/|甲县教育局", "department|http://www.jia.gov.cn/bm/hbj/|甲县环保局"]
    infos = {info.url: info for info in store.sites_of(scan_id)}
    assert {url: (i.key, i.role, i.status) for url, i in infos.items()} == {
        "http://www.jia.gov.cn/": ("http://www.jia.gov.cn/", "portal", "unreachable"),
        "http://jyj.jia.gov.cn/": ("http://jyj.jia.gov.cn/", "department", "unreachable"),
        "http://www.jia.gov.cn/bm/hbj/": ("http://www.jia.gov.cn/bm/hbj/", "department", "unreachable"),
    }
    assert {info.reason for info in infos.values()} == {"抓取失败（退出码 3）：MemoryError"}
    family = sub_sites_by_portal(list(infos.values()))
    assert {i.url for i in family["http://www.jia.gov.cn/"]} == {"http://jyj.jia.gov.cn/", "http://www.jia.gov.cn/bm/hbj/"}
    assert [line.split(" ")[0] for line in log.getvalue().splitlines()] == ["[1/3]", "[2/3]", "[3/3]"]

"""`zwgk scan`: real scans of the demo portal from a registry, in child processes, into a real SQLite file."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import psutil
import pytest

from crawler.demo import DEMO_AS_OF, PORTAL_HOST, DemoServer, demo_root
from crawler.history import scan_with_changes
from crawler.progress import Progress
from crawler.scan import ScanPlan, crawl_sites
from crawler.sites import Registry, Site
from crawler.store import Store
from rules.model import Verdict

MAX_PAGES = "30"


def registry(path: Path, *sites: tuple[str, str, str]) -> Path:
    """Write a registry of (name, kind, url) entries."""
    lines = [f"- name: {name}\n  kind: {kind}\n  url: {url}\n" for name, kind, url in sites]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def scan_command(sites: Path, db: Path, out: Path, resolve: list[str], *extra: str) -> list[str]:
    command = [sys.executable, "-m", "crawler.cli", "scan", str(sites), "--db", str(db), "--out", str(out),
               "--as-of", DEMO_AS_OF, "--max-pages", MAX_PAGES, "--strict-resolve", *extra]
    for entry in resolve:
        command += ["--resolve", entry]
    return command


def run_scan(sites: Path, db: Path, out: Path, resolve: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(scan_command(sites, db, out, resolve, *extra), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def silent_port() -> int:
    """A port on 127.0.0.1 with nothing listening."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def hanging_server() -> Iterator[str]:
    """A site on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    listener.close()


def test_a_site_that_does_not_answer_is_unreachable_with_its_reason_and_the_others_are_judged(
        demo_server, silent_port: int, tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{silent_port}/"
    sites = registry(tmp_path / "sites.yaml", ("云溪县人民政府", "county", demo_server.url(PORTAL_HOST)),
                     ("无人应答的县", "county", dead))
    db, out = tmp_path / "zwgk.sqlite", tmp_path / "report"

    result = run_scan(sites, db, out, demo_server.resolve_args())

    store = Store(f"sqlite:///{db}")
    scan_id = store.latest_complete_scan()
    assert scan_id is not None, result.stderr
    by_url = {site.url: site for site in store.scan_result(scan_id).sites}
    assert by_url[dead].status == "unreachable"
    assert by_url[dead].reason
    portal = by_url[demo_server.url(PORTAL_HOST)]
    assert portal.status == "ok"
    assert portal.pages > 1
    verdicts = {f.verdict for f in portal.findings}
    assert Verdict.MET in verdicts
    assert Verdict.UNREACHABLE not in verdicts
    assert (out / "index.html").is_file()


def test_a_site_whose_crawl_runs_past_the_site_timeout_is_stopped_and_unreachable(
        demo_server, hanging_server: str, tmp_path: Path) -> None:
    sites = registry(tmp_path / "sites.yaml", ("云溪县人民政府", "county", demo_server.url(PORTAL_HOST)),
                     ("挂起的县", "county", hanging_server))
    db, out = tmp_path / "zwgk.sqlite", tmp_path / "report"

    run_scan(sites, db, out, demo_server.resolve_args(), "--site-timeout", "5")

    store = Store(f"sqlite:///{db}")
    result = store.scan_result(store.latest_complete_scan())
    hung = next(site for site in result.sites if site.url == hanging_server)
    assert hung.status == "unreachable"
    assert "超时" in hung.reason
    assert any(site.status == "ok" and site.findings for site in result.sites)


def files_of(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def pages_of_scan(db: Path, scan_id: int) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM pages WHERE scan_id = ?", (scan_id,)).fetchone()[0]


def crawlers_of_scan(db: Path, scan_id: int) -> list[psutil.Process]:
    """The crawl children still writing into one scan of one database."""
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmdline = proc.info["cmdline"] or []
        if "crawler.crawl" in cmdline and str(db) in " ".join(cmdline) and \
                cmdline[cmdline.index("--scan") + 1] == str(scan_id):
            found.append(proc)
    return found


def test_a_scan_killed_half_way_leaves_the_previous_report_intact_and_the_next_scan_completes(
        demo_server, hanging_server: str, tmp_path: Path) -> None:
    db, out = tmp_path / "zwgk.sqlite", tmp_path / "report"
    demo_only = registry(tmp_path / "demo.yaml", ("云溪县人民政府", "county", demo_server.url(PORTAL_HOST)))
    run_scan(demo_only, db, out, demo_server.resolve_args())
    store = Store(f"sqlite:///{db}")
    first = store.latest_complete_scan()
    report_before = files_of(out)
    with_hang = registry(tmp_path / "hang.yaml", ("云溪县人民政府", "county", demo_server.url(PORTAL_HOST)),
                         ("挂起的县", "county", hanging_server))

    process = subprocess.Popen(scan_command(with_hang, db, out, demo_server.resolve_args()),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = first + 1
    deadline = time.monotonic() + 120
    while pages_of_scan(db, killed) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert process.poll() is None, "the scan ended before it could be killed half way"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)

    deadline = time.monotonic() + 10  # the crawl children die with their scan
    while crawlers_of_scan(db, killed) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert crawlers_of_scan(db, killed) == []
    assert store.scan_row(killed)["complete"] is False
    assert store.latest_complete_scan() == first
    assert files_of(out) == report_before

    run_scan(demo_only, db, out, demo_server.resolve_args())

    latest = store.latest_complete_scan()
    assert latest == killed + 1
    assert store.scan_row(killed)["complete"] is False
    assert scan_with_changes(store, latest).changes[demo_server.url(PORTAL_HOST)].previous_scan == first
    assert files_of(out) != report_before


@pytest.fixture
def editable_demo(tmp_path: Path) -> Iterator[tuple[DemoServer, Path]]:
    """The demo portal served from a copy that a test may change between scans."""
    root = tmp_path / "demo"
    shutil.copytree(demo_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    with DemoServer(root=root) as server:
        yield server, root


# -- the scan's own machinery, with stand-in child processes -----------------------------------------------


def plan_for(tmp_path: Path, count: int, concurrency: int, timeout: float = 60) -> ScanPlan:
    sites = tuple(Site(name=f"站点{i}", kind="county", url=f"http://s{i}.example.gov.cn/", line=i + 1)
                  for i in range(count))
    return ScanPlan(registry=Registry(path=tmp_path / "sites.yaml", sites=sites), as_of=DEMO_AS_OF,
                    db_url=f"sqlite:///{tmp_path / 'zwgk.sqlite'}", concurrency=concurrency, site_timeout=timeout)


def stand_in(script: str):  # noqa: ANN201 - a spawn function running `script` instead of the crawler
    def spawn(command: list[str], stderr) -> subprocess.Popen[bytes]:  # noqa: ANN001
        url = command[command.index("--url") + 1]
        return subprocess.Popen([sys.executable, "-c", script, url], stderr=stderr)
    return spawn


def test_sites_are_crawled_at_most_concurrency_at_a_time(tmp_path: Path) -> None:
    plan = plan_for(tmp_path, count=5, concurrency=2)
    store = Store(plan.db_url)
    scan_id = store.begin_scan("sites.yaml", DEMO_AS_OF)
    spans = tmp_path / "spans"
    script = ("import sys, time, pathlib; start = time.monotonic(); time.sleep(0.8); "
              f"pathlib.Path({str(spans)!r}).open('a').write(f'{{start}} {{time.monotonic()}}\\n')")

    crawl_sites(plan, scan_id, store, Progress(5, io.StringIO(), tty=False), spawn=stand_in(script))

    intervals = [tuple(map(float, line.split())) for line in spans.read_text().splitlines()]
    assert len(intervals) == 5
    overlap = max(sum(1 for s, e in intervals if s <= t < e) for t, _ in intervals)
    assert overlap == 2


def test_a_crawler_that_crashes_leaves_its_site_unreachable_with_the_last_line_it_wrote(tmp_path: Path) -> None:
    plan = plan_for(tmp_path, count=2, concurrency=2)
    store = Store(plan.db_url)
    scan_id = store.begin_scan("sites.yaml", DEMO_AS_OF)
    script = ("import sys\nif 's0.' in sys.argv[1]:\n    sys.stderr.write('MemoryError: 页面过大\\n'); sys.exit(3)")
    log = io.StringIO()

    crawl_sites(plan, scan_id, store, Progress(2, log, tty=False), spawn=stand_in(script))

    (crashed,) = store.sites_of(scan_id)  # the other stand-in saved nothing: nothing to mark
    assert (crashed.url, crashed.status) == ("http://s0.example.gov.cn/", "unreachable")
    assert crashed.reason == "抓取失败（退出码 3）：MemoryError: 页面过大"
    assert "[1/2]" in log.getvalue()
    assert "[2/2]" in log.getvalue()


def test_a_terminal_gets_a_redrawn_bar_and_a_log_gets_plain_lines() -> None:
    terminal, logfile = io.StringIO(), io.StringIO()
    for stream, tty in ((terminal, True), (logfile, False)):
        progress = Progress(4, stream, tty=tty)
        progress.pages_seen(37)
        progress.site_done("云溪县", "http://www.yunxi.gov.cn/")
        progress.site_done("司法局", "http://sfj.yunxi.gov.cn/", failure="连接被拒绝")
        progress.close()

    assert "\r\x1b[2K[############............] 2/4 个站点  37 页  1 个错误" in terminal.getvalue()
    assert "\r" not in logfile.getvalue()
    assert logfile.getvalue().splitlines() == [
        "[1/4] 云溪县 http://www.yunxi.gov.cn/ 完成（累计 37 页，0 个错误）",
        "[2/4] 司法局 http://sfj.yunxi.gov.cn/ 无法访问：连接被拒绝（累计 37 页，1 个错误）",
    ]


def test_two_scans_with_one_change_between_them_show_that_change_and_only_it(
        editable_demo: tuple[DemoServer, Path], tmp_path: Path) -> None:
    server, root = editable_demo
    portal = server.url(PORTAL_HOST)
    sites = registry(tmp_path / "sites.yaml", ("云溪县人民政府", "county", portal))
    db, out = tmp_path / "zwgk.sqlite", tmp_path / "report"
    run_scan(sites, db, out, server.resolve_args(), "--max-pages", "500")
    home = root / "sites" / PORTAL_HOST / "index.html"
    before = home.read_text(encoding="utf-8")
    nav_end = '<li><a href="/zmhd/">政民互动</a></li>'
    assert before.count(nav_end) == 1
    # The web team adds the missing 公共服务 column to the main navigation (C08: partial -> met).
    home.write_text(before.replace(nav_end, nav_end + '<li><a href="/zwfw/bmfwzn/">公共服务</a></li>'),
                    encoding="utf-8")

    run_scan(sites, db, out, server.resolve_args(), "--max-pages", "500")

    store = Store(f"sqlite:///{db}")
    result = scan_with_changes(store, store.latest_complete_scan())
    changes = result.changes
    assert set(changes) == {site.url for site in result.sites}  # every site was in the first scan too
    assert changes[portal].better == (("C08", "partial", "met"),)
    assert changes[portal].worse == ()
    assert [url for url, c in changes.items() if c.worse or c.better or c.new_dead_links] == [portal]
    cells = lxml.html.fromstring((out / "index.html").read_bytes()).xpath('//td[@class="changes"]')
    summaries = sorted(" ".join(cell.text_content().split()) for cell in cells)
    assert summaries == ["变好 1"] + ["无变化"] * (len(result.sites) - 1)

"""Crawl one hostile case in a child process (Scrapy's reactor runs once per process) and read what it left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.demo import DemoServer
from crawler.store import Store
from rules.evidence import DeadLink, PageEvidence, SiteInfo

SUFFIX = ".hostile.test"
# Small bounds so every hostile case ends in seconds; each test names the bound it relies on.
FAST = {"AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_TIMEOUT": "3", "DNS_TIMEOUT": "3", "RETRY_TIMES": "1"}


@dataclass(frozen=True, slots=True)
class Crawled:
    """What a finished crawl left behind: the store, its stats, its stderr and how long it took."""

    store: Store
    scan_id: int
    seconds: float
    stats: dict[str, Any]
    stderr: str
    returncode: int

    def portal(self) -> SiteInfo:
        return next(s for s in self.store.sites_of(self.scan_id) if s.role == "portal")

    def pages(self) -> list[PageEvidence]:
        return list(self.store.pages_of(self.scan_id, self.portal().key))

    def page(self, fragment: str) -> PageEvidence:
        found = [p for p in self.pages() if fragment in p.url]
        assert found, f"no page evidence for {fragment!r}: {[p.url for p in self.pages()]}"
        return found[0]

    def dead_links(self) -> list[DeadLink]:
        return [d for s in self.store.sites_of(self.scan_id) for d in self.store.dead_links_of(self.scan_id, s.key)]

    def dead_link(self, fragment: str) -> DeadLink:
        found = [d for d in self.dead_links() if fragment in d.url]
        assert found, f"no dead link for {fragment!r}: {self.dead_links()}"
        return found[0]


def host_of(case: str) -> str:
    return case + SUFFIX


def requests_to(server: DemoServer, case: str) -> list[tuple[str, str, str, int]]:
    """The server's log of requests that reached the case's host."""
    return [r for r in server.requests() if r[1] == host_of(case)]


def crawl_case(server: DemoServer | None, tmp_path: Path, case: str, path: str = "/", *, max_pages: int = 30,
               settings: dict[str, str] | None = None, also: tuple[str, ...] = (), scheme: str = "http",
               port: int | None = None, obey_robots: bool = True, limit: float = 120) -> Crawled:
    """Crawl `<scheme>://<case>.hostile.test:<port><path>`, loopback only (strict --resolve)."""
    port = port or (server.port if server else 0)
    db = f"sqlite:///{tmp_path / 'zwgk.sqlite'}"
    store = Store(db)
    url = f"{scheme}://{host_of(case)}:{port}{path}"
    scan_id = store.begin_scan(target=url, as_of="2026-11-20")
    stats_file = tmp_path / "stats.json"
    command = [sys.executable, "-m", "crawler.crawl", "--db", db, "--scan", str(scan_id), "--url", url,
               "--max-pages", str(max_pages), "--strict-resolve", "-s", f"ZWGK_STATS_FILE={stats_file}"]
    for host in (host_of(case), *also):
        command += ["--resolve", f"{host}:{port}:127.0.0.1"]
    for name, value in {**FAST, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    if not obey_robots:
        command.append("--ignore-robots")
    env = {**os.environ, "ZWGK_QUIET": "1"}
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=limit, env=env)
    seconds = time.monotonic() - started
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else {}
    return Crawled(store, scan_id, seconds, stats, done.stderr, done.returncode)



def hostile_server_in(root: Path) -> DemoServer:
    """The demo server over an empty site folder under `root`: only the hostile routes and hosts answer."""
    (root / "sites").mkdir(exist_ok=True)
    return DemoServer(log_path=root / "requests.log", root=root)

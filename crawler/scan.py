"""`zwgk scan SITES.yaml`: crawl every registry site in its own child process, judge, store, report.

A registry site's listed sub-sites are crawled by its own child, as sub-sites of that portal (so a
sub-site the portal also links is crawled once, and the portal's rules see it). A child per site because Twisted's reactor cannot restart within one process, and because a
child isolates a site's memory and crashes: a site that kills its crawler becomes `unreachable`
with the reason and the others go on. Children die with the scan (PR_SET_PDEATHSIG), so a scan
killed half way leaves no crawler writing into its incomplete scan.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import logging
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import FrameType
from typing import IO

from sqlalchemy.exc import SQLAlchemyError

from crawler.progress import Progress
from crawler.sites import Registry, Site, Subsite
from crawler.store import Store
from rules.evidence import SiteInfo

log = logging.getLogger(__name__)

DEFAULT_SITE_TIMEOUT = 3600  # seconds one site's crawl may take before it is stopped
POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class ScanPlan:
    """What one `zwgk scan` was asked to do, validated."""

    registry: Registry
    as_of: str
    db_url: str
    max_pages: int | None = None
    concurrency: int = 2
    resolve: tuple[str, ...] = ()
    site_timeout: float = DEFAULT_SITE_TIMEOUT
    strict_resolve: bool = False  # every host must be in `resolve` (tests and the demo: loopback only)


@dataclass(slots=True)
class _Child:
    site: Site
    process: subprocess.Popen[bytes]
    stderr: IO[bytes]
    started: float = field(default_factory=time.monotonic)


def crawl_command(plan: ScanPlan, scan_id: int, site: Site) -> list[str]:
    """The child's command line: `python -m crawler.crawl` for one registry site and its listed sub-sites."""
    command = [sys.executable, "-m", "crawler.crawl", "--db", plan.db_url, "--scan", str(scan_id),
               "--url", site.url, "--kind", site.kind, "--name", site.name]
    for sub in site.subsites:
        command += ["--subsite", f"{sub.kind}|{sub.url}|{sub.name}"]
    if plan.max_pages:
        command += ["--max-pages", str(plan.max_pages)]
    for entry in plan.resolve:
        command += ["--resolve", entry]
    if plan.strict_resolve:
        command.append("--strict-resolve")
    return command


def listed_count(registry: Registry) -> int:
    """How many sites the registry names: each registry site and each sub-site it lists (the progress total)."""
    return sum(1 + len(site.subsites) for site in registry.sites)


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with contextlib.suppress(OSError, AttributeError):  # not Linux: children may outlive a killed scan
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _reason_from(stderr: IO[bytes], status: int | None) -> str:
    stderr.seek(0)
    lines = [line.strip() for line in stderr.read().decode("utf-8", "replace").splitlines() if line.strip()]
    last = lines[-1][:300] if lines else ""
    if status is None:
        return "抓取超时，已停止"
    if status < 0:
        return f"抓取进程被信号 {-status} 终止" + (f"：{last}" if last else "")
    return f"抓取失败（退出码 {status}）" + (f"：{last}" if last else "")


def stored_reason(store: Store, scan_id: int, site: Site | Subsite) -> str:
    """Why the crawler recorded the site as unreachable, or "" when it reached it."""
    for info in store.sites_of(scan_id):
        if info.url == site.url and info.status == "unreachable":
            return info.reason or "无法访问"
    return ""


def record_unreachable(store: Store, scan_id: int, site: Site, reason: str) -> None:
    """Save the registry site and its listed sub-sites as unreachable (a listed sub-site as the portal's
    child), keeping whatever the crawler already recorded of them."""
    from crawler.spiders.portal import start_key, subsite_key

    saved = {info.url: info for info in store.sites_of(scan_id)}
    portal_key = start_key(site.url, site.kind)
    entries: list[tuple[Site | Subsite, str | None, str, str]] = [(site, portal_key, "portal", "")]
    entries += [(sub, subsite_key(portal_key, sub.url), sub.kind, site.url) for sub in site.subsites]
    for entry, key, role, found_on in entries:
        info = saved.get(entry.url)
        if (info is not None and info.status == "unreachable") or (info is None and key is None):
            continue
        store.save_site(scan_id, SiteInfo(
            key=info.key if info else str(key), url=entry.url, name=info.name if info and info.name else entry.name,
            role=info.role if info else role, kind=entry.kind, status="unreachable", reason=reason,
            found_on=info.found_on if info else found_on, pages=info.pages if info else 0))


def crawl_sites(plan: ScanPlan, scan_id: int, store: Store, progress: Progress,
                spawn: Callable[[list[str], IO[bytes]], subprocess.Popen[bytes]] | None = None) -> None:
    """Run one child per registry site (with its listed sub-sites), at most `plan.concurrency` at a time."""
    spawn = spawn or _spawn
    waiting = list(plan.registry.sites)
    running: list[_Child] = []
    try:
        while waiting or running:
            while waiting and len(running) < plan.concurrency:
                site = waiting.pop(0)
                stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the child ends
                log.info("crawling %s (%s)", site.url, site.name)
                running.append(_Child(site, spawn(crawl_command(plan, scan_id, site), stderr), stderr))
            time.sleep(POLL_SECONDS)
            for child in list(running):
                status = child.process.poll()
                timed_out = status is None and time.monotonic() - child.started > plan.site_timeout
                if status is None and not timed_out:
                    continue
                if timed_out:
                    _stop(child.process)
                running.remove(child)
                if status == 0:  # the crawler itself records a home page that does not answer
                    failures = [stored_reason(store, scan_id, site) for site in (child.site, *child.site.subsites)]
                else:
                    crash = _reason_from(child.stderr, None if timed_out else status)
                    record_unreachable(store, scan_id, child.site, crash)
                    failures = [crash] * (1 + len(child.site.subsites))
                child.stderr.close()
                progress.pages_seen(store.page_total(scan_id))
                for site, failure in zip((child.site, *child.site.subsites), failures, strict=True):
                    if failure:
                        log.warning("site %s is unreachable: %s", site.url, failure)
                    progress.site_done(site.name, site.url, failure)
            progress.pages_seen(store.page_total(scan_id))
    finally:
        for child in running:
            _stop(child.process)
            child.stderr.close()


def _spawn(command: list[str], stderr: IO[bytes]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
                            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _raise_on_sigterm(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def scan(plan: ScanPlan, out: Path, store: Store, progress: Progress) -> int:
    """Crawl, judge and report every registry site under one scan id; returns it. Complete only at the end."""
    from crawler.history import scan_with_changes
    from crawler.run import judge_scan
    from reports import write_report

    scan_id = store.begin_scan(target=str(plan.registry.path.resolve()), as_of=plan.as_of)
    previous = signal.signal(signal.SIGTERM, _raise_on_sigterm)
    try:
        crawl_sites(plan, scan_id, store, progress)
        progress.message("评判中……")
        judge_scan(store, scan_id, date.fromisoformat(plan.as_of))
        store.complete_scan(scan_id)
    except BaseException as exc:
        with contextlib.suppress(SQLAlchemyError):  # the database itself may be what failed
            store.fail_scan(scan_id, f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
        progress.close()
    write_report(scan_with_changes(store, scan_id), out)
    return scan_id


def run_scan(args: argparse.Namespace, out: Path, store: Store) -> int:
    """`zwgk scan`: `args.registry` is the validated registry (read from `args.sites` when absent)."""
    from crawler.cli import (
        EXIT_DATABASE,
        EXIT_OK,
        UserError,
        load_sites,
        print_report_paths,
        today_in_shanghai,
    )

    registry = getattr(args, "registry", None) or load_sites(args.sites)
    plan = ScanPlan(registry=registry, as_of=(args.as_of or today_in_shanghai()).isoformat(), db_url=store.url,
                    max_pages=args.max_pages, concurrency=args.concurrency, resolve=tuple(args.resolve),
                    site_timeout=args.site_timeout, strict_resolve=args.strict_resolve)
    total = listed_count(registry)
    progress = Progress(total)
    progress.message(f"扫描 {total} 个站点（{registry.path}），评判日期 {plan.as_of}，"
                     f"同时 {plan.concurrency} 个")
    try:
        scan_id = scan(plan, out, store, progress)
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise UserError(f"数据库 {store.url} 无法使用：{first}", EXIT_DATABASE) from exc
    infos = store.sites_of(scan_id)
    failed = sum(1 for info in infos if info.status == "unreachable")
    print(f"扫描 #{scan_id} 完成：{len(infos)} 个站点，{failed} 个无法访问")
    print_report_paths(out)
    return EXIT_OK


__all__ = ["ScanPlan", "crawl_command", "crawl_sites", "listed_count", "record_unreachable", "run_scan", "scan"]

"""Run the portal spider: in this process (CrawlerProcess: the reactor runs once per process) or in a child.

`python -m crawler.crawl --db URL --scan ID --url URL [--subsite KIND|URL|NAME ...]` is the child-process
entry of `zwgk scan`: one child per registry portal, its listed sub-sites crawled in the same crawl.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from crawler.store import Store


class CrawlInterrupted(RuntimeError):
    """The crawl stopped before its end (a signal, an engine error): the scan must not be completed."""


def crawl_settings(store: Store, *, resolve: Sequence[str] = (), strict_resolve: bool = False,
                   obey_robots: bool = True, settings: dict[str, Any] | None = None) -> Any:
    """zwgk's Scrapy settings for one crawl: crawler.settings, then these arguments, then `settings`."""
    from scrapy.settings import Settings

    from crawler.httpcache import default_cache_dir
    from crawler.resolver import parse_entries

    parse_entries(resolve)  # a bad entry is a one-line ResolveError before anything starts
    result = Settings()
    result.setmodule("crawler.settings", priority="project")
    overrides: dict[str, Any] = {"ZWGK_RESOLVE": list(resolve), "ZWGK_RESOLVE_STRICT": strict_resolve,
                                 "ROBOTSTXT_OBEY": obey_robots}
    if not result.get("HTTPCACHE_DIR"):
        overrides["HTTPCACHE_DIR"] = default_cache_dir(store.url)
    if logging.root.handlers:  # the application (zwgk's CLI) configured logging: Scrapy must not add its own
        overrides["LOG_INSTALL_ROOT_HANDLER"] = False
    result.setdict(overrides, priority="cmdline")
    result.setdict(dict(settings or {}), priority="cmdline")
    return result


def crawl_portal(store: Store, scan_id: int, url: str, *, kind: str = "county", name: str = "",
                 max_pages: int | None = None, resolve: Sequence[str] = (), strict_resolve: bool = False,
                 obey_robots: bool = True, settings: dict | None = None,
                 subsites: Sequence[tuple[str, str, str]] = ()) -> dict[str, Any]:
    """Crawl the portal at url and its sub-sites into the store (SiteInfo via store.save_site, pages,
    documents, dead links). Runs Scrapy in this process (CrawlerProcess; the reactor runs once per
    process). A portal that does not answer is saved as an unreachable SiteInfo, not an exception.

    `subsites` are (kind, url, name) the registry lists: crawled as the portal's sub-sites whether or not
    its pages link them, each with its own budget; one the portal also links is crawled once, under the
    given name. A bad entry raises ValueError before anything is fetched."""
    from scrapy.crawler import CrawlerProcess

    from crawler.extensions import is_whole
    from crawler.spiders.portal import PortalSpider, listed_subsites

    listed = listed_subsites(subsites)
    configured = logging.root.level if logging.root.handlers else None
    if configured is not None:  # Scrapy logs its banner while the process is built, below the app's level
        logging.disable(configured - 1)
    try:
        process = CrawlerProcess(crawl_settings(store, resolve=resolve, strict_resolve=strict_resolve,
                                                obey_robots=obey_robots, settings=settings))
    finally:
        logging.disable(logging.NOTSET)
    if configured is not None:  # Scrapy set its logger to DEBUG; the application's level decides instead
        logging.getLogger("scrapy").setLevel(configured)
    crawler = process.create_crawler(PortalSpider)
    process.crawl(crawler, url=url, kind=kind, name=name, store=store, scan=scan_id, max_pages=max_pages,
                  subsites=listed)
    process.start()
    stats = dict(crawler.stats.get_stats())
    reason = stats.get("zwgk/crawl/finish_reason") or stats.get("finish_reason")
    if not is_whole(reason):
        raise CrawlInterrupted(f"crawl of {url} ended early: {reason or 'no finish reason'}")
    return stats  # the crawl's Scrapy stats, for the caller's timings


def crawl_in_child(store: Store, scan_id: int, url: str, *, kind: str = "county", name: str = "",
                   max_pages: int | None = None, resolve: Sequence[str] = (), strict_resolve: bool = False,
                   obey_robots: bool = True, settings: dict[str, Any] | None = None,
                   subsites: Sequence[tuple[str, str, str]] = (),
                   on_progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """`crawl_portal` in a child process (`python -m crawler.crawl`), returning its stats.

    Twisted's reactor cannot be restarted, so a process can crawl in-process only once; a child
    crawls any number of times from one process (tests, a library user), and the crawl's memory is
    given back before judging starts. The child's log is shown with -v (ZWGK_QUIET unset), else kept
    for the error message. `on_progress` is told the pages stored so far, every couple of seconds."""
    command = [sys.executable, "-m", "crawler.crawl", "--db", store.url, "--scan", str(scan_id), "--url", url,
               "--kind", kind, "--name", name]
    if max_pages:
        command += ["--max-pages", str(max_pages)]
    command += [arg for entry in resolve for arg in ("--resolve", entry)]
    command += [arg for kind_, sub_url, sub_name in subsites for arg in ("--subsite", f"{kind_}|{sub_url}|{sub_name}")]
    if strict_resolve:
        command.append("--strict-resolve")
    if not obey_robots:
        command.append("--ignore-robots")
    with tempfile.TemporaryDirectory(prefix="zwgk-crawl-") as folder:
        stats_file = Path(folder) / "stats.json"
        for setting, value in {**(settings or {}), "ZWGK_STATS_FILE": str(stats_file)}.items():
            command += ["-s", f"{setting}={value}"]
        quiet = bool(os.environ.get("ZWGK_QUIET"))
        with tempfile.TemporaryFile() as log:
            child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stderr=log if quiet else None)
            try:
                status = wait_reporting(child, store, scan_id, on_progress) if on_progress else child.wait()
            except BaseException:  # Ctrl-C or a signal: the child must not outlive us
                child.kill()
                child.wait()
                raise
            log.seek(0)
            last = [line for line in log.read().decode("utf-8", "replace").splitlines() if line.strip()][-1:]
        if status != 0 or not stats_file.exists():
            detail = last[0].strip() if last else f"exit status {status}"
            raise CrawlInterrupted(f"crawl of {url} ended early: {detail}")
        return dict(json.loads(stats_file.read_text(encoding="utf-8")))


def wait_reporting(child: subprocess.Popen[bytes], store: Store, scan_id: int, on_progress: Callable[[int], None],
                   every: float = 2.0) -> int:
    """Wait for the child, telling `on_progress` the scan's stored pages every `every` seconds; its exit status."""
    while True:
        try:
            return child.wait(timeout=every)
        except subprocess.TimeoutExpired:
            on_progress(store.page_total(scan_id))


def parse_set(value: str) -> tuple[str, str]:
    name, sep, setting = value.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"-s 的格式应为 NAME=VALUE：{value!r}")
    return name, setting


def parse_subsite(value: str) -> tuple[str, str, str]:
    """`KIND|URL|NAME` (the name may be empty) -> (kind, url, name)."""
    from crawler.spiders.portal import listed_subsites

    parts = value.split("|", 2)
    if len(parts) < 2:
        raise argparse.ArgumentTypeError(f"--subsite 的格式应为 KIND|URL|NAME：{value!r}")
    try:
        return listed_subsites([(parts[0], parts[1], parts[2] if len(parts) > 2 else "")])[0]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def main(argv: Sequence[str] | None = None) -> int:
    from crawler.resolver import ResolveError

    parser = argparse.ArgumentParser(prog="python -m crawler.crawl", description="crawl one portal into a scan")
    parser.add_argument("--db", required=True)
    parser.add_argument("--scan", type=int, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--kind", default="county", choices=("county", "department", "township"))
    parser.add_argument("--name", default="")
    parser.add_argument("--subsite", type=parse_subsite, action="append", default=[], metavar="KIND|URL|NAME",
                        help="a sub-site the registry lists (department or township); repeatable")
    parser.add_argument("--max-pages", type=int, default=None)
    parser.add_argument("--resolve", action="append", default=[], metavar="HOST:PORT:ADDR")
    parser.add_argument("--strict-resolve", action="store_true")
    parser.add_argument("--ignore-robots", action="store_true")
    parser.add_argument("-s", "--set", type=parse_set, action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    try:
        crawl_portal(Store(args.db), args.scan, args.url, kind=args.kind, name=args.name, max_pages=args.max_pages,
                     resolve=args.resolve, strict_resolve=args.strict_resolve, obey_robots=not args.ignore_robots,
                     settings=dict(args.set), subsites=args.subsite)
    except ResolveError as exc:
        print(f"zwgk: 错误：{exc}", file=sys.stderr)
        return 2
    except CrawlInterrupted as exc:
        print(f"zwgk: 抓取未完成：{exc}", file=sys.stderr)
        return 6
    return 0


if __name__ == "__main__":
    sys.exit(main())

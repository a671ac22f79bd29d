"""One check, end to end: crawl a portal into the store, judge every site, write the report.

`zwgk check` and `zwgk demo` call `check`; `zwgk scan` calls `judge_scan` after its crawls.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from crawler.store import Store, sub_sites_by_portal
from crawler.texts import stored_pages
from rules.engine import form_for, judge_site
from rules.evidence import SiteInfo
from rules.snapshot import SiteSnapshot

log = logging.getLogger(__name__)

# The edition of the rules: `2013` (the seed's forms, under the 2008 Regulation) or `2019`
# (the same rows with the 2019 Regulation's deadlines). Each has a county and a department ruleset.
EDITIONS = ("2013", "2019")
DEFAULT_EDITION = "2013"


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What `zwgk check` was asked to do, validated."""

    url: str
    kind: str = "county"
    as_of: date = field(default_factory=date.today)
    resolve: tuple[str, ...] = ()
    max_pages: int | None = None
    out: Path = Path("zwgk-report")
    name: str = ""
    strict_resolve: bool = False  # every host must be in `resolve` (demo and tests: loopback only)
    obey_robots: bool = True
    edition: str = DEFAULT_EDITION
    on_progress: Callable[[int], None] | None = None  # told the pages crawled so far, while the crawl runs


def load_snapshot(store: Store, scan_id: int, info: SiteInfo) -> SiteSnapshot:
    """A stored site's snapshot; page texts stay in the database and are searched there."""
    pages, texts = stored_pages(store, scan_id, info.key)
    return SiteSnapshot.build(info, pages, store.documents_of(scan_id, info.key), store.dead_links_of(scan_id, info.key),
                              texts)


def families(infos: list[SiteInfo]) -> Iterator[tuple[SiteInfo, list[SiteInfo]]]:
    """Each portal with the sub-sites found from it; a site no portal found stands alone, in scan order."""
    children = sub_sites_by_portal(infos)
    attached = {child.key for kids in children.values() for child in kids}
    for info in infos:
        if info.key not in attached:
            yield info, children.get(info.key, []) if info.role == "portal" else []


def judge_scan(store: Store, scan_id: int, as_of: date) -> None:
    """Judge every site of a scan with the scan's edition of the rules, and store the findings in form order.

    One family (a portal and its sub-sites) is in memory at a time: a nightly scan of hundreds of
    portals needs no more memory than its largest portal."""
    row = store.scan_row(scan_id)
    edition = (row or {}).get("ruleset") or DEFAULT_EDITION

    def judge(snap: SiteSnapshot) -> None:
        form, items = judge_site(snap, as_of, f"{edition}-{form_for(snap.site.kind)}")
        store.save_findings(scan_id, snap.site.key, form, items)

    for head, kids in families(store.sites_of(scan_id)):
        children = [load_snapshot(store, scan_id, kid) for kid in kids]
        for child in children:
            judge(child)
        judge(load_snapshot(store, scan_id, head).with_children(children))


def check(request: CheckRequest, store: Store) -> int:
    """Crawl, judge and report one portal; returns the scan id. The scan is complete only at the end."""
    from crawler.crawl import crawl_in_child
    from crawler.history import scan_with_changes
    from reports import write_report

    request.out.mkdir(parents=True, exist_ok=True)
    scan_id = store.begin_scan(target=request.url, as_of=request.as_of.isoformat(), ruleset=request.edition)
    marks = [time.perf_counter()]  # phase boundaries, for write_timings
    try:
        stats = crawl_in_child(
            store,
            scan_id,
            request.url,
            kind=request.kind,
            name=request.name,
            max_pages=request.max_pages,
            resolve=request.resolve,
            strict_resolve=request.strict_resolve,
            obey_robots=request.obey_robots,
            on_progress=request.on_progress,
        )
        marks.append(time.perf_counter())
        judge_scan(store, scan_id, request.as_of)
        marks.append(time.perf_counter())
        store.complete_scan(scan_id)
    except BaseException as exc:
        store.fail_scan(scan_id, f"{exc.__class__.__name__}: {exc}")
        raise
    write_report(scan_with_changes(store, scan_id), request.out)
    write_timings([*marks, time.perf_counter()], stats)
    return scan_id


def write_timings(marks: list[float], stats: dict | None) -> None:
    """The benchmarks' hook: when $ZWGK_TIMINGS names a file, write the check's phase times there (JSON).

    `crawl` excludes the evidence extraction done inside it (the crawler's `zwgk/evidence/seconds`).
    """
    if not (path := os.environ.get("ZWGK_TIMINGS")):
        return
    stats = stats or {}
    evidence = float(stats.get("zwgk/evidence/seconds", 0.0))
    crawl, rules, report = (end - start for start, end in zip(marks, marks[1:], strict=False))
    Path(path).write_text(json.dumps({
        "crawl": crawl - evidence, "evidence": evidence, "rules": rules, "report": report,
        "bytes": stats.get("downloader/response_bytes", 0), "pages": stats.get("response_received_count", 0),
    }), encoding="utf-8")

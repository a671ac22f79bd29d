"""Record how a crawl ended; for a standalone `scrapy crawl portal`, judge the scan and write its report.

A crawl whose finish reason is not a normal end (finished, a page/time budget) is never marked
complete, so a half scan is never shown as a whole one.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import Any

from scrapy import signals

log = logging.getLogger(__name__)

NORMAL_ENDS = ("finished", "closespider_pagecount", "closespider_timeout", "closespider_itemcount")


def is_whole(reason: str | None) -> bool:
    return bool(reason) and (reason in NORMAL_ENDS or reason.startswith("closespider_"))


class CrawlOutcome:
    """On spider_closed: stats `zwgk/crawl/whole`, the stats file (ZWGK_STATS_FILE), and for a scan the
    spider opened itself (`spider.owns_scan`) the judging, completion and report that `zwgk check` does."""

    def __init__(self, crawler: Any, stats_file: str) -> None:
        self.crawler = crawler
        self.stats_file = stats_file

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlOutcome:
        extension = cls(crawler, crawler.settings.get("ZWGK_STATS_FILE") or "")
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Any, reason: str) -> None:
        whole = is_whole(reason)
        self.crawler.stats.set_value("zwgk/crawl/whole", whole)
        self.crawler.stats.set_value("zwgk/crawl/finish_reason", reason)
        if self.stats_file:
            stats = {k: v if isinstance(v, int | float | str | bool) else str(v)
                     for k, v in self.crawler.stats.get_stats().items()}
            Path(self.stats_file).write_text(json.dumps(stats, ensure_ascii=False, indent=1), encoding="utf-8")
        if getattr(spider, "owns_scan", False):
            self.finish_scan(spider, whole, reason)

    @staticmethod
    def finish_scan(spider: Any, whole: bool, reason: str) -> None:
        store, scan_id = spider.store, spider.scan_id
        if not whole:
            store.fail_scan(scan_id, f"crawl ended early: {reason}")
            log.error("scan %s not complete: crawl ended with %s", scan_id, reason)
            return
        from crawler.run import judge_scan  # rules and reports load only when a scan is judged
        from reports import write_report

        row = store.scan_row(scan_id)
        judge_scan(store, scan_id, date.fromisoformat(row["as_of"]) if row else date.today())
        store.complete_scan(scan_id)
        out = Path(spider.out)
        out.mkdir(parents=True, exist_ok=True)
        write_report(store.scan_result(scan_id), out)
        log.info("scan %s complete; report in %s", scan_id, out.resolve())

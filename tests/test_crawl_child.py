"""A check's crawl runs in a child process: progress while it runs, a clear failure when it dies."""

import subprocess
import sys
from pathlib import Path

import pytest

from crawler.crawl import CrawlInterrupted, crawl_in_child, wait_reporting
from crawler.store import Store


def test_waiting_for_a_crawl_reports_the_pages_stored_so_far_until_the_child_ends(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'z.sqlite'}")
    scan_id = store.begin_scan("http://a.gov.cn/", "2026-11-20")
    seen: list[int] = []
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1.0)"])
    assert wait_reporting(child, store, scan_id, seen.append, every=0.2) == 0
    assert len(seen) >= 2
    assert set(seen) == {0}


def test_a_crawl_child_that_cannot_start_its_crawl_is_an_interrupted_crawl_not_a_complete_one(
        tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'z.sqlite'}")
    scan_id = store.begin_scan("http://a.gov.cn/", "2026-11-20")
    with pytest.raises(CrawlInterrupted, match="ended early"):
        crawl_in_child(store, scan_id, "http://a.gov.cn/", resolve=["a.gov.cn:80:not-an-address"],
                       strict_resolve=True)

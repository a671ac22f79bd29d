"""The benchmark harness runs end to end at a tiny size and writes the JSON issue 7 fixes (not timed)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.request import Request, urlopen

import pytest

from benchmarks.portal import PORTAL_HOST, generate
from benchmarks.server import BenchServer

ROOT = Path(__file__).resolve().parent.parent
FIGURES = {"pages_per_s", "cpu_s_per_page", "peak_rss_mb"}


def test_generated_portal_has_sub_sites_gbk_pages_documents_and_no_broken_internal_links():
    portal = generate(300, port=8080)
    html = [r for site in portal.sites.values() for r in site.values() if r.content_type == "text/html"]
    gbk = [r for r in html if b"charset=gbk" in r.body[:200]]
    assert len(portal.sites) >= 5
    assert 0.3 < len(gbk) / len(html) < 0.7
    assert portal.documents > 0
    assert b"http://jyj.baishi.gov.cn:8080/" in portal.sites[PORTAL_HOST]["/"].body
    for site in portal.sites.values():
        for resource in site.values():
            if resource.content_type == "text/html":
                for path in set(re.findall(rb'href="(/[^"]*)"', resource.body)):
                    assert path.decode() in site


def test_server_answers_a_conditional_request_with_304_and_counts_it():
    with BenchServer(60) as server:
        server.stats(reset=True)
        with urlopen(Request(server.direct_url("/"), headers={"Host": f"jyj.baishi.gov.cn:{server.port}"})) as first:
            etag = first.headers["ETag"]
            assert first.headers["LinkChecker"]
        with pytest.raises(Exception, match="304"):
            urlopen(Request(server.direct_url("/"), headers={"Host": "jyj.baishi.gov.cn", "If-None-Match": etag}))
        counts = server.stats()
    assert counts["ok"] == 1
    assert counts["not_modified"] == 1
    assert counts["pages"] == 2


def test_harness_at_a_tiny_size_writes_the_json_shape_of_issue_7(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--pages", "60", "--skip", "linkchecker,rescan",
         "--capacity-seconds", "1", "--capacity-tool", "aiohttp", "--json", str(out), "--work", str(tmp_path / "w")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) == {"pages", "machine", "contenders", "ratios", "split", "rescan_bytes_ratio",
                        "zwgk_peak_rss_mb_by_phase"}
    phases = doc["zwgk_peak_rss_mb_by_phase"]
    assert set(phases) == {"crawl", "judge_and_report"}
    # The crawl runs in a child of `zwgk check`, so both phases were seen, and the peak is one of them.
    assert phases["crawl"] > 0
    assert phases["judge_and_report"] > 0
    assert doc["contenders"]["zwgk"]["peak_rss_mb"] == max(phases.values())
    assert doc["pages"] == 60
    assert {"cpu", "cores", "memory_gib", "python", "scrapy"} <= set(doc["machine"])
    assert set(doc["contenders"]) == {"server", "scrapy", "zwgk", "linkchecker"}
    assert set(doc["contenders"]["scrapy"]) == FIGURES
    assert doc["contenders"]["scrapy"]["pages_per_s"] > 0
    assert doc["contenders"]["zwgk"] is not None, done.stdout[-2000:]
    assert doc["ratios"]["zwgk_vs_scrapy"] > 0
    assert sum(doc["split"].values()) == pytest.approx(1, abs=0.01)
    assert doc["contenders"]["linkchecker"] is None
    assert set(doc["ratios"]) == {"zwgk_vs_scrapy", "zwgk_vs_linkchecker"}
    assert set(doc["split"]) == {"crawl", "evidence", "rules", "report"}
    assert "targets:" in done.stdout

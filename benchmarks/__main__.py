"""`python -m benchmarks --pages 5000 --json FILE`: serve a generated portal, run every contender on it."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from benchmarks.capacity import measure_capacity
from benchmarks.contenders import Result, run_bare_scrapy, run_linkchecker, run_zwgk
from benchmarks.report import document, table, targets
from benchmarks.server import BenchServer

SKIPPABLE = ("scrapy", "zwgk", "rescan", "linkchecker")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--pages", type=int, default=5000, help="pages of the generated portal (default 5000)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    parser.add_argument("--skip", default="", help=f"comma-separated contenders to leave out: {', '.join(SKIPPABLE)}")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="the JSON of a smaller run (e.g. 5000 pages), for the RSS growth target")
    parser.add_argument("--capacity-seconds", type=float, default=3.0)
    parser.add_argument("--capacity-tool", choices=("auto", "wrk", "aiohttp"), default="auto")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds one contender may run (default 1800)")
    parser.add_argument("--work", type=Path, default=None, help="keep the runs' logs, database and reports here")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a measured target fails")
    args = parser.parse_args(argv)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if unknown := args.skip - set(SKIPPABLE):
        parser.error(f"unknown contender(s) to skip: {', '.join(sorted(unknown))}")
    if args.pages < 30:
        parser.error("--pages must be at least 30")
    return args


def run(args: argparse.Namespace, work: Path) -> tuple[dict, dict[str, Result], Result | None, str]:
    results: dict[str, Result] = {}
    rescan = None
    with BenchServer(args.pages) as server:
        capacity = measure_capacity(server, args.capacity_seconds, args.capacity_tool)
        print(f"server: {capacity.pages_per_s:,.0f} pages/s ({capacity.tool}) — {server.url()}", flush=True)
        results["server"] = Result("server", capacity.served, 0, capacity.served / capacity.pages_per_s,
                                   capacity.cpu_s_per_page * capacity.served, capacity.peak_rss_mb)
        if "scrapy" not in args.skip:
            results["scrapy"] = report_progress(run_bare_scrapy(server, work, args.timeout))
        if "zwgk" not in args.skip:
            max_pages = args.pages * 2  # a budget the crawl never reaches: it crawls what it finds
            results["zwgk"] = report_progress(run_zwgk(server, work, max_pages, timeout=args.timeout))
            if "rescan" not in args.skip and results["zwgk"].ok:
                rescan = report_progress(run_zwgk(server, work, max_pages, "rescan", args.timeout))
        if "linkchecker" not in args.skip:
            results["linkchecker"] = report_progress(run_linkchecker(server, work, args.timeout))
    return document(args.pages, results, rescan), results, rescan, capacity.tool


def report_progress(result: Result) -> Result:
    state = f"failed: {result.error}" if result.error else f"{result.pages} pages in {result.wall_s:.1f} s"
    print(f"{result.name}: {state}", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        doc, results, rescan, tool = run(args, work)
    goals = targets(doc, baseline)
    print()
    print(table(doc, results, rescan, tool, goals))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    failed = any(goal.passed is False for goal in goals) or any(r.error for r in results.values())
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())

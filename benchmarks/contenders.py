"""Each contender run once over the same served portal, counted by the server and measured by psutil."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from benchmarks.linkchecker_run import checked_urls, linkchecker_command
from benchmarks.measure import Measured, run_measured
from benchmarks.portal import AS_OF
from benchmarks.server import BenchServer

PHASES = ("crawl", "evidence", "rules", "report")


@dataclass(frozen=True, slots=True)
class Result:
    """One contender's run: what the server served it, what it cost, and whatever else it reported."""

    name: str
    pages: int  # pages and documents served (200 or 304), counted by the server
    bytes: int  # body bytes served
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    error: str = ""  # why the run failed, if it did
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.wall_s if self.wall_s else 0.0

    @property
    def cpu_s_per_page(self) -> float:
        return self.cpu_s / self.pages if self.pages else 0.0

    @property
    def ok(self) -> bool:
        return not self.error and self.pages > 0


def tail(text: str, lines: int = 1) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])


def measured_run(name: str, server: BenchServer, cmd: list[str], logdir: Path, cwd: Path | None = None,
                 env: dict[str, str] | None = None, timeout: float = 3600) -> tuple[Result, Measured]:
    server.stats(reset=True)
    run = run_measured(cmd, logdir, cwd=cwd, env=env, timeout=timeout)
    served = server.stats(reset=True)
    error = f"exit {run.returncode}: {tail(run.stderr)}" if run.returncode else ""
    if run.timed_out:
        error = f"stopped after {timeout:.0f} s (--timeout)"
    result = Result(name, served.get("pages", 0), served.get("bytes", 0), run.wall_s, run.cpu_s, run.peak_rss_mb,
                    error)
    return result, run


def resolve_flags(server: BenchServer) -> list[str]:
    return [flag for entry in server.resolve_args() for flag in ("--resolve", entry)]


def run_bare_scrapy(server: BenchServer, work: Path, timeout: float = 3600) -> Result:
    stats_file = work / "scrapy" / "stats.json"
    cmd = [sys.executable, "-m", "benchmarks.bare_scrapy", server.url(), *resolve_flags(server),
           "--stats", str(stats_file)]
    result, _ = measured_run("scrapy", server, cmd, work / "scrapy", timeout=timeout)
    if not stats_file.exists():
        return result
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    return replace(result, extra={"responses": stats.get("response_received_count", 0)})


def zwgk_command(server: BenchServer, work: Path, max_pages: int) -> list[str]:
    """`zwgk check` with a throwaway database and report folder; the same ones for the rescan."""
    return [sys.executable, "-m", "crawler.cli", "check", server.url(), *resolve_flags(server),
            "--max-pages", str(max_pages), "--as-of", AS_OF,
            "--db", f"sqlite:///{(work / 'zwgk' / 'zwgk.sqlite').resolve()}", "--out", str(work / "zwgk" / "report")]


def run_zwgk(server: BenchServer, work: Path, max_pages: int, label: str = "first", timeout: float = 3600) -> Result:
    """One `zwgk check`; its phase timings (ZWGK_TIMINGS) go into `extra["timings"]`."""
    timings = work / "zwgk" / f"timings-{label}.json"
    cmd = zwgk_command(server, work, max_pages)
    # The working folder is the same for both scans, so a cache kept relative to it is kept too.
    result, run = measured_run("zwgk", server, cmd, work / "zwgk" / label, cwd=work / "zwgk",
                               env={"ZWGK_TIMINGS": str(timings)}, timeout=timeout)
    # The crawl runs in a child process of `zwgk check`; judging and the report run in the check itself.
    phases = {"crawl": round(run.peak_rss_with_children_mb, 1), "judge_and_report": round(run.peak_rss_alone_mb, 1)}
    if timings.exists():
        return replace(result, extra={"timings": json.loads(timings.read_text(encoding="utf-8")),
                                      "peak_rss_mb_by_phase": phases})
    return result if result.error else replace(result, error="no timings file written (ZWGK_TIMINGS hook)")


def run_linkchecker(server: BenchServer, work: Path, timeout: float = 3600) -> Result:
    """Over 127.0.0.1 directly (linkchecker has no --resolve): the portal host only, no sub-sites."""
    cmd = linkchecker_command(work / "linkchecker", server.direct_url())
    result, run = measured_run("linkchecker", server, cmd, work / "linkchecker", timeout=timeout)
    checked = checked_urls(run.stdout)
    if checked is None:  # it exits 1 when it found broken links; no summary means it did not run
        return replace(result, error=f"no summary in its output: {tail(run.stdout + run.stderr)}")
    return replace(result, error="", extra={"checked": checked})


def split_of(timings: dict[str, float]) -> dict[str, float]:
    """Each phase's share of the check (crawl excludes the evidence time spent inside it)."""
    total = sum(float(timings.get(p, 0.0)) for p in PHASES)
    return {p: round(float(timings.get(p, 0.0)) / total, 4) if total else 0.0 for p in PHASES}

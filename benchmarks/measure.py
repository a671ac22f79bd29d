"""Run one contender as a child process and measure it: wall time, CPU of its process tree, peak RSS."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

POLL_S = 0.1
ROOT = Path(__file__).resolve().parent.parent  # the project: `python -m benchmarks.*` works from any cwd


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **(extra or {})}


@dataclass(frozen=True, slots=True)
class Measured:
    """What one run cost. CPU comes from wait4 (children's children included once reaped); RSS from polling."""

    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    # The peak while the process had children (for zwgk: the crawl, which runs in a child process) and
    # while it ran alone (start-up, judging, the report).
    peak_rss_with_children_mb: float
    peak_rss_alone_mb: float
    returncode: int
    timed_out: bool
    stdout: str
    stderr: str


def tree_rss(root: psutil.Process) -> tuple[int, int]:
    """The RSS of a process and all its descendants, and how many descendants there were."""
    total = 0
    children = root.children(recursive=True)
    for proc in [root, *children]:
        with contextlib.suppress(psutil.Error):  # it ended between listing and reading
            total += proc.memory_info().rss
    return total, len(children)


def run_measured(cmd: list[str], logdir: Path, cwd: Path | None = None, env: dict[str, str] | None = None,
                 timeout: float = 3600) -> Measured:
    """Run `cmd` in `cwd`, polling its process tree's RSS every 100 ms; stdout/stderr go to `logdir`."""
    logdir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = logdir / "stdout.txt", logdir / "stderr.txt"
    peak = {True: 0, False: 0}  # with children, alone
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=child_env(env), cwd=cwd or logdir)
        root = psutil.Process(proc.pid)
        status, usage, timed_out = 0, None, False
        while usage is None:
            with contextlib.suppress(psutil.Error):
                rss, children = tree_rss(root)
                peak[children > 0] = max(peak[children > 0], rss)
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                usage = rusage
            elif time.perf_counter() - start > timeout and not timed_out:
                timed_out = True
                proc.kill()
            else:
                time.sleep(POLL_S)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    return Measured(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=max(peak.values()) / 2**20,  # not wait4's ru_maxrss: after fork+exec it can carry a figure not the child's
        peak_rss_with_children_mb=peak[True] / 2**20,
        peak_rss_alone_mb=peak[False] / 2**20,
        returncode=proc.returncode,
        timed_out=timed_out,
        stdout=out_path.read_text(encoding="utf-8", errors="replace"),
        stderr=err_path.read_text(encoding="utf-8", errors="replace"),
    )

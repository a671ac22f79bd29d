"""The benchmark's outcome: the JSON document, the printed table, and the targets with pass/FAIL."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import psutil

from benchmarks.contenders import PHASES, Result, split_of

CONTENDERS = ("server", "scrapy", "zwgk", "linkchecker")


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    value: str
    passed: bool | None  # None: not measured in this run


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, object]:
    return {
        "cpu": cpu_model(),
        "cores": psutil.cpu_count(logical=True),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "scrapy": version("scrapy"),
        "os": platform.platform(),
    }


def figures(result: Result | None) -> dict[str, float] | None:
    if result is None or not result.ok:
        return None
    return {"pages_per_s": round(result.pages_per_s, 2), "cpu_s_per_page": round(result.cpu_s_per_page, 6),
            "peak_rss_mb": round(result.peak_rss_mb, 1)}


def ratio(a: Result | None, b: Result | None) -> float | None:
    if a is None or b is None or not (a.ok and b.ok) or not b.pages_per_s:
        return None
    return round(a.pages_per_s / b.pages_per_s, 3)


def document(pages: int, results: dict[str, Result], rescan: Result | None) -> dict[str, object]:
    """The JSON of one run, in the shape issue 7 fixes."""
    zwgk = results.get("zwgk")
    timings = zwgk.extra.get("timings") if zwgk and zwgk.ok else None
    first_bytes = zwgk.bytes if zwgk and zwgk.ok else 0
    return {
        "pages": pages,
        "machine": machine(),
        "contenders": {name: figures(results.get(name)) for name in CONTENDERS},
        "ratios": {"zwgk_vs_scrapy": ratio(zwgk, results.get("scrapy")),
                   "zwgk_vs_linkchecker": ratio(zwgk, results.get("linkchecker"))},
        "split": split_of(timings) if isinstance(timings, dict) else dict.fromkeys(PHASES),
        "rescan_bytes_ratio": round(rescan.bytes / first_bytes, 4) if rescan and rescan.ok and first_bytes else None,
        "zwgk_peak_rss_mb_by_phase": zwgk.extra.get("peak_rss_mb_by_phase") if zwgk and zwgk.ok else None,
    }


def targets(doc: dict, baseline: dict | None) -> list[Target]:
    """The four targets of issue 7; the RSS growth needs a smaller run's JSON as `baseline`."""
    ratios, split, zwgk = doc["ratios"], doc["split"], doc["contenders"]["zwgk"]
    out = []
    r = ratios["zwgk_vs_scrapy"]
    out.append(Target("zwgk ≥ 0.8 × bare Scrapy pages/s", f"{r}×" if r is not None else "—",
                      None if r is None else r >= 0.8))
    rss = zwgk["peak_rss_mb"] if zwgk else None
    at_20k = doc["pages"] >= 20000
    out.append(Target("peak RSS ≤ 300 MB at 20,000 pages", f"{rss} MB at {doc['pages']} pages" if rss else "—",
                      None if rss is None or not at_20k else rss <= 300))
    base = ((baseline or {}).get("contenders") or {}).get("zwgk")
    growth = rss / base["peak_rss_mb"] - 1 if rss and base else None
    out.append(Target("peak RSS < 20% above the smaller run",
                      f"{growth:+.0%} vs {baseline['pages']} pages" if growth is not None and baseline else "— (--baseline)",
                      None if growth is None else growth < 0.2))
    share = split["rules"] + split["report"] if split["rules"] is not None else None
    out.append(Target("rules + report ≤ 10% of the check", f"{share:.1%}" if share is not None else "—",
                      None if share is None else share <= 0.10))
    rescan = doc["rescan_bytes_ratio"]
    out.append(Target("unchanged rescan ≤ 10% of the first scan's bytes", f"{rescan:.1%}" if rescan is not None else "—",
                      None if rescan is None else rescan <= 0.10))
    return out


def table(doc: dict, results: dict[str, Result], rescan: Result | None, capacity_tool: str,
          goals: list[Target]) -> str:
    """The printed report: the machine, one line per contender, the split, the targets."""
    m = doc["machine"]
    lines = [f"zwgk benchmark — {doc['pages']} pages — {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, "
             f"Python {m['python']}, Scrapy {m['scrapy']}", "",
             f"{'contender':<13}{'pages':>7}{'wall s':>9}{'pages/s':>10}{'CPU ms/page':>13}{'peak RSS MB':>13}  note"]
    rows = [(name, results.get(name)) for name in CONTENDERS] + [("zwgk rescan", rescan)]
    for name, result in rows:
        if result is None:
            lines.append(f"{name:<13}{'skipped':>7}")
            continue
        note = result.error + (f"; {result.bytes / 2**20:.2f} MiB served" if result.error and name == "zwgk rescan" else "")
        note = note or {"server": f"capacity, {capacity_tool}",
                                "linkchecker": "127.0.0.1 only: the portal host, no sub-sites",
                                "zwgk rescan": f"{result.bytes / 2**20:.2f} MiB served"}.get(name, "")
        if name == "zwgk" and result.ok:
            note = f"{result.bytes / 2**20:.1f} MiB served"
            if phases := doc.get("zwgk_peak_rss_mb_by_phase"):
                note += f"; peak RSS crawling {phases['crawl']} MB, judging {phases['judge_and_report']} MB"
        lines.append(f"{name:<13}{result.pages:>7}{result.wall_s:>9.1f}{result.pages_per_s:>10.1f}"
                     f"{result.cpu_s_per_page * 1000:>13.2f}{result.peak_rss_mb:>13.1f}  {note}")
    ratios = doc["ratios"]
    lines += ["", f"zwgk / bare Scrapy: {ratios['zwgk_vs_scrapy']}   zwgk / linkchecker: {ratios['zwgk_vs_linkchecker']}"]
    zwgk = results.get("zwgk")
    timings = zwgk.extra.get("timings", {}) if zwgk else {}
    if timings:
        lines.append("zwgk check split: " + ", ".join(
            f"{p} {float(timings.get(p, 0)):.1f} s ({doc['split'][p]:.0%})" for p in PHASES))
    lines += ["", "targets:"]
    for goal in goals:
        mark = {True: "pass", False: "FAIL", None: "n/a "}[goal.passed]
        lines.append(f"  [{mark}] {goal.name}: {goal.value}")
    return "\n".join(lines)

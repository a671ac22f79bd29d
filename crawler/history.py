"""What changed for each site since its previous complete scan: rows worse, rows better, new dead links.

Verdicts are compared by how surely the site shows what the row asks for:

    met (是)  >  partial (部分)  >  manual (待人工核查) = unreachable (无法访问)  >  not_met (否)

`manual` and `unreachable` share a rank: both mean "not known from the website", so a row moving
between them is no change. A row that gets a verdict for the first time (a new catalogue row) is
not a change either.
"""

from __future__ import annotations

import dataclasses

from crawler.store import Store
from rules.model import Finding, ScanResult, SiteChanges, SiteResult, Verdict

RANK: dict[Verdict, int] = {
    Verdict.MET: 3,
    Verdict.PARTIAL: 2,
    Verdict.MANUAL: 1,
    Verdict.UNREACHABLE: 1,
    Verdict.NOT_MET: 0,
}


def compare_findings(
    old: tuple[Finding, ...], new: tuple[Finding, ...]
) -> tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...]]:
    """(worse, better): (indicator, old verdict, new verdict) for rows whose rank changed, in form order."""
    before = {f.indicator: f.verdict for f in old}
    worse, better = [], []
    for finding in new:
        previous = before.get(finding.indicator)
        if previous is None or RANK[previous] == RANK[finding.verdict]:
            continue
        change = (finding.indicator, previous.value, finding.verdict.value)
        (worse if RANK[finding.verdict] < RANK[previous] else better).append(change)
    return tuple(worse), tuple(better)


def site_changes(previous_scan: int, old: SiteResult, new: SiteResult) -> SiteChanges:
    """The change of one site between two of its scans."""
    worse, better = compare_findings(old.findings, new.findings)
    known_dead = {url for url, _from, _reason in old.dead_links}
    new_dead = tuple(dict.fromkeys(url for url, _from, _reason in new.dead_links if url not in known_dead))
    return SiteChanges(previous_scan=previous_scan, worse=worse, better=better, new_dead_links=new_dead)


def scan_with_changes(store: Store, scan_id: int) -> ScanResult:
    """The store's scan result with `changes` filled for every site that has a previous complete scan."""
    result = store.scan_result(scan_id)
    earlier: dict[int, dict[str, SiteResult]] = {}
    changes: dict[str, SiteChanges] = {}
    for site in result.sites:
        previous = store.previous_complete_scan_of_site(scan_id, site.url)
        if previous is None:
            continue
        if previous not in earlier:
            earlier[previous] = {s.url: s for s in store.scan_result(previous).sites}
        old = earlier[previous].get(site.url)
        if old is not None:
            changes[site.url] = site_changes(previous, old, site)
    return dataclasses.replace(result, changes=changes)


__all__ = ["RANK", "compare_findings", "scan_with_changes", "site_changes"]

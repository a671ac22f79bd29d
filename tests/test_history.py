"""History: each site's change since its previous complete scan, read from a real SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.history import RANK, compare_findings, scan_with_changes
from crawler.store import Store
from rules.evidence import DeadLink, SiteInfo
from rules.model import Finding, Verdict

PORTAL = "http://www.yunxi.gov.cn/"
BUREAU = "http://jyj.yunxi.gov.cn/"


def finding(indicator: str, verdict: Verdict) -> Finding:
    return Finding(indicator=indicator, group="组", question="问", verdict=verdict, summary=verdict.value)


def record_scan(store: Store, verdicts: dict[str, dict[str, Verdict]], dead: dict[str, list[str]] | None = None,
                complete: bool = True) -> int:
    scan_id = store.begin_scan(target="sites.yaml", as_of="2026-11-20")
    for url, rows in verdicts.items():
        store.save_site(scan_id, SiteInfo(key=url, url=url, name=url, role="portal", kind="county"))
        store.save_findings(scan_id, url, "county", [finding(i, v) for i, v in rows.items()])
        store.add_dead_links(scan_id, [DeadLink(site=url, url=d, from_url=url, status=404, reason="HTTP 404")
                                       for d in (dead or {}).get(url, [])])
    if complete:
        store.complete_scan(scan_id)
    return scan_id


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'zwgk.sqlite'}")


M, P, N, Q, U = Verdict.MET, Verdict.PARTIAL, Verdict.NOT_MET, Verdict.MANUAL, Verdict.UNREACHABLE


def test_verdicts_rank_met_over_partial_over_unknown_over_not_met() -> None:
    assert RANK[M] > RANK[P] > RANK[Q] == RANK[U] > RANK[N]


@pytest.mark.parametrize(("old", "new", "worse", "better"), [
    (M, P, [("C08", "met", "partial")], []),
    (P, M, [], [("C08", "partial", "met")]),
    (M, U, [("C08", "met", "unreachable")], []),
    (N, Q, [], [("C08", "not_met", "manual")]),
    (Q, U, [], []),
    (N, N, [], []),
])
def test_a_row_is_worse_or_better_by_rank_and_unchanged_within_one_rank(old: Verdict, new: Verdict,
                                                                       worse: list, better: list) -> None:
    got_worse, got_better = compare_findings((finding("C08", old),), (finding("C08", new),))

    assert list(got_worse) == worse
    assert list(got_better) == better


def test_a_first_scan_has_no_changes(store: Store) -> None:
    scan_id = record_scan(store, {PORTAL: {"C07": M}})

    assert scan_with_changes(store, scan_id).changes == {}


def test_changes_name_rows_worse_rows_better_and_new_dead_links_against_the_previous_complete_scan(
        store: Store) -> None:
    first = record_scan(store, {PORTAL: {"C07": M, "C08": M, "C12": P, "C13": N}},
                        dead={PORTAL: ["http://sfj.yunxi.gov.cn/"]})
    second = record_scan(store, {PORTAL: {"C07": M, "C08": P, "C12": P, "C13": M}},
                         dead={PORTAL: ["http://sfj.yunxi.gov.cn/", "http://www.yunxi.gov.cn/old.html"]})

    changes = scan_with_changes(store, second).changes[PORTAL]

    assert changes.previous_scan == first
    assert changes.worse == (("C08", "met", "partial"),)
    assert changes.better == (("C13", "not_met", "met"),)
    assert changes.new_dead_links == ("http://www.yunxi.gov.cn/old.html",)


def test_an_incomplete_scan_in_between_is_skipped_and_a_site_is_compared_with_its_own_last_scan(
        store: Store) -> None:
    first = record_scan(store, {PORTAL: {"C08": M}, BUREAU: {"D06": M}})
    record_scan(store, {PORTAL: {"C08": N}}, complete=False)  # killed half way
    only_portal = record_scan(store, {PORTAL: {"C08": M}})
    latest = record_scan(store, {PORTAL: {"C08": M}, BUREAU: {"D06": P}})

    changes = scan_with_changes(store, latest).changes

    assert changes[PORTAL].previous_scan == only_portal
    assert changes[PORTAL].worse == changes[PORTAL].better == ()
    assert changes[BUREAU].previous_scan == first
    assert changes[BUREAU].worse == (("D06", "met", "partial"),)


def test_changes_keep_the_rest_of_the_scan_result_unchanged(store: Store) -> None:
    record_scan(store, {PORTAL: {"C08": M}})
    second = record_scan(store, {PORTAL: {"C08": N}})

    result = scan_with_changes(store, second)

    assert result.id == second
    assert result.complete
    assert [f.verdict for f in result.sites[0].findings] == [N]

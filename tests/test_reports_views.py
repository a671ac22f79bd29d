"""Presentation decisions of reports/views.py: labels, badges, order, counts, share met, safe links, slugs."""

from __future__ import annotations

import pytest
from report_samples import HOSTILE_URL, JYJ, PORTAL, SFJ, STHJJ, sample_scan

from reports.views import (
    group_runs,
    link_view,
    moment,
    safe_href,
    scan_view,
    slugify,
    unique_slugs,
    verdict_counts,
)
from rules.model import VERDICT_LABELS, Verdict


@pytest.mark.parametrize("url", [
    "http://www.yunxi.gov.cn/a.html",
    "https://www.yunxi.gov.cn/",
    "HTTPS://WWW.YUNXI.GOV.CN/x?y=1#z",
])
def test_http_and_https_urls_become_links(url: str) -> None:
    assert safe_href(url) == url


@pytest.mark.parametrize("url", [
    HOSTILE_URL,
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "/relative/path.html",
    "http:///no-host",
    "http://[::1",
    "mailto:gk@yunxi.gov.cn",
])
def test_anything_but_an_absolute_http_url_is_shown_as_text_never_as_href(url: str) -> None:
    view = link_view(url, "点我")
    assert view.href is None
    assert view.url == url


def test_link_without_text_shows_its_url() -> None:
    assert link_view("http://a.gov.cn/", "  ").text == "http://a.gov.cn/"


@pytest.mark.parametrize(("url", "slug"), [
    ("http://www.yunxi.gov.cn/", "www-yunxi-gov-cn"),
    ("http://www.yunxi.gov.cn:8080/bm/sthjj/", "www-yunxi-gov-cn-bm-sthjj"),
    ("https://czj.yunxi.gov.cn/index.html", "czj-yunxi-gov-cn-index-html"),
    ("http://云溪.政务.cn/", "xn-9kq759e-xn-zfr164b-cn"),
    ("not a url at all ../../etc", "not-a-url-at-all-etc"),
    ("", "site"),
])
def test_slugs_are_safe_ascii_from_host_and_path(url: str, slug: str) -> None:
    assert slugify(url) == slug


def test_slugs_stay_unique_when_two_sites_share_host_and_path() -> None:
    slugs = unique_slugs(["http://a.gov.cn/x/", "https://a.gov.cn/x", "http://a.gov.cn:81/x"])
    assert slugs == ["a-gov-cn-x", "a-gov-cn-x-2", "a-gov-cn-x-3"]


def test_verdict_counts_come_in_reading_order_with_chinese_labels() -> None:
    counts = verdict_counts(["not_met", "met", "not_met", "manual"])
    assert [(c.label, c.count) for c in counts] == [("是", 1), ("部分", 0), ("否", 2), ("待人工核查", 1),
                                                     ("无法访问", 0)]
    assert [c.label for c in counts] == [VERDICT_LABELS[v] for v in Verdict]


def test_each_verdict_has_its_own_badge_class() -> None:
    badges = {c.badge for c in verdict_counts([])}
    assert len(badges) == len(Verdict)
    assert "badge badge-not-met" in badges


def test_portal_comes_first_then_departments_in_scan_order() -> None:
    view = scan_view(sample_scan(), "1.0")
    assert [s.link.url for s in view.sites] == [PORTAL, JYJ, STHJJ, SFJ]
    assert [s.role_label for s in view.sites] == ["门户", "部门", "部门", "部门"]


def test_share_met_counts_only_checkable_rows_and_none_for_an_unreachable_site() -> None:
    view = scan_view(sample_scan(), "1.0")
    portal, sfj = view.sites[0], view.sites[-1]
    checkable = [f for f in portal.findings if f.checkable]
    assert portal.checkable == len(checkable) < len(portal.findings)
    assert portal.checkable_met == sum(f.verdict == "met" for f in checkable)
    assert portal.share_text == f"{round(100 * portal.checkable_met / portal.checkable)}%"
    assert sfj.share is None
    assert sfj.share_text == "—"


def test_findings_keep_form_order_and_consecutive_rows_of_a_group_share_one_cell() -> None:
    portal = scan_view(sample_scan(), "1.0").sites[0]
    assert [f.indicator for g in portal.groups for f in g.findings] == [f"C{i:02}" for i in range(1, 36)]
    assert [g.name for g in portal.groups][:3] == ["组织领导", "政府信息公开", "公共企事业单位办事公开"]
    assert len(group_runs(portal.findings)) == len(portal.groups)


def test_hostile_evidence_keeps_its_text_and_loses_its_link() -> None:
    first = scan_view(sample_scan(), "1.0").sites[0].findings[0]
    assert [e.href is None for e in first.evidence][:3] == [True, True, False]
    assert first.first_link is not None
    assert first.first_link.href is not None
    assert first.first_link.href.startswith("http://")


def test_form_cell_is_the_label_then_a_short_reason() -> None:
    findings = scan_view(sample_scan(), "1.0").sites[0].findings
    not_met = next(f for f in findings if f.verdict == "not_met")
    assert not_met.form_cell.split("\n") == ["否", not_met.summary]
    long = scan_view(sample_scan(), "1.0").sites[0].findings[3]  # a manual row with a long ask-for text
    assert len(long.form_reason) <= 60


def test_changes_are_attached_by_site_url_and_summarised_in_chinese() -> None:
    view = scan_view(sample_scan(), "1.0")
    portal, jyj, sthjj = view.sites[0], view.sites[1], view.sites[2]
    assert portal.changes is not None
    assert portal.changes.summary == "变差 1 · 变好 1 · 新增死链 1"
    assert [(c.indicator, c.before, c.after) for c in portal.changes.worse] == [("C13", "是", "否")]
    assert jyj.changes is not None
    assert jyj.changes.summary == "无变化"
    assert sthjj.changes is None


def test_subsites_link_to_their_own_page_in_the_report() -> None:
    portal = scan_view(sample_scan(), "1.0").sites[0]
    assert [s.page for s in portal.subsites] == ["jyj-yunxi-gov-cn", "www-yunxi-gov-cn-bm-sthjj", "sfj-yunxi-gov-cn"]


@pytest.mark.parametrize(("complete", "label"), [(True, "完整"), (False, "不完整")])
def test_scan_is_labelled_complete_or_not(complete: bool, label: str) -> None:
    assert scan_view(sample_scan(complete=complete), "1.0").complete_label == label


@pytest.mark.parametrize(("value", "shown"), [
    ("2026-11-20T02:00:00+08:00", "2026-11-20 02:00:00"),
    ("2026-11-20 02:00", "2026-11-20 02:00"),
    ("", ""),
    ("yesterday", "yesterday"),
])
def test_moments_are_shown_without_iso_noise(value: str, shown: str) -> None:
    assert moment(value) == shown

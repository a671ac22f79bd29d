"""C01–C04, D01–D03: organisation shown by documents on the site, else left to a person."""

from __future__ import annotations

import pytest
from rule_snapshots import HOME, ctx, entry, home, page, snapshot

from rules.model import Verdict
from rules.organisation import comprehensive_assessment, leading_group, regular_meetings, work_points

NEWS = HOME + "tzgg/"


def news_site(*items, kind="county"):
    role = "portal" if kind == "county" else kind
    return snapshot([home(), page(NEWS, "通知公告", entries=[entry(t, f"{NEWS}{i}.html", d) for i, (t, d) in
                                                           enumerate(items)])], kind=kind, role=role)


def test_a_leading_group_notice_of_any_year_is_met():
    site = news_site(("关于调整县政务公开政务服务工作领导小组成员的通知", "2019-05-06"))
    outcome = leading_group(site, ctx())
    assert outcome.verdict is Verdict.MET
    assert outcome.evidence[0].url == NEWS + "0.html"


def test_a_leading_group_of_another_subject_does_not_count():
    site = news_site(("关于成立县防汛抗旱领导小组的通知", "2026-05-06"))
    assert leading_group(site, ctx()).verdict is Verdict.MANUAL


@pytest.mark.parametrize(("title", "day", "verdict"), [
    ("县政府办公室关于印发2026年政务公开工作要点的通知", "2026-03-02", Verdict.MET),
    ("县政府办公室关于印发2024年政务公开工作要点的通知", "2024-03-02", Verdict.PARTIAL),
])
def test_work_points_must_be_recent(title, day, verdict):
    assert work_points(news_site((title, day)), ctx()).verdict is verdict


def test_an_assessment_scheme_found_by_its_page_title_is_met():
    site = snapshot([home(), page(HOME + "kh.html", "2026年度政务公开政务服务工作综合考核办法", published="2026-04-01")])
    assert comprehensive_assessment(site, ctx()).verdict is Verdict.MET


@pytest.mark.parametrize(("days", "verdict"), [(("2026-03-01", "2026-09-01"), Verdict.MET),
                                               (("2026-03-01",), Verdict.PARTIAL),
                                               (("2024-03-01", "2024-09-01"), Verdict.PARTIAL),
                                               ((), Verdict.MANUAL)])
def test_meetings_count_as_regular_from_two_a_year(days, verdict):
    site = news_site(*[(f"县政府召开政务公开工作推进会（{d}）", d) for d in days], kind="department")
    assert regular_meetings(site, ctx("department")).verdict is verdict

"""C13 and D10: last year's annual report found by its own title or text, dated against the ruleset's deadline."""

from __future__ import annotations

import pytest
from rule_snapshots import HOME, ctx, dead, doc, entry, home, link, page, snapshot

from rules.annual_report import annual_report_on_time, application_replies
from rules.model import Verdict

REPORTS = HOME + "xxgk/nb/"


def report_site(year: int, published: str | None, *, url: str = HOME, kind: str = "county", role: str = "portal",
                name: str = "示例县人民政府", children=()):
    """A site whose 年报 column lists its report with a link text that has no year."""
    return snapshot(report_pages(year, published, url=url, name=name), url=url, kind=kind, role=role, name=name,
                    children=children)


def report_pages(year: int, published: str | None, *, url: str = HOME, name: str = "示例县人民政府"):
    """The home page, the 年报 column and the report of `report_site` (a snapshot keeps pages without text)."""
    report = f"{url}xxgk/nb/{year}.html"
    return [
        home(link("政府信息公开年报", f"{url}xxgk/nb/", place="nav"), url=url),
        page(f"{url}xxgk/nb/", "政府信息公开年报", entries=[entry("政府信息公开工作年度报告", report, published)], site=url),
        page(report, f"{name}{year}年政府信息公开工作年度报告", published=published,
             text="一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况", site=url),
    ]


@pytest.mark.parametrize(("published", "verdict"), [
    ("2026-03-30", Verdict.MET),  # the day before the deadline
    ("2026-03-31", Verdict.MET),  # the day of the deadline
    ("2026-04-01", Verdict.PARTIAL),  # the day after: late
])
def test_last_years_report_is_judged_against_the_31_march_deadline(published, verdict):
    outcome = annual_report_on_time(report_site(2025, published), ctx(as_of="2026-11-20"))
    assert outcome.verdict is verdict
    assert outcome.evidence[0].url == HOME + "xxgk/nb/2025.html"
    assert published in outcome.summary


@pytest.mark.parametrize("as_of", ["2026-03-30", "2026-03-31"])
def test_before_the_deadline_a_missing_report_is_not_yet_due_and_the_last_due_one_is_judged(as_of):
    outcome = annual_report_on_time(report_site(2024, "2025-03-20"), ctx(as_of=as_of))
    assert outcome.verdict is Verdict.MET
    assert "2024年度报告" in outcome.summary
    assert "2025年度报告截止 2026-03-31 前尚未发布" in outcome.summary


def test_the_day_after_the_deadline_a_missing_report_is_not_met_and_says_what_was_searched():
    outcome = annual_report_on_time(report_site(2024, "2025-03-20"), ctx(as_of="2026-04-01"))
    assert outcome.verdict is Verdict.NOT_MET
    assert "2025年" in outcome.searched
    assert "2026-03-31" in outcome.advice


@pytest.mark.parametrize(("as_of", "judged_year"), [("2025-12-31", 2024), ("2026-01-01", 2024), ("2027-01-01", 2025)])
def test_at_the_turn_of_the_year_the_report_that_was_last_due_is_judged(as_of, judged_year):
    site = snapshot([*report_pages(2024, "2025-03-20"), *report_pages(2025, "2026-03-10")[2:]])
    outcome = annual_report_on_time(site, ctx(as_of=as_of))
    assert outcome.verdict is Verdict.MET
    assert f"{judged_year}年度报告" in outcome.summary


def test_the_report_is_found_by_the_year_inside_the_document_when_neither_link_nor_title_has_one():
    site = snapshot([home(link("年度报告", HOME + "nb.pdf"))],
                    [doc(HOME + "nb.pdf", title="", link_text="年度报告", published="2026-02-01",
                         text="示例县人民政府2025年政府信息公开工作年度报告\n一、总体情况")])
    outcome = annual_report_on_time(site, ctx())
    assert outcome.verdict is Verdict.MET
    assert outcome.evidence[0].url == HOME + "nb.pdf"


def test_a_report_of_another_year_does_not_count_for_last_year():
    outcome = annual_report_on_time(report_site(2023, "2024-03-01"), ctx(as_of="2026-11-20"))
    assert outcome.verdict is Verdict.NOT_MET


def test_a_link_text_naming_the_year_alone_is_partial_not_met():
    site = snapshot([home(link("2025年政府信息公开年报", HOME + "nb2025.html"))])
    outcome = annual_report_on_time(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "链接文字" in outcome.summary


def test_an_undated_report_is_partial():
    outcome = annual_report_on_time(report_site(2025, None), ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "未注明发布日期" in outcome.summary


def department(name: str, host: str, published: str | None):
    url = f"http://{host}/"
    if published is None:
        return snapshot([home(url=url)], url=url, kind="department", role="department", name=name)
    return report_site(2025, published, url=url, kind="department", role="department", name=name)


def test_late_and_missing_department_reports_are_listed_while_the_governments_own_report_decides():
    children = [department("县教育局", "jyj.example.gov.cn", "2026-03-01"),
                department("县财政局", "czj.example.gov.cn", "2026-05-06"),
                department("县卫健委", "wjw.example.gov.cn", None)]
    outcome = annual_report_on_time(report_site(2025, "2026-03-20", children=children), ctx())
    assert outcome.verdict is Verdict.MET
    assert "县财政局2025年度报告于 2026-05-06 发布，晚于截止日 2026-03-31" in outcome.summary
    assert "县卫健委未找到2025年度报告" in outcome.summary
    assert "县教育局" not in outcome.summary
    assert "县财政局" in outcome.advice
    assert "县卫健委" in outcome.advice


@pytest.mark.parametrize(("ruleset", "late"), [("2013-county", False), ("2019-county", True)])
def test_under_the_2019_ruleset_a_department_report_after_31_january_is_late(ruleset, late):
    children = [department("县教育局", "jyj.example.gov.cn", "2026-02-15")]
    outcome = annual_report_on_time(report_site(2025, "2026-03-20", children=children), ctx(ruleset=ruleset))
    assert ("县教育局2025年度报告于 2026-02-15 发布，晚于截止日 2026-01-31" in outcome.summary) is late


def test_a_department_sites_own_report_uses_the_department_deadline_of_the_2019_ruleset():
    site = report_site(2025, "2026-02-15", kind="department", role="department", name="县教育局")
    assert annual_report_on_time(site, ctx("department", ruleset="2019-department")).verdict is Verdict.PARTIAL
    assert annual_report_on_time(site, ctx("department")).verdict is Verdict.MET


def department_with_report(*links, dead_links=()):
    return snapshot([*report_pages(2025, "2026-03-20")[1:], home(*links)], [], dead_links, kind="department", role="department")


def test_replies_are_met_with_a_working_online_form_and_the_reports_table():
    site = department_with_report(link("在线申请", HOME + "ysqgk/zxsq.html"))
    outcome = application_replies(site, ctx("department"))
    assert outcome.verdict is Verdict.MET
    assert {p.url for p in outcome.evidence} == {HOME + "ysqgk/zxsq.html", HOME + "xxgk/nb/2025.html"}


def test_replies_are_partial_when_the_online_form_is_dead():
    site = department_with_report(link("在线申请", HOME + "ysqgk/zxsq.html"), dead_links=[dead(HOME + "ysqgk/zxsq.html")])
    outcome = application_replies(site, ctx("department"))
    assert outcome.verdict is Verdict.PARTIAL
    assert "在线申请渠道" in outcome.summary


def test_replies_are_partial_with_a_letters_only_application_page_and_no_report():
    site = snapshot([home(link("依申请公开", HOME + "ysqgk/")), page(HOME + "ysqgk/", "依申请公开", text="信函申请、当面申请")],
                    kind="department", role="department")
    outcome = application_replies(site, ctx("department"))
    assert outcome.verdict is Verdict.PARTIAL
    assert "2025年度报告中的申请处理情况" in outcome.summary


def test_replies_are_manual_when_the_site_shows_neither():
    site = snapshot([home()], kind="department", role="department")
    assert application_replies(site, ctx("department")).verdict is Verdict.MANUAL

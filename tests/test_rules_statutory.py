"""C10/D07, C11, C12: each statutory category or key area found, counted, dated; stale ones named."""

from __future__ import annotations

import pytest
from rule_snapshots import HOME, ctx, dead, entry, home, link, page, snapshot

from rules.model import Verdict
from rules.statutory import key_areas, statutory_content, terms_of, township_disclosure


def columns_site(terms, newest: str = "2026-10-01", *, skip: tuple[str, ...] = (), stale: tuple[str, ...] = (),
                 url: str = HOME, **kw):
    """A site with one column per term (labelled with its first synonym), each listing two items."""
    links, pages = [], []
    for i, term in enumerate(terms):
        if term.name in skip:
            continue
        col = f"{url}c{i}/"
        links.append(link(term.labels[0], col, place="side"))
        day = "2024-01-05" if term.name in stale else newest
        pages.append(page(col, f"{term.labels[0]}_示例", site=url,
                          entries=[entry("一条信息", f"{col}1.html", day), entry("另一条", f"{col}2.html", "2023-05-01")]))
    return snapshot([home(*links, url=url), *pages], url=url, **kw)


def county_terms():
    return terms_of(ctx(), "statutory")


def test_every_statutory_category_with_recent_items_is_met():
    outcome = statutory_content(columns_site(county_terms()), ctx())
    assert outcome.verdict is Verdict.MET
    assert len(outcome.evidence) == len(county_terms())
    assert outcome.evidence[0].date == "2026-10-01"
    assert "2 条" in outcome.evidence[0].text


def test_missing_and_stale_categories_are_partial_and_named():
    site = columns_site(county_terms(), skip=("统计信息",), stale=("政府集中采购",))
    outcome = statutory_content(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "未找到：统计信息" in outcome.summary
    assert "长期未更新：政府集中采购" in outcome.summary
    assert "365 天" in outcome.advice


@pytest.mark.parametrize(("as_of", "verdict"), [("2027-09-30", Verdict.MET), ("2027-10-01", Verdict.MET),
                                                ("2027-10-02", Verdict.PARTIAL)])
def test_a_category_turns_stale_the_day_after_the_threshold(as_of, verdict):
    outcome = statutory_content(columns_site(county_terms(), newest="2026-10-01"), ctx(as_of=as_of))
    assert outcome.verdict is verdict


def test_a_column_without_items_is_named_empty():
    terms = county_terms()
    site = columns_site(terms)
    first = terms[0]
    emptied = [p if first.labels[0] not in p.title else page(p.url, p.title) for p in site.pages]
    outcome = statutory_content(snapshot(emptied), ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert f"栏目无内容：{first.name}" in outcome.summary


def without_column_page(site, term, dead_links=()):
    """The site with the term's column page gone from the crawl: still linked, its page never read."""
    kept = [p for p in site.pages if term.labels[0] not in p.title]
    info = site.site
    return snapshot(kept, dead_links=dead_links, url=info.url, kind=info.kind, role=info.role, name=info.name)


def test_a_column_whose_link_is_dead_is_named_with_the_reason_not_called_empty():
    terms = county_terms()
    first = terms[0]
    site = columns_site(terms)
    column_url = next(ln.url for ln in site.home.links if ln.text == first.labels[0])
    outcome = statutory_content(without_column_page(site, first, [dead(column_url, "连接超时")]), ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert f"栏目链接无法打开：{first.name}（连接超时）" in outcome.summary
    assert "栏目无内容" not in outcome.summary
    assert f"修复无法打开的栏目链接：{first.name}（连接超时）" in outcome.advice


def test_a_column_linked_but_not_crawled_is_not_judged_against_the_site():
    terms = county_terms()
    first = terms[0]
    outcome = statutory_content(without_column_page(columns_site(terms), first), ctx())
    assert outcome.verdict is Verdict.MANUAL  # every other category is fine: nothing is known against the site
    assert f"栏目页面未抓取，内容需人工核查：{first.name}" in outcome.summary
    assert first.name in outcome.advice


def test_a_column_not_crawled_beside_a_missing_one_is_partial_and_both_are_named():
    terms = county_terms()
    site = without_column_page(columns_site(terms, skip=(terms[1].name,)), terms[0])
    outcome = statutory_content(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert f"未找到：{terms[1].name}" in outcome.summary
    assert f"人工核查未抓取的栏目：{terms[0].name}" in outcome.advice


def test_no_category_anywhere_is_not_met_with_the_categories_searched():
    outcome = statutory_content(snapshot([home(link("首页", HOME))]), ctx())
    assert outcome.verdict is Verdict.NOT_MET
    assert "规范性文件" in outcome.searched


def test_a_department_is_judged_on_article_10_only():
    dept_terms = terms_of(ctx("department"), "statutory")
    assert "征地拆迁" not in {t.name for t in dept_terms}
    site = columns_site(dept_terms, kind="department", role="department")
    assert statutory_content(site, ctx("department")).verdict is Verdict.MET


def test_key_areas_with_recent_items_are_met_and_missing_ones_partial():
    areas = ctx().vocab.terms("key_areas")
    assert key_areas(columns_site(areas), ctx()).verdict is Verdict.MET
    outcome = key_areas(columns_site(areas, skip=("征地拆迁",)), ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "征地拆迁" in outcome.summary


def test_no_key_area_is_not_met():
    assert key_areas(snapshot(), ctx()).verdict is Verdict.NOT_MET


def township(name: str, host: str, **kw):
    url = f"http://{host}/"
    return columns_site(terms_of(ctx(), "statutory_township"), url=url, kind="township", role="township",
                        name=name, **kw)


def test_townships_showing_every_article_12_category_are_met():
    site = snapshot(children=[township("城关镇", "cgz.example.gov.cn"), township("河西乡", "hxx.example.gov.cn")])
    outcome = township_disclosure(site, ctx())
    assert outcome.verdict is Verdict.MET
    assert "城关镇" in outcome.summary


def test_a_township_lacking_categories_or_unreachable_is_partial_and_named():
    gone = snapshot(url="http://hxx.example.gov.cn/", kind="township", role="township", name="河西乡",
                    status="unreachable", reason="连接超时")
    site = snapshot(children=[township("城关镇", "cgz.example.gov.cn", skip=("计划生育",)), gone])
    outcome = township_disclosure(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "未找到：计划生育" in outcome.summary
    assert "河西乡：无法访问（连接超时）" in outcome.summary


def test_townships_whose_only_gap_is_a_column_not_crawled_are_left_to_a_person():
    first = terms_of(ctx(), "statutory_township")[0]
    unread = without_column_page(township("河西乡", "hxx.example.gov.cn"), first)
    site = snapshot(children=[township("城关镇", "cgz.example.gov.cn"), unread])
    outcome = township_disclosure(site, ctx())
    assert outcome.verdict is Verdict.MANUAL
    assert "河西乡：" in outcome.summary
    assert f"栏目页面未抓取，内容需人工核查：{first.name}" in outcome.summary


def test_no_township_site_or_column_is_not_met():
    outcome = township_disclosure(snapshot(), ctx())
    assert outcome.verdict is Verdict.NOT_MET
    assert "乡镇" in outcome.searched


def test_a_township_sites_own_categories_are_judged_on_its_own_site():
    site = township("城关镇", "cgz.example.gov.cn", skip=("乡镇集体企业",))
    outcome = township_disclosure(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "乡镇集体企业" in outcome.summary


def test_a_department_need_not_show_categories_outside_its_duties_but_those_it_shows_must_be_current():
    dept = ctx("department")
    terms = terms_of(dept, "statutory")
    core = tuple(t for t in terms if t.name in ("规范性文件", "财政预决算"))
    assert statutory_content(columns_site(core, kind="department", role="department"), dept).verdict is Verdict.MET
    with_stale = tuple(t for t in terms if t.name in ("规范性文件", "财政预决算", "统计信息"))
    site = columns_site(with_stale, stale=("统计信息",), kind="department", role="department")
    outcome = statutory_content(site, dept)
    assert outcome.verdict is Verdict.PARTIAL
    assert "长期未更新：统计信息" in outcome.summary
    assert "行政许可" not in outcome.summary


def test_a_department_without_its_budget_column_is_partial():
    dept = ctx("department")
    policy = tuple(t for t in terms_of(dept, "statutory") if t.name == "规范性文件")
    outcome = statutory_content(columns_site(policy, kind="department", role="department"), dept)
    assert outcome.verdict is Verdict.PARTIAL
    assert "未找到：财政预决算" in outcome.summary


def test_a_township_site_answers_the_statutory_row_with_its_article_12_categories():
    outcome = statutory_content(township("城关镇", "cgz.example.gov.cn"), ctx())
    assert outcome.verdict is Verdict.MET
    assert len(outcome.evidence) == len(terms_of(ctx(), "statutory_township"))

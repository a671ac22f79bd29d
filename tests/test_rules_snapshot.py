"""SiteSnapshot indexes a site's evidence once; finding a column prefers the clearest showing of it."""

from __future__ import annotations

from rule_snapshots import HOME, ctx, entry, home, link, nav, page, snapshot

from rules.evidence import Link, PageEvidence
from rules.find import find_column, names_year


def test_a_page_is_found_by_its_requested_or_final_url_with_or_without_the_trailing_slash():
    moved = PageEvidence(site=HOME, url=HOME + "xxgk/", final_url=HOME + "zfxxgk/", status=200, title="政府信息公开")
    site = snapshot([home(), moved])
    assert site.page(HOME + "xxgk/") is moved
    assert site.page(HOME + "zfxxgk") is moved
    assert site.page(HOME + "nowhere/") is None


def test_pages_that_did_not_answer_200_are_not_evidence():
    site = snapshot([home(), page(HOME + "gone/", "已删除", status=404)])
    assert site.page(HOME + "gone/") is None
    assert [p.url for p in site.ok_pages()] == [HOME]


def test_nav_links_are_the_home_pages_header_and_nav_links_only():
    site = snapshot([home(nav("政务公开", HOME + "zwgk/"), link("政务公开工作动态", HOME + "a.html"),
                          link("互动交流", HOME + "hdjl/", place="footer"), link("首页", HOME, place="header"))])
    assert [ln.text for ln in site.nav_links()] == ["政务公开", "首页"]


def test_children_are_attached_without_changing_the_site_and_filtered_by_kind():
    child = snapshot(url="http://jyj.example.gov.cn/", kind="department", role="department")
    site = snapshot([home()])
    joined = site.with_children([child])
    assert site.children == ()
    assert joined.children_of_kind("department") == (child,)
    assert joined.children_of_kind("township") == ()


def test_an_article_in_a_dated_list_is_not_taken_for_a_column():
    term = ctx().vocab.term("statutory-2008-art10", "政府集中采购")
    article = HOME + "a/1.html"
    site = snapshot([home(link("县一中教学设备政府采购中标公告", article),
                          entries=[entry("县一中教学设备政府采购中标公告", article, "2026-08-01")]),
                     page(article, "县一中教学设备政府采购中标公告")])
    assert find_column(site, term) is None


def test_a_column_labelled_with_an_earlier_synonym_wins_over_a_url_only_or_contained_match():
    term = ctx().vocab.term("platform", "政府信息公开")
    site = snapshot([home(link("更多", HOME + "zwgk/jzjj/"), link("政府信息公开年报", HOME + "zwgk/ndbg/"),
                          nav("政务公开", HOME + "zwgk/"))])
    assert find_column(site, term).url == HOME + "zwgk/"


def test_a_column_counts_its_items_and_its_newest_date():
    term = ctx().vocab.term("statutory-2008-art10", "统计信息")
    site = snapshot([home(link("统计信息", HOME + "tjxx/")),
                     page(HOME + "tjxx/", "统计信息", entries=[entry("一", HOME + "1", "2026-01-01"),
                                                           entry("二", HOME + "2", "2026-10-25")])])
    col = find_column(site, term)
    assert (col.items, col.newest) == (2, "2026-10-25")


def test_a_year_is_read_in_arabic_or_chinese_numerals_and_never_inside_a_longer_number():
    assert names_year("二〇二五年政府信息公开工作年度报告", 2025)
    assert not names_year("12025年", 2025)


def test_links_of_a_load_are_shared_and_the_pages_equal_those_loaded_one_by_one():
    header = [nav("政务公开", HOME + "zwgk/"), link("网站地图", HOME + "map.html", "footer")]
    pages = [page(HOME + f"a{n}.html", f"文章{n}", links=[*header, link(f"相关{n}", HOME + "zwgk/")],
                  entries=[entry("通知", HOME + "t.html", "2026-01-02")]) for n in range(3)]
    shared: dict[object, object] = {}
    loaded = [PageEvidence.from_dict(p.to_dict(), shared) for p in pages]
    assert loaded == [PageEvidence.from_dict(p.to_dict()) for p in pages] == pages
    assert loaded[0].links[0] is loaded[2].links[0]
    assert loaded[0].entries[0] is loaded[1].entries[0]
    assert loaded[0].links[2].url is loaded[1].links[2].url  # different links, one URL string


def test_links_by_text_or_url_come_grouped_by_text_then_by_url_in_page_order_and_image_links_only_by_text():
    zwgk = HOME + "zwgk/"
    first = page(HOME + "a.html", links=[link("更多", zwgk), link("政务公开", zwgk), link("政务公开", HOME + "b/")])
    second = page(HOME + "c.html", links=[link("政务公开", zwgk), Link(zwgk, "banner.png", "body", image=True)])
    site = snapshot([first, second])
    found = site.links_where(text=lambda t: t == "政务公开", url=lambda u: u == zwgk)
    assert [(s.link.text, s.link.url, s.page.url) for s in found] == [
        ("政务公开", zwgk, first.url), ("政务公开", HOME + "b/", first.url), ("政务公开", zwgk, second.url),
        ("更多", zwgk, first.url)]
    assert [s.link.text for s in site.links()] == ["更多", "政务公开", "政务公开", "政务公开", "banner.png"]

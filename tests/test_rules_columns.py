"""C08 and D06: the required columns of the main navigation, by label, synonym or URL."""

from __future__ import annotations

from rule_snapshots import HOME, ctx, home, link, nav, snapshot

from rules.columns import department_site_columns, portal_columns
from rules.model import Verdict


def test_all_four_columns_in_the_navigation_are_met_with_each_label_and_url():
    site = snapshot([home(nav("政务公开", HOME + "zwgk/"), nav("网上办事", HOME + "wsbs/"),
                          nav("公共服务", HOME + "ggfw/"), nav("互动交流", HOME + "hdjl/"))])
    outcome = portal_columns(site, ctx())
    assert outcome.verdict is Verdict.MET
    assert {p.url for p in outcome.evidence} == {HOME + "zwgk/", HOME + "wsbs/", HOME + "ggfw/", HOME + "hdjl/"}


def test_synonyms_count_and_bianmin_fuwu_goes_to_public_services_when_online_services_has_its_own_link():
    site = snapshot([home(nav("便民服务", HOME + "bm/"), nav("政府信息公开", HOME + "xxgk/"),
                          nav("政务服务", HOME + "zwfw/"), nav("政民互动", HOME + "zmhd/"))])
    outcome = portal_columns(site, ctx())
    assert outcome.verdict is Verdict.MET
    assert "公共服务：“便民服务”" in outcome.summary
    assert "网上办事：“政务服务”" in outcome.summary


def test_a_column_is_found_by_its_url_token_when_its_label_is_unusual():
    site = snapshot([home(nav("阳光政务", HOME + "zwgk/"), nav("网上办事", HOME + "wsbs/"),
                          nav("公共服务", HOME + "ggfw/"), nav("民意征集", HOME + "hdjl/"))])
    assert portal_columns(site, ctx()).verdict is Verdict.MET


def test_missing_columns_are_partial_and_named():
    site = snapshot([home(nav("政务公开", HOME + "zwgk/"), nav("网上办事", HOME + "wsbs/"))])
    outcome = portal_columns(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "公共服务" in outcome.summary
    assert "互动交流" in outcome.summary
    assert "首页主导航" in outcome.searched


def test_column_words_in_the_body_are_not_columns_of_the_site():
    site = snapshot([home(nav("首页", HOME), link("政务公开工作会议召开", HOME + "news/1.html"),
                          link("互动交流", HOME + "hdjl/", place="footer"))])
    outcome = portal_columns(site, ctx())
    assert outcome.verdict is Verdict.NOT_MET
    assert "政务公开、网上办事、公共服务、互动交流" in outcome.searched


def test_a_department_site_with_both_columns_is_met():
    site = snapshot([home(nav("信息公开", HOME + "xxgk/"), nav("通知公告", HOME + "tzgg/"))],
                    kind="department", role="department")
    assert department_site_columns(site, ctx("department")).verdict is Verdict.MET


def test_a_department_site_without_an_information_release_column_is_partial():
    site = snapshot([home(nav("政务公开", HOME + "zwgk/"), nav("机构概况", HOME + "jggk/"))],
                    kind="department", role="department")
    outcome = department_site_columns(site, ctx("department"))
    assert outcome.verdict is Verdict.PARTIAL
    assert "政府信息发布" in outcome.summary

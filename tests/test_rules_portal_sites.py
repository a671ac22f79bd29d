"""C07: the portal's department sub-sites, and the dead ones."""

from __future__ import annotations

from rule_snapshots import HOME, ctx, dead, home, link, snapshot

from rules.model import Verdict
from rules.portal_sites import portal_site_group


def dept(name: str, host: str, *, status: str = "ok", reason: str = ""):
    url = f"http://{host}/"
    return snapshot(url=url, kind="department", role="department", name=name, status=status, reason=reason)


def test_department_sub_sites_all_reached_are_met_and_listed():
    site = snapshot(children=[dept("县教育局", "jyj.example.gov.cn"), dept("县财政局", "czj.example.gov.cn")])
    outcome = portal_site_group(site, ctx())
    assert outcome.verdict is Verdict.MET
    assert "县教育局、县财政局" in outcome.summary
    assert outcome.evidence[0].url == "http://jyj.example.gov.cn/"


def test_a_dead_department_site_is_partial_and_named_with_its_reason():
    site = snapshot(children=[dept("县教育局", "jyj.example.gov.cn"),
                              dept("县司法局", "sfj.example.gov.cn", status="unreachable", reason="DNS 解析失败")])
    outcome = portal_site_group(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "县司法局（http://sfj.example.gov.cn/，DNS 解析失败）" in outcome.summary


def test_a_dead_link_naming_a_department_is_reported():
    site = snapshot([home(link("县审计局", HOME + "sjj/"), link("联系我们", HOME + "lx/"))],
                    dead_links=[dead(HOME + "sjj/"), dead(HOME + "lx/")], children=[dept("县教育局", "jyj.example.gov.cn")])
    outcome = portal_site_group(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "县审计局" in outcome.summary
    assert "联系我们" not in outcome.summary


def test_no_department_sub_site_is_not_met():
    outcome = portal_site_group(snapshot(), ctx())
    assert outcome.verdict is Verdict.NOT_MET
    assert "部门网站" in outcome.searched


def test_on_a_township_site_the_site_group_is_left_to_the_county_portal():
    site = snapshot(kind="township", role="township")
    outcome = portal_site_group(site, ctx())
    assert outcome.verdict is Verdict.MANUAL
    assert "县级门户网站" in outcome.summary

"""C16, C18, C19, C26, C30, D12, D15: what a site shows of its services; the rest is left to a person."""

from __future__ import annotations

from rule_snapshots import HOME, ctx, dead, doc, entry, home, link, nav, page, snapshot

from rules.model import Verdict
from rules.services import (
    department_items_in_hall,
    e_supervision_link,
    online_handling,
    public_enterprise_services,
    service_guide_published,
    service_items_listed,
    unified_case_system,
)

HALL = "http://zwfw.example.gov.cn/"


def hall_site(with_items: bool = True, hall_dead: bool = False):
    pages = [home(link("网上办事大厅", HALL), link("事项清单", HOME + "sxqd/"))]
    if with_items:
        pages.append(page(HOME + "sxqd/", "事项清单", entries=[entry("建设工程规划许可", HOME + "sxqd/1.html")]))
    return snapshot(pages, dead_links=[dead(HALL)] if hall_dead else [])


def test_a_hall_link_and_a_list_of_items_are_at_most_partial_since_completeness_is_for_a_person():
    outcome = service_items_listed(hall_site(), ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert {p.url for p in outcome.evidence} == {HALL, HOME + "sxqd/"}


def test_an_item_list_without_a_hall_link_is_partial():
    site = snapshot([home(nav("办事指南", HOME + "bszn/")),
                     page(HOME + "bszn/", "办事指南", entries=[entry("医师执业注册办事指南", HOME + "bszn/1.html", "2026-02-10")])],
                    kind="department", role="department")
    outcome = department_items_in_hall(site, ctx("department"))
    assert outcome.verdict is Verdict.PARTIAL
    assert outcome.evidence[0].url == HOME + "bszn/"


def test_no_hall_and_no_item_list_is_manual():
    assert service_items_listed(snapshot(), ctx()).verdict is Verdict.MANUAL


def test_a_dead_hall_link_alone_is_manual_and_says_it_is_dead():
    outcome = department_items_in_hall(
        snapshot([home(link("网上办事大厅", HALL))], dead_links=[dead(HALL)]), ctx("department"))
    assert outcome.verdict is Verdict.MANUAL
    assert HALL in outcome.summary


def test_the_unified_case_system_is_at_most_partial_from_a_working_hall_link():
    assert unified_case_system(hall_site(), ctx()).verdict is Verdict.PARTIAL
    assert unified_case_system(snapshot(), ctx()).verdict is Verdict.MANUAL


def test_the_e_supervision_link_is_partial_when_working_and_manual_otherwise():
    site = snapshot([home(link("电子监察系统", "http://dzjc.example.gov.cn/"))])
    assert e_supervision_link(site, ctx()).verdict is Verdict.PARTIAL
    gone = snapshot(site.pages, dead_links=[dead("http://dzjc.example.gov.cn/")])
    assert e_supervision_link(gone, ctx()).verdict is Verdict.MANUAL


def test_a_published_service_guide_is_met_and_a_listed_one_partial():
    site = snapshot([home()], [doc(HOME + "zn.pdf", "城关镇便民服务指南")])
    assert service_guide_published(site, ctx()).verdict is Verdict.MET
    listed = snapshot([home(entries=[entry("城关镇便民服务指南", HOME + "zn.html", "2026-01-01")])])
    assert service_guide_published(listed, ctx()).verdict is Verdict.PARTIAL
    assert service_guide_published(snapshot(), ctx()).verdict is Verdict.MANUAL


ENTERPRISES = [("县自来水公司供水服务信息公开", "water"), ("国网示例县供电公司办事指南", "power"),
               ("县燃气公司营业网点和收费标准", "gas"), ("县热力公司供热服务信息", "heat"),
               ("县公交公司公共交通服务信息", "bus"), ("县人民医院就医服务指南", "hospital")]


def enterprise_links(n: int):
    return [link(text, f"http://{slug}.example.cn/") for text, slug in ENTERPRISES[:n]]


def test_public_enterprises_with_service_information_count_from_six_kinds():
    outcome = public_enterprise_services(snapshot([home(*enterprise_links(6))]), ctx())
    assert outcome.verdict is Verdict.MET
    assert len(outcome.evidence) == 6


def test_fewer_kinds_of_public_enterprise_are_partial_and_named():
    outcome = public_enterprise_services(snapshot([home(*enterprise_links(3))]), ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "供水、供电、燃气" in outcome.summary


def test_a_school_named_in_a_procurement_notice_is_not_service_information():
    site = snapshot([home(link("县第一中学教学设备采购项目中标结果公告", HOME + "a.html"))])
    assert public_enterprise_services(site, ctx()).verdict is Verdict.MANUAL


def test_online_handling_with_e_supervision_is_met_and_dead_entries_partial():
    links = [link("在线办理", HALL + "bl/"), link("电子监察", "http://dzjc.example.gov.cn/")]
    dept = {"kind": "department", "role": "department"}
    assert online_handling(snapshot([home(*links)], **dept), ctx("department")).verdict is Verdict.MET
    assert online_handling(snapshot([home(links[0])], **dept), ctx("department")).verdict is Verdict.PARTIAL
    gone = snapshot([home(links[0])], dead_links=[dead(HALL + "bl/")], **dept)
    outcome = online_handling(gone, ctx("department"))
    assert outcome.verdict is Verdict.PARTIAL
    assert "失效" in outcome.summary
    assert online_handling(snapshot(**dept), ctx("department")).verdict is Verdict.MANUAL

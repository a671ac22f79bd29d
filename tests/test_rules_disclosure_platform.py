"""C09, C05/D04, C06/D05, C14/D09: the disclosure platform, its guide, its rules and the secrecy review."""

from __future__ import annotations

from rule_snapshots import HOME, ctx, doc, entry, home, link, nav, page, snapshot

from rules.disclosure_platform import (
    department_guide_office,
    disclosure_guide_office,
    disclosure_platform,
    disclosure_rules,
    secrecy_review,
)
from rules.model import Verdict

X = HOME + "xxgk/"
PARTS = [("政府信息公开指南", "zn/"), ("政府信息公开制度", "zd/"), ("政府信息公开目录", "ml/"),
         ("政府信息公开年报", "nb/"), ("依申请公开", "ysq/"), ("法定主动公开内容", "fd/")]


def platform_site(parts=PARTS, areas=(("财政预决算", "yjs/"),)):
    side = [link(label, X + path, place="side") for label, path in (*parts, *areas)]
    return snapshot([home(nav("政府信息公开", X)), page(X, "政府信息公开", links=side)])


def test_the_platform_with_all_six_parts_and_a_key_area_column_is_met():
    outcome = disclosure_platform(platform_site(), ctx())
    assert outcome.verdict is Verdict.MET
    assert outcome.evidence[0].url == X
    assert "财政预决算" in outcome.summary


def test_missing_parts_and_no_key_area_are_partial_and_named():
    outcome = disclosure_platform(platform_site(PARTS[:4], areas=()), ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "缺少：依申请公开、法定主动公开内容、重点领域专栏" in outcome.summary


def test_a_townships_article_12_categories_count_as_its_statutory_content_but_rules_and_catalogue_are_still_needed():
    z = HOME + "zwgk/"
    side = [link("政府信息公开指南", z + "zn/", "side"), link("政府信息公开年报", z + "nb/", "side"),
            link("依申请公开", z + "ysq/", "side"), link("征地补偿", z + "zdbc/", "side")]
    site = snapshot([home(nav("政务公开", z)), page(z, "政务公开", links=side),
                     page(z + "zdbc/", "征地补偿", entries=[entry("征地补偿安置方案公告", z + "zdbc/1.html", "2026-10-09")])],
                    kind="township", role="township")
    outcome = disclosure_platform(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "已有部分：指南、年报、依申请公开、法定主动公开内容" in outcome.summary
    assert "缺少：制度、目录" in outcome.summary


def test_no_platform_part_or_key_area_is_not_met():
    outcome = disclosure_platform(snapshot([home(nav("新闻中心", HOME + "xwzx/"))]), ctx())
    assert outcome.verdict is Verdict.NOT_MET
    assert "指南" in outcome.searched


GUIDE_TEXT = "本机关政府信息公开工作机构为县政府办公室，办公地址：县府路1号，办公时间：工作日9:00-17:00，联系电话：0000-1234567。"


def guide_site(text: str, **kw):
    return snapshot([home(link("政府信息公开指南", X + "zn/")), page(X + "zn/", "示例县政府信息公开指南", text=text)], **kw)


def test_a_guide_naming_the_office_address_hours_and_phone_is_met():
    outcome = disclosure_guide_office(guide_site(GUIDE_TEXT), ctx())
    assert outcome.verdict is Verdict.MET
    assert outcome.evidence[0].url == X + "zn/"


def test_a_guide_without_hours_and_phone_is_partial_and_names_them():
    outcome = disclosure_guide_office(guide_site("本机关政府信息公开工作机构为县政府办公室，地址：县府路1号。"), ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "办公时间、电话" in outcome.summary


def test_a_guide_linked_but_not_crawled_is_partial():
    site = snapshot([home(link("政府信息公开指南", X + "zn/"))])
    assert disclosure_guide_office(site, ctx()).verdict is Verdict.PARTIAL


def test_no_guide_leaves_the_office_to_a_person():
    assert disclosure_guide_office(snapshot(), ctx()).verdict is Verdict.MANUAL


def test_a_department_guide_must_also_name_the_offices_duties():
    site = guide_site(GUIDE_TEXT, kind="department", role="department")
    outcome = department_guide_office(site, ctx("department"))
    assert outcome.verdict is Verdict.PARTIAL
    assert "职责" in outcome.summary
    site = guide_site(GUIDE_TEXT + "主要职责：负责本局政府信息公开日常工作。", kind="department", role="department")
    assert department_guide_office(site, ctx("department")).verdict is Verdict.MET


def rules_column(*titles: str):
    return page(X + "zd/", "政府信息公开制度", entries=[entry(t, f"{X}zd/{i}.html", "2020-01-01")
                                                      for i, t in enumerate(titles)])


ALL_RULES = ("依申请公开办理制度", "政府信息公开保密审查办法", "政府信息公开工作考核办法", "政府信息公开社会评议制度",
             "政府信息公开责任追究制度")


def test_a_rules_column_with_every_kind_of_rule_is_met():
    site = snapshot([home(link("政府信息公开制度", X + "zd/")), rules_column(*ALL_RULES)])
    outcome = disclosure_rules(site, ctx())
    assert outcome.verdict is Verdict.MET
    assert "申请办理、保密审查、考核、社会评议、责任追究" in outcome.summary


def test_a_rules_column_with_two_kinds_is_partial_and_names_the_missing_ones():
    site = snapshot([home(link("政府信息公开制度", X + "zd/")), rules_column(*ALL_RULES[:2])])
    outcome = disclosure_rules(site, ctx())
    assert outcome.verdict is Verdict.PARTIAL
    assert "未见：考核、社会评议、责任追究" in outcome.summary


def test_no_rules_on_the_site_are_manual():
    assert disclosure_rules(snapshot(), ctx("department")).verdict is Verdict.MANUAL


def test_a_published_secrecy_review_rule_is_met():
    site = snapshot([home()], [doc(HOME + "bm.pdf", title="示例县政府信息公开保密审查制度")])
    outcome = secrecy_review(site, ctx())
    assert outcome.verdict is Verdict.MET
    assert outcome.evidence[0].url == HOME + "bm.pdf"


def test_a_secrecy_review_only_mentioned_in_the_guide_is_partial():
    site = guide_site(GUIDE_TEXT + "公开前依法进行保密审查。")
    assert secrecy_review(site, ctx()).verdict is Verdict.PARTIAL


def test_no_secrecy_review_is_manual():
    assert secrecy_review(snapshot(), ctx("department")).verdict is Verdict.MANUAL

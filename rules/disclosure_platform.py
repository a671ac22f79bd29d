"""The disclosure platform and its standard parts: C09, the 指南 (C05/D04), the 制度 (C06/D05), 保密审查 (C14/D09)."""

from __future__ import annotations

from rules.context import RuleContext
from rules.find import Column, Hit, find_column, hits, titles_in_lists
from rules.model import Outcome, Proof, manual, met, not_met, partial
from rules.registry import rule
from rules.snapshot import SiteSnapshot
from rules.statutory import statutory_terms
from rules.vocabulary import Term

RULE_WORDS = Term("规章", ("制度", "办法", "规定", "细则", "规程"))


def platform_parts(site: SiteSnapshot, ctx: RuleContext) -> dict[str, Column | None]:
    """The parts a site's platform must have (ruleset platform_parts), each found or None.

    法定主动公开内容 is there as a column of that name, or as the statutory category columns themselves.
    """
    parts = {t.name: find_column(site, t) for t in ctx.vocab.pick("platform_parts", ctx.param("platform_parts"))}
    if "法定主动公开内容" in parts and parts["法定主动公开内容"] is None:
        terms, _ = statutory_terms(site, ctx)
        shown = (c for c in (find_column(site, t) for t in terms) if c is not None and c.items)
        parts["法定主动公开内容"] = next(shown, None)
    return parts


@rule(name="disclosure-platform", fills={"county": "C09"}, title="建立政府信息公开发布平台、重点领域信息公开专栏",
      needs=("pages",))
def disclosure_platform(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Finds the disclosure platform, its standard parts and the key-area columns.

    Why: C09 asks for a 政府信息公开发布平台 and 重点领域信息公开专栏 on the portal; the platform's parts
    are 指南、制度、目录、年报、依申请公开、法定主动公开内容 (ruleset platform_parts; on a township's
    site its art. 12 category columns are its 法定主动公开内容).
    Evidence: links labelled or addressed as each part anywhere on the site, pages titled so.
    Met: every part and at least one key-area column. Partial: some parts or key areas found;
    the missing ones are named. Not met: neither the platform nor any part nor any key-area column.
    """
    platform = find_column(site, ctx.vocab.term("platform", "政府信息公开"))
    parts = platform_parts(site, ctx)
    areas = {t.name: find_column(site, t) for t in ctx.vocab.terms("key_areas")}
    have = [c for c in parts.values() if c] + [c for c in areas.values() if c]
    missing = [n for n, c in parts.items() if c is None]
    found_areas = [n for n, c in areas.items() if c]
    searched = "在全站导航、栏目链接和页面标题中按名称及网址查找：政府信息公开平台、" + "、".join(parts) + "及重点领域栏目"
    if platform is None and not have:
        return not_met("未找到政府信息公开发布平台，也未找到任何重点领域信息公开专栏", searched=searched,
                       advice="在门户网站开设政府信息公开平台（" + "、".join(parts) + "）和重点领域专栏")
    proofs = list(dict.fromkeys(([platform.proof] if platform else []) + [c.proof for c in have]))
    summary = (f"信息公开平台{'：' + platform.label if platform else '未见统一入口'}；"
               f"已有部分：{'、'.join(n for n, c in parts.items() if c) or '无'}；"
               f"重点领域专栏：{'、'.join(found_areas) or '无'}")
    if not missing and found_areas:
        return met(summary, proofs)
    lacking = missing + ([] if found_areas else ["重点领域专栏"])
    return partial(f"{summary}；缺少：{'、'.join(lacking)}", proofs, searched=searched,
                   advice=f"在政府信息公开平台中补齐：{'、'.join(lacking)}")


def guide_page(site: SiteSnapshot, ctx: RuleContext) -> tuple[Column | None, Hit | None]:
    """The 指南: the column linked as such, and a page or document whose own title says 指南."""
    term = ctx.vocab.term("platform_parts", "指南")
    col = find_column(site, term)
    titled = hits(site, term, include_text=False)
    if col is not None and col.page is not None:
        page = col.page
        return col, Hit(page.final_url, page.title, page.published, f"{page.title}\n{site.text_of(page)}", "page")
    return col, (titled[0] if titled else None)


def judge_guide(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    col, guide = guide_page(site, ctx)
    facts = ctx.vocab.pick("guide_facts", ctx.param("guide_facts"))
    if guide is None:
        if col is not None:
            return partial(f"有“{col.label}”链接，但未能读取指南内容，无法核实工作机构及联系方式", [col.proof],
                           advice="确认政府信息公开指南页面可以访问，并写明工作机构、地址、办公时间和电话")
        return manual("网站上未找到政府信息公开指南，需人工核查工作机构是否明确",
                      advice="在信息公开平台发布政府信息公开指南，写明工作机构、地址、办公时间和电话")
    named = [f.name for f in facts if f.in_text(guide.text)]
    lacking = [f.name for f in facts if f.name not in named]
    if not lacking:
        return met(f"政府信息公开指南写明了{'、'.join(named)}", [guide.proof])
    return partial(f"政府信息公开指南未写明：{'、'.join(lacking)}（已写明：{'、'.join(named) or '无'}）", [guide.proof],
                   searched=f"在指南正文（{guide.url}）中查找：{'、'.join(lacking)}",
                   advice=f"在政府信息公开指南中补充{'、'.join(lacking)}")


@rule(name="disclosure-guide-office", fills={"county": "C05"}, title="政府信息公开指南写明主管机关和工作机构",
      needs=("pages", "documents"))
def disclosure_guide_office(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Reads the 政府信息公开指南 for the office that handles disclosure and how to reach it.

    Why: C05; the 2008 Regulation (art. 19) has the guide name the handling office, address, hours, phone.
    Evidence: the page linked as 指南 or a page or document titled so; the facts in ruleset guide_facts.
    Met: the guide names every fact. Partial: the guide found but facts missing, or linked but unreadable.
    Not met: never (a site without a guide leaves this to a person: manual, with what to ask for).
    """
    return judge_guide(site, ctx)


@rule(name="department-guide-office", fills={"department": "D04"}, title="明确本单位政府信息公开工作机构及其具体职责",
      needs=("pages", "documents"))
def department_guide_office(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Reads the department's 政府信息公开指南 for its disclosure office and the office's duties.

    Why: D04; the guide is where a department publishes who handles disclosure.
    Evidence: the page linked as 指南 or titled so; the facts in ruleset guide_facts (机构, 职责, 地址, 电话).
    Met: the guide names every fact. Partial: the guide found but facts missing, or linked but unreadable.
    Not met: never (no guide on the site: manual, with what to ask for).
    """
    return judge_guide(site, ctx)


def judge_rules(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    col = find_column(site, ctx.vocab.term("platform_parts", "制度"))
    kinds = ctx.vocab.pick("disclosure_rules", ctx.param("disclosure_rules_required"))
    titled = titles_in_lists(site, RULE_WORDS) + hits(site, RULE_WORDS, include_text=False)
    found: dict[str, Proof] = {}
    for h in titled:
        for kind in kinds:
            if kind.in_text(h.title) and kind.name not in found:
                found[kind.name] = h.proof
    proofs = list(dict.fromkeys(([col.proof] if col else []) + list(found.values())))
    listing = "、".join(found) or "无"
    lacking = [k.name for k in kinds if k.name not in found]
    if not lacking:
        return met(f"公开了{listing}等政府信息公开工作制度", proofs)
    if proofs:
        return partial(f"{'设有“' + col.label + '”栏目' if col else '未见制度栏目'}，公开的制度：{listing}；"
                       f"未见：{'、'.join(lacking)}", proofs,
                       searched="在全站栏目和文章标题中查找：" + "、".join(k.name for k in kinds) + "制度",
                       advice=f"补充公开{'、'.join(lacking)}制度")
    return manual("网站上未找到政府信息公开制度栏目或制度文件，需人工核查",
                  advice="在信息公开平台开设“政府信息公开制度”栏目并公开各项制度")


@rule(name="disclosure-rules", fills={"county": "C06", "department": "D05"}, title="建立健全政府信息公开工作制度",
      needs=("pages", "documents"))
def disclosure_rules(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Finds the 政府信息公开制度 column and the kinds of rules published in it or elsewhere on the site.

    Why: C06/D05 ask for a sound set of disclosure rules (申请办理, 保密审查, 考核, 社会评议, 责任追究).
    Evidence: a column linked as 制度; article titles naming a rule kind and 制度/办法/规定.
    Met: every kind in ruleset disclosure_rules_required. Partial: the column or some kinds (the others named).
    Not met: never (nothing on the site: manual, with what to ask for).
    """
    return judge_rules(site, ctx)


@rule(name="secrecy-review", fills={"county": "C14", "department": "D09"}, title="坚持政府信息公开保密审查",
      needs=("pages", "documents"))
def secrecy_review(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for a published 保密审查 rule.

    Why: C14/D09; the 2008 Regulation (art. 14) requires a secrecy review before publication.
    Evidence: a page, document or list entry whose own title names 保密审查; else a mention in a page's text.
    Met: a titled 保密审查 rule. Partial: only mentioned inside another page (such as the 指南).
    Not met: never (nothing on the site: manual, with what to ask for).
    """
    term = ctx.vocab.term("documents", "保密审查")
    titled = list({h.url: h for h in titles_in_lists(site, term) + hits(site, term, include_text=False)}.values())
    if titled:
        return met(f"公开了保密审查制度：{titled[0].title}", [h.proof for h in titled[:3]])
    mentioned = hits(site, term)
    if mentioned:
        return partial(f"保密审查只在其他页面中提及（{mentioned[0].title}），未见单独公开的保密审查制度",
                       [h.proof for h in mentioned[:3]], searched="在全站页面和文件标题中查找“保密审查”",
                       advice="公开政府信息公开保密审查制度")
    return manual("网站上未找到保密审查制度，需人工核查", advice="公开政府信息公开保密审查制度，并备好审查记录")

"""Online services and public-service information: the service hall, e-supervision, guides, public enterprises
(C16, C18, C19, C26, C30, D12, D15)."""

from __future__ import annotations

from functools import partial as partial_fn
from urllib.parse import urlsplit

from rules.context import RuleContext
from rules.find import find_column, hits, links_matching, titles_in_lists
from rules.model import Outcome, Proof, manual, met, partial
from rules.registry import rule
from rules.snapshot import LinkSeen, SiteSnapshot
from rules.vocabulary import Term


def links_to(site: SiteSnapshot, term: Term) -> tuple[list[LinkSeen], list[LinkSeen]]:
    """Links labelled as the term (or addressed so on another host: the site's own /zwfw/ column is not
    the provincial hall), split into working and dead, one per URL."""
    own_host = urlsplit(site.site.url).hostname
    seen: dict[str, LinkSeen] = {}
    for s in links_matching(site, term, url=lambda u: urlsplit(u).hostname != own_host and term.in_url(u)):
        seen.setdefault(s.link.url, s)
    working = [s for s in seen.values() if site.dead(s.link.url) is None]
    return working, [s for s in seen.values() if site.dead(s.link.url) is not None]


def names_with_service(kind: Term, service: Term, text: str) -> bool:
    return kind.in_text(text) and service.in_text(text)


def never(_: str) -> bool:
    return False


def proof_of(seen: LinkSeen) -> Proof:
    return Proof(seen.link.url, f"{seen.link.text}（链接见 {seen.page.final_url}）")


def judge_hall(site: SiteSnapshot, ctx: RuleContext, what: str) -> Outcome:
    """The online service hall linked from the site, and a list of service items: at most partial,
    since whether every item is handled there is for a person."""
    hall, dead = links_to(site, ctx.vocab.term("services", "网上办事大厅"))
    items = find_column(site, ctx.vocab.term("services", "事项清单"))
    guides = titles_in_lists(site, ctx.vocab.term("services", "办事指南"))
    proofs = [proof_of(s) for s in hall[:2]] + ([items.proof] if items else []) + [g.proof for g in guides[:3]]
    if proofs:
        listed = f"{what}（{items.label}）" if items else f"{len(guides)} 个事项的办事指南"
        shown = "、".join(w for w, ok in (("网上办事大厅链接", hall), (listed, items or guides)) if ok)
        return partial(f"网站上有{shown}；是否全部集中办理需人工核查", proofs,
                       searched=f"在全站链接中查找网上办事大厅和{what}",
                       advice=f"请提供{what}与本级事项目录的对照表")
    note = f"（网上办事大厅链接失效：{dead[0].link.url}）" if dead else ""
    return manual(f"网站上未见网上办事大厅或{what}{note}，需人工核查", advice="在网站首页链接网上办事大厅并列出办事事项")


@rule(name="service-items-listed", fills={"county": "C18"}, title="行政审批、办证、收费、公共服务项目应进尽进",
      needs=("pages", "dead_links"))
def service_items_listed(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for the online service hall and the list of items handled there.

    Why: C18; whether every item entered the centre is for a person, but the item list shows part of it.
    Evidence: a working link to the 网上办事大厅 / 政务服务网; a column listing service items, with its count.
    Met: never from the site alone. Partial: either found. Not met: never (neither: manual).
    """
    return judge_hall(site, ctx, "进驻事项清单")


@rule(name="department-items-in-hall", fills={"department": "D12"}, title="本单位办事服务项目集中办理",
      needs=("pages", "dead_links"))
def department_items_in_hall(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for the department's items listed in the online service hall.

    Why: D12; items handled together in the service centre are listed in its online hall.
    Evidence: a working link from the department's site to the hall; a list of the department's items
    (a column such as 事项清单 / 办事指南, or list entries that are items' 办事指南).
    Met: never from the site alone. Partial: either found. Not met: never (neither: manual).
    """
    return judge_hall(site, ctx, "本单位办事事项")


@rule(name="unified-case-system", fills={"county": "C19"}, title="统一的行政审批办件系统", needs=("pages", "dead_links"))
def unified_case_system(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for the online service hall, the public face of a unified case-handling system.

    Why: C19; the system itself is internal, so the site can show at most that an online hall exists.
    Evidence: a working link to the 网上办事大厅 / 政务服务网.
    Met: never from the site alone. Partial: a working hall link. Not met: never (no hall: manual).
    """
    hall, _ = links_to(site, ctx.vocab.term("services", "网上办事大厅"))
    if hall:
        return partial("网站链接了网上办事大厅；办件系统是否统一，需人工核查", [proof_of(hall[0])],
                       advice="请提供行政审批办件系统的运行记录")
    return manual("网站上未见网上办事大厅，办件系统需人工核查", advice="请提供行政审批办件系统的运行记录")


@rule(name="e-supervision-link", fills={"county": "C26"}, title="办件录入全省网上政务服务电子监察系统",
      needs=("pages", "dead_links"))
def e_supervision_link(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for a working link to the provincial e-supervision system.

    Why: C26; whether entries are timely is in the system, not on the site.
    Evidence: a link labelled 电子监察 / 网上监察 that is not dead.
    Met: never from the site alone. Partial: a working link. Not met: never (none: manual).
    """
    working, dead = links_to(site, ctx.vocab.term("services", "电子监察"))
    if working:
        return partial("网站链接了电子监察系统；录入是否及时规范需人工核查", [proof_of(working[0])],
                       advice="请提供电子监察系统的录入统计")
    note = f"（链接失效：{dead[0].link.url}）" if dead else ""
    return manual(f"网站上未见可用的电子监察系统链接{note}，需人工核查", advice="请提供电子监察系统的录入统计")


@rule(name="service-guide-published", fills={"county": "C30"}, title="印制便民服务指南", needs=("pages", "documents"))
def service_guide_published(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for the 便民服务指南 published online.

    Why: C30; a printed guide given out free is for a person to see, but the same guide is often online.
    Evidence: a page or document titled 便民服务指南; else a list item titled so.
    Met: a titled page or document. Partial: only a list item (its page not read).
    Not met: never (none on the site: manual, with what to ask for).
    """
    term = ctx.vocab.term("documents", "便民服务指南")
    own = hits(site, term, include_text=False)
    if own:
        return met(f"网站公开了便民服务指南：{own[0].title}", [h.proof for h in own[:3]],
                   advice="是否印制并免费发放，仍需人工核查")
    listed = titles_in_lists(site, term)
    if listed:
        return partial(f"文章列表中有便民服务指南（{listed[0].title}），未能读取其内容", [h.proof for h in listed[:3]],
                       advice="确认便民服务指南页面可以打开")
    return manual("网站上未见便民服务指南，需人工核查", advice="在网站公开便民服务指南")


@rule(name="public-enterprise-services", fills={"county": "C16"}, title="公共企事业单位公开办事服务信息",
      needs=("pages", "dead_links"))
def public_enterprise_services(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Counts the kinds of public enterprise (水、电、气、热、公交、通信、医院、学校) the site links with service information.

    Why: C16; the enterprises publish on their own sites, which a county site links or hosts as columns.
    Evidence: working links whose text names an enterprise kind (rules/vocab/services.yaml public_enterprises)
    and its service information (服务, 办事, 信息公开, 营业, 收费): "县自来水公司供水服务信息公开", not a
    procurement notice of a school.
    Met: at least ruleset public_enterprises_min kinds ("各类": most of the eight). Partial: fewer, named.
    Not met: never (none: manual, with what to ask for).
    """
    kinds: dict[str, LinkSeen] = {}
    service = ctx.vocab.term("services", "办事服务信息")
    for term in ctx.vocab.terms("public_enterprises"):
        named = links_matching(site, term, label=partial_fn(names_with_service, term, service), url=never)
        working = [s for s in named if site.dead(s.link.url) is None]
        if working:
            kinds[term.name] = working[0]
    proofs = [proof_of(s) for s in kinds.values()]
    listing = "、".join(kinds)
    if len(kinds) >= int(ctx.param("public_enterprises_min")):
        return met(f"网站链接了公共企事业单位办事服务信息：{listing}", proofs, advice="信息是否完整，仍需人工抽查")
    if kinds:
        return partial(f"只见到部分公共企事业单位的办事服务信息：{listing}", proofs,
                       searched="在全站链接中查找水、电、气、热、公交、通信、医院、学校等单位",
                       advice="链接或开设更多公共企事业单位办事公开栏目")
    return manual("网站上未见公共企事业单位办事服务信息，需人工核查", advice="开设公共企事业单位办事公开专栏")


@rule(name="online-handling", fills={"department": "D15"}, title="行政审批、公共服务项目网上办理，接受网上监察",
      needs=("pages", "dead_links"))
def online_handling(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for items that can be handled online and a link to e-supervision.

    Why: D15; online handling shows on the site as working 在线办理 / 在线申报 links.
    Evidence: working links labelled for online handling; a link labelled 电子监察.
    Met: both. Partial: one of them, or online-handling links that are all dead.
    Not met: never (neither: manual, with what to ask for).
    """
    handling, dead = links_to(site, ctx.vocab.term("services", "网上办理"))
    supervision, _ = links_to(site, ctx.vocab.term("services", "电子监察"))
    proofs = [proof_of(s) for s in (handling[:3] + supervision[:1])]
    if handling and supervision:
        return met(f"网站提供 {len(handling)} 个网上办理入口，并链接电子监察系统", proofs)
    if proofs:
        lacking = "电子监察系统链接" if handling else "可用的网上办理入口"
        return partial(f"未见{lacking}", proofs, searched="在全站链接中查找在线办理、在线申报和电子监察入口",
                       advice=f"补充{lacking}")
    if dead:
        return partial(f"网上办理入口均已失效：{'、'.join(s.link.url for s in dead[:3])}", [proof_of(dead[0])],
                       searched="逐个访问网上办理入口", advice="修复失效的网上办理入口")
    return manual("网站上未见网上办理入口，需人工核查", advice="提供本单位事项的网上办理入口")

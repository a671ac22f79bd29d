"""The required columns of a site's main navigation (C08, D06)."""

from __future__ import annotations

from rules.context import RuleContext
from rules.evidence import Link
from rules.find import Column, column_at
from rules.model import Outcome, met, not_met, partial
from rules.registry import rule
from rules.snapshot import SiteSnapshot
from rules.vocabulary import Term


def required_columns(site: SiteSnapshot, ctx: RuleContext) -> tuple[dict[str, Column], list[str]]:
    """Each required column found in the home page's navigation; one nav link answers one column.

    Links are assigned best match first (a link labelled with a term's first synonym before one labelled
    with its fifth), so "便民服务" goes to 公共服务 when 网上办事 has its own "政务服务" link.
    """
    terms = ctx.vocab.pick("columns", ctx.param("columns_required"))
    nav = site.nav_links()
    pairs = sorted((rank, t_i, l_i) for t_i, term in enumerate(terms) for l_i, link in enumerate(nav)
                   if (rank := match_rank(term, link)) is not None)
    home = site.home
    found: dict[str, Column] = {}
    taken: set[str] = set()
    for _, t_i, l_i in pairs:
        term, link = terms[t_i], nav[l_i]
        if term.name not in found and link.url not in taken:
            found[term.name] = column_at(site, term.name, link.text, link.url, home.final_url if home else "")
            taken.add(link.url)
    missing = [t.name for t in terms if t.name not in found]
    return {t.name: found[t.name] for t in terms if t.name in found}, missing


def match_rank(term: Term, link: Link) -> int | None:
    """How well a nav link names the term: the index of the synonym its label matches, URL tokens last."""
    for i, label in enumerate(term.labels):
        if Term(term.name, (label,)).in_label(link.text):
            return i
    return len(term.labels) if term.in_url(link.url) else None


def judge_columns(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    found, missing = required_columns(site, ctx)
    home = site.home
    where = f"首页主导航（{home.final_url if home else site.site.url}）"
    names = "、".join(ctx.param("columns_required"))
    listing = "；".join(f"{n}：“{c.label}”" for n, c in found.items())
    proofs = [c.proof for c in found.values()]
    if not missing:
        return met(f"首页主导航设有全部必需栏目（{listing}）", proofs)
    if found:
        return partial(f"缺少栏目：{'、'.join(missing)}（已有 {listing}）", proofs,
                       searched=f"在{where}按栏目名称及同义词、网址查找：{'、'.join(missing)}",
                       advice=f"在网站主导航中增设“{'”“'.join(missing)}”栏目")
    return not_met(f"首页主导航中未找到{names}栏目", searched=f"在{where}按栏目名称及同义词、网址查找：{names}",
                   advice=f"在网站主导航中开设“{'”“'.join(ctx.param('columns_required'))}”栏目")


@rule(name="portal-columns", fills={"county": "C08"}, title="政府网站设有政务公开、网上办事、公共服务、互动交流专栏",
      needs=("pages",))
def portal_columns(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Checks the home page's main navigation for the four columns the form names.

    Why: the 2013 form (C08) asks for 政务公开、网上办事、公共服务、互动交流 columns; labels vary, so
    each is matched by its synonyms and URL tokens (rules/vocab/columns.yaml, ruleset columns_required).
    Evidence: the header and nav links of the home page; one link answers one column.
    Met: all four found. Partial: some found; the missing ones are named.
    Not met: none of them in the main navigation.
    """
    return judge_columns(site, ctx)


@rule(name="department-site-columns", fills={"department": "D06"},
      title="建立单位网站并开设政务公开、政府信息发布专栏", needs=("pages",))
def department_site_columns(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Checks that the department's own site answers and shows 政务公开 and 政府信息发布 columns.

    Why: the 2013 department form (D06): a unit website with the prescribed columns.
    Evidence: the site's home page (it was reached, so the site exists) and its main navigation links.
    Met: the site answers and both columns are in its navigation. Partial: one of them.
    Not met: the site answers but neither column is in its navigation (an unreachable site is 无法访问).
    """
    return judge_columns(site, ctx)

"""The portal's site group: one portal, one sub-site per department, and the department links that are dead (C07)."""

from __future__ import annotations

import re

from rules.context import RuleContext
from rules.find import find_column
from rules.model import Outcome, Proof, manual, met, not_met, partial
from rules.registry import rule
from rules.snapshot import SiteSnapshot

# A link text that names a government department (县教育局, 卫生健康委员会, 政府办公室, 政务服务中心 ...).
_DEPARTMENT_NAME = re.compile(r"(局|委员会|委|办公室|办|中心|院|所)$")


@rule(name="portal-site-group", fills={"county": "C07"}, title="一级政府一个门户网站，一个部门一个子站",
      needs=("pages", "dead_links", "children"))
def portal_site_group(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Lists the department sub-sites reached from the portal and the department links that are dead.

    Why: C07 asks for one portal per government and one sub-site (or sub-column) per department.
    Evidence: the department sites discovered from the portal's 部门网站 / 站群 blocks, with their URLs;
    dead department sites and dead links whose text names a department.
    Met: department sub-sites found and none dead. Partial: found, but some dead (named).
    Not met: no department sub-site or 部门网站 block found on the portal.
    On a township site the row is not applicable (the site group is judged on the county portal): manual.
    """
    if site.site.kind == "township":
        return manual("本站为乡镇（街道）网站；“一级政府一个门户网站，一个部门一个子站”在县级门户网站上评判")
    departments = site.children_of_kind("department")
    alive = [d for d in departments if d.reachable]
    dead_sites = [d for d in departments if not d.reachable]
    child_urls = {d.site.url.rstrip("/") for d in departments}
    dead_links = [(s.link, dead) for s in site.links()
                  if _DEPARTMENT_NAME.search(s.link.text.strip()) and (dead := site.dead(s.link.url)) is not None
                  and s.link.url.rstrip("/") not in child_urls]
    dead_links = list({ln.url: (ln, dead) for ln, dead in dead_links}.values())
    proofs = [Proof(d.site.url, d.site.name) for d in alive]
    dead_names = [f"{d.site.name}（{d.site.url}，{d.site.reason or '无法访问'}）" for d in dead_sites]
    dead_names += [f"{ln.text}（{ln.url}，{dead.reason or '无法访问'}）" for ln, dead in dead_links]
    found = f"找到 {len(alive)} 个部门子站：{'、'.join(d.site.name for d in alive) or '无'}"
    if alive and not dead_names:
        return met(found, proofs)
    block = find_column(site, ctx.vocab.term("sub_sites", "部门"))
    searched = "在门户网站首页及“部门网站”“站群”等链接区查找部门子站，并逐个访问"
    if alive or (block and dead_names):
        return partial(f"{found}；无法访问的部门网站：{'；'.join(dead_names) or '无'}",
                       proofs or ([block.proof] if block else []), searched=searched,
                       advice=f"修复或撤下失效的部门网站链接：{'；'.join(dead_names)}")
    return not_met("门户网站上未找到部门子站" + (f"；无法访问：{'；'.join(dead_names)}" if dead_names else ""),
                   searched=searched, advice="按“一个部门一个子站”在门户网站建立部门子站或子栏目，并在首页集中链接")

"""The department's budget and final accounts, with 三公经费, for the right years and dated (D08)."""

from __future__ import annotations

from dataclasses import dataclass

from rules.context import RuleContext
from rules.find import Hit, hits, names_year, titles_in_lists
from rules.model import Outcome, met, not_met, partial
from rules.registry import rule
from rules.snapshot import SiteSnapshot


@dataclass(frozen=True, slots=True)
class Publication:
    """The budget or final accounts of one year: the item found, and whether it covers 三公经费."""

    label: str  # 预算 | 决算
    year: int
    item: Hit | None
    sangong: Hit | None

    @property
    def complete(self) -> bool:
        return self.item is not None and self.item.date is not None and self.sangong is not None

    def describe(self) -> str:
        name = f"{self.year}年{self.label}"
        if self.item is None:
            return f"未找到{name}"
        return (f"{name}：{self.item.title}（{self.item.date or '未注明日期'}）"
                f"{'，含三公经费' if self.sangong else '，未见三公经费'}")


def heading(hit: Hit) -> str:
    """What a page or document calls itself: its title, else the start of its text."""
    return hit.title if hit.title and hit.title != hit.url else hit.text[:200]


def publication(site: SiteSnapshot, ctx: RuleContext, kind: str, year: int) -> Publication:
    term = ctx.vocab.term("documents", kind)
    sangong = ctx.vocab.term("documents", "三公经费")
    # "预决算" names neither alone: a list titled "2026年预决算公开" is not the budget itself.
    candidates = [h for h in hits(site, term) + titles_in_lists(site, term) if names_year(heading(h), year)
                  and term.in_text(heading(h).replace("预决算", ""))]
    # The budget itself before a separate 三公经费 note; an item's own page before its list entry.
    candidates.sort(key=lambda h: (h.kind == "entry", sangong.in_text(heading(h)), h.date is None))
    item = candidates[0] if candidates else None
    with_sangong = [h for h in candidates if sangong.in_text(h.text)]
    with_sangong += [h for h in hits(site, sangong) if names_year(heading(h), year) and term.in_text(h.text)]
    return Publication(kind, year, item, with_sangong[0] if with_sangong else None)


@rule(name="department-budget", fills={"department": "D08"}, title="公开财政预决算等重点领域政府信息",
      needs=("pages", "documents"))
def department_budget(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Finds the department's budget for the as-of year and final accounts for the year before, with 三公经费.

    Why: D08; budgets and final accounts are the key area every department publishes (2008 Regulation
    art. 10), and the 三公经费 (official travel abroad, vehicles, receptions) are published with them.
    Evidence: pages, documents or list items whose own title names the year and 预算 / 决算; their date;
    三公经费 in their text or in an item of the same year.
    Met: both found, dated, each with 三公经费. Partial: one of them, or undated, or without 三公经费.
    Not met: searched every page, document and list of the site, found neither.
    """
    year = ctx.as_of.year
    budget = publication(site, ctx, "预算", year)
    accounts = publication(site, ctx, "决算", year - 1)
    summary = f"{budget.describe()}；{accounts.describe()}"
    proofs = [p.proof for pub in (budget, accounts) for p in (pub.item, pub.sangong) if p is not None]
    proofs = list(dict.fromkeys(proofs))
    if budget.complete and accounts.complete:
        return met(summary, proofs)
    searched = (f"在全站页面、附件和文章列表中按标题查找“{year}年”与“预算”、“{year - 1}年”与“决算”，"
                "并在其中查找“三公经费”")
    if proofs:
        return partial(summary, proofs, searched=searched,
                       advice="在预决算公开栏目发布本年度部门预算和上年度部门决算（含三公经费说明），并注明发布日期")
    return not_met(summary, searched=searched,
                   advice=f"公开{year}年部门预算和{year - 1}年部门决算，包括三公经费，并注明发布日期")

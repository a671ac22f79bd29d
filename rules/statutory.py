"""Statutory content and key areas: each category found or not, where, how many items, how fresh (C10/D07, C11, C12)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta

from rules.context import RuleContext
from rules.find import Column, find_column
from rules.model import Outcome, Proof, Verdict, manual, met, not_met, partial
from rules.registry import rule
from rules.snapshot import SiteSnapshot
from rules.vocabulary import Term


@dataclass(frozen=True, slots=True)
class Category:
    """One statutory category or key area on one site."""

    name: str
    column: Column | None
    stale: bool  # newest item older than the ruleset's stale_after_days, or no dated item
    required: bool = True  # an optional category counts only when the site shows it
    dead: str = ""  # why the column's link did not open ("HTTP 404", "连接超时"), if it did not

    @property
    def state(self) -> str:
        """missing | dead (its link does not open) | unread (linked, not crawled: its content is unknown)
        | empty | stale | ok."""
        if self.column is None:
            return "missing"
        if self.column.page is None:
            return "dead" if self.dead else "unread"
        if self.column.items == 0:
            return "empty"
        return "stale" if self.stale else "ok"

    @property
    def label(self) -> str:
        return f"{self.name}（{self.dead}）" if self.state == "dead" else self.name


STATE_LABELS = (("stale", "长期未更新"), ("empty", "栏目无内容"), ("dead", "栏目链接无法打开"),
                ("unread", "栏目页面未抓取，内容需人工核查"), ("missing", "未找到"))


@dataclass(frozen=True, slots=True)
class CategoryReport:
    """Every category of a set on one site, and the verdict they add up to."""

    categories: tuple[Category, ...]

    @property
    def considered(self) -> tuple[Category, ...]:
        """The required categories, and the optional ones the site shows."""
        return tuple(c for c in self.categories if c.required or c.column is not None)

    def named(self, state: str) -> list[str]:
        return [c.label for c in self.considered if c.state == state]

    @property
    def verdict(self) -> Verdict:
        """Met when every category is shown and fresh; manual when the only ones not known to be are linked
        columns that were not crawled (nothing is known against them); not met when none is shown."""
        states = {c.state for c in self.considered}
        if states == {"ok"}:
            return Verdict.MET
        if states <= {"ok", "unread"}:
            return Verdict.MANUAL
        return Verdict.NOT_MET if states <= {"missing"} else Verdict.PARTIAL

    def describe(self) -> str:
        parts = [f"{len(self.named('ok'))}/{len(self.considered)} 类有内容且及时更新"]
        for state, label in STATE_LABELS:
            if self.named(state):
                parts.append(f"{label}：{'、'.join(self.named(state))}")
        return "；".join(parts)


def categories(site: SiteSnapshot, terms: tuple[Term, ...], ctx: RuleContext,
               required: Collection[str] | None = None) -> CategoryReport:
    """Each term's column on the site; `required` None means every category is required."""
    cutoff = (ctx.as_of - timedelta(days=int(ctx.param("stale_after_days")))).isoformat()
    found = []
    for term in terms:
        col = find_column(site, term)
        newest = col.newest if col else None
        stale = newest is None or newest < cutoff or newest > ctx.as_of.isoformat()
        dead = site.dead(col.url) if col is not None and col.page is None else None
        found.append(Category(term.name, col, stale, required is None or term.name in required,
                              (dead.reason or "无法访问") if dead else ""))
    return CategoryReport(tuple(found))


def terms_of(ctx: RuleContext, key: str) -> tuple[Term, ...]:
    return tuple(t for set_name in ctx.param(key) for t in ctx.vocab.terms(set_name))


def statutory_terms(site: SiteSnapshot, ctx: RuleContext) -> tuple[tuple[Term, ...], Collection[str] | None]:
    """The categories a site answers for, and which of them it must show (None: all).

    A township answers for art. 12 (its own list, all required); a department for art. 10 "within its
    duties" (2008 art. 10): only the ruleset's `statutory_required` must be there, the others count
    when shown; a county for every category of art. 10 and 11.
    """
    if site.site.kind == "township":
        return terms_of(ctx, "statutory_township"), None
    required = ctx.param("statutory_required")
    return terms_of(ctx, "statutory"), None if required == "all" else frozenset(required)


def judge_categories(site: SiteSnapshot, terms: tuple[Term, ...], ctx: RuleContext, what: str,
                     required: Collection[str] | None = None) -> Outcome:
    report = categories(site, terms, ctx, required)
    proofs = [c.column.proof for c in report.considered if c.column]
    searched = f"在全站栏目链接、网址和页面标题中按名称查找{what}：{'、'.join(c.name for c in report.categories)}"
    days = ctx.param("stale_after_days")
    if report.verdict is Verdict.MET:
        return met(f"{what}全部有内容，最新信息均在 {days} 天内", proofs)
    if report.verdict is Verdict.NOT_MET:
        return not_met(f"未找到任何{what}栏目", searched=searched, advice=f"按《条例》开设并更新{what}栏目")
    if report.verdict is Verdict.MANUAL:
        return manual(f"{what}：{report.describe()}", proofs,
                      advice=f"人工打开以下栏目，核对是否有内容且在 {days} 天内更新：{'、'.join(report.named('unread'))}")
    lacking = report.named("missing") + report.named("empty") + report.named("stale")
    advice = [f"补充并及时更新：{'、'.join(lacking)}（超过 {days} 天未更新视为不及时）"] if lacking else []
    if report.named("dead"):
        advice.append(f"修复无法打开的栏目链接：{'、'.join(report.named('dead'))}")
    if report.named("unread"):
        advice.append(f"人工核查未抓取的栏目：{'、'.join(report.named('unread'))}")
    return partial(f"{what}：{report.describe()}", proofs, searched=searched, advice="；".join(advice))


@rule(name="statutory-content", fills={"county": "C10", "department": "D07"},
      title="按《条例》第9、10、11条准确及时做好网上政府信息公开", needs=("pages",))
def statutory_content(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Checks each statutory category of the Regulation for a column with content, and how fresh it is.

    Why: C10/D07 cite the 2008 Regulation art. 9–11 (the 2019 ruleset: art. 20–21); the categories are
    rules/vocab/statutory.yaml, the sets per form in ruleset `statutory`, staleness in `stale_after_days`.
    A county answers for every category; a department for `statutory_required` and the others it shows
    (art. 10: "within its duties"); a township site for its own art. 12 categories.
    Evidence: per category the column (label, URL), its item count and newest item date.
    Met: every category answered for has items and a recent one. Partial: some missing, empty or stale (named).
    Not met: no category found anywhere on the site.
    """
    terms, required = statutory_terms(site, ctx)
    return judge_categories(site, terms, ctx, "法定主动公开内容", required)


@rule(name="key-areas", fills={"county": "C12"}, title="重点领域政府信息网上公开", needs=("pages",))
def key_areas(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Checks each key area (重点领域) for a column with content, and how fresh it is.

    Why: C12; the key areas are rules/vocab/key_areas.yaml (财政预决算, 重大建设项目, 公共资源配置, ...).
    Evidence: per area the column (label, URL), its item count and newest item date.
    Met: every area has items and a recent one. Partial: some missing, empty or stale (named).
    Not met: no key-area column anywhere on the site.
    """
    return judge_categories(site, ctx.vocab.terms("key_areas"), ctx, "重点领域")


@rule(name="township-disclosure", fills={"county": "C11"}, title="按《条例》第12条抓好乡镇（街道）政府信息公开",
      needs=("pages", "children"))
def township_disclosure(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Checks the townships' disclosure: each township site's categories under the Regulation's art. 12.

    Why: C11 cites the 2008 Regulation art. 12 (categories in rules/vocab/statutory.yaml, ruleset
    `statutory_township`). On a township's own site, its own categories are judged.
    Evidence: the township sub-sites found from the portal, each with its categories found and missing.
    Met: every township reached shows every category with recent items. Partial: some townships or
    categories fall short (named). Not met: no township site or column found, or none shows any category.
    """
    terms = terms_of(ctx, "statutory_township")
    if site.site.kind == "township":
        return judge_categories(site, terms, ctx, "乡镇法定公开内容")
    townships = site.children_of_kind("township")
    column = find_column(site, ctx.vocab.term("sub_sites", "乡镇"))
    searched = "在门户网站查找乡镇（街道）网站或栏目，并在各乡镇站点查找：" + "、".join(t.name for t in terms)
    if not townships:
        if column is None:
            return not_met("门户网站上未找到乡镇（街道）网站或信息公开栏目", searched=searched,
                           advice="在门户网站开设乡镇（街道）信息公开栏目或链接各乡镇网站")
        return partial(f"有“{column.label}”入口，但未抓取到乡镇（街道）网站", [column.proof], searched=searched,
                       advice="确认各乡镇（街道）信息公开网站可访问，并按《条例》第12条公开")
    lines: list[str] = []
    proofs: list[Proof] = []
    verdicts: list[Verdict] = []
    for town in townships:
        if not town.reachable:
            lines.append(f"{town.site.name}：无法访问（{town.site.reason or '无响应'}）")
            verdicts.append(Verdict.NOT_MET)
            continue
        report = categories(town, terms, ctx)
        verdicts.append(report.verdict)
        lines.append(f"{town.site.name}：{report.describe()}")
        proofs.extend(c.column.proof for c in report.categories if c.column)
    summary = "；".join(lines)
    if all(v is Verdict.MET for v in verdicts):
        return met(f"各乡镇（街道）法定公开内容齐全且及时：{summary}", proofs)
    if all(v in (Verdict.MET, Verdict.MANUAL) for v in verdicts):  # nothing known against any township
        return manual(f"部分乡镇（街道）栏目未抓取，需人工核查：{summary}", proofs,
                      advice="人工打开上述未抓取的栏目，核对是否有内容且及时更新")
    if proofs:
        return partial(summary, proofs, searched=searched, advice="督促各乡镇（街道）补齐并及时更新上述内容")
    return not_met(f"乡镇（街道）网站均未见法定公开内容：{summary}", searched=searched,
                   advice="督促各乡镇（街道）按《条例》第12条开设信息公开栏目")



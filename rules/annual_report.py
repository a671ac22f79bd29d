"""The annual disclosure report: the previous year's report found by its own title or text, dated against the deadline."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from rules.context import RuleContext
from rules.find import Hit, find_column, hits, names_year
from rules.model import Outcome, Proof, manual, met, not_met, partial
from rules.registry import rule
from rules.snapshot import SiteSnapshot
from rules.vocabulary import normalize

DEADLINE_KEYS = {"county": "annual_report_government", "township": "annual_report_township",
                 "department": "annual_report_department"}
_YEAR = re.compile(r"((?:19|20)\d\d)年")


@dataclass(frozen=True, slots=True)
class ReportStatus:
    """One site's report for one year: found or not, and its date against the deadline."""

    site: str  # the site's name
    year: int
    deadline: date
    report: Hit | None
    state: str  # on_time | late | undated | missing
    not_due: ReportStatus | None = None  # the newer report, not yet due on the as-of date, if we fell back

    @property
    def label(self) -> str:
        y = f"{self.year}年度报告"
        return {"on_time": f"{y}于 {self.report.date if self.report else ''} 发布（截止 {self.deadline}）",
                "late": f"{y}于 {self.report.date if self.report else ''} 发布，晚于截止日 {self.deadline}",
                "undated": f"{y}已发布但未注明发布日期（截止 {self.deadline}）",
                "missing": f"未找到{y}（截止 {self.deadline}）"}[self.state]


def report_year(hit: Hit) -> int | None:
    """The year a report is about: the first year in its title, else in the start of its text."""
    for text in (hit.title, hit.text[:300]):
        match = _YEAR.search(normalize(text))
        if match:
            return int(match.group(1))
    return None


def reports_for(site: SiteSnapshot, ctx: RuleContext, year: int) -> list[Hit]:
    """Pages and documents that are the report for `year` by their own title or text (never by link text).

    One dated after the as-of date did not exist then (old evidence judged again with --as-of).
    """
    term = ctx.vocab.term("documents", "年度报告")
    return [h for h in hits(site, term) if term.in_text(h.title + h.text[:300]) and report_year(h) == year
            and not (h.date and h.date > ctx.as_of.isoformat())]


def status_for(site: SiteSnapshot, ctx: RuleContext, year: int) -> ReportStatus:
    deadline = ctx.ruleset.deadline(DEADLINE_KEYS.get(site.site.kind, "annual_report_government"), year)
    found = reports_for(site, ctx, year)
    dated = sorted((h for h in found if h.date), key=lambda h: h.date or "")
    if dated:
        first = dated[0]
        state = "on_time" if first.date and first.date <= deadline.isoformat() else "late"
        return ReportStatus(site.site.name, year, deadline, first, state)
    if found:
        return ReportStatus(site.site.name, year, deadline, found[0], "undated")
    return ReportStatus(site.site.name, year, deadline, None, "missing")


def due_status(site: SiteSnapshot, ctx: RuleContext) -> ReportStatus:
    """The previous year's report; before its deadline and not yet out, the last report that was due."""
    year = ctx.as_of.year - 1
    status = status_for(site, ctx, year)
    if status.state == "missing" and ctx.as_of <= status.deadline:
        return replace(status_for(site, ctx, year - 1), not_due=status)
    return status


def link_only(site: SiteSnapshot, ctx: RuleContext, year: int) -> list[Proof]:
    """Links that name the report and the year, but whose target did not show it (not evidence alone)."""
    term = ctx.vocab.term("platform_parts", "年报")
    named = site.links_where(text=lambda text: term.in_text(text) and names_year(text, year), url=lambda _: False)
    return list(dict.fromkeys(Proof(s.link.url, s.link.text) for s in named))[:3]


@rule(name="annual-report-on-time", fills={"county": "C13"}, title="及时发布上年度政府信息公开工作年度报告",
      needs=("pages", "documents", "children"))
def annual_report_on_time(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Finds last year's annual report and checks it was published by the deadline; lists sub-sites' reports.

    Why: 2008 Regulation art. 31 (by 31 March); the 2019 revision art. 49 (departments by 31 January);
    deadlines come from the ruleset. Before the deadline, the last report that was due is judged.
    Evidence: a page or document whose own title or text names the report and the year (link texts
    often have no year, so a link alone never counts); its publication date or listing date.
    Met: found, dated on or before the deadline. Partial: found but late or undated, or only a link.
    Not met: searched every page and document of the site, found none after the deadline.
    Department and township reports found from the portal are listed as on time, late or missing.
    """
    own = due_status(site, ctx)
    children = [due_status(c, ctx) for c in site.children if c.reachable and c.site.kind in DEADLINE_KEYS]
    troubled = [c for c in children if c.state != "on_time"]
    child_note = ("；子站：" + "；".join(f"{c.site}{c.label}" for c in troubled)) if troubled else (
        f"；{len(children)} 个子站均按时发布" if children else "")
    advice_children = f"督促{'、'.join(c.site for c in troubled)}发布或补注日期" if troubled else ""
    pending = (f"（{own.not_due.year}年度报告截止 {own.not_due.deadline} 前尚未发布，按上一份评判）"
               if own.not_due else "")
    proofs = [own.report.proof] if own.report else []
    proofs += [c.report.proof for c in children if c.report]
    summary = f"{own.label}{pending}{child_note}"
    if own.state == "on_time":
        if troubled and ctx.param("annual_report_children_affect_verdict"):
            return partial(summary, proofs, searched="在各子站查找上年度年报", advice=advice_children)
        return met(summary, proofs, advice=advice_children)
    if own.state in ("late", "undated"):
        return partial(summary, proofs, advice=_join("年度报告应在截止日前发布并注明发布日期", advice_children))
    links = link_only(site, ctx, own.year)
    if links:
        return partial(f"{summary}；只见到链接文字提及{own.year}年年报，页面或文件本身未能证实", links,
                       searched=f"在全站页面标题、正文和附件中查找“{own.year}年”与“政府信息公开工作年度报告”",
                       advice="确认年度报告页面或附件可以打开，标题写明年份并注明发布日期")
    return not_met(summary, searched=f"在全站 {sum(1 for _ in site.ok_pages())} 个页面和 {len(site.documents)} 个文件的"
                                     f"标题和正文中查找“{own.year}年”与“政府信息公开工作年度报告”",
                   advice=_join(f"在 {own.deadline} 前于信息公开平台“年报”栏目发布{own.year}年度报告", advice_children),
                   evidence=proofs)


@rule(name="application-replies", fills={"department": "D10"}, title="及时回复政府信息公开申请",
      needs=("pages", "documents", "dead_links"))
def application_replies(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Checks what a site shows of answering applications: an online channel and the report's table.

    Why: D10; applications must be easy to file (an online form that works), and the annual report
    (2008 art. 32) states the applications received and answered. Each reply's timeliness is only in
    the unit's register.
    Evidence: a working 在线申请 link; a 依申请公开 page (letters, visits); the table of applications
    in the last report that was due.
    Met: a working online form and the report's table. Partial: a 依申请公开 page or the table only.
    Not met: never (neither on the site: manual, with what to ask for).
    """
    form = ctx.vocab.term("services", "在线申请")
    online = list(dict.fromkeys(s.link for s in site.links_where(text=form.in_label, url=form.in_url,
                                                                 images_by_url=True)))
    working = [ln for ln in online if site.dead(ln.url) is None]
    offline = find_column(site, ctx.vocab.term("services", "依申请公开"))
    status = due_status(site, ctx)
    report = status.report
    table = report is not None and ctx.vocab.term("documents", "申请处理表").in_text(report.text)
    proofs = [Proof(working[0].url, working[0].text)] if working else ([offline.proof] if offline else [])
    if table and report:
        proofs.append(Proof(report.url, f"{report.title}（含收到和处理申请情况）", report.date))
    if working and table:
        return met("有可用的在线申请渠道，年度报告公开了收到和处理申请的情况", proofs,
                   advice="每一件申请的答复是否及时，仍需核对登记台账")
    lacking = [w for w, ok in (("可用的在线申请渠道", working), (f"{status.year}年度报告中的申请处理情况", table)) if not ok]
    if proofs:
        return partial(f"未见{'、'.join(lacking)}", proofs,
                       searched="在全站链接中查找在线申请入口，在年度报告正文中查找收到和处理申请情况",
                       advice=f"补充{'、'.join(lacking)}")
    dead = [ln.url for ln in online if ln not in working]
    return manual("网站上未见依申请公开渠道或申请处理情况" + (f"（在线申请链接失效：{dead[0]}）" if dead else "") + "，需人工核查",
                  advice="开设可用的依申请公开在线渠道，并提供申请登记台账")


def _join(*advice: str) -> str:
    return "；".join(a for a in advice if a)


"""Organisation rows shown by documents on the site: leading group, assessment, work points, meetings (C01–C04, D01–D03)."""

from __future__ import annotations

from datetime import timedelta

from rules.context import RuleContext
from rules.find import Hit, hits, names_year, titles_in_lists
from rules.model import Outcome, manual, met, partial
from rules.registry import rule
from rules.snapshot import SiteSnapshot


def titled(site: SiteSnapshot, ctx: RuleContext, word: str) -> list[Hit]:
    """Pages, documents and list items whose own title names the word and 政务公开/政务服务, one per URL."""
    terms = (ctx.vocab.term("documents", word), ctx.vocab.term("documents", "政务公开主题"))
    found = {h.url: h for h in titles_in_lists(site, *terms)}
    found.update({h.url: h for h in hits(site, *terms, include_text=False)})
    return sorted(found.values(), key=lambda h: h.date or "", reverse=True)


def is_recent(hit: Hit, ctx: RuleContext) -> bool:
    """Dated within the ruleset's stale_after_days, or titled with the as-of year."""
    cutoff = (ctx.as_of - timedelta(days=int(ctx.param("stale_after_days")))).isoformat()
    return bool(hit.date and cutoff <= hit.date <= ctx.as_of.isoformat()) or names_year(hit.title, ctx.as_of.year)


def judge_documents(site: SiteSnapshot, ctx: RuleContext, word: str, what: str, *, recent_needed: bool,
                    at_least: int = 1) -> Outcome:
    found = titled(site, ctx, word)
    recent = [h for h in found if is_recent(h, ctx)] if recent_needed else found
    proofs = [h.proof for h in (recent or found)[:5]]
    if len(recent) >= at_least:
        return met(f"网站公开了{what}：{'；'.join(h.title for h in recent[:3])}", proofs)
    if found:
        why = f"近期只有 {len(recent)} 条" if recent else "均非近期"
        return partial(f"网站上的{what}{why}：{'；'.join(h.title for h in found[:3])}", proofs,
                       searched=f"在全站文章标题中查找近 {ctx.param('stale_after_days')} 天的{what}",
                       advice=f"公开本年度的{what}")
    return manual(f"网站上未找到{what}，需人工核查", advice=f"可在网站公开{what}")


@rule(name="leading-group", fills={"county": "C01", "department": "D01"}, title="成立政务公开政务服务工作领导小组",
      needs=("pages", "documents"))
def leading_group(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for the published notice that set up the 政务公开政务服务 leading group.

    Why: C01/D01; who leads the group (县长 / 行政正职) is in the notice, which a person confirms.
    Evidence: a page, document or list item whose own title names 领导小组 and 政务公开 / 政务服务.
    Met: such a notice found (any date: the group stands until dissolved).
    Partial: never. Not met: never (no notice on the site: manual, with what to ask for).
    """
    return judge_documents(site, ctx, "领导小组", "政务公开政务服务工作领导小组的文件", recent_needed=False)


@rule(name="comprehensive-assessment", fills={"county": "C02", "department": "D02"},
      title="政务公开政务服务工作纳入综合考核", needs=("pages", "documents"))
def comprehensive_assessment(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for a recent assessment scheme that covers 政务公开 / 政务服务.

    Why: C02/D02; the assessment is yearly, so only a recent scheme shows it is still in force.
    Evidence: a title naming 考核 (综合考核, 考核办法, 考核细则) and 政务公开 / 政务服务; its date.
    Met: one dated within stale_after_days (or titled with the as-of year). Partial: only older ones.
    Not met: never (nothing on the site: manual, with what to ask for).
    """
    return judge_documents(site, ctx, "综合考核", "政务公开政务服务考核文件", recent_needed=True)


@rule(name="work-points", fills={"county": "C03"}, title="以政府或政府办公室名义印发工作要点",
      needs=("pages", "documents"))
def work_points(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Looks for this year's 政务公开 work points (工作要点) published on the site.

    Why: C03; the work points are issued every year by the government or its office.
    Evidence: a title naming 工作要点 and 政务公开 / 政务服务; its date or the year in its title.
    Met: one for the as-of year or dated within stale_after_days. Partial: only older ones.
    Not met: never (nothing on the site: manual, with what to ask for).
    """
    return judge_documents(site, ctx, "工作要点", "政务公开工作要点", recent_needed=True)


@rule(name="regular-meetings", fills={"county": "C04", "department": "D03"}, title="定期召开会议研究政务公开政务服务工作",
      needs=("pages", "documents"))
def regular_meetings(site: SiteSnapshot, ctx: RuleContext) -> Outcome:
    """Counts recent meeting reports on 政务公开 / 政务服务 work.

    Why: C04/D03; "regular" means more than one meeting a year (ruleset meetings_min).
    Evidence: titles naming a meeting (会议, 专题会议, 推进会) and 政务公开 / 政务服务, with their dates.
    Met: at least meetings_min within stale_after_days. Partial: fewer, or only older ones.
    Not met: never (no meeting reported on the site: manual, with what to ask for).
    """
    return judge_documents(site, ctx, "会议", "研究政务公开政务服务工作的会议报道", recent_needed=True,
                           at_least=int(ctx.param("meetings_min")))

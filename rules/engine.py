"""The engine: every row of a site's form, in form order, answered by its rule, the catalogue or the crawl."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

import rules  # noqa: F401 - importing the package registers every rule family
from rules.catalogue import load_form
from rules.context import RuleContext
from rules.model import Finding, Outcome, Row, Verdict, manual, unreachable
from rules.registry import RegisteredRule, rule_for
from rules.snapshot import SiteSnapshot

log = logging.getLogger(__name__)

FORM_BY_KIND = {"county": "county", "township": "county", "department": "department"}


def form_for(kind: str) -> str:
    """Departments answer the department form; counties and townships the county form."""
    return FORM_BY_KIND.get(kind, "county")


def judge_site(snapshot: SiteSnapshot, as_of: date, ruleset: str | None = None) -> tuple[str, list[Finding]]:
    """Answer every row of the site's form, in form order."""
    form_id = form_for(snapshot.site.kind)
    ctx = RuleContext.for_form(form_id, as_of, ruleset)
    form = load_form(form_id)
    if not snapshot.reachable:
        reason = snapshot.site.reason or "站点无法访问，未抓取到任何页面"
        gone = replace(unreachable(f"无法访问：{reason}"), advice="恢复网站访问（检查域名解析、服务器和首页地址）后重新检查")
        return form_id, [Finding.of(row, gone) for row in form.rows]
    return form_id, [judge_row(row, rule_for(form_id, row.id), snapshot, ctx) for row in form.rows]


def judge_row(row: Row, entry: RegisteredRule | None, snapshot: SiteSnapshot, ctx: RuleContext) -> Finding:
    """One row: the catalogue's manual answer, the rule's outcome, or a manual 规则出错 if the rule raised."""
    if entry is None:
        return Finding.of(row, manual(f"网站无法反映此项，需人工核查：请提供{row.ask_for}",
                                      advice=f"请提供：{row.ask_for}"))
    try:
        outcome = entry.func(snapshot, ctx)
    except Exception:
        log.exception("rule %s raised on %s (%s); answered as manual", entry.name, snapshot.site.url, row.id)
        outcome = manual("规则出错，需人工核查（已记录错误日志）",
                         advice=f"请人工核查此项{('，并提供' + row.ask_for) if row.ask_for else ''}")
    return Finding.of(row, with_advice(row, outcome), rule=entry.name)


def with_advice(row: Row, outcome: Outcome) -> Outcome:
    """Every finding carries one line a web team can act on; a rule that gave none gets the row's default."""
    if outcome.advice:
        return outcome
    default = {
        Verdict.MET: "保持现有做法，定期检查上述证据链接仍可访问、内容及时更新",
        Verdict.MANUAL: f"请提供：{row.ask_for}" if row.ask_for else "请人工核查此项",
    }.get(outcome.verdict, f"按考核细则补齐：{row.short or row.question}")
    return replace(outcome, advice=default)

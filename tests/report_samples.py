"""Hand-built scan results for report tests: every verdict, a hostile page title and a javascript: URL."""

from __future__ import annotations

from rules.catalogue import load_form
from rules.model import Finding, Outcome, Proof, Row, ScanResult, SiteChanges, SiteResult, Verdict

PORTAL = "http://www.yunxi.gov.cn/"
JYJ = "http://jyj.yunxi.gov.cn/"
STHJJ = "http://www.yunxi.gov.cn/bm/sthjj/"
SFJ = "http://sfj.yunxi.gov.cn/"
HOSTILE_TITLE = "<script>window.__pwned=1</script>"
HOSTILE_URL = "javascript:window.__pwned=1"
DATA_URL = "data:text/html,<script>window.__pwned=1</script>"
CYCLE = (Verdict.MET, Verdict.PARTIAL, Verdict.NOT_MET, Verdict.MANUAL)


def finding(row: Row, verdict: Verdict, host: str) -> Finding:
    """A finding for `row` with the fields its verdict calls for."""
    proof = (Proof(f"{host}zwgk/{row.id.lower()}.html", f"{row.short or row.id}栏目", "2026-03-18"),)
    if verdict is Verdict.MET:
        return Finding.of(row, _outcome(verdict, f"找到“{row.short}”", proof), rule="sample")
    if verdict is Verdict.PARTIAL:
        return Finding.of(row, _outcome(verdict, f"“{row.short}”只找到一部分", proof,
                                        searched="政务公开栏目", advice="补齐缺少的内容"), rule="sample")
    if verdict is Verdict.NOT_MET:
        return Finding.of(row, _outcome(verdict, f"未找到“{row.short}”", (),
                                        searched=f"{host} 的导航栏和政府信息公开平台",
                                        advice=f"在政务公开栏目下发布“{row.short}”"), rule="sample")
    if verdict is Verdict.MANUAL:
        return Finding.of(row, _outcome(verdict, row.ask_for or "网站无法判断", ()))
    return Finding.of(row, _outcome(verdict, "站点无法访问：连接超时", ()))


def _outcome(verdict: Verdict, summary: str, evidence: tuple[Proof, ...], searched: str = "",
             advice: str = "") -> Outcome:
    return Outcome(verdict, summary, evidence, searched, advice)


def findings(form_id: str, host: str, unreachable: bool = False) -> tuple[Finding, ...]:
    rows = load_form(form_id).rows
    if unreachable:
        return tuple(finding(r, Verdict.UNREACHABLE, host) for r in rows)
    return tuple(finding(r, CYCLE[i % len(CYCLE)], host) for i, r in enumerate(rows))


def hostile(items: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The first finding's evidence carries a script title, a javascript: URL and a data: URL."""
    first, rest = items[0], items[1:]
    evil = (Proof(HOSTILE_URL, HOSTILE_TITLE, "2026-01-02"), Proof(DATA_URL, "data 链接"),
            Proof("http://www.yunxi.gov.cn/a?x=\"><img src=x onerror=alert(1)>", HOSTILE_TITLE))
    return (Finding(first.indicator, first.group, first.question, Verdict.MET, HOSTILE_TITLE,
                    evil + first.evidence, first.searched, first.advice, first.rule, first.checkability), *rest)


def sample_scan(complete: bool = True, with_changes: bool = True) -> ScanResult:
    portal = SiteResult(
        name="云溪县人民政府", url=PORTAL, kind="county", role="portal", status="ok", reason="", pages=128,
        form="county", findings=hostile(findings("county", PORTAL)),
        dead_links=((SFJ, PORTAL + "bmwz/", "DNS 解析失败"), (PORTAL + "old/x.html", HOSTILE_URL, "HTTP 404")),
        robots_excluded=(PORTAL + "admin/",), errors=("页面过大已截断：" + PORTAL + "big.html",),
        subsites=(JYJ, STHJJ, SFJ), key=PORTAL)
    jyj = SiteResult(
        name=HOSTILE_TITLE + "云溪县教育局", url=JYJ, kind="department", role="department", status="ok", reason="",
        pages=40, form="department", findings=findings("department", JYJ), found_on=PORTAL + "bmwz/", key=JYJ)
    sthjj = SiteResult(
        name="云溪县生态环境局", url=STHJJ, kind="department", role="department", status="ok", reason="",
        pages=22, form="department", findings=findings("department", STHJJ),
        found_on=PORTAL + "bmwz/", key=STHJJ)
    sfj = SiteResult(
        name="云溪县司法局", url=SFJ, kind="department", role="department", status="unreachable",
        reason="DNS 解析失败", pages=0, form="department", findings=findings("department", SFJ, unreachable=True),
        found_on=PORTAL + "bmwz/", key=SFJ)
    changes = {
        PORTAL: SiteChanges(previous_scan=6, worse=(("C13", "met", "not_met"),), better=(("C08", "partial", "met"),),
                            new_dead_links=(SFJ,)),
        JYJ: SiteChanges(previous_scan=6),
    } if with_changes else {}
    return ScanResult(id=7, as_of="2026-11-20", started="2026-11-20T02:00:00+08:00",
                      finished="2026-11-20T02:14:09+08:00" if complete else "", complete=complete,
                      sites=(jyj, portal, sthjj, sfj), changes=changes)

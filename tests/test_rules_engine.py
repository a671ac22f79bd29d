"""The engine answers every row of the right form, in order, and survives a rule that raises."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from rule_snapshots import HOME, entry, home, nav, page, snapshot

import rules.engine
from rules.catalogue import load_form
from rules.engine import judge_site
from rules.model import Verdict, met
from rules.registry import RegisteredRule

AS_OF = date(2026, 11, 20)


@pytest.mark.parametrize(("kind", "form", "rows"), [("county", "county", 35), ("township", "county", 35),
                                                    ("department", "department", 16)])
def test_a_site_answers_every_row_of_its_kinds_form_in_form_order(kind, form, rows):
    form_id, findings = judge_site(snapshot(kind=kind, role="portal" if kind == "county" else kind), AS_OF)
    assert form_id == form
    assert [f.indicator for f in findings] == [r.id for r in load_form(form).rows]
    assert len(findings) == rows


def test_a_catalogue_manual_row_is_manual_with_what_to_ask_for():
    _, findings = judge_site(snapshot(), AS_OF)
    c17 = next(f for f in findings if f.indicator == "C17")
    assert c17.verdict is Verdict.MANUAL
    assert "场地" in c17.summary
    assert c17.advice
    assert c17.rule == ""


def test_an_unreachable_site_gets_every_row_unreachable_with_the_reason():
    snap = snapshot(status="unreachable", reason="DNS 解析失败", kind="department", role="department")
    form_id, findings = judge_site(snap, AS_OF)
    assert form_id == "department"
    assert {f.verdict for f in findings} == {Verdict.UNREACHABLE}
    assert all("DNS 解析失败" in f.summary for f in findings)
    assert all(f.advice for f in findings)


def test_a_rule_that_raises_gives_manual_rule_error_logs_the_traceback_and_the_run_goes_on(monkeypatch, caplog):
    def broken(site, ctx):
        raise ZeroDivisionError("boom")

    real = rules.engine.rule_for

    def patched(form, row):
        if row == "C08":
            return RegisteredRule("broken-rule", {"county": "C08"}, "坏规则", ("pages",), broken)
        return real(form, row)

    monkeypatch.setattr(rules.engine, "rule_for", patched)
    with caplog.at_level(logging.ERROR, logger="rules.engine"):
        _, findings = judge_site(snapshot(), AS_OF)
    c08 = next(f for f in findings if f.indicator == "C08")
    assert c08.verdict is Verdict.MANUAL
    assert "规则出错" in c08.summary
    assert "ZeroDivisionError" in caplog.text
    assert "broken-rule" in caplog.text
    assert len(findings) == 35


def test_a_met_without_an_evidence_url_cannot_be_built():
    with pytest.raises(ValueError, match="evidence"):
        met("没有证据", [])


def test_every_met_and_partial_finding_on_a_rich_site_carries_an_evidence_url_and_every_not_met_what_was_searched():
    site = snapshot([
        home(nav("政务公开", HOME + "zwgk/"), nav("网上办事", HOME + "wsbs/"), nav("互动交流", HOME + "hdjl/")),
        page(HOME + "zwgk/", "政务公开", links=[nav("政府信息公开指南", HOME + "zwgk/zn/")],
             entries=[entry("关于2026年政务公开工作要点的通知", HOME + "a/1.html", "2026-03-01")]),
    ])
    _, findings = judge_site(site, AS_OF)
    for f in findings:
        if f.verdict in (Verdict.MET, Verdict.PARTIAL):
            assert f.evidence, f.indicator
            assert all(p.url.startswith("http") for p in f.evidence), f.indicator
        if f.verdict is Verdict.NOT_MET:
            assert f.searched, f.indicator
        assert f.summary, f.indicator
        assert f.advice, f.indicator

"""D08: this year's budget and last year's final accounts, each with 三公经费, dated."""

from __future__ import annotations

import pytest
from rule_snapshots import HOME, ctx, doc, entry, home, link, page, snapshot

from rules.budget import department_budget
from rules.model import Verdict

YJS = HOME + "yjs/"


def budget_site(*items, documents=()):
    """A department site whose 预决算公开 column lists the given (title, url, date) items."""
    return snapshot([home(link("预决算公开", YJS)),
                     page(YJS, "预决算公开", entries=[entry(t, u, d) for t, u, d in items])],
                    documents, kind="department", role="department", name="县教育局")


def docs(budget_year: int = 2026, accounts_year: int = 2025, sangong: bool = True, dated: bool = True):
    three = "三公经费支出预算" if sangong else "基本支出"
    return [doc(YJS + "ys.pdf", f"县教育局{budget_year}年部门预算", f"一、部门收支总表 ……{three}",
                "2026-02-10" if dated else None),
            doc(YJS + "js.pdf", f"县教育局{accounts_year}年部门决算", f"一、收入支出决算总表 ……{three}",
                "2026-08-20" if dated else None)]


def test_this_years_budget_and_last_years_accounts_with_three_public_expenses_are_met():
    outcome = department_budget(budget_site(documents=docs()), ctx("department"))
    assert outcome.verdict is Verdict.MET
    assert {p.url for p in outcome.evidence} == {YJS + "ys.pdf", YJS + "js.pdf"}
    assert "2026年预算" in outcome.summary
    assert "2025年决算" in outcome.summary


def test_without_three_public_expenses_it_is_partial():
    outcome = department_budget(budget_site(documents=docs(sangong=False)), ctx("department"))
    assert outcome.verdict is Verdict.PARTIAL
    assert "未见三公经费" in outcome.summary


def test_three_public_expenses_may_be_a_separate_item_of_the_same_year():
    items = [("县教育局2026年三公经费预算说明", YJS + "sg.html", "2026-02-10")]
    site = budget_site(*items, documents=docs(sangong=False))
    site = snapshot([*site.pages, page(YJS + "sg.html", "县教育局2026年三公经费预算说明", text="预算",
                                       published="2026-02-10")], site.documents, kind="department",
                    role="department")
    outcome = department_budget(site, ctx("department"))
    assert "2026年预算：县教育局2026年部门预算（2026-02-10），含三公经费" in outcome.summary


def test_undated_publications_are_partial():
    assert department_budget(budget_site(documents=docs(dated=False)), ctx("department")).verdict is Verdict.PARTIAL


@pytest.mark.parametrize(("as_of", "verdict"), [("2026-12-31", Verdict.MET), ("2027-01-01", Verdict.PARTIAL)])
def test_at_the_turn_of_the_year_last_years_budget_no_longer_counts(as_of, verdict):
    site = budget_site(documents=[*docs(), doc(YJS + "js26.pdf", "县教育局2026年部门决算", "三公经费", "2027-01-01")])
    outcome = department_budget(site, ctx("department", as_of=as_of))
    assert outcome.verdict is verdict


def test_a_list_titled_yujuesuan_is_neither_the_budget_nor_the_accounts():
    site = budget_site(("县教育局2026年预决算公开目录", YJS + "ml.html", "2026-02-01"))
    assert department_budget(site, ctx("department")).verdict is Verdict.NOT_MET


def test_nothing_found_is_not_met_and_says_which_years_were_searched():
    outcome = department_budget(snapshot(kind="department", role="department"), ctx("department"))
    assert outcome.verdict is Verdict.NOT_MET
    assert "2026年" in outcome.searched
    assert "2025年" in outcome.searched

"""Page texts stay in the database while a stored scan is judged: searched there, read only for pages found.

Judging holds every page of a portal and its sub-sites; without their texts (about 4 KB a page) its memory
grows far less with the portal's size (issue 7). These tests pin that the stored search finds exactly what
the in-memory one finds, that old databases are brought up to the schema, and that a snapshot never
carries page texts where a rule could read them without the search.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from rule_snapshots import HOME, home, page, snapshot

from crawler.demo import DEMO_AS_OF, PORTAL_HOST, DemoServer
from crawler.run import CheckRequest, check, families, load_snapshot
from crawler.store import Store, StoreError, finding_to_dict
from crawler.texts import stored_pages
from rules.engine import form_for, judge_site
from rules.evidence import PageEvidence, SiteInfo
from rules.find import hits
from rules.snapshot import SiteSnapshot, TextsInMemory
from rules.vocabulary import Term, load_vocabulary

A, B = "http://a.gov.cn/", "http://b.gov.cn/"


def info(key: str) -> SiteInfo:
    return SiteInfo(key=key, url=key, name=key, role="portal", kind="county")


def a_page(site: str, path: str, text: str, status: int = 200, title: str = "") -> PageEvidence:
    return PageEvidence(site=site, url=site + path, final_url=site + path, status=status, title=title or path,
                        text=text)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'z.sqlite'}")


def test_a_page_is_stored_with_its_text_normalized_in_its_own_column_and_not_in_the_json(store, tmp_path):
    scan = store.begin_scan(A, "2026-11-20")
    store.add_pages(scan, [a_page(A, "1.html", "政府信息公开 工作 年度报告\u3000ANNUAL Report", title="年报")])
    with sqlite3.connect(tmp_path / "z.sqlite") as db:
        text, evidence = db.execute("SELECT text, evidence FROM pages").fetchone()
    assert text == "政府信息公开工作年度报告annualreport"
    assert "text" not in json.loads(evidence)
    assert '"title": "年报"' in evidence  # the JSON is UTF-8, not \u escapes
    assert [p.text for p in store.pages_of(scan, A)] == [text]
    assert [p.text for _, p in store.page_rows(scan, A)] == [""]


# The stored search on both databases (its own site and scan only, LIKE wildcards matched literally):
# tests/test_store_backends.py.


def test_a_database_written_before_the_text_column_is_upgraded_and_keeps_every_page(tmp_path):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # the pages table as zwgk 0.1 wrote it: the text inside the JSON
        db.execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, scan_id INTEGER NOT NULL, site_key TEXT NOT NULL, "
                   "url TEXT NOT NULL, evidence JSON NOT NULL)")
        for n in range(1200):  # more than one batch of the upgrade
            evidence = a_page(A, f"{n}.html", f"第 {n} 页 政府信息公开").to_dict()
            db.execute("INSERT INTO pages (scan_id, site_key, url, evidence) VALUES (1, ?, ?, ?)",
                       (A, evidence["url"], json.dumps(evidence)))
        db.execute("INSERT INTO pages (scan_id, site_key, url, evidence) VALUES (1, ?, ?, '[]')", (B, B))  # damaged

    store = Store(f"sqlite:///{path}")

    loaded = list(store.pages_of(1, A))
    assert len(loaded) == 1200
    assert loaded[7].text == "第7页政府信息公开"
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM pages WHERE evidence LIKE '%\"text\"%'").fetchone() == (0,)
        indexes = {row[1] for row in db.execute("PRAGMA index_list(pages)")}
    assert "ix_pages_scan_site" in indexes
    _, texts = stored_pages(store, 1, A)
    assert sorted(texts.containing(["第7页"])) == [7]
    Store(f"sqlite:///{path}")  # a second open finds nothing to do
    assert list(store.pages_of(1, A))[7].text == "第7页政府信息公开"
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT text, evidence FROM pages WHERE site_key = ?", (B,)).fetchone() == ("", "[]")


def test_a_snapshot_keeps_no_page_text_and_rules_read_texts_through_it():
    site = snapshot([home(), page(HOME + "nb.html", "年报", text="2025年 政府信息公开工作年度报告")])
    assert all(p.text == "" for p in site.pages)
    report = site.page(HOME + "nb.html")
    assert site.text_of(report) == "2025年政府信息公开工作年度报告"


def test_a_terms_pages_are_searched_once_per_snapshot_however_often_rules_ask():
    pages = [home(), page(HOME + "1.html", "一", text="预算"), page(HOME + "2.html", "二", text="决算")]
    asked: list[tuple[str, ...]] = []
    inner = TextsInMemory.of(pages)

    class Spy:
        def containing(self, needles):
            asked.append(tuple(needles))
            return inner.containing(needles)

        def texts(self, numbers):
            return inner.texts(numbers)

    site = SiteSnapshot.build(info(HOME), pages, [], [], Spy())
    budget = Term("预算", ("预算", "财政预算"))
    for _ in range(3):
        assert [h.url for h in hits(site, budget)] == [HOME + "1.html"]
    assert hits(site, budget, include_text=False) == []
    assert asked == [("预算", "财政预算")]


@pytest.fixture(scope="module")
def demo_store(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, int]:
    tmp = tmp_path_factory.mktemp("page-texts")
    store = Store(f"sqlite:///{tmp / 'zwgk.sqlite'}")
    request = CheckRequest(url=demo_server.url(PORTAL_HOST), as_of=date.fromisoformat(DEMO_AS_OF),
                           resolve=tuple(demo_server.resolve_args()), strict_resolve=True, out=tmp / "report")
    return store, check(request, store)


def test_judging_the_demo_with_texts_in_the_database_equals_judging_with_texts_in_memory(demo_store):
    store, scan = demo_store
    as_of = date.fromisoformat(DEMO_AS_OF)

    def in_memory(site: SiteInfo) -> SiteSnapshot:
        return SiteSnapshot.build(site, store.pages_of(scan, site.key), store.documents_of(scan, site.key),
                                  store.dead_links_of(scan, site.key))

    compared = 0
    for head, kids in families(store.sites_of(scan)):
        for load in (in_memory, lambda site: load_snapshot(store, scan, site)):
            children = [load(kid) for kid in kids]
            portal = load(head).with_children(children)
            for snap in (portal, *children):
                _, findings = judge_site(snap, as_of, f"2013-{form_for(snap.site.kind)}")
                _, stored = store.findings_of(scan, snap.site.key)
                assert [finding_to_dict(f) for f in findings] == [finding_to_dict(f) for f in stored], snap.site.url
                compared += 1
    assert compared == 2 * len(store.sites_of(scan))


def test_every_vocabulary_term_hits_the_same_demo_pages_searched_in_the_database_or_in_memory(demo_store):
    store, scan = demo_store
    terms = {term for terms in load_vocabulary().sets.values() for term in terms}
    found_in_text = 0
    for site in store.sites_of(scan):
        stored = load_snapshot(store, scan, site)
        held = SiteSnapshot.build(site, store.pages_of(scan, site.key), store.documents_of(scan, site.key),
                                  store.dead_links_of(scan, site.key))
        for term in terms:
            assert hits(stored, term) == hits(held, term), (site.url, term.name)
            found_in_text += len(hits(held, term)) - len(hits(held, term, include_text=False))
    assert found_in_text > 50  # the demo's pages name many terms in their text only


def test_a_page_with_empty_text_is_not_found_by_an_empty_needle_as_in_memory(store):
    scan = store.begin_scan(A, "2026-11-20")
    store.add_pages(scan, [a_page(A, "0.html", ""), a_page(A, "1.html", "正文")])
    _, texts = stored_pages(store, scan, A)
    assert list(texts.containing([""])) == [1]
    assert TextsInMemory.of(store.pages_of(scan, A)).containing([""]) == {1}


def test_a_nul_in_a_page_text_is_dropped_so_any_database_can_store_it(store):
    scan = store.begin_scan(A, "2026-11-20")
    store.add_pages(scan, [a_page(A, "1.html", "政府\x00信息")])
    assert [p.text for p in store.pages_of(scan, A)] == ["政府信息"]


@pytest.mark.parametrize(("url", "says"), [
    ("mysql+pymysql://zwgk@127.0.0.1/zwgk", "缺少数据库驱动 pymysql"),  # a driver that is not installed
    ("nosuch://x", "数据库地址无效"),
    ("not a database url", "数据库地址无效"),
])
def test_a_database_url_that_cannot_be_used_is_a_one_line_store_error(url, says):
    with pytest.raises(StoreError, match=says):
        Store(url)

"""The store on SQLite and on a real PostgreSQL: `--db postgresql+psycopg://...` is a promise only a server can check.

The module starts a throwaway PostgreSQL server on 127.0.0.1 (initdb in a temporary directory, stopped and
removed at the end). On it and on an SQLite file it runs a scan's life cycle, the stored text search
(`strpos` on PostgreSQL, `instr` on SQLite) and judging from the database; the upgrade of an old schema runs
on PostgreSQL here (on SQLite in tests/test_page_texts.py). PostgreSQL and psycopg are installed by
`scripts/setup.sh --test`; when either is missing the tests fail and say so instead of skipping.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from rule_snapshots import HOME, home, page
from sqlalchemy import create_engine, inspect
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url

from crawler.run import load_snapshot
from crawler.store import Store, StoreError
from crawler.texts import stored_pages
from rules.evidence import DeadLink, DocumentEvidence, PageEvidence, SiteInfo
from rules.find import hits
from rules.model import Finding, Proof, Verdict
from rules.snapshot import SiteSnapshot
from rules.vocabulary import load_vocabulary

A, B = "http://a.gov.cn/", "http://b.gov.cn/"
SETUP = "run `bash scripts/setup.sh --test`, which installs PostgreSQL and psycopg"
SERVER_USER = "postgres"  # PostgreSQL refuses to run as root; Debian's package creates this user


def postgres_bindir() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres: pg_config's, Debian's, or the one on PATH."""
    candidates = []
    if pg_config := shutil.which("pg_config"):
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
        candidates.append(Path(found))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                         key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0, reverse=True)
    if postgres := shutil.which("postgres"):
        candidates.append(Path(postgres).resolve().parent)
    return next((d for d in candidates if all((d / name).is_file() for name in ("initdb", "pg_ctl", "postgres"))),
                None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str], home: Path, as_user: list[str]) -> None:
    """Run a server tool (as the server's user when we are root); fail with its output and the server log."""
    done = subprocess.run([*as_user, *command], cwd=home, capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        log = home / "server.log"
        pytest.fail(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
                    + (f"\nserver log:\n{log.read_text(errors='replace')}" if log.exists() else ""), pytrace=False)


def create_database(url: str, name: str) -> str:
    """A new, empty database on the server of `url`; its URL."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sql(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL server on 127.0.0.1 (trust auth, no fsync) with an empty database `zwgk`."""
    bindir = postgres_bindir()
    if bindir is None:
        pytest.fail(f"PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: {SETUP}.", pytrace=False)
    if importlib.util.find_spec("psycopg") is None:
        pytest.fail(f"psycopg (the `postgres` extra) is not installed: {SETUP}.", pytrace=False)
    as_user: list[str] = []
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            pytest.fail(f"running as root needs the `{SERVER_USER}` system user for the server: {SETUP}.",
                        pytrace=False)
        as_user = ["runuser", "-u", SERVER_USER, "--"]
    home = Path(tempfile.mkdtemp(prefix="zwgk-pg-"))  # not under pytest's tmp: root's is closed to other users
    data, port = home / "data", free_port()
    if as_user:
        shutil.chown(home, SERVER_USER, SERVER_USER)
    try:
        run([str(bindir / "initdb"), "-D", str(data), "-U", "zwgk", "--auth=trust", "--encoding=UTF8",
             "--locale=C", "--no-sync"], home, as_user)
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{home}'\n"
                       "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(home / "server.log"), "-w", "-t", "30", "start"],
            home, as_user)
        yield create_database(f"postgresql+psycopg://zwgk@127.0.0.1:{port}/postgres", "zwgk")
    finally:
        if (data / "postmaster.pid").exists():  # a server that started, even one pg_ctl gave up waiting for
            run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], home, as_user)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same store tests on each database zwgk supports: an SQLite file and the PostgreSQL server."""
    url = f"sqlite:///{tmp_path / 'z.sqlite'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    store = Store(url)
    yield store
    store.engine.dispose()


def info(key: str, pages: int = 0) -> SiteInfo:
    return SiteInfo(key=key, url=key, name="示例县人民政府", role="portal", kind="county", pages=pages)


def a_page(site: str, path: str, text: str, status: int = 200, title: str = "") -> PageEvidence:
    return PageEvidence(site=site, url=site + path, final_url=site + path, status=status, title=title or path,
                        text=text)


def test_a_scan_is_stored_judged_and_read_back(store):
    target = "http://lifecycle.gov.cn/"
    scan = store.begin_scan(target, "2026-11-20", "2013")
    store.save_site(scan, info(A))
    store.save_site(scan, info(A, pages=3))  # the second save replaces the first
    pages = [a_page(A, "", "首页 欢迎", title="示例县人民政府"),
             a_page(A, "nb.html", "政府信息公开 工作 年度报告\u3000ANNUAL Report", title="年报"),
             a_page(A, "ys.html", "2025年 部门预算\n公开 TABLE", title="预算公开")]
    store.add_pages(scan, pages)
    documents = [DocumentEvidence(site=A, url=A + "nb.pdf", status=200, from_url=A + "nb.html", link_text="年度报告",
                                  title="2025年政府信息公开工作年度报告", text="一、总体情况\n二、主动公开", published="2026-01-20")]
    store.add_documents(scan, documents)
    dead = [DeadLink(site=A, url=A + "gone.html", from_url=A, status=404, reason="HTTP 404")]
    store.add_dead_links(scan, dead)
    findings = [Finding("C01", "公开制度", "是否公开政府信息公开制度", Verdict.MET, "已公开",
                        (Proof(A + "nb.html", "年报", "2026-01-20"),), "栏目", "", "annual-report", "web"),
                Finding("C02", "年度报告", "是否按时发布年度报告", Verdict.MANUAL, "待人工核查")]
    store.save_findings(scan, A, "county", findings)
    assert store.latest_complete_scan(target) is None
    store.complete_scan(scan)
    later = store.begin_scan(target, "2026-11-21")  # begun, never completed

    assert store.latest_complete_scan(target) == scan
    assert store.previous_complete_scan_of_site(later, A) == scan
    assert store.previous_complete_scan_of_site(scan, A) is None
    assert store.sites_of(scan) == [info(A, pages=3)]
    assert store.documents_of(scan, A) == documents
    assert store.dead_links_of(scan, A) == dead
    assert store.findings_of(scan, A) == ("county", findings)
    assert store.page_count(scan, A) == 3
    result = store.scan_result(scan)
    assert (result.id, result.as_of, result.ruleset, result.complete) == (scan, "2026-11-20", "2013", True)
    assert [(s.url, s.name, s.pages, s.form, s.findings, s.dead_links) for s in result.sites] == [
        (A, "示例县人民政府", 3, "county", tuple(findings), ((A + "gone.html", A, "HTTP 404"),))]
    assert store.scan_result(later).complete is False

    stored = list(store.pages_of(scan, A))
    assert [p.title for p in stored] == ["示例县人民政府", "年报", "预算公开"]
    assert [p.text for p in stored] == ["首页欢迎", "政府信息公开工作年度报告annualreport", "2025年部门预算公开table"]
    assert stored == [replace(p, text=s.text) for p, s in zip(pages, stored, strict=True)]
    rows = list(store.page_rows(scan, A))
    assert [p.text for _, p in rows] == ["", "", ""]
    assert [row_id for row_id, _ in rows] == sorted(row_id for row_id, _ in rows)
    with store.engine.connect() as conn:
        text, evidence = conn.execute(sql("SELECT text, CAST(evidence AS TEXT) FROM pages WHERE id = :id"),
                                      {"id": rows[1][0]}).one()
    assert text == "政府信息公开工作年度报告annualreport"
    assert "text" not in json.loads(evidence)
    assert '"title": "年报"' in evidence  # the JSON is UTF-8, not \u escapes


def test_stored_texts_find_the_pages_of_their_own_site_and_scan_only(store):
    first = store.begin_scan(A, "2026-11-20")
    store.add_pages(first, [a_page(A, "0.html", "首页"), a_page(A, "1.html", "2025年度 预算 公开"),
                            a_page(A, "2.html", "部门决算"), a_page(A, "3.html", "预算", status=404),
                            a_page(B, "1.html", "预算")])
    second = store.begin_scan(A, "2026-11-21")
    store.add_pages(second, [a_page(A, "1.html", "预算")])

    pages, texts = stored_pages(store, first, A)
    assert [p.url for p in pages] == [A + "0.html", A + "1.html", A + "2.html", A + "3.html"]
    assert all(p.text == "" for p in pages)
    assert sorted(texts.containing(["预算"])) == [1, 3]  # by page number; status is the snapshot's business
    assert sorted(texts.containing(["预算", "决算"])) == [1, 2, 3]
    assert list(texts.containing(["三公经费"])) == []
    assert texts.texts([2, 1]) == {1: "2025年度预算公开", 2: "部门决算"}
    _, later = stored_pages(store, second, A)
    assert list(later.containing(["预算"])) == [0]


def test_needles_with_like_wildcards_and_backslashes_are_matched_literally(store):
    scan = store.begin_scan(A, "2026-11-20")
    store.add_pages(scan, [a_page(A, "1.html", "完成率100%"), a_page(A, "2.html", "完成率1000"),
                           a_page(A, "3.html", "文号 A_1"), a_page(A, "4.html", "文号AB1"),
                           a_page(A, "5.html", "路径 C:\\公开")])
    _, texts = stored_pages(store, scan, A)
    assert list(texts.containing(["100%"])) == [0]
    assert list(texts.containing(["率1_0"])) == []
    assert list(texts.containing(["a_1"])) == [2]
    assert list(texts.containing(["%"])) == [0]
    assert list(texts.containing(["c:\\公开"])) == [4]
    assert texts.texts([4, 0]) == {0: "完成率100%", 4: "路径c:\\公开"}


def test_every_vocabulary_term_hits_the_same_pages_searched_in_the_database_or_in_memory(store):
    terms = sorted({term for terms in load_vocabulary().sets.values() for term in terms},
                   key=lambda t: (t.name, t.labels))
    site = info(HOME)
    pages = [home()]
    named_in_text = 0
    for n, term in enumerate(terms):
        label = term.labels[-1]
        spaced = f"{label[:1]}\u3000{label[1:]}"  # whitespace inside a label is not there once normalized
        if n % 3 == 0:
            pages.append(page(f"{HOME}t/{n}.html", f"{label}栏目"))
        elif n % 3 == 1:
            pages.append(page(f"{HOME}x/{n}.html", f"第{n}页", text=f"本县 NEWS {spaced} 详见附件"))
            named_in_text += 1
        else:
            pages.append(page(f"{HOME}gone/{n}.html", f"第{n}页", text=spaced, status=404))
    scan = store.begin_scan(HOME, "2026-11-20")
    store.add_pages(scan, pages)
    store.add_pages(scan, [page(f"{B}all.html", "全部", text=" ".join(t.labels[0] for t in terms), site=B)])

    stored = load_snapshot(store, scan, site)
    held = SiteSnapshot.build(site, pages, [], [])
    found_in_text = 0
    for term in terms:
        assert hits(stored, term) == hits(held, term), term.name
        found_in_text += len(hits(held, term)) - len(hits(held, term, include_text=False))
    assert found_in_text >= named_in_text > 20


def test_an_old_postgresql_database_without_the_text_column_is_upgraded_and_keeps_every_page(postgres_url):
    url = create_database(postgres_url, "zwgk_old")
    old = create_engine(url)
    with old.begin() as conn:  # the pages table as zwgk 0.1 wrote it: the text inside the JSON
        conn.execute(sql("CREATE TABLE pages (id SERIAL PRIMARY KEY, scan_id INTEGER NOT NULL, "
                         "site_key TEXT NOT NULL, url TEXT NOT NULL, evidence JSON NOT NULL)"))
        rows = [a_page(A, f"{n}.html", f"第 {n} 页 政府信息公开").to_dict() for n in range(1200)]  # > one batch
        conn.execute(sql("INSERT INTO pages (scan_id, site_key, url, evidence) VALUES (1, :site, :url, :evidence)"),
                     [{"site": A, "url": e["url"], "evidence": json.dumps(e)} for e in rows])
    old.dispose()

    store = Store(url)
    try:
        loaded = list(store.pages_of(1, A))
        assert len(loaded) == 1200
        assert loaded[7].text == "第7页政府信息公开"
        with store.engine.connect() as conn:
            assert conn.execute(sql("SELECT count(*) FROM pages WHERE evidence::text LIKE '%\"text\"%'")).scalar() == 0
        assert "ix_pages_scan_site" in {i["name"] for i in inspect(store.engine).get_indexes("pages")}
        _, texts = stored_pages(store, 1, A)
        assert sorted(texts.containing(["第7页"])) == [7]
    finally:
        store.engine.dispose()
    again = Store(url)  # a second open finds nothing to do
    try:
        assert list(again.pages_of(1, A))[7].text == "第7页政府信息公开"
    finally:
        again.engine.dispose()


def test_a_postgresql_server_nobody_answers_is_a_store_error_in_plain_words():
    url = f"postgresql+psycopg://zwgk@127.0.0.1:{free_port()}/zwgk"
    with pytest.raises(StoreError, match=r"无法使用数据库 .*Connection refused"):
        Store(url)

"""The store: scans, sites, pages, documents, dead links and findings, through SQLAlchemy.

SQLite by default (one file, WAL), any SQLAlchemy URL otherwise (PostgreSQL included).
Evidence is kept as JSON so old scans can be judged again. A scan is `complete` only after
every site was judged; readers of "the latest report" only ever see complete scans.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy import text as sql
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from rules.evidence import DeadLink, DocumentEvidence, PageEvidence, SiteInfo
from rules.model import Finding, Proof, ScanResult, SiteResult, Verdict
from rules.vocabulary import normalize_text

SHANGHAI = ZoneInfo("Asia/Shanghai")

metadata = MetaData()

scans = Table(
    "scans", metadata,
    Column("id", Integer, primary_key=True),
    Column("target", Text, nullable=False, default=""),  # the URL or registry file scanned
    Column("as_of", String(10), nullable=False),
    Column("ruleset", String(40), nullable=False, default=""),
    Column("started", String(32), nullable=False),
    Column("finished", String(32), nullable=False, default=""),
    Column("complete", Boolean, nullable=False, default=False),
    Column("error", Text, nullable=False, default=""),
)

sites = Table(
    "sites", metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, nullable=False, index=True),
    Column("key", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("name", Text, nullable=False, default=""),
    Column("role", String(20), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("status", String(20), nullable=False, default="ok"),
    Column("reason", Text, nullable=False, default=""),
    Column("found_on", Text, nullable=False, default=""),
    Column("pages", Integer, nullable=False, default=0),
    Column("info", JSON, nullable=False),  # SiteInfo.to_dict()
)

pages = Table(
    "pages", metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, nullable=False, index=True),
    Column("site_key", Text, nullable=False),
    Column("url", Text, nullable=False),
    # The start of the page's main text, normalized as matched (rules.vocabulary.normalize_text); rules search
    # it here (crawler.texts.StoredTexts) instead of holding every page's text. Before `evidence`, so a search
    # reads no more of a row than it needs. The evidence JSON holds everything else of the page.
    Column("text", Text, nullable=False, default=""),
    Column("evidence", JSON, nullable=False),
)
pages_by_site = Index("ix_pages_scan_site", pages.c.scan_id, pages.c.site_key)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, nullable=False, index=True),
    Column("site_key", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("evidence", JSON, nullable=False),
)

dead_links = Table(
    "dead_links", metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, nullable=False, index=True),
    Column("site_key", Text, nullable=False),
    Column("url", Text, nullable=False),
    Column("from_url", Text, nullable=False, default=""),
    Column("status", Integer, nullable=False, default=0),
    Column("reason", Text, nullable=False, default=""),
)

findings = Table(
    "findings", metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, nullable=False, index=True),
    Column("site_key", Text, nullable=False),
    Column("position", Integer, nullable=False),  # form order
    Column("form", String(20), nullable=False),
    Column("indicator", String(8), nullable=False),
    Column("data", JSON, nullable=False),
)


class StoreError(Exception):
    """The database cannot be used; the message says why in plain words."""


def default_db_url() -> str:
    """`$ZWGK_DB` when set, else an SQLite file under `$XDG_DATA_HOME/zwgk/` (~/.local/share/zwgk)."""
    if env := os.environ.get("ZWGK_DB"):
        return env if "://" in env else f"sqlite:///{Path(env).expanduser().resolve()}"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "zwgk"
    return f"sqlite:///{base / 'zwgk.sqlite'}"


def now_iso() -> str:
    return datetime.now(SHANGHAI).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """All reads and writes of zwgk's database. Short transactions; JSON for evidence."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_db_url()
        if self.url.startswith("sqlite:///"):
            path = Path(self.url.removeprefix("sqlite:///"))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"无法创建数据库目录 {path.parent}：{exc.strerror}") from exc
        # JSON as UTF-8, not \uXXXX escapes: Chinese titles and link texts take half the room and parse faster.
        try:
            self.engine: Engine = create_engine(self.url, future=True, json_serializer=_json_utf8)
        except ArgumentError as exc:
            raise StoreError(f"数据库地址无效：{self.url}（例如 sqlite:///路径 或 postgresql+psycopg://用户@主机/库）") from exc
        except ImportError as exc:  # the URL names a driver that is not installed
            raise StoreError(f"无法使用数据库 {self.url}：缺少数据库驱动 {exc.name or exc}"
                             "（PostgreSQL 请安装：pip install \"zwgk[postgres]\"）") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            metadata.create_all(self.engine)
            upgrade_schema(self.engine)
        except (OperationalError, DatabaseError) as exc:
            raise StoreError(f"无法使用数据库 {self.url}：{_first_line(exc)}") from exc

    # -- scans -------------------------------------------------------------------------

    def begin_scan(self, target: str, as_of: str, ruleset: str = "") -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(scans).values(
                target=target, as_of=as_of, ruleset=ruleset, started=now_iso(), finished="",
                complete=False, error=""))
            return int(result.inserted_primary_key[0])

    def complete_scan(self, scan_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(scans).where(scans.c.id == scan_id).values(finished=now_iso(), complete=True))

    def fail_scan(self, scan_id: int, error: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(scans).where(scans.c.id == scan_id).values(finished=now_iso(), error=error))

    def scan_row(self, scan_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(scans).where(scans.c.id == scan_id)).mappings().first()
            return dict(row) if row else None

    def list_scans(self, limit: int = 50) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(scans).order_by(scans.c.id.desc()).limit(limit)).mappings()
            return [dict(r) for r in rows]

    def latest_complete_scan(self, target: str | None = None) -> int | None:
        query = select(func.max(scans.c.id)).where(scans.c.complete.is_(True))
        if target is not None:
            query = query.where(scans.c.target == target)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def previous_complete_scan_of_site(self, scan_id: int, site_url: str) -> int | None:
        """The newest complete scan before `scan_id` that judged the site at `site_url`."""
        query = (select(func.max(scans.c.id))
                 .select_from(scans.join(sites, sites.c.scan_id == scans.c.id))
                 .where(scans.c.complete.is_(True), scans.c.id < scan_id, sites.c.url == site_url))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    # -- crawl evidence ----------------------------------------------------------------

    def save_site(self, scan_id: int, site: SiteInfo) -> None:
        """Insert or replace the record of one site of a scan (keyed by its base URL)."""
        values = {"url": site.url, "name": site.name, "role": site.role, "kind": site.kind, "status": site.status,
                      "reason": site.reason, "found_on": site.found_on, "pages": site.pages, "info": site.to_dict()}
        with self.engine.begin() as conn:
            done = conn.execute(update(sites).where(sites.c.scan_id == scan_id, sites.c.key == site.key)
                                .values(**values))
            if done.rowcount == 0:
                conn.execute(insert(sites).values(scan_id=scan_id, key=site.key, **values))

    def add_pages(self, scan_id: int, items: Iterable[PageEvidence]) -> None:
        """Store pages: each page's text, normalized, in its own column; the rest of the page as JSON."""
        rows = [{"scan_id": scan_id, "site_key": p.site, "url": p.url, "text": searchable(p.text),
                 "evidence": _without_text(p.to_dict())} for p in items]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(pages), rows)

    def add_documents(self, scan_id: int, items: Iterable[DocumentEvidence]) -> None:
        rows = [{"scan_id": scan_id, "site_key": d.site, "url": d.url, "evidence": d.to_dict()} for d in items]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(documents), rows)

    def add_dead_links(self, scan_id: int, items: Iterable[DeadLink]) -> None:
        rows = [{"scan_id": scan_id, "site_key": d.site, "url": d.url, "from_url": d.from_url, "status": d.status,
                     "reason": d.reason} for d in items]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(dead_links), rows)

    def sites_of(self, scan_id: int) -> list[SiteInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(sites.c.info).where(sites.c.scan_id == scan_id).order_by(sites.c.id))
            return [SiteInfo.from_dict(r.info) for r in rows]

    def pages_of(self, scan_id: int, site_key: str) -> Iterator[PageEvidence]:
        """A site's pages in crawl order, each with its text as stored (normalized)."""
        return (page for _, page in self.page_rows(scan_id, site_key, with_text=True))

    def page_rows(self, scan_id: int, site_key: str, *, with_text: bool = False) -> Iterator[tuple[int, PageEvidence]]:
        """A site's pages in crawl order with their row ids; equal links, list entries and small tuples are
        shared between them. Without `with_text` a page's text is empty: judging reads texts through
        crawler.texts.StoredTexts."""
        shared: dict[object, object] = {}
        columns = [pages.c.id, pages.c.evidence, *([pages.c.text] if with_text else [])]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*columns).where(pages.c.scan_id == scan_id, pages.c.site_key == site_key)
                                .order_by(pages.c.id))
            for row in rows:
                evidence = _without_text(row.evidence)
                if with_text:
                    evidence["text"] = row.text
                yield row.id, PageEvidence.from_dict(evidence, shared)

    def documents_of(self, scan_id: int, site_key: str) -> list[DocumentEvidence]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents.c.evidence).where(documents.c.scan_id == scan_id,
                                                                   documents.c.site_key == site_key)
                                .order_by(documents.c.id))
            return [DocumentEvidence.from_dict(r.evidence) for r in rows]

    def dead_links_of(self, scan_id: int, site_key: str) -> list[DeadLink]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(dead_links).where(dead_links.c.scan_id == scan_id,
                                                         dead_links.c.site_key == site_key)
                                .order_by(dead_links.c.id)).mappings()
            return [DeadLink(site=r["site_key"], url=r["url"], from_url=r["from_url"], status=r["status"],
                             reason=r["reason"]) for r in rows]

    def page_count(self, scan_id: int, site_key: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(pages).where(
                pages.c.scan_id == scan_id, pages.c.site_key == site_key)).scalar() or 0)

    def page_total(self, scan_id: int) -> int:
        """Pages stored so far for a whole scan (all its sites): the scan's progress."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(pages).where(
                pages.c.scan_id == scan_id)).scalar() or 0)

    # -- findings ----------------------------------------------------------------------

    def save_findings(self, scan_id: int, site_key: str, form: str, items: Iterable[Finding]) -> None:
        rows = [{"scan_id": scan_id, "site_key": site_key, "position": i, "form": form, "indicator": f.indicator,
                     "data": finding_to_dict(f)} for i, f in enumerate(items)]
        with self.engine.begin() as conn:
            conn.execute(findings.delete().where(findings.c.scan_id == scan_id, findings.c.site_key == site_key))
            if rows:
                conn.execute(insert(findings), rows)

    def findings_of(self, scan_id: int, site_key: str) -> tuple[str, list[Finding]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(findings.c.form, findings.c.data).where(
                findings.c.scan_id == scan_id, findings.c.site_key == site_key).order_by(findings.c.position)).all()
        form = rows[0].form if rows else ""
        return form, [finding_from_dict(r.data) for r in rows]

    def scan_result(self, scan_id: int) -> ScanResult:
        """Everything reports need about one scan, in one immutable value."""
        row = self.scan_row(scan_id)
        if row is None:
            raise StoreError(f"没有编号为 {scan_id} 的扫描记录")
        infos = self.sites_of(scan_id)
        family = sub_sites_by_portal(infos)
        results = []
        for info in infos:
            form, items = self.findings_of(scan_id, info.key)
            dead = tuple((d.url, d.from_url, d.reason) for d in self.dead_links_of(scan_id, info.key))
            children = tuple(c.url for c in family.get(info.key, ()))
            results.append(SiteResult(
                name=info.name, url=info.url, kind=info.kind, role=info.role, status=info.status,
                reason=info.reason, pages=info.pages, form=form, findings=tuple(items), dead_links=dead,
                robots_excluded=info.robots_excluded, errors=info.errors, subsites=children,
                found_on=info.found_on, key=info.key))
        return ScanResult(id=row["id"], as_of=row["as_of"], started=row["started"], finished=row["finished"],
                          complete=bool(row["complete"]), sites=tuple(results), ruleset=row["ruleset"])


def sub_sites_by_portal(infos: list[SiteInfo]) -> dict[str, list[SiteInfo]]:
    """Each portal's key -> the sub-sites found from it (directly or through another sub-site).

    A registry can hold several portals in one scan; a sub-site belongs to the portal whose
    pages linked it, never to every portal of the scan.
    """
    keys = sorted((i.key for i in infos), key=len, reverse=True)
    by_key = {i.key: i for i in infos}

    def portal_of(info: SiteInfo, seen: frozenset[str] = frozenset()) -> str | None:
        if info.role == "portal":
            return info.key
        owner = next((k for k in keys if k != info.key and info.found_on.startswith(k)), None)
        if owner is None or owner in seen:
            return None
        return portal_of(by_key[owner], seen | {info.key})

    family: dict[str, list[SiteInfo]] = {}
    for info in infos:
        if info.role != "portal" and info.found_on and (portal := portal_of(info)) is not None:
            family.setdefault(portal, []).append(info)
    return family


def upgrade_schema(engine: Engine) -> None:
    """Bring a database written by an older zwgk up to this schema; a new one needs nothing.

    Pages gained a `text` column (the normalized text, moved out of the evidence JSON) and an index on
    (scan_id, site_key); old pages are moved over in batches, so old scans can still be judged again. One
    transaction: an upgrade that is interrupted leaves the old schema, and the next start upgrades again."""
    if "text" in {c["name"] for c in inspect(engine).get_columns("pages")}:
        return
    with engine.begin() as conn:
        conn.execute(sql("ALTER TABLE pages ADD COLUMN text TEXT NOT NULL DEFAULT ''"))
        last = 0
        while rows := conn.execute(select(pages.c.id, pages.c.evidence).where(pages.c.id > last)
                                   .order_by(pages.c.id).limit(500)).all():
            for row in rows:
                if isinstance(row.evidence, dict):  # anything else is left as it was: the loader reports it
                    conn.execute(update(pages).where(pages.c.id == row.id).values(
                        text=searchable(str(row.evidence.get("text") or "")), evidence=_without_text(row.evidence)))
            last = rows[-1].id
        pages_by_site.create(conn, checkfirst=True)


def searchable(text: str) -> str:
    """A page's text as stored and searched: normalized as matched, without NUL (PostgreSQL refuses it in text)."""
    return normalize_text(text).replace("\x00", "")


def _without_text(evidence: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in evidence.items() if k != "text"}


def _json_utf8(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "indicator": f.indicator, "group": f.group, "question": f.question, "verdict": f.verdict.value,
        "summary": f.summary, "evidence": [{"url": p.url, "text": p.text, "date": p.date} for p in f.evidence],
        "searched": f.searched, "advice": f.advice, "rule": f.rule, "checkability": f.checkability,
    }


def finding_from_dict(d: dict[str, Any]) -> Finding:
    return Finding(
        indicator=d["indicator"], group=d["group"], question=d["question"], verdict=Verdict(d["verdict"]),
        summary=d["summary"], evidence=tuple(Proof(**p) for p in d.get("evidence", ())),
        searched=d.get("searched", ""), advice=d.get("advice", ""), rule=d.get("rule", ""),
        checkability=d.get("checkability", "manual"))


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)) or exc.__class__.__name__
    return text.splitlines()[0]


__all__ = ["Store", "StoreError", "default_db_url", "finding_from_dict", "finding_to_dict", "now_iso"]

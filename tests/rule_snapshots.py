"""Small hand-built snapshots for rule tests: a site is a few pages, links, list entries and documents."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rules.context import RuleContext
from rules.evidence import DeadLink, DocumentEvidence, Link, ListEntry, PageEvidence, SiteInfo
from rules.snapshot import SiteSnapshot

HOME = "http://www.example.gov.cn/"


def nav(text: str, url: str) -> Link:
    return Link(url=url, text=text, place="nav")


def link(text: str, url: str, place: str = "body") -> Link:
    return Link(url=url, text=text, place=place)


def entry(text: str, url: str, day: str | None = None) -> ListEntry:
    return ListEntry(url=url, text=text, date=day)


def page(url: str, title: str = "", *, links: Iterable[Link] = (), entries: Iterable[ListEntry] = (),
         published: str | None = None, text: str = "", breadcrumb: Sequence[str] = (), status: int = 200,
         site: str = HOME) -> PageEvidence:
    return PageEvidence(site=site, url=url, final_url=url, status=status, title=title, breadcrumb=tuple(breadcrumb),
                        links=tuple(links), entries=tuple(entries), published=published, text=text,
                        depth=0 if url == site else 1)


def doc(url: str, title: str = "", text: str = "", published: str | None = None, link_text: str = "",
        site: str = HOME) -> DocumentEvidence:
    return DocumentEvidence(site=site, url=url, status=200, link_text=link_text, title=title, text=text,
                            published=published)


def dead(url: str, reason: str = "HTTP 404", site: str = HOME) -> DeadLink:
    return DeadLink(site=site, url=url, status=404, reason=reason)


def snapshot(pages: Iterable[PageEvidence] = (), documents: Iterable[DocumentEvidence] = (),
             dead_links: Iterable[DeadLink] = (), *, url: str = HOME, kind: str = "county", role: str = "portal",
             name: str = "示例县人民政府", status: str = "ok", reason: str = "",
             children: Sequence[SiteSnapshot] = ()) -> SiteSnapshot:
    pages = list(pages)
    if status == "ok" and not any(p.url == url for p in pages):
        pages.insert(0, page(url, name, site=url))
    info = SiteInfo(key=url, url=url, name=name, role=role, kind=kind, status=status, reason=reason)
    snap = SiteSnapshot.build(info, pages, documents, dead_links)
    return snap.with_children(children) if children else snap


def home(*links: Link, url: str = HOME, entries: Iterable[ListEntry] = (), title: str = "示例县人民政府") -> PageEvidence:
    return page(url, title, links=links, entries=entries, site=url)


def ctx(form: str = "county", as_of: str = "2026-11-20", ruleset: str | None = None) -> RuleContext:
    return RuleContext.for_form(form, date.fromisoformat(as_of), ruleset)

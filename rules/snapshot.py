"""SiteSnapshot: a read-only, indexed view of one site's crawled evidence, and of its sub-sites."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TypeVar

from rules.evidence import DeadLink, DocumentEvidence, Link, ListEntry, PageEvidence, SiteInfo

NAV_PLACES = ("header", "nav")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LinkSeen:
    """A link as found on a page: the link itself and the page that shows it."""

    link: Link
    page: PageEvidence


@dataclass(frozen=True, slots=True)
class SiteSnapshot:
    """One site's evidence. Build it with `SiteSnapshot.build`; the indexes are derived once there."""

    site: SiteInfo
    pages: tuple[PageEvidence, ...]
    documents: tuple[DocumentEvidence, ...]
    dead_links: tuple[DeadLink, ...]
    children: tuple[SiteSnapshot, ...] = ()
    _by_url: Mapping[str, PageEvidence] = field(default_factory=dict, repr=False, compare=False)
    _links: tuple[LinkSeen, ...] = field(default=(), repr=False, compare=False)
    _articles: frozenset[tuple[str, str]] = field(default=frozenset(), repr=False, compare=False)
    # Links grouped by their text and by their URL: the same nav labels repeat on every page, so a
    # term is tested once per distinct text, not once per link.
    _by_text: Mapping[str, tuple[LinkSeen, ...]] = field(default_factory=dict, repr=False, compare=False)
    _by_target: Mapping[str, tuple[LinkSeen, ...]] = field(default_factory=dict, repr=False, compare=False)
    _listed: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)  # url -> list date
    _dead: Mapping[str, DeadLink] = field(default_factory=dict, repr=False, compare=False)
    _memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)  # derived results

    @classmethod
    def build(cls, site: SiteInfo, pages: Iterable[PageEvidence], documents: Iterable[DocumentEvidence],
              dead_links: Iterable[DeadLink]) -> SiteSnapshot:
        kept = tuple(pages)
        ok = [p for p in kept if p.status == 200]
        by_url: dict[str, PageEvidence] = {}
        for page in ok:
            by_url.setdefault(page.final_url, page)
            by_url.setdefault(page.url, page)
        links = tuple(LinkSeen(link, page) for page in ok for link in page.links)
        by_text: dict[str, list[LinkSeen]] = {}
        by_target: dict[str, list[LinkSeen]] = {}
        for seen in links:
            by_text.setdefault(seen.link.text, []).append(seen)
            by_target.setdefault(seen.link.url, []).append(seen)
        listed: dict[str, str] = {}
        for page in ok:
            for e in page.entries:
                if e.date:
                    listed.setdefault(e.url, e.date)
        dead = tuple(dead_links)
        dead_by_url = {d.url.rstrip("/"): d for d in reversed(dead)}
        return cls(site, kept, tuple(documents), dead, (), MappingProxyType(by_url), links,
                   frozenset((p.final_url, e.url) for p in ok for e in p.entries if e.date),
                   MappingProxyType({k: tuple(v) for k, v in by_text.items()}),
                   MappingProxyType({k: tuple(v) for k, v in by_target.items()}),
                   MappingProxyType(listed), MappingProxyType(dead_by_url), {})

    def with_children(self, children: Sequence[SiteSnapshot]) -> SiteSnapshot:
        return replace(self, children=tuple(children))

    # -- pages -------------------------------------------------------------------------

    @property
    def reachable(self) -> bool:
        return self.site.status != "unreachable" and self.home is not None

    def ok_pages(self) -> Iterator[PageEvidence]:
        return (p for p in self.pages if p.status == 200)

    def page(self, url: str) -> PageEvidence | None:
        """The crawled page at `url` (requested or final URL), if it answered 200."""
        return self._by_url.get(url) or self._by_url.get(url.rstrip("/")) or self._by_url.get(url + "/")

    @property
    def home(self) -> PageEvidence | None:
        page = self.page(self.site.url)
        if page is not None:
            return page
        shallow = sorted(self.ok_pages(), key=lambda p: p.depth)
        return shallow[0] if shallow else None

    # -- links -------------------------------------------------------------------------

    def links(self) -> tuple[LinkSeen, ...]:
        """Every link on every crawled page, with its page."""
        return self._links

    def nav_links(self) -> list[Link]:
        """The home page's navigation links (header and nav), in page order, duplicates dropped."""
        home = self.home
        if home is None:
            return []
        seen: set[tuple[str, str]] = set()
        result = []
        for link in home.links:
            if link.place in NAV_PLACES and (link.url, link.text) not in seen:
                seen.add((link.url, link.text))
                result.append(link)
        return result

    def link_texts(self) -> Mapping[str, tuple[LinkSeen, ...]]:
        """Every distinct link text, with the links that show it."""
        return self._by_text

    def link_targets(self) -> Mapping[str, tuple[LinkSeen, ...]]:
        """Every distinct link URL, with the links that point to it."""
        return self._by_target

    def dead(self, url: str) -> DeadLink | None:
        return self._dead.get(url.rstrip("/"))

    def listed_date(self, url: str) -> str | None:
        """The date a list shows beside a link to `url`, if any."""
        return self._listed.get(url)

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """A result derived from this snapshot, computed once (the snapshot never changes)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    # -- lists and documents -------------------------------------------------------------

    def entries(self) -> Iterator[tuple[ListEntry, PageEvidence]]:
        """Every list entry on every page, with the list page."""
        for page in self.ok_pages():
            for entry in page.entries:
                yield entry, page

    def is_article(self, seen: LinkSeen) -> bool:
        """The link is a dated entry of its page's list: an article, not a column."""
        return (seen.page.final_url, seen.link.url) in self._articles

    def ok_documents(self) -> Iterator[DocumentEvidence]:
        return (d for d in self.documents if d.status == 200 and not d.error)

    # -- sub-sites ---------------------------------------------------------------------

    def children_of_kind(self, kind: str) -> tuple[SiteSnapshot, ...]:
        return tuple(c for c in self.children if c.site.kind == kind)

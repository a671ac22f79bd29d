"""SiteSnapshot: a read-only, indexed view of one site's crawled evidence, and of its sub-sites."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from rules.evidence import DeadLink, DocumentEvidence, Link, ListEntry, PageEvidence, SiteInfo
from rules.vocabulary import _URL_PARTS, normalize_text

NAV_PLACES = ("header", "nav")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LinkSeen:
    """A link as found on a page: the link itself and the page that shows it."""

    link: Link
    page: PageEvidence


class PageTexts(Protocol):
    """The texts of a snapshot's pages, normalized as matched (`normalize_text`), by page number: a page's
    place in the pages the snapshot was built from. A stored scan answers from the database, so judging
    does not hold every page's text (about 4 KB a page); `TextsInMemory` holds them, for small sites and tests."""

    def containing(self, needles: Sequence[str]) -> Collection[int]:
        """The numbers of the pages whose text contains one of the (normalized) needles."""
        ...

    def texts(self, numbers: Sequence[int]) -> dict[int, str]:
        """The texts of these pages, by number."""
        ...


@dataclass(frozen=True, slots=True)
class TextsInMemory:
    """Page texts held in memory, normalized once."""

    normalized: tuple[str, ...]

    @classmethod
    def of(cls, pages: Iterable[PageEvidence]) -> TextsInMemory:
        return cls(tuple(normalize_text(p.text) if p.text else "" for p in pages))

    def containing(self, needles: Sequence[str]) -> Collection[int]:
        return {n for n, text in enumerate(self.normalized) if text and any(s in text for s in needles)}

    def texts(self, numbers: Sequence[int]) -> dict[int, str]:
        return {n: self.normalized[n] for n in numbers}


@dataclass(frozen=True, slots=True)
class SiteSnapshot:
    """One site's evidence. Build it with `SiteSnapshot.build`; the indexes are derived once there.

    Links are indexed by page number, not as one object per link and page: the same ~35 header and
    footer links repeat on every page, and a `LinkSeen` is made only for the links a rule asks for.
    Pages are kept without their text: rules search and read texts through `texts` (`pages_containing`,
    `text_of`), which a stored scan answers from the database.
    """

    site: SiteInfo
    pages: tuple[PageEvidence, ...]
    documents: tuple[DocumentEvidence, ...]
    dead_links: tuple[DeadLink, ...]
    children: tuple[SiteSnapshot, ...] = ()
    texts: PageTexts = field(default=TextsInMemory(()), repr=False, compare=False)
    _number: Mapping[int, int] = field(default_factory=dict, repr=False, compare=False)  # id(page) -> number
    _by_url: Mapping[str, PageEvidence] = field(default_factory=dict, repr=False, compare=False)
    _ok: tuple[PageEvidence, ...] = field(default=(), repr=False, compare=False)  # pages answered 200
    _articles: frozenset[tuple[str, str]] = field(default=frozenset(), repr=False, compare=False)
    # Link text / link URL -> the numbers (in _ok) of the pages showing it, in page order: a term is
    # tested once per distinct text or URL, not once per link.
    _by_text: Mapping[str, array] = field(default_factory=dict, repr=False, compare=False)
    _by_target: Mapping[str, array] = field(default_factory=dict, repr=False, compare=False)
    _listed: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)  # url -> list date
    _dead: Mapping[str, DeadLink] = field(default_factory=dict, repr=False, compare=False)
    _memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)  # derived results

    @classmethod
    def build(cls, site: SiteInfo, pages: Iterable[PageEvidence], documents: Iterable[DocumentEvidence],
              dead_links: Iterable[DeadLink], texts: PageTexts | None = None) -> SiteSnapshot:
        """The snapshot of these pages. Without `texts`, the pages' own texts are kept in memory, normalized;
        with it (a stored scan: pages loaded without text), `texts` answers for page number n of `pages`."""
        given = tuple(pages)
        if texts is None:
            texts = TextsInMemory.of(given)
        kept = tuple(replace(p, text="") if p.text else p for p in given)
        number_by_id = {id(page): n for n, page in enumerate(kept)}
        ok = tuple(p for p in kept if p.status == 200)
        by_url: dict[str, PageEvidence] = {}
        for page in ok:
            by_url.setdefault(page.final_url, page)
            by_url.setdefault(page.url, page)
        by_text: dict[str, array] = {}
        by_target: dict[str, array] = {}
        for number, page in enumerate(ok):
            for link in page.links:
                for index, key in ((by_text, link.text), (by_target, link.url)):
                    numbers = index.get(key)
                    if numbers is None:
                        index[key] = array("I", (number,))
                    elif numbers[-1] != number:
                        numbers.append(number)
        listed: dict[str, str] = {}
        for page in ok:
            for e in page.entries:
                if e.date:
                    listed.setdefault(e.url, e.date)
        dead = tuple(dead_links)
        dead_by_url = {d.url.rstrip("/"): d for d in reversed(dead)}
        return cls(site, kept, tuple(documents), dead, (), texts, MappingProxyType(number_by_id), MappingProxyType(by_url), ok,
                   frozenset((p.final_url, e.url) for p in ok for e in p.entries if e.date),
                   MappingProxyType(by_text), MappingProxyType(by_target),
                   MappingProxyType(listed), MappingProxyType(dead_by_url), {})

    def with_children(self, children: Sequence[SiteSnapshot]) -> SiteSnapshot:
        return replace(self, children=tuple(children))

    # -- pages -------------------------------------------------------------------------

    @property
    def reachable(self) -> bool:
        return self.site.status != "unreachable" and self.home is not None

    def ok_pages(self) -> Iterator[PageEvidence]:
        return iter(self._ok)

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

    # -- texts -------------------------------------------------------------------------

    def pages_containing(self, needles: Sequence[str]) -> Collection[int]:
        """The numbers (see `number_of`) of the pages whose text contains one of the normalized needles;
        asked once per set of needles."""
        key = ("text-containing", tuple(needles))
        return self.memo(key, lambda: frozenset(self.texts.containing(tuple(needles))))

    def number_of(self, page: PageEvidence) -> int:
        return self._number[id(page)]

    def text_of(self, page: PageEvidence) -> str:
        """The start of the page's main text, normalized as matched (no white space, ASCII lower case)."""
        return self.texts_of([page])[0]

    def texts_of(self, pages: Sequence[PageEvidence]) -> list[str]:
        """The texts of these pages, in order, read at once."""
        numbers = [self._number[id(page)] for page in pages]
        found = self.texts.texts(numbers) if numbers else {}
        return [found.get(n, "") for n in numbers]

    # -- links -------------------------------------------------------------------------

    def links(self) -> Iterator[LinkSeen]:
        """Every link on every crawled page, with its page, in page order."""
        return (LinkSeen(link, page) for page in self._ok for link in page.links)

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

    def link_texts(self) -> Iterable[str]:
        """Every distinct link text, in the order first shown."""
        return self._by_text.keys()

    def link_targets(self) -> Iterable[str]:
        """Every distinct link URL, in the order first shown."""
        return self._by_target.keys()

    def links_where(self, *, text: Callable[[str], bool], url: Callable[[str], bool],
                    images_by_url: bool = False) -> list[LinkSeen]:
        """Links whose text passes `text`, then the others whose URL passes `url` (image links only if
        `images_by_url`), each once; each distinct text and URL is tested once."""
        texts = {t for t in self._by_text if text(t)}
        targets = {u for u in self._by_target if url(u)}
        if not texts and not targets:
            return []
        by_text: list[LinkSeen] = []
        by_target: list[LinkSeen] = []
        numbers = sorted({n for t in texts for n in self._by_text[t]} | {n for u in targets for n in self._by_target[u]})
        found_text: dict[str, list[LinkSeen]] = {}
        found_target: dict[str, list[LinkSeen]] = {}
        for number in numbers:
            page = self._ok[number]
            for link in page.links:
                if link.text in texts:
                    found_text.setdefault(link.text, []).append(LinkSeen(link, page))
                elif link.url in targets and (images_by_url or not link.image):
                    found_target.setdefault(link.url, []).append(LinkSeen(link, page))
        # The order of old: grouped by text (texts in the order first shown), then by URL.
        for t in self._by_text:
            if t in found_text:
                by_text.extend(found_text[t])
        for u in self._by_target:
            if u in found_target:
                by_target.extend(found_target[u])
        return by_text + by_target

    def dead(self, url: str) -> DeadLink | None:
        return self._dead.get(url.rstrip("/"))

    def listed_date(self, url: str) -> str | None:
        """The date a list shows beside a link to `url`, if any."""
        return self._listed.get(url)

    def url_parts(self) -> Mapping[str, frozenset[str]]:
        """Every distinct link URL -> the parts of its path (lower case, split at / . _ - ? = &), split once."""
        return self.memo("url-parts", lambda: {u: path_parts(u) for u in self._by_target})

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """A result derived from this snapshot, computed once (the snapshot never changes)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    # -- lists and documents -------------------------------------------------------------

    def entries(self) -> Iterator[tuple[ListEntry, PageEvidence]]:
        """Every list entry on every page, with the list page."""
        for page in self._ok:
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


def path_parts(url: str) -> frozenset[str]:
    """The parts of a URL's path as `Term.in_url` matches them."""
    return frozenset(_URL_PARTS.split(urlsplit(url).path.lower()))

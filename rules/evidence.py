"""What a crawl saw of one site, as plain frozen records: the only input rules ever read.

Defined here (not in crawler/) so that rules need nothing of the crawler; the crawler
builds these records, the store keeps them as JSON and gives them back unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from typing import Any

# Where on a page a link stands. Navigation labels are judged by place: a column in the
# header navigation is a column of the site; the same words in a news item are not.
PLACES = ("header", "nav", "side", "body", "footer")


@dataclass(frozen=True, slots=True)
class Link:
    """One anchor: its absolute URL, its visible text (or an image's alt/title/file name)."""

    url: str
    text: str
    place: str = "body"  # one of PLACES
    image: bool = False  # the link shows an image only; text came from alt/title/src


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One item of a list page (a column's article list), with the date printed beside it."""

    url: str
    text: str
    date: str | None = None  # ISO yyyy-mm-dd


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """An HTML page: what the rules need and nothing more (no body is kept)."""

    site: str  # the site key: the base URL of the site the page belongs to
    url: str  # the URL requested
    final_url: str  # after redirects
    status: int
    title: str = ""
    breadcrumb: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    entries: tuple[ListEntry, ...] = ()
    published: str | None = None  # the page's own publication date (meta PubDate, 发布时间), ISO
    dates: tuple[str, ...] = ()  # other dates printed on the page, ISO
    meta: tuple[tuple[str, str], ...] = ()  # selected <meta> name/content pairs (SiteIDCode, ColumnName, ...)
    identifiers: tuple[tuple[str, str], ...] = ()  # footer ids: site_code / icp / police -> value
    text: str = ""  # the start of the page's main text, for titles and years inside a page
    depth: int = 0
    encoding: str = ""  # the encoding the page was decoded with
    fetched: str = ""  # ISO datetime of the fetch

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], shared: dict[Any, Any] | None = None) -> PageEvidence:
        """The page as `to_dict` wrote it. With `shared` (one dict for a whole load), equal links, list
        entries, site keys and small tuples become one object each: a site's ~35 header and footer links
        repeat on every page, and would otherwise be copied on every page."""
        values = {k: v for k, v in data.items() if k in _PAGE_FIELDS}
        for name in ("site", "url", "final_url", "encoding"):
            if isinstance(values.get(name), str):
                values[name] = _same(shared, values[name])
        values["breadcrumb"] = _tuple(shared, values.get("breadcrumb", ()))
        # Equal records are shared by keeping each record as its own key: a separate key per record would be
        # freed after the load and leave its memory in holes between the records kept.
        values["links"] = tuple(_same(shared, Link(_same(shared, d["url"]), _same(shared, d["text"]),
                                                   _same(shared, d.get("place", "body")), d.get("image", False)))
                                for d in values.get("links", ()))
        values["entries"] = tuple(_same(shared, ListEntry(_same(shared, e["url"]), _same(shared, e["text"]),
                                                          e.get("date") and _same(shared, e["date"])))
                                  for e in values.get("entries", ()))
        values["dates"] = _tuple(shared, (_same(shared, d) for d in values.get("dates", ())))
        values["meta"] = _tuple(shared, (tuple(p) for p in values.get("meta", ())))
        values["identifiers"] = _tuple(shared, (tuple(p) for p in values.get("identifiers", ())))
        return cls(**values)


def _same(shared: dict[Any, Any] | None, record: Any) -> Any:
    """The value equal to `record` already kept in `shared`, else `record` (now kept): one object for equal
    strings, links, list entries and tuples of a load."""
    return record if shared is None else shared.setdefault(record, record)


def _tuple(shared: dict[Any, Any] | None, items: Iterable[Any]) -> tuple[Any, ...]:
    kept = tuple(items)
    return _same(shared, kept) if kept else ()


_PAGE_FIELDS = frozenset(f.name for f in fields(PageEvidence))


@dataclass(frozen=True, slots=True)
class DocumentEvidence:
    """A fetched document (PDF, DOC/DOCX, XLS/XLSX, WPS): its title and the text of its first pages."""

    site: str
    url: str
    status: int
    from_url: str = ""  # the page that links it
    link_text: str = ""  # the text of that link (often without a year)
    content_type: str = ""
    size: int = 0
    title: str = ""
    text: str = ""  # first pages only
    published: str | None = None  # the listing date or the document's own date, ISO
    error: str = ""  # why no text could be extracted, in plain words
    fetched: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentEvidence:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True, slots=True)
class DeadLink:
    """A link that did not answer with a page: where it was linked, and what happened."""

    site: str
    url: str
    from_url: str = ""
    status: int = 0  # 0 when there was no HTTP answer
    reason: str = ""  # plain words: "HTTP 404", "连接超时", "DNS 解析失败"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """One site of a crawl: the portal or a department / township sub-site found from it."""

    key: str  # base URL; pages carry it as PageEvidence.site
    url: str  # the home page URL
    name: str
    role: str  # portal | department | township
    kind: str  # county | department | township: picks the form
    status: str = "ok"  # ok | unreachable
    reason: str = ""  # why unreachable, in plain words
    found_on: str = ""  # the page that linked this sub-site
    pages: int = 0
    robots_excluded: tuple[str, ...] = field(default=())  # URLs robots.txt kept us from
    errors: tuple[str, ...] = field(default=())  # crawl problems worth a reader's eye

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SiteInfo:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["robots_excluded"] = tuple(values.get("robots_excluded", ()))
        values["errors"] = tuple(values.get("errors", ()))
        return cls(**values)

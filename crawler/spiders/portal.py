"""PortalSpider: crawls a portal and its department and township sub-sites (linked or listed), each with its own budget.

It yields Requests and evidence items, nothing else; the store pipeline keeps the items.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import scrapy
from scrapy import signals
from scrapy.http import Request, Response, TextResponse
from scrapy.utils.misc import build_from_crawler
from twisted.python.failure import Failure

from crawler.certificates import META_KEY as TLS_ERROR
from crawler.documents import read_document
from crawler.evidence import page_from_response
from crawler.failures import TOO_LARGE, describe, is_robots_exclusion
from crawler.links import (
    canonical,
    document_type,
    folder_of,
    in_domain,
    is_evidence_link,
    load_vocab,
    portal_domain,
    site_of,
    site_root,
    wants_document,
)
from crawler.middlewares import BUDGET_MESSAGE
from crawler.subsites import SubsiteLink
from crawler.traps import TrapGuard
from rules.evidence import DeadLink, DocumentEvidence, Link, PageEvidence, SiteInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOME_PRIORITY = 1000
EVIDENCE_BONUS = 50
KIND_OF_ROLE = {"department": "department", "township": "township"}
TITLE_SPLIT = re.compile(r"\s*[_|｜—–]\s*|\s+-\s+")
COUNTY = re.compile(r"^(.{1,8}?[县市区旗])")


@dataclass(slots=True)
class SiteState:
    """What the crawl knows of one site while it runs (turned into a SiteInfo at the end)."""

    info: SiteInfo
    named: bool = False  # the user gave the name (command line, registry): the home page does not rename it
    listed: bool = False  # a sub-site listed in the registry, crawled whether or not the portal links it
    linked_from: str = ""  # a listed sub-site: the portal page that links it, once seen
    home_dead: DeadLink | None = None  # a listed sub-site whose home failed before any page linked it
    pages: int = 0
    scheduled: int = 0
    documents: int = 0
    reached: bool = False
    robots_excluded: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def final(self) -> SiteInfo:
        return replace(self.info, pages=self.pages, robots_excluded=tuple(self.robots_excluded),
                       errors=tuple(self.errors))


def now() -> str:
    return datetime.now(SHANGHAI).isoformat(timespec="seconds")


def start_key(url: str, kind: str) -> str:
    """The key of the start site: a county portal is its whole host; a department or township checked on
    its own may be a folder of a portal (`http://www.yunxi.gov.cn/bm/sthjj/`)."""
    return site_root(url) if kind == "county" else folder_of(url)


def subsite_key(portal_key: str, url: str) -> str | None:
    """The key of a sub-site at url: a folder on the portal's host, else its whole host; None when url is a
    page of the portal itself."""
    parts = urlsplit(url)
    if parts.netloc.lower() == urlsplit(portal_key).netloc:
        key = folder_of(url)
        return None if portal_key.startswith(key) else key
    return site_root(url)


def listed_subsites(subsites: Sequence[Sequence[str]]) -> tuple[tuple[str, str, str], ...]:
    """Validated (kind, url, name) of the sub-sites a registry lists; ValueError names the bad one."""
    found = []
    for entry in subsites:
        kind, url, name = (str(part).strip() for part in entry)
        if kind not in KIND_OF_ROLE:
            raise ValueError(f"子站类型应为 department 或 township：{kind!r}（{url}）")
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"子站网址无效（需要 http:// 或 https:// 开头）：{url!r}")
        found.append((kind, url if urlsplit(url).path else url + "/", name))
    return tuple(found)


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, url: str = "", kind: str = "county", name: str = "", db: str | None = None,
                 scan: int | str | None = None, max_pages: int | str | None = None, out: str = "zwgk-report",
                 store: Any = None, subsites: Sequence[Sequence[str]] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"不是有效的网址（需要 http:// 或 https:// 开头）：{url!r}")
        self.start_url = url if urlsplit(url).path else url + "/"
        self.kind = kind
        self.site_name = name
        self.listed = listed_subsites(subsites)  # (kind, url, name), registered as sub-sites when the crawl starts
        self.out = out
        self.max_pages = int(max_pages) if max_pages else None
        if store is None:
            from crawler.store import Store

            store = Store(db if not db or "://" in db else f"sqlite:///{Path(db).expanduser().resolve()}")
        self.store = store
        self.owns_scan = scan is None
        if scan is None:
            scan = store.begin_scan(target=self.start_url, as_of=datetime.now(SHANGHAI).date().isoformat())
        self.scan_id = int(scan)
        self.vocab = load_vocab()
        self.sites: dict[str, SiteState] = {}
        self.keys: list[str] = []  # longest first
        self.extra_hosts: dict[str, str] = {}  # netloc of a portal's other host (a platform) -> site key
        self.seen: set[str] = set()  # canonical URLs already requested or refused
        self.requested: set[str] = set()  # the same, as written in links: most duplicates stop here
        self.portal_key = start_key(self.start_url, kind)
        self.domain = portal_domain(urlsplit(self.start_url).hostname or "")

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        s = crawler.settings
        spider.budget = spider.max_pages or s.getint("ZWGK_MAX_PAGES_PER_SITE", 500)
        spider.max_depth = s.getint("ZWGK_MAX_DEPTH", 4)
        spider.extra_depth = s.getint("ZWGK_EVIDENCE_EXTRA_DEPTH", 3)
        spider.schedule_cap = spider.budget * s.getint("ZWGK_SCHEDULE_FACTOR", 3)
        spider.discover_depth = s.getint("ZWGK_DISCOVER_DEPTH", 2)
        spider.max_subsites = s.getint("ZWGK_MAX_SUBSITES", 300)
        spider.max_documents = s.getint("ZWGK_MAX_DOCUMENTS_PER_SITE", 40)
        spider.document_maxsize = s.getint("ZWGK_DOCUMENT_MAXSIZE", 20 * 1024 * 1024)
        crawler.signals.connect(spider.robots_answered, signal=signals.response_received)
        return spider

    def robots_answered(self, response: Response, request: Request) -> None:
        """A robots.txt that answers 5xx is noted on its site (Scrapy then allows everything)."""
        if response.status < 500 or urlsplit(request.url).path != "/robots.txt":
            return
        owner = self.owner(request.url)
        note = f"robots.txt 返回 HTTP {response.status}，已按未限制抓取处理"
        if owner and note not in self.sites[owner].errors:
            self.sites[owner].errors.append(note)

    # -- sites ----------------------------------------------------------------------------------

    def register(self, info: SiteInfo, named: bool = False, listed: bool = False) -> SiteInfo:
        self.sites[info.key] = SiteState(info, named=named, listed=listed)
        self.keys = sorted(self.sites, key=len, reverse=True)
        return info

    def owner(self, url: str) -> str | None:
        return site_of(url, self.keys) or self.extra_hosts.get(urlsplit(url).netloc.lower())

    def site_infos(self) -> list[SiteInfo]:
        portal = self.sites.get(self.portal_key)
        if portal is not None:
            portal.errors.extend(f"已跳过 {n} 个疑似链接陷阱（{kind}）的网址" for kind, n in self.traps.dropped().items())
        return [state.final() for state in self.sites.values()]

    def site_name_of(self, home: PageEvidence, linked: str) -> str:
        """A site's name: its <meta SiteName>, else its home page title, else the text that linked it."""
        declared = dict(home.meta).get("SiteName", "")
        titled = TITLE_SPLIT.split(home.title, 1)[0].strip()
        if declared or (titled and (not linked or linked.lstrip("县市区") in titled)):
            return declared or titled
        return self.qualified(linked) or titled

    def qualified(self, name: str) -> str:
        """`县司法局` linked from 云溪县's portal is 云溪县司法局 (a block lists names without the county)."""
        portal = self.sites.get(self.portal_key)
        county = COUNTY.match(portal.info.name) if portal and name else None
        if county and name[0] == county.group(1)[-1] and not name.startswith(county.group(1)):
            return county.group(1)[:-1] + name
        return name

    def subsite_key(self, url: str) -> str | None:
        return subsite_key(self.portal_key, url)

    def add_subsite(self, link: SubsiteLink, found_on: str) -> Iterator[Any]:
        host = urlsplit(link.url).hostname or ""
        if not link.labelled and not in_domain(host, self.domain):
            return
        key = self.subsite_key(link.url)
        if key is not None and key in self.sites:
            yield from self.linked(self.sites[key], found_on)
            return
        if key is None or len(self.sites) > self.max_subsites:
            return
        info = self.register(SiteInfo(key=key, url=link.url, name=self.qualified(link.name), role=link.role,
                                      kind=KIND_OF_ROLE[link.role], found_on=found_on))
        yield info
        yield self.home_request(info)

    def add_listed(self, kind: str, url: str, name: str) -> Iterator[Any]:
        """A sub-site the registry lists: the portal's child (found_on its home) whether or not it links it."""
        key = self.subsite_key(url)
        if key is None or key in self.sites:
            self.logger.warning("listed sub-site %s is the portal itself or listed twice: not crawled again", url)
            return
        info = self.register(SiteInfo(key=key, url=url, name=name, role=kind, kind=KIND_OF_ROLE[kind],
                                      found_on=self.start_url), named=bool(name), listed=True)
        yield info
        yield self.home_request(info, from_url="")  # no page linked it (yet): a dead home is its own dead link

    def linked(self, state: SiteState, found_on: str) -> Iterator[DeadLink]:
        """A portal page links a listed sub-site: its dead home becomes a dead link of that page too."""
        if not state.listed or state.linked_from:
            return
        state.linked_from = found_on
        if state.home_dead is not None:
            yield replace(state.home_dead, site=self.owner(found_on) or self.portal_key, from_url=found_on)

    def home_request(self, info: SiteInfo, from_url: str | None = None) -> Request:
        self.seen.add(canonical(info.url))
        linked = info.found_on if from_url is None else from_url
        return self.request(info.url, info.key, 0, linked, "", HOME_PRIORITY, zwgk_home=True)

    # -- requests -------------------------------------------------------------------------------

    def request(self, url: str, site: str, depth: int, from_url: str, text: str, priority: int,
                **meta: Any) -> Request:
        meta.update(zwgk_site=site, zwgk_depth=depth, zwgk_from=from_url, zwgk_text=text,
                    zwgk_budget=self.budget)
        return Request(url, callback=self.parse_page, errback=self.failed, priority=priority, meta=meta,
                       dont_filter=True)  # the seen-set already dropped duplicates, before any Request

    def new_url(self, url: str) -> str | None:
        self.requested.add(url)
        url = self.traps.clean(url)
        key = canonical(url)
        if key in self.seen:
            return None
        self.seen.add(key)
        return url if self.traps.allows(url) else None

    async def start(self) -> AsyncIterator[Any]:
        self.traps = build_from_crawler(TrapGuard, self.crawler)  # needs crawler.stats: built when the crawl starts
        info = self.register(SiteInfo(key=self.portal_key, url=self.start_url, name=self.site_name,
                                      role="portal", kind=self.kind), named=bool(self.site_name))
        yield info
        yield self.home_request(info)
        for kind, url, name in self.listed:
            for item in self.add_listed(kind, url, name):
                yield item

    # -- pages ----------------------------------------------------------------------------------

    def parse_page(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        site = self.owner(response.request.url if response.request else response.url) or meta["zwgk_site"]
        state = self.sites[site]
        if (tls := meta.get(TLS_ERROR)) and tls not in state.errors:
            state.errors.append(tls)
        if meta.get("zwgk_document"):
            yield from self.parse_document(response, site)
            return
        if not isinstance(response, TextResponse):
            return
        depth = meta["zwgk_depth"]
        # sub-sites are searched on a county portal's pages near its home page (a department has none)
        discover = state.info.role == "portal" and self.kind == "county" and depth <= self.discover_depth
        started = time.perf_counter()
        parsed = page_from_response(response, site=site, depth=depth, fetched=now(),
                                    request_url=meta.get("redirect_urls", [response.url])[0],
                                    discover=discover, vocab=self.vocab)
        self.crawler.stats.inc_value("zwgk/evidence/seconds", time.perf_counter() - started)  # benchmarks' split
        state.pages += 1
        if meta.get("zwgk_home"):
            state.reached = True
            moved = urlsplit(response.url).netloc.lower()
            if self.owner(response.url) is None:  # the home page moved to another host: that host is the site's too
                self.extra_hosts[moved] = site
            if not state.named:  # a name given by the user (command line, registry) stays
                state.info = replace(state.info, name=self.site_name_of(parsed.evidence, state.info.name))
        yield parsed.evidence
        for subsite in parsed.subsites:
            yield from self.add_subsite(subsite, response.url)
        listed = {e.url: e.date for e in parsed.evidence.entries if e.date}
        for link in parsed.follow:
            yield from self.follow(link, site, depth, response.url, listed)

    def follow(self, link: Link, site: str, depth: int, from_url: str, listed: dict[str, str]) -> Iterator[Any]:
        url = link.url
        if url in self.requested:  # most links of a page were seen on the page before: skip them first
            return
        owner = self.owner(url)
        evidence = is_evidence_link(link.text, url, self.vocab)
        if owner is None:
            parts = urlsplit(url)
            if not in_domain(parts.hostname or "", self.domain) or self.sites[site].info.role != "portal":
                return
            if self.kind == "county" and self.vocab.agency_name.search(link.text):
                role = "township" if self.vocab.township_name.search(link.text) else "department"
                yield from self.add_subsite(SubsiteLink(url, link.text, role), from_url)  # linked outside a block
                return
            netloc = parts.netloc.lower()
            if not evidence or any(urlsplit(key).netloc == netloc for key in self.keys):
                return  # a folder site never grows into the rest of its host
            self.extra_hosts[netloc] = site  # the portal's disclosure platform on a host of its own
            owner = site
        if owner != site:
            return  # another site's page: that site is crawled from its own home page
        state = self.sites[site]
        extension = document_type(url, self.vocab)
        if extension:
            if state.documents < self.max_documents and wants_document(link.text, url, self.vocab) \
                    and (new := self.new_url(url)):
                state.documents += 1
                yield self.request(new, site, depth + 1, from_url, link.text, EVIDENCE_BONUS, zwgk_document=extension,
                                   zwgk_listed=listed.get(url), download_maxsize=self.document_maxsize)
            return
        next_depth = depth + 1
        if next_depth > self.max_depth + (self.extra_depth if evidence else 0):
            return
        if state.scheduled >= self.schedule_cap and not evidence:
            return
        new = self.new_url(url)
        if new is None:
            return
        state.scheduled += 1
        priority = (EVIDENCE_BONUS if evidence else 0) - next_depth * 10
        yield self.request(new, site, next_depth, from_url, link.text, priority)

    def parse_document(self, response: Response, site: str) -> Iterator[Any]:
        meta = response.meta
        found = read_document(response.body, meta["zwgk_document"])
        yield DocumentEvidence(
            site=site, url=meta.get("redirect_urls", [response.url])[0], status=response.status,
            from_url=meta.get("zwgk_from", ""), link_text=meta.get("zwgk_text", ""),
            content_type=(response.headers.get("Content-Type") or b"").decode("latin-1"), size=len(response.body),
            title=found.title, text=found.text, published=meta.get("zwgk_listed") or found.created,
            error=found.error, fetched=now())

    # -- failures -------------------------------------------------------------------------------

    def failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        meta = request.meta
        site = meta.get("zwgk_site", self.portal_key)
        state = self.sites[site]
        exc = failure.value
        if is_robots_exclusion(exc):
            state.robots_excluded.append(request.url)
            self.crawler.stats.inc_value("zwgk/robots/excluded")
            if meta.get("zwgk_home") and not state.reached:  # nothing of the site may be read
                state.info = replace(state.info, status="unreachable", reason="网站的 robots.txt 禁止抓取首页")
            return
        if BUDGET_MESSAGE in str(exc):
            return
        status, reason = describe(exc)
        self.crawler.stats.inc_value("zwgk/fetch/failed")
        from_url = meta.get("zwgk_from", "")
        if meta.get("zwgk_home") and not state.reached:
            state.info = replace(state.info, status="unreachable", reason=f"首页无法访问：{reason}")
            state.errors.append(f"{request.url}：{reason}")
            from_url = from_url or state.linked_from
            linked_from = self.owner(from_url) if from_url else None
            dead = DeadLink(site=linked_from or site, url=request.url, from_url=from_url, status=status, reason=reason)
            if state.listed and not from_url:  # a portal page that links it later gets this dead link too
                state.home_dead = dead
            yield dead
            return
        if meta.get("zwgk_document"):
            yield DocumentEvidence(site=site, url=request.url, status=status, from_url=from_url,
                                   link_text=meta.get("zwgk_text", ""), error=reason, fetched=now())
            if reason == TOO_LARGE:
                return  # too big to read is not a dead link
        yield DeadLink(site=site, url=request.url, from_url=from_url, status=status, reason=reason)

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        """`scrapy crawl portal` without HTTPCACHE_DIR: the cache goes beside the default database."""
        super().update_settings(settings)
        if not settings.get("HTTPCACHE_DIR"):
            from crawler.httpcache import default_cache_dir
            from crawler.store import default_db_url

            settings.set("HTTPCACHE_DIR", default_cache_dir(default_db_url()), priority="spider")

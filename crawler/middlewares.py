"""Downloader middlewares: each site's page and document budgets, and the bytes that came over the wire.

Budgets count at send time (not when a link is found), so evidence-directed priorities decide which
pages a small budget buys. Requests over budget are dropped: `zwgk/budget/<page|document>_dropped`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request

BUDGET_MESSAGE = "zwgk: site budget reached"


class SiteBudgetMiddleware:
    """Stops a site's requests past its budget (meta `zwgk_budget`, else ZWGK_MAX_PAGES_PER_SITE)."""

    def __init__(self, stats: Any, pages: int, documents: int) -> None:
        self.stats = stats
        self.pages = pages
        self.documents = documents
        self.sent: Counter[tuple[str, str]] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Any) -> SiteBudgetMiddleware:
        s = crawler.settings
        return cls(crawler.stats, s.getint("ZWGK_MAX_PAGES_PER_SITE", 500), s.getint("ZWGK_MAX_DOCUMENTS_PER_SITE", 40))

    def process_request(self, request: Request) -> None:
        site = request.meta.get("zwgk_site")
        if not site or request.meta.get("zwgk_counted"):
            return
        kind = "document" if request.meta.get("zwgk_document") else "page"
        limit = self.documents if kind == "document" else request.meta.get("zwgk_budget") or self.pages
        if self.sent[site, kind] >= limit:
            self.stats.inc_value(f"zwgk/budget/{kind}_dropped")
            raise IgnoreRequest(BUDGET_MESSAGE)
        self.sent[site, kind] += 1
        request.meta["zwgk_counted"] = True

    def reached(self, site: str, limit: int) -> bool:
        return self.sent[site, "page"] >= limit


class WireBytesMiddleware:
    """Counts the bytes that really came over the network (`zwgk/net/response_bytes`): placed after the
    HTTP cache, it sees a 304's empty body, not the cached page the cache then hands on."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> WireBytesMiddleware:
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Any) -> Any:
        if "cached" not in response.flags:
            self.stats.inc_value("zwgk/net/response_bytes", len(response.body))
            self.stats.inc_value(f"zwgk/net/status/{response.status}")
        return response

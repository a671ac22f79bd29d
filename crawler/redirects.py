"""Downloader middleware: a page's redirect to a host outside the portal's domain is not followed, and is named.

Hijacked government pages redirect to gambling or advertising sites; following them would judge a
foreign page as the county's evidence. A site's home page may still move (its redirect is followed).
Dropped redirects count `zwgk/redirect/offsite_dropped`; crawler.failures names the host in the dead link.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from crawler.failures import OFFSITE_REDIRECT
from crawler.links import in_domain, portal_domain

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class OffsiteRedirectMiddleware:
    """Runs before RedirectMiddleware (600): stops a non-home page's redirect that leaves the portal's domain."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> OffsiteRedirectMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in REDIRECT_STATUSES or request.meta.get("zwgk_home"):
            return response
        location = response.headers.get("Location")
        if not location:
            return response
        target = urlsplit(urljoin(request.url, location.decode("latin-1").strip())).hostname or ""
        source = urlsplit(request.url).hostname or ""
        domain = getattr(self.crawler.spider, "domain", "") or portal_domain(source)
        if target == source or in_domain(target, domain) or in_domain(target, portal_domain(source)):
            return response
        self.crawler.stats.inc_value("zwgk/redirect/offsite_dropped")
        raise IgnoreRequest(OFFSITE_REDIRECT + target)

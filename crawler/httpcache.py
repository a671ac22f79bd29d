"""Re-scans that cost little: an HTTP cache that always asks the server (If-None-Match / If-Modified-Since).

A cached page is never served without a 304 from its server, so a site that went down is seen as
down, and a 304 still gives evidence from the cached body.
"""

from __future__ import annotations

import os
from pathlib import Path

from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.http import Request, Response


class RevalidatePolicy(RFC2616Policy):
    """RFC 2616 storage rules, but every cached response is stale: the server is always asked."""

    def should_cache_response(self, response: Response, request: Request) -> bool:
        if response.status == 200:  # store pages even without validators: a later 304 needs them
            return b"no-store" not in self._parse_cachecontrol(response)
        return super().should_cache_response(response, request)

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False

    def is_cached_response_valid(self, cachedresponse: Response, response: Response, request: Request) -> bool:
        return response.status == 304  # a 5xx is an outage to report, not a reason to serve the old page


class RevalidatingCacheMiddleware(HttpCacheMiddleware):
    """Scrapy's cache middleware without error recovery: a failed fetch stays a failure."""

    def process_exception(self, request: Request, exception: Exception) -> None:  # type: ignore[override]
        request.meta.pop("cached_response", None)
        return


def default_cache_dir(db_url: str) -> str:
    """Beside an SQLite database (`<db folder>/httpcache`), else `$XDG_DATA_HOME/zwgk/httpcache`."""
    if db_url.startswith("sqlite:///"):
        return str(Path(db_url.removeprefix("sqlite:///")).resolve().parent / "httpcache")
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return str(base / "zwgk" / "httpcache")

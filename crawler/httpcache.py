"""Re-scans that cost little: an HTTP cache that always asks the server (If-None-Match / If-Modified-Since).

A cached page is never served without a 304 from its server, so a site that went down is seen as
down, and a 304 still gives evidence from the cached body.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import time
from pathlib import Path

from scrapy import Spider
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.http import Request, Response
from scrapy.settings import BaseSettings
from scrapy.utils.project import data_path
from scrapy.utils.response import response_from_dict


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


class SqliteCacheStorage:
    """The HTTP cache in one SQLite file per spider: a row per request fingerprint with the response's
    status, URL, headers (ETag, Last-Modified: what revalidation sends back) and raw body.

    Scrapy's filesystem storage writes six files and a folder per response (and gzips them when asked):
    a quarter of a check's time. One row is one write; WAL lets parallel crawls (`zwgk scan`) share it.
    """

    def __init__(self, settings: BaseSettings) -> None:
        self.cachedir = data_path(settings["HTTPCACHE_DIR"], createdir=True)
        self.expiration_secs = settings.getint("HTTPCACHE_EXPIRATION_SECS")
        self.db: sqlite3.Connection | None = None

    def open_spider(self, spider: Spider) -> None:
        path = Path(self.cachedir, f"{spider.name}.sqlite3")
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)  # autocommit: no lock held between rows
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS responses (fingerprint BLOB PRIMARY KEY, stored REAL NOT NULL,"
                        " meta BLOB NOT NULL, body BLOB NOT NULL)")
        self._fingerprint = spider.crawler.request_fingerprinter.fingerprint

    def close_spider(self, spider: Spider) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def retrieve_response(self, spider: Spider, request: Request) -> Response | None:
        assert self.db is not None
        row = self.db.execute("SELECT stored, meta, body FROM responses WHERE fingerprint = ?",
                              (self._fingerprint(request),)).fetchone()
        if row is None:
            return None
        stored, meta, body = row
        if 0 < self.expiration_secs < time.time() - stored:
            return None
        data = pickle.loads(meta)  # noqa: S301 -- our own file, as Scrapy's own storages pickle theirs
        request.meta["cache_timestamp"] = stored
        return response_from_dict({**data, "body": body})

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        assert self.db is not None
        data = response.to_dict()
        body = data.pop("body", b"")
        data.pop("flags", None)  # "cached" and the like belong to one crawl
        meta = pickle.dumps(data, protocol=4)
        key = self._fingerprint(request)
        if "cached" in response.flags:  # revalidated (304): the body is the one stored, only headers changed
            done = self.db.execute("UPDATE responses SET stored = ?, meta = ? WHERE fingerprint = ?",
                                   (time.time(), meta, key))
            if done.rowcount:
                return
        self.db.execute("INSERT OR REPLACE INTO responses (fingerprint, stored, meta, body) VALUES (?, ?, ?, ?)",
                        (key, time.time(), meta, body))


def default_cache_dir(db_url: str) -> str:
    """Beside an SQLite database (`<db folder>/httpcache`), else `$XDG_DATA_HOME/zwgk/httpcache`."""
    if db_url.startswith("sqlite:///"):
        return str(Path(db_url.removeprefix("sqlite:///")).resolve().parent / "httpcache")
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return str(base / "zwgk" / "httpcache")

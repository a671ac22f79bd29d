"""Crawler components built the Scrapy way (get_crawler + build_from_crawler): budgets, cache, throttle, store."""

from __future__ import annotations

import pytest
from scrapy import Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.extensions import is_whole
from crawler.failures import describe, is_robots_exclusion
from crawler.httpcache import RevalidatePolicy, SqliteCacheStorage, default_cache_dir
from crawler.middlewares import SiteBudgetMiddleware, WireBytesMiddleware
from crawler.pipelines import StorePipeline
from crawler.store import Store
from rules.evidence import DeadLink, PageEvidence, SiteInfo


def page_request(url: str, site: str = "http://a.cn/", **meta) -> Request:
    return Request(url, meta={"zwgk_site": site, **meta})


def test_a_site_budget_stops_requests_past_it_and_counts_them():
    crawler = get_crawler(settings_dict={"ZWGK_MAX_PAGES_PER_SITE": 2})
    budget = build_from_crawler(SiteBudgetMiddleware, crawler)
    for n in range(2):
        budget.process_request(page_request(f"http://a.cn/{n}"))
    with pytest.raises(IgnoreRequest):
        budget.process_request(page_request("http://a.cn/3"))
    budget.process_request(page_request("http://b.cn/", site="http://b.cn/"))  # another site has its own budget
    assert crawler.stats.get_value("zwgk/budget/page_dropped") == 1


def test_a_redirected_request_is_not_counted_twice():
    budget = build_from_crawler(SiteBudgetMiddleware, get_crawler(settings_dict={"ZWGK_MAX_PAGES_PER_SITE": 1}))
    request = page_request("http://a.cn/old")
    budget.process_request(request)
    budget.process_request(request.replace(url="http://a.cn/new"))  # RedirectMiddleware keeps the meta


def test_the_cache_policy_always_asks_the_server_with_validators_and_trusts_only_a_304():
    policy = RevalidatePolicy(get_crawler().settings)
    cached = Response("http://a.cn/", status=200, headers={"ETag": '"v1"', "Last-Modified": "Mon, 02 Nov 2026 08:00:00 GMT",
                                                         "Cache-Control": "max-age=86400"})
    request = Request("http://a.cn/")
    assert policy.is_cached_response_fresh(cached, request) is False
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert b"If-Modified-Since" in request.headers
    assert policy.is_cached_response_valid(cached, Response("http://a.cn/", status=304), request)
    assert not policy.is_cached_response_valid(cached, Response("http://a.cn/", status=503), request)
    assert policy.should_cache_response(Response("http://a.cn/", status=200), request)  # even without validators


def test_the_cache_folder_defaults_to_beside_the_database(tmp_path):
    assert default_cache_dir(f"sqlite:///{tmp_path}/zwgk.sqlite") == str(tmp_path / "httpcache")


def test_the_sqlite_cache_keeps_status_validators_and_body_and_a_revalidation_keeps_the_body(tmp_path):
    crawler = get_crawler(settings_dict={"HTTPCACHE_DIR": str(tmp_path / "cache")})
    spider = Spider("portal")
    spider.crawler = crawler
    storage = SqliteCacheStorage(crawler.settings)
    storage.open_spider(spider)
    request = Request("http://a.cn/zwgk/")
    assert storage.retrieve_response(spider, request) is None
    body = "政务公开".encode("gbk") * 1000
    storage.store_response(spider, request, HtmlResponse("http://a.cn/zwgk/", status=200, body=body,
                                                         headers={"ETag": '"v1"', "Content-Type": "text/html"}))
    storage.close_spider(spider)
    storage.open_spider(spider)  # a later crawl, the same file
    cached = storage.retrieve_response(spider, Request("http://a.cn/zwgk/"))
    assert isinstance(cached, HtmlResponse)
    assert (cached.status, cached.body, cached.headers[b"ETag"]) == (200, body, b'"v1"')
    cached.flags.append("cached")  # what HttpCacheMiddleware marks; a 304 then freshens the headers only
    cached.headers[b"ETag"] = b'"v2"'
    storage.store_response(spider, request, cached)
    again = storage.retrieve_response(spider, request)
    assert (again.body, again.headers[b"ETag"], again.flags) == (body, b'"v2"', [])
    storage.close_spider(spider)


def test_wire_bytes_count_what_the_network_sent_not_what_the_cache_handed_on():
    crawler = get_crawler()
    wire = build_from_crawler(WireBytesMiddleware, crawler)
    wire.process_response(Request("http://a.cn/"), Response("http://a.cn/", body=b"x" * 100))
    cached = Response("http://a.cn/", body=b"y" * 1000, flags=["cached"])
    wire.process_response(Request("http://a.cn/"), cached)
    assert crawler.stats.get_value("zwgk/net/response_bytes") == 100


class FakeSpider:
    def __init__(self, store: Store, scan_id: int) -> None:
        self.store, self.scan_id = store, scan_id

    def site_infos(self) -> list[SiteInfo]:
        return [SiteInfo(key="http://a.cn/", url="http://a.cn/", name="甲县", role="portal", kind="county", pages=3)]


def test_the_store_pipeline_writes_batches_and_the_final_site_records(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'zwgk.sqlite'}")
    scan = store.begin_scan(target="http://a.cn/", as_of="2026-11-20")
    crawler = get_crawler(settings_dict={"ZWGK_STORE_BATCH": 2})
    crawler.spider = FakeSpider(store, scan)
    pipeline = build_from_crawler(StorePipeline, crawler)
    pipeline.open_spider()
    for n in range(3):
        pipeline.process_item(PageEvidence(site="http://a.cn/", url=f"http://a.cn/{n}", final_url=f"http://a.cn/{n}",
                                           status=200))
    assert store.page_count(scan, "http://a.cn/") == 2  # one batch written, one page still buffered
    pipeline.process_item(DeadLink(site="http://a.cn/", url="http://a.cn/x", reason="HTTP 404"))
    pipeline.close_spider()
    assert store.page_count(scan, "http://a.cn/") == 3
    assert [d.reason for d in store.dead_links_of(scan, "http://a.cn/")] == ["HTTP 404"]
    assert store.sites_of(scan)[0].pages == 3


def test_failures_are_described_in_plain_chinese():
    from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.internet.error import TCPTimedOutError

    assert describe(HttpError(HtmlResponse("http://a.cn/", status=404))) == (404, "HTTP 404")
    assert describe(CannotResolveHostError("x")) == (0, "域名解析失败（DNS）")
    assert describe(TCPTimedOutError()) == (0, "连接超时")
    assert describe(IgnoreRequest("max redirections reached"))[1].startswith("重定向次数过多")
    assert is_robots_exclusion(IgnoreRequest("Forbidden by robots.txt"))


@pytest.mark.parametrize(("reason", "whole"), [("finished", True), ("closespider_pagecount", True),
                                               ("shutdown", False), ("cancelled", False), (None, False)])
def test_only_a_normal_end_makes_a_crawl_whole(reason, whole):
    assert is_whole(reason) is whole


def test_a_304_lowers_the_throttle_delay_as_a_200_does():
    from types import SimpleNamespace

    from crawler.throttle import RevalidationAwareThrottle

    throttle = build_from_crawler(RevalidationAwareThrottle, get_crawler(settings_dict={"AUTOTHROTTLE_ENABLED": True}))
    throttle.mindelay, throttle.maxdelay = 0.0, 10.0
    slot = SimpleNamespace(delay=1.0)
    throttle._adjust_delay(slot, 0.01, Response("http://a.cn/", status=304))
    assert slot.delay < 1.0

"""Hostile websites on loopback: every case ends within its bound, is named in plain words, and the crawl goes on.

Each case is its own host `<case>.hostile.test` on the demo server (crawler.demo.hostile); the crawl runs
in a child process with small bounds (tests/hostile_harness.FAST: DOWNLOAD_TIMEOUT=3, one retry).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_harness import Crawled, crawl_case, hostile_server_in, requests_to

from crawler.demo import DemoServer
from crawler.demo.hostile import GBK_TITLE

MIB = 1 << 20


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    with hostile_server_in(tmp_path_factory.mktemp("hostile")) as server:
        yield server


def assert_clean(crawled: Crawled, within: float) -> None:
    """The crawl ended normally, within its bound, without a traceback."""
    assert "Traceback" not in crawled.stderr, crawled.stderr
    assert crawled.returncode == 0, crawled.stderr
    assert crawled.stats.get("zwgk/crawl/whole") is True, crawled.stats
    assert crawled.seconds < within, f"took {crawled.seconds:.1f}s, bound {within}s"


def other_pages_were_crawled(crawled: Crawled) -> bool:
    return any("target?from=home" in p.url and p.status == 200 for p in crawled.pages())


# -- markup and encodings ---------------------------------------------------------------------------


def test_malformed_html_still_gives_its_title_and_links(hostile_server: DemoServer, tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "malformed")
    assert_clean(crawled, within=30)
    page = crawled.page("/__hostile__/malformed")
    assert page.title == "畸形网页 政务公开"
    assert any(link.url.endswith("target?from=malformed") and link.text == "政府信息公开" for link in page.links)
    assert crawled.page("target?from=malformed").status == 200


def test_html_cut_in_the_middle_of_a_tag_keeps_what_came_before(hostile_server: DemoServer,
                                                                tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "truncated-html")
    assert_clean(crawled, within=30)
    page = crawled.page("/__hostile__/truncated-html")
    assert page.title == "截断的网页"
    assert [link.text for link in page.links if "from=truncated" in link.url] == ["政府信息公开目录"]


def test_body_shorter_than_its_content_length_is_a_dead_link_saying_the_response_was_incomplete(
        hostile_server: DemoServer, tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "truncated-body")
    assert_clean(crawled, within=30)
    dead = crawled.dead_link("/__hostile__/truncated-body")
    assert (dead.status, dead.reason) == (0, "连接中断，未收到完整响应")
    assert other_pages_were_crawled(crawled)


@pytest.mark.parametrize("case", ["wrong-charset", "missing-charset"])
def test_gbk_page_with_a_wrong_or_missing_charset_is_read_without_mojibake(
        hostile_server: DemoServer, tmp_path: Path, case: str) -> None:
    crawled = crawl_case(hostile_server, tmp_path, case)
    assert_clean(crawled, within=30)
    page = crawled.page(f"/__hostile__/{case}")
    assert page.title == GBK_TITLE
    assert page.encoding in ("gbk", "gb18030", "gb2312")
    assert "\ufffd" not in page.text


def test_binary_served_as_html_leaves_no_garbage_in_the_evidence(hostile_server: DemoServer,
                                                                 tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "binary")
    assert_clean(crawled, within=30)
    stored = [p for p in crawled.pages() if "/__hostile__/binary" in p.url]
    assert all(p.title == "" and p.links == () and "\x00" not in p.text for p in stored)
    assert other_pages_were_crawled(crawled)


# -- size caps ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/__hostile__/large?mb=8", "/__hostile__/large?mb=8&announce=0"],
                         ids=["content-length-announced", "streamed-without-length"])
def test_page_over_the_size_cap_is_abandoned_and_named(hostile_server: DemoServer, tmp_path: Path,
                                                       path: str) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "large", path, settings={"DOWNLOAD_MAXSIZE": str(MIB)})
    assert_clean(crawled, within=30)
    assert crawled.dead_link("/__hostile__/large").reason == "响应超过大小上限，已放弃下载"
    assert crawled.portal().status == "unreachable"
    assert "响应超过大小上限" in crawled.portal().reason
    assert crawled.stats.get("zwgk/net/response_bytes", 0) < 2 * MIB  # stopped near the cap, not at 8 MiB


def test_gzip_bomb_is_abandoned_at_the_size_cap_while_decompressing(hostile_server: DemoServer,
                                                                    tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "gzip-bomb", "/__hostile__/gzip-bomb?mb=256",
                         settings={"DOWNLOAD_MAXSIZE": str(MIB)})
    assert_clean(crawled, within=30)
    assert crawled.dead_link("/__hostile__/gzip-bomb").reason == "响应解压后超过大小上限（疑似压缩炸弹），已放弃下载"


# -- time and connections -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["slow-drip", "hang-after-headers", "hang-before-headers"])
def test_server_that_drips_or_hangs_costs_at_most_its_timeout_per_try(hostile_server: DemoServer,
                                                                      tmp_path: Path, case: str) -> None:
    crawled = crawl_case(hostile_server, tmp_path, case)  # DOWNLOAD_TIMEOUT=3, RETRY_TIMES=1: two tries
    assert_clean(crawled, within=25)
    dead = crawled.dead_link(f"/__hostile__/{case}")
    assert (dead.status, dead.reason) == (0, "连接超时")
    assert crawled.stats["retry/max_reached"] == 1
    assert other_pages_were_crawled(crawled)


def test_connection_reset_is_a_dead_link_and_the_crawl_goes_on(hostile_server: DemoServer, tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "reset")
    assert_clean(crawled, within=30)
    assert crawled.dead_link("/__hostile__/reset").reason == "连接中断，未收到完整响应"
    assert other_pages_were_crawled(crawled)


@pytest.mark.parametrize(("case", "status"), [("500", 500), ("503", 503)])
def test_server_error_is_retried_once_then_named_by_its_status(hostile_server: DemoServer, tmp_path: Path,
                                                               case: str, status: int) -> None:
    crawled = crawl_case(hostile_server, tmp_path, case)
    assert_clean(crawled, within=30)  # 503's Retry-After: 3600 is not slept
    dead = crawled.dead_link(f"/__hostile__/{case}")
    assert (dead.status, dead.reason) == (status, f"HTTP {status}")
    tries = [r for r in requests_to(hostile_server, case) if r[2] == f"/__hostile__/{case}"]
    assert len(tries) == 2


# -- redirects ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["redirect-loop", "redirect-endless"])
def test_redirect_loop_stops_at_the_redirect_limit_and_says_so(hostile_server: DemoServer, tmp_path: Path,
                                                              case: str) -> None:
    crawled = crawl_case(hostile_server, tmp_path, case, settings={"REDIRECT_MAX_TIMES": "5"})
    assert_clean(crawled, within=30)
    assert crawled.dead_link(f"/__hostile__/{case}").reason == "重定向次数过多（可能是重定向循环）"
    redirects = [r for r in requests_to(hostile_server, case) if r[3] == 302]
    assert len(redirects) <= 6
    assert other_pages_were_crawled(crawled)


def test_redirect_to_another_host_is_not_followed_and_is_named(hostile_server: DemoServer, tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "redirect-offsite", also=("elsewhere.hostile.test",))
    assert_clean(crawled, within=30)
    assert not requests_to(hostile_server, "elsewhere"), "the crawl left the site through a redirect"
    assert "elsewhere.hostile.test" in crawled.dead_link("/__hostile__/redirect-offsite").reason
    assert not [p for p in crawled.pages() if "elsewhere" in p.final_url]


# -- URL traps ------------------------------------------------------------------------------------------


def test_endless_calendar_is_cut_by_the_trap_guard(hostile_server: DemoServer, tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "calendar", max_pages=500)
    assert_clean(crawled, within=60)
    months = {r[2] for r in requests_to(hostile_server, "calendar") if r[2].count("/") == 4}
    assert len(months) <= 12 + 1  # ZWGK_TRAP_CALENDAR_MAX per family (+ the first month, linked from home)
    assert crawled.stats["zwgk/trap/calendar_dropped"] > 0
    assert any("链接陷阱（calendar）" in e for e in crawled.portal().errors)


def test_session_ids_in_urls_do_not_make_pages_new(hostile_server: DemoServer, tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "session", max_pages=500)
    assert_clean(crawled, within=60)
    fetched = [r[2] for r in requests_to(hostile_server, "session") if r[2].startswith("/__hostile__/session")]
    assert len(fetched) == len(set(fetched)) <= 6  # the list page and its five pages, each once
    assert not [path for path in fetched if "jsessionid" in path or "sid=" in path]
    assert crawled.stats["zwgk/trap/session_stripped"] > 0


def test_path_that_repeats_itself_is_cut_by_the_trap_guard(hostile_server: DemoServer, tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "repeat", max_pages=500)
    assert_clean(crawled, within=60)
    fetched = [r[2] for r in requests_to(hostile_server, "repeat") if r[2].startswith("/__hostile__/repeat")]
    assert all(path.count("/a/") <= 2 and path.count("/news/") <= 2 for path in fetched), fetched
    assert crawled.stats["zwgk/trap/repeat_dropped"] > 0


def test_page_with_ten_thousand_links_stays_within_the_page_budget(hostile_server: DemoServer,
                                                                   tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "many-links", max_pages=40)
    assert_clean(crawled, within=60)
    fetched = [r for r in requests_to(hostile_server, "many-links") if r[2] != "/robots.txt"]
    assert len(fetched) <= 40
    assert len(crawled.page("/__hostile__/many-links").links) == 1000  # crawler.evidence.MAX_LINKS
    assert crawled.stats["zwgk/budget/page_dropped"] > 0


# -- robots.txt ----------------------------------------------------------------------------------------


def test_robots_txt_that_disallows_everything_is_obeyed_and_reported(hostile_server: DemoServer,
                                                                    tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "robots-deny")
    assert_clean(crawled, within=30)
    assert [r[2] for r in requests_to(hostile_server, "robots-deny")] == ["/robots.txt"]
    portal = crawled.portal()
    assert portal.robots_excluded == (portal.url,)
    assert portal.status == "unreachable"
    assert "robots.txt" in portal.reason


def test_robots_txt_that_answers_500_is_noted_and_the_check_goes_on(hostile_server: DemoServer,
                                                                   tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "robots-500")
    assert_clean(crawled, within=30)
    assert other_pages_were_crawled(crawled)
    assert any("robots.txt" in e and "500" in e for e in crawled.portal().errors)


# -- schemes and host names ----------------------------------------------------------------------------


def test_mailto_tel_sms_ftp_and_news_links_are_neither_fetched_nor_dead(hostile_server: DemoServer,
                                                                       tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "schemes")
    assert_clean(crawled, within=30)
    assert [link.url for link in crawled.page("/__hostile__/schemes").links] == [
        f"http://schemes.hostile.test:{hostile_server.port}/__hostile__/target?from=schemes"]
    assert crawled.dead_links() == []
    assert crawled.page("target?from=schemes").status == 200


def test_internationalised_host_names_are_kept_as_links_and_never_fetched(hostile_server: DemoServer,
                                                                         tmp_path: Path) -> None:
    crawled = crawl_case(hostile_server, tmp_path, "idn")
    assert_clean(crawled, within=30)
    urls = [link.url for link in crawled.page("/__hostile__/idn").links]
    assert "http://云溪县.政务/" in urls
    assert "http://xn--xkr20bq8h.xn--zfr164b/" in urls
    assert crawled.dead_links() == []  # other hosts than the portal's are not checked, so not dead
    assert crawled.page("target?from=idn").status == 200

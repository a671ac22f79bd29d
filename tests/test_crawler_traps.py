"""URL traps: calendars, session ids, repeating segments and endless queries are bounded and counted."""

from __future__ import annotations

import pytest
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.traps import TrapGuard, calendar_group, strip_session


@pytest.fixture
def guard():
    return build_from_crawler(TrapGuard, get_crawler(settings_dict={"ZWGK_TRAP_CALENDAR_MAX": 5}))


def test_a_calendar_family_is_followed_up_to_its_bound_then_dropped_and_counted(guard):
    allowed = [guard.allows(f"http://a.cn/calendar/?month=2026-{m:02d}") for m in range(1, 13)]
    assert allowed == [True] * 5 + [False] * 7
    assert guard.stats.get_value("zwgk/trap/calendar_dropped") == 7
    assert guard.allows("http://a.cn/news/1.html")


@pytest.mark.parametrize(("url", "kind"), [
    ("http://a.cn/a/b/a/b/a/b/index.html", "repeat"),
    ("http://a.cn/list?" + "&".join(f"k{i}=v" for i in range(12)), "query"),
    ("http://a.cn/" + "x" * 600, "length"),
])
def test_urls_that_are_traps_by_their_shape_are_dropped_with_their_kind(guard, url, kind):
    assert not guard.allows(url)
    assert guard.stats.get_value(f"zwgk/trap/{kind}_dropped") == 1


def test_session_ids_are_stripped_so_one_page_is_fetched_once():
    assert strip_session("http://a.cn/a.jsp;jsessionid=ABC123?id=5") == "http://a.cn/a.jsp?id=5"
    assert strip_session("http://a.cn/a.php?id=5&PHPSESSID=xyz") == "http://a.cn/a.php?id=5"
    assert strip_session("http://a.cn/a.php?sid=1") == "http://a.cn/a.php"
    assert strip_session("http://a.cn/a.html?id=5") == "http://a.cn/a.html?id=5"


def test_dated_article_paths_are_not_calendars():
    assert calendar_group("http://a.cn/art/2026/11/20/art_1.html") is None
    assert calendar_group("http://a.cn/rili/2026/11/") is not None

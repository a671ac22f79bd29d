"""URL-trap guard: calendars, session ids, repeating path segments, endless query strings, huge URLs.

One component; the spider asks it before building a Request. Every dropped URL counts
`zwgk/trap/<kind>_dropped` in crawler.stats. All bounds are settings (ZWGK_TRAP_*).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from w3lib.url import url_query_cleaner

SESSION_PARAMS = ("jsessionid", "phpsessid", "aspsessionid", "sessionid", "sid", "session_id", "cfid", "cftoken")
SESSION_HINT = re.compile(r"sess|sid=|cfid|cftoken", re.IGNORECASE)
PATH_SESSION = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)
CALENDAR_KEYS = frozenset({"month", "year", "day", "date", "ym", "yearmonth", "yyyymm", "cal", "calendar",
                           "riqi", "rq", "y", "m", "d", "week"})
CALENDAR_VALUE = re.compile(r"^(?:19|20)\d{2}(?:[-/.]?\d{1,2})(?:[-/.]?\d{1,2})?$")
CALENDAR_PATH = re.compile(r"calendar|rili|richeng|日历", re.IGNORECASE)
YEAR_SEGMENT = re.compile(r"(?:^|/)(?:19|20)\d{2}(?:[-/]|$)")
DIGITS = re.compile(r"\d+")


def strip_session(url: str) -> str:
    """The URL without session ids (`;jsessionid=…`, `?PHPSESSID=…`, `sid=…`)."""
    if not SESSION_HINT.search(url):
        return url
    url = PATH_SESSION.sub("", url)
    parts = urlsplit(url)
    if not parts.query:
        return url
    keep = [k for k, _ in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in SESSION_PARAMS]
    return url_query_cleaner(url, keep, keep_fragments=False) if keep else url.split("?", 1)[0]


def calendar_group(url: str) -> str | None:
    """The family of calendar-like URLs this one belongs to (host, path and query keys), or None."""
    parts = urlsplit(url)
    if parts.query:
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        if any(k.lower() in CALENDAR_KEYS or CALENDAR_VALUE.match(v) for k, v in pairs):
            return f"{parts.netloc}{parts.path}?{'&'.join(sorted(k for k, _ in pairs))}"
    if CALENDAR_PATH.search(parts.path) and YEAR_SEGMENT.search(parts.path):
        return f"{parts.netloc}{DIGITS.sub('#', parts.path)}"
    return None


def static_trap(url: str, *, max_url_length: int, max_query_params: int, max_query_length: int,
                max_segment_repeats: int) -> str | None:
    """The trap kind a URL shows by itself (length, query, repeat), or None."""
    if len(url) > max_url_length:
        return "length"
    parts = urlsplit(url)
    if parts.query and (len(parts.query) > max_query_length or parts.query.count("&") + 1 > max_query_params):
        return "query"
    segments = [s for s in parts.path.split("/") if s]
    if segments and Counter(segments).most_common(1)[0][1] > max_segment_repeats:
        return "repeat"
    return None


class TrapGuard:
    """Decides whether a URL may be requested; counts what it drops."""

    def __init__(self, stats: Any, *, calendar_max: int = 12, max_url_length: int = 512,
                 max_query_params: int = 8, max_query_length: int = 256, max_segment_repeats: int = 2) -> None:
        self.stats = stats
        self.calendar_max = calendar_max
        self.limits = {"max_url_length": max_url_length, "max_query_params": max_query_params,
                           "max_query_length": max_query_length, "max_segment_repeats": max_segment_repeats}
        self.calendars: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Any) -> TrapGuard:
        s = crawler.settings
        return cls(crawler.stats, calendar_max=s.getint("ZWGK_TRAP_CALENDAR_MAX", 12),
                   max_url_length=s.getint("ZWGK_TRAP_MAX_URL_LENGTH", 512),
                   max_query_params=s.getint("ZWGK_TRAP_MAX_QUERY_PARAMS", 8),
                   max_query_length=s.getint("ZWGK_TRAP_MAX_QUERY_LENGTH", 256),
                   max_segment_repeats=s.getint("ZWGK_TRAP_MAX_SEGMENT_REPEATS", 2))

    def clean(self, url: str) -> str:
        cleaned = strip_session(url)
        if cleaned != url:
            self.stats.inc_value("zwgk/trap/session_stripped")
        return cleaned

    def allows(self, url: str) -> bool:
        """False (and counted) for a trap URL. Call once per new URL: calendar families are counted."""
        kind = static_trap(url, **self.limits)
        if kind is None and (group := calendar_group(url)) is not None:
            self.calendars[group] += 1
            if self.calendars[group] > self.calendar_max:
                kind = "calendar"
        if kind is None:
            return True
        self.stats.inc_value(f"zwgk/trap/{kind}_dropped")
        return False

    def dropped(self) -> dict[str, int]:
        """Dropped counts by kind, for the portal's notes."""
        prefix = "zwgk/trap/"
        return {k[len(prefix):-len("_dropped")]: v for k, v in self.stats.get_stats().items()
                if k.startswith(prefix) and k.endswith("_dropped")}

"""Scrapy settings of zwgk: politeness, budgets, timeouts, size caps, and our ZWGK_* settings.

Every bound is a setting, so hostile-server tests can shrink it (`-s NAME=VALUE` or crawl_portal's
`settings=`).
"""

from __future__ import annotations

import os

from crawler import __version__

BOT_NAME = "zwgk"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
ADDONS: dict[str, int] = {}

# -- who we are --------------------------------------------------------------------------------
ZWGK_USER_AGENT = os.environ.get(
    "ZWGK_USER_AGENT", f"zwgk/{__version__} (+https://github.com/zwgk/zwgk; 政务公开网站检查)")
USER_AGENT = ZWGK_USER_AGENT
ROBOTSTXT_USER_AGENT = "zwgk"

# -- politeness ----------------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# -- bounds --------------------------------------------------------------------------------------
DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024  # pages; documents get ZWGK_DOCUMENT_MAXSIZE per request
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
METAREFRESH_MAXDELAY = 30
RETRY_TIMES = 1
URLLENGTH_LIMIT = 1024
DEPTH_LIMIT = 0  # depth is ours: per site, reset at each sub-site (ZWGK_MAX_DEPTH)
DNS_TIMEOUT = 10
REACTOR_THREADPOOL_MAXSIZE = 10

ZWGK_MAX_PAGES_PER_SITE = 500  # `max_pages` / --max-pages overrides it
ZWGK_MAX_DOCUMENTS_PER_SITE = 40
ZWGK_MAX_DEPTH = 4  # link depth from a site's home page
ZWGK_EVIDENCE_EXTRA_DEPTH = 3  # evidence links (政务公开, 年报, …) are followed this much deeper
ZWGK_SCHEDULE_FACTOR = 3  # at most budget × factor requests queued per site (evidence links excepted)
ZWGK_DISCOVER_DEPTH = 2  # portal pages this close to the home page are searched for sub-site blocks
ZWGK_MAX_SUBSITES = 300
ZWGK_DOCUMENT_MAXSIZE = 20 * 1024 * 1024
ZWGK_TRAP_CALENDAR_MAX = 12  # distinct URLs of one calendar family
ZWGK_TRAP_MAX_URL_LENGTH = 512
ZWGK_TRAP_MAX_QUERY_PARAMS = 8
ZWGK_TRAP_MAX_QUERY_LENGTH = 256
ZWGK_TRAP_MAX_SEGMENT_REPEATS = 2
ZWGK_STORE_BATCH = 50
ZWGK_STATS_FILE = ""  # when set, the final crawl stats are written there as JSON

# -- name resolution (--resolve) -----------------------------------------------------------------
TWISTED_DNS_RESOLVER = "crawler.resolver.ResolveMapResolver"
ZWGK_RESOLVE: list[str] = []  # curl's HOST:PORT:ADDR entries
ZWGK_RESOLVE_STRICT = False  # True: a host:port not in ZWGK_RESOLVE fails, no DNS query (demo, tests)

# -- re-scans: always revalidate -------------------------------------------------------------------
HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = "crawler.httpcache.RevalidatePolicy"
HTTPCACHE_STORAGE = "crawler.httpcache.SqliteCacheStorage"  # one row per response, no gzip
HTTPCACHE_DIR = os.environ.get("ZWGK_HTTPCACHE_DIR", "")  # empty: beside the database (crawler.crawl)
HTTPCACHE_GZIP = False  # gzip cost 17 % of a check; the SQLite storage does not read it

# -- order: frontier ---------------------------------------------------------------------------------
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"  # breadth first within a priority
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"

# -- components: one line each ---------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.SiteBudgetMiddleware": 120,  # after robots.txt (100): excluded URLs cost nothing
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": None,
    "crawler.httpcache.RevalidatingCacheMiddleware": 900,
    "crawler.middlewares.WireBytesMiddleware": 950,  # nearer the network than the cache: sees 304s as sent
    "crawler.redirects.OffsiteRedirectMiddleware": 650,  # before RedirectMiddleware (600) sees a 3xx
    "crawler.certificates.CertificateCheck": 960,  # Scrapy does not verify certificates: we report them
}
ITEM_PIPELINES = {
    "crawler.pipelines.StorePipeline": 300,
}
EXTENSIONS = {
    "scrapy.extensions.throttle.AutoThrottle": None,
    "crawler.throttle.RevalidationAwareThrottle": 0,  # a 304 may lower the delay, as a 200 does
    "crawler.extensions.CrawlOutcome": 500,
}

LOG_LEVEL = "WARNING" if os.environ.get("ZWGK_QUIET") else "INFO"
FEED_EXPORT_ENCODING = "utf-8"

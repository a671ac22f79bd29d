"""The floor to compare with: a CrawlSpider that follows every link on the portal's hosts and keeps nothing.

Run as `python -m benchmarks.bare_scrapy URL --resolve HOST:PORT:127.0.0.1 ... --stats FILE`.
"""

from __future__ import annotations

import argparse
import json
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor
from scrapy.resolver import dnscache
from scrapy.spiders import CrawlSpider, Rule

SETTINGS = {
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ROBOTSTXT_OBEY": False,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "USER_AGENT": "zwgk-benchmark (bare scrapy)",
}


class BareSpider(CrawlSpider):
    """Follows every link within `allowed_domains`; parses nothing else."""

    name = "bare"
    rules = (Rule(LinkExtractor(), follow=True),)

    def __init__(self, url: str, domain: str, **kwargs: object) -> None:
        self.start_urls = [url]
        self.allowed_domains = [domain]  # by host name: LinkExtractor(allow_domains=) fails on URLs with a port
        super().__init__(**kwargs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bare_scrapy")
    parser.add_argument("url")
    parser.add_argument("--resolve", action="append", default=[], metavar="HOST:PORT:ADDR")
    parser.add_argument("--domain", default=None, help="the registrable domain to stay on (default: the URL's)")
    parser.add_argument("--stats", default=None, help="write the crawl's stats here as JSON")
    args = parser.parse_args(argv)
    for entry in args.resolve:  # no DNS: the fixture hosts live on loopback
        host, _port, addr = entry.split(":", 2)
        dnscache[host] = addr
    host = urlsplit(args.url).hostname or ""
    domain = args.domain or ".".join(host.split(".")[-3:])
    process = CrawlerProcess(SETTINGS)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, url=args.url, domain=domain)
    process.start()
    if args.stats:
        stats = {k: v if isinstance(v, int | float) else str(v) for k, v in crawler.stats.get_stats().items()}
        with open(args.stats, "w", encoding="utf-8") as out:
            json.dump(stats, out, indent=1)


if __name__ == "__main__":
    main()

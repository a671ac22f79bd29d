"""AutoThrottle that counts a 304 Not Modified as a success.

Scrapy's AutoThrottle never lowers a slot's delay on a non-200 answer; on a re-scan almost every
answer is a 304, so the start delay would hold for the whole crawl (4 minutes instead of 8 s on
the demo portal).
"""

from __future__ import annotations

from typing import Any

from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response


class RevalidationAwareThrottle(AutoThrottle):
    def _adjust_delay(self, slot: Any, latency: float, response: Response) -> None:
        if response.status == 304:
            response = response.replace(status=200)
        super()._adjust_delay(slot, latency, response)

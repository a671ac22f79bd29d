"""Stream evidence items into the store in small batched transactions; no page is kept in memory."""

from __future__ import annotations

from typing import Any

from crawler.items import CrawlItem, DeadLink, DocumentEvidence, PageEvidence, SiteInfo


class StorePipeline:
    """Buffers pages, documents and dead links per kind and writes each batch in one transaction.

    The store and scan id come from the spider (`spider.store`, `spider.scan_id`); on close the final
    record of every site (`spider.site_infos()`: pages, robots exclusions, status) is saved."""

    def __init__(self, crawler: Any, batch: int) -> None:
        self.crawler = crawler
        self.batch = batch
        self.pages: list[PageEvidence] = []
        self.documents: list[DocumentEvidence] = []
        self.dead: list[DeadLink] = []

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler, crawler.settings.getint("ZWGK_STORE_BATCH", 50))

    @property
    def spider(self) -> Any:
        return self.crawler.spider

    def open_spider(self) -> None:
        self.store = self.spider.store
        self.scan_id = self.spider.scan_id

    def process_item(self, item: CrawlItem) -> CrawlItem:
        if isinstance(item, PageEvidence):
            self.pages.append(item)
        elif isinstance(item, DocumentEvidence):
            self.documents.append(item)
        elif isinstance(item, DeadLink):
            self.dead.append(item)
        elif isinstance(item, SiteInfo):
            self.store.save_site(self.scan_id, item)
        if len(self.pages) + len(self.documents) + len(self.dead) >= self.batch:
            self.flush()
        return item

    def flush(self) -> None:
        pages, self.pages = self.pages, []
        documents, self.documents = self.documents, []
        dead, self.dead = self.dead, []
        self.store.add_pages(self.scan_id, pages)
        self.store.add_documents(self.scan_id, documents)
        self.store.add_dead_links(self.scan_id, dead)
        self.crawler.stats.inc_value("zwgk/store/batches")

    def close_spider(self) -> None:
        self.flush()
        for info in self.spider.site_infos():
            self.store.save_site(self.scan_id, info)

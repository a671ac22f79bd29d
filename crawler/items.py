"""The items the portal spider yields: the evidence records of rules.evidence, nothing else."""

from __future__ import annotations

from rules.evidence import DeadLink, DocumentEvidence, PageEvidence, SiteInfo

CrawlItem = PageEvidence | DocumentEvidence | DeadLink | SiteInfo

__all__ = ["CrawlItem", "DeadLink", "DocumentEvidence", "PageEvidence", "SiteInfo"]

"""Pure link decisions: which links are evidence (followed first), which are documents, which site owns a URL.

The vocabulary is data (rules/vocab/crawl.yaml), compiled once into a CrawlVocab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from w3lib.url import canonicalize_url

VOCAB_FILE = Path(__file__).resolve().parents[1] / "rules" / "vocab" / "crawl.yaml"


@dataclass(frozen=True, slots=True)
class CrawlVocab:
    """The crawl vocabulary, compiled: terms as one regex each, so a link costs one search per question."""

    priority_text: re.Pattern[str]
    priority_url: re.Pattern[str]
    department_block: re.Pattern[str]
    township_block: re.Pattern[str]
    township_name: re.Pattern[str]
    agency_name: re.Pattern[str]
    document_hint: re.Pattern[str]
    document_ext: re.Pattern[str]
    meta_names: dict[str, str]  # lower-case name -> canonical spelling


def _any_of(terms: list[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


def compile_vocab(data: dict) -> CrawlVocab:
    """Compile the YAML mapping of crawl.yaml; a missing key is a clear KeyError naming it."""
    tokens = _any_of(data["priority_url_tokens"])
    blocks = data["subsite_blocks"]
    return CrawlVocab(
        priority_text=re.compile(_any_of(data["priority_terms"]), re.IGNORECASE),
        # a token between separators or digits: /xxgk/, zwgk_index, ndbg2025 — never inside a word
        priority_url=re.compile(rf"(?<![a-z])(?:{tokens})(?![a-z])", re.IGNORECASE),
        department_block=re.compile(rf"^\s*(?:{_any_of(blocks['department'])})\s*[:：]?\s*$"),
        township_block=re.compile(rf"^\s*(?:{_any_of(blocks['township'])})\s*[:：]?\s*$"),
        township_name=re.compile(rf"(?:{_any_of(data['township_name_suffixes'])})$"),
        agency_name=re.compile(rf"(?:{_any_of(data['agency_name_suffixes'])})(?:网站|网|子站)?$"),
        document_hint=re.compile(_any_of(data["document_hints"]), re.IGNORECASE),
        document_ext=re.compile(rf"\.({_any_of(data['document_extensions'])})$", re.IGNORECASE),
        meta_names={name.lower(): name for name in data["meta_names"]},
    )


@lru_cache(maxsize=4)
def load_vocab(path: str | None = None) -> CrawlVocab:
    """The crawl vocabulary from `path` (default rules/vocab/crawl.yaml), compiled and cached."""
    file = Path(path) if path else VOCAB_FILE
    return compile_vocab(yaml.safe_load(file.read_text(encoding="utf-8")))


def is_evidence_link(text: str, url: str, vocab: CrawlVocab) -> bool:
    """True when the link's label (text, alt, title, image name) or its URL path names evidence."""
    if text and (vocab.priority_text.search(text) or vocab.priority_url.search(text)):
        return True  # the URL tokens count in labels too: an image link is labelled `xxgk_rk`
    parts = urlsplit(url)
    return bool(vocab.priority_url.search(parts.path) or (parts.query and vocab.priority_url.search(parts.query)))


def document_type(url: str, vocab: CrawlVocab) -> str:
    """The document extension of a URL's path ("pdf", "docx", …), or "" for a page."""
    match = vocab.document_ext.search(urlsplit(url).path)
    return match.group(1).lower() if match else ""


def wants_document(text: str, url: str, vocab: CrawlVocab) -> bool:
    """A document is fetched only when its link text or URL looks like evidence (a report, a budget, a guide)."""
    return bool(vocab.document_hint.search(text) or vocab.document_hint.search(urlsplit(url).path.rsplit("/", 1)[-1])
                or vocab.priority_url.search(urlsplit(url).path))


def canonical(url: str) -> str:
    """The URL as the seen-set knows it: w3lib-canonical, without fragment."""
    return canonicalize_url(url, keep_fragments=False)


def site_root(url: str) -> str:
    """`scheme://netloc/` of a URL: the key of a host's site."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}/"


def folder_of(url: str) -> str:
    """The folder a URL names: `http://h/bm/sthjj/index.html` → `http://h/bm/sthjj/`."""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc.lower()}{path or '/'}"


def site_of(url: str, keys: list[str]) -> str | None:
    """The longest site key that is a prefix of `url` (keys sorted longest first), or None."""
    lowered = url if "://" not in url else _lower_netloc(url)
    for key in keys:
        if lowered.startswith(key):
            return key
    return None


def _lower_netloc(url: str) -> str:
    scheme, _, rest = url.partition("://")
    netloc, slash, path = rest.partition("/")
    return f"{scheme}://{netloc.lower()}{slash}{path}" if slash else f"{scheme}://{netloc.lower()}/"


def portal_domain(host: str) -> str:
    """The portal's own domain, its sub-domains being candidate sub-sites: `www.yunxi.gov.cn` → `yunxi.gov.cn`."""
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def in_domain(host: str, domain: str) -> bool:
    host = host.lower().rstrip(".")
    return host == domain or host.endswith("." + domain)

"""Pure: an HTML response → PageEvidence, the links to follow and the sub-sites it names.

One parse per page: everything is read from the response's own lxml tree (no BeautifulSoup,
except to repair the rare page whose declared charset is wrong).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from lxml import html as lxml_html
from scrapy.http import HtmlResponse, TextResponse
from w3lib.encoding import html_body_declared_encoding, resolve_encoding

from crawler.links import CrawlVocab, load_vocab
from crawler.subsites import SubsiteLink, find_subsites
from rules.evidence import Link, ListEntry, PageEvidence

TEXT_CHARS = 2000
MAX_LINKS = 1000  # links kept per page; a page of 10,000 links keeps the first thousand
MAX_DATES = 50

DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
PUBLISHED = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|公开日期|更新时间|日期)\s*[:：]\s*"
                       r"((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
IDENTIFIERS = (
    ("site_code", re.compile(r"网站标识码\s*[:：]?\s*([0-9A-Za-z]{10})")),
    ("icp", re.compile(r"([\u4e00-\u9fa5]{1,2}ICP备\s*\d+号(?:\s*-\s*\d+)?)")),
    ("police", re.compile(r"([\u4e00-\u9fa5]{1,2}公网安备\s*\d+号?)")),
)
SCRIPT_REDIRECT = re.compile(
    r"""(?:location(?:\.href)?\s*=\s*|location\.(?:replace|assign)\(\s*)["']([^"']{1,500})["']""")
SPACES = re.compile(r"\s+")
CRUMB_SPLIT = re.compile(r"\s*(?:>|›|»|＞|→|/)\s*")
CRUMB_PREFIX = re.compile(r"^.*?(?:当前位置|您的位置|您现在的位置|所在位置|当前页面)\s*[:：]?\s*")
SKIPPED_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")

# Where a link stands, from the tag or the class/id words of its nearest telling ancestor.
PLACE_TAGS = {"header": "header", "nav": "nav", "aside": "side", "footer": "footer"}
PLACE_WORDS = (
    ("footer", re.compile(r"foot|copyright|bottom|banquan")),
    ("side", re.compile(r"side|left|aside|subnav|sub-nav|lanmu")),
    ("nav", re.compile(r"nav|menu|daohang|(?<![a-z])dh(?![a-z])|column")),
    ("header", re.compile(r"header|head|top|banner|logo")),
)
CRUMB_XPATH = ("(//*[contains(@class,'position') or contains(@class,'crumb') or contains(@class,'location')"
               " or contains(@id,'position') or contains(@id,'crumb') or contains(@id,'location')"
               " or contains(@class,'dqwz')])[1]")
MAIN_XPATH = ("//*[@id='zoom' or @id='content' or @id='article' or contains(@class,'TRS_Editor')"
              " or contains(@class,'article') or contains(@class,'content') or contains(@class,'detail')"
              " or self::article or self::main]")


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """What one HTML page gives the crawl: its evidence, what to follow, the sub-sites it names."""

    evidence: PageEvidence
    follow: tuple[Link, ...]  # anchors, frames and script redirects, absolute URLs
    subsites: tuple[SubsiteLink, ...]


def iso_date(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def dates_in(text: str) -> list[str]:
    found = []
    for m in DATE.finditer(text):
        value = iso_date(*m.groups())
        if value and value not in found:
            found.append(value)
            if len(found) >= MAX_DATES:
                break
    return found


def clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def decoded_text(response: TextResponse) -> tuple[str, str, bool]:
    """(text, encoding, repaired). A page whose header charset is wrong (replacement characters in
    the text) is decoded again from its <meta> charset, or with UnicodeDammit's guess."""
    text, encoding = response.text, response.encoding
    if text.count("\ufffd") < 3:
        return text, encoding, False
    body = response.body
    declared = html_body_declared_encoding(body)
    if declared and resolve_encoding(declared) != resolve_encoding(encoding):
        candidate = body.decode(resolve_encoding(declared) or declared, errors="replace")
        if candidate.count("\ufffd") < text.count("\ufffd"):
            return candidate, resolve_encoding(declared) or declared, True
    from bs4 import UnicodeDammit  # rare pages only: it costs milliseconds

    dammit = UnicodeDammit(body, is_html=True)
    if dammit.unicode_markup and dammit.unicode_markup.count("\ufffd") < text.count("\ufffd"):
        return dammit.unicode_markup, dammit.original_encoding or encoding, True
    return text, encoding, False


def place_of(element: lxml_html.HtmlElement, memo: dict[lxml_html.HtmlElement, str]) -> str:
    """The place of an element: its nearest ancestor whose tag or class/id tells it; body otherwise.

    The memo holds the elements themselves: lxml proxies are transient, so id() of one is reused."""
    chain = []
    place = "body"
    node = element.getparent()
    while node is not None:
        if node in memo:
            place = memo[node]
            break
        chain.append(node)
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in PLACE_TAGS:
            place = PLACE_TAGS[tag]
            break
        words = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if words.strip():
            found = next((name for name, pattern in PLACE_WORDS if pattern.search(words)), None)
            if found:
                place = found
                break
        node = node.getparent()
    for node in chain:
        memo[node] = place
    return place


def anchor_label(anchor: lxml_html.HtmlElement) -> tuple[str, bool]:
    """Visible text, else an image's alt/title, the anchor's title, or the image's file name."""
    text = clean(anchor.text_content())
    if text:
        return text, False
    image = next(anchor.iter("img"), None)
    title = (anchor.get("title") or "").strip()
    if image is None:
        return title, False
    label = (image.get("alt") or "").strip() or (image.get("title") or "").strip() or title
    if not label:
        src = (image.get("src") or "").rsplit("/", 1)[-1]
        label = src.rsplit(".", 1)[0]
    return label, True


def absolute(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.lower().startswith(SKIPPED_SCHEMES):
        return None
    url = urljoin(base, href).split("#", 1)[0]
    return url if url.startswith(("http://", "https://")) else None


def extract_links(root: lxml_html.HtmlElement, base: str) -> tuple[list[Link], list[Link]]:
    """(evidence links with place, extra follow targets: frames and script redirects)."""
    memo: dict[lxml_html.HtmlElement, str] = {}
    links: list[Link] = []
    for anchor in root.iter("a"):
        url = absolute(base, anchor.get("href"))
        if url is None:
            continue
        text, image = anchor_label(anchor)
        links.append(Link(url, text, place_of(anchor, memo), image))
        if len(links) >= MAX_LINKS:
            break
    extra: list[Link] = []
    for frame in root.xpath("//frame[@src] | //iframe[@src]"):
        url = absolute(base, frame.get("src"))
        if url:
            extra.append(Link(url, clean(frame.get("title") or frame.get("name") or ""), "body"))
    for script in root.xpath("//script[not(@src)]/text()"):
        for m in SCRIPT_REDIRECT.finditer(script):
            url = absolute(base, m.group(1))
            if url:
                extra.append(Link(url, "", "body"))
    return links, extra


def list_entries(root: lxml_html.HtmlElement, base: str) -> list[ListEntry]:
    """Items of article lists: an <li> or table row with one link and a date beside it."""
    entries = []
    for item in root.xpath("//li[a[@href] or */a[@href]] | //tr[td//a[@href]]"):
        text = item.text_content()
        if len(text) > 400:
            continue
        match = DATE.search(text)
        if not match:
            continue
        anchor = next((a for a in item.iter("a") if a.get("href")), None)
        url = absolute(base, anchor.get("href")) if anchor is not None else None
        if url is None:
            continue
        label = clean(anchor.get("title") or "") or clean(anchor.text_content())
        entries.append(ListEntry(url, label, iso_date(*match.groups())))
    return entries


def breadcrumb(root: lxml_html.HtmlElement) -> tuple[str, ...]:
    found = root.xpath(CRUMB_XPATH)
    if not found:
        found = [t.getparent() for t in root.xpath("//text()[contains(., '当前位置') or contains(., '您的位置')]")[:1]]
    if not found or found[0] is None:
        return ()
    text = CRUMB_PREFIX.sub("", clean(found[0].text_content()))
    parts = tuple(p for p in CRUMB_SPLIT.split(text) if p)
    return parts if 0 < len(parts) <= 10 else ()


def main_text(root: lxml_html.HtmlElement) -> str:
    """The start of the page's main text: an article container if there is one, else the body."""
    for bad in root.xpath("//script | //style | //noscript"):
        bad.drop_tree()
    for candidate in root.xpath(MAIN_XPATH):
        text = clean(candidate.text_content())
        if len(text) >= 80:
            return text[:TEXT_CHARS]
    body = root.find("body")
    return clean((body if body is not None else root).text_content())[:TEXT_CHARS]


def meta_pairs(root: lxml_html.HtmlElement, vocab: CrawlVocab) -> tuple[tuple[str, str], ...]:
    pairs = []
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        if name in vocab.meta_names:
            pairs.append((vocab.meta_names[name], clean(meta.get("content") or "")))
    return tuple(pairs)


def page_from_response(response: TextResponse, *, site: str, depth: int = 0, fetched: str = "",
                       request_url: str = "", discover: bool = False,
                       vocab: CrawlVocab | None = None) -> ParsedPage:
    """Evidence of one HTML response, read from its own selector (or a repaired parse of its body).
    With `discover`, the page's sub-site blocks and site navigators are read too (portal pages)."""
    vocab = vocab or load_vocab()
    text, encoding, repaired = decoded_text(response)
    root = lxml_html.document_fromstring(text) if repaired else response.selector.root
    base = response.url
    base_href = root.xpath("//base/@href")
    if base_href:
        base = urljoin(response.url, base_href[0].strip())
    title_nodes = root.xpath("//title")
    title = clean(title_nodes[0].text_content()) if title_nodes else ""
    links, extra = extract_links(root, base)
    entries = list_entries(root, base)
    crumbs = breadcrumb(root)
    meta = meta_pairs(root, vocab)
    subsites = find_subsites(root, base, vocab) if discover else ()
    body_text = main_text(root)  # drops scripts from the tree: after links and redirects were read
    full_text = clean(root.text_content())
    published = next((iso_date(*DATE.search(v).groups()) for k, v in meta if k == "PubDate" and DATE.search(v)), None)
    if published is None and (m := PUBLISHED.search(full_text)):
        published = iso_date(*DATE.search(m.group(1)).groups())  # type: ignore[union-attr]
    identifiers = tuple((name, m.group(1).replace(" ", "")) for name, pattern in IDENTIFIERS
                        if (m := pattern.search(full_text)))
    evidence = PageEvidence(
        site=site, url=request_url or response.url, final_url=response.url, status=response.status, title=title,
        breadcrumb=crumbs, links=tuple(links), entries=tuple(entries), published=published,
        dates=tuple(dates_in(full_text)), meta=meta, identifiers=identifiers, text=body_text, depth=depth,
        encoding=encoding, fetched=fetched)
    return ParsedPage(evidence, tuple(links) + tuple(extra), subsites)


def page_from_bytes(url: str, body: bytes, *, site: str = "", content_type: str = "text/html",
                    status: int = 200, depth: int = 0, discover: bool = True,
                    vocab: CrawlVocab | None = None) -> ParsedPage:
    """The same as page_from_response, from raw bytes and a Content-Type (for tests and tools)."""
    response = HtmlResponse(url, status=status, body=body, headers={"Content-Type": content_type})
    return page_from_response(response, site=site or url, depth=depth, discover=discover, vocab=vocab)

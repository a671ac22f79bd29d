"""Pure: the sub-site links a portal page names — link blocks under a heading (部门网站, 乡镇（街道）…)
and `<select>` site navigators (站群导航) whose options carry the sub-sites' URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import html as lxml_html

from crawler.links import CrawlVocab

LABEL_TRIM = " \t\r\n-=—_*·:：|[]【】<>《》"
MORE = re.compile(r"^(?:更多|more|>>|》》|\+)$", re.IGNORECASE)
HEADING_MAX = 12  # a block heading is short; a sentence mentioning 乡镇 is not one
CLIMB = 3  # levels above a heading searched for its list of links


@dataclass(frozen=True, slots=True)
class SubsiteLink:
    """A candidate sub-site: its URL, its name (link or option text) and role.

    `labelled` is False for a `<select>` whose label names no sub-site block: its options count
    only when they are sub-domains of the portal (a 友情链接 select lists other governments)."""

    url: str
    name: str
    role: str  # department | township
    labelled: bool = True


def block_role(label: str, vocab: CrawlVocab) -> str | None:
    label = label.strip(LABEL_TRIM)
    if not label or len(label) > HEADING_MAX:
        return None
    if vocab.township_block.match(label):
        return "township"
    if vocab.department_block.match(label):
        return "department"
    return None


def role_of(name: str, block: str, vocab: CrawlVocab) -> str:
    return "township" if vocab.township_name.search(name.strip()) else block


def _http(base: str, value: str | None) -> str | None:
    if not value:
        return None
    url = urljoin(base, value.strip()).split("#", 1)[0]
    return url if url.startswith(("http://", "https://")) else None


def from_selects(root: lxml_html.HtmlElement, base: str, vocab: CrawlVocab) -> list[SubsiteLink]:
    found = []
    for select in root.iter("select"):
        options = [(_http(base, o.get("value")) if "/" in (o.get("value") or "") else None,
                    " ".join(o.text_content().split())) for o in select.iter("option")]
        if not any(url for url, _ in options):
            continue
        labels = [text for url, text in options if not url]
        labels += [select.get("title") or "", select.get("name") or "", select.get("id") or ""]
        previous = select.getprevious()
        if previous is not None:
            labels.append(previous.text_content())
        parent = select.getparent()
        if parent is not None:
            labels.append(parent.text or "")
        role = next((r for r in (block_role(label, vocab) for label in labels) if r), None)
        for url, text in options:
            if url and text:
                found.append(SubsiteLink(url, text, role_of(text, role or "department", vocab), role is not None))
    return found


def _own_text(element: lxml_html.HtmlElement) -> str:
    return (element.text or "").strip() or (element.text_content().strip() if len(element) <= 2 else "")


def from_blocks(root: lxml_html.HtmlElement, base: str, vocab: CrawlVocab) -> list[SubsiteLink]:
    found: list[SubsiteLink] = []
    taken: set[lxml_html.HtmlElement] = set()  # elements, not id(): lxml proxies are transient
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("a", "option", "select", "script", "style"):
            continue
        role = block_role(_own_text(element), vocab)
        if role is None:
            continue
        node = element
        for _ in range(CLIMB):
            node = node.getparent()
            if node is None:
                break
            heading_links = set(element.iter("a"))
            anchors = [a for a in node.iter("a") if a not in heading_links and a not in taken
                       and not MORE.match(a.text_content().strip())]
            if anchors:
                for anchor in anchors:
                    taken.add(anchor)
                    url = _http(base, anchor.get("href"))
                    name = " ".join(anchor.text_content().split()) or (anchor.get("title") or "").strip()
                    if url:
                        found.append(SubsiteLink(url, name, role_of(name, role, vocab)))
                break
    return found


def find_subsites(root: lxml_html.HtmlElement, base: str, vocab: CrawlVocab) -> tuple[SubsiteLink, ...]:
    """Every sub-site candidate of a page, first seen first, one per URL."""
    seen: set[str] = set()
    result = []
    for link in from_selects(root, base, vocab) + from_blocks(root, base, vocab):
        if link.url not in seen:
            seen.add(link.url)
            result.append(link)
    return tuple(result)

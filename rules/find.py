"""Finding evidence in a snapshot by vocabulary: columns by label or URL, pages and documents by their own words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rules.evidence import ListEntry, PageEvidence
from rules.model import Proof
from rules.snapshot import LinkSeen, SiteSnapshot
from rules.vocabulary import Term, normalize

_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a site found by vocabulary: its label, URL, list page (if crawled) and items."""

    term: str
    label: str
    url: str
    on: str  # the page that links it (or the column page itself when found by its title)
    page: PageEvidence | None
    items: int
    newest: str | None  # ISO date of the newest item

    @property
    def proof(self) -> Proof:
        if not self.items:
            return Proof(self.url, self.label)
        text = f"{self.label}（{self.items} 条" + (f"，最新 {self.newest}）" if self.newest else "）")
        return Proof(self.url, text, self.newest)


@dataclass(frozen=True, slots=True)
class Hit:
    """A page or document whose own title or text names what was looked for."""

    url: str
    title: str
    date: str | None
    text: str  # the title and the start of the text, for further tests
    kind: str  # page | document

    @property
    def proof(self) -> Proof:
        return Proof(self.url, self.title, self.date)


def names_year(text: str, year: int) -> bool:
    """The text names the year as a year: "2025年" or "2025 年度" (Chinese numerals too)."""
    body = normalize(text).translate(_CN_DIGITS)
    return re.search(rf"(?<!\d){year}年", body) is not None


def links_matching(site: SiteSnapshot, term: Term, *, label: Callable[[str], bool] | None = None,
                   url: Callable[[str], bool] | None = None) -> list[LinkSeen]:
    """Links whose text names the term (term.in_label unless `label` is given) or whose URL does
    (term.in_url unless `url` is given; image links only by their text); each distinct text and URL is
    tested once, and each URL's path is split once per snapshot."""
    if url is None:
        tokens = term.urls
        parts = site.url_parts() if tokens else {}

        def url(target: str) -> bool:  # term.in_url, on the snapshot's split paths
            return bool(tokens) and any(token in parts[target] for token in tokens)

    return site.links_where(text=label or term.in_label, url=url)


def column_candidates(site: SiteSnapshot, term: Term) -> Iterator[Column]:
    """Every place the site shows the term as a column: links labelled or addressed so, list pages titled so."""
    shown: set[tuple[str, str]] = set()  # a header link shown on every page is one place, linked first from one
    for seen in links_matching(site, term):
        # An article in a dated list ("2026年重大建设项目批准情况") names a topic, not a column.
        link = seen.link
        if (link.text, link.url) not in shown and not site.is_article(seen):
            shown.add((link.text, link.url))
            yield column_at(site, term.name, link.text or link.url, link.url, seen.page.final_url)
    lists = list_pages(site)
    named = {label for label in site.memo("list-page-labels", lambda: {lb for _, *both in lists for lb in both})
             if term.in_label(label)}
    for page, crumb, title in lists:
        if crumb in named or title in named:
            yield column_at(site, term.name, crumb or page.title, page.final_url, page.final_url)


def list_pages(site: SiteSnapshot) -> list[tuple[PageEvidence, str, str]]:
    """Each list page (a page with entries: an article titled "…政府采购…" is not the 政府采购 column) with the
    last step of its breadcrumb and its title's column part; many pages of one list share them, so a term
    is tested once per distinct label."""
    def compute() -> list[tuple[PageEvidence, str, str]]:
        return [(page, page.breadcrumb[-1] if page.breadcrumb else "", _column_title(page.title))
                for page in site.ok_pages() if page.entries]
    return site.memo("list-pages", compute)


def find_column(site: SiteSnapshot, term: Term) -> Column | None:
    return site.memo(("column", term), lambda: best_column(site, term))


def best_column(site: SiteSnapshot, term: Term) -> Column | None:
    """The best showing of the term: labelled exactly with a synonym ("政务公开", not "政府信息公开年报"),
    then named by its label before found by URL alone (a "更多" link to /zwgk/… is not the 政务公开
    column), then the one with most items, then one that was crawled."""
    synonyms = [normalize(label) for label in term.labels]

    def rank(col: Column) -> tuple[int, bool, int, bool]:
        label = normalize(col.label)
        exact = -synonyms.index(label) if label in synonyms else -len(synonyms)  # earlier synonym first
        return exact, term.in_label(col.label), col.items, col.page is not None

    return max(column_candidates(site, term), key=rank, default=None)


def column_at(site: SiteSnapshot, term: str, label: str, url: str, on: str) -> Column:
    page = site.page(url)
    dates = [e.date for e in page.entries if e.date] if page else []
    return Column(term, label, url, on, page, len(page.entries) if page else 0, max(dates) if dates else None)


def hits(site: SiteSnapshot, *terms: Term, include_text: bool = True) -> list[Hit]:
    """Pages and documents whose own title (or, if include_text, text) names every term given.

    Page texts are searched through the snapshot (the database, for a stored scan), once per term, and
    read only for the pages found."""
    needles = [term_needles(t) for t in terms]
    in_text = [site.pages_containing(n) if include_text else frozenset() for n in needles]
    named = [page for page, title in zip(site.ok_pages(), page_titles(site), strict=True)
             if all(any(s in title for s in words) or site.number_of(page) in texts
                    for words, texts in zip(needles, in_text, strict=True))]
    found = [Hit(page.final_url, page.title or page.final_url, page_date(site, page), f"{page.title}\n{text}", "page")
             for page, text in zip(named, site.texts_of(named), strict=True)]
    for doc in site.ok_documents():
        words = doc.title + " " + (doc.text if include_text else "")
        if all(t.in_text(words) for t in terms):
            found.append(Hit(doc.url, doc.title or doc.link_text or doc.url, doc.published or site.listed_date(doc.url),
                             f"{doc.title}\n{doc.text}", "document"))
    return found


def page_titles(site: SiteSnapshot) -> tuple[str, ...]:
    """Each 200 page's title, normalized once per snapshot (page texts are searched through the snapshot)."""
    def compute() -> tuple[str, ...]:
        return tuple(_normalize(page.title) for page in site.ok_pages())
    return site.memo("page-titles", compute)


def _normalize(text: str) -> str:
    return normalize.__wrapped__(text)  # type: ignore[attr-defined]


def _names(term: Term, words: str) -> bool:
    """term.in_text on text already normalized."""
    return any(s in words for s in term_needles(term))


def term_needles(term: Term) -> tuple[str, ...]:
    """The term's labels as matched in normalized text (term.in_text)."""
    return tuple(normalize(s) for s in term.labels)


def titles_in_lists(site: SiteSnapshot, *terms: Term) -> list[Hit]:
    """List entries (an article list's titles) naming every term; weaker than a page's own title."""
    return [Hit(e.url, e.text, e.date, e.text, "entry") for e in site.memo("first-entries", lambda: first_entries(site))
            if all(t.in_text(e.text) for t in terms)]


def first_entries(site: SiteSnapshot) -> list[ListEntry]:
    """Each listed URL once, as its first list shows it (the same article is listed on many pages)."""
    first: dict[str, ListEntry] = {}
    for entry, _ in site.entries():
        first.setdefault(entry.url, entry)
    return list(first.values())


def page_date(site: SiteSnapshot, page: PageEvidence) -> str | None:
    """A page's own publication date, else the date its list entry shows."""
    return page.published or site.listed_date(page.final_url) or site.listed_date(page.url)


def _column_title(title: str) -> str:
    """A list page's title is often "栏目名_站点名" or "栏目名 - 站点名": keep the first part."""
    return re.split(r"\s*[_|\-—–]\s*", title or "", maxsplit=1)[0]

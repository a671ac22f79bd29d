"""Page texts searched where they are stored: judging does not hold every page's text in memory.

`StoredTexts` answers `rules.snapshot.PageTexts` for one site of a stored scan with SQL: a search is one
query over the site's `pages.text` (normalized as matched), and only the texts of pages found are read.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.sql import ColumnElement

from crawler.store import Store, pages
from rules.evidence import PageEvidence

_READ_BATCH = 500  # ids in one IN (...) list


@dataclass(frozen=True, slots=True)
class StoredTexts:
    """The texts of one site's pages of one scan; page number n is the page with row id `ids[n]`."""

    engine: Engine
    scan_id: int
    site_key: str
    ids: array  # row ids in page-number order: ascending, as Store.page_rows gives them

    def containing(self, needles: Sequence[str]) -> Collection[int]:
        if not needles or not self.ids:
            return ()
        query = select(pages.c.id).where(pages.c.scan_id == self.scan_id, pages.c.site_key == self.site_key,
                                         pages.c.text != "",  # as in memory: an empty needle finds no empty text
                                         or_(*(self._contains(n) for n in needles)))
        with self.engine.connect() as conn:
            return [n for (row_id,) in conn.execute(query) if (n := self._number(row_id)) is not None]

    def texts(self, numbers: Sequence[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        wanted = sorted(set(numbers))
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), _READ_BATCH):
                batch = [self.ids[n] for n in wanted[start:start + _READ_BATCH]]
                for row_id, text in conn.execute(select(pages.c.id, pages.c.text).where(pages.c.id.in_(batch))):
                    if (n := self._number(row_id)) is not None:
                        found[n] = text
        return found

    def _number(self, row_id: int) -> int | None:
        n = bisect_left(self.ids, row_id)
        return n if n < len(self.ids) and self.ids[n] == row_id else None

    def _contains(self, needle: str) -> ColumnElement[bool]:
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            return func.instr(pages.c.text, needle) > 0
        if dialect == "postgresql":
            return func.strpos(pages.c.text, needle) > 0
        return pages.c.text.contains(needle, autoescape=True)


def stored_pages(store: Store, scan_id: int, site_key: str) -> tuple[list[PageEvidence], StoredTexts]:
    """A site's pages without their texts, and the texts that answer for them."""
    ids = array("q")
    loaded: list[PageEvidence] = []
    for row_id, page in store.page_rows(scan_id, site_key):
        ids.append(row_id)
        loaded.append(page)
    return loaded, StoredTexts(store.engine, scan_id, site_key, ids)

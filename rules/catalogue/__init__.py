"""The two 2013 assessment forms as data: every row verbatim, with its checkability and what to ask for."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from rules.model import Form, Row

HERE = Path(__file__).parent
FORM_IDS = ("county", "department")
CHECKABILITY = ("web", "partial", "manual")


class CatalogueError(ValueError):
    """A catalogue file is malformed: the message names the file and the row."""


@cache
def load_form(form_id: str) -> Form:
    """One form, rows in reading order, validated."""
    if form_id not in FORM_IDS:
        raise CatalogueError(f"unknown form {form_id!r}; known: {', '.join(FORM_IDS)}")
    path = HERE / f"{form_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = []
    for i, item in enumerate(data["rows"], 1):
        try:
            row = Row(id=item["id"], group=item["group"], question=item["question"],
                      checkability=item["checkability"], ask_for=item.get("ask_for", ""),
                      short=item.get("short", ""))
        except (KeyError, TypeError) as exc:
            raise CatalogueError(f"{path.name}: row {i} lacks {exc}") from exc
        if row.checkability not in CHECKABILITY:
            raise CatalogueError(f"{path.name}: {row.id} has checkability {row.checkability!r}")
        if row.checkability != "web" and not row.ask_for:
            raise CatalogueError(f"{path.name}: {row.id} is {row.checkability} but says nothing to ask for")
        rows.append(row)
    ids = [r.id for r in rows]
    if len(set(ids)) != len(ids):
        raise CatalogueError(f"{path.name}: duplicate row ids")
    return Form(id=data["id"], title=data["title"], rows=tuple(rows))


def all_rows() -> list[tuple[str, Row]]:
    """Every row of both forms, as (form id, row)."""
    return [(form_id, row) for form_id in FORM_IDS for row in load_form(form_id).rows]


def seed_text() -> str:
    """The seed forms, as copied into the package, for verbatim checks."""
    return (HERE / "seed-2013.txt").read_text(encoding="utf-8")

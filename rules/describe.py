"""Rules described for people: the table of all rows (`zwgk rules`) and one rule's documentation (`zwgk rules C13`)."""

from __future__ import annotations

import inspect

import rules  # noqa: F401 - registers every rule family
from rules.catalogue import all_rows
from rules.registry import rule_for

CHECKABILITY_LABELS = {"web": "网站可查", "partial": "部分可查", "manual": "人工核查"}


def rules_table() -> str:
    """Every row of both forms: id, group, question, checkability and the rule that answers it."""
    lines = ["编号\t指标名称\t具体内容\t可查性\t规则"]
    for form_id, row in all_rows():
        entry = rule_for(form_id, row.id)
        lines.append(f"{row.id}\t{row.group}\t{row.question}\t{CHECKABILITY_LABELS[row.checkability]}"
                     f"\t{entry.name if entry else '—'}")
    return "\n".join(lines)


def describe_rule(indicator: str) -> str | None:
    """One row's documentation in a fixed shape, like `ruff rule`; None for an unknown id."""
    for form_id, row in all_rows():
        if row.id != indicator.upper():
            continue
        head = [f"{row.id} {row.short}（{row.group}）", "", f"具体内容：{row.question}",
                f"可查性：{CHECKABILITY_LABELS[row.checkability]}"]
        entry = rule_for(form_id, row.id)
        if entry is None:
            return "\n".join([*head, "规则：无（人工核查）", f"需提供：{row.ask_for}"])
        forms = "、".join(f"{f}:{r}" for f, r in entry.fills.items())
        body = [f"规则：{entry.name} — {entry.title}", f"填写：{forms}", f"所需证据：{'、'.join(entry.needs)}"]
        if row.ask_for:
            body.append(f"无法判定时需提供：{row.ask_for}")
        return "\n".join([*head, *body, "", inspect.cleandoc(entry.doc)])
    return None

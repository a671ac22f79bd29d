"""Rulesets as data: which form, which Regulation, the deadlines and thresholds a form is judged by."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

RULESET_DIR = Path(__file__).parent / "rulesets"
DEFAULT_RULESETS = {"county": "2013-county", "department": "2013-department"}


class RulesetError(ValueError):
    """An unknown or malformed ruleset; one line for the user."""


@dataclass(frozen=True, slots=True)
class Ruleset:
    """A form's judging parameters: deadlines as month-day of the following year, thresholds by name."""

    name: str
    form: str
    regulation: str
    deadlines: Mapping[str, str]
    params: Mapping[str, Any]

    def deadline(self, key: str, report_year: int) -> date:
        """The date by which the report for `report_year` is due (month-day in the following year)."""
        try:
            month, day = (int(x) for x in self.deadlines[key].split("-"))
        except KeyError:
            raise RulesetError(f"ruleset {self.name} has no deadline {key!r}") from None
        return date(report_year + 1, month, day)

    def param(self, key: str) -> Any:
        try:
            return self.params[key]
        except KeyError:
            raise RulesetError(f"ruleset {self.name} has no parameter {key!r}") from None


def available() -> list[str]:
    return sorted(p.stem for p in RULESET_DIR.glob("*.yaml"))


@cache
def load_ruleset(name: str) -> Ruleset:
    path = RULESET_DIR / f"{name}.yaml"
    if not path.is_file():
        raise RulesetError(f"没有名为 {name} 的规则集（可用：{'、'.join(available())}）")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        ruleset = Ruleset(name=data["name"], form=data["form"], regulation=str(data["regulation"]),
                          deadlines=MappingProxyType({k: str(v) for k, v in data["deadlines"].items()}),
                          params=MappingProxyType(dict(data.get("params") or {})))
    except (KeyError, AttributeError, TypeError) as exc:
        raise RulesetError(f"规则集文件 {path.name} 缺少字段：{exc}") from exc
    if ruleset.name != name:
        raise RulesetError(f"规则集文件 {path.name} 的 name 应为 {name}")
    return ruleset


def ruleset_for(form: str, name: str | None = None) -> Ruleset:
    """The ruleset judging `form`: the default, the named one, or the named edition's twin for this form
    (a scan run with ``2019-county`` judges its departments with ``2019-department``)."""
    if name is None:
        return load_ruleset(DEFAULT_RULESETS[form])
    ruleset = load_ruleset(name)
    if ruleset.form == form:
        return ruleset
    edition = name.rsplit("-", 1)[0]
    return load_ruleset(f"{edition}-{form}")

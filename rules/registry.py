"""The rule registry: `@rule(...)` puts a rule and the rows it fills in RULES; a row filled twice fails at import."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from rules.model import Outcome

if TYPE_CHECKING:
    from rules.context import RuleContext
    from rules.snapshot import SiteSnapshot

RuleFunc = Callable[["SiteSnapshot", "RuleContext"], Outcome]


class RegistryError(RuntimeError):
    """A rule was registered wrongly (a row filled twice, a name used twice)."""


@dataclass(frozen=True, slots=True)
class RegisteredRule:
    """A rule and its metadata; its docstring is its documentation."""

    name: str  # kebab-case, stable
    fills: Mapping[str, str]  # form id -> row id
    title: str  # Chinese, one line
    needs: tuple[str, ...]  # the evidence it reads: pages, documents, dead_links, children
    func: RuleFunc

    @property
    def doc(self) -> str:
        return self.func.__doc__ or ""


RULES: dict[str, RegisteredRule] = {}  # name -> rule
_BY_ROW: dict[tuple[str, str], RegisteredRule] = {}  # (form, row id) -> rule


def rule(*, name: str, fills: dict[str, str], title: str, needs: tuple[str, ...] = ("pages",)
         ) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule for the rows it fills, one row per form."""

    def register(func: RuleFunc) -> RuleFunc:
        if name in RULES:
            raise RegistryError(f"rule name {name!r} is registered twice")
        entry = RegisteredRule(name, MappingProxyType(dict(fills)), title, tuple(needs), func)
        for form, row in fills.items():
            if (form, row) in _BY_ROW:
                raise RegistryError(f"row {row} of form {form} is filled by both "
                                    f"{_BY_ROW[(form, row)].name!r} and {name!r}")
        for form, row in fills.items():
            _BY_ROW[(form, row)] = entry
        RULES[name] = entry
        return func

    return register


def rule_for(form: str, row: str) -> RegisteredRule | None:
    return _BY_ROW.get((form, row))


def rules_by_row() -> Mapping[tuple[str, str], RegisteredRule]:
    return MappingProxyType(_BY_ROW)

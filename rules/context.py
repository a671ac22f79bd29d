"""RuleContext: everything a rule may know besides the snapshot — the date, the form, the ruleset, the words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rules.ruleset import Ruleset, ruleset_for
from rules.vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True, slots=True)
class RuleContext:
    """Frozen: rules read the as-of date from here, never from a clock."""

    as_of: date
    form: str  # county | department
    ruleset: Ruleset
    vocab: Vocabulary

    @classmethod
    def for_form(cls, form: str, as_of: date, ruleset: str | None = None) -> RuleContext:
        return cls(as_of, form, ruleset_for(form, ruleset), load_vocabulary())

    def param(self, key: str) -> Any:
        """A ruleset parameter (a plain YAML value: number, list, string)."""
        return self.ruleset.param(key)

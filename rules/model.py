"""Verdicts, findings and scan results: the shared language of rules, store and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    NOT_MET = "not_met"
    MANUAL = "manual"
    UNREACHABLE = "unreachable"


# What a person reads in the 实施情况 column.
VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.MET: "是",
    Verdict.PARTIAL: "部分",
    Verdict.NOT_MET: "否",
    Verdict.MANUAL: "待人工核查",
    Verdict.UNREACHABLE: "无法访问",
}


@dataclass(frozen=True, slots=True)
class Proof:
    """One piece of evidence a person can open: a URL, what it says, and its date."""

    url: str
    text: str = ""
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a rule decided. Build it with met/partial/not_met/manual, never directly."""

    verdict: Verdict
    summary: str
    evidence: tuple[Proof, ...] = ()
    searched: str = ""
    advice: str = ""


def met(summary: str, evidence: tuple[Proof, ...] | list[Proof], advice: str = "") -> Outcome:
    evidence = tuple(evidence)
    if not evidence:
        raise ValueError("a 'met' outcome needs at least one piece of evidence")
    return Outcome(Verdict.MET, summary, evidence, advice=advice)


def partial(summary: str, evidence: tuple[Proof, ...] | list[Proof], searched: str = "", advice: str = "") -> Outcome:
    evidence = tuple(evidence)
    if not evidence:
        raise ValueError("a 'partial' outcome needs at least one piece of evidence")
    return Outcome(Verdict.PARTIAL, summary, evidence, searched, advice)


def not_met(summary: str, searched: str, advice: str = "", evidence: tuple[Proof, ...] | list[Proof] = ()) -> Outcome:
    if not searched:
        raise ValueError("a 'not_met' outcome must say what was searched and where")
    return Outcome(Verdict.NOT_MET, summary, tuple(evidence), searched, advice)


def manual(reason: str, evidence: tuple[Proof, ...] | list[Proof] = (), advice: str = "") -> Outcome:
    if not reason:
        raise ValueError("a 'manual' outcome must give its reason")
    return Outcome(Verdict.MANUAL, reason, tuple(evidence), advice=advice)


def unreachable(reason: str) -> Outcome:
    return Outcome(Verdict.UNREACHABLE, reason)


@dataclass(frozen=True, slots=True)
class Finding:
    """One row of a form answered for one site."""

    indicator: str  # C01..C35, D01..D16
    group: str  # 指标名称
    question: str  # 具体内容, verbatim
    verdict: Verdict
    summary: str
    evidence: tuple[Proof, ...] = ()
    searched: str = ""
    advice: str = ""
    rule: str = ""  # the rule's kebab-case name, empty for catalogue-manual rows
    checkability: str = "manual"  # web | partial | manual

    @classmethod
    def of(cls, row: Row, outcome: Outcome, rule: str = "") -> Finding:
        return cls(row.id, row.group, row.question, outcome.verdict, outcome.summary,
                   outcome.evidence, outcome.searched, outcome.advice, rule, row.checkability)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of an assessment form, from the catalogue."""

    id: str
    group: str
    question: str
    checkability: str  # web | partial | manual
    ask_for: str = ""  # what document a person should ask for, when the site cannot show it
    short: str = ""  # a few words naming the row


@dataclass(frozen=True, slots=True)
class Form:
    """An assessment form: its rows in reading order."""

    id: str  # county | department
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class SiteResult:
    """One site of a scan with its findings, as the store gives it to reports."""

    name: str
    url: str
    kind: str
    role: str
    status: str
    reason: str
    pages: int
    form: str  # county | department
    findings: tuple[Finding, ...]
    dead_links: tuple[tuple[str, str, str], ...] = ()  # (url, from_url, reason)
    robots_excluded: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    subsites: tuple[str, ...] = ()  # URLs of sites found from this one
    found_on: str = ""
    key: str = ""


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A whole scan: when it ran, whether it finished, and every site it judged."""

    id: int
    as_of: str
    started: str
    finished: str
    complete: bool
    sites: tuple[SiteResult, ...]
    ruleset: str = ""
    changes: dict[str, SiteChanges] = field(default_factory=dict)  # site url -> change since last complete scan


@dataclass(frozen=True, slots=True)
class SiteChanges:
    """What changed for one site since its previous complete scan."""

    previous_scan: int
    worse: tuple[tuple[str, str, str], ...] = ()  # (indicator, old verdict, new verdict)
    better: tuple[tuple[str, str, str], ...] = ()
    new_dead_links: tuple[str, ...] = ()

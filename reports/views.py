"""Findings -> view-model dataclasses: every presentation decision (labels, badges, order, safe links) lives here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from rules.catalogue import CatalogueError, load_form
from rules.model import VERDICT_LABELS, Finding, ScanResult, SiteChanges, SiteResult, Verdict

# Columns of counts, in the order a reader expects them: good news first, then what needs work.
VERDICT_ORDER: tuple[Verdict, ...] = (
    Verdict.MET, Verdict.PARTIAL, Verdict.NOT_MET, Verdict.MANUAL, Verdict.UNREACHABLE,
)
BADGE_CLASSES: dict[Verdict, str] = {v: f"badge badge-{v.value.replace('_', '-')}" for v in Verdict}
ROLE_LABELS = {"portal": "门户", "department": "部门", "township": "乡镇"}
ROLE_ORDER = {"portal": 0, "department": 1, "township": 2}
KIND_LABELS = {"county": "县市区", "department": "市直部门单位", "township": "乡镇（街道）"}
STATUS_LABELS = {"ok": "可访问", "unreachable": "无法访问"}
# Rows a website can answer, wholly or in part: the base of the "share met" figure.
CHECKABLE = ("web", "partial")
SAFE_SCHEMES = ("http", "https")
SHORT_REASON = 60  # characters of a summary shown in the pre-filled form's 实施情况 cell


@dataclass(frozen=True, slots=True)
class LinkView:
    """A URL from a crawled page: `href` is set only for http(s), otherwise the URL is shown as text."""

    text: str
    url: str
    href: str | None
    date: str = ""


@dataclass(frozen=True, slots=True)
class FindingView:
    indicator: str
    group: str
    question: str
    verdict: str  # the Verdict value, for data attributes and JSON
    label: str  # 是 / 部分 / 否 / 待人工核查 / 无法访问
    badge: str  # CSS classes
    summary: str
    evidence: tuple[LinkView, ...]
    searched: str
    advice: str
    checkable: bool

    @property
    def form_reason(self) -> str:
        """The short reason printed after the label in the pre-filled form."""
        return shorten(self.summary, SHORT_REASON)

    @property
    def form_cell(self) -> str:
        """The 实施情况 text of an exported form: the label, then the short reason on its own line."""
        return f"{self.label}\n{self.form_reason}" if self.form_reason else self.label

    @property
    def first_link(self) -> LinkView | None:
        return next((e for e in self.evidence if e.href), None)


@dataclass(frozen=True, slots=True)
class GroupView:
    """A run of consecutive rows sharing one 指标名称, as the form prints them (one spanning cell)."""

    name: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class VerdictCount:
    verdict: str
    label: str
    badge: str
    count: int


@dataclass(frozen=True, slots=True)
class ChangeLine:
    indicator: str
    before: str  # label
    after: str  # label


@dataclass(frozen=True, slots=True)
class ChangeView:
    previous_scan: int
    worse: tuple[ChangeLine, ...]
    better: tuple[ChangeLine, ...]
    new_dead_links: tuple[LinkView, ...]

    @property
    def parts(self) -> tuple[str, ...]:
        """The non-zero kinds of change, e.g. ("变差 2", "新增死链 1"); empty when nothing changed."""
        counts = (("变差", self.worse), ("变好", self.better), ("新增死链", self.new_dead_links))
        return tuple(f"{name} {len(items)}" for name, items in counts if items)

    @property
    def summary(self) -> str:
        return " · ".join(self.parts) or "无变化"


@dataclass(frozen=True, slots=True)
class DeadLinkView:
    link: LinkView
    source: LinkView | None  # the page that links it
    reason: str


@dataclass(frozen=True, slots=True)
class SubsiteView:
    link: LinkView
    page: str | None  # the slug of its site page in this report, when it was judged too
    name: str


@dataclass(frozen=True, slots=True)
class SiteView:
    slug: str
    name: str
    link: LinkView
    kind_label: str
    role: str
    role_label: str
    status: str
    status_label: str
    reason: str
    pages: int
    form: str
    form_title: str
    findings: tuple[FindingView, ...]
    groups: tuple[GroupView, ...]
    counts: tuple[VerdictCount, ...]
    checkable: int
    checkable_met: int
    dead_links: tuple[DeadLinkView, ...]
    robots_excluded: tuple[LinkView, ...]
    errors: tuple[str, ...]
    subsites: tuple[SubsiteView, ...]
    found_on: LinkView | None
    changes: ChangeView | None

    @property
    def role_rank(self) -> int:
        return ROLE_ORDER.get(self.role, len(ROLE_ORDER))

    @property
    def share(self) -> float | None:
        """Share of the rows a website can answer that are met; None when there are none."""
        return self.checkable_met / self.checkable if self.checkable else None

    @property
    def share_text(self) -> str:
        share = self.share
        return "—" if share is None else f"{round(share * 100)}%"

    @property
    def verdicts(self) -> str:
        """The verdicts present on this site, space separated: what the index filter matches."""
        return " ".join(c.verdict for c in self.counts if c.count)


@dataclass(frozen=True, slots=True)
class ScanView:
    id: int
    as_of: str
    started: str
    finished: str
    complete: bool
    complete_label: str
    tool_version: str
    sites: tuple[SiteView, ...]
    totals: tuple[VerdictCount, ...]
    has_changes: bool


def safe_href(url: str) -> str | None:
    """The URL itself when it is an absolute http(s) URL with a host; None for anything else."""
    url = url.strip()
    if any(ord(ch) < 0x20 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return url


def link_view(url: str, text: str = "", date: str | None = None) -> LinkView:
    return LinkView(text=text.strip() or url, url=url, href=safe_href(url), date=date or "")


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def moment(value: str) -> str:
    """An ISO datetime as a reader writes it: 2026-11-20T02:00:00+08:00 -> 2026-11-20 02:00:00."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2})?)", value)
    return f"{match.group(1)} {match.group(2)}" if match else value


def slugify(url: str) -> str:
    """Safe ASCII from a site's host and path: www.yunxi.gov.cn/bm/sthjj/ -> www-yunxi-gov-cn-bm-sthjj."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        path = parts.path
    except ValueError:
        host, path = "", url
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        host = host.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", f"{host}/{path}".lower()).strip("-")
    return slug[:60].rstrip("-") or "site"


def unique_slugs(urls: Iterable[str]) -> list[str]:
    taken: set[str] = set()
    result = []
    for url in urls:
        base = slug = slugify(url)
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        result.append(slug)
    return result


def finding_view(finding: Finding) -> FindingView:
    return FindingView(
        indicator=finding.indicator,
        group=finding.group,
        question=finding.question,
        verdict=finding.verdict.value,
        label=VERDICT_LABELS[finding.verdict],
        badge=BADGE_CLASSES[finding.verdict],
        summary=finding.summary,
        evidence=tuple(link_view(p.url, p.text, p.date) for p in finding.evidence),
        searched=finding.searched,
        advice=finding.advice,
        checkable=finding.checkability in CHECKABLE,
    )


def group_runs(findings: Iterable[FindingView]) -> tuple[GroupView, ...]:
    """Consecutive rows with the same group become one group, keeping form order."""
    groups: list[GroupView] = []
    for f in findings:
        if groups and groups[-1].name == f.group:
            groups[-1] = GroupView(f.group, (*groups[-1].findings, f))
        else:
            groups.append(GroupView(f.group, (f,)))
    return tuple(groups)


def verdict_counts(verdicts: Iterable[str]) -> tuple[VerdictCount, ...]:
    seen = list(verdicts)
    return tuple(VerdictCount(v.value, VERDICT_LABELS[v], BADGE_CLASSES[v], seen.count(v.value))
                 for v in VERDICT_ORDER)


def _label(verdict: str) -> str:
    try:
        return VERDICT_LABELS[Verdict(verdict)]
    except ValueError:
        return verdict


def change_view(changes: SiteChanges | None) -> ChangeView | None:
    if changes is None:
        return None

    def lines(items: Iterable[tuple[str, str, str]]) -> tuple[ChangeLine, ...]:
        return tuple(ChangeLine(i, _label(old), _label(new)) for i, old, new in items)

    return ChangeView(changes.previous_scan, lines(changes.worse), lines(changes.better),
                      tuple(link_view(u) for u in changes.new_dead_links))


def form_title(form_id: str) -> str:
    try:
        return load_form(form_id).title
    except CatalogueError:
        return f"考核表（{form_id}）"


def _key(url: str) -> str:
    return url.strip().rstrip("/").lower()


def site_view(site: SiteResult, slug: str, pages_by_url: dict[str, tuple[str, str]],
              changes: SiteChanges | None) -> SiteView:
    """One site; `pages_by_url` maps a site URL (normalised) to (slug, name) of the sites in this report."""
    findings = tuple(finding_view(f) for f in site.findings)
    # Rows that could not be checked at all (an unreachable site) are left out of the share's base.
    checkable = [f for f in findings if f.checkable and f.verdict != Verdict.UNREACHABLE.value]
    subsites = []
    for url in site.subsites:
        page, name = pages_by_url.get(_key(url), (None, ""))
        subsites.append(SubsiteView(link_view(url, name), page, name or url))
    return SiteView(
        slug=slug,
        name=site.name or site.url,
        link=link_view(site.url),
        kind_label=KIND_LABELS.get(site.kind, site.kind),
        role=site.role,
        role_label=ROLE_LABELS.get(site.role, site.role),
        status=site.status,
        status_label=STATUS_LABELS.get(site.status, site.status),
        reason=site.reason,
        pages=site.pages,
        form=site.form,
        form_title=form_title(site.form),
        findings=findings,
        groups=group_runs(findings),
        counts=verdict_counts(f.verdict for f in findings),
        checkable=len(checkable),
        checkable_met=sum(f.verdict == Verdict.MET.value for f in checkable),
        dead_links=tuple(DeadLinkView(link_view(url), link_view(src) if src else None, reason)
                         for url, src, reason in site.dead_links),
        robots_excluded=tuple(link_view(u) for u in site.robots_excluded),
        errors=site.errors,
        subsites=tuple(subsites),
        found_on=link_view(site.found_on) if site.found_on else None,
        changes=change_view(changes),
    )


def ordered_sites(sites: Iterable[SiteResult]) -> list[SiteResult]:
    """The portal first, then departments, then townships; scan order within each role."""
    return sorted(sites, key=lambda s: ROLE_ORDER.get(s.role, len(ROLE_ORDER)))


def scan_view(scan: ScanResult, tool_version: str) -> ScanView:
    sites = ordered_sites(scan.sites)
    slugs = unique_slugs(s.url for s in sites)
    pages_by_url: dict[str, tuple[str, str]] = {}
    for site, slug in zip(sites, slugs, strict=True):
        for url in (site.url, site.key):
            if url:
                pages_by_url.setdefault(_key(url), (slug, site.name))
    views = tuple(
        site_view(site, slug, pages_by_url, scan.changes.get(site.url) or scan.changes.get(site.key))
        for site, slug in zip(sites, slugs, strict=True)
    )
    return ScanView(
        id=scan.id,
        as_of=scan.as_of,
        started=moment(scan.started),
        finished=moment(scan.finished or ""),
        complete=scan.complete,
        complete_label="完整" if scan.complete else "不完整",
        tool_version=tool_version,
        sites=views,
        totals=verdict_counts(f.verdict for s in views for f in s.findings),
        has_changes=bool(scan.changes),
    )

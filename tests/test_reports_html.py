"""The written folder: escaped, self-contained, relative links that resolve, CSP on every page, gold files."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from jinja2 import StrictUndefined
from report_samples import HOSTILE_TITLE, sample_scan

from crawler import __version__
from reports import write_report
from reports.html import ENV

GOLD = Path(__file__).parent / "gold" / "reports"
CSP = "default-src 'self'; script-src 'self'; style-src 'self'"


class Refs(HTMLParser):
    """Every href/src of a page, the CSP meta, and whether any inline script or style exists."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.csp: list[str] = []
        self.inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for name in ("href", "src"):
            if a.get(name) is not None:
                self.refs.append((tag, a[name] or ""))
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(a.get("content") or "")
        if tag == "script" and not a.get("src"):
            self.inline.append("script")
        if tag == "style" or "style" in a or any(k.startswith("on") for k in a):
            self.inline.append(f"{tag} {sorted(a)}")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(sample_scan(), out)
    return out


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_the_folder_has_every_file_the_brief_names(report: Path) -> None:
    names = {p.relative_to(report).as_posix() for p in report.rglob("*") if p.is_file()}
    for slug in ("www-yunxi-gov-cn", "jyj-yunxi-gov-cn", "www-yunxi-gov-cn-bm-sthjj", "sfj-yunxi-gov-cn"):
        assert {f"sites/{slug}.html", f"forms/{slug}.html", f"forms/{slug}.xlsx", f"forms/{slug}.docx"} <= names
    assert {"index.html", "report.json", "findings.csv", "static/report.css", "static/report.js"} <= names


def test_every_page_has_the_csp_and_no_inline_script_style_or_handler(report: Path) -> None:
    for page in pages(report):
        refs = Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        assert refs.csp == [CSP], page
        assert refs.inline == [], page


def test_every_own_link_is_relative_and_resolves_inside_the_folder(report: Path) -> None:
    for page in pages(report):
        refs = Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        for tag, ref in refs.refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https"):
                assert tag == "a", f"{page}: a {tag} loads {ref} from the network"
                continue
            assert not parts.scheme, f"{page}: {ref}"
            if parts.path:
                target = (page.parent / unquote(parts.path)).resolve()
                assert target.is_file(), f"{page}: {ref} does not exist"
                assert report.resolve() in target.parents


def test_hostile_title_and_url_are_escaped_in_the_html_source(report: Path) -> None:
    for name in ("index.html", "sites/www-yunxi-gov-cn.html", "forms/www-yunxi-gov-cn.html"):
        html = (report / name).read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    site = (report / "sites" / "www-yunxi-gov-cn.html").read_text(encoding="utf-8")
    assert '"><img' not in site
    assert 'href="javascript:' not in site.lower()
    assert 'href="data:' not in site.lower()


def test_templates_escape_everything_and_fail_on_a_missing_value() -> None:
    assert ENV.autoescape is True
    assert ENV.undefined is StrictUndefined
    for name in ENV.list_templates():
        assert "|safe" not in (Path(ENV.loader.searchpath[0]) / name).read_text()  # type: ignore[union-attr]


def test_stylesheet_is_self_contained_printable_on_a4_with_cjk_fonts() -> None:
    css = (Path(ENV.loader.searchpath[0]).parent / "static" / "report.css").read_text()  # type: ignore[union-attr]
    assert "url(" not in css
    assert "@import" not in css
    assert "@media print" in css
    assert re.search(r"@page\s*\{\s*size:\s*A4", css)
    for font in ('"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', "sans-serif"):
        assert font in css


def scrub(text: str) -> str:
    text = text.replace(__version__, "VERSION")
    return re.sub(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\+\d{2}:\d{2})?", "DATETIME", text)


@pytest.mark.parametrize("name", ["index.html", "sites/www-yunxi-gov-cn.html", "forms/jyj-yunxi-gov-cn.html",
                                  "report.json"])
def test_output_matches_the_gold_file(report: Path, name: str) -> None:
    got = scrub((report / name).read_text(encoding="utf-8"))
    gold = GOLD / name
    if os.environ.get("ZWGK_UPDATE_GOLD"):
        gold.parent.mkdir(parents=True, exist_ok=True)
        gold.write_text(got, encoding="utf-8")
    assert got == gold.read_text(encoding="utf-8"), f"{name} differs; ZWGK_UPDATE_GOLD=1 rewrites the gold file"


def test_writing_twice_into_the_same_folder_gives_the_same_files(report: Path, tmp_path: Path) -> None:
    write_report(sample_scan(), tmp_path)
    write_report(sample_scan(), tmp_path)
    for name in ("index.html", "report.json", "findings.csv"):
        assert (tmp_path / name).read_bytes() == (report / name).read_bytes()


def test_hostile_title_survives_as_text_in_json(report: Path) -> None:
    assert HOSTILE_TITLE.replace('"', '\\"') in (report / "report.json").read_text(encoding="utf-8")


def test_a_report_written_again_into_the_same_folder_drops_the_pages_of_sites_no_longer_in_the_scan(
        tmp_path: Path) -> None:
    scan = sample_scan()
    write_report(scan, tmp_path)
    before = {p.name for p in (tmp_path / "sites").iterdir()}
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    write_report(replace(scan, sites=scan.sites[:1]), tmp_path)
    after = {p.name for p in (tmp_path / "sites").iterdir()}
    assert len(after) == 1
    assert after < before
    assert len(list((tmp_path / "forms").glob("*.xlsx"))) == 1
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"

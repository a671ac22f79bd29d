"""HTML pages of a report: the index, one page per site and the pre-filled forms, from view-models."""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from reports.views import ScanView, SiteView

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

# Autoescape outright: select_autoescape() would not escape *.html.j2. Nothing from a page is marked safe.
ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render_index(scan: ScanView) -> str:
    return ENV.get_template("index.html.j2").render(scan=scan, root="")


def render_site(scan: ScanView, site: SiteView) -> str:
    return ENV.get_template("site.html.j2").render(scan=scan, site=site, root="../")


def render_form(scan: ScanView, site: SiteView) -> str:
    return ENV.get_template("form.html.j2").render(scan=scan, site=site, root="../")


def write_pages(scan: ScanView, out: Path) -> None:
    """index.html, sites/<slug>.html, forms/<slug>.html and static/ beside them."""
    (out / "sites").mkdir(parents=True, exist_ok=True)
    (out / "forms").mkdir(parents=True, exist_ok=True)
    shutil.copytree(STATIC, out / "static", dirs_exist_ok=True)
    (out / "index.html").write_text(render_index(scan), encoding="utf-8")
    for site in scan.sites:
        (out / "sites" / f"{site.slug}.html").write_text(render_site(scan, site), encoding="utf-8")
        (out / "forms" / f"{site.slug}.html").write_text(render_form(scan, site), encoding="utf-8")

"""Everything a person reads: HTML findings, pre-filled forms and exports, written as one self-contained folder."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from reports.exports import write_csv, write_docx, write_json, write_xlsx
from reports.html import write_pages
from reports.views import scan_view
from rules.model import ScanResult

__all__ = ["write_report"]


def _tool_version() -> str:
    """The installed zwgk version, as crawler.__version__ reads it (reports never import the crawler)."""
    try:
        return version("zwgk")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0+source"


# What write_report puts in sites/ and forms/; a re-run removes these first, so a site that left
# the scan does not linger beside the new report. Nothing else in the folder is touched.
SITE_FILE_PATTERNS = {"sites": ("*.html",), "forms": ("*.html", "*.xlsx", "*.docx")}


def remove_previous_site_files(out: Path) -> None:
    for folder, patterns in SITE_FILE_PATTERNS.items():
        for pattern in patterns:
            for path in (out / folder).glob(pattern):
                path.unlink()


def write_report(scan: ScanResult, out: Path) -> None:
    """Write index.html, sites/, forms/ (HTML, XLSX, DOCX), report.json, findings.csv and static/ into `out`."""
    out = Path(out)
    remove_previous_site_files(out)
    tool = _tool_version()
    view = scan_view(scan, tool)
    write_pages(view, out)
    for site in view.sites:
        write_xlsx(view, site, out / "forms" / f"{site.slug}.xlsx")
        write_docx(view, site, out / "forms" / f"{site.slug}.docx")
    write_json(scan, tool, out / "report.json")
    write_csv(scan, out / "findings.csv")

"""Machine and office formats: report.json (the stable format), findings.csv, and the pre-filled form as XLSX/DOCX."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from reports.views import ScanView, SiteView
from rules.model import VERDICT_LABELS, Finding, ScanResult, SiteChanges, SiteResult

FORM_HEADERS = ("指标名称", "具体内容", "实施情况")
CSV_HEADERS = ("site", "site_url", "role", "indicator", "group", "question", "verdict", "label",
               "summary", "evidence", "searched", "advice")
# Characters XML 1.0 (and so XLSX and DOCX) cannot hold; hostile pages do send them.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A spreadsheet treats a cell starting with these as a formula: text from pages must not start one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "indicator": f.indicator, "group": f.group, "question": f.question, "verdict": f.verdict.value,
        "summary": f.summary, "evidence": [{"url": p.url, "text": p.text, "date": p.date} for p in f.evidence],
        "searched": f.searched, "advice": f.advice,
    }


def changes_json(c: SiteChanges | None) -> dict[str, Any] | None:
    if c is None:
        return None

    def lines(items: tuple[tuple[str, str, str], ...]) -> list[dict[str, str]]:
        return [{"indicator": i, "from": old, "to": new} for i, old, new in items]

    return {"previous_scan": c.previous_scan, "worse": lines(c.worse), "better": lines(c.better),
            "new_dead_links": list(c.new_dead_links)}


def site_json(site: SiteResult, changes: SiteChanges | None) -> dict[str, Any]:
    return {
        "name": site.name, "url": site.url, "kind": site.kind, "role": site.role, "status": site.status,
        "reason": site.reason, "pages": site.pages, "form": site.form,
        "findings": [finding_json(f) for f in site.findings],
        "dead_links": [{"url": u, "from": src, "reason": r} for u, src, r in site.dead_links],
        "robots_excluded": list(site.robots_excluded),
        "subsites": list(site.subsites),
        "changes": changes_json(changes),
    }


def report_json(scan: ScanResult, tool_version: str) -> dict[str, Any]:
    """The stable machine format; every row of each site's form, in form order."""
    return {
        "tool": {"name": "zwgk", "version": tool_version},
        "scan": {"id": scan.id, "as_of": scan.as_of, "started": scan.started, "finished": scan.finished,
                 "complete": scan.complete},
        "sites": [site_json(s, scan.changes.get(s.url) or scan.changes.get(s.key)) for s in scan.sites],
    }


def write_json(scan: ScanResult, tool_version: str, path: Path) -> None:
    text = json.dumps(report_json(scan, tool_version), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def spreadsheet_text(value: str) -> str:
    """Text a spreadsheet shows as text: XML-illegal characters dropped, a would-be formula quoted."""
    value = XML_ILLEGAL.sub("", value)
    return "'" + value if value.startswith(FORMULA_START) else value


def write_csv(scan: ScanResult, path: Path) -> None:
    """One line per finding; UTF-8 with a BOM so spreadsheet programs read the Chinese right."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADERS)
        for site in scan.sites:
            for f in site.findings:
                row = (site.name, site.url, site.role, f.indicator, f.group, f.question, f.verdict.value,
                       VERDICT_LABELS[f.verdict], f.summary, " ".join(p.url for p in f.evidence),
                       f.searched, f.advice)
                writer.writerow([spreadsheet_text(v) for v in row])


def answer_text(cell: str, link_url: str | None) -> str:
    return f"{cell}\n证据：{link_url}" if link_url else cell


def write_xlsx(scan: ScanView, site: SiteView, path: Path) -> None:
    """The pre-filled form as one sheet: title, the three columns, group cells merged over their rows."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "考核表"
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    _put(ws, 1, 1, site.form_title, Font(bold=True, size=14), Alignment(horizontal="center"))
    ws.merge_cells("A1:C1")
    _put(ws, 2, 1, f"被考核单位：{site.name}（{site.link.url}）  网站检查日期：{scan.as_of}", None, None)
    ws.merge_cells("A2:C2")
    for col, header in enumerate(FORM_HEADERS, start=1):
        cell = _put(ws, 3, col, header, Font(bold=True), Alignment(horizontal="center", vertical="center"))
        cell.fill = PatternFill("solid", fgColor="EEF1F5")
        cell.border = border
    row = 4
    for group in site.groups:
        first = row
        for f in group.findings:
            link = f.first_link
            _put(ws, row, 2, f.question, None, wrap).border = border
            answer = _put(ws, row, 3, answer_text(f.form_cell, link.href if link else None), None, wrap)
            answer.border = border
            if link and link.href:
                answer.hyperlink = link.href
            ws.cell(row=row, column=1).border = border
            row += 1
        _put(ws, first, 1, group.name, Font(bold=True), Alignment(wrap_text=True, vertical="center",
                                                                    horizontal="center"))
        if row - 1 > first:
            ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    for col, width in zip("ABC", (18, 52, 48), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.print_title_rows = "3:3"
    wb.save(path)


def _put(ws: Worksheet, row: int, col: int, value: str, font: Font | None, align: Alignment | None) -> Any:
    cell = ws.cell(row=row, column=col, value=spreadsheet_text(value))
    cell.data_type = "s"  # never a formula, whatever the text
    if font:
        cell.font = font
    if align:
        cell.alignment = align
    return cell


def write_docx(scan: ScanView, site: SiteView, path: Path) -> None:
    """The pre-filled form as a Word table on A4, group cells merged over their rows, evidence as hyperlinks."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)  # type: ignore[attr-defined]
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")  # type: ignore[attr-defined]
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(_docx_text(site.form_title))
    run.bold, run.font.size = True, Pt(15)
    doc.add_paragraph(_docx_text(f"被考核单位：{site.name}（{site.link.url}）  网站检查日期：{scan.as_of}"))
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    widths = (Mm(30), Mm(80), Mm(64))
    for cell, header, width in zip(table.rows[0].cells, FORM_HEADERS, widths, strict=True):
        cell.text, cell.width = header, width
        cell.paragraphs[0].runs[0].bold = True
    for group in site.groups:
        # Keep the cells add_row gives: table.cell() rebuilds the whole grid on every call.
        column = []
        for f in group.findings:
            cells = table.add_row().cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
            cells[1].text = _docx_text(f.question)
            _answer_cell(cells[2], f.label, f.form_reason, f.first_link.href if f.first_link else None)
            column.append(cells[0])
        top = column[0].merge(column[-1]) if len(column) > 1 else column[0]
        top.text = _docx_text(group.name)
    doc.save(str(path))


def _docx_text(value: str) -> str:
    return XML_ILLEGAL.sub("", value)


def _answer_cell(cell: _Cell, label: str, reason: str, href: str | None) -> None:
    para = cell.paragraphs[0]
    para.add_run(label).bold = True
    if reason:
        para.add_run("\n" + _docx_text(reason))
    if href:
        proof = cell.add_paragraph("证据：")
        _hyperlink(proof, href)


def _hyperlink(paragraph: Paragraph, url: str) -> None:
    """python-docx has no hyperlink API: build <w:hyperlink r:id=...> by hand (url is http(s), from views)."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, value in (("w:color", "1D4F91"), ("w:u", "single")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        props.append(el)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = _docx_text(url)
    text.set(qn("xml:space"), "preserve")
    run.append(text)
    link.append(run)
    paragraph._p.append(link)

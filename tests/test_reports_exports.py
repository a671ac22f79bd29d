"""The pre-filled form as XLSX and DOCX, report.json in the stable shape, findings.csv: opened and read back."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from report_samples import PORTAL, sample_scan

from crawler import __version__
from reports import write_report
from rules.catalogue import load_form
from rules.model import VERDICT_LABELS, Finding, Proof, ScanResult, Verdict

FORMS = [("www-yunxi-gov-cn", 0, "county"), ("jyj-yunxi-gov-cn", 1, "department"),
         ("sfj-yunxi-gov-cn", 3, "department")]


def scan_sites_in_view_order(scan: ScanResult) -> list:
    order = {"portal": 0, "department": 1}
    return sorted(scan.sites, key=lambda s: order[s.role])


@pytest.fixture(scope="module")
def scan() -> ScanResult:
    return sample_scan()


@pytest.fixture(scope="module")
def report(scan: ScanResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(scan, out)
    return out


def expected(scan: ScanResult, index: int) -> list[Finding]:
    return list(scan_sites_in_view_order(scan)[index].findings)


@pytest.mark.parametrize(("slug", "index", "form_id"), FORMS)
def test_xlsx_form_has_every_row_with_its_question_and_expected_answer(
        report: Path, scan: ScanResult, slug: str, index: int, form_id: str) -> None:
    ws = load_workbook(report / "forms" / f"{slug}.xlsx").active
    assert [c.value for c in ws[3]] == ["指标名称", "具体内容", "实施情况"]
    body = list(ws.iter_rows(min_row=4, values_only=True))
    rows = load_form(form_id).rows
    assert [r[1] for r in body] == [r.question for r in rows]
    assert [r[2].split("\n")[0] for r in body] == [VERDICT_LABELS[f.verdict] for f in expected(scan, index)]


def test_xlsx_group_cells_span_their_rows_and_evidence_is_a_hyperlink(report: Path) -> None:
    ws = load_workbook(report / "forms" / "www-yunxi-gov-cn.xlsx").active
    spans = sorted((r.min_row, r.max_row) for r in ws.merged_cells.ranges if r.min_col == 1 and r.min_row > 3)
    assert spans[0] == (4, 7)  # 组织领导: C01–C04
    assert ws["A4"].value == "组织领导"
    links = [c.hyperlink.target for c in ws["C"][3:] if c.hyperlink]
    assert links
    assert all(t.startswith("http") for t in links)


@pytest.mark.parametrize(("slug", "index", "form_id"), FORMS)
def test_docx_form_has_every_row_with_its_question_and_expected_answer(
        report: Path, scan: ScanResult, slug: str, index: int, form_id: str) -> None:
    table = Document(str(report / "forms" / f"{slug}.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["指标名称", "具体内容", "实施情况"]
    body = table.rows[1:]
    rows = load_form(form_id).rows
    assert [r.cells[1].text for r in body] == [r.question for r in rows]
    assert [r.cells[2].text.split("\n")[0] for r in body] == [VERDICT_LABELS[f.verdict] for f in expected(scan, index)]
    assert body[0].cells[0].text == rows[0].group


def test_docx_hyperlinks_point_only_at_http_urls(report: Path) -> None:
    doc = Document(str(report / "forms" / "www-yunxi-gov-cn.docx"))
    targets = [rel.target_ref for rel in doc.part.rels.values() if rel.is_external]
    assert targets
    assert all(t.startswith(("http://", "https://")) for t in targets)


def test_report_json_has_the_stable_shape_and_every_row_in_form_order(report: Path, scan: ScanResult) -> None:
    data = json.loads((report / "report.json").read_text(encoding="utf-8"))
    assert data["tool"] == {"name": "zwgk", "version": __version__}
    assert set(data["scan"]) == {"id", "as_of", "started", "finished", "complete"}
    assert data["scan"]["complete"] is True
    site_keys = {"name", "url", "kind", "role", "status", "reason", "pages", "form", "findings", "dead_links",
                 "robots_excluded", "subsites", "changes"}
    finding_keys = {"indicator", "group", "question", "verdict", "summary", "evidence", "searched", "advice"}
    assert [s["url"] for s in data["sites"]] == [s.url for s in scan.sites]
    for site in data["sites"]:
        assert set(site) == site_keys
        assert site["status"] in ("ok", "unreachable")
        rows = load_form(site["form"]).rows
        assert [(f["indicator"], f["group"], f["question"]) for f in site["findings"]] == [
            (r.id, r.group, r.question) for r in rows]
        for f in site["findings"]:
            assert set(f) == finding_keys
            assert f["verdict"] in {v.value for v in Verdict}
            assert all(set(e) == {"url", "text", "date"} for e in f["evidence"])
    portal = next(s for s in data["sites"] if s["url"] == PORTAL)
    assert portal["changes"]["worse"] == [{"indicator": "C13", "from": "met", "to": "not_met"}]
    assert portal["dead_links"][0] == {"url": "http://sfj.yunxi.gov.cn/", "from": PORTAL + "bmwz/",
                                       "reason": "DNS 解析失败"}
    assert next(s for s in data["sites"] if s["url"].startswith("http://www.yunxi.gov.cn/bm"))["changes"] is None


def test_findings_csv_has_a_header_and_one_line_per_finding(report: Path, scan: ScanResult) -> None:
    raw = (report / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheet programs read it as UTF-8
    with (report / "findings.csv").open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0][:4] == ["site", "site_url", "role", "indicator"]
    assert len(lines) - 1 == sum(len(s.findings) for s in scan.sites) == 35 + 3 * 16
    verdicts = [line[6] for line in lines[1:]]
    assert verdicts == [f.verdict.value for s in scan.sites for f in s.findings]


def formula_scan() -> ScanResult:
    scan = sample_scan()
    site = scan.sites[0]
    bad = dataclasses.replace(site.findings[0], summary="=HYPERLINK(\"http://evil\",\"x\")\x00\x07",
                              evidence=(Proof("http://a.gov.cn/", "@SUM(1)\x0b"),))
    site = dataclasses.replace(site, findings=(bad, *site.findings[1:]))
    return dataclasses.replace(scan, sites=(site, *scan.sites[1:]))


def test_text_that_looks_like_a_formula_or_holds_control_characters_stays_inert_text(tmp_path: Path) -> None:
    write_report(formula_scan(), tmp_path)
    ws = load_workbook(tmp_path / "forms" / "jyj-yunxi-gov-cn.xlsx").active
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    with (tmp_path / "findings.csv").open(encoding="utf-8-sig", newline="") as fh:
        first = list(csv.reader(fh))[1]
    assert first[8].startswith("'=HYPERLINK")
    assert "\x00" not in first[8]
    doc = Document(str(tmp_path / "forms" / "jyj-yunxi-gov-cn.docx"))
    assert doc.tables[0].rows[1].cells[2].text.startswith("是")

"""Regenerates the demo sites' binary files: the portal's annual report PDF, an XLSX, a DOCX and images.

``python -m crawler.demo.make_documents`` (needs /usr/bin/chromium with fonts-noto-cjk for the PDF);
the generated files are committed, so the tests never need Chromium.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from crawler.demo.pages import SITES_DIR, annual_report_body, png

# Attachments live beside the detail page that links them (TRS style: ./P0202603...pdf).
PORTAL_REPORT_DIR = "www.yunxi.gov.cn/zfxxgk/ndbg/202603"
PORTAL_REPORT_PDF = "P020260320512345678901.pdf"
PORTAL_REPORT_ARGS = ("云溪县人民政府办公室", 2025, "云溪县人民政府办公室政务公开股", "0799-6123456", (3286, 46, 31, 2))
CZJ_ACCOUNTS_DIR = "czj.yunxi.gov.cn/zwgk/czyjs/202608"
CZJ_ACCOUNTS_XLSX = "P020260815398765432100.xlsx"
JYJ_GUIDE_DIR = "jyj.yunxi.gov.cn/zwgk/gkzn"
JYJ_GUIDE_DOCX = "P020260108301234567890.docx"
FIXED_TIME = dt.datetime(2026, 3, 20, 10, 0, 0)
CHROMIUM = "/usr/bin/chromium"
IMAGES = {  # host -> {name: (width, height, colour)}
    "www.yunxi.gov.cn": {"logo.png": (400, 80, (28, 95, 184)), "xxgk_rk.png": (280, 90, (200, 40, 40)),
                         "xzxx.png": (280, 90, (30, 130, 80)), "wsbsdt.png": (280, 90, (230, 140, 20))},
}


def portal_report_pdf(target: Path) -> None:
    """The 2025 report printed by headless Chromium; page 1 names 2025年度 (the list link does not)."""
    org, year, office, phone, numbers = PORTAL_REPORT_ARGS
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15px;line-height:1.9;margin:40px}}
h1{{text-align:center;font-size:24px}}table{{border-collapse:collapse}}td,th{{border:1px solid #000;padding:2px 8px}}
</style></head><body>
<h1>云溪县人民政府{year}年度政府信息公开工作年度报告</h1>
<p style="text-align:center">云溪县人民政府办公室　2026年3月20日</p>
{annual_report_body(org, year, office, phone, numbers)}
</body></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.html"
        source.write_text(html, encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--no-first-run", "--no-pdf-header-footer", f"--print-to-pdf={target}", source.as_uri()],
                       check=True, capture_output=True, timeout=120)


def czj_accounts_xlsx(target: Path) -> None:
    """云溪县财政局 2025 final accounts, with the 三公经费 sheet (figures match the HTML page)."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "收入支出决算总表"
    summary.append(["云溪县财政局2025年度收入支出决算总表", None, None])
    summary.append(["项目", "决算数（万元）", "备注"])
    for row in [("一般公共预算财政拨款收入", 1268.42, None), ("其他收入", 35.10, None), ("本年收入合计", 1303.52, None),
                ("基本支出", 986.30, None), ("项目支出", 312.75, None), ("本年支出合计", 1299.05, None)]:
        summary.append(list(row))
    three = book.create_sheet("三公经费支出决算表")
    three.append(["云溪县财政局2025年度一般公共预算财政拨款“三公”经费支出决算表", None])
    three.append(["项目", "决算数（万元）"])
    for row in [("因公出国（境）费", 0.00), ("公务用车购置及运行维护费", 6.85), ("其中：公务用车购置费", 0.00),
                ("公务用车运行维护费", 6.85), ("公务接待费", 2.36), ("合计", 9.21)]:
        three.append(list(row))
    book.properties.creator = "云溪县财政局"
    book.properties.created = book.properties.modified = FIXED_TIME
    book.save(target)


def jyj_guide_docx(target: Path) -> None:
    """云溪县教育局's 指南 as a Word attachment, naming its office, address, hours and phone."""
    from docx import Document

    doc = Document()
    doc.add_heading("云溪县教育局政府信息公开指南", level=1)
    for text in ["为便于公民、法人和其他组织获取云溪县教育局政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。",
                 "一、工作机构：云溪县教育局办公室负责本局政府信息公开日常工作。",
                 "办公地址：云溪县城关镇文化路16号县教育局2楼201室",
                 "办公时间：周一至周五上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
                 "联系电话：0799-6231201　电子邮箱：jyjbgs@yunxi.gov.cn",
                 "二、依申请公开：申请人可通过本局网站在线申请、信函或当面提交申请，本局自收到申请之日起15个工作日内答复。"]:
        doc.add_paragraph(text)
    doc.core_properties.author = "云溪县教育局"
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME
    doc.save(target)


def main() -> int:
    jobs = [(PORTAL_REPORT_DIR, PORTAL_REPORT_PDF, portal_report_pdf), (CZJ_ACCOUNTS_DIR, CZJ_ACCOUNTS_XLSX, czj_accounts_xlsx),
            (JYJ_GUIDE_DIR, JYJ_GUIDE_DOCX, jyj_guide_docx)]
    for folder, name, make in jobs:
        target = SITES_DIR / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        make(target)
        print(f"wrote {target.relative_to(SITES_DIR)} ({target.stat().st_size} bytes)")
    for host, images in IMAGES.items():
        for name, (width, height, colour) in images.items():
            target = SITES_DIR / host / "images" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png(width, height, colour))
    return 0


if __name__ == "__main__":
    sys.exit(main())

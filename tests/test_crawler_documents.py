"""Documents: title and first-pages text from PDF, DOCX and XLSX; legacy and broken files give plain errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from crawler.documents import mend_radicals, read_document, sniff

DEMO = Path(__file__).resolve().parents[1] / "crawler" / "demo" / "sites"


def test_a_pdf_printed_by_a_browser_gives_its_year_and_title_from_page_one_not_its_file_name():
    pdf = next(DEMO.glob("www.yunxi.gov.cn/zfxxgk/ndbg/*/*.pdf"))
    found = read_document(pdf.read_bytes(), "pdf")
    assert found.error == ""
    assert found.title == "云溪县人民政府2025年度政府信息公开工作年度报告"
    assert "2025年度" in found.text
    assert "⼈" not in found.text


def test_a_docx_gives_its_title_and_paragraphs():
    from docx import Document

    document = Document()
    document.core_properties.title = "云溪县教育局政府信息公开指南"
    document.add_paragraph("一、工作机构：县教育局办公室")
    buffer = io.BytesIO()
    document.save(buffer)
    found = read_document(buffer.getvalue(), "doc")  # a .doc link that is really a DOCX
    assert (found.kind, found.title) == ("docx", "云溪县教育局政府信息公开指南")
    assert "工作机构" in found.text


def test_an_xlsx_gives_the_rows_of_its_first_sheet():
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["云溪县财政局2025年度部门决算", None])
    book.active.append(["三公经费", 12.5])
    buffer = io.BytesIO()
    book.save(buffer)
    found = read_document(buffer.getvalue(), "xlsx")
    assert found.title == "云溪县财政局2025年度部门决算"
    assert "三公经费 12.5" in found.text


@pytest.mark.parametrize(("body", "extension", "words"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "doc", "旧版 Word"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "wps", "WPS"),
    (b"%PDF-1.4\n garbage that is not a pdf", "pdf", "PDF"),
    (b"<html>not found</html>", "pdf", "不符"),
    (b"", "pdf", "为空"),
])
def test_unreadable_documents_say_why_in_plain_words(body, extension, words):
    found = read_document(body, extension)
    assert words in found.error
    assert found.text == ""


def test_sniffing_trusts_the_bytes_over_the_extension():
    assert sniff(b"%PDF-1.7", "doc") == "pdf"


def test_radical_code_points_from_pdf_fonts_become_ordinary_characters():
    assert mend_radicals("云溪县⼈⺠政府⼯作") == "云溪县人民政府工作"

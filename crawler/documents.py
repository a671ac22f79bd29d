"""Pure: document bytes (PDF, DOCX, XLSX; legacy DOC/XLS/WPS) → title and the text of the first pages.

An annual report's year is often only inside its PDF, so the first pages' text is kept.
What cannot be read gives an error in plain words, never an exception.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass

TEXT_CHARS = 4000
FIRST_PAGES = 3
SPACES = re.compile(r"[ \t\xa0\u2000-\u200b\u3000]+")
PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
CJK = re.compile(r"[\u4e00-\u9fff]")
FILE_NAME_TITLE = re.compile(r"\.(?:html?|docx?|pdf|wps|xlsx?)$|^Microsoft Word - |^untitled$", re.IGNORECASE)
RADICALS = re.compile(r"[\u2e80-\u2fdf]")
# PDFs printed by browsers often map common characters to radical code points (⼈ for 人, ⺠ for 民).
# NFKC mends the Kangxi radicals; the supplement's (U+2E80–U+2EFF) need this table.
SUPPLEMENT = str.maketrans("⺠⻓⻔⻜⻢⻛⻅⻉⻋⻩⻮⻰⻘⻝⻚⻄⻆⺟⺬⺮⻨⻥⻬⻳⺩⻙⻦⻤⻈⺁⻊⻣⻧",
                           "民长门飞马风见贝车黄齿龙青食页西角母示竹麦鱼齐龟王韦鸟鬼讠厂足骨卤")

logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed PDFs are common; the error field says so


@dataclass(frozen=True, slots=True)
class DocumentText:
    """What a document says about itself."""

    kind: str  # pdf | docx | xlsx | doc | xls | wps | unknown
    title: str = ""
    text: str = ""
    created: str | None = None  # ISO date from the document's own metadata
    error: str = ""


def sniff(body: bytes, extension: str = "") -> str:
    """The document's real type, from its first bytes (a .doc is often a DOCX, a .xls an HTML table)."""
    if b"%PDF-" in body[:1024]:  # some servers put a few bytes before the header; readers accept it
        return "pdf"
    if body.startswith(b"PK\x03\x04"):
        head = body[:4000]
        if b"word/" in head:
            return "docx"
        if b"xl/" in head:
            return "xlsx"
        return extension if extension in ("docx", "xlsx") else "zip"
    if body.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Word 97, Excel 97, WPS
        return extension if extension in ("doc", "xls", "wps", "et") else "doc"
    return "unknown"  # an HTML error page behind a .pdf link, a text file, an image


def mend_radicals(text: str) -> str:
    if not RADICALS.search(text):
        return text
    return RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)).translate(SUPPLEMENT), text)


def tidy(text: str) -> str:
    text = mend_radicals(text)
    lines = (SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:TEXT_CHARS]


def read_pdf(body: bytes) -> DocumentText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001 - any decryption failure means the same to a reader
                return DocumentText("pdf", error="PDF 文件已加密，无法提取文字")
        meta = reader.metadata
        title = str(meta.title or "").strip() if meta else ""
        created = None
        if meta and (m := PDF_DATE.match(str(meta.get("/CreationDate") or ""))):
            created = f"{m[1]}-{m[2]}-{m[3]}"
        parts = []
        for page in reader.pages[:FIRST_PAGES]:
            parts.append(page.extract_text() or "")
            if sum(map(len, parts)) > TEXT_CHARS:
                break
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        return DocumentText("pdf", error=f"PDF 文件无法读取（{exc.__class__.__name__}）")
    text = tidy("\n".join(parts))
    if text and (not title or FILE_NAME_TITLE.search(title) or (CJK.search(text) and not CJK.search(title))):
        title = text.splitlines()[0][:120]  # metadata titles are often a file name: the first line says more
    return DocumentText("pdf", mend_radicals(title), text, created,
                        "" if text else "PDF 中没有可提取的文字（可能是扫描件）")


def read_docx(body: bytes) -> DocumentText:
    from docx import Document

    try:
        document = Document(io.BytesIO(body))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return DocumentText("docx", error=f"Word 文件无法读取（{exc.__class__.__name__}）")
    lines, size = [], 0
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            lines.append(paragraph.text)
            size += len(paragraph.text)
            if size > TEXT_CHARS:
                break
    text = tidy("\n".join(lines))
    title = (document.core_properties.title or "").strip() or (text.splitlines()[0][:120] if text else "")
    created = document.core_properties.created
    return DocumentText("docx", title, text, created.date().isoformat() if created else None)


def read_xlsx(body: bytes) -> DocumentText:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return DocumentText("xlsx", error=f"Excel 文件无法读取（{exc.__class__.__name__}）")
    lines, size = [], 0
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(max_row=200, values_only=True):
            line = " ".join(str(v) for v in row if v is not None)
            if line:
                lines.append(line)
                size += len(line)
                if size > TEXT_CHARS:
                    break
        title = (book.properties.title or "").strip()
    finally:
        book.close()
    text = tidy("\n".join(lines))
    return DocumentText("xlsx", title or (text.splitlines()[0][:120] if text else ""), text)


LEGACY = {
    "doc": "旧版 Word（.doc）格式，无法自动提取文字，请人工打开核查",
    "xls": "旧版 Excel（.xls）格式，无法自动提取文字，请人工打开核查",
    "wps": "WPS 格式，无法自动提取文字，请人工打开核查",
    "et": "WPS 表格格式，无法自动提取文字，请人工打开核查",
}


def read_document(body: bytes, extension: str = "") -> DocumentText:
    """Title and first-pages text of a document; `extension` is the URL's, used when bytes are ambiguous."""
    if not body:
        return DocumentText(extension or "unknown", error="文件为空")
    kind = sniff(body, extension.lower())
    if kind == "pdf":
        return read_pdf(body)
    if kind == "docx":
        return read_docx(body)
    if kind == "xlsx":
        return read_xlsx(body)
    if kind in LEGACY:
        return DocumentText(kind, error=LEGACY[kind])
    return DocumentText(kind, error="文件内容与扩展名不符，无法识别格式")

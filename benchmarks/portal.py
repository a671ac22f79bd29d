"""A large, deterministic, realistic county portal held in memory: pages, sub-sites and documents.

Half of the pages are GBK with the charset only in `<meta>` (as old CMSs serve them); links inside a
site are root-relative, links to sub-sites carry the host name and port.
"""

from __future__ import annotations

import io
import random
import zlib
from dataclasses import dataclass
from datetime import date, timedelta

DOMAIN = "baishi.gov.cn"
PORTAL_HOST = f"www.{DOMAIN}"
AS_OF = "2026-11-20"
LIST_SIZE = 20  # entries per list page
RELATED = 24  # links to other articles on a detail page, so a page carries about 50 links

# (host, name, role, share of the pages); the portal keeps most of the site, as real ones do.
SITES = (
    (PORTAL_HOST, "白石县人民政府", "portal", 0.60),
    (f"jyj.{DOMAIN}", "白石县教育局", "department", 0.09),
    (f"czj.{DOMAIN}", "白石县财政局", "department", 0.09),
    (f"wjw.{DOMAIN}", "白石县卫生健康委员会", "department", 0.08),
    (f"dxz.{DOMAIN}", "白石县东溪镇人民政府", "township", 0.07),
    (f"hsx.{DOMAIN}", "白石县黄沙乡人民政府", "township", 0.07),
)

COLUMNS = (
    ("zwgk", "政务公开"), ("xxgk", "政府信息公开"), ("zcwj", "政策文件"), ("czyjs", "财政预决算"),
    ("ghjh", "规划计划"), ("tjxx", "统计信息"), ("zdxm", "重大建设项目"), ("hjbh", "环境保护"),
    ("wsbs", "网上办事"), ("ggfw", "公共服务"), ("hdjl", "互动交流"), ("gzdt", "工作动态"),
)

SENTENCES = (
    "为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步推进政务公开工作，",
    "根据县委、县政府工作部署，结合我县实际，现就有关事项通知如下。",
    "各乡镇人民政府、县直各单位要高度重视，切实加强组织领导，明确责任分工，",
    "确保各项工作任务落到实处，取得实效。",
    "本年度全县财政一般公共预算收入完成情况良好，重点民生支出得到有效保障，",
    "三公经费支出较上年下降百分之五，严格执行中央八项规定精神。",
    "县政府办公室负责全县政府信息公开的日常工作，办公地点位于县政府大楼三楼，",
    "受理时间为工作日上午八时三十分至十二时，下午二时三十分至五时三十分。",
    "重大建设项目批准和实施信息、公共资源配置信息应当依法及时公开，",
    "对于涉及群众切身利益的事项，要广泛征求社会公众意见，接受社会监督。",
    "全面推进决策、执行、管理、服务、结果公开，不断提升政府公信力和执行力。",
    "加强政务舆情回应，及时回应社会关切，正确引导社会预期。",
    "教育、医疗卫生、社会保障、促进就业等民生领域信息公开工作持续深化，",
    "环境保护、食品药品安全、安全生产等监督检查情况按规定向社会公布。",
    "依申请公开工作规范有序，全年共受理政府信息公开申请若干件，均已按时答复。",
    "网上办事大厅已接入行政审批事项，实现一网通办，群众办事更加便捷。",
)

STATIC = (
    ("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain"),
    ("/css/style.css", b"body{font:14px sans-serif}.nav li{display:inline}", "text/css"),
    ("/images/logo.png", bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                                       "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4890000000049454e44ae426082"),
     "image/png"),
)

DOC_KINDS = (("pdf", "application/pdf"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))


@dataclass(frozen=True, slots=True)
class Resource:
    """One servable body with its validators."""

    body: bytes
    content_type: str
    etag: str
    last_modified: str  # an HTTP date


@dataclass(frozen=True, slots=True)
class Portal:
    """Every site of the generated portal: host -> path -> resource."""

    sites: dict[str, dict[str, Resource]]
    pages: int  # HTML pages, documents not included
    documents: int

    @property
    def total_bytes(self) -> int:
        return sum(len(r.body) for site in self.sites.values() for r in site.values())


def http_date(day: date) -> str:
    return day.strftime("%a, %d %b %Y 10:00:00 GMT")


def make_resource(body: bytes, content_type: str, day: date) -> Resource:
    return Resource(body, content_type, f'"{zlib.crc32(body):08x}-{len(body):x}"', http_date(day))


def pdf_template() -> bytes:
    """A small valid one-page PDF with a line of text (the document parser has something to read)."""
    text = b"BT /F1 18 Tf 72 720 Td (Baishi County 2025 Annual Report on Government Information Disclosure) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, obj))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def xlsx_template() -> bytes:
    """A small budget table as XLSX."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "2026年部门预算"
    sheet.append(["项目", "预算数（万元）", "上年数（万元）"])
    for row in (["一般公共服务支出", 1250.5, 1190.2], ["教育支出", 8630.0, 8410.7], ["三公经费", 35.2, 37.1]):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class SiteWriter:
    """Builds the pages of one site; every choice comes from one seeded random generator."""

    def __init__(self, host: str, name: str, budget: int, port: int, others: list[tuple[str, str]], seed: int):
        self.host, self.name, self.port, self.others = host, name, port, others
        self.rng = random.Random(seed)
        self.columns = COLUMNS[: max(4, min(len(COLUMNS), budget // 40))]
        # Pages: home + per column its list pages and articles. Articles share the budget evenly.
        per_column = max(2, (budget - 1) // len(self.columns))
        self.articles = max(1, per_column * LIST_SIZE // (LIST_SIZE + 1))
        self.lists = -(-self.articles // LIST_SIZE)
        self.site_id = f"36{zlib.crc32(host.encode()) % 10**8:08d}"

    def gbk(self, column: int) -> bool:
        return column % 2 == 1  # every other column is served by the old GBK system

    def article_date(self, column: int, number: int) -> date:
        return date(2026, 11, 18) - timedelta(days=(number * 3 + column * 7) % 900)

    def article_path(self, column: int, number: int) -> str:
        return f"/{self.columns[column][0]}/{self.article_date(column, number):%Y%m}/t{column:02d}{number:05d}.html"

    def list_path(self, column: int, page: int) -> str:
        return f"/{self.columns[column][0]}/index{'' if page == 0 else f'_{page}'}.html"

    def sub_url(self, host: str) -> str:
        return f"http://{host}:{self.port}/"

    def header(self, title: str, column: int | None, published: date | None) -> list[str]:
        charset = "gbk" if column is not None and self.gbk(column) else "utf-8"
        meta = [f'<meta name="SiteName" content="{self.name}">', f'<meta name="SiteIDCode" content="{self.site_id}">']
        if column is not None:
            meta.append(f'<meta name="ColumnName" content="{self.columns[column][1]}">')
        if published:
            meta.append(f'<meta name="PubDate" content="{published:%Y-%m-%d} 09:30">')
        nav = "".join(f'<li><a href="{self.list_path(i, 0)}">{label}</a></li>' for i, (_, label) in enumerate(self.columns))
        return [
            f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">',
            *meta, f"<title>{title}</title>",
            '<link rel="stylesheet" href="/css/style.css"></head><body>',
            f'<div class="top"><a href="/"><img src="/images/logo.png" alt="{self.name}"></a>',
            '<form action="/search"><input name="q"></form></div>',
            f'<div class="nav"><ul><li><a href="/">首页</a></li>{nav}</ul></div>',
        ]

    def footer(self) -> list[str]:
        subs = "".join(f'<option value="{self.sub_url(h)}">{n}</option>' for h, n in self.others)
        links = "".join(f'<a href="{self.sub_url(h)}">{n}</a> ' for h, n in self.others)
        return [
            f'<div class="links"><span>部门网站</span>{links}<select>{subs}</select></div>',
            '<div class="footer"><a href="/about/gywm.html">关于我们</a> <a href="/about/wzdt.html">网站地图</a> ',
            f"<p>主办单位：{self.name}办公室 地址：白石县人民路1号 电话：0797-1234567</p>",
            f"<p>网站标识码：{self.site_id} 赣ICP备05001234号-1 赣公网安备 36073302000123号</p>",
            "</div></body></html>",
        ]

    def paragraphs(self, size: int) -> list[str]:
        out, total = [], 0
        while total < size:
            para = "".join(self.rng.choice(SENTENCES) for _ in range(self.rng.randint(3, 8)))
            out.append(f"<p>{para}</p>")
            total += len(para.encode()) + 7
        return out

    def encode(self, parts: list[str], column: int | None, day: date) -> Resource:
        text = "\n".join(parts)
        body = text.encode("gbk" if column is not None and self.gbk(column) else "utf-8")
        return make_resource(body, "text/html", day)  # no charset in the header: only in <meta>

    def home(self) -> Resource:
        parts = self.header(self.name, None, None)
        for column, (_, label) in enumerate(self.columns):
            items = "".join(
                f'<li><a href="{self.article_path(column, n)}">{label}工作情况通报（第{n + 1}期）</a>'
                f"<span>{self.article_date(column, n):%Y-%m-%d}</span></li>"
                for n in range(min(6, self.articles))
            )
            parts.append(f'<div class="box"><h3><a href="{self.list_path(column, 0)}">{label}</a></h3><ul>{items}</ul></div>')
        parts += self.paragraphs(self.rng.randint(12000, 20000))
        return self.encode(parts + self.footer(), None, date(2026, 11, 18))

    def list_page(self, column: int, page: int) -> Resource:
        label = self.columns[column][1]
        parts = self.header(f"{label}_{self.name}", column, None)
        parts.append(f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="{self.list_path(column, 0)}">{label}</a></div>')
        side = "".join(f'<li><a href="{self.list_path(i, 0)}">{lab}</a></li>' for i, (_, lab) in enumerate(self.columns))
        parts.append(f'<div class="side"><ul>{side}</ul></div><ul class="list">')
        first = page * LIST_SIZE
        for n in range(first, min(first + LIST_SIZE, self.articles)):
            parts.append(f'<li><a href="{self.article_path(column, n)}" title="{label}信息{n + 1}">'
                         f"关于{label}有关事项的通知（{n + 1}）</a><span>{self.article_date(column, n):%Y-%m-%d}</span></li>")
        pager = " ".join(f'<a href="{self.list_path(column, p)}">{p + 1}</a>'
                         for p in range(max(0, page - 4), min(self.lists, page + 5)))
        parts.append(f'</ul><div class="pager">共{self.lists}页 {pager}</div>')
        parts += self.paragraphs(self.rng.randint(16000, 30000))
        return self.encode(parts + self.footer(), column, self.article_date(column, first))

    def article(self, column: int, number: int, documents: list[tuple[str, str]]) -> Resource:
        label = self.columns[column][1]
        day = self.article_date(column, number)
        title = f"关于{label}有关事项的通知（{number + 1}）"
        parts = self.header(f"{title}_{self.name}", column, day)
        parts.append(f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="{self.list_path(column, 0)}">{label}</a> &gt; 正文</div>')
        parts.append(f'<h1>{title}</h1><div class="info">发布时间：{day:%Y-%m-%d} 来源：{self.name} 浏览次数：{number * 7 % 1000}</div>')
        parts += self.paragraphs(self.rng.randint(20000, 36000))
        if number % 25 == 3:  # one article in 25 carries an attachment
            ext, _ = DOC_KINDS[number % 2]
            path = f"/{self.columns[column][0]}/files/{column:02d}{number:05d}.{ext}"
            documents.append((path, ext))
            parts.append(f'<p>附件：<a href="{path}">{day.year}年{label}相关材料.{ext}</a></p>')
        related = "".join(f'<li><a href="{self.article_path(column, (number + k * 7) % self.articles)}">相关信息{k}</a></li>'
                          for k in range(1, RELATED + 1))
        parts.append(f'<div class="related"><h4>相关信息</h4><ul>{related}</ul></div>')
        return self.encode(parts + self.footer(), column, day)

    def build(self, templates: dict[str, bytes]) -> dict[str, Resource]:
        site: dict[str, Resource] = {"/": self.home()}
        site["/index.html"] = site["/"]
        documents: list[tuple[str, str]] = []
        for column in range(len(self.columns)):
            for page in range(self.lists):
                site[self.list_path(column, page)] = self.list_page(column, page)
            for number in range(self.articles):
                site[self.article_path(column, number)] = self.article(column, number, documents)
        for path, ext in documents:
            site[path] = make_resource(templates[ext], dict(DOC_KINDS)[ext], date(2026, 3, 20))
        for path, title in (("/about/gywm.html", "关于我们"), ("/about/wzdt.html", "网站地图")):
            site[path] = self.encode([*self.header(title, None, None), *self.paragraphs(3000), *self.footer()],
                                     None, date(2025, 1, 1))
        for path, body, content_type in STATIC:
            site[path] = make_resource(body, content_type, date(2025, 1, 1))
        return site


def generate(pages: int, port: int, seed: int = 7) -> Portal:
    """Build the portal of about `pages` HTML pages; links to sub-sites name `port`."""
    if pages < 30:
        raise ValueError("a benchmark portal needs at least 30 pages")
    templates = {"pdf": pdf_template(), "xlsx": xlsx_template()}
    sites: dict[str, dict[str, Resource]] = {}
    for index, (host, name, _role, share) in enumerate(SITES):
        others = [(h, n) for h, n, _r, _s in SITES if h != host]
        writer = SiteWriter(host, name, max(5, round(pages * share)), port, others, seed + index)
        sites[host] = writer.build(templates)
    html = sum(1 for site in sites.values() for r in site.values() if r.content_type == "text/html")
    docs = sum(1 for site in sites.values() for r in site.values() if r.content_type in dict(DOC_KINDS).values())
    return Portal(sites, html, docs)

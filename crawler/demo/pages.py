"""Page templates of the demo sites: a government CMS's header, navigation, breadcrumbs, lists and footer.

Used only by make_sites.py; the generated static files under sites/ are what the server serves.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

SITES_DIR = Path(__file__).resolve().parent / "sites"

CSS = """body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333;background:#f4f6f9}
a{color:#1a3e8c;text-decoration:none}.w{width:1100px;margin:0 auto;background:#fff}
.top{background:#0c4da2;color:#fff;padding:4px 20px;font-size:12px}.top a{color:#fff}
.header{height:90px;padding:10px 20px;background:#1c5fb8;color:#fff}.header h1{margin:20px 0;font-size:30px}
.nav ul{margin:0;padding:0;list-style:none;background:#0c4da2;overflow:hidden}
.nav li{float:left}.nav a{display:block;padding:0 26px;line-height:44px;color:#fff;font-size:16px}
.position{padding:8px 20px;border-bottom:1px solid #ddd;font-size:13px}
.main{overflow:hidden;padding:15px 20px}.side{float:left;width:220px}.side h3{background:#1c5fb8;color:#fff;margin:0;padding:6px 12px}
.side ul{list-style:none;margin:0;padding:0;border:1px solid #ddd}.side li{border-bottom:1px dashed #ddd;padding:4px 12px}
.content{float:right;width:820px}.list{list-style:none;padding:0}.list li{border-bottom:1px dashed #ddd;line-height:34px}
.list li span{float:right;color:#888}.article h1{text-align:center;font-size:22px}.info{text-align:center;color:#888;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:3px 8px}.nodata{padding:40px;text-align:center;color:#999}
.block{float:left;width:48%;margin:0 1% 15px}.block h2{font-size:17px;border-bottom:2px solid #1c5fb8}
.footer{background:#0c4da2;color:#fff;text-align:center;padding:15px;font-size:12px}.footer a{color:#fff}
"""


@dataclass
class Item:
    """One dated entry of a list column and its detail page."""

    date: str  # ISO, 2026-05-12
    title: str
    body: str | None = None  # HTML; None: a short neutral text is written
    attachments: tuple[tuple[str, str], ...] = ()  # (file name beside the page, link text)
    list_title: str | None = None  # the link text in the list when it differs from the page title
    source: str | None = None

    @property
    def url(self) -> str:
        """TRS-style address: 202605/t20260512_1234567.html, relative to the column."""
        nid = 1000000 + zlib.crc32(self.title.encode()) % 9000000
        return f"{self.date[:7].replace('-', '')}/t{self.date.replace('-', '')}_{nid}.html"


@dataclass
class Site:
    host: str
    name: str
    org: str  # who runs it, for 主办 and signatures
    idcode: str  # 网站标识码
    phone: str
    nav: list[tuple[str, str]]
    prefix: str = ""  # a folder sub-site: "/bm/sthjj"
    encoding: str = "utf-8"  # "utf-8", "gbk", or "gb2312" (declared so, GBK bytes)
    date_style: str = "iso"  # list dates: iso 2026-05-12 | bracket [2026-05-12] | paren (2026-05-12)
    pubdate_meta: bool = True  # newer CMSes write <meta name="PubDate">; older ones do not
    gbk_pages: set[str] = field(default_factory=set)  # pages of a UTF-8 site saved as GBK
    icp: str = "示ICP备12003456号-1"
    police: str = "示公网安备 42999902000101号"

    def href(self, path: str) -> str:
        return self.prefix + path

    # -- writing ---------------------------------------------------------------------------------

    def write(self, path: str, html: str) -> None:
        """Saves a page; `path` is site-relative ("/zwgk/index.html"), the prefix is added here."""
        full = self.href(path)
        encoding = "gbk" if full in self.gbk_pages else self.encoding
        target = SITES_DIR / self.host / full.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if encoding == "utf-8":
            data = html.encode("utf-8")
        else:
            html = html.replace('<meta charset="utf-8">', _meta_charset(encoding))
            data = html.encode("gb2312" if encoding == "gb2312" else "gbk")
        target.write_bytes(data)

    def page(self, path: str, title: str, content: str, *, column: str = "", crumbs: tuple[tuple[str, str], ...] = (),
             side: tuple[str, list[tuple[str, str]]] | None = None, meta: dict[str, str] | None = None,
             head_extra: str = "") -> None:
        metas = {"SiteName": self.name, "SiteDomain": self.host, "SiteIDCode": self.idcode}
        if column:
            metas["ColumnName"] = column
        metas.update(meta or {})
        meta_html = "\n".join(f'<meta name="{k}" content="{escape(v)}">' for k, v in metas.items())
        nav = "".join(f'<li><a href="{escape(self.href(h) if h.startswith("/") else h)}">{label}</a></li>'
                      for label, h in self.nav)
        position = ""
        if crumbs or column:
            trail = [f'<a href="{self.href("/")}">首页</a>']
            trail += [f'<a href="{self.href(h)}">{label}</a>' for label, h in crumbs]
            trail.append(escape(column or title))
            position = f'<div class="position">当前位置：{" &gt; ".join(trail)}</div>\n'
        body = content
        if side:
            heading, links = side
            items = "".join(f'<li><a href="{self.href(h)}">{label}</a></li>' for label, h in links)
            body = (f'<div class="side"><h3>{heading}</h3><ul>{items}</ul></div>\n'
                    f'<div class="content">\n{content}\n</div>')
        full_title = title if title == self.name else f"{title}_{self.name}"
        html = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{escape(full_title)}</title>
{meta_html}
<link rel="stylesheet" href="{self.css_href}">{head_extra}
</head>
<body>
<div class="w">
<div class="top">欢迎访问{self.name}网站　<a href="{self.href('/')}">设为首页</a>　<a href="{self.href('/wzdt/')}">网站地图</a></div>
<div class="header"><h1>{self.name}</h1></div>
<div class="nav"><ul>{nav}</ul></div>
{position}<div class="main">
{body}
</div>
{self.footer()}
</div>
</body>
</html>
"""
        self.write(path, html)

    @property
    def css_href(self) -> str:
        return "/css/style.css"

    @property
    def police_code(self) -> str:
        return re.sub(r"\D", "", self.police)

    def footer(self) -> str:
        return f"""<div class="footer">
<p><a href="{self.href('/wzdt/')}">网站地图</a> | <a href="{self.href('/')}">联系我们</a></p>
<p>主办单位：{self.org}　联系电话：{self.phone}</p>
<p>网站标识码：{self.idcode}　<a href="https://beian.miit.gov.cn/" target="_blank">{self.icp}</a>　\
<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={self.police_code}" \
target="_blank">{self.police}</a></p>
</div>"""

    # -- lists and articles ------------------------------------------------------------------------

    def list_date(self, iso: str) -> str:
        return {"iso": iso, "bracket": f"[{iso}]", "paren": f"({iso})"}[self.date_style]

    def detail_date(self, iso: str) -> str:
        return f"发布时间：{iso}" if self.date_style == "iso" else f"发布时间：{cn_date(iso)}"

    def column(self, path: str, name: str, items: list[Item], *, crumbs: tuple[tuple[str, str], ...] = (),
               side: tuple[str, list[tuple[str, str]]] | None = None, per_page: int = 0, intro: str = "") -> None:
        """A list column at `path` ("/zwgk/tjxx/") and a detail page for each item."""
        pages = [items[i:i + per_page] for i in range(0, len(items), per_page)] if per_page else [items]
        for number, chunk in enumerate(pages or [[]]):
            lines = "\n".join(
                f'<li><a href="{self.href(path)}{it.url}" title="{escape(it.list_title or it.title)}" target="_blank">'
                f'{escape(it.list_title or it.title)}</a><span>{self.list_date(it.date)}</span></li>' for it in chunk)
            listing = f'<ul class="list">\n{lines}\n</ul>' if chunk else '<div class="nodata">暂无信息</div>'
            pager = ""
            if len(pages) > 1:
                base = self.href(path)
                links = [f'<a href="{base}{"index" if n == 0 else f"index_{n}"}.html">{n + 1}</a>' for n in range(len(pages))]
                nxt = f' <a href="{base}index_{number + 1}.html">下一页</a>' if number + 1 < len(pages) else ""
                pager = f'<div class="page">共{len(items)}条　{" ".join(links)}{nxt}</div>'
            content = f'{intro}<div class="list-title"><h2>{name}</h2></div>\n{listing}\n{pager}'
            self.page(f"{path}{'index' if number == 0 else f'index_{number}'}.html", name, content,
                      column=name, crumbs=crumbs, side=side)
        for it in items:
            self.article(f"{path}{it.url}", it, column=name, crumbs=(*crumbs, (name, path)), side=side)

    def article(self, path: str, it: Item, *, column: str, crumbs: tuple[tuple[str, str], ...] = (),
                side: tuple[str, list[tuple[str, str]]] | None = None) -> None:
        source = it.source or self.org
        attachments = ""
        if it.attachments:
            links = "".join(f'<li><a href="./{f}">{text}</a></li>' for f, text in it.attachments)
            attachments = f'<div class="attach"><p>附件：</p><ul>{links}</ul></div>'
        body = it.body if it.body is not None else neutral_body(it.title, self.org, it.date, self.phone)
        content = f"""<div class="article">
<h1>{escape(it.title)}</h1>
<div class="info">{self.detail_date(it.date)}　来源：{source}</div>
<div class="TRS_Editor">
{body}
</div>
{attachments}
</div>"""
        meta = {"ArticleTitle": it.title, "ContentSource": source}
        if self.pubdate_meta:
            meta["PubDate"] = f"{it.date} 10:00"
        self.page(path, it.title, content, column=column, crumbs=crumbs, side=side, meta=meta)

    def single(self, path: str, it: Item, *, crumbs: tuple[tuple[str, str], ...] = (),
               side: tuple[str, list[tuple[str, str]]] | None = None, column: str | None = None) -> None:
        """A column that is one page (指南, 机构职能): the article sits at the column's index.html."""
        self.article(f"{path}index.html", it, column=column or it.title, crumbs=crumbs, side=side)

    def write_css(self) -> None:
        target = SITES_DIR / self.host / "css" / "style.css"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(CSS, encoding="utf-8")


def _meta_charset(encoding: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'


def cn_date(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{year}年{month}月{day}日"


def neutral_body(title: str, org: str, date: str, phone: str) -> str:
    """A short, plausible text for list items whose content does not matter to any indicator."""
    if "公示" in title:
        lead = (f"根据有关规定，现将{title.removesuffix('公示')}有关情况予以公示。公示期为7个工作日，"
                f"公示期间如有异议，请以书面形式向{org}反映。")
    elif "通知" in title:
        lead = "各有关单位：根据工作安排，现将有关事项通知如下，请结合实际认真抓好落实。"
    elif "公告" in title or "通告" in title:
        lead = f"为做好相关工作，现将{title.removesuffix('公告').removesuffix('通告')}有关事项公告如下。"
    else:
        lead = f"现将{title}有关情况公开如下。"
    return (f"<p>{lead}</p>\n<p>一、基本情况。{title}相关工作按照年度计划有序推进，各项任务已按时间节点落实。</p>\n"
            f"<p>二、下一步工作。继续加强统筹调度，及时公开工作进展，接受社会监督。</p>\n"
            f"<p>联系电话：{phone}</p>\n<p style=\"text-align:right\">{org}<br>{cn_date(date)}</p>")


def annual_report_body(org: str, year: int, office: str, phone: str, numbers: tuple[int, int, int, int]) -> str:
    """A report in the 2021 national format: overall situation, tables of disclosures and requests."""
    published, received, granted, reviews = numbers
    return f"""<p>本报告由{org}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室印发的政府信息公开工作年度报告格式要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。如对本报告有疑问，请与{office}联系（电话：{phone}）。</p>
<h3>一、总体情况</h3>
<p>（一）主动公开。{year}年，通过网站主动公开政府信息{published}条，及时公开规范性文件、财政预决算、重点项目和民生政策等信息。</p>
<p>（二）依申请公开。{year}年共收到政府信息公开申请{received}件，均在法定期限内答复。</p>
<p>（三）政府信息管理。严格执行“先审查、后公开”，对拟公开信息逐条审核，全年未发生失泄密事件。</p>
<p>（四）平台建设。持续规范政府信息公开专栏，按照统一目录及时更新各栏目内容。</p>
<h3>二、主动公开政府信息情况</h3>
<table><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>{published // 100}</td><td>1</td><td>{published // 40}</td></tr></table>
<h3>三、收到和处理政府信息公开申请情况</h3>
<table><tr><th>项目</th><th>数量</th></tr>
<tr><td>本年新收政府信息公开申请数量</td><td>{received}</td></tr>
<tr><td>予以公开</td><td>{granted}</td></tr>
<tr><td>部分公开</td><td>{max(received - granted - 2, 0)}</td></tr>
<tr><td>无法提供</td><td>{min(received - granted, 2)}</td></tr>
<tr><td>总计</td><td>{received}</td></tr>
<tr><td>结转下年度继续办理</td><td>0</td></tr></table>
<h3>四、政府信息公开行政复议、行政诉讼情况</h3>
<p>{year}年，因政府信息公开引发行政复议{reviews}件，结果均为维持；未发生行政诉讼。</p>
<h3>五、存在的主要问题及改进情况</h3>
<p>存在的问题：个别栏目更新不够及时，政策解读形式较为单一。改进措施：落实栏目专人维护，丰富图表、音视频等解读形式。</p>
<h3>六、其他需要报告的事项</h3>
<p>{year}年未收取政府信息公开信息处理费。</p>"""


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A solid-colour PNG, enough for banners and logos in a fixture."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
    row = b"\x00" + bytes(rgb) * width
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))

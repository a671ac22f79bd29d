"""Hostile behaviours of the demo server: one named route each under /__hostile__/, for the robustness tests.

`handle(handler, host, path)` answers a request (raw, through the `BaseHTTPRequestHandler`) and returns
True, or returns False when the path is not one of ours. Hosts ending `.hostile.test` are whole hostile
sites: `/` links to the route named by the host's first label (`calendar.hostile.test` -> the calendar),
and `/robots.txt` denies everything on `robots-deny.hostile.test` and answers 500 on
`robots-500.hostile.test`. docs/hostile.md says what the tool does for each route.
"""

from __future__ import annotations

import functools
import html
import os
import random
import select
import socket
import struct
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

PREFIX = "/__hostile__/"
HOST_SUFFIX = ".hostile.test"
HANG_LIMIT = 300.0  # seconds a hanging route holds its thread when the client never gives up
GBK_TITLE = "云溪县人民政府办公室"
SCRIPT_PAYLOAD = '"><script>alert(document.domain)</script>'

Route = Callable[[BaseHTTPRequestHandler, str, dict[str, list[str]]], None]


# -- raw writing -----------------------------------------------------------------------------------------


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", *,
          content_type: str = "text/html; charset=utf-8", headers: dict[str, str] | None = None,
          length: int | None = None) -> None:
    handler.close_connection = True
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body) if length is None else length))
    handler.send_header("Connection", "close")
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    if handler.command != "HEAD":
        _write(handler, body)


def _write(handler: BaseHTTPRequestHandler, data: bytes) -> bool:
    """Write and flush; False once the client has gone away."""
    try:
        handler.wfile.write(data)
        handler.wfile.flush()
    except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, ValueError):
        return False
    return True


def _page(title: str, body: str, *, lang_charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="{lang_charset}">'
            f"<title>{title}</title></head>\n<body>{body}</body></html>\n")


def _links(hrefs: list[tuple[str, str]]) -> str:
    return "".join(f'<li><a href="{html.escape(h)}">{html.escape(t)}</a></li>' for h, t in hrefs)


def _wait_for_client_to_leave(handler: BaseHTTPRequestHandler, limit: float = HANG_LIMIT) -> None:
    """Hold the connection open, sending nothing, until the client closes it (or `limit` passes)."""
    sock = handler.connection
    deadline = time.monotonic() + limit
    while (left := deadline - time.monotonic()) > 0:
        readable, _, _ = select.select([sock], [], [], min(left, 1.0))
        if readable:
            try:
                if not sock.recv(4096, socket.MSG_PEEK):
                    return
                sock.recv(4096)
            except OSError:
                return


# -- markup and encoding ---------------------------------------------------------------------------------


def malformed(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Unclosed and misnested tags, a stray </html> early, broken attributes, 3,000 unclosed <div>s."""
    body = ("<html><head><title>畸形网页 政务公开</title><meta charset=utf-8>\n"
            "<body><div class=nav><ul><li><a href='/__hostile__/target?from=malformed'>政府信息公开<li>"
            "<a href=\"/__hostile__/target?from=malformed2\" class=\"x>机构概况</a></ul>\n"
            "<table><tr><td><p><b><i>发布时间：2026-10-08</b></i></table></html>\n"
            "<p>在 </html> 之后的正文<a href=/__hostile__/target?from=after-html>领导信息</a>\n"
            + "<div>" * 3000 + "深层嵌套正文" + "</span>" * 10)
    _send(handler, 200, body.encode("utf-8"))


def truncated_html(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """A complete HTTP answer whose HTML stops in the middle of a tag."""
    body = ("<!DOCTYPE html><html><head><meta charset=utf-8><title>截断的网页</title></head><body>"
            "<a href=\"/__hostile__/target?from=truncated\">政府信息公开目录</a><p>正文<a href=\"/__hos")
    _send(handler, 200, body.encode("utf-8"))


def truncated_body(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Content-Length promises 100,000 bytes; the server sends a few hundred and closes."""
    body = _page("响应被截断", "<p>服务器在发送途中断开。</p>").encode("utf-8")
    _send(handler, 200, body, length=100_000)


def wrong_charset(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """The HTTP header says UTF-8; the page is GBK (and its <meta> says so)."""
    body = _page(GBK_TITLE, "<p>本页面实际为 GBK 编码。</p>", lang_charset="gbk").encode("gbk")
    _send(handler, 200, body, content_type="text/html; charset=utf-8")


def missing_charset(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """GBK with no charset anywhere: not in the header, not in a <meta>."""
    body = (f"<html><head><title>{GBK_TITLE}</title></head><body><p>本页面为 GBK 编码，"
            "但没有声明字符集。政府信息公开指南。</p></body></html>").encode("gbk")
    _send(handler, 200, body, content_type="text/html")


def binary(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """64 KiB of PNG signature, NUL bytes and noise, served as text/html."""
    noise = random.Random(8).randbytes(64 * 1024 - 16)
    _send(handler, 200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise)


def large(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """A page of `?mb=` MiB (default 64), Content-Length announced; `?announce=0` streams it without one."""
    size = int(query.get("mb", ["64"])[0]) << 20
    announce = query.get("announce", ["1"])[0] != "0"
    handler.close_connection = True
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    if announce:
        handler.send_header("Content-Length", str(size))
    handler.send_header("Connection", "close")
    handler.end_headers()
    head = _page("超大网页", "").encode()[:-len("</body></html>\n")]
    chunk = ("<p>政务公开超大网页填充内容。</p>" * 2000).encode("utf-8")
    sent = len(head)
    if not _write(handler, head):
        return
    while sent < size:
        part = chunk[: size - sent]
        if not _write(handler, part):
            return
        sent += len(part)


@functools.cache
def _gzip_bomb(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip member
    parts = [packer.compress(b"<!DOCTYPE html><html><head><title>gzip</title></head><body>")]
    blank = b" " * (1 << 20)
    parts.extend(packer.compress(blank) for _ in range(megabytes))
    parts.append(packer.flush())
    return b"".join(parts)


def gzip_bomb(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """About 1 KiB compressed per MiB decompressed: `?mb=` (default 256) MiB behind Content-Encoding: gzip."""
    body = _gzip_bomb(int(query.get("mb", ["256"])[0]))
    _send(handler, 200, body, headers={"Content-Encoding": "gzip"})


# -- time and connections --------------------------------------------------------------------------------


def slow_drip(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Headers at once, then one byte a second, forever (until the client leaves)."""
    handler.close_connection = True
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Connection", "close")
    handler.end_headers()
    deadline = time.monotonic() + HANG_LIMIT
    if not _write(handler, b"<html><head><title>"):
        return
    while time.monotonic() < deadline:
        time.sleep(1.0)
        if not _write(handler, b"."):
            return


def hang_after_headers(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Status line and headers (Content-Length 1000), then silence."""
    handler.close_connection = True
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.flush()
    _wait_for_client_to_leave(handler)


def hang_before_headers(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """The connection is accepted and the request read; nothing ever comes back."""
    handler.close_connection = True
    _wait_for_client_to_leave(handler)


def reset(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Half a status line, then a TCP reset (SO_LINGER 0 and close)."""
    handler.close_connection = True
    _write(handler, b"HTTP/1.1 200 O")
    sock = handler.connection
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    os.close(sock.detach())  # the handler's later flush/shutdown on the detached socket are harmless


def server_error(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """HTTP 500 with an error page."""
    _send(handler, 500, _page("500 Internal Server Error", "<h1>服务器内部错误</h1>").encode())


def unavailable(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """HTTP 503 with Retry-After: 3600 (a crawler must not sleep an hour for it)."""
    _send(handler, 503, _page("503 Service Unavailable", "<h1>系统维护中</h1>").encode(),
          headers={"Retry-After": "3600"})


def redirect_loop(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """/redirect-loop -> /redirect-loop/b -> /redirect-loop -> ... (302s)."""
    target = PREFIX + ("redirect-loop" if path.endswith("/b") else "redirect-loop/b")
    _send(handler, 302, b"", headers={"Location": target})


def redirect_endless(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """/redirect-endless/N -> /redirect-endless/N+1, never the same URL twice."""
    tail = path.rsplit("/", 1)[-1]
    step = int(tail) + 1 if tail.isdigit() else 1
    _send(handler, 302, b"", headers={"Location": f"{PREFIX}redirect-endless/{step}"})


def redirect_offsite(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """A 302 to another host (`?to=` a host name, default elsewhere.hostile.test on the same port)."""
    host = query.get("to", ["elsewhere" + HOST_SUFFIX])[0]
    port = handler.server.server_address[1]
    _send(handler, 302, b"", headers={"Location": f"http://{host}:{port}/__hostile__/target?from=redirect"})


# -- URL traps -------------------------------------------------------------------------------------------


def calendar(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """/calendar/YYYY/MM: links to the previous and next month and to every day; forever in both ways."""
    parts = [p for p in path.split("/") if p.isdigit()]
    year, month = (int(parts[0]), int(parts[1])) if len(parts) >= 2 else (2026, 11)
    prev_y, prev_m = (year - 1, 12) if month == 1 else (year, month - 1)
    next_y, next_m = (year + 1, 1) if month == 12 else (year, month + 1)
    base = PREFIX + "calendar"
    hrefs = [(f"{base}/{prev_y}/{prev_m:02d}", "上个月"), (f"{base}/{next_y}/{next_m:02d}", "下个月")]
    hrefs += [(f"{base}/{year}/{month:02d}/{d:02d}", f"{d}日") for d in range(1, 29)]
    title = f"活动日历 {year}年{month}月"
    _send(handler, 200, _page(title, f"<h1>{title}</h1><ul>{_links(hrefs)}</ul>").encode())


def session_ids(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Five pages, each linking to all five with a fresh ;jsessionid= and ?sid= on every link."""
    def fresh() -> str:
        return f"{random.getrandbits(128):032x}"

    hrefs = [(f"{PREFIX}session/page{n};jsessionid={fresh()}?sid={fresh()}", f"栏目{n}") for n in range(1, 6)]
    _send(handler, 200, _page("会话编号陷阱", f"<ul>{_links(hrefs)}</ul>").encode())


def repeat(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Any /repeat/... path links to the relative `a/` and `news/`: /repeat/a/news/a/news/..."""
    hrefs = [("a/", "下一级"), ("news/", "新闻")]
    _send(handler, 200, _page("重复路径陷阱", f"<ul>{_links(hrefs)}</ul>").encode())


def many_links(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """/many-links: 10,000 distinct links; /many-links/N: a small page."""
    tail = path.rsplit("/", 1)[-1]
    if tail.isdigit():
        _send(handler, 200, _page(f"文章 {tail}", "<p>正文</p>").encode())
        return
    hrefs = [(f"{PREFIX}many-links/{n}", f"文章{n}") for n in range(10_000)]
    _send(handler, 200, _page("一万个链接", f"<ul>{_links(hrefs)}</ul>").encode())


# -- hostile content -------------------------------------------------------------------------------------


def script(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Script payloads in the title, link texts and URLs; javascript:, vbscript: and data: links."""
    payload = html.escape(SCRIPT_PAYLOAD)
    body = (
        f"<!DOCTYPE html><html><head><meta charset=utf-8><title>{payload}云溪县</title>"
        "<script>document.title='executed'</script></head><body>"
        f'<a href="javascript:alert(1)">政府信息公开</a>'
        f'<a href=" JaVaScRiPt:alert(2)">{payload}机构概况</a>'
        '<a href="vbscript:msgbox(3)">领导信息</a>'
        '<a href="data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;">数据链接</a>'
        f'<a href="/__hostile__/missing?q={html.escape(SCRIPT_PAYLOAD, quote=True)}">{payload}死链</a>'
        f'<a href="/__hostile__/target?from=&lt;img src=x onerror=alert(5)&gt;">'
        "&lt;img src=x onerror=alert(5)&gt;</a>"
        "<img src=x onerror=\"document.title='executed'\"></body></html>")
    _send(handler, 200, body.encode("utf-8"))


def schemes(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """mailto:, tel:, sms:, ftp:// and news: links beside one ordinary link."""
    hrefs = [("mailto:yxzf@yunxi.gov.cn", "联系我们"), ("tel:0571-12345678", "值班电话"),
             ("sms:12345", "短信"), ("ftp://ftp.yunxi.gov.cn/pub/", "文件下载"), ("news:gov.cn", "新闻组"),
             (PREFIX + "target?from=schemes", "政府信息公开")]
    _send(handler, 200, _page("各种协议的链接", f"<ul>{_links(hrefs)}</ul>").encode())


def idn(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """Links to internationalised host names, in Unicode and in punycode."""
    hrefs = [("http://云溪县.政务/", "中文域名"), ("http://xn--xkr20bq8h.xn--zfr164b/", "中文域名（编码）"),
             ("http://云溪县人民政府.中国/zwgk/", "政务公开"), ("http://bücher.example/", "外文域名"),
             (PREFIX + "target?from=idn", "政府信息公开")]
    _send(handler, 200, _page("国际化域名链接", f"<ul>{_links(hrefs)}</ul>").encode())


def target(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """An ordinary small page that the other routes link to."""
    _send(handler, 200, _page("普通页面", "<p>政府信息公开</p>").encode())


def missing(handler: BaseHTTPRequestHandler, path: str, query: dict[str, list[str]]) -> None:
    """HTTP 404."""
    _send(handler, 404, _page("404", "<h1>页面不存在</h1>").encode())


ROUTES: dict[str, Route] = {
    "malformed": malformed, "truncated-html": truncated_html, "truncated-body": truncated_body,
    "wrong-charset": wrong_charset, "missing-charset": missing_charset, "binary": binary,
    "large": large, "gzip-bomb": gzip_bomb,
    "slow-drip": slow_drip, "hang-after-headers": hang_after_headers, "hang-before-headers": hang_before_headers,
    "reset": reset, "500": server_error, "503": unavailable,
    "redirect-loop": redirect_loop, "redirect-endless": redirect_endless, "redirect-offsite": redirect_offsite,
    "calendar": calendar, "session": session_ids, "repeat": repeat, "many-links": many_links,
    "script": script, "schemes": schemes, "idn": idn, "target": target, "missing": missing,
}


# -- whole hostile hosts ---------------------------------------------------------------------------------


def _robots(handler: BaseHTTPRequestHandler, case: str) -> None:
    if case == "robots-500":
        _send(handler, 500, b"robots.txt: internal error", content_type="text/plain")
    elif case == "robots-deny":
        _send(handler, 200, b"User-agent: *\nDisallow: /\n", content_type="text/plain")
    else:
        _send(handler, 200, b"User-agent: *\nDisallow:\n", content_type="text/plain")


def _home(handler: BaseHTTPRequestHandler, case: str) -> None:
    """The home page of `<case>.hostile.test`: a small portal page whose links lead into the case."""
    route = case if case in ROUTES else "target"
    first = {"calendar": "calendar/2026/11", "repeat": "repeat/"}.get(route, route)
    hrefs = [(PREFIX + first, "政府信息公开"), (PREFIX + "target?from=home", "机构概况")]
    title = f"敌意测试站点 {case}"
    _send(handler, 200, _page(title, f"<h1>{title}</h1><ul>{_links(hrefs)}</ul>").encode())


def handle(handler: BaseHTTPRequestHandler, host: str, path: str) -> bool:
    """Answer `path` (with its query) on `host` if it is a hostile route or a hostile host; else False."""
    host = host.split(":", 1)[0].lower()
    parts = urlsplit(path)
    if not parts.query:  # the demo server passes the path alone; the query is on the request line
        parts = parts._replace(query=urlsplit(handler.path).query)
    case = host.removesuffix(HOST_SUFFIX) if host.endswith(HOST_SUFFIX) else ""
    if case and parts.path == "/robots.txt":
        _robots(handler, case)
        return True
    if case and parts.path in ("/", "/index.html"):
        _home(handler, case)
        return True
    if not parts.path.startswith(PREFIX):
        if case:
            missing(handler, parts.path, {})
            return True
        return False
    rest = parts.path[len(PREFIX):]
    route = ROUTES.get(rest.split("/", 1)[0].split(";", 1)[0])
    if route is None:
        missing(handler, parts.path, {})
        return True
    route(handler, parts.path, parse_qs(parts.query))
    return True

"""The demo portal's HTTP server: one folder per host under ROOT/sites, bound to 127.0.0.1 only.

``python -m crawler.demo.server [--root DIR] [--log FILE] [--port N]`` prints its URL as the first
stdout line (Scrapy's mock-server handshake), then serves until terminated.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import re
import signal
import sys
import threading
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from crawler.demo import PORTAL_HOST, demo_hosts, demo_root

CONTENT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "application/javascript",
    ".txt": "text/plain", ".xml": "application/xml", ".png": "image/png", ".jpg": "image/jpeg",
    ".gif": "image/gif", ".ico": "image/x-icon", ".pdf": "application/pdf",
    ".doc": "application/msword", ".xls": "application/vnd.ms-excel",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
TEXT_TYPES = {"text/html", "text/css", "application/javascript", "text/plain", "application/xml"}
HOSTILE_PREFIX = "/__hostile__/"
NOT_FOUND_PAGE = (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404 页面不存在</title></head>"
    "<body><h1>404</h1><p>您访问的页面不存在或已被删除。</p></body></html>"
).encode()


class DemoConfig:
    """What every handler thread shares: the site folders, header overrides, the port and the log."""

    def __init__(self, root: Path, log_path: Path | None) -> None:
        self.sites_dir = (root / "sites").resolve()
        self.site_hosts = frozenset(p.name for p in self.sites_dir.iterdir() if p.is_dir())
        self.rewritten_hosts = demo_hosts(root)  # includes dead hosts, so their links reach us and 404
        headers_file = root / "headers.yaml"
        loaded = yaml.safe_load(headers_file.read_text(encoding="utf-8")) if headers_file.is_file() else None
        self.header_overrides: dict[str, dict[str, str]] = loaded or {}
        self.port = 0
        self._log: IO[str] | None = log_path.open("a", encoding="utf-8") if log_path else None
        self._log_lock = threading.Lock()
        # Pages link to port-less demo hosts (http://jyj.yunxi.gov.cn/...) because the OS picks the
        # port. Served text gets every absolute http(s)://<demo host> without a port rewritten to
        # http://<demo host>:PORT. This works on the raw bytes, so GBK pages are safe: the pattern is
        # pure ASCII and a real link always follows an ASCII quote or space, never a GBK lead byte.
        names = b"|".join(re.escape(h.encode("ascii")) for h in self.rewritten_hosts)
        self._link = re.compile(rb"https?://(" + names + rb")(?![\w.:-])")

    def rewrite_links(self, body: bytes) -> bytes:
        port = str(self.port).encode("ascii")
        return self._link.sub(lambda m: b"http://" + m.group(1) + b":" + port, body)

    def log(self, method: str, host: str, path: str, status: int) -> None:
        if self._log is None:
            return
        with self._log_lock:
            self._log.write(f"{method} {host or '-'} {path or '-'} {status}\n")
            self._log.flush()

    def close(self) -> None:
        if self._log is not None:
            self._log.close()


def render_calendar(query: str) -> bytes:
    """活动日历: every month links the next and the previous one, forever (a crawler trap)."""
    month = parse_qs(query).get("month", ["2026-11"])[0]
    match = re.fullmatch(r"(\d{4})-(\d{2})", month)
    year, mon = (int(match[1]), int(match[2])) if match and 1 <= int(match[2]) <= 12 else (2026, 11)
    prev_y, prev_m = (year - 1, 12) if mon == 1 else (year, mon - 1)
    next_y, next_m = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>活动日历 {year}年{mon}月_云溪县人民政府</title>
<meta name="SiteName" content="云溪县人民政府"><meta name="ColumnName" content="活动日历"></head>
<body><div class="position">当前位置：<a href="/">首页</a> &gt; 活动日历</div>
<h1>活动日历 {year}年{mon}月</h1>
<p>本月暂无活动安排。</p>
<p><a href="/calendar/?month={prev_y:04d}-{prev_m:02d}">上个月</a>
 | <a href="/calendar/?month={next_y:04d}-{next_m:02d}">下个月</a></p>
</body></html>""".encode()


DYNAMIC_ROUTES: dict[tuple[str, str], Callable[[str], bytes]] = {(PORTAL_HOST, "/calendar/"): render_calendar}


class DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    demo: DemoConfig


class DemoRequestHandler(BaseHTTPRequestHandler):
    """Serves ROOT/sites/<host>/<path>; subclass or use crawler.demo.hostile for odd behaviours."""

    server: DemoHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "DemoGovCMS/1.0"
    host = ""
    target = ""  # path and query as requested, for the log

    def do_GET(self) -> None:
        self.serve(head=False)

    def do_HEAD(self) -> None:
        self.serve(head=True)

    def do_POST(self) -> None:
        host, path = self.parse_target()
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.maybe_hostile(host, path) and self.hostile():
            return
        self.respond(HTTPStatus.METHOD_NOT_ALLOWED, b"", {"Allow": "GET, HEAD"})

    # -- request parsing -------------------------------------------------------------------------

    def parse_request(self) -> bool:
        self.host, self.target = "", ""  # one handler serves every request of a keep-alive connection
        return super().parse_request()

    def parse_target(self) -> tuple[str, str]:
        """Host (lowercase, no port) and path; accepts absolute-form request lines (proxy style)."""
        raw = self.path
        if not raw.startswith("/"):  # "GET http://host:port/path HTTP/1.1"
            parts = urlsplit(raw)
            self.host = (parts.hostname or "").lower()
            raw = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        else:
            self.host = self.headers.get("Host", "").rsplit(":", 1)[0].strip().lower().rstrip(".")
        self.target = raw
        return self.host, raw.split("?", 1)[0]

    # -- responses -------------------------------------------------------------------------------

    def serve(self, head: bool) -> None:
        host, path = self.parse_target()
        if self.maybe_hostile(host, path) and self.hostile():
            return
        if host not in self.server.demo.site_hosts:
            self.not_found(head)
            return
        dynamic = DYNAMIC_ROUTES.get((host, path))
        if dynamic is not None:
            query = self.target.partition("?")[2]
            self.respond(HTTPStatus.OK, dynamic(query), {"Content-Type": "text/html; charset=utf-8"}, head)
            return
        site_dir = self.server.demo.sites_dir / host
        try:
            file = (site_dir / unquote(path).lstrip("/")).resolve()
        except (ValueError, OSError):
            file = site_dir.parent  # outside the site: refused below
        if not file.is_relative_to(site_dir):
            self.not_found(head)
            return
        if file.is_dir():
            if not path.endswith("/"):
                query = self.target.partition("?")[2]
                self.respond(HTTPStatus.MOVED_PERMANENTLY, b"",
                             {"Location": path + "/" + (f"?{query}" if query else "")}, head)
                return
            file = file / "index.html"
        if not file.is_file():
            self.not_found(head)
            return
        self.send_file(file, site_dir, head)

    def send_file(self, file: Path, site_dir: Path, head: bool) -> None:
        body = file.read_bytes()
        content_type = CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream")
        if content_type in TEXT_TYPES:
            body = self.server.demo.rewrite_links(body)
        mtime = int(file.stat().st_mtime)
        headers = {
            "Content-Type": content_type,  # html: no charset, many real pages declare it only in <meta>
            "Last-Modified": formatdate(mtime, usegmt=True),
            "ETag": '"' + hashlib.sha1(body).hexdigest()[:20] + '"',
        }
        key = f"{self.host}/{file.relative_to(site_dir).as_posix()}"
        headers.update(self.server.demo.header_overrides.get(key, {}))
        if self.not_modified(headers["ETag"], mtime):
            self.respond(HTTPStatus.NOT_MODIFIED, b"", {k: headers[k] for k in ("ETag", "Last-Modified")}, True)
            return
        self.respond(HTTPStatus.OK, body, headers, head)

    def not_modified(self, etag: str, mtime: int) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:  # takes precedence over If-Modified-Since (RFC 9110 13.2.2)
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            return "*" in tags or etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since is None:
            return False
        try:
            return mtime <= parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False

    def not_found(self, head: bool) -> None:
        self.respond(HTTPStatus.NOT_FOUND, NOT_FOUND_PAGE, {"Content-Type": "text/html; charset=utf-8"}, head)

    def respond(self, status: HTTPStatus, body: bytes, headers: dict[str, str], head: bool = False) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and status != HTTPStatus.NOT_MODIFIED:
            self.wfile.write(body)

    def maybe_hostile(self, host: str, path: str) -> bool:
        """/__hostile__/ routes on any host, and every path of a host without a site (*.hostile.test)."""
        return path.startswith(HOSTILE_PREFIX) or host not in self.server.demo.site_hosts

    def hostile(self) -> bool:
        """Hands the request to crawler.demo.hostile.handle if that module exists; False: not handled."""
        if importlib.util.find_spec("crawler.demo.hostile") is None:
            return False
        hostile: Any = importlib.import_module("crawler.demo.hostile")
        return bool(hostile.handle(self, self.host, self.target.split("?", 1)[0]))

    # -- logging ---------------------------------------------------------------------------------

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.server.demo.log(self.command or "-", self.host, self.target or getattr(self, "path", "-"), int(code))

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        pass  # quiet: the request log above is the record


def make_server(root: Path, log_path: Path | None = None, port: int = 0) -> DemoHTTPServer:
    server = DemoHTTPServer(("127.0.0.1", port), DemoRequestHandler)
    server.demo = DemoConfig(root, log_path)
    server.demo.port = server.server_address[1]
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="云溪县示例门户网站（仅 127.0.0.1）")
    parser.add_argument("--root", type=Path, default=demo_root(), help="folder holding sites/ and headers.yaml")
    parser.add_argument("--log", type=Path, default=None, help="append one line per request to this file")
    parser.add_argument("--port", type=int, default=0, help="0 lets the OS choose")
    args = parser.parse_args(argv)
    server = make_server(args.root.resolve(), args.log, args.port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"http://127.0.0.1:{server.demo.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.demo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

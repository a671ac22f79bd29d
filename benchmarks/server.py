"""The benchmark portal's HTTP server: aiohttp on 127.0.0.1, from memory, routed by Host, with 304s.

Run as `python -m benchmarks.server --pages N`: it prints its URL on its first line (Scrapy's
mock-server handshake). `/__bench__/stats` and `/__bench__/reset` give the bytes and pages served,
so every contender is counted the same way, by the server.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import socket
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from urllib.request import urlopen

from aiohttp import web

from benchmarks.measure import child_env
from benchmarks.portal import DOC_KINDS, PORTAL_HOST, Portal, generate

PAGE_TYPES = frozenset({"text/html", *dict(DOC_KINDS).values()})  # what counts as a page crawled
STATS_PATH = "/__bench__/stats"
RESET_PATH = "/__bench__/reset"
PATHS_PATH = "/__bench__/paths"  # a sample of the portal's page paths, for the capacity test
# linkchecker waits 0.1–0.6 s between requests to one host unless the host answers with this header.
LIFT_LINKCHECKER_THROTTLE = {"LinkChecker": "unthrottled"}


class Handler:
    """Answers from memory; an IP Host header (linkchecker's run) falls back to the portal."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.fallback = portal.sites[PORTAL_HOST]
        self.counts: Counter[str] = Counter()

    async def __call__(self, request: web.BaseRequest) -> web.StreamResponse:
        path = request.path
        if path.startswith("/__bench__/"):
            return self.control(path)
        host = request.host.rsplit(":", 1)[0].lower()
        resource = self.portal.sites.get(host, self.fallback).get(path)
        self.counts["requests"] += 1
        if resource is None:
            self.counts["not_found"] += 1
            return web.Response(status=404, text="Not Found", headers=LIFT_LINKCHECKER_THROTTLE)
        headers = {"ETag": resource.etag, "Last-Modified": resource.last_modified, **LIFT_LINKCHECKER_THROTTLE}
        page = resource.content_type in PAGE_TYPES
        if request.headers.get("If-None-Match") == resource.etag or (
            "If-None-Match" not in request.headers and request.headers.get("If-Modified-Since") == resource.last_modified
        ):
            self.counts["not_modified"] += 1
            self.counts["pages"] += page
            return web.Response(status=304, headers=headers)
        self.counts["ok"] += 1
        self.counts["pages"] += page
        self.counts["bytes"] += len(resource.body)
        return web.Response(body=resource.body, content_type=resource.content_type, headers=headers)

    def control(self, path: str) -> web.Response:
        counts = dict(self.counts)
        if path == RESET_PATH:
            self.counts.clear()  # answers with the counts it cleared
        elif path == PATHS_PATH:
            paths = [p for p, r in self.fallback.items() if r.content_type == "text/html"]
            return web.json_response(paths[:: max(1, len(paths) // 500)])
        elif path != STATS_PATH:
            return web.Response(status=404)
        return web.json_response(counts)


async def serve(sock: socket.socket, portal: Portal) -> None:
    runner = web.ServerRunner(web.Server(Handler(portal), access_log=None), handle_signals=True)
    await runner.setup()
    await web.SockSite(runner, sock, backlog=1024).start()
    print(f"http://127.0.0.1:{sock.getsockname()[1]}/", flush=True)
    await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.server")
    parser.add_argument("--pages", type=int, default=5000)
    args = parser.parse_args(argv)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # loopback only, a free port; the pages link sub-sites with it
    portal = generate(args.pages, sock.getsockname()[1])
    print(f"generated {portal.pages} pages, {portal.documents} documents, {portal.total_bytes / 2**20:.1f} MiB",
          file=sys.stderr, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(sock, portal))


@dataclass(slots=True)
class BenchServer:
    """Starts the server in a subprocess; `with BenchServer(5000) as server: server.url(host, path)`."""

    pages: int
    process: subprocess.Popen[str] | None = None
    port: int = 0

    def __enter__(self) -> BenchServer:
        self.process = subprocess.Popen([sys.executable, "-m", "benchmarks.server", "--pages", str(self.pages)],
                                        stdout=subprocess.PIPE, text=True, env=child_env())
        line = self.process.stdout.readline() if self.process.stdout else ""
        if not line.startswith("http://127.0.0.1:"):
            self.process.kill()
            raise RuntimeError(f"the benchmark server did not start: {line!r}")
        self.port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)

    @property
    def pid(self) -> int:
        return self.process.pid if self.process else 0

    def url(self, host: str = PORTAL_HOST, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def direct_url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def resolve_args(self) -> list[str]:
        from benchmarks.portal import SITES

        return [f"{host}:{self.port}:127.0.0.1" for host, *_ in SITES]

    def stats(self, reset: bool = False) -> dict[str, int]:
        """What was served since the last reset (and reset the counters if asked)."""
        return self.control(RESET_PATH if reset else STATS_PATH)

    def sample_paths(self) -> list[str]:
        return self.control(PATHS_PATH)

    def control(self, path: str):  # -> the decoded JSON answer
        with urlopen(self.direct_url(path), timeout=10) as response:
            return json.loads(response.read())


if __name__ == "__main__":
    main()

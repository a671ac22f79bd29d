"""How many pages a second the server itself can serve: wrk when installed, else an aiohttp client."""

from __future__ import annotations

import asyncio
import itertools
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from benchmarks.portal import PORTAL_HOST
from benchmarks.server import BenchServer

CONNECTIONS = 32


@dataclass(frozen=True, slots=True)
class Capacity:
    tool: str
    served: int  # requests the server answered during the test
    pages_per_s: float
    cpu_s_per_page: float  # the server's CPU per request
    peak_rss_mb: float  # the server's RSS


def with_wrk(server: BenchServer, paths: list[str], seconds: float) -> float:
    """Requests/s as wrk reports it, cycling through `paths` on the portal host."""
    lua = "paths = {%s}\ni = 0\nrequest = function()\n  i = i %% #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua % ",".join(f'"{p}"' for p in paths))
    try:
        out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s", "-s", script.name,
                              "-H", f"Host: {PORTAL_HOST}", server.direct_url("/")],
                             capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    finally:
        Path(script.name).unlink()
    match = re.search(r"Requests/sec:\s*([\d.]+)", out)
    if not match:
        raise RuntimeError(f"wrk printed no rate: {out[-300:]!r}")
    return float(match.group(1))


async def with_aiohttp(server: BenchServer, paths: list[str], seconds: float) -> float:
    """Requests/s from CONNECTIONS concurrent aiohttp clients (the client is slower than the server)."""
    import aiohttp

    done = 0
    cycle = itertools.cycle(paths)
    deadline = time.perf_counter() + seconds

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal done
        while time.perf_counter() < deadline:
            async with session.get(server.direct_url(next(cycle)), headers={"Host": PORTAL_HOST}) as response:
                await response.read()
            done += 1

    start = time.perf_counter()
    connector = aiohttp.TCPConnector(limit=CONNECTIONS)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(worker(session) for _ in range(CONNECTIONS)))
    return done / (time.perf_counter() - start)


def measure_capacity(server: BenchServer, seconds: float = 3.0, tool: str = "auto") -> Capacity:
    """The server's own rate; its CPU per request from its process times, its RSS from psutil."""
    paths = server.sample_paths()
    process = psutil.Process(server.pid)
    use_wrk = tool == "wrk" or (tool == "auto" and shutil.which("wrk") is not None)
    server.stats(reset=True)
    cpu_before = sum(process.cpu_times()[:2])
    rate = with_wrk(server, paths, seconds) if use_wrk else asyncio.run(with_aiohttp(server, paths, seconds))
    cpu = sum(process.cpu_times()[:2]) - cpu_before
    served = server.stats(reset=True).get("requests", 0)
    return Capacity("wrk" if use_wrk else "aiohttp client", served, rate, cpu / max(1, served),
                    process.memory_info().rss / 2**20)

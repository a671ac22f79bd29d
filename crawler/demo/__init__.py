"""The bundled demo government portal (云溪县, fictional): its hosts, answer key and a server handle.

`DemoServer` runs ``python -m crawler.demo.server`` in a subprocess on 127.0.0.1 and a free port.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from types import TracebackType

import yaml

DEMO_AS_OF: str = "2026-11-20"  # the date the answer key is computed for
PORTAL_HOST: str = "www.yunxi.gov.cn"
START_TIMEOUT = 10.0  # seconds the child has to print its URL


def demo_root() -> Path:
    """The folder holding sites/, answers.yaml and headers.yaml."""
    return Path(__file__).resolve().parent


def demo_hosts(root: Path | None = None) -> list[str]:
    """Every host with a site folder, plus the dead hosts the answer key names (they answer 404)."""
    root = root or demo_root()
    hosts = sorted(p.name for p in (root / "sites").iterdir() if p.is_dir())
    answers = root / "answers.yaml"
    if answers.is_file():
        for site in (yaml.safe_load(answers.read_text(encoding="utf-8")) or {}).get("sites", []):
            if site.get("status") == "unreachable" and site["host"] not in hosts:
                hosts.append(site["host"])
    return hosts


class DemoServer:
    """The demo portal's server as a context manager; `stop` never leaves a process behind."""

    def __init__(self, log_path: Path | None = None, root: Path | None = None) -> None:
        self.log_path = Path(log_path) if log_path else None
        self.root = Path(root) if root else demo_root()
        self.port = 0
        self.base_url = ""
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> DemoServer:
        if self._process is not None:
            return self
        command = [sys.executable, "-m", "crawler.demo.server", "--root", str(self.root)]
        if self.log_path:
            command += ["--log", str(self.log_path)]
        env = dict(os.environ)  # the child must import this package even when it is not installed
        source_tree = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [source_tree, env.get("PYTHONPATH")]))
        with tempfile.TemporaryFile() as stderr:  # the child keeps writing to it after it is unlinked
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=env)
            first_line = self._read_first_line(self._process)
            if not first_line.startswith("http://127.0.0.1:"):
                self.stop()
                stderr.seek(0)
                detail = stderr.read().decode("utf-8", "replace").strip().splitlines()[-1:]
                reason = " ".join(detail) or f"{START_TIMEOUT:.0f} 秒内没有输出地址（收到 {first_line!r}）"
                raise RuntimeError(f"示例门户网站未能启动：{reason}；请检查 python -m crawler.demo.server 能否运行")
        self.base_url = first_line
        self.port = int(first_line.rstrip("/").rsplit(":", 1)[1])
        return self

    @staticmethod
    def _read_first_line(process: subprocess.Popen[bytes]) -> str:
        lines: queue.Queue[bytes] = queue.Queue()
        assert process.stdout is not None
        stdout = process.stdout
        threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
        try:
            return lines.get(timeout=START_TIMEOUT).decode("ascii", "replace").strip()
        except queue.Empty:
            return ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def __del__(self) -> None:  # a forgotten stop() must not leave the child running
        if getattr(self, "_process", None) is not None:
            self.stop()

    def url(self, host: str = PORTAL_HOST, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def resolve_args(self) -> list[str]:
        """curl-style `--resolve` entries mapping every demo host to this server."""
        return [f"{host}:{self.port}:127.0.0.1" for host in demo_hosts(self.root)]

    def requests(self) -> list[tuple[str, str, str, int]]:
        """The request log as (method, host, path, status), oldest first."""
        if self.log_path is None:
            raise RuntimeError("DemoServer was started without log_path; no request log to read")
        if not self.log_path.exists():
            return []
        entries = []
        for line in self.log_path.read_text(encoding="utf-8").splitlines():
            method, host, rest = line.split(" ", 2)
            path, status = rest.rsplit(" ", 1)
            entries.append((method, host, path, int(status)))
        return entries

"""linkchecker as a peer: its config that lifts the throttle, its command, the count it prints."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

# linkchecker sleeps 1/maxrequestspersecond between requests to a host, and at least 0.1 s unless the
# host's answers carry a `LinkChecker` header (the server sends one); both lifts are needed.
CONFIG = """[checking]
threads=10
maxrequestspersecond=1000
recursionlevel=-1
[output]
status=0
warnings=0
"""


def linkchecker_command(workdir: Path, url: str) -> list[str]:
    """The command; its config is world-readable, because linkchecker run as root drops to `nobody`."""
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o755)
    config = workdir / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    config.chmod(0o644)
    exe = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or "linkchecker"
    return [exe, "--config", str(config), "--no-status", "--no-warnings", url]


def checked_urls(stdout: str) -> int | None:
    """The count from its summary line: 'That's it. 5190 links in 5190 URLs checked.'"""
    match = re.search(r"(\d+) links? in (\d+) URLs? checked", stdout)
    return int(match.group(2)) if match else None

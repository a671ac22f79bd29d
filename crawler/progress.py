"""Scan progress: a redrawn bar on a terminal, plain lines in a log (no extra dependency)."""

from __future__ import annotations

import sys
from typing import TextIO

BAR_WIDTH = 24


class Progress:
    """Shows sites done / total, pages crawled and errors; `tty=None` asks the stream."""

    def __init__(self, total: int, stream: TextIO | None = None, tty: bool | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.done = 0
        self.pages = 0
        self.errors = 0
        self._drawn = ""

    def bar(self) -> str:
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        return (f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} 个站点"
                f"  {self.pages} 页  {self.errors} 个错误")

    def pages_seen(self, pages: int) -> None:
        """The store's page count for the scan moved; redraw the bar (terminals only)."""
        self.pages = pages
        if self.tty:
            self._draw()

    def site_done(self, name: str, url: str, failure: str = "") -> None:
        """One registry site finished; `failure` is its reason when it could not be crawled."""
        self.done += 1
        if failure:
            self.errors += 1
        if self.tty:
            if failure:
                self._line(f"无法访问：{name} {url}：{failure}")
            self._draw()
        else:
            state = f"无法访问：{failure}" if failure else "完成"
            self._line(f"[{self.done}/{self.total}] {name} {url} {state}（累计 {self.pages} 页，{self.errors} 个错误）")

    def message(self, text: str) -> None:
        self._line(text)
        if self.tty:
            self._draw()

    def close(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = ""

    def _draw(self) -> None:
        text = self.bar()
        if text != self._drawn:
            self.stream.write("\r\x1b[2K" + text)
            self.stream.flush()
            self._drawn = text

    def _line(self, text: str) -> None:
        if self.tty and self._drawn:
            self.stream.write("\r\x1b[2K")
            self._drawn = ""
        self.stream.write(text + "\n")
        self.stream.flush()


__all__ = ["Progress"]

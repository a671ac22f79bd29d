"""Users' mistakes at the `zwgk` command line: each one clean line on stderr and a documented exit status."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.cli import EXIT_DATABASE, EXIT_OUTPUT, EXIT_USAGE
from crawler.store import Store

ZWGK = Path(sys.executable).with_name("zwgk")
UNREACHED = "http://127.0.0.1:9/"  # never contacted: every case below fails before any crawl
USAGE_HINT = "（用法："


def run_zwgk(tmp_path: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ZWGK_DB"}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([str(ZWGK), *args], capture_output=True, text=True, timeout=timeout, cwd=tmp_path,
                          env=env)


def assert_one_line_error(result: subprocess.CompletedProcess[str], status: int, *words: str) -> str:
    """The process exited with `status` and said what is wrong in one line (plus argparse's usage hint)."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if not line.startswith(USAGE_HINT)]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("zwgk: 错误："), errors[0]
    for word in words:
        assert word in errors[0], errors[0]
    assert result.returncode == status, (result.returncode, result.stderr)
    return errors[0]


def test_unknown_kind_is_refused_with_the_kinds_that_exist(tmp_path: Path) -> None:
    result = run_zwgk(tmp_path, "check", UNREACHED, "--kind", "city")
    assert_one_line_error(result, EXIT_USAGE, "city", "county", "department")


@pytest.mark.parametrize("url", ["notaurl", "www.yunxi.gov.cn", "ftp://ftp.yunxi.gov.cn/", "http://",
                                 "javascript:alert(1)", "http://www.yunxi.gov.cn:99999/"])
def test_invalid_url_is_refused_naming_the_url(tmp_path: Path, url: str) -> None:
    result = run_zwgk(tmp_path, "check", url)
    assert_one_line_error(result, EXIT_USAGE, repr(url))


@pytest.mark.parametrize(("option", "value"), [("--as-of", "2026-13-01"), ("--resolve", "www.yunxi.gov.cn"),
                                               ("--max-pages", "0")])
def test_malformed_option_value_is_refused_naming_the_value(tmp_path: Path, option: str, value: str) -> None:
    result = run_zwgk(tmp_path, "check", UNREACHED, option, value)
    assert_one_line_error(result, EXIT_USAGE, value)


@pytest.mark.parametrize("command", [["check", UNREACHED], ["report"]])
def test_output_folder_under_a_regular_file_is_an_output_error(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    out = tmp_path / "a-file" / "report"  # works as root too, where chmod would not block a write
    result = run_zwgk(tmp_path, *command, "--out", str(out), "--db", str(tmp_path / "zwgk.sqlite"))
    assert_one_line_error(result, EXIT_OUTPUT, str(out))
    assert not (tmp_path / "zwgk.sqlite").exists(), "the database was touched before the output was checked"


@pytest.mark.parametrize("command", [["check", UNREACHED], ["report"]])
def test_file_that_is_not_a_database_is_a_database_error_and_is_left_unchanged(
        tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "notes.sqlite"
    content = "会议纪要：这不是数据库文件。\n" * 200
    db.write_text(content, encoding="utf-8")
    result = run_zwgk(tmp_path, *command, "--out", str(tmp_path / "out"), "--db", str(db))
    assert_one_line_error(result, EXIT_DATABASE, str(db))
    assert db.read_text(encoding="utf-8") == content


def test_database_path_under_a_regular_file_is_a_database_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    result = run_zwgk(tmp_path, "report", "--out", str(tmp_path / "out"),
                      "--db", str(tmp_path / "a-file" / "zwgk.sqlite"))
    assert_one_line_error(result, EXIT_DATABASE, "a-file")


@pytest.fixture
def locked_database(tmp_path: Path) -> Iterator[Path]:
    """A zwgk database another program holds an EXCLUSIVE lock on (no reader or writer may enter)."""
    db = tmp_path / "locked.sqlite"
    Store(f"sqlite:///{db}").engine.dispose()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO scans (target, as_of, ruleset, started, finished, complete, error) "
                   "VALUES ('held', '2026-11-20', '', '', '', 0, '')")
    yield db
    holder.rollback()
    holder.close()


@pytest.mark.parametrize("command", [["check", UNREACHED], ["report"]])
def test_locked_database_is_a_database_error_within_a_minute(locked_database: Path, command: list[str]) -> None:
    tmp_path = locked_database.parent
    started = time.monotonic()
    result = run_zwgk(tmp_path, *command, "--out", str(tmp_path / "out"), "--db", str(locked_database),
                      timeout=90)
    assert time.monotonic() - started < 60
    assert_one_line_error(result, EXIT_DATABASE, str(locked_database))



def test_database_another_writer_holds_is_a_database_error(tmp_path: Path) -> None:
    """The everyday lock: another zwgk (or a DB browser) is writing; readers may enter, writers wait 30 s."""
    db = tmp_path / "busy.sqlite"
    Store(f"sqlite:///{db}").engine.dispose()
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        result = run_zwgk(tmp_path, "check", UNREACHED, "--out", str(tmp_path / "out"), "--db", str(db),
                          timeout=90)
    finally:
        writer.rollback()
        writer.close()
    assert_one_line_error(result, EXIT_DATABASE, str(db))

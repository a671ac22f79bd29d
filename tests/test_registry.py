"""The site registry: valid files load whole; malformed ones are one line naming the line, exit 5."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.cli import EXIT_DATABASE, EXIT_REGISTRY
from crawler.sites import Contact, RegistryError, load_registry, parse_registry

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sites.yaml"

GOOD = """\
sites:
  - name: 云溪县人民政府
    kind: county
    url: http://www.yunxi.gov.cn
    subsites:
      - name: 县司法局
        kind: department
        url: http://sfj.yunxi.gov.cn/
    hints:
      年报: http://www.yunxi.gov.cn/xxgk/ndbg/
    contact: {name: 王工, phone: "0000-1234"}
  - name: 县教育局
    kind: department
    url: https://jyj.yunxi.gov.cn:8443/index.html
    contact: 县教育局办公室
"""


def zwgk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def test_a_valid_registry_loads_every_site_with_its_subsites_hints_and_contact() -> None:
    sites = parse_registry(GOOD)

    assert [s.name for s in sites] == ["云溪县人民政府", "县教育局"]
    county, bureau = sites
    assert county.url == "http://www.yunxi.gov.cn/"  # a bare host gets its path
    assert county.line == 2
    assert [(s.kind, s.url) for s in county.subsites] == [("department", "http://sfj.yunxi.gov.cn/")]
    assert county.hints == (("年报", "http://www.yunxi.gov.cn/xxgk/ndbg/"),)
    assert county.contact == Contact(name="王工", phone="0000-1234")
    assert bureau.url == "https://jyj.yunxi.gov.cn:8443/index.html"
    assert bureau.contact == Contact(name="县教育局办公室")


def test_a_top_level_list_is_accepted_as_well_as_a_sites_key() -> None:
    sites = parse_registry("- {name: 城关镇, kind: township, url: 'http://cgz.yunxi.gov.cn/'}\n")

    assert [(s.name, s.kind) for s in sites] == [("城关镇", "township")]


def test_the_documented_example_registry_is_valid() -> None:
    registry = load_registry(EXAMPLE)

    assert {s.kind for s in registry.sites} == {"county", "department", "township"}
    assert any(s.subsites for s in registry.sites)


MALFORMED = [
    ("bad yaml", "sites:\n  - name: 县政府\n    kind: county\n    url: [http://a.gov.cn/\n", 5, "YAML 格式错误"),
    ("missing url", "sites:\n  - name: 县政府\n    kind: county\n  - name: 县教育局\n    kind: department\n",
     2, "缺少 url"),
    ("unknown kind", "sites:\n  - name: 县政府\n    kind: province\n    url: http://a.gov.cn/\n", 3,
     "未知的站点类型 'province'"),
    ("invalid url", "sites:\n  - name: 县政府\n    kind: county\n    url: www.a.gov.cn\n", 4, "网址无效"),
    ("bad port", "sites:\n  - name: 县政府\n    kind: county\n    url: http://a.gov.cn:99999/\n", 4, "网址无效"),
    ("duplicate url", "sites:\n  - {name: 甲, kind: county, url: 'http://a.gov.cn/'}\n"
     "  - {name: 乙, kind: department, url: 'http://b.gov.cn/'}\n"
     "  - {name: 丙, kind: department, url: 'http://a.gov.cn'}\n", 4, "重复（第 2 行已列出）"),
    ("duplicate subsite url", "sites:\n  - name: 甲\n    kind: county\n    url: http://a.gov.cn/\n"
     "    subsites:\n      - {name: 乙, kind: department, url: 'http://a.gov.cn/'}\n", 6, "重复"),
    ("duplicate key", "sites:\n  - name: 甲\n    kind: county\n    url: http://a.gov.cn/\n    url: http://b.gov.cn/\n",
     5, "字段 'url' 重复出现"),
    ("misspelt field", "sites:\n  - name: 甲\n    kind: county\n    ulr: http://a.gov.cn/\n", 4, "未知字段 'ulr'"),
    ("county as subsite", "sites:\n  - name: 甲\n    kind: county\n    url: http://a.gov.cn/\n    subsites:\n"
     "      - {name: 乙, kind: county, url: 'http://b.gov.cn/'}\n", 6, "未知的站点类型 'county'"),
    ("not a list", "sites: 云溪县\n", 1, "应是一个列表"),
    ("empty file", "# nothing yet\n", 1, "文件是空的"),
    ("empty name", "sites:\n  - name: ''\n    kind: county\n    url: http://a.gov.cn/\n", 2, "非空文字"),
]


@pytest.mark.parametrize(("text", "line", "problem"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_a_malformed_registry_is_an_error_naming_the_file_line_and_problem(text: str, line: int,
                                                                           problem: str) -> None:
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, "sites.yaml")

    message = str(caught.value)
    assert message.startswith(f"站点清单 sites.yaml 第 {line} 行：")
    assert problem in message
    assert "\n" not in message


def test_a_registry_that_is_not_utf8_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "sites.yaml"
    path.write_bytes("- {name: 县政府, kind: county, url: 'http://a.gov.cn/'}\n".encode("gbk"))

    with pytest.raises(RegistryError, match="不是 UTF-8"):
        load_registry(path)


@pytest.mark.parametrize("command", ["scan", "schedule"])
def test_zwgk_refuses_a_malformed_registry_with_one_line_and_exit_5_before_touching_the_database(
        tmp_path: Path, command: str) -> None:
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - name: 县政府\n    kind: county\n    url: ftp://a.gov.cn/\n", encoding="utf-8")
    db = tmp_path / "zwgk.sqlite"

    result = zwgk(command, str(sites), "--db", str(db), "--out", str(tmp_path / "out"), cwd=tmp_path)

    assert result.returncode == EXIT_REGISTRY
    assert result.stderr.strip().count("\n") == 0
    assert f"{sites} 第 4 行" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()


def test_a_file_that_is_not_a_database_is_one_line_and_exit_4(tmp_path: Path) -> None:
    sites = tmp_path / "sites.yaml"
    sites.write_text("- {name: 县政府, kind: county, url: 'http://127.0.0.1:9/'}\n", encoding="utf-8")
    db = tmp_path / "notes.sqlite"
    db.write_text("这不是数据库，只是一段文字。\n" * 200, encoding="utf-8")

    result = zwgk("scan", str(sites), "--db", str(db), "--out", str(tmp_path / "out"), cwd=tmp_path)

    assert result.returncode == EXIT_DATABASE
    assert result.stderr.strip().count("\n") == 0
    assert "not a database" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_database_locked_by_another_program_is_one_line_and_exit_4(tmp_path: Path) -> None:
    sites = tmp_path / "sites.yaml"
    sites.write_text("- {name: 县政府, kind: county, url: 'http://127.0.0.1:9/'}\n", encoding="utf-8")
    db = tmp_path / "zwgk.sqlite"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE other_program (x)")
    holder.execute("BEGIN EXCLUSIVE")  # another program mid-write, in the default rollback-journal mode
    try:
        result = zwgk("report", "--db", str(db), "--out", str(tmp_path / "out"), cwd=tmp_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert result.returncode == EXIT_DATABASE
    assert result.stderr.strip().count("\n") == 0
    assert "locked" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_example_file_documents_every_field_it_uses() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))

    for field in ("name", "kind", "url", "subsites", "hints", "contact", "county", "department", "township"):
        assert field in comments, field
    assert "退出码 5" in comments

"""The `zwgk` command as a user runs it: the demo, a check of one site, the rules table."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from crawler.demo import DEMO_AS_OF, demo_root

ZWGK = [sys.executable, "-m", "crawler.cli"]
FORM_ROWS = {"county": 35, "department": 16}


def run(*args: str, cwd: Path | None = None, timeout: int = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ZWGK, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, check=False)


def test_zwgk_demo_serves_the_bundled_portal_checks_it_and_says_where_the_report_is(tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = run("demo", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"HTML 报告：{(out / 'index.html').resolve()}" in result.stdout
    assert f"JSON 数据：{(out / 'report.json').resolve()}" in result.stdout

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    answers = yaml.safe_load((demo_root() / "answers.yaml").read_text(encoding="utf-8"))
    assert report["scan"]["as_of"] == DEMO_AS_OF
    assert report["scan"]["complete"] is True
    assert len(report["sites"]) == len(answers["sites"])
    for site in report["sites"]:
        assert len(site["findings"]) == FORM_ROWS[site["form"]], site["name"]
        assert (out / "index.html").exists()
    assert not list(out.glob("*.sqlite")), "the demo's database stays out of the report folder's top level"


def test_zwgk_check_of_a_department_site_fills_the_sixteen_rows_of_the_department_form(
        demo_server, tmp_path: Path) -> None:
    args = ["check", demo_server.url("jyj.yunxi.gov.cn"), "--kind", "department", "--as-of", DEMO_AS_OF,
            "--out", str(tmp_path / "out"), "--db", str(tmp_path / "z.sqlite"), "--max-pages", "60"]
    for resolve in demo_server.resolve_args():
        args += ["--resolve", resolve]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    first = report["sites"][0]
    assert (first["kind"], first["form"]) == ("department", "department")
    assert [f["indicator"] for f in first["findings"]] == [f"D{i:02d}" for i in range(1, 17)]


def test_zwgk_rules_lists_all_fifty_one_rows_with_their_checkability() -> None:
    result = run("rules")
    assert result.returncode == 0, result.stderr
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()[1:]]
    assert ids == [f"C{i:02d}" for i in range(1, 36)] + [f"D{i:02d}" for i in range(1, 17)]


@pytest.mark.parametrize(("indicator", "expected"), [("C13", "annual-report-on-time"), ("d08", "D08")])
def test_zwgk_rules_with_an_id_prints_that_rules_documentation(indicator: str, expected: str) -> None:
    result = run("rules", indicator)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_zwgk_rules_with_an_unknown_id_is_a_one_line_error() -> None:
    result = run("rules", "X99")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("zwgk: 错误：")
    assert "X99" in result.stderr


def test_zwgk_check_with_the_2019_ruleset_holds_departments_to_the_31_january_deadline(
        demo_server, tmp_path: Path) -> None:
    args = ["check", demo_server.url(), "--ruleset", "2019", "--as-of", DEMO_AS_OF,
            "--out", str(tmp_path / "out"), "--db", str(tmp_path / "z.sqlite")]
    for resolve in demo_server.resolve_args():
        args += ["--resolve", resolve]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    c13 = next(f for f in report["sites"][0]["findings"] if f["indicator"] == "C13")
    # 教育局 published on 2026-03-10: on time under the 2008 Regulation, late under the 2019 one.
    assert "云溪县教育局2025年度报告于 2026-03-10 发布，晚于截止日 2026-01-31" in c13["summary"]

"""`zwgk schedule`: a cron job kept in zwgk's database that survives restarts and runs real scans."""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

from crawler.cli import EXIT_USAGE, UserError
from crawler.schedule import TIMEZONE, build_scheduler, job_id_for, parse_cron
from crawler.store import Store


def schedule_args(sites: Path, cron: str = "0 2 * * *", **extra: object) -> argparse.Namespace:
    values = {"sites": sites, "cron": cron, "grace": 3600, "concurrency": 2, "max_pages": None, "resolve": [],
              "site_timeout": 3600, "strict_resolve": False, **extra}
    return argparse.Namespace(**values)


def test_the_default_trigger_is_two_in_the_morning_shanghai_time() -> None:
    trigger = parse_cron("0 2 * * *")
    after = datetime(2026, 11, 20, 12, 0, tzinfo=TIMEZONE)

    assert trigger.get_next_fire_time(None, after) == datetime(2026, 11, 21, 2, 0, tzinfo=TIMEZONE)


def test_a_six_field_cron_has_seconds_first() -> None:
    trigger = parse_cron("30 15 2 * * *")
    after = datetime(2026, 11, 20, 12, 0, tzinfo=TIMEZONE)

    assert trigger.get_next_fire_time(None, after) == datetime(2026, 11, 21, 2, 15, 30, tzinfo=TIMEZONE)


@pytest.mark.parametrize("expr", ["0 2 * *", "61 2 * * *", "every night"])
def test_a_bad_cron_expression_is_a_usage_error(expr: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_cron(expr)

    assert caught.value.status == EXIT_USAGE
    assert repr(expr) in str(caught.value)


def test_the_job_id_is_stable_per_registry_file_and_differs_between_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"

    assert job_id_for(a) == job_id_for(tmp_path / "." / "a.yaml")
    assert job_id_for(a) != job_id_for(b)


def start_in_thread(scheduler) -> threading.Thread:  # noqa: ANN001 - a BlockingScheduler
    thread = threading.Thread(target=scheduler.start, kwargs={"paused": True}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not scheduler.running and time.monotonic() < deadline:
        time.sleep(0.05)
    return thread


def set_next_run(store: Store, job_id: str, when: datetime) -> None:
    jobs = SQLAlchemyJobStore(engine=store.engine)
    jobs.start(None, "test")
    job = jobs.lookup_job(job_id)
    job.next_run_time = when
    jobs.update_job(job)


def jobs_in(db: Path) -> list[tuple[str, float]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, next_run_time FROM apscheduler_jobs").fetchall()


def test_a_restart_with_the_same_trigger_keeps_a_missed_run_so_it_still_runs_once(tmp_path: Path) -> None:
    db = tmp_path / "zwgk.sqlite"
    store = Store(f"sqlite:///{db}")
    sites = tmp_path / "sites.yaml"
    first, job_id = build_scheduler(schedule_args(sites), tmp_path / "out", store)
    thread = start_in_thread(first)
    first.shutdown(wait=False)
    thread.join(10)
    missed = datetime.now(TIMEZONE).replace(microsecond=0) - timedelta(minutes=20)
    set_next_run(store, job_id, missed)  # the process was down when the job was due

    again, _ = build_scheduler(schedule_args(sites), tmp_path / "out", store)
    changed, _ = build_scheduler(schedule_args(sites, cron="0 3 * * *"), tmp_path / "out", store)

    assert [row[0] for row in jobs_in(db)] == [job_id]
    assert again.get_job(job_id).next_run_time == missed
    assert not hasattr(changed.get_job(job_id), "next_run_time")  # a new trigger computes a new time


# -- the real thing: `zwgk schedule` as a process, scanning the demo portal -------------------------------


def wait_for(predicate, timeout: float, what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def complete_scans(db: Path) -> list[int]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        try:
            return [r[0] for r in conn.execute("SELECT id FROM scans WHERE complete = 1 ORDER BY id")]
        except sqlite3.OperationalError:
            return []


def start_schedule(sites: Path, db: Path, out: Path, cron: str, resolve: list[str], log: Path,
                   ) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "crawler.cli", "schedule", str(sites), "--db", str(db), "--out", str(out),
               "--cron", cron, "--max-pages", "30", "--concurrency", "2", "--site-timeout", "240", "--strict-resolve"]
    for entry in resolve:
        command += ["--resolve", entry]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)


def stop(process: subprocess.Popen[bytes]) -> int:
    process.send_signal(signal.SIGTERM)
    return process.wait(90)


def next_runs(log: Path) -> list[str]:
    return [line.split("：", 1)[1] for line in log.read_text(encoding="utf-8").splitlines()
            if line.startswith("下次运行：")]


def test_schedule_runs_a_real_scan_on_time_and_keeps_its_job_across_a_restart(demo_server, tmp_path: Path) -> None:
    from crawler.demo import PORTAL_HOST

    sites = tmp_path / "sites.yaml"
    sites.write_text(f"- name: 云溪县人民政府\n  kind: county\n  url: {demo_server.url(PORTAL_HOST)}\n",
                     encoding="utf-8")
    db, out = tmp_path / "zwgk.sqlite", tmp_path / "report"
    at = datetime.now(TIMEZONE) + timedelta(seconds=8)
    cron = f"{at.second} {at.minute} {at.hour} * * *"  # once a day, eight seconds from now
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"

    process = start_schedule(sites, db, out, cron, demo_server.resolve_args(), first_log)
    try:
        wait_for(lambda: complete_scans(db), 240, "the scheduled scan to complete")
        wait_for(lambda: "定时扫描结束" in first_log.read_text(encoding="utf-8"), 30, "the job to finish")
    finally:
        status = stop(process)

    assert status == 0, first_log.read_text(encoding="utf-8")
    assert (out / "index.html").is_file()
    stored = jobs_in(db)
    assert [row[0] for row in stored] == [job_id_for(sites)]
    tomorrow = at.replace(microsecond=0) + timedelta(days=1)
    assert next_runs(first_log)[-1] == tomorrow.isoformat()

    process = start_schedule(sites, db, out, cron, demo_server.resolve_args(), second_log)
    try:
        wait_for(lambda: next_runs(second_log), 30, "the restarted scheduler to announce its next run")
    finally:
        status = stop(process)

    assert status == 0, second_log.read_text(encoding="utf-8")
    assert next_runs(second_log) == [tomorrow.isoformat()]
    assert jobs_in(db) == stored
    assert len(complete_scans(db)) == 1  # the restart did not run the scan again

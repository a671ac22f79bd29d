"""`zwgk schedule SITES.yaml`: nightly scans by APScheduler, its job kept in zwgk's own database.

Why a child process per scan (`python -m crawler.cli scan …`) and not APScheduler's
TwistedScheduler beside Scrapy's CrawlerRunner in one reactor: Twisted's reactor cannot be
restarted, so one reactor would have to live for months; every crawl's memory (fingerprints,
queues, lxml trees) would stay in the one long-lived process; a crash or a hung site would take
the scheduler down with it; and `zwgk scan` already runs each site in its own child. A child
per scan costs one interpreter start a night, returns all its memory when it ends, and makes a
scheduled scan exactly the scan a person runs by hand.

Restart-safe: the job (a module-level function and plain-string arguments, so it pickles as a
reference) lives in the `apscheduler_jobs` table under a stable id per registry file; a restart
with the same trigger keeps the stored next run time, so a run missed while the process was down
runs once on start if it is within `--grace` seconds (coalesce). `max_instances=1`: never two
scans at once. SIGTERM/SIGINT stop the running scan child (it records itself as incomplete), shut
the scheduler down and exit 0.

For tests and trials `--cron` takes six fields, the first being seconds ("30 15 2 * * *").
Beware APScheduler 3's weekday numbering: 0 is Monday; write mon–sun to be clear.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import signal
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from crawler.store import Store

log = logging.getLogger(__name__)

TIMEZONE = ZoneInfo("Asia/Shanghai")
JOBS_TABLE = "apscheduler_jobs"
STOP_SECONDS = 30  # how long a stopped scan child may take to record itself before it is killed

_running: dict[str, subprocess.Popen[bytes]] = {}  # job id -> the scan child it is running
_lock = threading.Lock()


def job_id_for(sites: Path) -> str:
    """A stable job id per registry file, so a restart replaces the one job instead of adding another."""
    digest = hashlib.sha1(str(sites.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"zwgk-scan-{digest}"


def parse_cron(expr: str) -> CronTrigger:
    """Five crontab fields (minute hour day month weekday) or six with seconds first; Asia/Shanghai."""
    from crawler.cli import EXIT_USAGE, UserError

    values = expr.split()
    names = ["minute", "hour", "day", "month", "day_of_week"]
    if len(values) == 6:
        names = ["second", *names]
    elif len(values) != 5:
        raise UserError(f"cron 表达式应有 5 个字段（分 时 日 月 周）或 6 个字段（秒 分 时 日 月 周）：{expr!r}",
                        EXIT_USAGE)
    try:
        return CronTrigger(**dict(zip(names, values, strict=True)), timezone=TIMEZONE)
    except ValueError as exc:
        raise UserError(f"cron 表达式无效：{expr!r}（{exc}）", EXIT_USAGE) from exc


def scan_argv(args: argparse.Namespace, db_url: str, out: Path) -> list[str]:
    """The `zwgk scan` arguments a scheduled run uses: plain strings, stored with the job."""
    argv = ["scan", str(args.sites.resolve()), "--db", db_url, "--out", str(out.resolve()),
            "--concurrency", str(args.concurrency), "--site-timeout", str(args.site_timeout)]
    if args.max_pages:
        argv += ["--max-pages", str(args.max_pages)]
    for entry in args.resolve:
        argv += ["--resolve", entry]
    if args.strict_resolve:
        argv.append("--strict-resolve")
    return argv


def run_scheduled_scan(job_id: str, argv: list[str]) -> int:
    """The job: run `zwgk scan` in a child process and wait for it. Module-level, so it pickles by name."""
    command = [sys.executable, "-m", "crawler.cli", *argv]
    started = datetime.now(TIMEZONE).isoformat(timespec="seconds")
    print(f"{started} 开始定时扫描：{argv[1]}", flush=True)
    with _lock:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        _running[job_id] = process
    try:
        status = process.wait()
    finally:
        with _lock:
            _running.pop(job_id, None)
    ended = datetime.now(TIMEZONE).isoformat(timespec="seconds")
    print(f"{ended} 定时扫描结束，退出码 {status}", flush=True)
    return status


def stop_running_scans() -> None:
    """Ask every running scan child to stop (it marks its scan incomplete), then make sure it has."""
    with _lock:
        children = list(_running.values())
    for process in children:
        if process.poll() is None:
            process.terminate()
    for process in children:
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()


def _stored_next_run(store: Store, job_id: str, trigger: CronTrigger, argv: list[str]) -> datetime | None:
    """The next run time already stored for this job, when the stored job has the same trigger and arguments."""
    probe = SQLAlchemyJobStore(engine=store.engine, tablename=JOBS_TABLE)
    probe.start(None, "probe")  # type: ignore[arg-type] - reading a job needs no scheduler
    try:
        job = probe.lookup_job(job_id)
    except Exception:  # an unreadable stored job (another version's pickle): replace it
        log.warning("stored job %s could not be read; it is replaced", job_id, exc_info=True)
        return None
    if job is None or str(job.trigger) != str(trigger) or list(job.args) != [job_id, argv]:
        return None
    return job.next_run_time


def build_scheduler(args: argparse.Namespace, out: Path, store: Store) -> tuple[BlockingScheduler, str]:
    """A scheduler with the registry's one job in the database; returns it and the job id."""
    trigger = parse_cron(args.cron)
    job_id = job_id_for(args.sites)
    argv = scan_argv(args, store.url, out)
    scheduler = BlockingScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=store.engine, tablename=JOBS_TABLE)},
        executors={"default": {"type": "threadpool", "max_workers": 1}},
        timezone=TIMEZONE,
    )
    options = {"id": job_id, "name": f"zwgk scan {args.sites}", "args": [job_id, argv], "trigger": trigger,
               "coalesce": True, "misfire_grace_time": args.grace, "max_instances": 1, "replace_existing": True}
    stored = _stored_next_run(store, job_id, trigger, argv)
    if stored is not None:
        options["next_run_time"] = stored  # keep a missed run, so it runs once within the grace time
    scheduler.add_job(run_scheduled_scan, **options)
    return scheduler, job_id


def run_schedule(args: argparse.Namespace, out: Path, store: Store) -> int:
    """`zwgk schedule`: block, running the registry's scan on the cron trigger, until SIGTERM or SIGINT."""
    from crawler.cli import EXIT_OK

    scheduler, job_id = build_scheduler(args, out, store)

    def announce_next(event: JobExecutionEvent | None = None) -> None:
        if event is not None and event.code == EVENT_JOB_MISSED:
            print(f"错过了 {event.scheduled_run_time} 的运行（超过 {args.grace} 秒宽限），跳过", flush=True)
        job = scheduler.get_job(job_id)
        when = job.next_run_time.isoformat() if job and job.next_run_time else "无"
        print(f"下次运行：{when}", flush=True)

    def stop(signum: int, _frame: FrameType | None) -> None:
        print(f"收到信号 {signal.Signals(signum).name}，停止定时扫描……", flush=True)
        threading.Thread(target=_shutdown, args=(scheduler,), daemon=True).start()

    scheduler.add_listener(announce_next, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"定时扫描 {args.sites}（cron “{args.cron}”，Asia/Shanghai，任务 {job_id}，数据库 {store.url}）",
          flush=True)
    job = _first_run_time(scheduler, job_id)
    print(f"下次运行：{job}", flush=True)
    scheduler.start()  # blocks until shutdown
    print("定时扫描已停止。", flush=True)
    return EXIT_OK


def _first_run_time(scheduler: BlockingScheduler, job_id: str) -> str:
    job = scheduler.get_job(job_id)  # still pending: its time is known once added to the store
    when = getattr(job, "next_run_time", None) if job else None
    if when is None:
        trigger = job.trigger if job else None
        when = trigger.get_next_fire_time(None, datetime.now(TIMEZONE)) if trigger else None
    return when.isoformat() if when else "无"


def _shutdown(scheduler: BlockingScheduler) -> None:
    stop_running_scans()
    scheduler.shutdown(wait=True)


__all__ = ["build_scheduler", "job_id_for", "parse_cron", "run_schedule", "run_scheduled_scan", "scan_argv",
           "stop_running_scans"]

"""The `zwgk` command: check one portal, run the demo, list rules, scan a registry, report, schedule.

Errors a user can fix are one line on stderr with a documented exit status; tracebacks are for bugs.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from crawler import __version__

if TYPE_CHECKING:
    from crawler.run import CheckRequest
    from crawler.store import Store

# Exit statuses, documented in the README.
EXIT_OK = 0
EXIT_USAGE = 2  # bad arguments: invalid URL, unknown kind, bad date, bad --resolve
EXIT_OUTPUT = 3  # the output folder cannot be written
EXIT_DATABASE = 4  # the database cannot be opened, is locked, or is not a database
EXIT_REGISTRY = 5  # the sites file is malformed
EXIT_FAILED = 6  # the check itself failed (a bug or an interrupted crawl); the store keeps the last complete scan

KINDS = ("county", "department", "township")


class UserError(Exception):
    """A mistake the user can fix; printed as one line."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def today_in_shanghai() -> date:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


def parse_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"不是有效的网址（需要 http:// 或 https:// 开头）：{value!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"网址的端口无效：{value!r}") from exc
    return parts.geturl() if parts.path else parts.geturl() + "/"


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD：{value!r}") from exc


def parse_resolve(value: str) -> str:
    """curl's HOST:PORT:ADDR (ADDR may be an [IPv6] literal)."""
    host, sep1, rest = value.partition(":")
    port, sep2, addr = rest.partition(":")
    if not (host and sep1 and sep2 and port.isdigit() and addr):
        raise argparse.ArgumentTypeError(f"--resolve 的格式应为 HOST:PORT:ADDR：{value!r}")
    return value


def positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{value!r}")
    return int(value)


# argparse's own messages, in the users' language. argparse looks its `_` up at call time,
# so the few messages a user can meet are translated here; the rest stay as argparse wrote them.
ARGPARSE_MESSAGES = {
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的取值：%(value)r",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个取值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
}
argparse._ = lambda text: ARGPARSE_MESSAGES.get(text, text)  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """argparse that says what is wrong in one line and exits with EXIT_USAGE."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"zwgk: 错误：{message}（用法见 {self.prog} --help）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="zwgk", description="政务公开网站自动检查：抓取政府门户网站及其部门、乡镇子站，预填考核细则。")
    parser.add_argument("--version", action="version", version=f"zwgk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the crawler's log")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    check = sub.add_parser("check", help="检查一个门户网站及其子站")
    check.add_argument("url", type=parse_url)
    check.add_argument("--kind", choices=KINDS, default="county", help="表格：county（县市区）或 department（市直部门单位）")
    check.add_argument("--as-of", type=parse_date, default=None, help="按此日期评判（默认：上海时间今天）")
    check.add_argument("--resolve", type=parse_resolve, action="append", default=[], metavar="HOST:PORT:ADDR")
    check.add_argument("--max-pages", type=positive_int, default=None, help="每个站点最多抓取的页面数")
    check.add_argument("--out", type=Path, default=Path("zwgk-report"), help="报告输出目录")
    check.add_argument("--name", default="", help="站点名称（默认取首页标题）")
    check.add_argument("--db", default=None, help="数据库 URL（默认 $ZWGK_DB 或 ~/.local/share/zwgk/zwgk.sqlite）")
    check.add_argument("--ruleset", choices=("2013", "2019"), default="2013",
                       help="规则版本：2013（考核细则，2008年条例，年报3月31日前）或 2019（2019年条例：部门1月31日前）")
    check.add_argument("--ignore-robots", action="store_true", help="不遵守 robots.txt（仅用于自己的网站）")

    demo = sub.add_parser("demo", help="启动内置示例门户网站并检查它")
    demo.add_argument("--out", type=Path, default=Path("zwgk-demo-report"))
    demo.add_argument("--db", default=None)
    demo.add_argument("--max-pages", type=positive_int, default=None)

    rules = sub.add_parser("rules", help="列出考核细则的每一行，或显示一条规则的说明")
    rules.add_argument("indicator", nargs="?", help="指标编号，如 C13")

    scan = sub.add_parser("scan", help="按站点清单扫描所有网站")
    scan.add_argument("sites", type=Path)
    scan.add_argument("--as-of", type=parse_date, default=None)
    scan.add_argument("--out", type=Path, default=Path("zwgk-report"))
    scan.add_argument("--db", default=None)
    scan.add_argument("--max-pages", type=positive_int, default=None)
    scan.add_argument("--concurrency", type=positive_int, default=2, help="同时扫描的站点数")
    scan.add_argument("--resolve", type=parse_resolve, action="append", default=[], metavar="HOST:PORT:ADDR")
    scan.add_argument("--strict-resolve", action="store_true", help=argparse.SUPPRESS)  # tests: loopback only
    scan.add_argument("--site-timeout", type=positive_int, default=3600, help="单个站点抓取的最长秒数，超时记为无法访问")

    report = sub.add_parser("report", help="从数据库重新生成报告")
    report.add_argument("--scan", type=positive_int, default=None, help="扫描编号（默认最近一次完整扫描）")
    report.add_argument("--out", type=Path, default=Path("zwgk-report"))
    report.add_argument("--db", default=None)

    schedule = sub.add_parser("schedule", help="每晚定时扫描站点清单（长期运行）")
    schedule.add_argument("sites", type=Path)
    schedule.add_argument("--cron", default="0 2 * * *",
                          help="cron 表达式，上海时间（默认每天 02:00）；5 个字段：分 时 日 月 周，"
                               "或 6 个字段：秒 分 时 日 月 周（测试用）")
    schedule.add_argument("--out", type=Path, default=Path("zwgk-report"))
    schedule.add_argument("--db", default=None)
    schedule.add_argument("--max-pages", type=positive_int, default=None)
    schedule.add_argument("--concurrency", type=positive_int, default=2)
    schedule.add_argument("--grace", type=positive_int, default=3600, help="错过的运行在多少秒内仍补跑一次")
    schedule.add_argument("--resolve", type=parse_resolve, action="append", default=[], metavar="HOST:PORT:ADDR")
    schedule.add_argument("--strict-resolve", action="store_true", help=argparse.SUPPRESS)  # tests: loopback only
    schedule.add_argument("--site-timeout", type=positive_int, default=3600)
    return parser


def ensure_writable(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".zwgk-write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise UserError(f"无法写入输出目录 {folder}：{exc.strerror or exc}", EXIT_OUTPUT) from exc
    return folder


def open_store(db: str | None):  # -> Store, imported lazily so `zwgk rules` stays light
    from crawler.store import Store, StoreError

    if db and "://" not in db:
        db = f"sqlite:///{Path(db).expanduser().resolve()}"
    try:
        return Store(db)
    except StoreError as exc:
        raise UserError(str(exc), EXIT_DATABASE) from exc


def cmd_check(args: argparse.Namespace) -> int:
    from crawler.run import CheckRequest, check

    out = ensure_writable(args.out)
    store = open_store(args.db)
    request = CheckRequest(url=args.url, kind=args.kind, as_of=args.as_of or today_in_shanghai(),
                           resolve=tuple(args.resolve), max_pages=args.max_pages, out=out, name=args.name,
                           obey_robots=not args.ignore_robots, edition=args.ruleset,
                           on_progress=terminal_progress())
    print(f"正在检查 {args.url}（含部门、乡镇子站），按 {request.as_of} 评判……", flush=True)
    print_outcome(request, store, check(request, store))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from crawler.demo import DEMO_AS_OF, PORTAL_HOST, DemoServer
    from crawler.run import CheckRequest, check

    out = ensure_writable(args.out)
    store = open_store(args.db or f"sqlite:///{(out / '.zwgk' / 'zwgk-demo.sqlite').resolve()}")
    with DemoServer() as server:
        print(f"示例门户网站已在 {server.url(PORTAL_HOST)} 启动（仅 127.0.0.1），按 {DEMO_AS_OF} 评判……", flush=True)
        request = CheckRequest(url=server.url(PORTAL_HOST), kind="county", as_of=date.fromisoformat(DEMO_AS_OF),
                               resolve=tuple(server.resolve_args()), max_pages=args.max_pages, out=out,
                               strict_resolve=True, on_progress=terminal_progress())
        scan_id = check(request, store)
    print_outcome(request, store, scan_id)
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from rules.describe import describe_rule, rules_table

    if args.indicator:
        text = describe_rule(args.indicator.upper())
        if text is None:
            raise UserError(f"没有编号为 {args.indicator} 的指标（用 `zwgk rules` 查看全部）")
        print(text)
    else:
        print(rules_table())
    return EXIT_OK


def load_sites(path: Path):  # -> crawler.sites.Registry; the whole file is checked before anything runs
    from crawler.sites import RegistryError, load_registry

    try:
        return load_registry(path)
    except RegistryError as exc:
        raise UserError(str(exc), EXIT_REGISTRY) from exc


def cmd_scan(args: argparse.Namespace) -> int:
    from crawler.scan import run_scan

    args.registry = load_sites(args.sites)
    return run_scan(args, ensure_writable(args.out), open_store(args.db))


def cmd_report(args: argparse.Namespace) -> int:
    from crawler.history import scan_with_changes
    from reports import write_report

    out = ensure_writable(args.out)
    store = open_store(args.db)
    if args.scan is not None:
        row = store.scan_row(args.scan)
        if row is None:
            raise UserError(f"数据库中没有编号为 {args.scan} 的扫描记录")
        if not row["complete"]:
            print(f"注意：扫描 #{args.scan} 未完成（{row['error'] or '被中断'}），报告可能缺少站点或结论。",
                  file=sys.stderr)
    scan_id = args.scan or store.latest_complete_scan()
    if scan_id is None:
        raise UserError("数据库中还没有完整的扫描记录；先运行 `zwgk check` 或 `zwgk scan`。")
    write_report(scan_with_changes(store, scan_id), out)
    print(f"扫描 #{scan_id} 的报告已生成。")
    print_report_paths(out)
    return EXIT_OK


def cmd_schedule(args: argparse.Namespace) -> int:
    from crawler.schedule import run_schedule

    args.registry = load_sites(args.sites)
    return run_schedule(args, ensure_writable(args.out), open_store(args.db))


def terminal_progress() -> Callable[[int], None] | None:
    """On a terminal, a line that counts the pages crawled; in a log or a pipe, nothing."""
    if not sys.stderr.isatty():
        return None

    def show(pages: int) -> None:
        print(f"\r  已抓取 {pages} 个页面……", end="", file=sys.stderr, flush=True)

    return show


def print_outcome(request: CheckRequest, store: Store, scan_id: int) -> None:
    """After a check: end the progress line, one line per site, where the report is."""
    if request.on_progress:
        print(file=sys.stderr)
    print_summary(store, scan_id)
    print_report_paths(request.out)


def print_summary(store: Store, scan_id: int) -> None:
    """One line per site: its name, role, pages and the count of each verdict."""
    from rules.model import VERDICT_LABELS, Verdict

    roles = {"portal": "门户", "department": "部门", "township": "乡镇"}
    for site in store.scan_result(scan_id).sites:
        counts = {v: sum(f.verdict is v for f in site.findings) for v in Verdict}
        verdicts = " ".join(f"{VERDICT_LABELS[v]} {n}" for v, n in counts.items() if n)
        state = f"无法访问（{site.reason}）" if site.status != "ok" else f"{site.pages} 页"
        print(f"  {site.name}［{roles.get(site.role, site.role)}］{state}：{verdicts}")


def print_report_paths(out: Path) -> None:
    print(f"HTML 报告：{(out / 'index.html').resolve()}")
    print(f"JSON 数据：{(out / 'report.json').resolve()}")


COMMANDS = {"check": cmd_check, "demo": cmd_demo, "rules": cmd_rules, "scan": cmd_scan, "report": cmd_report,
            "schedule": cmd_schedule}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        os.environ.setdefault("ZWGK_QUIET", "1")
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"zwgk: 错误：{exc}", file=sys.stderr)
        return exc.status
    except BrokenPipeError:  # `zwgk rules | head`: the reader left; not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing at exit
        return EXIT_OK
    except KeyboardInterrupt:
        print("zwgk: 已中断；数据库中保留上一次完整的扫描。", file=sys.stderr)
        return 130
    except Exception as exc:  # the database failing mid-run, or a bug: one line, the traceback with -v
        from sqlalchemy.exc import DBAPIError

        from crawler.store import default_db_url

        if isinstance(exc, DBAPIError):
            detail = str(exc.orig).splitlines()[0] if exc.orig else exc.__class__.__name__
            where = getattr(args, "db", None) or default_db_url()
            print(f"zwgk: 错误：数据库 {where} 无法使用（{detail}）；请确认没有其他程序正在写入，或用 --db 换一个数据库。",
                  file=sys.stderr)
            return EXIT_DATABASE
        if args.verbose:
            logging.getLogger("zwgk").exception("unexpected error")
        print(f"zwgk: 错误：检查未能完成（{exc.__class__.__name__}: {exc}）；数据库中保留上一次完整的扫描。"
              "加 -v 可查看详细信息。", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())

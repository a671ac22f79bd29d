"""The demo portal's server over real HTTP: host selection, link rewriting, revalidation, the log; and its data."""

from __future__ import annotations

import http.client
import re

import pytest
import yaml
from pypdf import PdfReader

from crawler.demo import DEMO_AS_OF, PORTAL_HOST, DemoServer, demo_hosts, demo_root

COUNTY_ROWS = [f"C{n:02d}" for n in range(1, 36)]
DEPARTMENT_ROWS = [f"D{n:02d}" for n in range(1, 17)]


def fetch(server: DemoServer, host: str, path: str, headers: dict[str, str] | None = None,
          method: str = "GET", target: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.putrequest(method, target or path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", f"{host}:{server.port}")
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_each_host_header_selects_its_own_site_folder(demo_server: DemoServer) -> None:
    _, _, portal = fetch(demo_server, PORTAL_HOST, "/")
    _, _, education = fetch(demo_server, "jyj.yunxi.gov.cn", "/")
    assert "<title>云溪县人民政府</title>" in portal.decode()
    assert "<title>云溪县教育局</title>" in education.decode()


def test_absolute_form_request_line_selects_the_site_like_a_proxy_request(demo_server: DemoServer) -> None:
    status, _, body = fetch(demo_server, "ignored.example", "/", target=f"http://jyj.yunxi.gov.cn:{demo_server.port}/")
    assert status == 200
    assert "云溪县教育局" in body.decode()


@pytest.mark.parametrize("path", ["/../jyj.yunxi.gov.cn/index.html", "/%2e%2e/jyj.yunxi.gov.cn/index.html",
                                  "/..%2f..%2fanswers.yaml", "/%00"])
def test_paths_resolving_outside_the_site_folder_are_refused(demo_server: DemoServer, path: str) -> None:
    status, _, body = fetch(demo_server, PORTAL_HOST, path)
    assert status == 404
    assert "云溪县教育局" not in body.decode("utf-8", "replace")


def test_unknown_and_dead_hosts_get_a_404_page(demo_server: DemoServer) -> None:
    for host in ["sfj.yunxi.gov.cn", "zwfw.example-province.gov.cn"]:
        status, headers, body = fetch(demo_server, host, "/")
        assert status == 404
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert "页面不存在" in body.decode()


def test_links_to_demo_hosts_get_the_server_port_in_a_utf8_page(demo_server: DemoServer) -> None:
    _, _, body = fetch(demo_server, PORTAL_HOST, "/")
    page = body.decode("utf-8")
    port = demo_server.port
    assert f'href="http://jyj.yunxi.gov.cn:{port}/"' in page
    assert f'href="http://www.yunxi.gov.cn:{port}/bm/sthjj/"' in page
    assert f'href="http://sfj.yunxi.gov.cn:{port}/"' in page  # dead, but still routed to us (404), never to port 80
    assert 'href="http://zwfw.example-province.gov.cn/"' in page  # offsite links are left alone
    assert not re.search(r"http://[a-z]+\.yunxi\.gov\.cn/", page)


def test_links_to_demo_hosts_get_the_server_port_in_a_gbk_page(demo_server: DemoServer) -> None:
    status, headers, body = fetch(demo_server, "czj.yunxi.gov.cn", "/")
    page = body.decode("gbk")  # strict: the rewrite must not break a multi-byte character
    assert status == 200
    assert headers["content-type"] == "text/html"  # the charset is only in <meta>, as on many real sites
    assert 'charset=gbk' in page
    assert f'href="http://www.yunxi.gov.cn:{demo_server.port}/">云溪县人民政府</a>' in page


def test_one_page_declares_utf8_in_its_header_while_the_body_is_gbk(demo_server: DemoServer) -> None:
    _, headers, body = fetch(demo_server, PORTAL_HOST, "/zfxxgk/gkml/")
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "政府信息公开目录" in body.decode("gbk")


def test_etag_revalidation_answers_304_without_a_body(demo_server: DemoServer) -> None:
    _, headers, _ = fetch(demo_server, PORTAL_HOST, "/zfxxgk/")
    status, again, body = fetch(demo_server, PORTAL_HOST, "/zfxxgk/", {"If-None-Match": headers["etag"]})
    assert status == 304
    assert body == b""
    assert again["etag"] == headers["etag"]


def test_if_modified_since_answers_304_until_the_file_changes(demo_server: DemoServer) -> None:
    _, headers, _ = fetch(demo_server, PORTAL_HOST, "/robots.txt")
    assert fetch(demo_server, PORTAL_HOST, "/robots.txt", {"If-Modified-Since": headers["last-modified"]})[0] == 304
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert fetch(demo_server, PORTAL_HOST, "/robots.txt", {"If-Modified-Since": old})[0] == 200


def test_a_folder_without_its_slash_redirects_to_the_slash(demo_server: DemoServer) -> None:
    status, headers, _ = fetch(demo_server, PORTAL_HOST, "/zfxxgk")
    assert status == 301
    assert headers["location"] == "/zfxxgk/"


def test_calendar_links_the_next_month_forever(demo_server: DemoServer) -> None:
    _, _, body = fetch(demo_server, PORTAL_HOST, "/calendar/?month=2099-12")
    assert 'href="/calendar/?month=2100-01">下个月' in body.decode()


def test_request_log_records_method_host_path_and_status(demo_server: DemoServer) -> None:
    fetch(demo_server, "wjw.yunxi.gov.cn", "/zwgk/?from=log-test", method="HEAD")
    fetch(demo_server, "sfj.yunxi.gov.cn", "/")
    log = demo_server.requests()
    assert ("HEAD", "wjw.yunxi.gov.cn", "/zwgk/?from=log-test", 200) in log
    assert ("GET", "sfj.yunxi.gov.cn", "/", 404) in log
    assert not any(host == PORTAL_HOST and path.startswith("/search/") for _, host, path, _ in log)


def test_demo_hosts_include_the_dead_host_named_in_the_answer_key() -> None:
    hosts = demo_hosts()
    assert {PORTAL_HOST, "jyj.yunxi.gov.cn", "czj.yunxi.gov.cn", "sfj.yunxi.gov.cn"} <= set(hosts)
    assert not (demo_root() / "sites" / "sfj.yunxi.gov.cn").exists()


def test_answer_key_gives_every_site_a_verdict_for_every_row_of_its_form() -> None:
    key = yaml.safe_load((demo_root() / "answers.yaml").read_text(encoding="utf-8"))
    assert key["as_of"] == DEMO_AS_OF
    allowed = {"met", "partial", "not_met", "manual", "unreachable"}
    for site in key["sites"]:
        rows = DEPARTMENT_ROWS if site["kind"] == "department" else COUNTY_ROWS
        assert list(site["verdicts"]) == rows, site["url"]
        assert all(v["verdict"] in allowed and v["why"] for v in site["verdicts"].values()), site["url"]
        if site["status"] == "unreachable":
            assert {v["verdict"] for v in site["verdicts"].values()} == {"unreachable"}


def test_annual_report_pdf_names_the_year_on_its_first_page_while_the_list_link_does_not() -> None:
    folder = demo_root() / "sites" / PORTAL_HOST / "zfxxgk" / "ndbg"
    first_page = PdfReader(next(folder.glob("202603/*.pdf"))).pages[0].extract_text()
    assert "2025年度政府信息公开" in first_page
    assert ">云溪县人民政府政府信息公开工作年度报告</a>" in (folder / "index.html").read_text(encoding="utf-8")

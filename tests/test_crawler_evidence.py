"""Evidence from one HTML page: titles, places, image links, list dates, footers, charsets, sub-site blocks."""

from __future__ import annotations

import pytest

from crawler.evidence import page_from_bytes

PORTAL = "http://www.yunxi.gov.cn:8000/"

HOME = """<html><head><meta charset="{charset}"><title>云溪县人民政府</title>
<meta name="SiteIDCode" content="5301000001"><meta name="ColumnName" content="首页">
<meta name="PubDate" content="2026-11-18 09:30"></head><body>
<div class="header"><a href="/"><img src="/images/logo.png" alt="云溪县人民政府"></a></div>
<div class="nav"><ul><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年报</div>
<div class="left-box"><a href="/xxgk/"><img src="/images/xxgk_rk.png"></a></div>
<ul class="list"><li><a href="/art/1.html" title="云溪县2025年政府信息公开工作年度报告">云溪县2025年…</a><span>2026-01-20</span></li>
<li><a href="/art/2.html">关于春节放假的通知</a> [2025年12月3日]</li><li><a href="/art/3.html">无日期</a></li></ul>
<div class="bmwz"><h3>部门网站</h3><ul><li><a href="http://jyj.yunxi.gov.cn/">县教育局</a></li>
<li><a href="/bm/sthjj/">市生态环境局云溪分局</a></li><li><a href="/more/">更多</a></li></ul></div>
<div><span>乡镇（街道）</span><ul><li><a href="http://cgz.yunxi.gov.cn/">城关镇</a></li></ul></div>
<select onchange="window.open(this.value)"><option>站群导航</option><option value="http://wjw.yunxi.gov.cn/">县卫生健康局</option>
<option value="http://hxx.yunxi.gov.cn/">河西乡</option></select>
<select><option>友情链接</option><option value="http://www.gov.cn/">中国政府网</option></select>
<iframe src="/frame/notice.html" title="通知公告"></iframe>
<div class="footer">网站标识码：5301000001 滇ICP备12345678号-1 滇公网安备 53010202000123号</div>
</body></html>"""


@pytest.fixture(scope="module")
def home():
    return page_from_bytes(PORTAL, HOME.format(charset="gbk").encode("gbk"))


def test_a_gbk_page_declared_only_in_meta_gives_its_chinese_title_and_encoding(home):
    assert home.evidence.title == "云溪县人民政府"
    assert home.evidence.encoding in ("gb18030", "gbk")


@pytest.mark.parametrize(("url", "text", "place"), [
    (PORTAL + "zwgk/", "政务公开", "nav"),
    (PORTAL + "hdjl/", "互动交流", "nav"),
    (PORTAL, "云溪县人民政府", "header"),
    (PORTAL + "art/2.html", "关于春节放假的通知", "body"),
])
def test_links_carry_their_text_and_their_place_on_the_page(home, url, text, place):
    assert any(link.url == url and link.text == text and link.place == place for link in home.evidence.links)


def test_an_image_only_link_is_labelled_by_its_file_name_when_it_has_no_alt(home):
    link = next(link for link in home.evidence.links if link.url == PORTAL + "xxgk/")
    assert (link.text, link.image, link.place) == ("xxgk_rk", True, "side")


def test_list_entries_keep_the_date_printed_beside_them_and_prefer_the_full_title(home):
    entries = {e.url: (e.text, e.date) for e in home.evidence.entries}
    assert entries[PORTAL + "art/1.html"] == ("云溪县2025年政府信息公开工作年度报告", "2026-01-20")
    assert entries[PORTAL + "art/2.html"] == ("关于春节放假的通知", "2025-12-03")
    assert PORTAL + "art/3.html" not in entries


def test_breadcrumb_meta_published_date_and_footer_identifiers_are_read(home):
    e = home.evidence
    assert e.breadcrumb == ("首页", "政务公开", "年报")
    assert ("SiteIDCode", "5301000001") in e.meta
    assert ("ColumnName", "首页") in e.meta
    assert e.published == "2026-11-18"
    assert dict(e.identifiers) == {"site_code": "5301000001", "icp": "滇ICP备12345678号-1",
                                   "police": "滇公网安备53010202000123号"}


def test_sub_sites_come_from_heading_blocks_and_site_navigator_selects_with_their_roles(home):
    found = {s.url: (s.name, s.role, s.labelled) for s in home.subsites}
    assert found["http://jyj.yunxi.gov.cn/"] == ("县教育局", "department", True)
    assert found[PORTAL + "bm/sthjj/"] == ("市生态环境局云溪分局", "department", True)
    assert found["http://cgz.yunxi.gov.cn/"] == ("城关镇", "township", True)
    assert found["http://wjw.yunxi.gov.cn/"] == ("县卫生健康局", "department", True)
    assert found["http://hxx.yunxi.gov.cn/"] == ("河西乡", "township", True)  # a 乡 in a 站群 select is a township
    assert found["http://www.gov.cn/"][2] is False  # 友情链接: only sub-domains of the portal will count
    assert PORTAL + "more/" not in found


def test_frames_and_script_redirects_are_followed_but_not_counted_as_page_links():
    body = (b"<html><head><title>t</title><script>window.location.href='/new/index.html';</script></head>"
            b"<frameset><frame src='/top.html'><frame src='/main.html'></frameset></html>")
    page = page_from_bytes(PORTAL, body)
    assert {link.url for link in page.follow} >= {PORTAL + "new/index.html", PORTAL + "top.html", PORTAL + "main.html"}
    assert page.evidence.links == ()


def test_a_gbk_body_served_as_utf8_is_decoded_again_from_its_meta_charset():
    body = HOME.format(charset="gb2312").encode("gbk")
    page = page_from_bytes(PORTAL, body, content_type="text/html; charset=utf-8")
    assert page.evidence.title == "云溪县人民政府"
    assert "\ufffd" not in page.evidence.text
    assert page.evidence.encoding in ("gb18030", "gbk", "gb2312")


def test_a_gbk_body_without_any_charset_served_as_utf8_is_repaired_by_detection():
    body = ("<html><head><title>云溪县教育局</title></head><body><p>" + "云溪县教育局政府信息公开指南。" * 20
            + "</p></body></html>").encode("gbk")
    page = page_from_bytes(PORTAL, body, content_type="text/html; charset=utf-8")
    assert page.evidence.title == "云溪县教育局"


def test_the_main_text_skips_scripts_and_starts_with_the_article():
    body = ("<html><body><div class='nav'>首页</div><script>var x='不应出现';</script>"
            "<div id='zoom'><p>" + "本报告依据《条例》编制，2025年度。" * 10 + "</p></div></body></html>").encode()
    text = page_from_bytes(PORTAL, body).evidence.text
    assert text.startswith("本报告依据《条例》编制")
    assert "不应出现" not in text


def test_a_page_of_ten_thousand_links_keeps_a_bounded_number():
    body = ("<html><body>" + "".join(f"<a href='/p{i}.html'>p{i}</a>" for i in range(10_000)) + "</body></html>").encode()
    assert len(page_from_bytes(PORTAL, body).evidence.links) == 1000

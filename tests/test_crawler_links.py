"""Link decisions from the crawl vocabulary: evidence links, documents, and which site owns a URL."""

from __future__ import annotations

import pytest

from crawler.links import (
    document_type,
    folder_of,
    in_domain,
    is_evidence_link,
    load_vocab,
    portal_domain,
    site_of,
    wants_document,
)

V = load_vocab()


@pytest.mark.parametrize(("text", "url", "expected"), [
    ("政府信息公开", "http://a.cn/col/c1/", True),
    ("", "http://a.cn/xxgk/index.html", True),
    ("xxgk_rk", "http://a.cn/x/", True),  # an image link labelled by its file name
    ("", "http://a.cn/ndbg2025/", True),
    ("互动交流", "http://a.cn/c/", True),
    ("工作动态", "http://a.cn/news/1.html", False),
    ("", "http://a.cn/blogkit/", False),  # "gk" inside a word is not the token
])
def test_evidence_links_are_recognised_by_their_label_or_a_url_token(text, url, expected):
    assert is_evidence_link(text, url, V) is expected


def test_documents_are_known_by_extension_and_fetched_only_when_they_look_like_evidence():
    assert document_type("http://a.cn/P0202603.PDF", V) == "pdf"
    assert document_type("http://a.cn/a.html", V) == ""
    assert wants_document("附件：2025年度报告", "http://a.cn/P0202603.pdf", V)
    assert wants_document("", "http://a.cn/zfxxgk/ndbg/P1.pdf", V)
    assert not wants_document("活动照片", "http://a.cn/upload/photo1.pdf", V)


def test_a_url_belongs_to_the_longest_matching_site_key():
    keys = sorted(["http://www.a.cn/", "http://www.a.cn/bm/sthjj/", "http://jyj.a.cn/"], key=len, reverse=True)
    assert site_of("http://www.a.cn/bm/sthjj/x.html", keys) == "http://www.a.cn/bm/sthjj/"
    assert site_of("http://WWW.A.CN/zwgk/", keys) == "http://www.a.cn/"
    assert site_of("http://other.cn/", keys) is None


def test_folders_and_domains():
    assert folder_of("http://h:81/bm/sthjj/index.html") == "http://h:81/bm/sthjj/"
    assert folder_of("http://h/") == "http://h/"
    assert portal_domain("www.yunxi.gov.cn") == "yunxi.gov.cn"
    assert in_domain("jyj.yunxi.gov.cn", "yunxi.gov.cn")
    assert not in_domain("yunxi.gov.cn.evil.cn", "yunxi.gov.cn")

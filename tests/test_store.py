"""The store keeps scans apart and gives each portal only the sub-sites it found."""

from pathlib import Path

from crawler.store import Store, sub_sites_by_portal
from rules.evidence import PageEvidence, SiteInfo


def site(key: str, role: str, found_on: str = "") -> SiteInfo:
    kind = {"portal": "county", "department": "department", "township": "township"}[role]
    return SiteInfo(key=key, url=key, name=key, role=role, kind=kind, found_on=found_on)


def test_each_portal_of_a_registry_gets_only_the_sub_sites_found_on_its_own_pages() -> None:
    infos = [
        site("http://a.gov.cn/", "portal"),
        site("http://b.gov.cn/", "portal"),
        site("http://jyj.a.gov.cn/", "department", "http://a.gov.cn/bmwz.html"),
        site("http://a.gov.cn/bm/hbj/", "department", "http://a.gov.cn/"),
        site("http://town.b.gov.cn/", "township", "http://b.gov.cn/xz/"),
        site("http://village.b.gov.cn/", "township", "http://town.b.gov.cn/links.html"),
    ]
    family = sub_sites_by_portal(infos)
    assert [s.key for s in family["http://a.gov.cn/"]] == ["http://jyj.a.gov.cn/", "http://a.gov.cn/bm/hbj/"]
    assert [s.key for s in family["http://b.gov.cn/"]] == ["http://town.b.gov.cn/", "http://village.b.gov.cn/"]


def test_a_scan_that_never_completed_is_not_the_latest_complete_scan(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'z.sqlite'}")
    first = store.begin_scan("http://a.gov.cn/", "2026-11-20")
    store.save_site(first, site("http://a.gov.cn/", "portal"))
    store.add_pages(first, [PageEvidence(site="http://a.gov.cn/", url="http://a.gov.cn/",
                                         final_url="http://a.gov.cn/", status=200, title="首页")])
    store.complete_scan(first)
    second = store.begin_scan("http://a.gov.cn/", "2026-11-21")
    store.save_site(second, site("http://a.gov.cn/", "portal"))

    assert store.latest_complete_scan() == first
    assert store.scan_result(second).complete is False
    assert [p.title for p in store.pages_of(first, "http://a.gov.cn/")] == ["首页"]
    assert store.previous_complete_scan_of_site(second, "http://a.gov.cn/") == first


def test_judging_takes_each_portal_with_its_own_sub_sites_and_lone_sites_by_themselves() -> None:
    from crawler.run import families

    infos = [
        site("http://a.gov.cn/", "portal"),
        site("http://jyj.a.gov.cn/", "department", "http://a.gov.cn/"),
        site("http://b.gov.cn/", "portal"),
        site("http://town.b.gov.cn/", "township", "http://b.gov.cn/xz/"),
        site("http://lone.c.gov.cn/", "department"),
    ]
    groups = [(head.key, [kid.key for kid in kids]) for head, kids in families(infos)]
    assert groups == [("http://a.gov.cn/", ["http://jyj.a.gov.cn/"]),
                      ("http://b.gov.cn/", ["http://town.b.gov.cn/"]),
                      ("http://lone.c.gov.cn/", [])]

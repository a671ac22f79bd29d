"""--resolve: mapped host:port pairs answer with their address; strict mode fails closed without DNS."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler

from crawler.resolver import ResolveError, ResolveMapResolver, parse_entries


class Receiver:
    def __init__(self) -> None:
        self.addresses: list = []
        self.began = self.completed = False

    def resolutionBegan(self, resolution):  # noqa: N802 - Twisted's interface
        self.began = True

    def addressResolved(self, address):  # noqa: N802
        self.addresses.append(address)

    def resolutionComplete(self):  # noqa: N802
        self.completed = True


class FakeReactor:
    """Records whether the system resolver was asked (it must not be, in strict mode)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        outer = self

        class System:
            def resolveHostName(self, receiver, host, port=0, *args):  # noqa: N802
                outer.asked.append(host)
                return

        self.nameResolver = System()


def resolver(entries: list[str], strict: bool) -> tuple[ResolveMapResolver, FakeReactor]:
    reactor = FakeReactor()
    crawler = get_crawler(settings_dict={"ZWGK_RESOLVE": entries, "ZWGK_RESOLVE_STRICT": strict})
    return ResolveMapResolver.from_crawler(crawler, reactor), reactor


def test_a_mapped_host_and_port_resolve_to_the_given_address_with_that_port():
    r, reactor = resolver(["www.yunxi.gov.cn:8080:127.0.0.1"], strict=True)
    receiver = Receiver()
    r.resolveHostName(receiver, "WWW.YUNXI.GOV.CN", 8080)
    assert [(a.host, a.port) for a in receiver.addresses] == [("127.0.0.1", 8080)]
    assert receiver.completed
    assert reactor.asked == []


def test_strict_mode_answers_an_unmapped_host_with_no_address_and_never_asks_dns():
    r, reactor = resolver(["www.yunxi.gov.cn:8080:127.0.0.1"], strict=True)
    receiver = Receiver()
    r.resolveHostName(receiver, "www.yunxi.gov.cn", 80)  # right host, wrong port
    r.resolveHostName(receiver, "example.com", 8080)
    assert receiver.addresses == []
    assert receiver.completed
    assert reactor.asked == []


def test_without_strict_mode_unmapped_hosts_go_to_the_system_resolver():
    r, reactor = resolver([], strict=False)
    r.resolveHostName(Receiver(), "example.com", 80)
    assert reactor.asked == ["example.com"]


@pytest.mark.parametrize("entry", ["www.a.cn:80", "www.a.cn:x:127.0.0.1", "www.a.cn:80:not-an-ip", ":80:127.0.0.1"])
def test_a_malformed_entry_is_a_one_line_error(entry):
    with pytest.raises(ResolveError, match="HOST:PORT:ADDR"):
        parse_entries([entry])


def test_ipv6_addresses_may_be_bracketed():
    assert parse_entries(["a.cn:443:[::1]"]) == {("a.cn", 443): "::1"}

"""`--resolve HOST:PORT:ADDR` (curl's meaning) as a Twisted host-name resolver (TWISTED_DNS_RESOLVER).

ZWGK_RESOLVE lists the entries; with ZWGK_RESOLVE_STRICT a host:port that is not listed fails
closed — no DNS query is made — so the demo and the tests can never leave loopback.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from ipaddress import ip_address
from typing import Any

from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver, IHostResolution, IResolutionReceiver
from zope.interface import implementer


class ResolveError(ValueError):
    """A --resolve entry that is not HOST:PORT:ADDR."""


def parse_entries(entries: Iterable[str]) -> dict[tuple[str, int], str]:
    """`["www.a.cn:8080:127.0.0.1", "b.cn:80:[::1]"]` → {("www.a.cn", 8080): "127.0.0.1", ...}."""
    table = {}
    for entry in entries:
        host, _, rest = entry.strip().partition(":")
        port, _, addr = rest.partition(":")
        addr = addr.strip("[]")
        try:
            ip_address(addr)
        except ValueError as exc:
            raise ResolveError(f"--resolve 的格式应为 HOST:PORT:ADDR（ADDR 为 IP 地址）：{entry!r}") from exc
        if not host or not port.isdigit():
            raise ResolveError(f"--resolve 的格式应为 HOST:PORT:ADDR：{entry!r}")
        table[(host.lower().rstrip("."), int(port))] = addr
    return table


def loopback_literal(host: str) -> str | None:
    """A loopback IP literal answers for itself, even in strict mode."""
    try:
        return host if ip_address(host.strip("[]")).is_loopback else None
    except ValueError:
        return None


@implementer(IHostResolution)
class Resolution:
    def __init__(self, name: str) -> None:
        self.name = name

    def cancel(self) -> None:  # answers are immediate; nothing to cancel
        pass


@implementer(IHostnameResolver)
class ResolveMapResolver:
    """Answers mapped host:port pairs (and loopback literals); others go to the reactor's resolver, or fail when strict."""

    def __init__(self, reactor: Any, table: dict[tuple[str, int], str], strict: bool) -> None:
        self.reactor = reactor
        self.table = table
        self.strict = strict
        self.original = reactor.nameResolver

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> ResolveMapResolver:
        settings = crawler.settings
        return cls(reactor, parse_entries(settings.getlist("ZWGK_RESOLVE")),
                   settings.getbool("ZWGK_RESOLVE_STRICT"))

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def resolveHostName(self, resolutionReceiver: IResolutionReceiver, hostName: str,  # noqa: N802,N803
                        portNumber: int = 0, addressTypes: Sequence[type] | None = None,  # noqa: N803
                        transportSemantics: str = "TCP") -> IHostResolution:  # noqa: N803
        addr = self.table.get((hostName.lower().rstrip("."), portNumber)) or loopback_literal(hostName)
        if addr is None and not self.strict:
            return self.original.resolveHostName(resolutionReceiver, hostName, portNumber, addressTypes,
                                                  transportSemantics)
        resolution = Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)
        if addr is not None:  # strict and unmapped: no address at all, so the connection fails as a DNS error
            kind = IPv6Address if ":" in addr else IPv4Address
            resolutionReceiver.addressResolved(kind("TCP", addr, portNumber))
        resolutionReceiver.resolutionComplete()
        return resolution

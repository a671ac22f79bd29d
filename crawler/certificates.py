"""HTTPS certificate check: Scrapy does not verify certificates, so this component does, and reports.

A downloader middleware: the first HTTPS response from a host:port triggers one verifying TLS handshake
(the system's trust store, the host name as SNI) to the address that answered. An invalid certificate
never stops the crawl; every later response of that host carries `meta["zwgk_tls_error"]`, a plain
Chinese sentence the spider puts in SiteInfo.errors, and `zwgk/tls/invalid` counts the hosts.
"""

from __future__ import annotations

import socket
import ssl
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

META_KEY = "zwgk_tls_error"

# OpenSSL X509_V_ERR_* codes users meet, in plain words.
REASONS = {
    9: "证书尚未生效",
    10: "证书已过期",
    18: "自签名证书",
    19: "证书链中含自签名证书",
    20: "证书签发机构不受信任",
    21: "证书链不完整",
    62: "证书与域名不符",
}


def certificate_problem(host: str, port: int, address: str | None = None, timeout: float = 10.0) -> str | None:
    """Why a verifying client would refuse this host's certificate, in plain words; None when it is valid
    or when the check could not be made (a network problem is reported elsewhere, not as a bad certificate)."""
    context = ssl.create_default_context()
    try:
        with socket.create_connection((address or host, port), timeout=timeout) as raw, \
                context.wrap_socket(raw, server_hostname=host):
            return None
    except ssl.SSLCertVerificationError as exc:
        return REASONS.get(exc.verify_code) or (exc.verify_message or "证书无法验证")
    except (OSError, ValueError):
        return None


def problem_sentence(host: str, reason: str) -> str:
    return f"HTTPS 证书无效（{reason}）：{host} 的访问者会看到浏览器安全警告；本次检查不受影响，照常进行。"


class CertificateCheck:
    """Verifies each HTTPS host's certificate once per crawl and marks its responses when it is invalid."""

    def __init__(self, stats: Any, timeout: float) -> None:
        self.stats = stats
        self.timeout = timeout
        self.verdicts: dict[tuple[str, int], str | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> CertificateCheck:
        return cls(crawler.stats, crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 30.0))

    async def process_response(self, request: Request, response: Response) -> Response:
        parts = urlsplit(response.url)
        if parts.scheme != "https" or not parts.hostname:
            return response
        key = (parts.hostname, parts.port or 443)
        if key not in self.verdicts:
            address = str(response.ip_address) if response.ip_address else None
            reason = await maybe_deferred_to_future(
                deferToThread(certificate_problem, key[0], key[1], address, self.timeout))
            if key not in self.verdicts and reason is not None:
                self.stats.inc_value("zwgk/tls/invalid")
            self.verdicts[key] = problem_sentence(parts.hostname, reason) if reason else None
        if self.verdicts[key]:
            request.meta[META_KEY] = self.verdicts[key]  # response.meta is not bound yet here
        return response

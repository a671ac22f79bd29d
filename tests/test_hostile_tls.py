"""HTTPS with a self-signed certificate: the finding says so in plain Chinese, and the check goes on."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hostile_harness import crawl_case

from crawler.certificates import certificate_problem
from crawler.demo import hostile

HOST = "selfsigned.hostile.test"


def self_signed(folder: Path, host: str) -> tuple[Path, Path]:
    """A certificate for `host` signed by its own key, valid from yesterday for a week."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=7))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class HostileHandler(BaseHTTPRequestHandler):
    """The hostile routes and hosts of crawler.demo.hostile, over TLS."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        host = self.headers.get("Host", "").rsplit(":", 1)[0]
        if not hostile.handle(self, host, self.path.split("?", 1)[0]):
            self.send_error(404)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's signature
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a verifying client hangs up on the self-signed certificate: expected, not worth a traceback


@pytest.fixture(scope="module")
def tls_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    cert_file, key_file = self_signed(tmp_path_factory.mktemp("tls"), HOST)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = QuietServer(("127.0.0.1", 0), HostileHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_self_signed_certificate_is_named_by_the_check(tls_port: int) -> None:
    assert certificate_problem(HOST, tls_port, "127.0.0.1", timeout=5) == "自签名证书"


def test_plain_http_port_is_not_called_a_bad_certificate(tmp_path: Path) -> None:
    server = QuietServer(("127.0.0.1", 0), HostileHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert certificate_problem(HOST, server.server_address[1], "127.0.0.1", timeout=5) is None
    finally:
        server.shutdown()
        server.server_close()


def test_site_with_a_self_signed_certificate_is_checked_and_its_finding_says_so(
        tls_port: int, tmp_path: Path) -> None:
    crawled = crawl_case(None, tmp_path, "selfsigned", scheme="https", port=tls_port)
    assert "Traceback" not in crawled.stderr, crawled.stderr
    assert crawled.returncode == 0, crawled.stderr
    portal = crawled.portal()
    assert portal.status == "ok"
    assert [e for e in portal.errors if "证书" in e] == [
        f"HTTPS 证书无效（自签名证书）：{HOST} 的访问者会看到浏览器安全警告；本次检查不受影响，照常进行。"]
    assert {p.url.split(str(tls_port), 1)[1] for p in crawled.pages()} >= {"/", "/__hostile__/target?from=home"}
    assert crawled.stats["zwgk/tls/invalid"] == 1

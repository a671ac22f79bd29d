"""Session fixtures shared by the test suite: the demo portal's server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crawler.demo import DemoServer


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    """The demo portal, started once, with a request log tests can read through `requests()`."""
    server = DemoServer(log_path=tmp_path_factory.mktemp("demo") / "requests.log")
    with server:
        yield server

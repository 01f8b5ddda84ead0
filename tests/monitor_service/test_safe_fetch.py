"""Safe fetching: schemes, address checks at every hop and at connect time, size and time caps."""

from __future__ import annotations

import pytest
from tests.monitor_service.helpers import LocalServer, Route

from warrantwatch.monitor.fetch import (
    BadStatus,
    BlockedURL,
    FetchError,
    FetchPolicy,
    FetchTimeout,
    TooLarge,
    address_problem,
    fetch,
    fetch_with_retries,
)

OPEN = FetchPolicy(allow_private=True, timeout=2.0, max_bytes=10_000)
STRICT = FetchPolicy(allow_private=False, timeout=2.0)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "data:text/plain,hi", "//x/y"],
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(BlockedURL, match="scheme"):
        fetch(url, OPEN)


@pytest.mark.parametrize(
    "addr",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.1.1",
        "100.64.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "0.0.0.0",
    ],
)
def test_non_public_addresses_refused_by_default(addr: str) -> None:
    import ipaddress

    assert address_problem(ipaddress.ip_address(addr), allow_private=False)


@pytest.mark.parametrize("addr", ["169.254.169.254", "fd00:ec2::254", "100.100.100.200"])
def test_metadata_addresses_refused_even_when_private_allowed(addr: str) -> None:
    import ipaddress

    assert "metadata" in (address_problem(ipaddress.ip_address(addr), allow_private=True) or "")


def test_public_address_passes() -> None:
    import ipaddress

    assert address_problem(ipaddress.ip_address("93.184.216.34"), allow_private=False) is None


def test_loopback_refused_unless_allowed(server: LocalServer) -> None:
    server.routes["/a"] = Route(body=b"hello")
    with pytest.raises(BlockedURL, match="loopback"):
        fetch(server.url("/a"), STRICT)
    assert server.gets("/a") == []  # refused before any request
    assert fetch(server.url("/a"), OPEN).content == b"hello"


def test_every_resolved_address_is_checked() -> None:
    """A host with one public and one private address is refused (no connection is made)."""

    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.7"]

    with pytest.raises(BlockedURL, match=r"10\.0\.0\.7"):
        fetch("http://mixed.test/", STRICT, resolver=resolver)


def test_connect_time_check_defeats_dns_rebinding(server: LocalServer) -> None:
    """The host passes the first resolution, then resolves to loopback at connect time."""
    server.routes["/secret"] = Route(body=b"internal")
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])

    def resolver(host: str, port: int) -> list[str]:
        return next(answers)

    with pytest.raises(BlockedURL, match="loopback"):
        fetch(f"http://rebind.test:{server.port}/secret", STRICT, resolver=resolver)
    assert server.gets("/secret") == []


def test_redirects_are_checked_again(server: LocalServer) -> None:
    server.routes["/to-meta"] = Route(status=302, headers={"Location": "http://169.254.169.254/"})
    server.routes["/to-file"] = Route(status=301, headers={"Location": "file:///etc/passwd"})
    server.routes["/hop"] = Route(status=307, headers={"Location": "/final"})
    server.routes["/final"] = Route(body=b"done")
    with pytest.raises(BlockedURL, match="metadata"):
        fetch(server.url("/to-meta"), OPEN)
    with pytest.raises(BlockedURL, match="scheme"):
        fetch(server.url("/to-file"), OPEN)
    res = fetch(server.url("/hop"), OPEN)
    assert res.content == b"done" and res.url.endswith("/final")
    assert res.redirects == [server.url("/hop")]


def test_redirect_loop_is_capped(server: LocalServer) -> None:
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="redirects"):
        fetch(server.url("/loop"), FetchPolicy(allow_private=True, max_redirects=3))
    assert len(server.gets("/loop")) == 4


def test_declared_size_over_cap(server: LocalServer) -> None:
    server.routes["/big"] = Route(body=b"x" * 20_000)
    with pytest.raises(TooLarge):
        fetch(server.url("/big"), OPEN)


def test_undeclared_size_over_cap(server: LocalServer) -> None:
    server.routes["/big"] = Route(body=b"x" * 50_000, declare_length=False)
    with pytest.raises(TooLarge, match="over the cap"):
        fetch(server.url("/big"), OPEN)


def test_timeout(server: LocalServer) -> None:
    server.routes["/slow"] = Route(body=b"late", delay=1.5)
    with pytest.raises(FetchTimeout) as info:
        fetch(server.url("/slow"), FetchPolicy(allow_private=True, timeout=0.3))
    assert info.value.retryable


def test_conditional_get(server: LocalServer) -> None:
    server.routes["/feed"] = Route(body=b"<rss/>", etag='"v1"', last_modified="Mon, 06 Oct 2025")
    first = fetch(server.url("/feed"), OPEN)
    assert first.etag == '"v1"' and first.last_modified == "Mon, 06 Oct 2025"
    again = fetch(server.url("/feed"), OPEN, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.content == b""
    assert server.gets("/feed")[-1]["If-None-Match"] == '"v1"'


def test_error_statuses(server: LocalServer) -> None:
    server.routes["/gone"] = Route(status=404, body=b"no")
    server.routes["/down"] = Route(status=503, body=b"busy")
    with pytest.raises(BadStatus) as e404:
        fetch(server.url("/gone"), OPEN)
    assert not e404.value.retryable
    with pytest.raises(BadStatus) as e503:
        fetch(server.url("/down"), OPEN)
    assert e503.value.retryable


def test_retries_with_backoff(server: LocalServer) -> None:
    server.routes["/flaky"] = Route(status=503)
    waits: list[float] = []

    def sleep(s: float) -> None:
        waits.append(s)
        server.routes["/flaky"] = Route(body=b"ok") if len(waits) == 2 else Route(status=503)

    res = fetch_with_retries(server.url("/flaky"), OPEN, retries=3, backoff=0.5, sleep=sleep)
    assert res.content == b"ok"
    assert waits == [0.5, 1.0]


def test_no_retry_for_permanent_errors(server: LocalServer) -> None:
    server.routes["/gone"] = Route(status=404)
    waits: list[float] = []
    with pytest.raises(BadStatus):
        fetch_with_retries(server.url("/gone"), OPEN, retries=3, sleep=waits.append)
    assert waits == []

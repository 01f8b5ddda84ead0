"""Issue 15 item 15: IPv6 forms that carry an internal IPv4 address, and reserved space."""

from __future__ import annotations

import ipaddress

import pytest

from warrantwatch.monitor.fetch import BlockedURL, address_problem, check_url, embedded_ipv4

REFUSED = [
    "::127.0.0.1",  # IPv4-compatible
    "64:ff9b::a9fe:a9fe",  # NAT64 to cloud metadata
    "64:ff9b::7f00:1",  # NAT64 to loopback
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 of the metadata address
    "::ffff:0:7f00:1",  # IPv4-translated
    "::ffff:10.0.0.1",  # IPv4-mapped, private
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo, client 192.0.2.45 (documentation)
    "240.0.0.1",  # reserved (class E)
    "fec0::1",  # site-local (deprecated)
]
ALLOWED = ["8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("address", REFUSED)
def test_refused(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address), allow_private=False)
    with pytest.raises(BlockedURL):
        check_url(f"http://[{address}]/" if ":" in address else f"http://{address}/", False)


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address), allow_private=False) is None


def test_metadata_behind_nat64_is_refused_even_when_private_is_allowed() -> None:
    problem = address_problem(ipaddress.ip_address("64:ff9b::a9fe:a9fe"), allow_private=True)
    assert problem and "metadata" in problem


def test_reserved_is_checked() -> None:
    """The docs said reserved addresses are refused; now a test holds it."""
    problem = address_problem(ipaddress.ip_address("240.0.0.1"), allow_private=False)
    assert problem is not None


def test_decoding() -> None:
    got = embedded_ipv4(ipaddress.IPv6Address("2002:7f00:1::"))
    assert ipaddress.IPv4Address("127.0.0.1") in got

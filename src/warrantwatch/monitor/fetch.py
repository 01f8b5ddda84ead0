"""Fetching a feed or page from the open web without becoming a proxy into the network.

Feed addresses come from configuration and page addresses from feeds, that is from
strangers. So every request, and every redirect, is checked: http or https only; the
host name is resolved and *every* address it resolves to must be public (no loopback,
private, link-local, shared, multicast or reserved address, and never a cloud-metadata
endpoint), unless ``allow_private`` says otherwise. The check is done again at
connection time, on the address actually dialled (a guarded network backend under
httpx), so a host that resolves to something else a second later (DNS rebinding)
gains nothing. Bodies are streamed with a byte cap and the whole fetch has a
deadline, so an enormous or slow-dripping response cannot tie up the monitor.

The one function other layers need is :func:`fetch` (``scan URL`` uses it too, via
:func:`warrantwatch.monitor.pages.fetch_article`).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

USER_AGENT = "WarrantWatch/0.1 (news monitor)"


def user_agent(project_url: str | None = None) -> str:
    """The User-Agent of every request: Warrant Watch, and the project address if configured
    (GDELT and others throttle anonymous clients; operators should know who is asking)."""
    if project_url:
        return f"WarrantWatch/0.1 (+{project_url}; news monitor)"
    return USER_AGENT


#: Addresses of cloud instance-metadata services: never fetched, whatever the settings say.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean ...
        "169.254.170.2",  # AWS ECS task metadata
        "169.254.169.253",  # AWS DNS
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud (classic)
        "fd00:ec2::254",  # AWS over IPv6
    )
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


class FetchError(RuntimeError):
    """A fetch failed; ``retryable`` says whether trying again later may help."""

    retryable = False

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        super().__init__(f"{url}: {message}")


class BlockedURL(FetchError):
    """The address is not one the monitor may fetch (scheme, host or resolved address)."""


class TooLarge(FetchError):
    """The body is bigger than the configured cap."""


class FetchTimeout(FetchError):
    retryable = True


class ConnectFailed(FetchError):
    retryable = True


class BadStatus(FetchError):
    """The server answered with an error status; 5xx and 429 are worth a retry."""

    def __init__(self, url: str, status: int, retry_after: float | None = None) -> None:
        self.status = status
        self.retryable = status >= 500 or status == 429
        #: seconds the server asked us to wait (Retry-After on 429 or 503), if it said
        self.retry_after = retry_after
        wait = f" (Retry-After {retry_after:g} s)" if retry_after is not None else ""
        super().__init__(url, f"HTTP {status}{wait}")


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass(frozen=True)
class FetchPolicy:
    """What the fetcher may do: where it may go, how much it may read, how long it may take."""

    allow_private: bool = False
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = USER_AGENT

    @classmethod
    def from_settings(cls, settings: Any) -> FetchPolicy:
        return cls(
            allow_private=settings.allow_private_addresses,
            timeout=settings.fetch_timeout,
            max_bytes=settings.fetch_max_bytes,
            max_redirects=settings.fetch_max_redirects,
            user_agent=user_agent(getattr(settings, "project_url", None)),
        )


@dataclass
class FetchResult:
    """A response read within the caps. ``not_modified`` for a 304 to a conditional GET."""

    url: str  # the final address, after redirects
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        """The body decoded with the declared charset (UTF-8 when none or unknown)."""
        charset = None
        for part in self.headers.get("content-type", "").split(";")[1:]:
            k, _, v = part.partition("=")
            if k.strip().lower() == "charset":
                charset = v.strip().strip('"')
        try:
            return self.content.decode(charset or "utf-8", errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries, which a gateway or tunnel may dial.

    A public-looking IPv6 address can reach an internal IPv4 host: IPv4-mapped
    (``::ffff:a.b.c.d``), IPv4-translated (``::ffff:0:a.b.c.d``), IPv4-compatible
    (``::a.b.c.d``), NAT64 (``64:ff9b::a.b.c.d``, RFC 6052), 6to4 (``2002:AABB:CCDD::``)
    and Teredo (server and client). Each such address is checked like a literal one.
    """
    found: list[ipaddress.IPv4Address] = []
    low32 = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.ipv4_mapped is not None:
        found.append(ip.ipv4_mapped)
    elif ip in _IPV4_TRANSLATED or ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
        found.append(low32)
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    return found


def address_problem(ip: IPAddress, allow_private: bool) -> str | None:
    """Why ``ip`` may not be fetched, or None when it may.

    IPv6 addresses that embed an IPv4 address are refused when the embedded one is.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        inners = embedded_ipv4(ip)
        for inner in inners:
            problem = address_problem(inner, allow_private)
            if problem:
                return f"{ip} embeds {problem}"
        if inners and (ip.ipv4_mapped is not None or ip in _IPV4_TRANSLATED or ip in _NAT64):
            return None  # a translation of a public IPv4 address (DNS64 answers so)
    if ip in METADATA_ADDRESSES:
        return f"{ip} is a cloud metadata address"
    if ip.is_multicast or ip.is_unspecified:
        return f"{ip} is not a unicast address"
    if allow_private:
        return None
    if ip.is_loopback:
        return f"{ip} is a loopback address"
    if ip.is_link_local:
        return f"{ip} is a link-local address"
    if ip.is_private:
        return f"{ip} is a private address"
    if ip.is_reserved:
        return f"{ip} is a reserved address"
    if isinstance(ip, ipaddress.IPv6Address) and (ip in _NAT64_LOCAL or ip.is_site_local):
        return f"{ip} is a site-local or local-use NAT64 address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_addresses(
    url: str, host: str, port: int, allow_private: bool, resolver: Resolver
) -> list[str]:
    """Resolve ``host``; every address must pass :func:`address_problem`, else BlockedURL."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        problem = address_problem(literal, allow_private)
        if problem:
            raise BlockedURL(url, problem)
        return [str(literal)]
    else:
        try:
            addresses = resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise ConnectFailed(url, f"cannot resolve {host}: {exc}") from exc
    if not addresses:
        raise ConnectFailed(url, f"{host} has no address")
    for a in addresses:
        problem = address_problem(ipaddress.ip_address(a.split("%")[0]), allow_private)
        if problem:
            raise BlockedURL(url, f"{host} resolves to {problem}")
    return addresses


def check_url(url: str, allow_private: bool, resolver: Resolver = system_resolver) -> None:
    """Raise :class:`BlockedURL` unless ``url`` is http(s) to a host the policy allows."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedURL(url, f"scheme {parts.scheme or '(none)'!r} is not http or https")
    if not parts.hostname:
        raise BlockedURL(url, "no host name")
    if parts.username or parts.password:
        raise BlockedURL(url, "credentials in the address are not allowed")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise BlockedURL(url, f"bad port: {exc}") from exc
    checked_addresses(url, parts.hostname, port, allow_private, resolver)


class _GuardedBackend(httpcore.NetworkBackend):
    """Dials only addresses that pass the policy, resolving the host itself."""

    def __init__(self, allow_private: bool, resolver: Resolver) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        addresses = checked_addresses(
            f"//{host}:{port}", host, port, self._allow_private, self._resolver
        )
        last: Exception | None = None
        for a in addresses:
            try:
                return self._inner.connect_tcp(a, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool dialling through :class:`_GuardedBackend`."""

    def __init__(self, allow_private: bool, resolver: Resolver = system_resolver) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(allow_private, resolver),
        )


def make_client(policy: FetchPolicy, resolver: Resolver = system_resolver) -> httpx.Client:
    """A client for :func:`fetch`; reuse one across many fetches to keep connections."""
    return httpx.Client(
        transport=GuardedTransport(policy.allow_private, resolver),
        follow_redirects=False,
        trust_env=False,
        timeout=httpx.Timeout(policy.timeout),
        headers={"User-Agent": policy.user_agent},
    )


def fetch(
    url: str,
    policy: FetchPolicy | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
    accept: str = "*/*",
    resolver: Resolver = system_resolver,
) -> FetchResult:
    """GET ``url`` within ``policy``: checked at every hop, capped in size and time.

    With ``etag`` / ``last_modified`` the request is conditional and a 304 comes back as a
    result with ``not_modified`` true. Raises :class:`FetchError` (its subclasses say why,
    and ``retryable`` whether a later attempt may succeed).
    """
    policy = policy or FetchPolicy()
    own = client is None
    http = client or make_client(policy, resolver)
    deadline = time.monotonic() + policy.timeout
    headers = {"Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    redirects: list[str] = []
    current = url
    try:
        while True:
            check_url(current, policy.allow_private, resolver)
            result = _get_once(http, current, headers, policy, deadline)
            if result.status in (301, 302, 303, 307, 308) and "location" in result.headers:
                if len(redirects) >= policy.max_redirects:
                    raise FetchError(url, f"more than {policy.max_redirects} redirects")
                redirects.append(current)
                current = urljoin(current, result.headers["location"])
                continue
            result.redirects = redirects
            if result.status >= 400:
                raise BadStatus(
                    current, result.status, parse_retry_after(result.headers.get("retry-after"))
                )
            return result
    finally:
        if own:
            http.close()


def _get_once(
    http: httpx.Client, url: str, headers: dict[str, str], policy: FetchPolicy, deadline: float
) -> FetchResult:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchTimeout(url, f"took longer than {policy.timeout:g} s")
    try:
        with http.stream("GET", url, headers=headers, timeout=remaining) as resp:
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                raise TooLarge(url, f"declares {int(declared)} bytes (cap {policy.max_bytes})")
            chunks: list[bytes] = []
            size = 0
            if resp.status_code < 300:
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > policy.max_bytes:
                        raise TooLarge(url, f"body over the cap of {policy.max_bytes} bytes")
                    if time.monotonic() > deadline:
                        raise FetchTimeout(url, f"took longer than {policy.timeout:g} s")
                    chunks.append(chunk)
            return FetchResult(
                url=str(resp.url),
                status=resp.status_code,
                content=b"".join(chunks),
                headers={k.lower(): v for k, v in resp.headers.items()},
            )
    except httpx.TimeoutException as exc:
        raise FetchTimeout(url, f"timed out ({type(exc).__name__})") from exc
    except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
        raise ConnectFailed(url, f"{type(exc).__name__}: {exc}") from exc
    except httpx.DecodingError as exc:
        raise FetchError(url, f"undecodable body: {exc}") from exc
    except httpx.InvalidURL as exc:
        raise BlockedURL(url, f"invalid address: {exc}") from exc


def fetch_with_retries(
    url: str,
    policy: FetchPolicy,
    *,
    retries: int = 2,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    max_retry_wait: float = 30.0,
    **kwargs: Any,
) -> FetchResult:
    """:func:`fetch`, tried again after a retryable failure, waiting ``backoff * 2**n`` s."""
    attempt = 0
    while True:
        try:
            return fetch(url, policy, **kwargs)
        except FetchError as exc:
            if not exc.retryable or attempt >= retries:
                raise
            wait = backoff * (2**attempt)
            asked = getattr(exc, "retry_after", None)
            if asked is not None:
                if asked > max_retry_wait:
                    raise  # the source's own backoff (next poll) waits that long instead
                wait = max(wait, asked)
            sleep(wait)
            attempt += 1


class HostPacer:
    """Spacing of requests per host: at most one request every ``delay(host)`` seconds.

    Non-blocking: :meth:`take` says whether a request may go now (and books it); a source
    whose host is not ready waits for a later round instead of holding a worker.
    """

    def __init__(
        self, delay: Callable[[str], float], clock: Callable[[], float] = time.monotonic
    ) -> None:
        import threading

        self._delay = delay
        self._clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait_for(self, host: str) -> float:
        with self._lock:
            return max(0.0, self._next.get(host, 0.0) - self._clock())

    def take(self, host: str) -> bool:
        with self._lock:
            now = self._clock()
            if self._next.get(host, 0.0) > now:
                return False
            self._next[host] = now + self._delay(host)
            return True

    def hold(self, host: str, seconds: float) -> None:
        """Push the host back (a Retry-After)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), self._clock() + seconds)


def fetcher_for_scan(settings: Any = None) -> Callable[[str], tuple[bytes, str]]:
    """The guarded fetcher in the shape ``warrantwatch scan URL`` expects.

    Use: ``readers.set_fetcher(fetcher_for_scan(get_settings()))``. Returns (body, content
    type); failures become the reader's ``InputError`` with the fetcher's one-line reason.
    """
    policy = FetchPolicy.from_settings(settings) if settings is not None else FetchPolicy()

    def get(url: str) -> tuple[bytes, str]:
        from warrantwatch.monitor.readers import InputError

        try:
            res = fetch(url, policy, accept="text/html,application/xhtml+xml,*/*;q=0.5")
        except FetchError as exc:
            raise InputError(str(exc)) from exc
        return res.content, res.headers.get("content-type", "")

    return get

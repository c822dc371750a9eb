"""Reaching the server: its address as a person types it, and why it could not be reached, in
words a member can act on rather than requests' chain of exceptions.

Any thread: pure functions over strings and the exceptions requests raises. requests is
imported only to tell one of its errors: the window starts without the network's modules.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import requests

SCHEMES = ("https", "http")
# What OpenSSL says when the answer to its greeting is not TLS: a plain HTTP server answered.
_PLAIN_HTTP_MARKS = (
    "wrong_version_number",
    "wrong version number",
    "record layer failure",
    "record_layer_failure",
    "http_request",
    "packet length too long",
)


class BadAddress(ValueError):
    """What was typed is not the address of a server."""


def server_address(typed: str) -> str:
    """The server's base URL from what a person typed: ``https://`` is given to an address
    without a scheme (the server's own, behind TLS, as the sign-in form shows it); anything
    that is not an http(s) address of a host is refused with BadAddress, in words."""
    text = typed.strip()
    if not text:
        raise BadAddress("Give the server's address, for example https://ecabinet.gov.vn.")
    if "://" not in text:
        text = f"https://{text}"
    text = text.rstrip("/")
    refused = BadAddress(
        f"“{typed}” is not a server address: write it as https://host[:port], or http:// "
        "for a test server."
    )
    if any(char.isspace() or not char.isprintable() for char in text):
        raise refused
    try:
        parts = urlsplit(text)
        _ = parts.port  # a port that is not a number raises ValueError here
    except ValueError:
        raise refused from None
    if parts.scheme.lower() not in SCHEMES or not parts.hostname or parts.query or parts.fragment:
        raise refused
    return f"{parts.scheme.lower()}://{parts.netloc}{parts.path}"


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error and what it wraps: requests -> urllib3's MaxRetryError -> its reason -> the
    socket's own error."""
    seen: set[int] = set()
    stack: list[BaseException] = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = [getattr(current, "reason", None), current.__cause__, current.__context__]
        inner += list(current.args)
        stack += [e for e in inner if isinstance(e, BaseException)]


class Unreachable(StrEnum):
    """Why the server could not be reached, for a screen that words it itself."""

    PLAIN_HTTP = "plain_http"  # https was asked, a plain HTTP server answered
    UNTRUSTED = "untrusted"  # the server's certificate is not trusted
    NO_ANSWER = "no_answer"  # nothing answered in time
    SLOW = "slow"  # connected, but the answer took too long
    UNKNOWN_NAME = "unknown_name"  # no DNS answer for the host
    REFUSED = "refused"  # nothing listens there: the server is down or the port wrong
    CLOSED = "closed"  # http was asked and the connection closed: an HTTPS server?
    OTHER = "other"


def why_unreachable(base_url: str, error: requests.RequestException) -> tuple[Unreachable, str]:
    """What stood between this laptop and the server: its kind, and one clause in English
    (after "Cannot reach the server: ")."""
    import requests  # loaded already: the error came from it
    from urllib3.exceptions import NameResolutionError, ProtocolError

    parts = urlsplit(base_url)
    host = parts.hostname or base_url
    where = parts.netloc or base_url
    chain = list(_chain(error))
    text = " ".join(str(e) for e in chain).lower()
    if isinstance(error, requests.exceptions.SSLError):
        if any(mark in text for mark in _PLAIN_HTTP_MARKS):
            return Unreachable.PLAIN_HTTP, (
                f"the server at {where} answers plain HTTP, not HTTPS: write its address "
                f"http://{where}, or put the server behind TLS"
            )
        reason = next((str(e) for e in reversed(chain) if str(e)), str(error))
        return Unreachable.UNTRUSTED, f"the server's certificate is not trusted ({reason})"
    if isinstance(error, requests.ConnectTimeout):
        return Unreachable.NO_ANSWER, (
            f"{where} did not answer within the time allowed: check the network and the address"
        )
    if isinstance(error, requests.ReadTimeout):
        return Unreachable.SLOW, (
            f"the server at {where} took too long to answer; try again in a moment"
        )
    if any(isinstance(e, NameResolutionError | socket.gaierror) for e in chain):
        return Unreachable.UNKNOWN_NAME, (
            f"the name {host} is not known (no DNS answer): check the address and the network"
        )
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return Unreachable.REFUSED, (
            f"nothing answers at {where} (the connection was refused): is the server running, "
            "and is its address right?"
        )
    if parts.scheme == "http" and any(isinstance(e, ProtocolError) for e in chain):
        return Unreachable.CLOSED, (
            f"the server at {where} closed the connection without answering: if it serves "
            f"HTTPS, write its address https://{where}"
        )
    innermost = next((e for e in reversed(chain) if str(e)), error)
    return Unreachable.OTHER, (
        f"the connection to {where} failed ({type(innermost).__name__}: {innermost})"
    )

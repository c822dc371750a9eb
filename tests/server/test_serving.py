"""The listening socket several workers share: connections accepted on it have Nagle's
algorithm off, as with one worker (else each answer waits ~40 ms on the client's delayed ACK),
with either HTTP parser (h11, httptools), on asyncio's loop, which the server always names.
Each case runs a real uvicorn server on the shared socket, as a worker does, and reads the
option on the socket of the connection uvicorn's own protocol class was handed."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from http.client import HTTPConnection
from typing import Any

import pytest
import uvicorn
from uvicorn.config import HTTP_PROTOCOLS
from uvicorn.importer import import_from_string

from ecabinet.server.serving import _Config, http_parser, httptools_from_environment, serve

PARSERS = ("h11", "httptools")


async def _ok(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def _nodelay_of_a_served_connection(config_class: type[uvicorn.Config], http: str) -> int:
    """TCP_NODELAY on the socket of a connection that uvicorn, serving the socket that
    ``config_class`` binds for two workers on asyncio's loop, accepted and answered."""
    seen: list[int] = []
    parser: type[asyncio.Protocol] = import_from_string(HTTP_PROTOCOLS[http])

    class Probe(parser):  # type: ignore[valid-type,misc]
        def connection_made(self, transport: asyncio.Transport) -> None:
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            super().connection_made(transport)

    shared = config_class("x:app", host="127.0.0.1", port=0, workers=2).bind_socket()
    config = uvicorn.Config(_ok, http=Probe, loop="asyncio", lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [shared]})
    thread.start()
    try:
        for _ in range(200):  # until it listens
            if server.started or not thread.is_alive():
                break
            time.sleep(0.05)
        assert server.started
        host, port = shared.getsockname()[:2]
        connection = HTTPConnection(host, port, timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().read() == b"ok"
        connection.close()
    finally:
        server.should_exit = True
        thread.join(10)
        shared.close()
    assert len(seen) == 1
    return seen[0]


@pytest.mark.parametrize("http", PARSERS)
def test_connections_accepted_for_several_workers_have_nagle_off(http: str) -> None:
    assert _nodelay_of_a_served_connection(_Config, http) != 0


@pytest.mark.parametrize("http", PARSERS)
def test_uvicorns_own_socket_would_leave_nagle_on(http: str) -> None:
    """Why _Config exists: asyncio's loop leaves Nagle on for a socket made with protocol 0,
    whichever parser serves it. Should uvicorn ever name the protocol itself, this fails, and
    _Config can go."""
    assert _nodelay_of_a_served_connection(uvicorn.Config, http) == 0


def note_the_loop() -> None:
    """An app factory that names the loop it was called on, in the error that stops serve()
    (an error of a builtin class: uvicorn may import this module a second time)."""
    loop = type(asyncio.get_running_loop())
    raise LookupError(f"loop {loop.__module__}.{loop.__qualname__}")


def test_served_on_asyncios_loop_even_with_uvloop_installed() -> None:
    """uvicorn's "auto" would take uvloop wherever it is installed (it is in the development
    environment); the server names asyncio's loop."""
    with pytest.raises(LookupError, match=r"^loop asyncio\."):
        serve(
            "tests.server.test_serving:note_the_loop",
            host="127.0.0.1",
            port=0,
            workers=1,
            log_level="warning",
        )


def test_the_setting_chooses_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ECABINET_HTTPTOOLS", raising=False)
    assert http_parser(httptools_from_environment()) == "httptools"
    monkeypatch.setenv("ECABINET_HTTPTOOLS", "Off")
    assert http_parser(httptools_from_environment()) == "h11"
    monkeypatch.setenv("ECABINET_HTTPTOOLS", "fast")
    with pytest.raises(ValueError, match="on or off"):
        httptools_from_environment()

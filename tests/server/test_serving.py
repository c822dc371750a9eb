"""The listening socket several workers share: connections accepted on it have Nagle's
algorithm off, as with one worker (else each answer waits ~40 ms on the client's delayed ACK),
with either HTTP parser (h11, httptools) and either event loop (asyncio's, uvloop). Each case
runs a real uvicorn server on the shared socket, as a worker does, and reads the option on the
socket of the connection uvicorn's own protocol class was handed."""

from __future__ import annotations

import asyncio
import itertools
import socket
import threading
import time
from http.client import HTTPConnection
from typing import Any

import pytest
import uvicorn
from uvicorn.config import HTTP_PROTOCOLS
from uvicorn.importer import import_from_string

from ecabinet.server.serving import _Config, parser_and_loop, speedups_from_environment

STACKS = list(itertools.product(("h11", "httptools"), ("asyncio", "uvloop")))


async def _ok(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def _nodelay_of_a_served_connection(
    config_class: type[uvicorn.Config], http: str, loop: str
) -> int:
    """TCP_NODELAY on the socket of a connection that uvicorn, serving the socket that
    ``config_class`` binds for two workers, accepted and answered."""
    for module in (http, loop):
        if module not in ("h11", "asyncio"):
            pytest.importorskip(module)
    seen: list[int] = []
    parser: type[asyncio.Protocol] = import_from_string(HTTP_PROTOCOLS[http])

    class Probe(parser):  # type: ignore[valid-type,misc]
        def connection_made(self, transport: asyncio.Transport) -> None:
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            super().connection_made(transport)

    shared = config_class("x:app", host="127.0.0.1", port=0, workers=2).bind_socket()
    config = uvicorn.Config(_ok, http=Probe, loop=loop, lifespan="off", log_level="warning")
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


@pytest.mark.parametrize(("http", "loop"), STACKS)
def test_connections_accepted_for_several_workers_have_nagle_off(http: str, loop: str) -> None:
    assert _nodelay_of_a_served_connection(_Config, http, loop) != 0


@pytest.mark.parametrize(("http", "loop"), STACKS)
def test_uvicorns_own_socket_would_leave_nagle_on_with_asyncio(http: str, loop: str) -> None:
    """Why _Config exists: asyncio's loop leaves Nagle on for a socket made with protocol 0,
    whichever parser serves it; uvloop turns it off itself, so with uvloop _Config changes
    nothing. Should uvicorn ever name the protocol itself, the asyncio cases fail, and _Config
    can go."""
    nodelay = _nodelay_of_a_served_connection(uvicorn.Config, http, loop)
    if loop == "asyncio":
        assert nodelay == 0
    else:
        assert nodelay != 0


def test_the_setting_chooses_parser_and_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("httptools")
    pytest.importorskip("uvloop")
    monkeypatch.delenv("ECABINET_HTTPTOOLS_UVLOOP", raising=False)
    assert parser_and_loop(speedups_from_environment()) == ("httptools", "uvloop")
    monkeypatch.setenv("ECABINET_HTTPTOOLS_UVLOOP", "Off")
    assert parser_and_loop(speedups_from_environment()) == ("h11", "asyncio")
    monkeypatch.setenv("ECABINET_HTTPTOOLS_UVLOOP", "fast")
    with pytest.raises(ValueError, match="on or off"):
        speedups_from_environment()

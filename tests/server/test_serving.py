"""The listening socket several workers share: connections accepted on it have Nagle's
algorithm off, as with one worker (else each answer waits ~40 ms on the client's delayed ACK)."""

from __future__ import annotations

import asyncio
import socket

import uvicorn

from ecabinet.server.serving import _Config


async def _nodelay_of_an_accepted_connection(listening: socket.socket) -> int:
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    # As a uvicorn worker serves the socket it was handed.
    server = await asyncio.get_running_loop().create_server(Probe, sock=listening)
    host, port = listening.getsockname()[:2]
    _reader, writer = await asyncio.open_connection(host, port)
    try:
        return await asyncio.wait_for(accepted, 10)
    finally:
        writer.close()
        server.close()


def _bound(config: uvicorn.Config) -> socket.socket:
    listening = config.bind_socket()
    listening.setblocking(False)
    return listening


def test_connections_accepted_for_several_workers_have_nagle_off() -> None:
    shared = _bound(_Config("x:app", host="127.0.0.1", port=0, workers=2))
    assert shared.proto == socket.IPPROTO_TCP
    assert asyncio.run(_nodelay_of_an_accepted_connection(shared)) != 0


def test_uvicorns_own_socket_would_leave_nagle_on() -> None:
    """Why _Config exists: should uvicorn ever name the protocol itself, this fails, and
    _Config can go."""
    plain = _bound(uvicorn.Config("x:app", host="127.0.0.1", port=0, workers=2))
    assert asyncio.run(_nodelay_of_an_accepted_connection(plain)) == 0

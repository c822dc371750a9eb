"""Running the server with uvicorn: one process, or several sharing one listening socket.

With several workers uvicorn binds the socket itself (``Config.bind_socket``) and hands it to
each worker process. It makes that socket with protocol 0, and asyncio turns Nagle's algorithm
off (TCP_NODELAY) only on accepted sockets whose protocol says TCP; so with ``--workers 2``
every answer of more than one segment waited for the client's delayed ACK: about 40 ms a
request, against under a millisecond with one worker (`python -m tests.bench latency`). The
socket is remade here with the protocol named, and accepted connections are TCP_NODELAY as
with one worker. Main thread of the server's first process.
"""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess


class _Config(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        made = super().bind_socket()
        if made.family not in (socket.AF_INET, socket.AF_INET6):
            return made  # a Unix socket has no Nagle to turn off
        return socket.socket(made.family, made.type, socket.IPPROTO_TCP, fileno=made.detach())


def serve(
    app: str,
    *,
    host: str,
    port: int,
    workers: int,
    log_level: str,
    tls_cert: str | None = None,
    tls_key: str | None = None,
) -> bool:
    """Serve the ASGI app that the factory ``app`` ("module:function") makes, until stopped;
    False if it could not start (the port taken, the app failing to load)."""
    config = _Config(
        app,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        proxy_headers=True,
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
    )
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
        return True
    server = uvicorn.Server(config)
    server.run()
    return server.started

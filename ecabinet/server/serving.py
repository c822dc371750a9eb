"""Running the server with uvicorn: one process, or several sharing one listening socket.

With several workers uvicorn binds the socket itself (``Config.bind_socket``) and hands it to
each worker process. It makes that socket with protocol 0, and asyncio turns Nagle's algorithm
off (TCP_NODELAY) only on accepted sockets whose protocol says TCP; so with ``--workers 2``
every answer of more than one segment waited for the client's delayed ACK: about 40 ms a
request, against under a millisecond with one worker (`python -m tests.bench latency`). The
socket is remade here with the protocol named, and accepted connections are TCP_NODELAY as
with one worker. uvloop turns Nagle off itself on every TCP connection it accepts, whatever the
socket's protocol, so the fix matters only on asyncio's loop, with either HTTP parser
(tests/server/test_serving.py shows each case).

httptools (uvicorn's C HTTP parser, in place of the pure-Python h11) and uvloop (the event loop
on libuv) answer the same requests sooner under load (`python -m tests.bench firstsync`,
`latency`, `poll`, each with them off and on); they come with the ``server`` extra where they
have wheels, and ``ECABINET_HTTPTOOLS_UVLOOP=off`` serves with h11 and asyncio's loop instead.
Main thread of the server's first process.
"""

from __future__ import annotations

import os
import socket
from importlib.util import find_spec

import uvicorn
from uvicorn.supervisors import Multiprocess


class _Config(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        made = super().bind_socket()
        if made.family not in (socket.AF_INET, socket.AF_INET6):
            return made  # a Unix socket has no Nagle to turn off
        return socket.socket(made.family, made.type, socket.IPPROTO_TCP, fileno=made.detach())


SPEEDUPS_VARIABLE = "ECABINET_HTTPTOOLS_UVLOOP"


def speedups_from_environment() -> bool:
    """Whether to serve with httptools and uvloop (where installed): ``on`` (the default) or
    ``off``; ValueError on anything else, which the caller shows the admin."""
    value = os.environ.get(SPEEDUPS_VARIABLE, "").strip().lower() or "on"
    if value not in ("on", "off"):
        raise ValueError(f"{SPEEDUPS_VARIABLE} must be on or off, not {value!r}")
    return value == "on"


def parser_and_loop(speedups: bool) -> tuple[str, str]:
    """uvicorn's ``http`` and ``loop``: httptools and uvloop if wanted and installed (uvloop has
    no Windows build), else h11 and asyncio's own loop."""
    http = "httptools" if speedups and find_spec("httptools") else "h11"
    loop = "uvloop" if speedups and find_spec("uvloop") else "asyncio"
    return http, loop


def serve(
    app: str,
    *,
    host: str,
    port: int,
    workers: int,
    log_level: str,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    speedups: bool = True,
) -> bool:
    """Serve the ASGI app that the factory ``app`` ("module:function") makes, until stopped;
    False if it could not start (the port taken, the app failing to load)."""
    http, loop = parser_and_loop(speedups)
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
        http=http,
        loop=loop,
    )
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
        return True
    server = uvicorn.Server(config)
    server.run()
    return server.started

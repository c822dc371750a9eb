"""Running the server with uvicorn: one process, or several sharing one listening socket.

With several workers uvicorn binds the socket itself (``Config.bind_socket``) and hands it to
each worker process. It makes that socket with protocol 0, and asyncio turns Nagle's algorithm
off (TCP_NODELAY) only on accepted sockets whose protocol says TCP; so with ``--workers 2``
every answer of more than one segment waited for the client's delayed ACK: about 40 ms a
request, against under a millisecond with one worker (`python -m tests.bench latency`). The
socket is remade here with the protocol named, and accepted connections are TCP_NODELAY as
with one worker (tests/server/test_serving.py shows it needed with either HTTP parser).

httptools (uvicorn's C HTTP parser, in place of the pure-Python h11) answers the same requests
for less CPU each (`python -m tests.bench poll`; `firstsync` and `latency` also run both); it
comes with the ``server`` extra, and ``ECABINET_HTTPTOOLS=off`` serves with h11.
The loop is always asyncio's, named so that uvicorn's "auto" never picks uvloop where it is
installed: on uvloop, 3 of 16 runs at a steady 200 polls a second had p99 tails of seconds (up
to 16.7 s), unexplained, where 14 runs on asyncio's loop stayed at or under 85 ms
(`python -m tests.bench latency --uvloop` serves on both; docs/benchmarks.md has the rest).
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


HTTPTOOLS_VARIABLE = "ECABINET_HTTPTOOLS"
# Always asyncio's loop, named: uvicorn's "auto" would take uvloop wherever it is installed.
LOOP = "asyncio"


def httptools_from_environment() -> bool:
    """Whether to parse HTTP with httptools (where installed): ``on`` (the default) or
    ``off``; ValueError on anything else, which the caller shows the admin."""
    value = os.environ.get(HTTPTOOLS_VARIABLE, "").strip().lower() or "on"
    if value not in ("on", "off"):
        raise ValueError(f"{HTTPTOOLS_VARIABLE} must be on or off, not {value!r}")
    return value == "on"


def http_parser(httptools: bool) -> str:
    """uvicorn's ``http``: httptools if wanted and installed, else h11."""
    return "httptools" if httptools and find_spec("httptools") else "h11"


def serve(
    app: str,
    *,
    host: str,
    port: int,
    workers: int,
    log_level: str,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    httptools: bool = True,
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
        http=http_parser(httptools),
        loop=LOOP,
    )
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
        return True
    server = uvicorn.Server(config)
    server.run()
    return server.started

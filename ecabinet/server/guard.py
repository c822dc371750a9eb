"""Every answer's security headers, and our own fault answered as problem+json with them:
a plain ASGI middleware around the whole API.

It was Starlette's ``@app.middleware("http")`` (BaseHTTPMiddleware), which puts each request
and its answer through a queue and a task group of its own: a cost on every poll for what is
only a few headers. Here the headers are added to the answer's start as it passes. An error
no handler caught, raised before the answer began, is logged in full and answered 500
``internal_error`` (no trace of it reaches the caller), with the same headers: Starlette's
last-resort handler would answer outside this middleware, without them. Runs on the server's
event loop.
"""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ecabinet.server.errors import problem

log = logging.getLogger(__name__)

API = "/api/v1"

_SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
    # Browsers heed it only over TLS, which is how the server is meant to be reached.
    "strict-transport-security": "max-age=31536000",
}
# The API answers data, never a page: nothing in it may run or be framed. (/docs, a page
# with its own scripts, is left out.)
_API_CONTENT_POLICY = {"content-security-policy": "default-src 'none'; frame-ancestors 'none'"}
# Blobs are content-addressed and cached by the laptop; nothing else of the API may be kept.
_NOT_KEPT = {"cache-control": "no-store"}


def _encoded(headers: dict[str, str]) -> tuple[tuple[bytes, bytes], ...]:
    return tuple(
        (name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    )


_FOR_API = _encoded({**_SECURITY_HEADERS, **_API_CONTENT_POLICY, **_NOT_KEPT})
_FOR_BLOBS = _encoded({**_SECURITY_HEADERS, **_API_CONTENT_POLICY})
_FOR_OTHERS = _encoded(_SECURITY_HEADERS)


def _headers_for(path: str) -> tuple[tuple[bytes, bytes], ...]:
    if path.startswith(f"{API}/blobs"):
        return _FOR_BLOBS
    return _FOR_API if path.startswith(API) else _FOR_OTHERS


class Guard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = _headers_for(scope["path"])
        started = False

        async def send_guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(header for header in extra if header[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_guarded)
        except Exception:
            if started:
                raise  # the answer is on its way: nothing better can be said now
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            answer = problem(500, "internal_error", "The server could not complete the request.")
            await answer(scope, receive, send_guarded)

"""A request body never grows past its limit, whatever its framing: a plain ASGI middleware.

The limit used to be read from Content-Length alone, so a body sent chunked (no length) was
read whole: 200 MB to the sign-in took a server from 209 MB to 925 MB. This middleware counts
the bytes as the application receives them, so a chunked body is stopped at the limit too,
before any route parses it. A declared Content-Length over the limit is refused before a byte
is read. It only watches request bodies: a long-lived answer (the live stream) passes through
untouched, message by message.

It is a plain ASGI middleware, not Starlette's BaseHTTPMiddleware, which would put the
request and its answer through a queue of its own. Runs on the server's event loop.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ecabinet.server.errors import problem

MIB = 1024 * 1024
# The rest of a refused body is never read: the connection is closed after the answer (the
# server would otherwise drain what is left, however long the sender goes on).
_CLOSE = {"Connection": "close"}


def _too_large_detail(limit: int) -> str:
    size = f"{limit // MIB} MB" if limit >= MIB else f"{limit} bytes"
    return f"The request body is larger than the limit of {size}."


class BodyLimit:
    """Refuses (413 ``too_large``, problem+json) a request body over ``limit_for(path)``."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        try:
            declared = _content_length(scope)
        except ValueError:
            await _answer(scope, send, 400, "bad_request", "Content-Length is not a number.")
            return
        if declared is not None and declared > limit:
            await _answer(scope, send, 413, "too_large", _too_large_detail(limit))
            return

        received = 0
        over = started = replaced = False

        async def counted_receive() -> Message:
            nonlocal received, over
            if over:  # asked again after the refusal: the body is not read any further
                raise HTTPException(413, _too_large_detail(limit), _CLOSE)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    # Raised into whatever reads the body (FastAPI's parser, a streaming
                    # route); the app's own handler turns it into the 413 problem.
                    raise HTTPException(413, _too_large_detail(limit), _CLOSE)
            return message

        async def checked_send(message: Message) -> None:
            nonlocal started, replaced
            if replaced:
                return  # the rest of an answer we replaced
            if message["type"] == "http.response.start":
                started = True
                if over and message["status"] != 413:
                    # Something in between caught the refusal and answered otherwise: the
                    # caller still learns the one true reason.
                    replaced = True
                    await _answer(scope, send, 413, "too_large", _too_large_detail(limit))
                    return
            await send(message)

        try:
            await self.app(scope, counted_receive, checked_send)
        except Exception:
            if not over or started:
                raise
            await _answer(scope, send, 413, "too_large", _too_large_detail(limit))


def _content_length(scope: Scope) -> int | None:
    """The declared length, None when there is none (chunked); ValueError when not a number."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            length = int(value)
            if length < 0:
                raise ValueError("a negative Content-Length")
            return length
    return None


async def _answer(scope: Scope, send: Send, status: int, code: str, detail: str) -> None:
    response = problem(status, code, detail, headers=_CLOSE)
    await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}

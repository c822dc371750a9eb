"""The FastAPI application factory. Nothing is built at import time: tests make their own."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from sqlalchemy import select

from ecabinet import __version__
from ecabinet.server.api.routes import (
    admin,
    agenda,
    auth,
    ballots,
    blobs,
    board,
    events,
    health,
    meetings,
    minutes,
    pki,
    record,
    session,
    sync,
    votes,
)
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.db import (
    THREADS_PER_WORKER,
    make_engine,
    make_session_factory,
    migrate,
)
from ecabinet.server.errors import install_handlers, problem
from ecabinet.server.live.hub import Hub
from ecabinet.server.live.relay import relayed
from ecabinet.server.models import Body

log = logging.getLogger(__name__)

API = "/api/v1"

_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    # Browsers heed it only over TLS, which is how the server is meant to be reached.
    "Strict-Transport-Security": "max-age=31536000",
}
# The API answers data, never a page: nothing in it may run or be framed. (/docs, a page
# with its own scripts, is left out.)
_API_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    open_blob_store(settings)  # the folder made, or the bucket's settings checked, at start
    engine = make_engine(settings.database_url)
    migrate(engine)
    session_factory = make_session_factory(engine)
    # Every commit of this factory's sessions is announced to the open live streams.
    live_hub = Hub.installed_on(session_factory)
    with session_factory() as db:
        if db.scalar(select(Body).where(Body.code == settings.body_code)) is None:
            db.add(Body(code=settings.body_code, name=settings.body_name))
            db.commit()
        if settings.demo:
            from ecabinet.server.demo import seed_if_empty

            seed_if_empty(db, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Requests that touch the database run on this worker's thread pool: fewer of them at
        # once than the database pool has connections (found under 500 members: 40 threads
        # on 30 connections timed out as 500s instead of waiting).
        to_thread.current_default_thread_limiter().total_tokens = THREADS_PER_WORKER
        # Other server processes on this database learn of our commits, and we of theirs.
        async with relayed(live_hub, engine):
            yield

    app = FastAPI(
        lifespan=lifespan,
        title="e-Cabinet sync server",
        version=__version__,
        description="The sync protocol of e-Cabinet (shared/docs/protocol.md), version 1.",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = session_factory
    app.state.live_hub = live_hub
    install_handlers(app)

    @app.middleware("http")
    async def _guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        # Reject oversized bodies before reading them. Blob uploads have their own, larger
        # limit, enforced while streaming in the blob route.
        length = request.headers.get("content-length")
        is_blob = request.url.path.startswith(f"{API}/blobs")
        if length and not is_blob:
            try:
                too_big = int(length) > settings.request_max_bytes
            except ValueError:
                return problem(400, "bad_request", "Content-Length is not a number.")
            if too_big:
                return problem(413, "too_large", "The request body is too large.")
        try:
            response = await call_next(request)
        except Exception:
            # Caught here, not only by the last-resort handler, so that this answer too
            # carries the headers below. Logged in full; the caller learns only our fault.
            log.exception("unhandled error on %s %s", request.method, request.url.path)
            response = problem(500, "internal_error", "The server could not complete the request.")
        for key, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path.startswith(API):
            response.headers.setdefault("Content-Security-Policy", _API_CONTENT_POLICY)
            if not is_blob:
                response.headers.setdefault("Cache-Control", "no-store")
        return response

    modules = (
        health,
        auth,
        sync,
        blobs,
        pki,
        admin,
        meetings,
        agenda,
        votes,
        board,
        ballots,
        record,
        minutes,
        session,
        events,
    )
    for module in modules:
        app.include_router(module.router, prefix=API)
    return app

"""The FastAPI application factory. Nothing is built at import time: tests make their own."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI, Request, Response

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
    interconnect,
    meetings,
    minutes,
    pki,
    record,
    roll_call,
    session,
    speakers,
    sync,
    tsa,
    votes,
)
from ecabinet.server.audit import load_key
from ecabinet.server.blobstore import open_blob_store, sweep_partial_uploads
from ecabinet.server.body_limit import BodyLimit
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.db import THREADS_PER_WORKER, make_engine, make_session_factory
from ecabinet.server.errors import install_handlers, problem
from ecabinet.server.interconnect.delivery import DeliveryLoop, adapter_for
from ecabinet.server.live.hub import Hub
from ecabinet.server.live.relay import relayed
from ecabinet.server.pdf_checks import PdfChecks
from ecabinet.server.prepare import prepare_database

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
    sweep_partial_uploads(settings.blob_dir / "tmp")  # what a crash left half-received
    engine = make_engine(settings.database_url)
    prepare_database(engine, settings)
    session_factory = make_session_factory(engine, load_key(settings.audit_key_file))
    # Every commit of this factory's sessions is announced to the open live streams.
    live_hub = Hub.installed_on(session_factory)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Requests that touch the database run on this worker's thread pool: fewer of them at
        # once than the database pool has connections (found under 500 members: 40 threads
        # on 30 connections timed out as 500s instead of waiting).
        to_thread.current_default_thread_limiter().total_tokens = THREADS_PER_WORKER
        # Other server processes on this database learn of our commits, and we of theirs.
        # The outbound queue leaves by itself when the exchange is configured.
        delivery = (
            DeliveryLoop(
                session_factory, adapter_for(settings.exchange_out), settings.exchange_interval
            )
            if settings.exchange_out
            else None
        )
        if delivery is not None:
            delivery.start()
        try:
            async with relayed(live_hub, engine):
                yield
        finally:
            if delivery is not None:
                await to_thread.run_sync(delivery.stop)

    app = FastAPI(
        lifespan=lifespan,
        title="e-Cabinet sync server",
        version=__version__,
        description="The sync protocol of e-Cabinet (docs/protocol.md), version 1.",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = session_factory
    app.state.live_hub = live_hub
    app.state.pdf_checks = PdfChecks.for_settings(settings)
    install_handlers(app)
    # Body sizes counted on the bytes received, whatever the framing; inside _guard, so that
    # its refusals carry the headers below too.
    app.add_middleware(BodyLimit, limit_for=_body_limit(settings))

    @app.middleware("http")
    async def _guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        is_blob = request.url.path.startswith(f"{API}/blobs")
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
        speakers,
        roll_call,
        tsa,
        interconnect,
    )
    for module in modules:
        app.include_router(module.router, prefix=API)
    return app


def _body_limit(settings: Settings) -> Callable[[str], int]:
    """Blob uploads and the document exchange's packages have their own, larger limits (also
    checked while their routes stream them to disk); every other request body is small JSON."""

    def limit_for(path: str) -> int:
        if path.startswith(f"{API}/blobs"):
            return settings.blob_max_bytes
        if path == f"{API}/interconnect/packages":
            return settings.interconnect_max_bytes
        return settings.request_max_bytes

    return limit_for

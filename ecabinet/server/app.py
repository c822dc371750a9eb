"""The FastAPI application factory. Nothing is built at import time: tests make their own."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI

from ecabinet import __version__
from ecabinet.server.api.routes import (
    admin,
    agenda,
    auth,
    ballots,
    blobs,
    board,
    bodies,
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
from ecabinet.server.body_views import BodyViews
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.db import THREADS_PER_WORKER, make_engine, make_session_factory
from ecabinet.server.errors import install_handlers
from ecabinet.server.first_pages import FirstPages
from ecabinet.server.guard import API, Guard
from ecabinet.server.interconnect.delivery import DeliveryLoop, adapter_for
from ecabinet.server.live.hub import Hub
from ecabinet.server.live.relay import relayed
from ecabinet.server.pages_from_memory import PagesFromMemory
from ecabinet.server.pdf_checks import PdfChecks
from ecabinet.server.prepare import prepare_database
from ecabinet.server.quiet_poll import ENDED_FILE, PollMemory, QuietPoll

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    open_blob_store(settings)  # the folder made, or the bucket's settings checked, at start
    sweep_partial_uploads(settings.blob_dir / "tmp")  # what a crash left half-received
    engine = make_engine(settings.database_url)
    prepare_database(engine, settings)
    session_factory = make_session_factory(
        engine, load_key(settings.audit_key_file), settings.audit_keys_dir
    )
    # Every commit of this factory's sessions is announced to the open live streams.
    live_hub = Hub.installed_on(session_factory)
    # On SQLite the processes cannot hear each other: a file tells of ended sign-ins.
    sqlite = settings.database_url.startswith("sqlite")
    poll_memory = PollMemory(ended_file=settings.data_dir / ENDED_FILE if sqlite else None)
    first_pages = FirstPages(settings.first_page_cache_mb * 1024 * 1024)
    body_views = BodyViews()
    live_hub.memories += [poll_memory, first_pages, body_views]
    pages = PagesFromMemory(poll_memory, body_views, first_pages, session_factory)

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
    app.state.poll_memory = poll_memory
    app.state.first_pages = first_pages
    app.state.body_views = body_views
    app.state.pages_from_memory = pages
    app.state.pdf_checks = PdfChecks.for_settings(settings)
    install_handlers(app)
    # Body sizes counted on the bytes received, whatever the framing.
    app.add_middleware(BodyLimit, limit_for=_body_limit(settings))

    # A poll that finds nothing new, answered from memory before any of the rest.
    app.add_middleware(QuietPoll, memory=poll_memory, pages=pages)
    # Outside the others, so that their answers carry the security headers too.
    app.add_middleware(Guard)

    modules = (
        health,
        auth,
        bodies,
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

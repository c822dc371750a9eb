"""GET /api/v1/health: is the server up, and which version."""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet import __version__
from ecabinet.wire.auth import Health

router = APIRouter(tags=["health"])  # no database: the plain route


@router.get("/health", response_model=Health)
async def health() -> Health:
    # Answered on the event loop itself, never queued behind uploads and their PDF checks
    # on the worker threads: a load balancer asking "are you up?" gets an answer at once.
    return Health(status="ok", version=__version__)

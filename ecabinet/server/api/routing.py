"""The route class every router uses: the request's database session is closed as soon as
the endpoint returns.

FastAPI checks and serialises a synchronous endpoint's answer on a worker thread after the
endpoint returns, and closes the request's dependencies only after that. Under a burst of
requests, every connection was then held by a request waiting for a thread, while every
thread waited for a connection, until the pool timed out (500s in the load test of 500
members). Closing the session when the endpoint returns breaks that circle; the answers are
plain models by then, so nothing needs the database any more.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from fastapi.routing import APIRoute
from sqlalchemy.orm import Session


def _close_sessions(arguments: dict[str, Any]) -> None:
    for value in arguments.values():
        if isinstance(value, Session):
            value.close()


def _closing_sessions(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.iscoroutinefunction(endpoint):

        @functools.wraps(endpoint)
        async def run_async(**arguments: Any) -> Any:
            try:
                return await endpoint(**arguments)
            finally:
                _close_sessions(arguments)

        return run_async

    @functools.wraps(endpoint)
    def run(**arguments: Any) -> Any:
        try:
            return endpoint(**arguments)
        finally:
            _close_sessions(arguments)

    return run


class ReleasingRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, _closing_sessions(endpoint), **kwargs)

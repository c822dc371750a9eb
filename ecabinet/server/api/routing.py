"""The route class every router uses: the sign-in is checked on the endpoint's own worker
thread, and the request's database session is closed as soon as the endpoint returns.

FastAPI runs each plain (``def``) dependency on a worker thread of its own before the
endpoint's: a sign-in check as a dependency was a second trip to the thread pool for every
signed-in request, a wait for a free thread under load while its connection was held. A
synchronous endpoint's parameter marked with a ``SignInCheck`` (``Auth``, ``Secretariat``...,
deps.py) is therefore hidden from FastAPI: the route asks FastAPI for the request and the
session instead (and, when a token is required, for ``bearer_header``, which refuses a request
without one on the event loop and names the scheme in the OpenAPI document), and runs the
check on the endpoint's thread, with the endpoint's session, just before the endpoint. Async
endpoints keep the dependency: they choose themselves what runs on a thread.

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
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, get_origin

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from ecabinet.server.api.deps import BearerHeader, DbDep, SignInCheck

# The names under which the route asks for what the endpoint itself did not.
_REQUEST = "ecabinet_sign_in_request"
_DB = "ecabinet_sign_in_db"
_HEADER = "ecabinet_bearer_header"


def _close_sessions(arguments: dict[str, Any]) -> None:
    for value in arguments.values():
        if isinstance(value, Session):
            value.close()


def _sign_in_check(annotation: Any) -> SignInCheck | None:
    if get_origin(annotation) is not Annotated:
        return None
    return next((m for m in annotation.__metadata__ if isinstance(m, SignInCheck)), None)


def _named(signature: inspect.Signature, wanted: Callable[[Any], bool]) -> str | None:
    return next((n for n, p in signature.parameters.items() if wanted(p.annotation)), None)


def _sign_in_checks(endpoint: Callable[..., Any]) -> dict[str, SignInCheck]:
    """The synchronous endpoint's parameters that are sign-in checks (none for an async one).
    Annotations are resolved here, since FastAPI would look names up in the wrapper's module,
    not the endpoint's."""
    if inspect.iscoroutinefunction(endpoint):
        return {}
    signature = inspect.signature(endpoint, eval_str=True)
    return {
        name: check
        for name, param in signature.parameters.items()
        if (check := _sign_in_check(param.annotation)) is not None
    }


def _checked_on_thread(
    endpoint: Callable[..., Any], checks: dict[str, SignInCheck]
) -> Callable[..., Any]:
    """The synchronous endpoint with its sign-in checks run in its own call."""
    signature = inspect.signature(endpoint, eval_str=True)
    request_name = _named(signature, lambda a: a is Request)
    db_name = _named(signature, lambda a: a == DbDep)
    added: dict[str, Any] = {}
    if any(check.token_required for check in checks.values()):
        added[_HEADER] = BearerHeader  # first: refused before a session is even opened
    if request_name is None:
        request_name = _REQUEST
        added[_REQUEST] = Request
    if db_name is None:
        db_name = _DB
        added[_DB] = DbDep
    # Keyword-only, so that the order FastAPI solves them in is free of Python's rule on
    # defaults; FastAPI passes every argument by name anyway.
    parameters = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation)
        for name, annotation in added.items()
    ] + [
        param.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        for name, param in signature.parameters.items()
        if name not in checks
    ]

    @functools.wraps(endpoint)
    def run(**arguments: Any) -> Any:
        try:
            request, db = arguments[request_name], arguments[db_name]
            given = {name: value for name, value in arguments.items() if name not in added}
            for name, check in checks.items():
                given[name] = check.check(request, db)
            return endpoint(**given)
        finally:
            _close_sessions(arguments)

    run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    return run


def _closing_sessions(
    endpoint: Callable[..., Any], checks: dict[str, SignInCheck]
) -> Callable[..., Any]:
    if checks:
        return _checked_on_thread(endpoint, checks)
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


def _refuse_if_not_signed_in(request: Request, checks: list[SignInCheck]) -> None:
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as db:
        for check in checks:
            check.check(request, db)


class ReleasingRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        checks = _sign_in_checks(endpoint)
        # Before super().__init__, which builds the handler (get_route_handler).
        self.sign_in_checks = list(checks.values())
        super().__init__(path, _closing_sessions(endpoint, checks), **kwargs)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """FastAPI refuses bad parameters or a bad body before the endpoint, and so now before
        its sign-in check: a caller the check would refuse is answered as before, 401 or 403
        rather than 422, so a bad body never tells a stranger more than that he may not. The
        check runs a second time for that only, on the error's path, never for a good request.
        Malformed JSON stays 400 first, as it was when the check was a dependency."""
        handler = super().get_route_handler()
        checks = self.sign_in_checks
        if not checks:
            return handler

        async def refused_first(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as error:
                if not any(e.get("type") == "json_invalid" for e in error.errors()):
                    await run_in_threadpool(_refuse_if_not_signed_in, request, checks)
                raise

        return refused_first

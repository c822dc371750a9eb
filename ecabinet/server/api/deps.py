"""Request dependencies: the database session, the signed-in user, role checks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import SIGNING_ROLES, Role
from ecabinet.server.core.config import Settings
from ecabinet.server.core.security import token_hash
from ecabinet.server.db import writer_session
from ecabinet.server.errors import ApiError
from ecabinet.server.models import Device, Token, User, now
from ecabinet.server.services.actor import AuthContext


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


# Requests that only read; any other method may write, and its session is a writer's.
_READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_db(request: Request) -> AsyncIterator[Session]:
    """A session per request, opened and closed on the event loop, not on a worker thread:
    under a burst, a close waiting for a free thread held its connection while every running
    thread waited for one, until the pool timed out. Closing only hands the connection back.
    A request that may write gets a writer's session (BEGIN IMMEDIATE on SQLite, see db.py)."""
    factory = request.app.state.session_factory
    if request.method in _READ_ONLY_METHODS:
        session = factory()
    else:
        session = writer_session(factory)
    try:
        yield session
    finally:
        session.close()


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
# Closed when the endpoint returns, before its answer is sent: a slow reader of a large
# answer must not hold a database connection while it reads.
DbDep = Annotated[Session, Depends(get_db, scope="function")]


def _unauthorized(code: str, detail: str) -> ApiError:
    return ApiError(401, code, detail, headers={"WWW-Authenticate": "Bearer"})


def _resolve_token(request: Request, db: Session) -> AuthContext:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token or len(token) > 512:
        raise _unauthorized("unauthorized", "Sign in first.")
    hashed = token_hash(token.strip())
    row = db.execute(
        select(Token, User, Device)
        .join(User, User.id == Token.user_id)
        .join(Device, Device.id == Token.device_id)
        .where(Token.token_hash == hashed)
    ).first()
    if row is None:
        raise _unauthorized("unauthorized", "The session is not valid. Sign in again.")
    tok, user, device = row
    if tok.revoked or not user.active:
        raise _unauthorized("unauthorized", "The session has ended. Sign in again.")
    if tok.expires_at <= now():
        raise _unauthorized("token_expired", "The session has expired. Sign in again.")
    # Give the connection back between the sign-in check and the endpoint: waiting for a
    # thread with a connection held is how a burst of requests emptied the pool.
    db.commit()
    return AuthContext(
        user=user,
        device=device,
        token_hash=hashed,
        device_revoked=device.revoked_at is not None,
        token_expires_at=tok.expires_at,
    )


def _person(ctx: AuthContext) -> AuthContext:
    """A system account (the document exchange's adapter) is no person: it reads and does
    nothing but deliver its packages."""
    if ctx.has(Role.EXCHANGE):
        raise ApiError(
            403, "forbidden", "A system account only delivers the document exchange's packages."
        )
    return ctx


def auth_allow_revoked(request: Request, db: Session) -> AuthContext:
    """For the change feed only: a revoked device learns there that it must wipe itself.
    Called by the feed's endpoint itself, on its thread (routes/sync.py)."""
    return _person(_resolve_token(request, db))


def _live_token(request: Request, db: Session) -> AuthContext:
    ctx = _resolve_token(request, db)
    if ctx.device_revoked:
        raise _unauthorized("device_revoked", "This device has been revoked.")
    return ctx


def current_auth(request: Request, db: DbDep) -> AuthContext:
    return _person(_live_token(request, db))


def any_account(request: Request, db: DbDep) -> AuthContext:
    """A person or a system account (signing out is for both)."""
    return _live_token(request, db)


def require_exchange(request: Request, db: DbDep) -> AuthContext:
    """The document exchange's system account, and no one else (not even the Office)."""
    ctx = _live_token(request, db)
    if not ctx.has(Role.EXCHANGE):
        raise ApiError(403, "forbidden", "Only the document exchange's system account may do this.")
    return ctx


def callers_body_id(request: Request, db: DbDep) -> str | None:
    """For what anyone may read but a caller with a token reads as their own body's (its CA,
    its revocation list): None without an Authorization header. A token only chooses which
    public answer, so one that has expired or whose laptop was revoked still names its body;
    one that names no session is refused (401), not taken for nobody, lest a member be given
    another body's trust anchor."""
    if "authorization" not in request.headers:
        return None
    scheme, _, token = request.headers["authorization"].partition(" ")
    body_id = None
    if scheme.lower() == "bearer" and token and len(token) <= 512:
        body_id = db.scalar(
            select(User.body_id)
            .join(Token, Token.user_id == User.id)
            .where(Token.token_hash == token_hash(token.strip()))
        )
    if body_id is None:
        raise _unauthorized("unauthorized", "The session is not valid. Sign in again.")
    db.commit()  # the connection goes back before the endpoint, as after a sign-in check
    return body_id


Auth = Annotated[AuthContext, Depends(current_auth)]
CallersBody = Annotated[str | None, Depends(callers_body_id)]


def require_secretariat(auth: Auth) -> AuthContext:
    # The endpoint itself is no secret, so 403; objects a caller may not see answer 404.
    if not auth.is_secretariat:
        raise ApiError(403, "forbidden", "Only the Government Office may do this.")
    return auth


def require_chair_or_secretariat(auth: Auth) -> AuthContext:
    if not (auth.is_secretariat or auth.has(Role.CHAIR)):
        raise ApiError(403, "forbidden", "Only the chair or the Government Office may do this.")
    return auth


def require_signer(auth: Auth) -> AuthContext:
    if not auth.roles & SIGNING_ROLES:
        raise ApiError(403, "forbidden", "Guests and deputies do not sign or upload papers.")
    return auth


Secretariat = Annotated[AuthContext, Depends(require_secretariat)]
Signer = Annotated[AuthContext, Depends(require_signer)]
ChairOrSecretariat = Annotated[AuthContext, Depends(require_chair_or_secretariat)]
Exchange = Annotated[AuthContext, Depends(require_exchange)]
AnyAccount = Annotated[AuthContext, Depends(any_account)]

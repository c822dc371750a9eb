"""Request dependencies: the database session, the signed-in user, role checks.

The sign-in and role checks are plain functions of (request, session); how they run on the
endpoint's own worker thread is ``routing.py``'s."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import SIGNING_ROLES, Role
from ecabinet.domain.body_words import english_office
from ecabinet.server.core.config import Settings
from ecabinet.server.core.security import token_hash
from ecabinet.server.db import writer_session
from ecabinet.server.errors import ApiError
from ecabinet.server.models import Body, Device, Token, User, now
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


def _bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token or len(token) > 512:
        raise _unauthorized("unauthorized", "Sign in first.")
    return token.strip()


# Only for the OpenAPI document: it names the bearer scheme on every route that needs a
# sign-in. The header itself is read by bearer_header below, which answers in our words.
_BEARER_SCHEME = HTTPBearer(
    scheme_name="bearer",
    description="The token POST /auth/login answered (docs/protocol.md, Sign-in).",
    auto_error=False,
)


async def bearer_header(
    request: Request,
    _scheme: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER_SCHEME)],
) -> None:
    """A request with no bearer token is refused here, on the event loop, before its body or
    parameters are checked and before any worker thread or connection is taken: as when the
    whole sign-in check ran first, "sign in" is what a caller without a token is told."""
    _bearer_token(request)


BearerHeader = Annotated[None, Depends(bearer_header)]


def _resolve_token(request: Request, db: Session) -> AuthContext:
    hashed = token_hash(_bearer_token(request))
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
    # End the sign-in's transaction before the endpoint's own: on the dependency path (async
    # endpoints) the endpoint may wait for a thread, and a connection held while waiting is
    # how a burst of requests emptied the pool.
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


# The checks: plain functions of the request and its session, run on the endpoint's own
# worker thread by ReleasingRoute (routing.py), or as dependencies for async endpoints.


def auth_allow_revoked(request: Request, db: Session) -> AuthContext:
    """For the change feed only: a revoked device learns there that it must wipe itself."""
    return _person(_resolve_token(request, db))


def _live_token(request: Request, db: Session) -> AuthContext:
    ctx = _resolve_token(request, db)
    if ctx.device_revoked:
        raise _unauthorized("device_revoked", "This device has been revoked.")
    return ctx


def current_auth(request: Request, db: Session) -> AuthContext:
    return _person(_live_token(request, db))


def any_account(request: Request, db: Session) -> AuthContext:
    """A person or a system account (signing out is for both)."""
    return _live_token(request, db)


def require_exchange(request: Request, db: Session) -> AuthContext:
    """The document exchange's system account, and no one else (not even the Office)."""
    ctx = _live_token(request, db)
    if not ctx.has(Role.EXCHANGE):
        raise ApiError(403, "forbidden", "Only the document exchange's system account may do this.")
    return ctx


def _only(db: Session, auth: AuthContext, who: str = "") -> ApiError:
    """The refusal names the caller's own body's office ("Only the Office of the People's
    Committee of Hà Nội City may do this."), not the Government's. The sign-in read the user,
    not its body: the body's name is one small read by key, made only when refusing."""
    body = db.get_one(Body, auth.body_id)
    return ApiError(
        403, "forbidden", f"Only {who}{english_office(body.code, body.name)} may do this."
    )


def require_secretariat(request: Request, db: Session) -> AuthContext:
    auth = current_auth(request, db)
    # The endpoint itself is no secret, so 403; objects a caller may not see answer 404.
    if not auth.is_secretariat:
        raise _only(db, auth)
    return auth


def require_chair_or_secretariat(request: Request, db: Session) -> AuthContext:
    auth = current_auth(request, db)
    if not (auth.is_secretariat or auth.has(Role.CHAIR)):
        raise _only(db, auth, "the chair or ")
    return auth


def require_signer(request: Request, db: Session) -> AuthContext:
    auth = current_auth(request, db)
    if not auth.roles & SIGNING_ROLES:
        raise ApiError(403, "forbidden", "Guests and deputies do not sign or upload papers.")
    return auth


def callers_body_id(request: Request, db: Session) -> str | None:
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


class SignInCheck:
    """Marks a parameter whose value is one of the checks above. A synchronous endpoint's
    route (ReleasingRoute) runs the check itself, on the endpoint's worker thread and with
    its session, instead of FastAPI running the dependency on a thread of its own first: one
    trip to the thread pool per request, not two. ``depends`` is that dependency, which
    async endpoints (and any route that is not a ReleasingRoute) still use."""

    def __init__(
        self, check: Callable[[Request, Session], Any], *, token_required: bool = True
    ) -> None:
        self.check = check
        # Whether a request without a bearer token is refused before anything else.
        self.token_required = token_required

        def with_token(request: Request, db: DbDep, _header: BearerHeader) -> Any:
            return check(request, db)

        def token_optional(request: Request, db: DbDep) -> Any:
            return check(request, db)

        self.depends = Depends(with_token if token_required else token_optional)

    def __repr__(self) -> str:
        return f"SignInCheck({self.check.__name__})"


_AUTH = SignInCheck(current_auth)
_FEED = SignInCheck(auth_allow_revoked)
_ANY = SignInCheck(any_account)
_EXCHANGE = SignInCheck(require_exchange)
_SECRETARIAT = SignInCheck(require_secretariat)
_CHAIR_OR_SECRETARIAT = SignInCheck(require_chair_or_secretariat)
_SIGNER = SignInCheck(require_signer)
_CALLERS_BODY = SignInCheck(callers_body_id, token_required=False)

Auth = Annotated[AuthContext, _AUTH.depends, _AUTH]
# The change feed's: a revoked laptop is let in, to learn that it must wipe itself.
FeedAuth = Annotated[AuthContext, _FEED.depends, _FEED]
AnyAccount = Annotated[AuthContext, _ANY.depends, _ANY]
Exchange = Annotated[AuthContext, _EXCHANGE.depends, _EXCHANGE]
Secretariat = Annotated[AuthContext, _SECRETARIAT.depends, _SECRETARIAT]
ChairOrSecretariat = Annotated[AuthContext, _CHAIR_OR_SECRETARIAT.depends, _CHAIR_OR_SECRETARIAT]
Signer = Annotated[AuthContext, _SIGNER.depends, _SIGNER]
CallersBody = Annotated[str | None, _CALLERS_BODY.depends, _CALLERS_BODY]

"""Sign-in and sign-out. Wrong user and wrong password answer alike; failures are throttled."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Response
from sqlalchemy import delete, func, select

from ecabinet.server import audit, live
from ecabinet.server.api.deps import Auth, DbDep, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.core.security import dummy_hash, new_token, token_hash, verify_password
from ecabinet.server.errors import ApiError
from ecabinet.server.models import Device, LoginFailure, Token, User, now
from ecabinet.wire.auth import LoginRequest, LoginResponse, UserPublic

router = APIRouter(prefix="/auth", tags=["auth"], route_class=ReleasingRoute)

_DUMMY: dict[int, str] = {}


@router.post(
    "/login",
    response_model=LoginResponse,
    responses={401: {"description": "bad_credentials"}, 429: {"description": "throttled"}},
)
def login(body: LoginRequest, db: DbDep, settings: SettingsDep) -> LoginResponse:
    username = body.username.strip().lower()
    window_start = now() - timedelta(seconds=settings.login_window_seconds)
    failures = (
        db.scalar(
            select(func.count()).where(
                LoginFailure.username == username, LoginFailure.at > window_start
            )
        )
        or 0
    )
    if failures >= settings.login_max_failures:
        raise ApiError(
            429,
            "too_many_attempts",
            "Too many failed sign-ins. Wait a few minutes and try again.",
            headers={"Retry-After": str(settings.login_window_seconds)},
        )
    user = db.scalar(select(User).where(User.username == username))
    stored = (
        user.password_hash
        if user
        else _DUMMY.setdefault(settings.password_scrypt_n, dummy_hash(settings.password_scrypt_n))
    )
    if not verify_password(body.password, stored) or user is None or not user.active:
        db.add(LoginFailure(username=username))
        db.commit()
        raise ApiError(401, "bad_credentials", "Wrong username or password.")
    db.execute(delete(LoginFailure).where(LoginFailure.username == username))
    device = Device(user_id=user.id, name=body.device_name or "desktop")
    db.add(device)
    db.flush()
    token = new_token()
    expires = now() + timedelta(hours=settings.token_ttl_hours)
    db.add(
        Token(
            token_hash=token_hash(token), user_id=user.id, device_id=device.id, expires_at=expires
        )
    )
    audit.record(
        db,
        "auth.login",
        actor_id=user.id,
        body_id=user.body_id,
        object_type="device",
        object_id=device.id,
        detail={"device": device.name},
    )
    db.commit()
    return LoginResponse(
        token=token,
        expires_at=expires,
        device_id=device.id,
        offline_hours=settings.offline_expiry_hours,
        idle_minutes=settings.idle_lock_minutes,
        user=UserPublic(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            title=user.title,
            roles=list(user.roles),
        ),
    )


@router.post("/logout", status_code=204, response_class=Response)
def logout(auth: Auth, db: DbDep) -> Response:
    tok = db.get(Token, auth.token_hash)
    if tok is not None:
        tok.revoked = True
    live.close_streams(db, device_id=auth.device.id)  # its live stream ends with it
    audit.record(
        db,
        "auth.logout",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="device",
        object_id=auth.device.id,
    )
    db.commit()
    return Response(status_code=204)


@router.get("/me", response_model=UserPublic)
def me(auth: Auth) -> UserPublic:
    u = auth.user
    return UserPublic(
        id=u.id, username=u.username, full_name=u.full_name, title=u.title, roles=list(u.roles)
    )

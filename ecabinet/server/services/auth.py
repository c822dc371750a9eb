"""Signing in and out. The user is found by the body's code and the username (a username is
unique within its body only); an unknown body, a wrong user and a wrong password are refused
alike, and failures are throttled per body and username. Request worker threads.

Like every service, these leave the commit to the caller, with one exception: a failed sign-in
commits the failure before it refuses, since the throttle must count it although the request
fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ecabinet.server import audit, live
from ecabinet.server.core.config import Settings
from ecabinet.server.core.security import dummy_hash, new_token, token_hash, verify_password
from ecabinet.server.errors import ApiError
from ecabinet.server.models import Body, Device, LoginFailure, Token, User, now
from ecabinet.server.services.actor import AuthContext

# A hash to check unknown usernames against, one per cost, so they take as long as known ones.
_DUMMY: dict[int, str] = {}


@dataclass(frozen=True)
class SignedIn:
    token: str  # the only time the token is known in the clear; its hash is stored
    expires_at: datetime
    device: Device
    user: User
    body: Body


def sign_in(
    db: Session,
    settings: Settings,
    username: str,
    password: str,
    device_name: str,
    body_code: str = "",
) -> SignedIn:
    """A new device and token for the user of the body ``body_code`` names (empty: the
    configured body), or ``too_many_attempts`` / ``bad_credentials``."""
    username = username.strip().lower()
    body_code = body_code.strip().lower() or settings.body_code
    attempt = (LoginFailure.body_code == body_code, LoginFailure.username == username)
    window_start = now() - timedelta(seconds=settings.login_window_seconds)
    failures = db.scalar(select(func.count()).where(*attempt, LoginFailure.at > window_start)) or 0
    if failures >= settings.login_max_failures:
        raise ApiError(
            429,
            "too_many_attempts",
            "Too many failed sign-ins. Wait a few minutes and try again.",
            headers={"Retry-After": str(settings.login_window_seconds)},
        )
    # One query for the body and the user: an unknown body costs what an unknown user does.
    found = db.execute(
        select(User, Body)
        .join(Body, Body.id == User.body_id)
        .where(Body.code == body_code, User.username == username)
    ).first()
    user, body = (found[0], found[1]) if found else (None, None)
    stored = (
        user.password_hash
        if user
        else _DUMMY.setdefault(settings.password_scrypt_n, dummy_hash(settings.password_scrypt_n))
    )
    if not verify_password(password, stored) or user is None or body is None or not user.active:
        db.add(LoginFailure(body_code=body_code, username=username))
        db.commit()
        raise ApiError(401, "bad_credentials", "Wrong body, username or password.")
    db.execute(delete(LoginFailure).where(*attempt))
    # Seen now: its first pull, which follows at once, then has nothing to write (sync.py),
    # and a whole cabinet signing in at once does not queue its first pulls behind writes.
    device = Device(user_id=user.id, name=device_name or "desktop", last_seen_at=now())
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
    return SignedIn(token, expires, device, user, body)


def sign_out(db: Session, auth: AuthContext) -> None:
    """The caller's token stops working and the device's live stream ends."""
    tok = db.get(Token, auth.token_hash)
    if tok is not None:
        tok.revoked = True
    live.close_streams(db, device_id=auth.device.id)
    audit.record(
        db,
        "auth.logout",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="device",
        object_id=auth.device.id,
    )

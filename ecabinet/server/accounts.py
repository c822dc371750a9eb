"""Acts on accounts shared by the admin API and the command line: reset, revoke."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import audit, live
from ecabinet.server.core.security import hash_password
from ecabinet.server.models import Device, Token, User, now
from ecabinet.server.pki import revoke_device_certificates


def reset_password(db: Session, user: User, password: str, cost: int, actor_id: str | None) -> None:
    user.password_hash = hash_password(password, cost)
    for token in db.scalars(select(Token).where(Token.user_id == user.id)):
        token.revoked = True  # every device signs in again with the new password
    live.close_streams(db, user_id=user.id)
    audit.record(
        db,
        "user.reset_password",
        actor_id=actor_id,
        body_id=user.body_id,
        object_type="user",
        object_id=user.id,
    )


def revoke_device(db: Session, device: Device, owner: User, actor_id: str | None) -> None:
    """The device erases its data at its next contact; its certificate stops counting."""
    device.revoked_at = device.revoked_at or now()
    revoke_device_certificates(db, device.id)
    live.close_streams(db, device_id=device.id)  # an open stream ends at once
    audit.record(
        db,
        "device.revoke",
        actor_id=actor_id,
        body_id=owner.body_id,
        object_type="device",
        object_id=device.id,
        detail={"user_id": owner.id},
    )

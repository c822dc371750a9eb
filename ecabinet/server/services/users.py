"""Users and devices: create, edit or disable, reset a password, revoke a lost laptop.

Shared by the admin API and the command line. Each function checks, changes, publishes to
the feed (users) and writes the audit entry in the caller's transaction; the caller commits.
Request worker threads and the command line.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import Role
from ecabinet.server import feed, live
from ecabinet.server.core.security import hash_password
from ecabinet.server.errors import ApiError
from ecabinet.server.models import Device, Token, User, now
from ecabinet.server.password_policy import password_problem
from ecabinet.server.pki import revoke_device_certificates
from ecabinet.server.services.actor import Actor, record
from ecabinet.wire.admin import UserCreate, UserUpdate


def _role_values(roles: list[Role]) -> list[str]:
    return list(dict.fromkeys(role.value for role in roles))  # once each, in the given order


def check_password(password: str, username: str) -> None:
    problem = password_problem(password, username)
    if problem:
        raise ApiError(422, "weak_password", problem)


def users_of(db: Session, actor: Actor) -> list[User]:
    """The body's users in the office's order."""
    return list(
        db.scalars(
            select(User)
            .where(User.body_id == actor.body_id)
            .order_by(User.sort_order, User.username)
        )
    )


def devices_of(db: Session, actor: Actor, user_id: str | None) -> list[Device]:
    """The body's devices (one user's when named), oldest first."""
    query = (
        select(Device).join(User, User.id == Device.user_id).where(User.body_id == actor.body_id)
    )
    if user_id:
        query = query.where(Device.user_id == user_id)
    return list(db.scalars(query.order_by(Device.created_at)))


def create_user(
    db: Session,
    actor: Actor,
    new: UserCreate,
    cost: int,
    detail: dict[str, Any] | None = None,
) -> User:
    """A user of the actor's body; ``detail`` is the audit entry's (default: the username)."""
    check_password(new.password, new.username)
    # Unique within the body only: another body may have a user of the same name.
    taken = select(User.id).where(User.body_id == actor.body_id, User.username == new.username)
    if db.scalar(taken):
        raise ApiError(409, "conflict", "That username is taken in this body.")
    user = User(
        body_id=actor.body_id,
        username=new.username,
        full_name=new.full_name,
        title=new.title,
        roles=_role_values(new.roles),
        password_hash=hash_password(new.password, cost),
    )
    db.add(user)
    db.flush()
    feed.publish_user(db, user)
    record(db, actor, "user.create", "user", user.id, detail or {"username": user.username})
    return user


def update_user(db: Session, actor: Actor, user: User, edit: UserUpdate) -> User:
    """Edit or disable; a disabled user's live streams end at once."""
    changes = edit.model_dump(exclude_none=True, mode="json")
    if "roles" in changes:
        changes["roles"] = _role_values(edit.roles or [])
    if user.id == actor.user_id and (
        changes.get("active") is False
        or Role.SECRETARIAT.value not in changes.get("roles", user.roles)
    ):
        # Otherwise a slip could leave the body with nobody to undo it.
        raise ApiError(409, "conflict", "You cannot disable yourself or drop your own role.")
    for field, value in changes.items():
        setattr(user, field, value)
    if not user.active:
        live.close_streams(db, user_id=user.id)
    feed.publish_user(db, user)
    record(db, actor, "user.update", "user", user.id, changes)
    return user


def reset_password(db: Session, actor: Actor, user: User, password: str, cost: int) -> None:
    """Every device of the user signs in again with the new password."""
    check_password(password, user.username)
    user.password_hash = hash_password(password, cost)
    for token in db.scalars(select(Token).where(Token.user_id == user.id)):
        token.revoked = True
    live.close_streams(db, user_id=user.id)
    record(db, actor, "user.reset_password", "user", user.id)


def revoke_device(db: Session, actor: Actor, device: Device, owner: User) -> None:
    """The device erases its data at its next contact; its certificate stops counting."""
    device.revoked_at = device.revoked_at or now()
    revoke_device_certificates(db, device.id)
    live.close_streams(db, device_id=device.id)  # an open stream ends at once
    record(db, actor, "device.revoke", "device", device.id, {"user_id": owner.id})

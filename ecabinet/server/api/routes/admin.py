"""Users and devices: the Government Office creates, edits, disables, resets and revokes.

Secretariat only (403 for others); users and devices of another body answer 404. Each change
is published to the feed (users) and recorded in the audit log.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from ecabinet.domain import Role
from ecabinet.server import audit, feed, live
from ecabinet.server.accounts import reset_password, revoke_device
from ecabinet.server.api.deps import DbDep, Secretariat, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.core.security import hash_password
from ecabinet.server.errors import ApiError, not_found
from ecabinet.server.models import Device, User
from ecabinet.server.password_policy import password_problem
from ecabinet.wire.admin import PasswordReset, UserAdminPublic, UserCreate, UserUpdate
from ecabinet.wire.office import DeviceSeen

router = APIRouter(tags=["admin"], route_class=ReleasingRoute)


def _public(user: User) -> UserAdminPublic:
    return UserAdminPublic.model_validate(user, from_attributes=True)


def _user(db: DbDep, auth: Secretariat, user_id: str) -> User:
    user = db.get(User, user_id)
    if user is None or user.body_id != auth.body_id:
        raise not_found("user")
    return user


def _role_values(roles: list[Role]) -> list[str]:
    return list(dict.fromkeys(role.value for role in roles))  # once each, in the given order


def _check_password(password: str, username: str) -> None:
    problem = password_problem(password, username)
    if problem:
        raise ApiError(422, "weak_password", problem)


@router.get("/users", response_model=list[UserAdminPublic], summary="Users of the body")
def list_users(auth: Secretariat, db: DbDep) -> list[UserAdminPublic]:
    users = db.scalars(
        select(User).where(User.body_id == auth.body_id).order_by(User.sort_order, User.username)
    )
    return [_public(u) for u in users]


@router.post("/users", status_code=201, response_model=UserAdminPublic, summary="Add a user")
def create_user(
    body: UserCreate, auth: Secretariat, db: DbDep, settings: SettingsDep
) -> UserAdminPublic:
    _check_password(body.password, body.username)
    if db.scalar(select(User.id).where(User.username == body.username)):
        raise ApiError(409, "conflict", "That username is taken.")
    user = User(
        body_id=auth.body_id,
        username=body.username,
        full_name=body.full_name,
        title=body.title,
        roles=_role_values(body.roles),
        password_hash=hash_password(body.password, settings.password_scrypt_n),
    )
    db.add(user)
    db.flush()
    feed.publish_user(db, user)
    audit.record(
        db,
        "user.create",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="user",
        object_id=user.id,
        detail={"username": user.username},
    )
    db.commit()
    return _public(user)


@router.patch("/users/{user_id}", response_model=UserAdminPublic, summary="Edit or disable")
def update_user(user_id: str, body: UserUpdate, auth: Secretariat, db: DbDep) -> UserAdminPublic:
    user = _user(db, auth, user_id)
    changes = body.model_dump(exclude_none=True, mode="json")
    if "roles" in changes:
        changes["roles"] = _role_values(body.roles or [])
    if user.id == auth.user_id and (
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
    audit.record(
        db,
        "user.update",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="user",
        object_id=user.id,
        detail=changes,
    )
    db.commit()
    return _public(user)


@router.post("/users/{user_id}/password", status_code=204, summary="Set a new password")
def reset_user_password(
    user_id: str, body: PasswordReset, auth: Secretariat, db: DbDep, settings: SettingsDep
) -> None:
    user = _user(db, auth, user_id)
    _check_password(body.password, user.username)
    reset_password(db, user, body.password, settings.password_scrypt_n, auth.user_id)
    db.commit()


@router.get("/devices", response_model=list[DeviceSeen], summary="Devices of the body")
def list_devices(auth: Secretariat, db: DbDep, user_id: str | None = None) -> list[DeviceSeen]:
    query = select(Device).join(User, User.id == Device.user_id).where(User.body_id == auth.body_id)
    if user_id:
        query = query.where(Device.user_id == user_id)
    return [
        DeviceSeen.model_validate(d, from_attributes=True)
        for d in db.scalars(query.order_by(Device.created_at))
    ]


@router.post(
    "/devices/{device_id}/revoke",
    response_model=DeviceSeen,
    summary="Revoke a lost laptop: it erases its data when it next connects",
)
def revoke_user_device(device_id: str, auth: Secretariat, db: DbDep) -> DeviceSeen:
    device = db.get(Device, device_id)
    owner = db.get(User, device.user_id) if device else None
    if device is None or owner is None or owner.body_id != auth.body_id:
        raise not_found("device")
    revoke_device(db, device, owner, auth.user_id)
    db.commit()
    return DeviceSeen.model_validate(device, from_attributes=True)

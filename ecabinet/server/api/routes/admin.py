"""Users and devices: the Government Office creates, edits, disables, resets and revokes.

Secretariat only (403 for others); users and devices of another body answer 404. The act
itself is services.users'; the handler commits once after it.
"""

from __future__ import annotations

from fastapi import APIRouter

from ecabinet.server.api.deps import DbDep, Secretariat, SettingsDep
from ecabinet.server.api.routing import ReleasingRoute
from ecabinet.server.models import User
from ecabinet.server.services import users
from ecabinet.server.services.lookups import get_device, get_user
from ecabinet.wire.admin import PasswordReset, UserAdminPublic, UserCreate, UserUpdate
from ecabinet.wire.office import DeviceSeen

router = APIRouter(tags=["admin"], route_class=ReleasingRoute)


def _public(user: User) -> UserAdminPublic:
    return UserAdminPublic.model_validate(user, from_attributes=True)


@router.get("/users", response_model=list[UserAdminPublic], summary="Users of the body")
def list_users(auth: Secretariat, db: DbDep) -> list[UserAdminPublic]:
    return [_public(u) for u in users.users_of(db, auth)]


@router.post("/users", status_code=201, response_model=UserAdminPublic, summary="Add a user")
def create_user(
    body: UserCreate, auth: Secretariat, db: DbDep, settings: SettingsDep
) -> UserAdminPublic:
    user = users.create_user(db, auth, body, settings.password_scrypt_n)
    db.commit()
    return _public(user)


@router.patch("/users/{user_id}", response_model=UserAdminPublic, summary="Edit or disable")
def update_user(user_id: str, body: UserUpdate, auth: Secretariat, db: DbDep) -> UserAdminPublic:
    user = users.update_user(db, auth, get_user(db, auth, user_id), body)
    db.commit()
    return _public(user)


@router.post("/users/{user_id}/password", status_code=204, summary="Set a new password")
def reset_user_password(
    user_id: str, body: PasswordReset, auth: Secretariat, db: DbDep, settings: SettingsDep
) -> None:
    user = get_user(db, auth, user_id)
    users.reset_password(db, auth, user, body.password, settings.password_scrypt_n)
    db.commit()


@router.get("/devices", response_model=list[DeviceSeen], summary="Devices of the body")
def list_devices(auth: Secretariat, db: DbDep, user_id: str | None = None) -> list[DeviceSeen]:
    return [
        DeviceSeen.model_validate(d, from_attributes=True)
        for d in users.devices_of(db, auth, user_id)
    ]


@router.post(
    "/devices/{device_id}/revoke",
    response_model=DeviceSeen,
    summary="Revoke a lost laptop: it erases its data when it next connects",
)
def revoke_user_device(device_id: str, auth: Secretariat, db: DbDep) -> DeviceSeen:
    device, owner = get_device(db, auth, device_id)
    users.revoke_device(db, auth, device, owner)
    db.commit()
    return DeviceSeen.model_validate(device, from_attributes=True)

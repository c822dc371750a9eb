"""Users as the Government Office manages them (routes/admin.py, `ecabinet-server create-user`);
their laptops are `ecabinet.wire.office.DeviceSeen`. Pure data, any thread."""

from __future__ import annotations

from pydantic import Field, field_validator

from ecabinet.domain import Role
from ecabinet.wire.base import WireModel


def system_alone(roles: list[Role] | None) -> list[Role] | None:
    """A system account (the document exchange's) is never also a person of the body."""
    if roles and Role.EXCHANGE in roles and len(set(roles)) > 1:
        raise ValueError("the exchange role is a system account's, held alone")
    return roles


class UserCreate(WireModel):
    """A new user, from the admin API or ``ecabinet-server create-user``."""

    username: str = Field(min_length=2, max_length=100, pattern=r"^[a-z0-9._-]+$")
    full_name: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=200)
    roles: list[Role] = Field(default_factory=lambda: [Role.MEMBER], min_length=1, max_length=5)
    password: str = Field(min_length=1, max_length=1024)

    _check_roles = field_validator("roles")(system_alone)


class UserUpdate(WireModel):
    """Fields to change; those left out stay as they are. ``active: false`` disables."""

    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    title: str | None = Field(default=None, max_length=200)
    roles: list[Role] | None = Field(default=None, min_length=1, max_length=5)
    active: bool | None = None

    _check_roles = field_validator("roles")(system_alone)


class PasswordReset(WireModel):
    password: str = Field(min_length=1, max_length=1024)


class UserAdminPublic(WireModel):
    id: str
    username: str
    full_name: str
    title: str
    roles: list[str]
    active: bool

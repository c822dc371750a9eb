"""Users and devices, as the Government Office manages them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from ecabinet.domain import Role


class UserCreate(BaseModel):
    """A new user, from the admin API or ``ecabinet-server create-user``."""

    username: str = Field(min_length=2, max_length=100, pattern=r"^[a-z0-9._-]+$")
    full_name: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=200)
    roles: list[Role] = Field(default_factory=lambda: [Role.MEMBER], min_length=1, max_length=5)
    password: str = Field(min_length=1, max_length=1024)


class UserUpdate(BaseModel):
    """Fields to change; those left out stay as they are. ``active: false`` disables."""

    full_name: str | None = Field(default=None, min_length=1, max_length=200)
    title: str | None = Field(default=None, max_length=200)
    roles: list[Role] | None = Field(default=None, min_length=1, max_length=5)
    active: bool | None = None


class PasswordReset(BaseModel):
    password: str = Field(min_length=1, max_length=1024)


class UserAdminPublic(BaseModel):
    id: str
    username: str
    full_name: str
    title: str
    roles: list[str]
    active: bool


class DevicePublic(BaseModel):
    id: str
    user_id: str
    name: str
    created_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None

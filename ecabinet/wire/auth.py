"""Sign-in and the user's identity on the wire."""

from __future__ import annotations

from pydantic import Field

from ecabinet.domain import Role
from ecabinet.wire.base import Id, ShortText, UtcTime, WireModel


class LoginRequest(WireModel):
    username: ShortText = Field(min_length=1)
    password: str = Field(min_length=1, max_length=1024)
    device_name: ShortText = "desktop"


class UserPublic(WireModel):
    id: Id
    username: ShortText
    full_name: ShortText
    title: ShortText = ""
    roles: list[Role] = Field(default_factory=list, max_length=10)


class LoginResponse(WireModel):
    token: str = Field(min_length=16, max_length=512)
    expires_at: UtcTime
    device_id: Id
    user: UserPublic
    # The body's policy for its laptops; defaults for a server that does not say.
    offline_hours: int = Field(default=72, ge=1, le=24 * 365)
    idle_minutes: int = Field(default=10, ge=1, le=24 * 60)


class Health(WireModel):
    status: str
    version: str

"""Sign-in and the user's identity on the wire."""

from __future__ import annotations

from pydantic import Field

from ecabinet.domain import Role
from ecabinet.wire.base import Id, ShortText, UtcTime, WireModel


class LoginRequest(WireModel):
    # The code of the body the user belongs to (gov, hanoi); empty: the server's own body, so
    # a client that does not send it signs in as before.
    body: str = Field(default="", max_length=50)
    username: ShortText = Field(min_length=1)
    password: str = Field(min_length=1, max_length=1024)
    device_name: ShortText = "desktop"


class UserPublic(WireModel):
    id: Id
    username: ShortText
    full_name: ShortText
    title: ShortText = ""
    roles: list[Role] = Field(default_factory=list, max_length=10)


class BodyPublic(WireModel):
    """The body a user signed in to: its code, and its name to show (Ủy ban nhân dân ...)."""

    code: str = Field(max_length=50)
    name: ShortText


class LoginResponse(WireModel):
    token: str = Field(min_length=16, max_length=512)
    expires_at: UtcTime
    device_id: Id
    user: UserPublic
    # None only from a server that hosts one body and does not say which.
    body: BodyPublic | None = None
    # The body's policy for its laptops; defaults for a server that does not say.
    offline_hours: int = Field(default=72, ge=1, le=24 * 365)
    idle_minutes: int = Field(default=10, ge=1, le=24 * 60)


class Health(WireModel):
    status: str
    version: str

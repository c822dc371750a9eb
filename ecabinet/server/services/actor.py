"""Who acts, as the services see it, and the audit entry every act writes.

A request's ``AuthContext`` (who signed in, on which device; made by ``api.deps``) is an
``Actor``; the command line acts as ``CommandLine`` (no user, the configured body). Runs on
whichever thread calls the service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from ecabinet.domain import Role
from ecabinet.server import audit
from ecabinet.server.models import Device, User


class Actor(Protocol):
    @property
    def user_id(self) -> str | None: ...

    @property
    def body_id(self) -> str: ...

    @property
    def roles(self) -> frozenset[str]: ...


@dataclass(frozen=True)
class CommandLine:
    """The administrator at the server's keyboard: the audit log names no user."""

    body_id: str
    user_id: None = None
    roles: frozenset[str] = field(default_factory=frozenset)


def record(
    db: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    detail: dict[str, Any] | None = None,
) -> None:
    audit.record(
        db,
        action,
        actor_id=actor.user_id,
        body_id=actor.body_id,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
    )


@dataclass(frozen=True)
class AuthContext:
    user: User
    device: Device
    token_hash: str
    device_revoked: bool = False
    token_expires_at: datetime | None = None

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(self.user.roles or ())

    @property
    def user_id(self) -> str:
        return self.user.id

    @property
    def body_id(self) -> str:
        return self.user.body_id

    def has(self, role: Role) -> bool:
        return role.value in self.roles

    @property
    def is_secretariat(self) -> bool:
        return self.has(Role.SECRETARIAT)

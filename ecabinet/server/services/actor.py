"""Who acts, as the services see it, and the audit entry every act writes.

A request's ``AuthContext`` is an ``Actor``; the command line acts as ``CommandLine`` (no
user, the configured body). Runs on whichever thread calls the service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from ecabinet.server import audit


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

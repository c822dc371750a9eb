"""The record for the Government Office: the body's hash-chained audit log (server/audit.py),
filtered, newest first, in pages (``before_id``), each entry named with its actor's name.

Reads only; the routes answer these rows as JSON or CSV. Request worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.services.actor import Actor
from ecabinet.wire.record import AuditRow


@dataclass(frozen=True)
class AuditFilter:
    """Which entries: empty or None means any. ``action`` is a prefix: "vote" finds
    vote.open and vote.close, "vote.open" only itself."""

    action: str = ""
    object_type: str = ""
    object_id: str = ""
    actor_id: str = ""
    since: datetime | None = None
    until: datetime | None = None  # excluded
    before_id: int | None = None  # the next page: entries older than this one
    limit: int = 200


def _query(actor: Actor, wanted: AuditFilter) -> Select[m.AuditEntry]:
    query = select(m.AuditEntry).where(m.AuditEntry.body_id == actor.body_id)
    if wanted.action:
        query = query.where(m.AuditEntry.action.startswith(wanted.action))
    for column, value in (
        (m.AuditEntry.object_type, wanted.object_type),
        (m.AuditEntry.object_id, wanted.object_id),
        (m.AuditEntry.actor_id, wanted.actor_id),
    ):
        if value:
            query = query.where(column == value)
    if wanted.since is not None:
        query = query.where(m.AuditEntry.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(m.AuditEntry.at < wanted.until)
    if wanted.before_id is not None:
        query = query.where(m.AuditEntry.id < wanted.before_id)
    return query.order_by(m.AuditEntry.id.desc()).limit(wanted.limit)


def audit_rows(db: Session, actor: Actor, wanted: AuditFilter) -> list[AuditRow]:
    """The entries of the actor's body that ``wanted`` names, newest first."""
    entries = db.scalars(_query(actor, wanted)).all()
    actors = {e.actor_id for e in entries if e.actor_id}
    names: dict[str, str] = dict(
        db.execute(select(m.User.id, m.User.full_name).where(m.User.id.in_(actors))).all()
    )
    return [
        AuditRow(
            id=e.id,
            at=e.at,
            actor_id=e.actor_id,
            actor_name=names.get(e.actor_id or "", ""),
            action=e.action,
            object_type=e.object_type,
            object_id=e.object_id,
            detail=e.detail,
        )
        for e in entries
    ]

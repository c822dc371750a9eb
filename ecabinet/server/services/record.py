"""The record for the Government Office: the body's hash-chained audit log (server/audit.py),
filtered, newest first, in pages (``before_id``), each entry named with its actor's name and
title and the name of what it acted on, so the desktop can say it in a sentence.

Reads only; the routes answer these rows as JSON or CSV. Request worker threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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


# Where the name of each kind of object is found: its title, or a person's or laptop's name.
_NAMES: dict[str, tuple[Any, Any]] = {
    "meeting": (m.Meeting.id, m.Meeting.title),
    "agenda_item": (m.AgendaItem.id, m.AgendaItem.title),
    "document": (m.Document.id, m.Document.title),
    "ballot": (m.Ballot.id, m.Ballot.title),
    "user": (m.User.id, m.User.full_name),
    "device": (m.Device.id, m.Device.name),
    "incoming": (m.IncomingDocument.id, m.IncomingDocument.subject),
}


def _object_names(db: Session, entries: Sequence[m.AuditEntry]) -> dict[tuple[str, str], str]:
    """(object_type, object_id) -> the object's name, one query per kind of object. A
    speaker's turn is named by the speaker (the entry's detail holds who)."""
    names: dict[tuple[str, str], str] = {}
    for kind, (key, name) in _NAMES.items():
        ids = {e.object_id for e in entries if e.object_type == kind}
        if ids:
            found = db.execute(select(key, name).where(key.in_(ids))).all()
            names.update({(kind, str(i)): str(n) for i, n in found})
    return names


def audit_rows(db: Session, actor: Actor, wanted: AuditFilter) -> list[AuditRow]:
    """The entries of the actor's body that ``wanted`` names, newest first, each with its
    actor's name and title and the name of what it acted on."""
    entries = db.scalars(_query(actor, wanted)).all()
    people = {e.actor_id for e in entries if e.actor_id} | {
        str(e.detail.get("user_id")) for e in entries if e.object_type == "speaker_request"
    }
    who: dict[str, tuple[str, str]] = {
        i: (n, t)
        for i, n, t in db.execute(
            select(m.User.id, m.User.full_name, m.User.title).where(m.User.id.in_(people))
        ).all()
    }
    objects = _object_names(db, entries)

    def object_name(e: m.AuditEntry) -> str:
        if e.object_type == "speaker_request":
            return who.get(str(e.detail.get("user_id")), ("", ""))[0]
        return objects.get((e.object_type, e.object_id), "")

    return [
        AuditRow(
            id=e.id,
            at=e.at,
            actor_id=e.actor_id,
            actor_name=who.get(e.actor_id or "", ("", ""))[0],
            actor_title=who.get(e.actor_id or "", ("", ""))[1],
            action=e.action,
            object_type=e.object_type,
            object_id=e.object_id,
            object_name=object_name(e),
            detail=e.detail,
        )
        for e in entries
    ]

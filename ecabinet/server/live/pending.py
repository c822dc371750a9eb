"""What a transaction will announce once it commits: queued in ``session.info``, sent after.

Code that changes the truth calls ``announce`` (or, through ``feed.append``, ``note_change``)
inside its transaction. Nothing is sent then: the notes wait in the session, and only the
``after_commit`` listener that ``install`` puts on the session factory hands them, as one
``Batch``, to the hub. A rollback, of the whole transaction or of a savepoint (a rejected
mutation in a push), drops the notes made inside it, so a rolled-back act is never announced.

Runs on whatever thread runs the session: a request's worker thread, mostly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from ecabinet.domain import Scope
from ecabinet.wire.live import LiveEvent

_KEY = "ecabinet.live"  # the list of pending notes in session.info


@dataclass(frozen=True)
class ChangeNote:
    """A feed row's audience and its seq (``None`` until flushed: read at commit)."""

    body_id: str
    scope: Scope
    scope_id: str | None
    meeting_id: str | None
    seq: int


@dataclass(frozen=True)
class EventNote:
    body_id: str
    scope: Scope
    scope_id: str | None
    meeting_id: str | None
    name: str
    data: str  # the event's JSON, made once for every subscriber


@dataclass(frozen=True)
class Batch:
    """What one commit announces. ``changes`` holds one note per audience, its highest seq."""

    changes: tuple[ChangeNote, ...] = ()
    events: tuple[EventNote, ...] = ()
    close_devices: tuple[str, ...] = ()
    close_users: tuple[str, ...] = ()
    audience_bodies: tuple[str, ...] = ()  # bodies whose subscribers' audiences may change

    def __bool__(self) -> bool:
        return bool(
            self.changes
            or self.events
            or self.close_devices
            or self.close_users
            or self.audience_bodies
        )


@dataclass
class _Note:
    txn: SessionTransaction | None  # the innermost transaction it was made in
    kind: str  # change, event, device, user, audience
    value: Any


def _queue(db: Session, kind: str, value: Any) -> None:
    txn = db.get_nested_transaction() or db.get_transaction()
    db.info.setdefault(_KEY, []).append(_Note(txn, kind, value))


def announce(
    db: Session,
    body_id: str,
    event_: LiveEvent,
    *,
    scope: Scope,
    scope_id: str | None = None,
    meeting_id: str | None = None,
) -> None:
    """Send a live event to the streams that may see it, once this transaction commits.

    Call it inside the transaction of the act it reports, after the act's writes, with the
    act's wire model from ``ecabinet.wire.live`` (add a model there for a new kind of event).
    The audience is named exactly as a feed row's is (``ecabinet.server.feed.audience``):
    ``scope`` a ``Scope`` (body, secretariat, meeting, item, ballot, personal, own, private), with
    ``scope_id`` and ``meeting_id`` as a feed row of that scope carries them. For an item of a
    meeting use ``feed.item_scope(meeting, item_id)``, for the meeting ``feed.meeting_scope``;
    to reach one user and the Government Office only, ``scope=Scope.OWN, scope_id=user_id``.

    Nothing is sent if the transaction (or the savepoint the call was made in) rolls back, and
    nothing is sent by a session that did not come from the app's session factory (the
    command line): its acts reach laptops at their next pull, as before. Keep events small:
    between server processes they travel in a PostgreSQL NOTIFY (under 8000 bytes).
    """
    _queue(
        db,
        "event",
        EventNote(body_id, scope, scope_id, meeting_id, event_.EVENT, event_.model_dump_json()),
    )


def note_change(db: Session, change: Any) -> None:
    """Called by ``feed.append`` for every feed row: a ``changed`` to its audience at commit."""
    _queue(db, "change", change)


def audiences_may_change(db: Session, body_id: str) -> None:
    """An invitation, a publication or a user's roles changed: who sees what may differ."""
    _queue(db, "audience", body_id)


def close_streams(db: Session, *, device_id: str | None = None, user_id: str | None = None) -> None:
    """End the streams of a device (signed out, revoked) or of every device of a user
    (disabled, password reset) once this transaction commits."""
    if device_id:
        _queue(db, "device", device_id)
    if user_id:
        _queue(db, "user", user_id)


def _batch(notes: list[_Note]) -> Batch:
    highest: dict[tuple[str, Scope, str | None, str | None], int] = {}
    events, devices, users, bodies = [], [], [], []
    for note in notes:
        if note.kind == "change":
            row = note.value
            if row.seq is None:  # never flushed: nothing to announce
                continue
            key = (row.body_id, row.scope, row.scope_id, row.meeting_id)
            highest[key] = max(highest.get(key, 0), int(row.seq))
        elif note.kind == "event":
            events.append(note.value)
        elif note.kind == "device":
            devices.append(note.value)
        elif note.kind == "user":
            users.append(note.value)
        else:
            bodies.append(note.value)
    return Batch(
        changes=tuple(ChangeNote(*key, seq) for key, seq in highest.items()),
        events=tuple(events),
        close_devices=tuple(dict.fromkeys(devices)),
        close_users=tuple(dict.fromkeys(users)),
        audience_bodies=tuple(dict.fromkeys(bodies)),
    )


def _within(txn: SessionTransaction | None, ended: SessionTransaction) -> bool:
    while txn is not None:
        if txn is ended:
            return True
        txn = txn.parent
    return False


def install(factory: sessionmaker[Session], publish: Callable[[Batch], None]) -> None:
    """Make every session of ``factory`` hand its committed notes to ``publish``."""

    @event.listens_for(factory, "after_commit")
    def _after_commit(session: Session) -> None:
        if session.in_nested_transaction():
            return  # a savepoint released: the transaction around it may still roll back
        notes = session.info.pop(_KEY, None)
        if notes:
            batch = _batch(notes)
            if batch:
                publish(batch)

    @event.listens_for(factory, "after_soft_rollback")
    def _after_rollback(session: Session, previous: SessionTransaction) -> None:
        notes: list[_Note] | None = session.info.get(_KEY)
        if not notes:
            return
        if previous.parent is None:
            session.info.pop(_KEY, None)
            return
        session.info[_KEY] = [n for n in notes if not _within(n.txn, previous)]

    @event.listens_for(factory, "after_transaction_end")
    def _after_end(session: Session, txn: SessionTransaction) -> None:
        # A session closed without commit or rollback (its transaction simply ends) must not
        # carry its notes into the next transaction.
        if txn.parent is None and not txn.nested:
            session.info.pop(_KEY, None)

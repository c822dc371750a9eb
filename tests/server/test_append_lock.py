"""The feed's numbers are drawn and committed in one order within a body on PostgreSQL: a
transaction that appended a row holds its body's append lock until it ends, and another
body's appends go on meanwhile (ecabinet/server/append_lock.py). The whole cabinet's proof, a
laptop pulling while 27 pushes commit, is in test_whole_cabinet_polls.py; here the locks
themselves, as another connection sees them."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ecabinet.domain import Scope
from ecabinet.server import append_lock, feed
from ecabinet.server import models as m
from ecabinet.server.services.bodies import create_body
from tests.factories import World

# PostgreSQL only: SQLite draws and commits the numbers under its one write lock.
on_postgres = pytest.mark.parametrize(
    "settings", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)


def _held_elsewhere(watcher: Session, body_id: str) -> bool:
    held = watcher.scalar(
        text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = :a "
            "AND objid = :b AND mode = 'ExclusiveLock'"
        ),
        # pg_locks shows the keys as oids: unsigned.
        {"a": append_lock.APPEND_LOCK, "b": append_lock.body_key(body_id) & 0xFFFFFFFF},
    )
    watcher.rollback()  # a fresh snapshot of pg_locks for the next look
    return bool(held)


def _two_bodies(db: Session) -> tuple[str, str]:
    gov = db.scalars(select(m.Body.id)).one()
    hanoi = create_body(db, "hanoi", "Ủy ban nhân dân thành phố Hà Nội").id
    db.commit()
    return gov, hanoi


def _append(db: Session, body_id: str, object_id: str) -> None:
    feed.append(db, body_id, "user", object_id, None, Scope.SECRETARIAT)
    db.flush()


def _waits(db: Session, act: str, body_id: str | None = None) -> bool:
    """Whether ``act`` on ``db`` had to wait for another transaction's lock."""
    db.execute(text("SET LOCAL lock_timeout = '300ms'"))
    try:
        if act == "append":
            assert body_id is not None
            _append(db, body_id, "probe")
        else:
            append_lock.hold_every_body(db.connection())
    except OperationalError as refused:
        assert "lock timeout" in str(refused)
        db.rollback()
        return True
    db.rollback()
    return False


@on_postgres
def test_a_transaction_that_appended_to_the_feed_holds_its_body_lock_until_it_ends(
    app: FastAPI, world: World
) -> None:
    factory = app.state.session_factory
    with factory() as db, factory() as watcher:
        body_id = db.scalars(select(m.Body.id)).one()
        assert not _held_elsewhere(watcher, body_id)
        savepoint = db.begin_nested()
        _append(db, body_id, world.users["member01"])
        assert _held_elsewhere(watcher, body_id)
        savepoint.rollback()  # a refused mutation's savepoint: its lock goes with it
        assert not _held_elsewhere(watcher, body_id)
        _append(db, body_id, world.users["member02"])
        assert _held_elsewhere(watcher, body_id)  # taken again, not believed still held
        db.commit()
        assert not _held_elsewhere(watcher, body_id)


@on_postgres
def test_one_bodys_appends_wait_for_its_own_but_never_for_another_bodys(
    app: FastAPI, world: World
) -> None:
    factory = app.state.session_factory
    with factory() as setup:
        gov, hanoi = _two_bodies(setup)
    with factory() as session_of_gov, factory() as other:
        _append(session_of_gov, gov, world.users["member01"])  # a vote of gov, not committed
        assert _waits(other, "append", gov)
        assert not _waits(other, "append", hanoi)
        assert _waits(other, "restore")  # a restore waits for every appender
        session_of_gov.commit()
        assert not _waits(other, "append", gov)
    with factory() as restoring, factory() as other:
        append_lock.hold_every_body(restoring.connection())
        assert _waits(other, "append", hanoi)  # and every appender for it
        restoring.rollback()
        assert not _waits(other, "append", hanoi)


def test_a_transaction_takes_bodies_locks_in_one_order_only(app: FastAPI, world: World) -> None:
    """Two transactions taking two bodies' locks in opposite orders would deadlock: the order
    is enforced on SQLite too, so any test of such a transaction finds it."""
    factory = app.state.session_factory
    with factory() as db:
        ids = list(_two_bodies(db))
        low, high = sorted(ids, key=append_lock.body_key)
        append_lock.hold(db, high)
        with pytest.raises(RuntimeError, match="order"):
            append_lock.hold(db, low)
        append_lock.hold(db, high)  # the one it holds: taken once, not refused
        db.rollback()
        append_lock.hold(db, low)  # a new transaction starts afresh
        db.rollback()
        append_lock.hold_in_order(db, [high, None, low])
        db.rollback()

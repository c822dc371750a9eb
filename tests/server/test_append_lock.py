"""The feed's numbers are drawn and committed in one order on PostgreSQL: a transaction that
appended a row holds the append lock until it ends (ecabinet/server/append_lock.py). The
whole cabinet's proof, a laptop pulling while 27 pushes commit, is in
test_whole_cabinet_polls.py; here the lock itself, as another connection sees it."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ecabinet.domain import Scope
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.append_lock import APPEND_LOCK
from tests.factories import World


def _held_elsewhere(watcher: Session) -> bool:
    held = watcher.scalar(
        text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = :key"),
        {"key": APPEND_LOCK},
    )
    watcher.rollback()  # a fresh snapshot of pg_locks for the next look
    return bool(held)


# PostgreSQL only: SQLite draws and commits the numbers under its one write lock.
@pytest.mark.parametrize(
    "settings", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
def test_a_transaction_that_appended_to_the_feed_holds_the_lock_until_it_ends(
    app: FastAPI, world: World
) -> None:
    factory = app.state.session_factory
    with factory() as db, factory() as watcher:
        body_id = db.scalars(select(m.Body.id)).one()
        assert not _held_elsewhere(watcher)
        savepoint = db.begin_nested()
        feed.append(db, body_id, "user", world.users["member01"], None, Scope.SECRETARIAT)
        assert _held_elsewhere(watcher)
        savepoint.rollback()  # a refused mutation's savepoint: its lock goes with it
        assert not _held_elsewhere(watcher)
        feed.append(db, body_id, "user", world.users["member02"], None, Scope.SECRETARIAT)
        db.flush()
        assert _held_elsewhere(watcher)  # taken again, not believed still held
        db.commit()
        assert not _held_elsewhere(watcher)

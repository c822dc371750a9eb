"""A stateful property test of the outbox and sync: any interleaving of acts, syncs online and
syncs offline ends with every act applied exactly once on the server and nothing pending."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import func, select

from ecabinet.client.account import Account
from ecabinet.client.store import SETTLED, ActRefused, OutboxEntry
from ecabinet.server import models as m
from ecabinet.server.db import make_engine, make_session_factory
from tests.loopback import LiveServer, signed_in

OFFLINE = "http://127.0.0.1:9"


def server_annotation_ids(live: LiveServer) -> set[str]:
    engine = make_engine(live.settings.database_url)
    with make_session_factory(engine)() as db:
        ids = set(db.scalars(select(m.Annotation.id)).all())
        assert db.scalar(select(func.count()).select_from(m.Annotation)) == len(ids)
    engine.dispose()
    return ids


@pytest.mark.slow
def test_outbox_converges(live_server: LiveServer) -> None:
    class OutboxMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.root = Path(tempfile.mkdtemp())
            self.account: Account = signed_in(live_server.url, self.root)
            self.made: set[str] = set()

        # Any text, lone surrogates and direction overrides included: what the store does not
        # refuse in words (ActRefused, nothing written) the server must take.
        @rule(text=st.text(st.characters(exclude_categories=()), max_size=30))
        def annotate(self, text: str) -> None:
            note_id = str(uuid.uuid4())
            try:
                self.account.store.record_action(
                    "annotation.put",
                    {
                        "id": note_id,
                        "document_version_id": live_server.world.version_ids[0],
                        "page": 0,
                        "kind": "note",
                        "text": text,
                    },
                )
            except ActRefused:
                return
            self.made.add(note_id)

        @rule()
        def sync_online(self) -> None:
            self._skip_backoff()
            self.account.api.base_url = live_server.url
            assert self.account.sync_service().sync().online

        @rule()
        def sync_offline(self) -> None:
            self.account.api.base_url = OFFLINE
            assert not self.account.sync_service().sync().online

        def _skip_backoff(self) -> None:
            with self.account.store.sessions() as db, db.begin():
                for entry in db.scalars(select(OutboxEntry)):
                    entry.next_attempt_at = ""

        @invariant()
        def nothing_lost(self) -> None:
            queued = {e.id for e in self.account.store.outbox(("pending", *SETTLED, "rejected"))}
            assert len(queued) == len(self.made)

        def teardown(self) -> None:  # after each run: everything reaches the server
            self.sync_online()
            assert self.account.store.count_outbox("pending") == 0
            assert self.account.store.count_outbox("rejected") == 0
            assert self.made <= server_annotation_ids(live_server)
            self.account.store.close()

    OutboxMachine.TestCase.settings = settings(
        max_examples=8,
        stateful_step_count=8,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    OutboxMachine.TestCase().runTest()

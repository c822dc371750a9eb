"""Revision "audit_per_body" on a server with an audit log: the entries written before stay
the one chain they were and verify as before up to the switch point it records, which the first
start signs; later entries chain per body from position 1 (on SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import select, text

from ecabinet.server import audit, audit_checkpoints, audit_verify
from ecabinet.server import models as m
from ecabinet.server.core.config import get_settings
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.server.models.base import UtcDateTime
from ecabinet.server.pki import body_ca
from ecabinet.server.prepare import audit_key
from tests.dbs import BODY_AND_USER_SQL, migrate_to

# audit_log and audit_checkpoints as the revision before wrote them.
_LOG = sa.table(
    "audit_log",
    *(sa.column(name) for name in ("body_id", "actor_id", "action", "object_type")),
    *(sa.column(name) for name in ("object_id", "prev_hash", "hash")),
    sa.column("at", UtcDateTime()),
    sa.column("detail", sa.JSON()),
)
_CHECKPOINTS = sa.table(
    "audit_checkpoints",
    *(sa.column(name) for name in ("seq", "head", "keyed_from", "signature")),
    sa.column("at", UtcDateTime()),
)


def _legacy_entries(key: bytes) -> list[m.AuditEntry]:
    """Three entries of body "b" as the version before chained them: over their row ids."""
    entries, prev = [], ""
    for n in (1, 2, 3):
        at = datetime(2026, 11, 20, 8, n, tzinfo=UTC)
        entry = m.AuditEntry(id=n, body_id="b", position=None, at=at, actor_id="u",
                             action="meeting.update", object_type="meeting", object_id="x",
                             detail={"n": n}, prev_hash=prev)  # fmt: skip
        entry.hash = prev = audit.keyed_hash(entry, key)
        entries.append(entry)
    return entries


def _upgrade_with_a_log(url: str, folder: Path, ca_template: Path) -> None:
    settings = get_settings(folder / "data", url, password_scrypt_n=2**10)
    shutil.copytree(ca_template, settings.ca_dir)
    audit.make_key(settings.audit_key_file)
    key = audit.load_key(settings.audit_key_file)
    engine = make_engine(url)
    legacy = _legacy_entries(key)
    pinned = audit_checkpoints.make(
        body_ca(settings), 2, legacy[1].hash, datetime.now(UTC) - timedelta(days=9), 0
    )
    try:
        migrate_to(engine, "username_per_body")
        with engine.begin() as conn:
            for sql in BODY_AND_USER_SQL:
                conn.execute(text(sql))
            for e in legacy:
                # The id is the database's to draw (1, 2, 3 in a new one), as it was then.
                conn.execute(sa.insert(_LOG).values(
                    body_id=e.body_id, actor_id=e.actor_id, action=e.action,
                    object_type=e.object_type, object_id=e.object_id, prev_hash=e.prev_hash,
                    hash=e.hash, at=e.at, detail=e.detail,
                ))  # fmt: skip
            conn.execute(sa.insert(_CHECKPOINTS).values(
                seq=pinned.seq, head=pinned.head, keyed_from=0, signature=pinned.signature,
                at=pinned.at,
            ))  # fmt: skip
        migrate_to(engine, "head")
        audit_key(engine, settings)  # the first start after the upgrade
        factory = make_session_factory(engine, key)
        with factory() as db:
            switch = db.get(m.AuditSwitch, 1)
            assert switch is not None
            assert (switch.legacy_last_id, switch.legacy_head) == (3, legacy[2].hash)
            for n in (4, 5):
                audit.record(db, "meeting.update", actor_id="u", body_id="b", detail={"n": n})
                db.commit()
            entries = db.execute(
                select(m.AuditEntry.id, m.AuditEntry.position).order_by(m.AuditEntry.id)
            ).all()
            checkpoints = db.execute(
                select(m.AuditCheckpoint.seq, m.AuditCheckpoint.per_body)
                .order_by(m.AuditCheckpoint.id)
            ).all()  # fmt: skip
            cert = body_ca(settings).certificate
            reports = audit_verify.verify_all(db, lambda _body: cert)
        assert [tuple(row) for row in entries] == [(1, None), (2, None), (3, None), (4, 1), (5, 2)]
        assert [tuple(row) for row in checkpoints] == [(2, False), (3, False)]  # sealed at 3
        assert [(r.chain, r.ok, r.checked) for r in reports] == [
            (audit_verify.LEGACY_CHAIN, True, 3),
            ("gov", True, 2),
        ], [r.reason for r in reports]
    finally:
        engine.dispose()


def test_an_upgrade_keeps_the_legacy_chain_and_starts_chains_per_body(
    fresh_url: str, tmp_path: Path, ca_template: Path
) -> None:
    _upgrade_with_a_log(fresh_url, tmp_path, ca_template)

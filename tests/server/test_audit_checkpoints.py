"""The audit log cannot be rewritten quietly by whoever holds the database: its hashes are keyed
with a key kept outside the database, and checkpoints of its head are signed with the body's CA
key, so a chain rebuilt from scratch, a forged checkpoint and a tail cut off past a checkpoint
are caught without any head written down."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from fastapi import FastAPI
from pypdf import PdfReader
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.pdf.minutes import minutes_pdf
from ecabinet.server import audit, audit_checkpoints, audit_verify
from ecabinet.server import models as m
from ecabinet.server.db import make_session_factory
from ecabinet.server.pki import body_ca
from ecabinet.server.prepare import audit_key
from ecabinet.signing.ca import CertificateAuthority
from ecabinet.wire.minutes import Minutes
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_meetings_api import call
from tests.server.test_votes_api import start_session


def _ca(app: FastAPI) -> CertificateAuthority:
    return body_ca(app.state.settings)


def _cert(app: FastAPI) -> x509.Certificate:
    return _ca(app).certificate


def _append(
    app: FastAPI, count: int, start: int = 0, factory: sessionmaker[Session] | None = None
) -> None:
    with (factory or app.state.session_factory)() as db:
        body_id = db.scalar(select(m.Body.id))
        for n in range(start, start + count):
            audit.record(db, "meeting.update", actor_id=None, body_id=body_id, detail={"n": n})
            db.commit()


def _checkpoint(app: FastAPI) -> m.AuditCheckpoint:
    with app.state.session_factory() as db:
        row = audit.checkpoint(db, _ca(app), db.scalar(select(m.Body.id)))
        db.commit()
    assert row is not None
    return row


def _ids(db: Session) -> list[int]:
    return list(db.scalars(select(m.AuditEntry.id).order_by(m.AuditEntry.id)))


def _unkeyed(canonical: bytes) -> str:
    return hashlib.sha256(canonical).hexdigest()


def _wrong_key(canonical: bytes) -> str:
    return hmac.new(b"a key guessed by the intruder", canonical, hashlib.sha256).hexdigest()


def _rebuild(db: Session, hasher: Callable[[bytes], str]) -> None:
    """What an intruder with the database does: change an entry, then recompute every hash
    and link after it so that the chain is consistent again."""
    prev = ""
    for entry in db.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)):
        if entry.detail.get("n") == 2:
            entry.detail = {"n": 2, "note": "rewritten"}
        entry.prev_hash = prev
        entry.hash = hasher(audit._canonical(entry))
        prev = entry.hash
    db.commit()


@pytest.mark.parametrize("hasher", [_unkeyed, _wrong_key], ids=["unkeyed", "wrong-key"])
def test_a_chain_rebuilt_without_the_key_is_caught(
    app: FastAPI, hasher: Callable[[bytes], str]
) -> None:
    _append(app, 5)
    with app.state.session_factory() as db:
        first = _ids(db)[0]
        _rebuild(db, hasher)
        report = audit_verify.verify(db, _cert(app))
    assert not report.ok
    assert report.first_bad_id == first
    assert "without the audit key" in report.reason


def test_a_tail_cut_past_a_checkpoint_is_caught_without_a_head(app: FastAPI) -> None:
    _append(app, 5)
    pinned = _checkpoint(app)
    _append(app, 3, start=5)
    with app.state.session_factory() as db:
        cut = _ids(db)[pinned.seq - 2 :]  # from the entry before the pinned one
        db.execute(delete(m.AuditEntry).where(m.AuditEntry.id.in_(cut)))
        db.commit()
        report = audit_verify.verify(db, _cert(app))  # no head given
    assert not report.ok
    assert f"the signed checkpoint at entry {pinned.seq} were removed" in report.reason


def test_a_tail_cut_with_every_checkpoint_is_caught_as_stale(app: FastAPI) -> None:
    """Deleting the checkpoints too leaves a log with none as young as the daily one."""
    _append(app, 5)
    _checkpoint(app)
    with app.state.session_factory() as db:
        db.execute(delete(m.AuditCheckpoint))
        db.execute(delete(m.AuditEntry).where(m.AuditEntry.id == _ids(db)[-1]))
        db.commit()
        report = audit_verify.verify(db, _cert(app), max_checkpoint_age=timedelta(0))
    assert not report.ok
    assert "no signed checkpoint" in report.reason


def test_a_forged_checkpoint_is_caught(app: FastAPI, tmp_path: Path) -> None:
    _append(app, 5)
    with app.state.session_factory() as db:
        last = db.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc())).first()
        assert last is not None
        # Signed by a CA of the intruder's own, over a true head.
        intruder = CertificateAuthority.create(tmp_path / "intruder", "Intruder")
        assert last.position is not None
        db.add(
            audit_checkpoints.make_for_chain(
                intruder, last.body_id, last.position, last.hash, m.now()
            )
        )
        db.commit()
        report = audit_verify.verify(db, _cert(app))
    assert not report.ok
    assert "not signed by the body's CA" in report.reason


def test_a_checkpoint_moved_to_a_rebuilt_chain_is_caught(app: FastAPI) -> None:
    _append(app, 5)
    row = _checkpoint(app)
    with app.state.session_factory() as db:
        _rebuild(db, _unkeyed)
        new_head = db.scalar(select(m.AuditEntry.hash).where(m.AuditEntry.position == row.seq))
        db.execute(update(m.AuditCheckpoint).values(head=new_head))
        db.commit()
        report = audit_verify.verify(db, _cert(app))
    assert not report.ok
    assert "not signed by the body's CA" in report.reason


def test_an_honest_chain_with_checkpoints_passes(app: FastAPI) -> None:
    _append(app, 3)
    first = _checkpoint(app)
    _append(app, 3, start=3)
    second = _checkpoint(app)
    _append(app, 2, start=6)
    with app.state.session_factory() as db:
        report = audit_verify.verify(
            db, _cert(app), max_checkpoint_age=audit_verify.CHECKPOINT_MAX_AGE
        )
    assert report.ok, report.reason
    assert (report.checked, report.checkpoints) == (8, 2)
    code = app.state.settings.body_code
    assert first.seq < second.seq and report.head.startswith(f"{code}:{second.seq + 2}:")


def test_the_key_file_is_private_and_outside_the_database(app: FastAPI) -> None:
    key_file: Path = app.state.settings.audit_key_file
    assert key_file.stat().st_mode & 0o777 == 0o600
    key = key_file.read_text().strip()
    _append(app, 1)
    with app.state.session_factory() as db:
        for table in m.Base.metadata.sorted_tables:
            for row in db.execute(select(table)):
                assert key not in str(tuple(row))


def _as_legacy(db: Session, hasher: Callable[[bytes], str], note: str = "") -> None:
    """What the version before chains per body wrote: one chain over row ids, no positions,
    whose end the migration recorded as the switch point. Every entry now in the log becomes
    one (with ``note``, as an intruder rewrites them)."""
    entries = list(db.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)))
    prev = ""
    for entry in entries:
        entry.position = None
        if note:
            entry.detail = {**entry.detail, "note": note}
        entry.prev_hash = prev
        entry.hash = hasher(audit._canonical(entry))
        prev = entry.hash
    db.merge(m.AuditSwitch(id=1, legacy_last_id=entries[-1].id, legacy_head=prev))
    db.commit()


def test_entries_from_before_the_key_verify_up_to_the_switch_point(app: FastAPI) -> None:
    """An upgraded server: its log was hashed unkeyed; the first start with a key signs the
    head as the switch point, and later entries are keyed."""
    _append(app, 3)
    settings = app.state.settings
    with app.state.session_factory() as db:
        _as_legacy(db, _unkeyed)  # as the version before the key hashed them
    settings.audit_key_file.unlink()
    key = audit_key(app.state.engine, settings)  # the first start of the new version
    factory = make_session_factory(app.state.engine, key)
    _append(app, 2, start=3, factory=factory)
    with factory() as db:
        report = audit_verify.verify(db, _cert(app))
        switch = db.scalars(select(m.AuditCheckpoint)).one()
    assert report.ok, report.reason
    assert report.checked == 5 and switch.keyed_from == switch.seq + 1
    # Later starts bless nothing: a log rebuilt unkeyed, its checkpoints deleted, fails.
    with factory() as db:
        db.execute(delete(m.AuditCheckpoint))
        db.execute(delete(m.AuditEntry).where(m.AuditEntry.position.is_not(None)))
        _as_legacy(db, _unkeyed, note="rewritten")
    assert audit_key(app.state.engine, settings) == key
    with factory() as db:
        report = audit_verify.verify(db, _cert(app))
        assert not report.ok and "without the audit key" in report.reason
        # The end is signed again, but as keyed throughout: no unkeyed entry is blessed.
        assert [cp.keyed_from for cp in db.scalars(select(m.AuditCheckpoint))] == [0]


def test_the_legacy_chain_is_sealed_at_the_switch_point_and_kept(app: FastAPI) -> None:
    """After the switch to chains per body, the one chain written before verifies as it did,
    its end signed at the first start; a tail cut off it is caught though it no longer grows,
    and new entries chain per body from position 1."""
    _append(app, 4)
    with app.state.session_factory() as db:
        key = audit.session_key(db)
        _as_legacy(db, lambda canonical: hmac.new(key, canonical, hashlib.sha256).hexdigest())
    settings = app.state.settings
    audit_key(app.state.engine, settings)  # the first start after the switch seals it
    _append(app, 2, start=4)
    with app.state.session_factory() as db:
        reports = audit_verify.verify_all(db, lambda _body: _cert(app))
        seal = db.scalars(select(m.AuditCheckpoint)).one()
        positions = list(db.scalars(select(m.AuditEntry.position).order_by(m.AuditEntry.id)))
    assert [(r.chain, r.ok, r.checked) for r in reports] == [
        (audit_verify.LEGACY_CHAIN, True, 4),
        (settings.body_code, True, 2),
    ]
    assert (seal.per_body, seal.seq) == (False, _ids_of_legacy(app)[-1])
    assert positions == [None, None, None, None, 1, 2]
    # A head written down before the switch (<id>:<hash>) is checked against the legacy chain.
    with app.state.session_factory() as db:
        written = f"{seal.seq}:{seal.head}"
        assert all(r.ok for r in audit_verify.verify_all(db, lambda _b: _cert(app), [written]))
        wrong = f"{seal.seq}:{'0' * 64}"
        report = audit_verify.verify_all(db, lambda _b: _cert(app), [wrong])[0]
        assert (report.chain, report.ok, report.reason) == (
            audit_verify.LEGACY_CHAIN,
            False,
            "it is not the head written down",
        )
    with app.state.session_factory() as db:
        db.execute(delete(m.AuditEntry).where(m.AuditEntry.id == _ids_of_legacy(app)[-1]))
        db.commit()
        report = audit_verify.verify_legacy(db, _cert(app))
    assert not report.ok and "signed checkpoint" in report.reason


def _ids_of_legacy(app: FastAPI) -> list[int]:
    with app.state.session_factory() as db:
        query = select(m.AuditEntry.id).where(m.AuditEntry.position.is_(None))
        return list(db.scalars(query.order_by(m.AuditEntry.id)))


def test_the_minutes_of_a_closed_session_carry_a_signed_checkpoint(api: Api, world: World) -> None:
    start_session(api, world)
    assert call(api, "secretariat", "POST", f"/meetings/{world.meeting_id}/close").is_success
    record = call(api, "secretariat", "GET", f"/meetings/{world.meeting_id}/minutes").json()
    pinned = record["audit_checkpoint"]
    with api.db() as db:
        closed = db.scalar(
            select(m.AuditEntry.id).where(
                m.AuditEntry.action == "meeting.close",
                m.AuditEntry.object_id == world.meeting_id,
            )
        )
        row = db.scalars(select(m.AuditCheckpoint)).one()
        assert audit_verify.verify(db, _cert(api.app)).ok
    assert (pinned["seq"], pinned["head"]) == (closed, row.head)
    assert audit_checkpoints.is_signed_by(row, _cert(api.app))
    assert base64.b64decode(pinned["signature"]) == base64.b64decode(row.signature)
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(minutes_pdf(Minutes(**record)))).pages
    )
    assert pinned["head"] in text.replace("\n", "")
    assert "Xác thực nhật ký kiểm toán" in text

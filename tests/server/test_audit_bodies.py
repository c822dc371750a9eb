"""Each body its own audit chain: appends of one body never touch another's chain, tampering
in one is found and named while the others still verify, and a body's chain verifies with
nothing of another body's and with its rows renumbered, as once moved to another server (the
command line and the database itself, on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlalchemy import delete, select, update

from ecabinet.server import audit, audit_verify
from ecabinet.server import models as m
from ecabinet.server.core.config import Settings
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.server.pki import body_ca
from tests.server.test_cli_bodies import run

PASSWORD = "a good long password\n"


def _two_bodies(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """gov and hanoi, two members each: two entries in each body's chain."""
    code, out = run(capsys, monkeypatch, settings, "bodies", "create", "--code", "hanoi",
                    "--name", "UBND thành phố Hà Nội")  # fmt: skip
    assert code == 0, out
    for n, body in ((1, "gov"), (2, "hanoi"), (3, "gov"), (4, "hanoi")):
        create = ("create-user", "--username", f"member{n}", "--full-name", "M", "--body", body)
        code, out = run(capsys, monkeypatch, settings, *create, "--password-stdin", stdin=PASSWORD)
        assert code == 0, out


def _entries_of(settings: Settings, code: str) -> list[int]:
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as db:
            body_id = db.scalar(select(m.Body.id).where(m.Body.code == code))
            query = select(m.AuditEntry.id).where(audit.of_chain(body_id))
            return list(db.scalars(query.order_by(m.AuditEntry.position)))
    finally:
        engine.dispose()


def test_tampering_in_one_bodys_chain_is_named_and_the_other_still_verifies(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_bodies(settings, capsys, monkeypatch)
    code, out = run(capsys, monkeypatch, settings, "audit", "checkpoint")
    assert code == 0
    assert "gov: signed checkpoint of the audit log at entry 2" in out
    assert "hanoi: signed checkpoint of the audit log at entry 2" in out
    code, out = run(capsys, monkeypatch, settings, "audit", "verify")
    assert code == 0, out
    assert "gov: audit log intact: 2 entries, 1 signed checkpoints" in out
    assert "hanoi: audit log intact: 2 entries, 1 signed checkpoints" in out
    hanoi_head = next(line for line in out.splitlines() if line.startswith("hanoi:"))
    hanoi_head = hanoi_head.split("Head: ")[1]
    assert hanoi_head.startswith("hanoi:2:")

    changed = _entries_of(settings, "hanoi")[0]
    engine = make_engine(settings.database_url)
    with make_session_factory(engine)() as db:
        db.execute(
            update(m.AuditEntry).where(m.AuditEntry.id == changed).values(detail={"n": "forged"})
        )
        db.commit()
    engine.dispose()
    code, out = run(capsys, monkeypatch, settings, "audit", "verify")
    assert code == 1
    assert f"hanoi: audit log broken at entry {changed}: the entry was changed" in out
    assert "gov: audit log intact: 2 entries" in out
    assert run(capsys, monkeypatch, settings, "audit", "verify", "--body", "gov")[0] == 0
    code, out = run(capsys, monkeypatch, settings, "audit", "verify", "--body", "hanoi")
    assert (code, out.startswith("hanoi: audit log broken")) == (1, True)
    assert "gov" not in out
    code, out = run(capsys, monkeypatch, settings, "audit", "verify", "--body", "gov",
                    "--head", hanoi_head)  # fmt: skip
    assert (code, out.strip()) == (1, f"The head {hanoi_head} is not of the audit log of gov.")
    code, out = run(capsys, monkeypatch, settings, "audit", "verify", "--body", "hue")
    assert (code, out.strip()) == (1, "No body hue: see ecabinet-server bodies list.")


def test_a_bodys_chain_verifies_alone_and_renumbered(app: FastAPI) -> None:
    """What a body's record needs is its own entries and checkpoints: with every other
    body's rows gone and its own given other row ids (in order), as a restore into another
    server does, it verifies the same."""
    with app.state.session_factory() as db:
        gov = db.scalars(select(m.Body)).one()
        hanoi = m.Body(code="hanoi", name="UBND thành phố Hà Nội")
        db.add(hanoi)
        db.flush()
        for n in range(6):  # the two bodies' entries interleaved
            body_id = (gov.id, hanoi.id)[n % 2]
            audit.record(db, "meeting.update", actor_id=None, body_id=body_id, detail={"n": n})
            db.commit()
        ca = body_ca(app.state.settings)
        assert audit.checkpoint(db, ca, hanoi.id) is not None
        audit.record(db, "meeting.update", actor_id=None, body_id=hanoi.id, detail={"n": 6})
        db.commit()
        before = audit_verify.verify_chain(db, hanoi, ca.certificate)

        db.execute(delete(m.AuditEntry).where(m.AuditEntry.body_id == gov.id))
        ids = list(db.scalars(select(m.AuditEntry.id).order_by(m.AuditEntry.id.desc())))
        for old in ids:  # from the newest, so no two rows ever hold one id
            db.execute(update(m.AuditEntry).where(m.AuditEntry.id == old).values(id=old + 1000))
        db.commit()
        after = audit_verify.verify_chain(db, hanoi, ca.certificate)
        positions = list(db.scalars(select(m.AuditEntry.position).order_by(m.AuditEntry.id)))
    assert before.ok and before.checked == 4 and before.head.startswith("hanoi:4:")
    assert after == before
    assert positions == [1, 2, 3, 4]


def test_the_servers_own_acts_are_a_chain_of_their_own(app: FastAPI) -> None:
    with app.state.session_factory() as db:
        gov = db.scalars(select(m.Body)).one()
        for body_id in (None, gov.id, None):
            audit.record(db, "meeting.update", actor_id=None, body_id=body_id)
            db.commit()
        signed = audit.checkpoint_all(db, lambda _body: body_ca(app.state.settings))
        db.commit()
        cert = body_ca(app.state.settings).certificate
        reports = audit_verify.verify_all(db, lambda _body: cert)
    assert [(body, row.seq if row else None) for body, row in signed] == [(gov, 1), (None, 2)]
    assert [(r.chain, r.ok, r.checked, r.checkpoints) for r in reports] == [
        ("gov", True, 1, 1),
        (audit_verify.SERVER_CHAIN, True, 2, 1),
    ]

"""The audit log cannot be quietly changed: rows edited, removed, reordered or cut off in the
database itself, behind the server's back, are caught by verify."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from cryptography import x509
from fastapi import FastAPI
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ecabinet.server import audit, audit_verify
from ecabinet.server import models as m
from ecabinet.server.pki import body_ca
from tests.factories import World
from tests.server.conftest import Api
from tests.server.test_sync_push import mutation, push


def _ca(app: FastAPI) -> x509.Certificate:
    return body_ca(app.state.settings).certificate


def _five_entries(app: FastAPI) -> str:
    with app.state.session_factory() as db:
        body_id = db.scalar(select(m.Body.id))
        for n in range(5):
            audit.record(
                db, "meeting.update", actor_id=None, body_id=body_id, detail={"title": f"Phiên {n}"}
            )
            db.commit()
        report = audit_verify.verify(db, _ca(app))
    assert report.ok and report.checked == 5
    return report.head


def _ids(db: Session) -> list[int]:
    return list(db.scalars(select(m.AuditEntry.id).order_by(m.AuditEntry.id)))


def _edit(db: Session) -> int:
    target = _ids(db)[2]
    db.execute(
        update(m.AuditEntry)
        .where(m.AuditEntry.id == target)
        .values(detail={"title": "Phiên đã sửa"})
    )
    return target


def _remove(db: Session) -> int:
    ids = _ids(db)
    db.execute(delete(m.AuditEntry).where(m.AuditEntry.id == ids[1]))
    return ids[2]  # the entry after the gap no longer chains


def _reorder(db: Session) -> int:
    ids = _ids(db)
    first, second = ids[1], ids[2]
    for old, new in ((first, -1), (second, first), (-1, second)):
        db.execute(update(m.AuditEntry).where(m.AuditEntry.id == old).values(id=new))
    return first


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        (_edit, "changed"),
        (_remove, "removed or reordered"),
        (_reorder, "removed or reordered"),
    ],
    ids=["edited", "removed", "reordered"],
)
def test_a_row_changed_in_the_database_is_caught(
    app: FastAPI, tamper: Callable[[Session], int], reason: str
) -> None:
    _five_entries(app)
    with app.state.session_factory() as db:
        first_bad = tamper(db)
        db.commit()
        report = audit_verify.verify(db, _ca(app))
    assert not report.ok
    assert report.first_bad_id == first_bad
    assert reason in report.reason


def test_newest_entries_cut_off_are_caught_against_a_head_written_down(app: FastAPI) -> None:
    head = _five_entries(app)
    with app.state.session_factory() as db:
        last_two = _ids(db)[-2:]
        db.execute(delete(m.AuditEntry).where(m.AuditEntry.id.in_(last_two)))
        db.commit()
        assert audit_verify.verify(db, _ca(app)).ok  # a shorter chain is still a chain...
        report = audit_verify.verify(db, _ca(app), head)  # ...but not one that reaches the head
    assert not report.ok
    assert "removed" in report.reason


def test_a_members_acts_from_the_laptop_are_on_the_record_too(api: Api, world: World) -> None:
    item = world.item_ids[0]
    position = mutation("position.set", {"agenda_item_id": item, "position": "object"})
    refused = mutation("position.set", {"agenda_item_id": "no-such-item", "position": "object"})
    results = push(api, "member01", position, refused)
    assert [r["status"] for r in results] == ["applied", "rejected"]
    with api.db() as db:
        entries = db.scalars(select(m.AuditEntry).where(m.AuditEntry.object_type == "mutation"))
        recorded = [(e.action, e.actor_id, e.object_id) for e in entries]
        assert audit_verify.verify(db, _ca(api.app)).ok
    # What changed is on the record, by whom; what was refused changed nothing.
    assert recorded == [("position.set", world.users["member01"], position["id"])]


def test_writers_at_once_keep_one_chain_per_body(app: FastAPI) -> None:
    """Several servers, and the threads of each, append to two bodies' chains at the same
    moment: each chain must stay one, never fork into two entries that name the same one before
    them, and hold only its own body's entries, numbered 1, 2, 3 ..."""
    with app.state.session_factory() as db:
        gov = db.scalars(select(m.Body)).one()
        hanoi = m.Body(code="hanoi", name="UBND thành phố Hà Nội")
        db.add(hanoi)
        db.commit()
        body_ids = [gov.id, hanoi.id]

    def append(worker: int) -> None:
        for n in range(10):
            with app.state.session_factory() as db:
                audit.record(db, "meeting.update", actor_id=None, body_id=body_ids[worker % 2],
                             detail={"worker": worker, "n": n})  # fmt: skip
                db.commit()

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(append, range(6)))
    with app.state.session_factory() as db:
        reports = audit_verify.verify_all(db, lambda _body: _ca(app))
        workers = {
            body_id: {
                entry.detail["worker"] % 2
                for entry in db.scalars(select(m.AuditEntry).where(audit.of_chain(body_id)))
            }
            for body_id in body_ids
        }
    assert [(r.chain, r.ok, r.checked) for r in reports] == [
        ("gov", True, 30),
        ("hanoi", True, 30),
    ], [r.reason for r in reports]
    assert workers == {body_ids[0]: {0}, body_ids[1]: {1}}


def test_a_kind_without_a_sentence_is_never_recorded(app: FastAPI) -> None:
    """The record names every entry in words (ui/record/sentences.py): an unknown kind is
    refused before anything is written."""
    with app.state.session_factory() as db:
        body_id = db.scalar(select(m.Body.id))
        before = db.scalar(select(m.AuditEntry.id).order_by(m.AuditEntry.id.desc()).limit(1))
        with pytest.raises(ValueError, match="unknown audit action 'meeting.teleport'"):
            audit.record(db, "meeting.teleport", actor_id=None, body_id=body_id)
        db.rollback()
        after = db.scalar(select(m.AuditEntry.id).order_by(m.AuditEntry.id.desc()).limit(1))
        assert after == before

"""The demo Government: who is in it, and that its papers are real, readable documents."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.server import models as m
from ecabinet.server.app import create_app
from ecabinet.server.blobstore import BlobStore
from ecabinet.server.core.config import Settings, get_settings
from ecabinet.server.demo import seed_if_empty
from tests.dbs import fresh_sqlite_url


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Session, Settings]]:
    folder = tmp_path_factory.mktemp("demo")
    settings = get_settings(
        folder / "data",
        fresh_sqlite_url(tmp_path_factory.getbasetemp(), folder),
        password_scrypt_n=2**10,
        demo=True,
    )
    app = create_app(settings)
    with app.state.session_factory() as db:
        yield db, settings
    app.state.engine.dispose()


def test_the_people(demo: tuple[Session, Settings]) -> None:
    db, _ = demo
    users = {u.username: u for u in db.scalars(select(m.User))}
    assert len(users) == 29
    assert set(users["chair"].roles) == {"chair", "member"}
    assert users["chair"].title == "Thủ tướng Chính phủ"
    assert {f"member{n:02d}" for n in range(1, 27)} <= set(users)
    assert users["secretariat"].roles == ["secretariat"]
    assert users["guest"].roles == ["guest"]


def test_the_regular_session_and_its_papers(demo: tuple[Session, Settings]) -> None:
    db, settings = demo
    regular = db.scalar(select(m.Meeting).where(m.Meeting.kind == "regular"))
    assert regular is not None and regular.status == "published"
    items = db.scalars(select(m.AgendaItem).where(m.AgendaItem.meeting_id == regular.id)).all()
    assert 7 <= len(items) <= 9
    store = BlobStore(settings.blob_dir)
    page_counts = []
    outlines = 0
    for item in items:
        docs = db.scalars(select(m.Document).where(m.Document.agenda_item_id == item.id)).all()
        if item.paper_only:
            assert docs == []
            continue
        assert {"submission", "draft"} <= {d.kind for d in docs}
        for doc in docs:
            version = db.get(m.DocumentVersion, doc.current_version_id)
            data = store.path(version.sha256).read_bytes()
            assert len(data) == version.size
            reader = PdfReader(io.BytesIO(data))
            assert len(reader.pages) == version.pages
            page_counts.append(version.pages)
            outlines += bool(reader.outline)
    assert max(page_counts) > 100
    assert outlines >= 1
    assert any(item.paper_only for item in items)


def test_the_text_is_vietnamese_and_extractable(demo: tuple[Session, Settings]) -> None:
    db, settings = demo
    version = db.scalars(select(m.DocumentVersion).order_by(m.DocumentVersion.pages.desc())).first()
    text = PdfReader(BlobStore(settings.blob_dir).path(version.sha256)).pages[5].extract_text()
    assert "Chính phủ" in text or "cơ quan" in text
    assert "ệ" in text or "ủ" in text


def test_the_guest_is_invited_to_one_item(demo: tuple[Session, Settings]) -> None:
    db, _ = demo
    guest = db.scalar(select(m.User).where(m.User.username == "guest"))
    assert guest is not None
    (invitation,) = db.scalars(select(m.Invitation).where(m.Invitation.user_id == guest.id))
    assert invitation.kind == "guest"
    assert len(invitation.agenda_item_ids) == 1


def test_ballots_two_open_one_closed_with_result(demo: tuple[Session, Settings]) -> None:
    db, _ = demo
    ballots = db.scalars(select(m.Ballot)).all()
    assert sorted(b.status for b in ballots) == ["closed", "open", "open"]
    open_ones = [b for b in ballots if b.status == "open"]
    assert all(b.deadline > m.now() for b in open_ones)
    assert any(b.deadline - m.now() < timedelta(days=1) for b in open_ones)
    closed = next(b for b in ballots if b.status == "closed")
    result = db.scalar(select(m.Result).where(m.Result.ballot_id == closed.id))
    assert result is not None
    assert result.data["passed"] is (2 * result.data["agree"] > result.data["total_members"])
    assert result.data["other_opinions"]
    assert result.data["not_answered"] == 3


def test_seeding_twice_changes_nothing(demo: tuple[Session, Settings], tmp_path: Path) -> None:
    db, settings = demo
    before = db.scalar(select(m.Change.seq).order_by(m.Change.seq.desc()).limit(1))
    assert seed_if_empty(db, settings) is False
    assert db.scalar(select(m.Change.seq).order_by(m.Change.seq.desc()).limit(1)) == before

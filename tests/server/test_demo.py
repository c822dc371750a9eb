"""The demo Government: who is in it, and that its papers are real, readable documents. The
demo's provinces beside it, each a body of its own, are tests/server/test_demo_provinces.py:
here every question is asked of the Government's body alone (the abolished ministries of all)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain.organs import AGENCIES, MINISTRIES, ORGANS, organ_name
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


def _gov(db: Session) -> str:
    body_id = db.scalar(select(m.Body.id).where(m.Body.code == "gov"))
    assert body_id is not None
    return body_id


def test_the_people(demo: tuple[Session, Settings]) -> None:
    db, _ = demo
    users = {u.username: u for u in db.scalars(select(m.User).where(m.User.body_id == _gov(db)))}
    # The PM, four Deputy PMs, 14 ministers and 3 heads of agencies; the office; a guest.
    assert len(users) == 24
    assert set(users["chair"].roles) == {"chair", "member"}
    assert users["chair"].title == "Thủ tướng Chính phủ"
    assert {f"member{n:02d}" for n in range(1, 22)} <= set(users)
    titles = {u.title for u in users.values()}
    assert {o.head for o in ORGANS} <= titles
    assert users["secretariat"].roles == ["secretariat"]
    assert users["guest"].roles == ["guest"]


def test_the_regular_session_and_its_papers(demo: tuple[Session, Settings]) -> None:
    db, settings = demo
    regular = db.scalar(
        select(m.Meeting).where(m.Meeting.kind == "regular", m.Meeting.body_id == _gov(db))
    )
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
    ballots = db.scalars(select(m.Ballot).where(m.Ballot.body_id == _gov(db))).all()
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


# Abolished in 2025 (Resolution 176/2025/QH15): a user notices them at once.
ABOLISHED = (
    "Kế hoạch và Đầu tư",
    "Tài nguyên và Môi trường",
    "Thông tin và Truyền thông",
    "Lao động - Thương binh và Xã hội",
    "Giao thông vận tải",
)


def _demo_words(db: Session, settings: Settings) -> list[str]:
    """Every name and title the demo put in the database, and the text of its papers' first
    pages (their headers, numbers and titles)."""
    words: list[str] = []
    for model, columns in (
        (m.User, ("full_name", "title")),
        (m.Meeting, ("title", "place")),
        (m.AgendaItem, ("title", "presenter")),
        (m.Document, ("title",)),
        (m.Ballot, ("title", "question")),
    ):
        for row in db.scalars(select(model)):
            words += [str(getattr(row, column)) for column in columns]
    store = BlobStore(settings.blob_dir)
    for version in db.scalars(select(m.DocumentVersion)):
        words.append(PdfReader(store.path(version.sha256)).pages[0].extract_text())
    return words


def test_no_abolished_ministry_anywhere_in_the_demo(demo: tuple[Session, Settings]) -> None:
    words = _demo_words(*demo)
    assert len(words) > 100
    found = [w for w in words for gone in ABOLISHED if gone in w]
    assert found == []
    db = demo[0]
    meetings = select(m.Meeting.id).where(m.Meeting.body_id == _gov(db))
    items = select(m.AgendaItem).where(m.AgendaItem.meeting_id.in_(meetings))
    presenters = {i.presenter for i in db.scalars(items)}
    assert presenters <= {o.name for o in ORGANS}


def test_the_government_since_2025_in_one_table() -> None:
    assert len(MINISTRIES) == 14 and len(AGENCIES) == 3
    assert {o.name for o in AGENCIES} == {
        "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Văn phòng Chính phủ",
    }  # fmt: skip
    assert not [o.name for o in ORGANS for gone in ABOLISHED if gone in o.name]
    assert len({o.code for o in ORGANS}) == len(ORGANS) == len({o.notation for o in ORGANS})
    assert all(re.fullmatch(r"000\.00\.00\.G\d\d", o.code) for o in ORGANS)


def test_the_papers_read_like_real_ones(demo: tuple[Session, Settings]) -> None:
    db, settings = demo
    documents = db.scalars(select(m.Document).where(m.Document.body_id == _gov(db))).all()
    drafts = [d.title for d in documents if d.kind == "draft"]
    assert len(set(drafts)) == len(drafts) >= 6  # no two drafts called alike
    assert "Dự thảo Nghị định quy định chi tiết Luật Dữ liệu" in drafts
    submissions = [d.title for d in documents if d.kind == "submission"]
    assert all(re.fullmatch(r"Tờ trình số \d+/TTr-[A-ZĐ]+", t) for t in submissions), submissions
    store = BlobStore(settings.blob_dir)
    by_title = {d.title: d for d in documents}
    version = db.get(
        m.DocumentVersion,
        by_title["Dự thảo Nghị định quy định chi tiết Luật Dữ liệu"].current_version_id,
    )
    reader = PdfReader(store.path(version.sha256))
    first = reader.pages[0].extract_text()
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "NGHỊ ĐỊNH"):
        assert words in first, words
    assert re.search(r"Số: \d\d/2026/NĐ-CP", first)
    assert re.search(r"Hà Nội, ngày \d\d tháng \d+ năm 20\d\d", first)
    assert re.search(r"Chương I\b", first) and "Điều 1." in first
    assert [o.title for o in reader.outline[:1]] == ["Chương I. QUY ĐỊNH CHUNG"]


def test_the_office_inbox_has_ministries_documents_one_assigned(
    demo: tuple[Session, Settings],
) -> None:
    """Received through the exchange's own service: each with its status packages 01 and 03
    for the sender, the assigned one with 04, and its PDF made a document of the item."""
    db, _ = demo
    incoming = db.scalars(select(m.IncomingDocument).order_by(m.IncomingDocument.received_at))
    rows = list(incoming)
    senders = [organ_name(r.from_organ_id) for r in rows]
    assert senders == ["Bộ Tư pháp", "Bộ Y tế", "Ngân hàng Nhà nước Việt Nam"]
    assert [r.code_notation for r in rows] == ["BC-BTP", "TTr-BYT", "BC-NHNN"]
    assigned = [r for r in rows if r.assigned_document_ids]
    assert [r.code_number for r in assigned] == ["215"]
    document = db.get(m.Document, assigned[0].assigned_document_ids[0])
    assert document is not None and document.kind == "report"
    assert document.origin.startswith("Báo cáo số 215/BC-BTP")
    item = db.get(m.AgendaItem, document.agenda_item_id)
    assert item is not None and item.title == "Dự thảo Nghị định quy định chi tiết Luật Dữ liệu"
    codes = {
        (s.incoming_id, s.status_code)
        for s in db.scalars(
            select(m.InterconnectStatus).where(m.InterconnectStatus.kind == "status")
        )
    }
    for row in rows:
        assert {(row.id, "01"), (row.id, "03")} <= codes
    assert (assigned[0].id, "04") in codes

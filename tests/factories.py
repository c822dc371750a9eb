"""A small cabinet built straight in the database, for tests that need one.

The world: a secretariat user, a chair, five members (member05 is invited to nothing), a
guest invited to the first agenda item only, a deputy; one published meeting with two
items, each with a submission and a draft (real PDFs in the blob store); one draft meeting;
one open ballot to the chair and members 1-4 with a draft document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.blobstore import Blobs, open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.core.security import hash_password
from tests.pdfs import make_pdf

PASSWORD = "test-pass-1"


@dataclass
class World:
    users: dict[str, str] = field(default_factory=dict)  # username -> id
    meeting_id: str = ""
    draft_meeting_id: str = ""
    item_ids: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    version_ids: list[str] = field(default_factory=list)
    blob_shas: list[str] = field(default_factory=list)
    draft_meeting_sha: str = ""
    ballot_id: str = ""
    ballot_document_id: str = ""
    ballot_sha: str = ""


def add_user(
    db: Session,
    body_id: str,
    username: str,
    roles: list[str],
    full_name: str = "",
    title: str = "",
    n: int = 2**10,
) -> m.User:
    user = m.User(
        body_id=body_id,
        username=username,
        full_name=full_name or username.title(),
        title=title,
        roles=roles,
        password_hash=hash_password(PASSWORD, n),
    )
    db.add(user)
    db.flush()
    feed.publish_user(db, user)
    return user


def add_document(
    db: Session,
    store: Blobs,
    body_id: str,
    *,
    item_id: str | None = None,
    ballot_id: str | None = None,
    kind: str = "draft",
    title: str = "Dự thảo",
    pages: int = 2,
    text: str = "Dự thảo Nghị quyết",
) -> tuple[m.Document, m.DocumentVersion]:
    data = make_pdf(pages, text)
    sha = store.put_bytes(data)
    if db.get(m.Blob, sha) is None:
        db.add(m.Blob(sha256=sha, size=len(data), pages=pages))
    doc = m.Document(
        body_id=body_id, agenda_item_id=item_id, ballot_id=ballot_id, kind=kind, title=title
    )
    db.add(doc)
    db.flush()
    version = m.DocumentVersion(
        document_id=doc.id,
        number=1,
        sha256=sha,
        size=len(data),
        pages=pages,
        filename=f"{kind}.pdf",
    )
    db.add(version)
    db.flush()
    doc.current_version_id = version.id
    return doc, version


def build_world(session_factory: sessionmaker[Session], settings: Settings) -> World:
    world = World()
    store = open_blob_store(settings)
    with session_factory() as db:
        body = db.scalar(select(m.Body).where(m.Body.code == settings.body_code))
        assert body is not None
        bid = body.id
        n = settings.password_scrypt_n
        specs = [
            ("secretariat", ["secretariat"]),
            ("chair", ["chair", "member"]),
            *[(f"member0{i}", ["member"]) for i in range(1, 6)],
            ("guest", ["guest"]),
            ("deputy", ["guest"]),
        ]
        for username, roles in specs:
            world.users[username] = add_user(db, bid, username, roles, n=n).id
        meeting = m.Meeting(
            body_id=bid,
            kind="regular",
            title="Phiên họp thường kỳ",
            starts_at=m.now() + timedelta(days=3),
            place="Hà Nội",
            status="published",
            chair_id=world.users["chair"],
            published_at=m.now(),
        )
        db.add(meeting)
        db.flush()
        world.meeting_id = meeting.id
        for position in (1, 2):
            item = m.AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=f"Nội dung {position}",
                presenter="Bộ Tư pháp",
                minutes_allotted=30,
            )
            db.add(item)
            db.flush()
            world.item_ids.append(item.id)
            for kind in ("submission", "draft"):
                doc, version = add_document(
                    db,
                    store,
                    bid,
                    item_id=item.id,
                    kind=kind,
                    title=f"{kind} {position}",
                    text=f"Tài liệu {kind} nội dung {position}",
                )
                world.document_ids.append(doc.id)
                world.version_ids.append(version.id)
                world.blob_shas.append(version.sha256)
        for username in ("chair", "member01", "member02", "member03", "member04"):
            db.add(
                m.Invitation(
                    meeting_id=meeting.id,
                    user_id=world.users[username],
                    kind="member",
                    agenda_item_ids=[],
                )
            )
        db.add(
            m.Invitation(
                meeting_id=meeting.id,
                user_id=world.users["guest"],
                kind="guest",
                agenda_item_ids=[world.item_ids[0]],
            )
        )
        db.add(
            m.Invitation(
                meeting_id=meeting.id,
                user_id=world.users["deputy"],
                kind="deputy",
                agenda_item_ids=[],
            )
        )
        db.flush()
        feed.publish_meeting_tree(db, meeting)

        draft = m.Meeting(
            body_id=bid,
            kind="thematic",
            title="Phiên chuyên đề (nháp)",
            starts_at=m.now() + timedelta(days=20),
            status="draft",
            chair_id=world.users["chair"],
        )
        db.add(draft)
        db.flush()
        world.draft_meeting_id = draft.id
        ditem = m.AgendaItem(meeting_id=draft.id, position=1, title="Nháp", presenter="Bộ")
        db.add(ditem)
        db.flush()
        ddoc, dver = add_document(db, store, bid, item_id=ditem.id, text="Bản nháp bí mật")
        world.draft_meeting_sha = dver.sha256
        db.add(
            m.Invitation(
                meeting_id=draft.id,
                user_id=world.users["member01"],
                kind="member",
                agenda_item_ids=[],
            )
        )
        db.flush()
        feed.publish_meeting_tree(db, draft)

        voters = [world.users[u] for u in ("chair", "member01", "member02", "member03", "member04")]
        ballot = m.Ballot(
            body_id=bid,
            title="Phiếu lấy ý kiến",
            question="Đồng ý thông qua?",
            status="open",
            deadline=m.now() + timedelta(days=2),
            voter_ids=voters,
            chair_id=world.users["chair"],
            sent_at=m.now(),
        )
        db.add(ballot)
        db.flush()
        world.ballot_id = ballot.id
        bdoc, bver = add_document(db, store, bid, ballot_id=ballot.id, text="Dự thảo xin ý kiến")
        world.ballot_document_id = bdoc.id
        world.ballot_sha = bver.sha256
        db.flush()
        feed.publish_ballot_tree(db, ballot)
        db.commit()
    return world

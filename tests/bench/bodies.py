"""Large generated bodies for benchmarks, written straight into a server's data folder.

The documents are real (if dull) PDFs: one page of text plus an incompressible stream, so the
bytes on the wire are what a large scanned draft would cost. They go into the blob store and
the tables directly: the benchmarks measure syncing, not uploading.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.blobstore import BlobStore
from ecabinet.server.core.config import Settings
from ecabinet.server.core.security import hash_password
from ecabinet.server.db import make_engine, make_session_factory, migrate

PASSWORD = "bench-password"


def padded_pdf(size: int, seed: int) -> bytes:
    """A valid one-page PDF of about ``size`` bytes (an unreferenced random stream pads it)."""
    rnd = random.Random(seed)
    text = f"BT /F1 18 Tf 72 720 Td (Benchmark document {seed}) Tj ET".encode()
    padding = rnd.randbytes(max(0, size - 900))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(padding) + padding + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@dataclass
class Body:
    member_usernames: list[str] = field(default_factory=list)
    blob_shas: list[str] = field(default_factory=list)
    total_bytes: int = 0


def generate(
    settings: Settings,
    *,
    documents: int = 0,
    document_bytes: int = 0,
    members: int = 1,
    annotations: int = 0,
    meetings: int = 1,
    items: int = 1,
    prefix: str = "bench",
) -> Body:
    """Members invited to one meeting holding ``documents`` PDFs, plus private annotations;
    with ``meetings`` above 1, the members split in that many meetings, the first holding
    the documents (in its first of ``items`` items). The members are ``prefix`` and a number
    (bench0001), in the body ``settings.body_code``, made here unless it exists."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.database_url)
    migrate(engine)
    factory = make_session_factory(engine)
    store = BlobStore(settings.blob_dir)
    result = Body()
    with factory() as db:
        body = db.scalar(select(m.Body).where(m.Body.code == settings.body_code))
        if body is None:
            body = m.Body(code=settings.body_code, name="Bench")
            db.add(body)
            db.flush()
        # A cheap hash cost: 200 sign-ins at the production cost would dominate the set-up.
        password_hash = hash_password(PASSWORD, n=2**10)
        users = []
        for number in range(1, members + 1):
            user = m.User(
                body_id=body.id,
                username=f"{prefix}{number:04d}",
                full_name=f"Thành viên {number}",
                roles=["member"],
                password_hash=password_hash,
            )
            db.add(user)
            users.append(user)
            result.member_usernames.append(user.username)
        db.flush()
        for user in users:
            feed.publish_user(db, user)
        # The members in consecutive blocks, one meeting each, a minute apart (so that the
        # list of meetings comes in this order); the documents go to the first meeting.
        block = -(-len(users) // meetings)
        held = []
        for number in range(meetings):
            held.append(
                m.Meeting(
                    body_id=body.id,
                    kind="regular",
                    title=f"Phiên họp đo hiệu năng {number + 1}",
                    starts_at=m.now() + timedelta(days=1, minutes=number),
                    status="published",
                    published_at=m.now(),
                )
            )
            db.add(held[-1])
        db.flush()
        for number, user in enumerate(users):
            db.add(
                m.Invitation(
                    meeting_id=held[number // block].id,
                    user_id=user.id,
                    kind="member",
                    agenda_item_ids=[],
                )
            )
        meeting = held[0]
        item = m.AgendaItem(meeting_id=meeting.id, position=1, title="Nội dung đo")
        db.add(item)
        db.add_all(
            m.AgendaItem(meeting_id=meeting.id, position=n, title=f"Nội dung đo {n}")
            for n in range(2, items + 1)
        )
        db.flush()
        versions = []
        for number in range(documents):
            data = padded_pdf(document_bytes, seed=number)
            sha = store.put_bytes(data)
            db.add(m.Blob(sha256=sha, size=len(data), pages=1))
            doc = m.Document(
                body_id=body.id,
                agenda_item_id=item.id,
                kind="draft",
                title=f"Tài liệu {number}",
                position=number,
            )
            db.add(doc)
            db.flush()
            version = m.DocumentVersion(
                document_id=doc.id,
                number=1,
                sha256=sha,
                size=len(data),
                pages=1,
                filename=f"doc{number}.pdf",
            )
            db.add(version)
            db.flush()
            doc.current_version_id = version.id
            versions.append(version)
            result.blob_shas.append(sha)
            result.total_bytes += len(data)
        db.flush()
        for each in held:
            feed.publish_meeting_tree(db, each)
        if annotations and users and versions:
            author = users[0]
            for number in range(annotations):
                ann = m.Annotation(
                    id=str(m.new_id()),
                    author_id=author.id,
                    document_version_id=versions[0].id,
                    page=0,
                    kind="highlight",
                    rects=[[72, 700, 300, 712]],
                    text=f"Ghi chú số {number}",
                )
                db.add(ann)
                db.flush()
                feed.publish_annotation(db, body.id, ann)
        db.commit()
    engine.dispose()
    return result

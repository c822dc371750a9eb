"""The demo (``--demo``): the Government (people, two sessions, written ballots, real PDFs)
and, beside it, two provinces' People's Committees (Hà Nội, Thành phố Hồ Chí Minh), each a body
of its own with its people, a regular session and a written ballot.

Each body is seeded once, while it has no users, through the same feed functions as real work,
so clients receive it exactly as they would receive its secretariat's. PDFs are composed at seed
time (a few seconds) and cached on disk by content, so later seeds are quick. Runs on the main
thread of a starting server (``prepare_database``), under its schema lock.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import Answer, tally
from ecabinet.domain.body_words import document_words
from ecabinet.official_time import official
from ecabinet.pdf.compose import DocumentSpec, compose
from ecabinet.pdf.reply_form import ReplyFields, ReplyForm, build_reply_form
from ecabinet.server import audit, feed
from ecabinet.server import models as m
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.core.config import Settings
from ecabinet.server.core.security import hash_password
from ecabinet.server.demo_content.people import DEMO_PASSWORD, DEMO_USERS, DemoUser
from ecabinet.server.demo_content.provinces import PROVINCES, DemoProvince
from ecabinet.server.demo_content.texts import (
    BALLOTS,
    GOVERNMENT_LETTERHEAD,
    REGULAR_ITEMS,
    THEMATIC_ITEMS,
    DemoBallot,
    DemoItem,
    Letterhead,
    draft_spec,
    report_spec,
    report_title,
    submission_spec,
    submission_title,
)
from ecabinet.server.demo_exchange import seed_incoming
from ecabinet.server.services.bodies import body_by_code, create_body

PLACE = "Trụ sở Chính phủ, số 1 Hoàng Hoa Thám, Hà Nội"


class _Seeder:
    """Seeds one body: its people first, then its sessions and ballots, its papers headed,
    numbered and worded by its letterhead."""

    def __init__(
        self,
        db: Session,
        settings: Settings,
        body: m.Body,
        *,
        place: str = PLACE,
        letterhead: Letterhead = GOVERNMENT_LETTERHEAD,
    ) -> None:
        self.db = db
        self.settings = settings
        self.body = body
        self.place = place
        self.letterhead = letterhead
        self.store = open_blob_store(settings)
        self.cache = settings.data_dir / "demo-cache"
        self.cache.mkdir(parents=True, exist_ok=True)
        self.users: dict[str, m.User] = {}

    def _first(self, role: str) -> m.User:
        return next(u for u in self.users.values() if role in u.roles)

    @property
    def chair(self) -> m.User:
        return self._first("chair")

    @property
    def secretariat(self) -> m.User:
        """The office's first officer: who uploaded the papers and sent them."""
        return self._first("secretariat")

    def pdf(self, spec: DocumentSpec) -> bytes:
        key = hashlib.sha256(json.dumps(asdict(spec), ensure_ascii=False).encode()).hexdigest()
        cached = self.cache / f"{key}.pdf"
        if cached.exists():
            return cached.read_bytes()
        data = compose(spec)
        cached.write_bytes(data)
        return data

    def add_blob(self, data: bytes) -> tuple[str, int]:

        sha = self.store.put_bytes(data)
        pages = len(PdfReader(io.BytesIO(data)).pages)
        if self.db.get(m.Blob, sha) is None:
            self.db.add(
                m.Blob(
                    sha256=sha,
                    size=len(data),
                    pages=pages,
                    uploaded_by=self.secretariat.id,
                )
            )
        return sha, pages

    def add_document(
        self,
        data: bytes,
        *,
        kind: str,
        title: str,
        filename: str,
        position: int,
        item_id: str | None = None,
        ballot_id: str | None = None,
    ) -> m.Document:
        sha, pages = self.add_blob(data)
        doc = m.Document(
            body_id=self.body.id,
            agenda_item_id=item_id,
            ballot_id=ballot_id,
            kind=kind,
            title=title,
            position=position,
        )
        self.db.add(doc)
        self.db.flush()
        version = m.DocumentVersion(
            document_id=doc.id,
            number=1,
            sha256=sha,
            size=len(data),
            pages=pages,
            filename=filename,
            created_by=self.secretariat.id,
        )
        self.db.add(version)
        self.db.flush()
        doc.current_version_id = version.id
        return doc

    def people(self, people: Sequence[DemoUser]) -> None:
        # Every demo user has the published password "demo": one hash serves them all.
        password_hash = hash_password(DEMO_PASSWORD, self.settings.password_scrypt_n)
        for order, person in enumerate(people):
            user = m.User(
                body_id=self.body.id,
                username=person.username,
                full_name=person.full_name,
                title=person.title,
                roles=list(person.roles),
                sort_order=order,
                password_hash=password_hash,
            )
            self.db.add(user)
            self.users[person.username] = user
        self.db.flush()
        for user in self.users.values():
            feed.publish_user(self.db, user)

    @property
    def members(self) -> list[m.User]:
        return [u for u in self.users.values() if {"member", "chair"} & set(u.roles)]

    def meeting(
        self,
        *,
        kind: str,
        title: str,
        starts: datetime,
        hours: int,
        items: list[DemoItem],
        seed: int,
        guest_item: int | None = None,
    ) -> m.Meeting:
        meeting = m.Meeting(
            body_id=self.body.id,
            kind=kind,
            title=title,
            starts_at=starts,
            ends_at=starts + timedelta(hours=hours),
            place=self.place,
            status="published",
            chair_id=self.chair.id,
            published_at=datetime.now(UTC),
        )
        self.db.add(meeting)
        self.db.flush()
        for member in self.members:
            self.db.add(
                m.Invitation(
                    meeting_id=meeting.id, user_id=member.id, kind="member", agenda_item_ids=[]
                )
            )
        # The papers are dated in Hà Nội three weeks before the session (rule 7).
        issued = official(starts).date() - timedelta(days=18)
        for position, spec in enumerate(items, start=1):
            item = m.AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=spec.title,
                presenter=spec.presenter,
                minutes_allotted=spec.minutes,
                paper_only=spec.paper_only,
            )
            self.db.add(item)
            self.db.flush()
            if guest_item == position:
                self.db.add(
                    m.Invitation(
                        meeting_id=meeting.id,
                        user_id=self._first("guest").id,
                        kind="guest",
                        agenda_item_ids=[item.id],
                    )
                )
            if spec.paper_only:
                continue  # classified: distributed on paper, never stored here
            item_seed = seed * 100 + position
            self.add_document(
                self.pdf(
                    submission_spec(spec, item_seed, issued - timedelta(days=3), self.letterhead)
                ),
                kind="submission",
                title=submission_title(spec, item_seed, self.letterhead),
                filename="to-trinh.pdf",
                position=1,
                item_id=item.id,
            )
            self.add_document(
                self.pdf(draft_spec(spec, item_seed, issued - timedelta(days=3), self.letterhead)),
                kind="draft",
                title=spec.draft,
                filename="du-thao.pdf",
                position=2,
                item_id=item.id,
            )
            if spec.with_report:
                self.add_document(
                    self.pdf(
                        report_spec(spec, item_seed, issued - timedelta(days=3), self.letterhead)
                    ),
                    kind="report",
                    title=report_title(spec, item_seed, self.letterhead),
                    filename="bao-cao.pdf",
                    position=3,
                    item_id=item.id,
                )
        self.db.flush()
        feed.publish_meeting_tree(self.db, meeting)
        audit.record(
            self.db,
            "meeting.publish",
            actor_id=self.secretariat.id,
            body_id=self.body.id,
            object_type="meeting",
            object_id=meeting.id,
        )
        return meeting

    def ballot(self, index: int, paper: DemoBallot) -> m.Ballot:
        now = datetime.now(UTC)
        closed = paper.hours_left < 0
        ballot = m.Ballot(
            body_id=self.body.id,
            title=paper.title,
            question=paper.question,
            status="closed" if closed else "open",
            deadline=now + timedelta(hours=paper.hours_left),
            voter_ids=[u.id for u in self.members],
            chair_id=self.chair.id,
            created_by=self.secretariat.id,
            sent_at=now - timedelta(days=3),
            closed_at=now + timedelta(hours=paper.hours_left) if closed else None,
        )
        self.db.add(ballot)
        self.db.flush()
        issued = official(now).date() - timedelta(days=5)
        item = DemoItem(
            paper.title,
            paper.presenter,
            0,
            paper.topic,
            paper.kind,
            3,
            draft_title=paper.draft_title,
        )
        self.add_document(
            self.pdf(draft_spec(item, 900 + index, issued, self.letterhead)),
            kind="draft",
            title=item.draft,
            filename="du-thao.pdf",
            position=1,
            ballot_id=ballot.id,
        )
        self.db.flush()
        feed.publish_ballot_tree(self.db, ballot)
        if closed:
            self.closed_ballot_replies(ballot)
        return ballot

    def closed_ballot_replies(self, ballot: m.Ballot) -> None:
        """Replies to the closed ballot, with its result. Their forms are unsigned: demo
        members have no keys until they sign in, and these replies are history."""
        answers = []
        total = len(self.members)
        words = document_words(self.body.code, self.body.name)  # a province's forms name it
        for n, member in enumerate(self.members):
            if n >= total - 3:
                continue  # three members never answered
            # Two disagree and two give another opinion; the rest agree.
            choice = "agree" if n < total - 7 else ("disagree" if n < total - 5 else "other")
            comment = "Đề nghị bổ sung đánh giá tác động môi trường." if choice == "other" else ""
            form = build_reply_form(
                ReplyForm(
                    ReplyFields(ballot.id, member.id, choice, comment),
                    ballot.title,
                    ballot.question,
                    member.full_name,
                    member.title,
                    ballot.deadline,
                    place=words.place,
                    deadline=ballot.deadline,
                    body=words,
                )
            )
            sha, _pages = self.add_blob(form)
            self.blob_owner(sha, member)
            resp = m.BallotResponse(
                ballot_id=ballot.id,
                user_id=member.id,
                choice=choice,
                comment=comment,
                signed_pdf=sha,
                received_at=ballot.deadline - timedelta(hours=20 - n % 9),
            )
            self.db.add(resp)
            self.db.flush()
            feed.publish_ballot_response(self.db, self.body.id, resp)
            answers.append(Answer(member.id, choice))
        result = tally(answers, [u.id for u in self.members], ballot.chair_id)
        opinions = [
            {"user_id": r.user_id, "text": r.comment}
            for r in self.db.scalars(
                select(m.BallotResponse).where(
                    m.BallotResponse.ballot_id == ballot.id, m.BallotResponse.choice == "other"
                )
            )
        ]
        row = m.Result(
            body_id=self.body.id,
            subject="ballot",
            ballot_id=ballot.id,
            data={
                "total_members": result.total_members,
                "agree": result.agree,
                "disagree": result.disagree,
                "abstain_or_other": result.abstain_or_other,
                "not_answered": result.not_answered,
                "late": result.late,
                "chair_choice": result.chair_choice,
                "passed": result.passed,
                "other_opinions": opinions,
            },
            published_at=ballot.closed_at or datetime.now(UTC),
        )
        self.db.add(row)
        self.db.flush()
        feed.publish_result(self.db, row)

    def blob_owner(self, sha: str, member: m.User) -> None:
        blob = self.db.get(m.Blob, sha)
        if blob is not None:
            blob.uploaded_by = member.id


def _next_month_start(now: datetime, days: int = 4) -> datetime:
    """Some days ahead at 08:30 Hà Nội time (rule 7), whatever the zone of the machine."""
    day = official(now + timedelta(days=days))
    return day.replace(hour=8, minute=30, second=0, microsecond=0).astimezone(UTC)


def _has_users(db: Session, body: m.Body) -> bool:
    return db.scalar(select(m.User.id).where(m.User.body_id == body.id).limit(1)) is not None


def seed_if_empty(db: Session, settings: Settings) -> bool:
    """Seed the demo into each of its bodies that has no users yet (the Government, then the
    provinces, made if missing); returns False (doing nothing) if every one has users."""
    seeded = _seed_government(db, settings)
    for province in PROVINCES:
        seeded = _seed_province(db, settings, province) or seeded
    return seeded


def _seed_province(db: Session, settings: Settings, province: DemoProvince) -> bool:
    body = body_by_code(db, province.code) or create_body(
        db, province.code, province.name, province.organ_id
    )
    if _has_users(db, body):
        return False
    seeder = _Seeder(db, settings, body, place=province.place, letterhead=province.letterhead)
    seeder.people(province.users)
    regular = _next_month_start(datetime.now(UTC), province.days_ahead)
    seeder.meeting(
        kind="regular",
        title=f"Phiên họp UBND thành phố thường kỳ tháng {official(regular).month}",
        starts=regular,
        hours=4,
        items=list(province.items),
        seed=province.seed,
    )
    seeder.ballot(province.seed, province.ballot)
    db.commit()
    return True


def _seed_government(db: Session, settings: Settings) -> bool:
    body = db.scalar(select(m.Body).where(m.Body.code == settings.body_code))
    if body is None or _has_users(db, body):
        return False
    seeder = _Seeder(db, settings, body)
    seeder.people(DEMO_USERS)
    now = datetime.now(UTC)
    regular = _next_month_start(now)
    month = official(regular).month
    seeder.meeting(
        kind="regular",
        title=f"Phiên họp Chính phủ thường kỳ tháng {month}",
        starts=regular,
        hours=8,
        items=REGULAR_ITEMS,
        seed=1,
        guest_item=4,
    )
    seeder.meeting(
        kind="thematic",
        title="Phiên họp Chính phủ chuyên đề về xây dựng pháp luật",
        starts=regular + timedelta(days=18),
        hours=4,
        items=THEMATIC_ITEMS,
        seed=2,
    )
    for index, paper in enumerate(BALLOTS):
        seeder.ballot(index, paper)
    db.commit()
    seed_incoming(db, settings, body)  # after the commit: receiving commits on its own
    return True

"""The chair runs the session: which item is being discussed now, and adopting the consent
list in one act (rule 6: more than half of ALL members marked "no objection", nobody objected
or asked to speak, and no member pulled the item off the list).

Each act changes the items, publishes them to the feed and records an audit entry in the
caller's transaction; the caller commits once. Request worker threads.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import ItemOutlook, ItemStatus, Mark, PositionChoice, VoteStatus, item_outlook
from ecabinet.server import audit, feed, live
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.serialize import body_member_ids
from ecabinet.server.services import speakers
from ecabinet.server.services.actor import AuthContext
from ecabinet.server.services.chair import chair_item, chair_meeting, in_session, with_quorum
from ecabinet.server.services.lookups import body_words
from ecabinet.server.tally import close_vote_result
from ecabinet.wire.live import SessionItem

# The minutes say the item was adopted on the members' written marks, with the count (rule 6);
# {body}: "Chính phủ", or a People's Committee's name.
CONSENT_CONCLUSION = (
    "Thông qua theo danh sách thông qua không thảo luận trên cơ sở ý kiến bằng văn bản của "
    "{agree}/{total} thành viên {body} (Không phản đối); không thành viên nào phản đối "
    "hoặc đăng ký phát biểu."
)
# The note on each agreement recorded from a member's written mark.
FROM_WRITTEN_MARK = "Ghi nhận từ ý kiến bằng văn bản “Không phản đối” trước phiên họp."


def discuss(db: Session, auth: AuthContext, item_id: str) -> list[m.AgendaItem]:
    """Make the item the one being discussed; the one before it is done. Its "wish to speak"
    marks join its list of speakers. The items changed, the new one last."""
    item, meeting = chair_item(db, auth, item_id)
    in_session(meeting)
    changed = []
    for other in db.scalars(
        select(m.AgendaItem).where(
            m.AgendaItem.meeting_id == meeting.id,
            m.AgendaItem.status == ItemStatus.DISCUSSING.value,
            m.AgendaItem.id != item.id,
        )
    ):
        other.status = ItemStatus.CLOSED
        changed.append(other)
    item.status = ItemStatus.DISCUSSING
    changed.append(item)
    for row in changed:
        feed.publish_item(db, meeting, row)
    scope, scope_id, mid = feed.item_scope(meeting, item.id)
    live.announce(
        db,
        meeting.body_id,
        SessionItem(meeting_id=meeting.id, agenda_item_id=item.id),
        scope=scope,
        scope_id=scope_id,
        meeting_id=mid,
    )
    speakers.queue_from_marks(db, meeting, item)
    audit.record(
        db,
        "item.discuss",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="agenda_item",
        object_id=item.id,
    )
    return changed


def adopt_consent(
    db: Session, auth: AuthContext, meeting_id: str, item_ids: Sequence[str]
) -> list[m.AgendaItem]:
    """Adopt the listed items in one act, if each is still on the consent list; the items
    adopted, in the order named."""
    meeting = chair_meeting(db, auth, meeting_id)
    in_session(meeting)
    present = with_quorum(db, meeting)
    items = {
        i.id: i
        for i in db.scalars(select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting.id))
    }
    members = body_member_ids(db, meeting.body_id)
    refused = []
    checked: dict[str, tuple[ItemOutlook, list[m.Position]]] = {}
    for item_id in item_ids:
        item = items.get(item_id)
        if item is None:
            raise ApiError(422, "validation_error", f"{item_id} is not an item of this meeting.")
        marks = db.scalars(
            select(m.Position).where(m.Position.agenda_item_id == item.id, m.Position.current)
        ).all()
        outlook = item_outlook(
            [Mark(p.user_id, p.position, p.received_at) for p in marks],
            members,
            meeting.chair_id,
            pulled=item.consent_pulled_by is not None,
        )
        checked[item.id] = (outlook, list(marks))
        # The list is checked again now: a member may have objected or pulled it since.
        if not outlook.consent or item.vote_status != VoteStatus.NONE or item.status == "closed":
            refused.append(f"{item.position}. {item.title}")
    if refused:
        raise ApiError(
            409,
            "not_consent",
            "Not on the consent list (more than half of all members must have marked no "
            "objection, with no objection, no wish to speak and no member pulling it; or it was "
            f"already voted or decided): {'; '.join(refused)}.",
        )
    adopted = [items[i] for i in dict.fromkeys(item_ids)]
    counts = {
        item.position: _adopt(db, auth.user_id, meeting, item, checked[item.id][1], set(members))
        for item in adopted
    }
    audit.record(
        db,
        "consent.adopt",
        actor_id=auth.user_id,
        body_id=auth.body_id,
        object_type="meeting",
        object_id=meeting.id,
        detail={"items": [i.position for i in adopted], "present": present, "agree": counts},
    )
    return adopted


def _adopt(
    db: Session,
    chair_id: str,
    meeting: m.Meeting,
    item: m.AgendaItem,
    marks: list[m.Position],
    members: set[str],
) -> int:
    """Each "no objection" becomes that member's agreement, the result is counted from them
    as after a vote, and the conclusion names the written marks and their count."""
    at = m.now()
    agreeing = [
        p for p in marks if p.position == PositionChoice.NO_OBJECTION.value and p.user_id in members
    ]
    for mark in agreeing:
        vote = m.Vote(
            agenda_item_id=item.id,
            user_id=mark.user_id,
            choice="agree",
            comment=FROM_WRITTEN_MARK,
            signature="",  # no signature: the mark itself is the member's written act
            received_at=at,
            current=True,
        )
        db.add(vote)
        db.flush()
        feed.publish_vote(db, meeting.body_id, vote, meeting.id)
    item.vote_status = VoteStatus.CLOSED
    item.vote_opened_at = item.vote_closed_at = at
    item.status = ItemStatus.CLOSED
    result = close_vote_result(db, item, meeting)
    conclusion = m.Conclusion(
        agenda_item_id=item.id,
        text=CONSENT_CONCLUSION.format(
            agree=result.data["agree"],
            total=len(members),
            body=body_words(db, meeting.body_id).subject,
        ),
        created_by=chair_id,
    )
    db.add(conclusion)
    db.flush()
    feed.publish_item(db, meeting, item)
    feed.publish_conclusion(db, meeting, conclusion)
    return len(agreeing)

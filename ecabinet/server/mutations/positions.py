"""position.set, speaker.request/withdraw and document.read: acts before and in a session."""

from __future__ import annotations

from typing import cast

from sqlalchemy import func, select

from ecabinet.server import feed, live
from ecabinet.server import models as m
from ecabinet.server.mutations import Applier, MutationContext, Rejected
from ecabinet.server.mutations.lookups import (
    is_voting_member,
    may_ask_to_speak,
    require_open_item,
    visible_item,
    visible_version,
)
from ecabinet.wire.base import WireModel
from ecabinet.wire.live import MAX_SPEAKERS, Speaker, Speakers
from ecabinet.wire.sync import DocumentRead, PositionSet, SpeakerAct


def set_position(ctx: MutationContext, data: WireModel) -> None:
    pos_data = cast(PositionSet, data)
    item, meeting = visible_item(ctx, pos_data.agenda_item_id)
    require_open_item(item, meeting)
    if not is_voting_member(ctx, meeting):
        raise Rejected("forbidden", "Only Government members mark positions.")
    earlier = ctx.db.scalars(
        select(m.Position).where(
            m.Position.agenda_item_id == item.id,
            m.Position.user_id == ctx.auth.user_id,
            m.Position.current,
        )
    ).all()
    for old in earlier:  # kept in the record, no longer the one that counts
        old.current = False
        feed.publish_position(ctx.db, meeting.body_id, old, meeting.id)
    pos = m.Position(
        agenda_item_id=item.id,
        user_id=ctx.auth.user_id,
        position=pos_data.position.value,
        comment=pos_data.comment,
        received_at=ctx.received_at,
        current=True,
    )
    ctx.db.add(pos)
    ctx.db.flush()
    feed.publish_position(ctx.db, meeting.body_id, pos, meeting.id)


def _active_request(ctx: MutationContext, item_id: str) -> m.SpeakerRequest | None:
    return ctx.db.scalar(
        select(m.SpeakerRequest).where(
            m.SpeakerRequest.agenda_item_id == item_id,
            m.SpeakerRequest.user_id == ctx.auth.user_id,
            ~m.SpeakerRequest.withdrawn,
        )
    )


def request_to_speak(ctx: MutationContext, data: WireModel) -> None:
    item, meeting = visible_item(ctx, cast(SpeakerAct, data).agenda_item_id)
    require_open_item(item, meeting)
    if not may_ask_to_speak(ctx, meeting):
        raise Rejected("forbidden", "Guests speak when the chair invites them.")
    if _active_request(ctx, item.id) is not None:
        return  # already on the list: asking twice changes nothing
    last = ctx.db.scalar(
        select(func.max(m.SpeakerRequest.position)).where(
            m.SpeakerRequest.agenda_item_id == item.id
        )
    )
    req = m.SpeakerRequest(
        agenda_item_id=item.id,
        user_id=ctx.auth.user_id,
        requested_at=ctx.received_at,
        position=(last or 0) + 1,
    )
    ctx.db.add(req)
    ctx.db.flush()
    feed.publish_speaker_request(ctx.db, meeting, req)
    _announce_queue(ctx, meeting, item.id)


def withdraw_request(ctx: MutationContext, data: WireModel) -> None:
    item, meeting = visible_item(ctx, cast(SpeakerAct, data).agenda_item_id)
    require_open_item(item, meeting)
    req = _active_request(ctx, item.id)
    if req is None:
        return
    req.withdrawn = True
    feed.publish_speaker_request(ctx.db, meeting, req)
    ctx.db.flush()
    _announce_queue(ctx, meeting, item.id)


def _announce_queue(ctx: MutationContext, meeting: m.Meeting, item_id: str) -> None:
    """The item's queue as it now stands, to all who see the item."""
    rows = ctx.db.execute(
        select(m.SpeakerRequest.user_id, m.User.full_name)
        .join(m.User, m.User.id == m.SpeakerRequest.user_id)
        .where(m.SpeakerRequest.agenda_item_id == item_id, ~m.SpeakerRequest.withdrawn)
        .order_by(m.SpeakerRequest.position)
        .limit(MAX_SPEAKERS)
    ).all()
    scope, scope_id, mid = feed.item_scope(meeting, item_id)
    live.announce(
        ctx.db,
        meeting.body_id,
        Speakers(
            meeting_id=meeting.id,
            agenda_item_id=item_id,
            queue=[Speaker(user_id=uid, full_name=name[:200]) for uid, name in rows],
        ),
        scope=scope,
        scope_id=scope_id,
        meeting_id=mid,
    )


def mark_read(ctx: MutationContext, data: WireModel) -> None:
    version, _doc = visible_version(ctx, cast(DocumentRead, data).document_version_id)
    seen = ctx.db.scalar(
        select(m.DocumentRead).where(
            m.DocumentRead.document_version_id == version.id,
            m.DocumentRead.user_id == ctx.auth.user_id,
        )
    )
    if seen is None:
        ctx.db.add(
            m.DocumentRead(
                document_version_id=version.id,
                user_id=ctx.auth.user_id,
                first_read_at=ctx.received_at,
            )
        )


APPLIERS: dict[str, Applier] = {
    "position.set": set_position,
    "speaker.request": request_to_speak,
    "speaker.withdraw": withdraw_request,
    "document.read": mark_read,
}

"""position.set, speaker.request/withdraw and document.read: acts before and in a session.

The speakers queue itself is kept by ecabinet.server.services.speakers. Request worker threads.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.mutations import Applier, MutationContext, Rejected
from ecabinet.server.mutations.lookups import (
    is_voting_member,
    may_ask_to_speak,
    require_open_item,
    visible_item,
    visible_version,
)
from ecabinet.server.services import speakers
from ecabinet.wire.base import WireModel
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
        position=pos_data.position,
        comment=pos_data.comment,
        received_at=ctx.received_at,
        current=True,
    )
    ctx.db.add(pos)
    ctx.db.flush()
    feed.publish_position(ctx.db, meeting.body_id, pos, meeting.id)


def request_to_speak(ctx: MutationContext, data: WireModel) -> None:
    item, meeting = visible_item(ctx, cast(SpeakerAct, data).agenda_item_id)
    require_open_item(item, meeting)
    if not may_ask_to_speak(ctx, meeting):
        raise Rejected("forbidden", "Guests speak when the chair invites them.")
    speakers.enqueue(ctx.db, meeting, item, ctx.auth.user_id, ctx.received_at)


def withdraw_request(ctx: MutationContext, data: WireModel) -> None:
    item, meeting = visible_item(ctx, cast(SpeakerAct, data).agenda_item_id)
    require_open_item(item, meeting)
    req = speakers.active_request(ctx.db, item.id, ctx.auth.user_id)
    if req is not None:
        speakers.withdraw(ctx.db, meeting, req, ctx.received_at)


def mark_read(ctx: MutationContext, data: WireModel) -> None:
    """The first reading counts; two laptops of one member marking it at once both succeed
    (an insert that does nothing when the row is there, on both databases)."""
    version, _doc = visible_version(ctx, cast(DocumentRead, data).document_version_id)
    values = {
        "document_version_id": version.id,
        "user_id": ctx.auth.user_id,
        "first_read_at": ctx.received_at,
    }
    keys = ["document_version_id", "user_id"]
    if ctx.db.get_bind().dialect.name == "postgresql":
        ctx.db.execute(
            pg_insert(m.DocumentRead).values(values).on_conflict_do_nothing(index_elements=keys)
        )
    else:
        ctx.db.execute(
            sqlite_insert(m.DocumentRead).values(values).on_conflict_do_nothing(index_elements=keys)
        )


APPLIERS: dict[str, Applier] = {
    "position.set": set_position,
    "speaker.request": request_to_speak,
    "speaker.withdraw": withdraw_request,
    "document.read": mark_read,
}

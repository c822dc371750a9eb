"""consent.pull: a member present takes an item off the consent list before it is adopted.

Rule 6 (docs/rules.md): before adoption any member present may pull an item off the
list; it is then debated and voted. The first pull is recorded on the item (who and when, the
server's clock) and published with it, so the chair's board and console show it at the next
pull; pulling again changes nothing. Runs in a request worker thread, inside the transaction
the push dispatcher (ecabinet.server.mutations) opens for each mutation.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import select

from ecabinet.domain import MeetingStatus, VoteStatus
from ecabinet.server import audit, feed
from ecabinet.server import models as m
from ecabinet.server.mutations import Applier, MutationContext, Rejected
from ecabinet.server.mutations.lookups import is_voting_member, require_open_item, visible_item
from ecabinet.wire.base import WireModel
from ecabinet.wire.sync import ConsentPull


def _is_present(ctx: MutationContext, meeting: m.Meeting) -> bool:
    """In session only those recorded present (and the chair, who presides) may pull."""
    if meeting.status != MeetingStatus.IN_PROGRESS or meeting.chair_id == ctx.auth.user_id:
        return True  # before the session the member's laptop speaks for them
    return bool(
        ctx.db.scalar(
            select(m.Attendance.id).where(
                m.Attendance.meeting_id == meeting.id,
                m.Attendance.user_id == ctx.auth.user_id,
                m.Attendance.present,
            )
        )
    )


def pull_from_consent(ctx: MutationContext, data: WireModel) -> None:
    item, meeting = visible_item(ctx, cast(ConsentPull, data).agenda_item_id)
    require_open_item(item, meeting)
    if not is_voting_member(ctx, meeting):
        raise Rejected("forbidden", "Only Government members take an item off the consent list.")
    if not _is_present(ctx, meeting):
        raise Rejected("not_present", "Only a member present at the session may do this.")
    if item.vote_status != VoteStatus.NONE:
        raise Rejected("vote_not_open", "This item is already being voted on.")
    if item.consent_pulled_by is not None:
        return  # already off the list: the first member who pulled it stays on the record
    item.consent_pulled_by = ctx.auth.user_id
    item.consent_pulled_at = ctx.received_at
    feed.publish_item(ctx.db, meeting, item)
    audit.record(
        ctx.db,
        "consent.pull",
        actor_id=ctx.auth.user_id,
        body_id=meeting.body_id,
        object_type="agenda_item",
        object_id=item.id,
        detail={"meeting_id": meeting.id, "position": item.position},
    )


APPLIERS: dict[str, Applier] = {"consent.pull": pull_from_consent}

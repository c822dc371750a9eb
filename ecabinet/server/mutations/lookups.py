"""Finding the objects a mutation names, as the member may see them (else ``not_found``)."""

from __future__ import annotations

from sqlalchemy import select

from ecabinet.domain import InvitationKind, ItemStatus, MeetingStatus, Role
from ecabinet.server import models as m
from ecabinet.server.mutations import MutationContext, Rejected


def visible_item(ctx: MutationContext, item_id: str) -> tuple[m.AgendaItem, m.Meeting]:
    item = ctx.db.get(m.AgendaItem, item_id)
    meeting = ctx.db.get(m.Meeting, item.meeting_id) if item else None
    if (
        item is None
        or meeting is None
        or meeting.body_id != ctx.auth.body_id
        or not ctx.audience.can_see_item(meeting.id, item.id)
    ):
        raise Rejected("not_found", "No such agenda item.")
    return item, meeting


def visible_version(ctx: MutationContext, version_id: str) -> tuple[m.DocumentVersion, m.Document]:
    version = ctx.db.get(m.DocumentVersion, version_id)
    doc = ctx.db.get(m.Document, version.document_id) if version else None
    if version is None or doc is None or doc.body_id != ctx.auth.body_id:
        raise Rejected("not_found", "No such document.")
    if doc.agenda_item_id:
        visible_item(ctx, doc.agenda_item_id)
    elif not (doc.ballot_id and ctx.audience.can_see_ballot(doc.ballot_id)):
        raise Rejected("not_found", "No such document.")
    return version, doc


def require_open_item(item: m.AgendaItem, meeting: m.Meeting) -> None:
    if item.status == ItemStatus.CLOSED or meeting.status == MeetingStatus.CLOSED:
        raise Rejected("item_closed", "This agenda item is closed.")


def invitation_kind(ctx: MutationContext, meeting: m.Meeting) -> InvitationKind | None:
    """How the caller sits in the meeting: its chair counts as a member; None if not invited."""
    if meeting.chair_id == ctx.auth.user_id:
        return InvitationKind.MEMBER
    kind = ctx.db.scalar(
        select(m.Invitation.kind).where(
            m.Invitation.meeting_id == meeting.id, m.Invitation.user_id == ctx.auth.user_id
        )
    )
    return InvitationKind(kind) if kind else None


def is_voting_member(ctx: MutationContext, meeting: m.Meeting) -> bool:
    """Members invited as members, and the chair; never guests or deputies."""
    if not ctx.auth.roles & {Role.MEMBER.value, Role.CHAIR.value}:
        return False
    return invitation_kind(ctx, meeting) == InvitationKind.MEMBER


def may_ask_to_speak(ctx: MutationContext, meeting: m.Meeting) -> bool:
    """Those at the table: members, the chair, and a deputy attending in a member's place.

    A guest speaks when the chair gives them the floor, not from the list of speakers.
    """
    return invitation_kind(ctx, meeting) in (InvitationKind.MEMBER, InvitationKind.DEPUTY)

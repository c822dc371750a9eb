"""vote.cast and ballot.respond: signed decisions, checked against the member's certificate.

Deadlines are judged by the server's clock when the mutation is received (ctx.received_at);
the client's created_at is kept for the record only. Runs in a request worker thread, inside
the transaction the push dispatcher (ecabinet.server.mutations) opens for each mutation.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import select

from ecabinet.domain import BallotStatus, Scope, VoteStatus, is_late
from ecabinet.pdf.reply_form import read_reply_fields
from ecabinet.server import feed, live
from ecabinet.server import models as m
from ecabinet.server.blobstore import open_blob_store
from ecabinet.server.mutations import Applier, MutationContext, Rejected
from ecabinet.server.mutations.lookups import is_voting_member, visible_item
from ecabinet.server.pki import body_by_id, form_refusal, member_signed
from ecabinet.server.tally import vote_tally
from ecabinet.signing.detached import canonical_vote
from ecabinet.wire.base import WireModel
from ecabinet.wire.live import VoteCount
from ecabinet.wire.sync import BallotRespond, VoteCast

# A reply form is one or two pages (tens of kB). Anything far larger is not one, and parsing it
# in the request thread (pyHanko has no resource limits) would only cost the server time.
REPLY_FORM_MAX_BYTES = 5 * 1024 * 1024


def cast_vote(ctx: MutationContext, data: WireModel) -> None:
    vote_data = cast(VoteCast, data)
    item, meeting = visible_item(ctx, vote_data.agenda_item_id)
    # Read the vote's state under a share lock (PostgreSQL): closing the vote locks the item
    # to update it, so it waits for votes being applied, and a vote that arrives after the
    # close waits and then sees it closed. An applied vote is always in the tally.
    ctx.db.refresh(item, ["vote_status"], with_for_update={"read": True})
    if item.vote_status != VoteStatus.OPEN:
        raise Rejected("vote_not_open", "Voting on this item is not open.")
    if not is_voting_member(ctx, meeting):
        raise Rejected(
            "not_a_voting_member", "Only Government members vote; guests and deputies do not."
        )
    signed = canonical_vote(item.id, ctx.auth.user_id, vote_data.choice.value, vote_data.comment)
    body = body_by_id(ctx.db, ctx.auth.body_id)
    if not member_signed(ctx.db, ctx.settings, body, ctx.auth.user_id, signed, vote_data.signature):
        raise Rejected("invalid_signature", "The vote's signature is not valid.")
    for old in ctx.db.scalars(
        select(m.Vote).where(
            m.Vote.agenda_item_id == item.id, m.Vote.user_id == ctx.auth.user_id, m.Vote.current
        )
    ):
        old.current = False  # kept in the record; the last one received counts
        feed.publish_vote(ctx.db, meeting.body_id, old, meeting.id)
    vote = m.Vote(
        agenda_item_id=item.id,
        user_id=ctx.auth.user_id,
        choice=vote_data.choice,
        comment=vote_data.comment,
        signature=vote_data.signature,
        received_at=ctx.received_at,
        client_created_at=ctx.mutation.created_at,
        current=True,
    )
    ctx.db.add(vote)
    ctx.db.flush()
    feed.publish_vote(ctx.db, meeting.body_id, vote, meeting.id)
    _announce_count(ctx, item, meeting)


def _announce_count(ctx: MutationContext, item: m.AgendaItem, meeting: m.Meeting) -> None:
    """The running count, without names, to the meeting's chair and the Government Office
    (``Scope.OWN`` of the chair): nobody else learns how the vote goes before it closes."""
    counted = vote_tally(ctx.db, item, meeting)
    live.announce(
        ctx.db,
        meeting.body_id,
        VoteCount(
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            agree=counted.agree,
            disagree=counted.disagree,
            abstain=counted.abstain_or_other,
            not_voted=counted.not_answered,
        ),
        scope=Scope.OWN,
        scope_id=meeting.chair_id,
        meeting_id=meeting.id,
    )


def _check_form(ctx: MutationContext, reply: BallotRespond) -> None:
    blob = ctx.db.get(m.Blob, reply.signed_pdf)
    if blob is None:
        raise Rejected("not_found", "Upload the signed form before sending the reply.")
    if blob.uploaded_by != ctx.auth.user_id:
        raise Rejected("invalid_signature", "The signed form is not this member's.")
    if blob.size > REPLY_FORM_MAX_BYTES:
        raise Rejected("invalid_signature", "The file sent is far too large to be a reply form.")
    form = b"".join(open_blob_store(ctx.settings).read(reply.signed_pdf))
    body = body_by_id(ctx.db, ctx.auth.body_id)
    refusal = form_refusal(ctx.db, ctx.settings, body, ctx.auth.user_id, form)
    if refusal:
        raise Rejected("invalid_signature", refusal)
    fields = read_reply_fields(form)
    if fields is None or (fields.ballot_id, fields.user_id) != (reply.ballot_id, ctx.auth.user_id):
        raise Rejected("invalid_signature", "The signed form is for another ballot or member.")
    if (fields.choice, fields.comment) != (reply.choice.value, reply.comment):
        raise Rejected(
            "invalid_signature", "The choice in the signed form differs from the choice sent."
        )


def respond_to_ballot(ctx: MutationContext, data: WireModel) -> None:
    reply = cast(BallotRespond, data)
    ballot = ctx.db.get(m.Ballot, reply.ballot_id)
    if (
        ballot is None
        or ballot.body_id != ctx.auth.body_id
        or not ctx.audience.can_see_ballot(ballot.id)
        or ctx.auth.user_id not in (ballot.voter_ids or ())
    ):
        raise Rejected("not_found", "No such written ballot.")
    _check_form(ctx, reply)
    closed = ballot.status == BallotStatus.CLOSED
    late = closed or is_late(ctx.received_at, ballot.deadline)
    response = m.BallotResponse(
        ballot_id=ballot.id,
        user_id=ctx.auth.user_id,
        choice=reply.choice,
        comment=reply.comment,
        signed_pdf=reply.signed_pdf,
        received_at=ctx.received_at,
        client_created_at=ctx.mutation.created_at,
        late=late,
        current=not late,
    )
    if not late:
        for old in ctx.db.scalars(
            select(m.BallotResponse).where(
                m.BallotResponse.ballot_id == ballot.id,
                m.BallotResponse.user_id == ctx.auth.user_id,
                m.BallotResponse.current,
            )
        ):
            old.current = False
            feed.publish_ballot_response(ctx.db, ballot.body_id, old)
    ctx.db.add(response)
    ctx.db.flush()
    feed.publish_ballot_response(ctx.db, ballot.body_id, response)
    if closed:
        raise Rejected(
            "ballot_closed", "The ballot is closed; the reply is kept and marked late.", keep=True
        )
    if late:
        raise Rejected(
            "deadline_passed",
            "The reply arrived after the deadline; it is kept and marked late, and is not counted.",
            keep=True,
        )


APPLIERS: dict[str, Applier] = {"vote.cast": cast_vote, "ballot.respond": respond_to_ballot}

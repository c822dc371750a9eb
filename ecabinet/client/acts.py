"""The member's decisions, made offline: positions, signed votes, signed ballot replies.

Each act is written locally with its outbox entry in one transaction (LocalStore.record_action)
before the caller may say it is done. A comment is cleaned first (ecabinet.wire.text: invisible
characters removed) and refused, with UnsafeText in words, when it holds a character that would
make it show something other than it says; the member signs exactly what the server gets.
The whole act is then checked (LocalStore.check_act: ActRefused, in words) before the store is
read with its ids or anything is signed.
A ballot reply's form is composed and PAdES-signed here, on the laptop (B-LT with the body's
timestamp and revocation list when the server answers, B-B offline: ecabinet.client.long_term);
it is kept in the profile and uploaded just before its reply is pushed. Worker threads or the
command line; a reply's signing may wait on the network, so the window runs it on its network
lane and only the write goes through ``account.write`` (its local lane).
"""

from __future__ import annotations

import base64
import hashlib
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ecabinet.client.library import READ_PREFIX
from ecabinet.client.signed_in import Member
from ecabinet.client.store import ServerDataError
from ecabinet.domain import ItemStatus, VoteStatus
from ecabinet.domain.body_words import DocumentWords, document_words
from ecabinet.official_time import official, official_json
from ecabinet.wire.objects import AgendaItemData, BallotData, DocumentData, DocumentVersionData
from ecabinet.wire.text import clean_member_text

if TYPE_CHECKING:
    from ecabinet.wire.interconnect import OutboundStatusPublic


class NotAllowed(Exception):
    """The act cannot be made here (unknown item or ballot on this laptop, closed ballot)."""


def body_words(account: Member) -> DocumentWords:
    """The words of the member's body on what is made here (a reply form, the minutes, a
    notice), from the body sign-in stored: a Committee's member signs no "Thành viên Chính
    phủ" form."""
    state = account.store.get_state
    return document_words(state("body_code"), state("body_name"))


def set_position(account: Member, item_id: str, position: str, comment: str = "") -> str:
    data = {"agenda_item_id": item_id, "position": position, "comment": clean_member_text(comment)}
    account.store.check_act("position.set", data)
    if account.store.get("agenda_item", item_id) is None:
        raise NotAllowed("This agenda item is not on this laptop; sync first.")
    return account.store.record_action("position.set", data)


def pull_from_consent(account: Member, item_id: str) -> str:
    """Take an item off the consent list (rule 6): it will be debated and voted. Works offline;
    the server judges it (only a member present, before adoption) when it arrives."""
    account.store.check_act("consent.pull", {"agenda_item_id": item_id})
    item = account.store.get("agenda_item", item_id)
    if not isinstance(item, AgendaItemData):
        raise NotAllowed("This agenda item is not on this laptop; sync first.")
    if item.status == ItemStatus.CLOSED or item.vote_status != VoteStatus.NONE:
        raise NotAllowed("This agenda item has already been decided or is being voted on.")
    return account.store.record_action("consent.pull", {"agenda_item_id": item_id})


def cast_vote(account: Member, item_id: str, choice: str, comment: str = "") -> str:
    comment = clean_member_text(comment)  # before signing: the signature covers it
    # The whole act is checked before it is signed; the signature is made below.
    unsigned = {"agenda_item_id": item_id, "choice": choice, "comment": comment, "signature": ""}
    account.store.check_act("vote.cast", unsigned)
    if account.store.get("agenda_item", item_id) is None:
        raise NotAllowed("This agenda item is not on this laptop; sync first.")
    from ecabinet.signing.detached import canonical_vote  # with the signer, not at start

    user_id = account.store.get_state("user_id")
    with closing(account.signer()) as signer:
        signed = signer.sign(canonical_vote(item_id, user_id, choice, comment))
    signature = base64.b64encode(signed).decode()
    return account.store.record_action("vote.cast", {**unsigned, "signature": signature})


def vote_open_here(account: Member, item_id: str) -> bool:
    """Whether the laptop's copy shows the vote on this item open. A vote cast when it does
    not is still kept and sent (the copy may be behind), but the server may refuse it."""
    item = account.store.get("agenda_item", item_id)
    return isinstance(item, AgendaItemData) and item.vote_status == VoteStatus.OPEN


def reply_to_ballot(account: Member, ballot_id: str, choice: str, comment: str = "") -> str:
    """Compose the reply form, sign it, keep it, and queue the reply. Works offline: signed
    B-B at once when the last sync did not reach the server. Only the keeping of the form and
    of the reply goes through the writer, once signed, so no write waits on the network."""
    # fpdf2 and pyHanko are imported here, at the first reply, not when the window starts.
    from ecabinet.client.long_term import seal
    from ecabinet.pdf.reply_form import ReplyFields, ReplyForm, build_reply_form

    comment = clean_member_text(comment)  # before the form is made and signed
    # The form's digest is known only once it is signed; any digest stands for it here.
    reply = {"ballot_id": ballot_id, "choice": choice, "comment": comment, "signed_pdf": "0" * 64}
    # Refuses, as the server would, an "other" without its words (OTHER_NEEDS_TEXT).
    account.store.check_act("ballot.respond", reply)
    ballot = account.store.get("ballot", ballot_id)
    if not isinstance(ballot, BallotData):
        raise NotAllowed("This written ballot is not on this laptop; sync first.")
    if ballot.status == "closed":
        raise NotAllowed("This written ballot is closed.")
    state = account.store.get_state
    words = body_words(account)
    fields = ReplyFields(ballot_id, state("user_id"), choice, comment)
    form = build_reply_form(
        ReplyForm(
            fields,
            ballot.title,
            ballot.question,
            state("full_name"),
            state("title"),
            datetime.now(UTC),
            place=words.place,
            deadline=ballot.deadline,
            body=words,
        )
    )
    with closing(account.signer()) as signer:
        signed = seal(account.api, signer, form, online=account.store.online()).data

    def keep() -> str:
        # The form's place in the list and the reply's outbox entry: one transaction.
        sha, listed = account.keep_form(ballot_id, signed)
        return account.store.record_action(
            "ballot.respond", {**reply, "signed_pdf": sha}, state=listed
        )

    return account.write(keep)


def mark_read(account: Member, document_id: str) -> bool:
    """The member opened the current version of a document: it is no longer marked new here,
    and the secretariat learns who has opened what. Returns False when nothing changed."""
    store = account.store
    document = store.get("document", document_id)
    if not isinstance(document, DocumentData) or not document.current_version_id:
        raise NotAllowed("This document is not on this laptop; sync first.")
    version = store.get("document_version", document.current_version_id)
    if not isinstance(version, DocumentVersionData):
        raise NotAllowed("This document is not on this laptop; sync first.")
    if store.get_state(READ_PREFIX + document_id) == str(version.number):
        return False
    store.record_action(
        "document.read",
        {"document_version_id": version.id},
        state={READ_PREFIX + document_id: str(version.number)},
    )
    return True


def last_form(account: Member, ballot_id: str) -> bytes:
    """The member's most recent signed form for a ballot."""
    data = account.latest_form(ballot_id)
    if data is None:
        raise ServerDataError("You have not replied to this ballot on this laptop.")
    return data


def signed_minutes(account: Member, meeting_id: str) -> tuple[bytes, str, str, str]:
    """The minutes of a session: a PDF signed with this device's key (the Government Office's),
    the record as JSON, the votes as CSV and the speeches as CSV. Needs the network (the record
    is the server's), and a session that was held: the server refuses (409 not_held) any other
    (rule 8)."""
    from ecabinet.client.long_term import seal
    from ecabinet.pdf.minutes import minutes_csv, minutes_pdf, speakers_csv

    record = account.api.minutes(meeting_id)
    pdf = minutes_pdf(record, body_words(account))
    with closing(account.signer()) as signer:
        signed = seal(account.api, signer, pdf, reason="Biên bản phiên họp").data
    # The exports state official time: ISO 8601 with +07:00 (rule 7).
    return signed, official_json(record), minutes_csv(record), speakers_csv(record)


def signed_ballot_summary(account: Member, ballot_id: str) -> tuple[bytes, str]:
    """The Government Office's summary: a PDF signed with this device's key, and a CSV.
    Needs the network (the summary is counted by the server)."""
    from ecabinet.client.long_term import seal
    from ecabinet.pdf.summary import summary_csv, summary_pdf

    summary = account.api.ballot_summary(ballot_id)
    pdf = summary_pdf(summary, body_words(account))
    with closing(account.signer()) as signer:
        signed = seal(account.api, signer, pdf, reason="Tổng hợp ý kiến").data
    return signed, summary_csv(summary)


@dataclass(frozen=True)
class Issuing:
    """What the Government Office writes on a result it issues through the exchange: the
    number and notation ("123/TB-VPCP"), who signs, and the ministry to send it to when the
    server cannot tell (else the presenting one)."""

    number: str
    notation: str
    signer_position: str = ""
    signer_name: str = ""
    to_organ_id: str | None = None

    def order(self) -> dict[str, str]:
        """The fields of POST /interconnect/results that say all this."""
        order = {
            "code_number": self.number,
            "code_notation": self.notation,
            "signer_position": self.signer_position,
            "signer_name": self.signer_name,
        }
        return {**order, "to_organ_id": self.to_organ_id} if self.to_organ_id else order


NOTICE_NOTATION, SUMMARY_NOTATION = "TB-VPCP", "BC-VPCP"  # the Government Office's


def notation(account: Member, for_item: bool) -> str:
    """The notation the Office of the member's body writes on a notice ("TB-VPCP", a
    Committee's "TB-UBND") or a summary ("BC-…"), as the server writes when given none."""
    return body_words(account).result_notation(for_item)


def issue_decided(
    account: Member, decided_id: str, issuing: Issuing, meeting_id: str | None = None
) -> OutboundStatusPublic:
    """The result of what was decided: the conclusion notice of the item ``decided_id`` when
    ``meeting_id`` names its session, else the summary of the ballot ``decided_id``."""
    if meeting_id is not None:
        return issue_conclusion_notice(account, meeting_id, decided_id, issuing)
    return issue_ballot_summary(account, decided_id, issuing)


def issue_conclusion_notice(
    account: Member, meeting_id: str, item_id: str, issuing: Issuing
) -> OutboundStatusPublic:
    """The Government Office's conclusion notice of a decided item ("Thông báo kết luận số
    123/TB-VPCP"): built from the session's record (so once the session is closed), signed
    with this device's key, uploaded and issued to the presenting ministry through the
    exchange. Needs the network."""
    from ecabinet.client.long_term import seal
    from ecabinet.pdf.conclusion import ConclusionNotice, conclusion_notice_pdf

    record = account.api.minutes(meeting_id)
    # The record lists items by their place on the agenda; the local copy knows the item's.
    position = next(
        (i.position for i in account.store.agenda_items(meeting_id) if i.id == item_id), None
    )
    item = next((i for i in record.items if i.position == position), None)
    if item is None:
        raise ServerDataError("The item is not on this session's agenda.")
    words = body_words(account)
    notice = ConclusionNotice(
        number=f"{issuing.number}/{issuing.notation}",
        issued=official(datetime.now(UTC)).date(),
        item_title=item.title,
        meeting_title=record.title,
        meeting_date=official(record.starts_at).date(),
        presiding=record.chair or words.head,
        conclusions=tuple(item.conclusions),
        presenter=item.presenter,
        place=words.place,
        body=words,
    )
    with closing(account.signer()) as signer:
        signed = seal(
            account.api, signer, conclusion_notice_pdf(notice), reason="Thông báo kết luận"
        )
    return issue_result(account, signed.data, agenda_item_id=item_id, **issuing.order())


def issue_ballot_summary(account: Member, ballot_id: str, issuing: Issuing) -> OutboundStatusPublic:
    """A closed ballot's summary, signed with this device's key and issued to the presenting
    ministry ("Báo cáo số 45/BC-VPCP"). Needs the network."""
    pdf, _table = signed_ballot_summary(account, ballot_id)
    return issue_result(account, pdf, ballot_id=ballot_id, **issuing.order())


def issue_result(account: Member, signed_pdf: bytes, **order: str) -> OutboundStatusPublic:
    """A signed PDF (a conclusion notice, a ballot's signed summary) uploaded and issued to the
    presenting ministry; ``order`` as POST /interconnect/results takes it."""
    sha256 = hashlib.sha256(signed_pdf).hexdigest()
    account.api.upload_blob(signed_pdf, sha256)
    return account.api.issue_result({**order, "signed_pdf": sha256})

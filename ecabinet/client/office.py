"""The Government Office's written ballots from its desktop: prepare one with its drafts, send
it, watch the replies, remind, close. Online only (the office works on the server's truth).

Drafts are checked on the laptop and uploaded first, as the meeting's documents are (the server
checks each again); a refused file stops the creation, named with its reason, before any ballot
exists.
Worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ecabinet.client.meetings import upload_checked
from ecabinet.client.signed_in import Member
from ecabinet.wire.office import OfficeBallot, OfficeReplies


@dataclass(frozen=True)
class BallotWatch:
    ballot: OfficeBallot
    replies: OfficeReplies
    names: dict[str, str]


def create_ballot(
    account: Member, title: str, question: str, deadline: datetime, drafts: list[Path]
) -> OfficeBallot:
    documents = []
    for path in drafts:
        sha = upload_checked(account, path).sha256
        documents.append(
            {"kind": "draft", "title": path.stem, "sha256": sha, "filename": path.name[:200]}
        )
    return account.api.create_ballot(
        {
            "title": title,
            "question": question,
            "deadline": deadline.isoformat(),
            "documents": documents,
        }
    )


def ballots(account: Member) -> list[OfficeBallot]:
    """Every written ballot the office has made, drafts included, as the server holds them."""
    return account.api.office_ballots()


def watch(account: Member, ballot_id: str) -> BallotWatch:
    ballot = next(b for b in account.api.office_ballots() if b.id == ballot_id)
    names = account.store.user_names()
    return BallotWatch(ballot, account.api.ballot_replies(ballot_id), names)


def ballot_act(account: Member, ballot_id: str, act: str) -> None:
    """send, remind (those who have not answered) or close (the result is published)."""
    account.api.ballot_act(ballot_id, act)

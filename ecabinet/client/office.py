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
from ecabinet.wire.objects import UserData
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


def watch(account: Member, ballot_id: str) -> BallotWatch:
    ballot = next(b for b in account.api.office_ballots() if b.id == ballot_id)
    names = {u.id: u.full_name for u in account.store.list("user") if isinstance(u, UserData)}
    return BallotWatch(ballot, account.api.ballot_replies(ballot_id), names)

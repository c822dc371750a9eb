"""The Government Office's written ballots from its desktop: prepare one with its drafts, send
it, watch the replies, remind, close. Online only (the office works on the server's truth).

Drafts are uploaded first, each checked by the server (a real, unencrypted PDF, not too large);
a refused file stops the creation with the server's reason, before any ballot exists.
Worker threads.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ecabinet.client.account import Account
from ecabinet.client.api import ApiProblem
from ecabinet.wire.objects import UserData
from ecabinet.wire.office import OfficeBallot, OfficeReplies


class DraftRefused(Exception):
    """A draft the server would not take, with the file's name and the reason in words."""


REFUSALS = {
    "not_a_pdf": "không phải tệp PDF hợp lệ hoặc bị hỏng",
    "unsupported_media_type": "không phải tệp PDF",
    "too_large": "quá lớn",
    "encrypted": "được mã hoá (có mật khẩu)",
}


@dataclass(frozen=True)
class BallotWatch:
    ballot: OfficeBallot
    replies: OfficeReplies
    names: dict[str, str]


def create_ballot(
    account: Account, title: str, question: str, deadline: datetime, drafts: list[Path]
) -> OfficeBallot:
    documents = []
    for path in drafts:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        try:
            account.api.upload_blob(data, sha)
        except ApiProblem as problem:
            words = REFUSALS.get(problem.code, problem.detail or problem.code)
            if "encrypted" in (problem.detail or ""):
                words = REFUSALS["encrypted"]
            raise DraftRefused(f"{path.name}: {words}") from None
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


def watch(account: Account, ballot_id: str) -> BallotWatch:
    ballot = next(b for b in account.api.office_ballots() if b.id == ballot_id)
    names = {u.id: u.full_name for u in account.store.list("user") if isinstance(u, UserData)}
    return BallotWatch(ballot, account.api.ballot_replies(ballot_id), names)

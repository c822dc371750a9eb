"""The cabinet's words and rules as pure functions: no I/O, no clock, no framework.

The rules come from the Law on Government Organisation (2015, Art. 46) and the Government's
Working Regulation (Decree 39/2022/ND-CP); see shared/docs/domain.md. Used by the server to
tally and by the client to project likely outcomes. Runs on any thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    MEMBER = "member"
    CHAIR = "chair"
    SECRETARIAT = "secretariat"
    GUEST = "guest"
    ADMIN = "admin"


class MeetingKind(StrEnum):
    REGULAR = "regular"
    THEMATIC = "thematic"
    EXTRAORDINARY = "extraordinary"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


class ItemStatus(StrEnum):
    PENDING = "pending"
    DISCUSSING = "discussing"
    CLOSED = "closed"


class VoteStatus(StrEnum):
    NONE = "none"
    OPEN = "open"
    CLOSED = "closed"


class InvitationKind(StrEnum):
    MEMBER = "member"
    GUEST = "guest"
    DEPUTY = "deputy"


class DocumentKind(StrEnum):
    SUBMISSION = "submission"
    DRAFT = "draft"
    REPORT = "report"
    APPENDIX = "appendix"
    OTHER = "other"


class BallotStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class VoteChoice(StrEnum):
    """Answers in a vote during a session: Tán thành / Không tán thành / Không biểu quyết."""

    AGREE = "agree"
    DISAGREE = "disagree"
    ABSTAIN = "abstain"


class BallotChoice(StrEnum):
    """Answers on a written ballot: Đồng ý / Không đồng ý / Ý kiến khác."""

    AGREE = "agree"
    DISAGREE = "disagree"
    OTHER = "other"


class PositionChoice(StrEnum):
    """Marks before the session: Không phản đối / Đăng ký phát biểu / Phản đối."""

    NO_OBJECTION = "no_objection"
    WISH_TO_SPEAK = "wish_to_speak"
    OBJECT = "object"


class AnnotationKind(StrEnum):
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    STRIKEOUT = "strikeout"
    NOTE = "note"
    INK = "ink"
    FREETEXT = "freetext"


class Sharing(StrEnum):
    PRIVATE = "private"
    SECRETARIAT = "secretariat"
    MEETING = "meeting"


def quorum_needed(total_members: int) -> int:
    """The smallest attendance that is at least two thirds of all members (rule 1)."""
    if total_members < 0:
        raise ValueError("total_members must not be negative")
    return -(-2 * total_members // 3)  # ceil(2N/3) in integers, no float rounding


def has_quorum(present: int, total_members: int) -> bool:
    return present >= quorum_needed(total_members)


def is_passed(agree: int, disagree: int, total_members: int, chair_choice: str | None) -> bool:
    """Rules 2 and 3: more than half of ALL members agree, or a tie goes the chair's way.

    ``chair_choice`` is the chair's answer ("agree", "disagree", ...) or None if the chair did
    not answer; a tie is only broken in favour of the side the chair actually chose.
    """
    if min(agree, disagree, total_members) < 0:
        raise ValueError("counts must not be negative")
    if 2 * agree > total_members:
        return True
    return agree == disagree and agree > 0 and chair_choice == "agree"


@dataclass(frozen=True, slots=True)
class Tally:
    """The count of one vote or ballot under the Government's rules."""

    total_members: int
    agree: int
    disagree: int
    abstain_or_other: int
    not_answered: int
    late: int
    chair_choice: str | None
    passed: bool


@dataclass(frozen=True, slots=True)
class Answer:
    """One member's counted answer. ``late`` answers are kept and shown, never counted."""

    user_id: str
    choice: str
    late: bool = False


def tally(answers: Iterable[Answer], voter_ids: Iterable[str], chair_id: str | None) -> Tally:
    """Count the current answer of each voter. Unanswered never counts as agree (rule 4).

    ``answers`` must hold at most one current answer per user; answers from users who are not
    voters are ignored, so a stray reply can never swing a decision.
    """
    voters = set(voter_ids)
    counted: dict[str, str] = {}
    late = 0
    for answer in answers:
        if answer.user_id not in voters:
            continue
        if answer.late:
            late += 1
            continue
        counted[answer.user_id] = answer.choice
    agree = sum(1 for c in counted.values() if c == "agree")
    disagree = sum(1 for c in counted.values() if c == "disagree")
    other = len(counted) - agree - disagree
    chair_choice = counted.get(chair_id) if chair_id else None
    total = len(voters)
    return Tally(
        total_members=total,
        agree=agree,
        disagree=disagree,
        abstain_or_other=other,
        not_answered=total - len(counted),
        late=late,
        chair_choice=chair_choice,
        passed=is_passed(agree, disagree, total, chair_choice),
    )


def is_late(received_at: datetime, deadline: datetime) -> bool:
    """A reply is on time if the SERVER received it at or before the deadline."""
    if received_at.tzinfo is None or deadline.tzinfo is None:
        raise ValueError("times must carry a time zone")
    return received_at > deadline

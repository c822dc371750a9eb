"""The cabinet's words and rules as pure functions: no I/O, no clock, no framework.

The rules come from the Law on Government Organisation (2015, Art. 46) and the Government's
Working Regulation (Decree 39/2022/ND-CP); see docs/rules.md. Used by the server to
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
    # A system account, never a person: the national document exchange's adapter, which
    # delivers edXML packages (POST /api/v1/interconnect/packages) and may do nothing else.
    EXCHANGE = "exchange"


# Who signs (votes, ballot replies, the record) and so holds a certificate and uploads files.
# Guests and deputies read and attend; they never vote or sign.
SIGNING_ROLES = frozenset({Role.MEMBER, Role.CHAIR, Role.SECRETARIAT})


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


class AttendanceSource(StrEnum):
    """Who recorded a member present: the member checking in, or the Government Office."""

    LAPTOP = "laptop"
    OFFICE = "office"


class ResultSubject(StrEnum):
    """What a published result counts: a vote in session or a written ballot."""

    VOTE = "vote"
    BALLOT = "ballot"


class MutationStatus(StrEnum):
    """The outcome of one action a member's laptop sent (stored: applied or rejected)."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class Scope(StrEnum):
    """The audience of one row of the server's change feed, a security boundary: each
    member's feed and live stream carry only the rows whose scope admits them
    (ecabinet.server.feed.audience says who each scope admits)."""

    BODY = "body"  # everyone in the body
    SECRETARIAT = "secretariat"  # the Government Office only
    MEETING = "meeting"  # everyone invited to the meeting (scope_id)
    ITEM = "item"  # those who may see the agenda item (scope_id)
    BALLOT = "ballot"  # the ballot's voters and chair (scope_id)
    PERSONAL = "personal"  # one user (scope_id), the secretariat and chairs
    OWN = "own"  # one user (scope_id) and the secretariat
    PRIVATE = "private"  # one user (scope_id) only


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


class Outlook(StrEnum):
    """Where an item stands before the session, from the members' marks."""

    LIKELY_PASSED = "likely_passed"
    OPEN = "open"
    LIKELY_FAILED = "likely_failed"


@dataclass(frozen=True, slots=True)
class Mark:
    user_id: str
    position: str  # no_objection | wish_to_speak | object
    at: datetime


@dataclass(frozen=True, slots=True)
class ItemOutlook:
    no_objection: int
    wish_to_speak: int
    objections: int
    unmarked: int
    speakers: tuple[str, ...]  # user ids, in the order they asked
    consent: bool  # may be proposed for the consent list (rule 6, see may_consent)
    outlook: Outlook


def may_consent(no_objection: int, wish_to_speak: int, objections: int, total: int) -> bool:
    """Rule 6: an item may go on the consent list only when MORE THAN HALF OF ALL members (N,
    as in rule 2) marked "no objection" and nobody marked "object" or "wish to speak".

    Silence is never consent: unmarked members count toward N and never toward the marks, so
    an item nobody marked is never proposed.
    """
    return 2 * no_objection > total and objections == 0 and wish_to_speak == 0


def item_outlook(
    marks: Iterable[Mark], member_ids: Iterable[str], chair_id: str | None, *, pulled: bool = False
) -> ItemOutlook:
    """Estonia's board for one item: counts, the speakers list, the consent proposal, and the
    likely outcome under rules 2 and 3, treating "no objection" as agree and "object" as
    disagree. Each member's latest mark counts; marks of non-members are ignored. An item a
    member ``pulled`` off the consent list is debated and voted, never proposed again."""
    members = set(member_ids)
    latest: dict[str, Mark] = {}
    for mark in sorted(marks, key=lambda m: m.at):
        if mark.user_id in members:
            latest[mark.user_id] = mark
    agree = sum(1 for m in latest.values() if m.position == "no_objection")
    speak = [m for m in latest.values() if m.position == "wish_to_speak"]
    against = sum(1 for m in latest.values() if m.position == "object")
    total = len(members)
    chair_mark = latest.get(chair_id) if chair_id else None
    chair_now = {"no_objection": "agree", "object": "disagree"}.get(
        chair_mark.position if chair_mark else "", None
    )
    if is_passed(agree, against, total, chair_now):
        outlook = Outlook.LIKELY_PASSED
    elif not is_passed(
        total - against, against, total, "disagree" if chair_now == "disagree" else "agree"
    ):
        outlook = Outlook.LIKELY_FAILED  # even if everyone else agreed, it would fail
    else:
        outlook = Outlook.OPEN
    return ItemOutlook(
        no_objection=agree,
        wish_to_speak=len(speak),
        objections=against,
        unmarked=total - len(latest),
        speakers=tuple(m.user_id for m in sorted(speak, key=lambda m: m.at)),
        consent=not pulled and may_consent(agree, len(speak), against, total),
        outlook=outlook,
    )

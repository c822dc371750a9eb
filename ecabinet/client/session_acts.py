"""The member in the session room: asking to speak on an item (and withdrawing), checking in
"Có mặt" at the roll-call, and where the member stands on both, as their screens show it.

Each act is written locally with its outbox entry in one transaction (LocalStore.record_action)
before the caller may say it is done; the member's last word on an item is kept in the
profile's state in that same transaction, so the screen shows it before the server answers.
Worker threads or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecabinet.client.acts import NotAllowed
from ecabinet.client.signed_in import Member
from ecabinet.domain import InvitationKind, MeetingStatus, Role, quorum_needed
from ecabinet.wire.objects import AgendaItemData

SPEAK_PREFIX = "speak:"  # + item id -> "asked" | "withdrawn": the member's last word, here
ASKED, WITHDRAWN = "asked", "withdrawn"


def _item(account: Member, item_id: str) -> AgendaItemData:
    item = account.store.agenda_item(item_id)
    if item is None:
        raise NotAllowed("This agenda item is not on this laptop; sync first.")
    if item.status == "closed":
        raise NotAllowed("This agenda item is closed.")
    return item


def ask_to_speak(account: Member, item_id: str) -> str:
    """Đăng ký phát biểu: join the item's list of speakers (sent at the next sync)."""
    _item(account, item_id)
    return account.store.record_action(
        "speaker.request", {"agenda_item_id": item_id}, state={SPEAK_PREFIX + item_id: ASKED}
    )


def withdraw_request(account: Member, item_id: str) -> str:
    """Rút đăng ký phát biểu: leave the item's list (or end one's speech)."""
    _item(account, item_id)
    return account.store.record_action(
        "speaker.withdraw", {"agenda_item_id": item_id}, state={SPEAK_PREFIX + item_id: WITHDRAWN}
    )


def check_in(account: Member, meeting_id: str) -> str:
    """Có mặt: the member is present at the session whose roll-call is open."""
    meeting = account.store.meeting(meeting_id)
    if meeting is None:
        raise NotAllowed("This meeting is not on this laptop; sync first.")
    if not meeting.attendance_open or meeting.status != MeetingStatus.IN_PROGRESS:
        raise NotAllowed("The roll-call of this session is not open (sync to see if it is now).")
    return account.store.record_action("attendance.check_in", {"meeting_id": meeting_id})


@dataclass(frozen=True)
class Speaking:
    """The member on an item's list of speakers."""

    asked: bool  # on the list, or waiting to be sent there
    waiting: bool  # the last act is still in the outbox
    place: int = 0  # 1 = next to be given the floor; 0 when not waiting for it
    has_floor: bool = False
    may_ask: bool = True  # at the table (a member, the chair, a deputy) and the item open


def _may_ask(account: Member, item_id: str) -> bool:
    store = account.store
    item = store.agenda_item(item_id)
    meeting = store.meeting(item.meeting_id) if item is not None else None
    if item is None or meeting is None:
        return False
    if item.status == "closed" or meeting.status == MeetingStatus.CLOSED:
        return False
    user_id = store.user_id()
    at_table = (InvitationKind.MEMBER, InvitationKind.DEPUTY)
    return meeting.chair_id == user_id or any(
        i.user_id == user_id and i.kind in at_table for i in meeting.invitations
    )


def speaking(account: Member, item_id: str) -> Speaking:
    store = account.store
    user_id = store.user_id()
    may_ask = _may_ask(account, item_id)
    pending = [
        a
        for kind in ("speaker.request", "speaker.withdraw")
        for a in store.waiting_acts(kind)
        if a.get("agenda_item_id") == item_id
    ]
    if pending:
        return Speaking(store.get_state(SPEAK_PREFIX + item_id) == ASKED, True, may_ask=may_ask)
    queue = sorted(
        (r for r in store.speaker_requests(item_id) if not r.withdrawn),
        key=lambda r: r.position,
    )
    mine = next((r for r in queue if r.user_id == user_id and r.ended_at is None), None)
    if mine is None:
        return Speaking(False, False, may_ask=may_ask)
    if mine.started_at is not None:
        return Speaking(True, False, 0, True, may_ask=may_ask)
    ahead = [r for r in queue if r.started_at is None and r.position < mine.position]
    return Speaking(True, False, len(ahead) + 1, may_ask=may_ask)


def item_of_document(account: Member, document_id: str) -> str:
    """The agenda item a document belongs to ("" for a ballot's papers)."""
    document = account.store.document(document_id)
    return (document.agenda_item_id or "") if document is not None else ""


@dataclass(frozen=True)
class Attendance:
    """The roll-call as the member's meeting screen shows it."""

    in_session: bool  # the session is being held: the quorum line matters now
    roll_call_open: bool
    may_check_in: bool  # a Government member invited to this session
    checked_in: bool  # present on the server's record, or a check-in waiting to be sent
    waiting: bool
    present: int  # members present (the member's own waiting check-in included)
    needed: int
    total: int


def attendance(account: Member, meeting_id: str) -> Attendance | None:
    store = account.store
    meeting = store.meeting(meeting_id)
    if meeting is None:
        return None
    user_id = store.user_id()
    members = {u.id for u in store.users() if u.active and {Role.MEMBER, Role.CHAIR} & set(u.roles)}
    present = set(meeting.present_user_ids) & members
    checks = store.waiting_acts("attendance.check_in")
    waiting = any(a.get("meeting_id") == meeting_id for a in checks)
    if waiting and user_id in members:
        present.add(user_id)
    invited = meeting.chair_id == user_id or any(
        i.user_id == user_id and i.kind == InvitationKind.MEMBER for i in meeting.invitations
    )
    total = meeting.total_members or len(members)
    return Attendance(
        in_session=meeting.status == MeetingStatus.IN_PROGRESS,
        roll_call_open=meeting.attendance_open and meeting.status == MeetingStatus.IN_PROGRESS,
        may_check_in=invited,
        checked_in=waiting or user_id in meeting.present_user_ids,
        waiting=waiting,
        present=len(present),
        needed=quorum_needed(total),
        total=total,
    )

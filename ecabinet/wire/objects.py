"""The objects carried in the change feed, one model per change ``type`` of protocol.md."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator

from ecabinet.domain import (
    AnnotationKind,
    BallotChoice,
    BallotStatus,
    DocumentKind,
    InvitationKind,
    ItemStatus,
    MeetingKind,
    MeetingStatus,
    PositionChoice,
    Role,
    Sharing,
    VoteChoice,
    VoteStatus,
)
from ecabinet.wire.base import (
    MAX_LIST,
    Count,
    Id,
    Sha256,
    ShortText,
    Text,
    UtcTime,
    WireModel,
)

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points of the page


def safe_filename(name: str) -> str:
    """Reject any filename that could leave the folder it is written into."""
    # A drive letter too: on Windows "C:x.pdf" names a file on another drive, without a slash.
    drive = len(name) > 1 and name[1] == ":" and name[0].isascii() and name[0].isalpha()
    if not name or name in {".", ".."} or drive or any(c in name for c in ("/", "\\", "\x00")):
        raise ValueError("filename must be a plain file name without a path")
    if len(name) > 200:
        raise ValueError("filename is too long")
    return name


class UserData(WireModel):
    id: Id
    username: ShortText
    full_name: ShortText
    title: ShortText = ""
    roles: list[Role] = Field(default_factory=list, max_length=10)
    sort_order: int = 0
    active: bool = True


class Invitation(WireModel):
    user_id: Id
    kind: InvitationKind
    # A guest invited to some items only; empty means the whole meeting.
    agenda_item_ids: list[Id] = Field(default_factory=list, max_length=500)


class MeetingData(WireModel):
    id: Id
    kind: MeetingKind
    title: ShortText
    starts_at: UtcTime
    ends_at: UtcTime | None = None
    place: ShortText = ""
    status: MeetingStatus
    chair_id: Id | None = None
    invitations: list[Invitation] = Field(default_factory=list, max_length=1000)
    present_user_ids: list[Id] = Field(default_factory=list, max_length=1000)
    total_members: Count = 0
    published_at: UtcTime | None = None
    started_at: UtcTime | None = None  # when the session was opened (rule 8)
    # Roll-call is open: each invited member may check in "Có mặt" (attendance.check_in).
    attendance_open: bool = False


class AgendaItemData(WireModel):
    id: Id
    meeting_id: Id
    position: int
    title: Annotated[str, Field(max_length=1000)]
    presenter: ShortText = ""
    minutes_allotted: Count = 0
    status: ItemStatus = ItemStatus.PENDING
    paper_only: bool = False
    vote_status: VoteStatus = VoteStatus.NONE
    vote_opened_at: UtcTime | None = None
    vote_closed_at: UtcTime | None = None
    # Who took the item off the consent list, and when (rule 6): it is debated and voted.
    consent_pulled_by: Id | None = None
    consent_pulled_at: UtcTime | None = None


class DocumentData(WireModel):
    id: Id
    agenda_item_id: Id | None = None
    ballot_id: Id | None = None
    kind: DocumentKind
    title: Annotated[str, Field(max_length=1000)]
    position: int = 0
    allow_copy: bool = True
    current_version_id: Id | None = None
    # Where the document came from, when it was received through the national document
    # exchange: "Tờ trình số 74/TTr-BTC ngày 10/11/2026 của Bộ Tài chính"; empty when uploaded.
    origin: Annotated[str, Field(max_length=500)] = ""


class DocumentVersionData(WireModel):
    id: Id
    document_id: Id
    number: int = Field(ge=1)
    sha256: Sha256
    size: Count
    pages: Count
    filename: ShortText
    created_at: UtcTime

    _check_filename = field_validator("filename")(safe_filename)


class BallotData(WireModel):
    id: Id
    title: Annotated[str, Field(max_length=1000)]
    question: Text
    status: BallotStatus
    deadline: UtcTime
    voter_ids: list[Id] = Field(default_factory=list, max_length=1000)
    chair_id: Id | None = None
    sent_at: UtcTime | None = None
    closed_at: UtcTime | None = None
    reminded_at: UtcTime | None = None


class BallotResponseData(WireModel):
    id: Id
    ballot_id: Id
    user_id: Id
    choice: BallotChoice
    comment: Text = ""
    signed_pdf: Sha256
    long_term_pdf: Sha256 | None = None  # the form with its long-term evidence
    received_at: UtcTime
    late: bool = False
    current: bool = True


class VoteData(WireModel):
    id: Id
    agenda_item_id: Id
    user_id: Id
    choice: VoteChoice
    comment: Text = ""
    received_at: UtcTime
    current: bool = True


class PositionData(WireModel):
    id: Id
    agenda_item_id: Id
    user_id: Id
    position: PositionChoice
    comment: Text = ""
    received_at: UtcTime
    current: bool = True


class AnnotationData(WireModel):
    id: Id
    author_id: Id
    document_version_id: Id
    page: int = Field(ge=0)
    kind: AnnotationKind
    rects: list[Rect] = Field(default_factory=list, max_length=MAX_LIST)
    points: list[list[Point]] = Field(default_factory=list, max_length=MAX_LIST)
    color: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] = "#ffd400"
    width: Annotated[float, Field(ge=0.5, le=20)] = 2.0  # a pen's line, in points
    text: Text = ""
    quote: Text = ""
    prefix: Annotated[str, Field(max_length=500)] = ""
    suffix: Annotated[str, Field(max_length=500)] = ""
    shared: Sharing = Sharing.PRIVATE
    created_at: UtcTime
    updated_at: UtcTime

    @field_validator("shared", mode="before")
    @classmethod
    def _shared_from_bool(cls, value: object) -> object:
        # protocol.md names `shared` as a flag; true means shared with the meeting.
        if isinstance(value, bool):
            return Sharing.MEETING if value else Sharing.PRIVATE
        return value


class SpeakerRequestData(WireModel):
    id: Id
    agenda_item_id: Id
    user_id: Id
    requested_at: UtcTime
    withdrawn: bool = False
    position: int = 0
    started_at: UtcTime | None = None  # the chair gave the floor
    ended_at: UtcTime | None = None  # the speech ended


class ConclusionData(WireModel):
    id: Id
    agenda_item_id: Id
    text: Text
    created_at: UtcTime


class OtherOpinion(WireModel):
    user_id: Id
    text: Text


class ResultData(WireModel):
    id: Id
    subject: Literal["vote", "ballot"]
    agenda_item_id: Id | None = None
    ballot_id: Id | None = None
    total_members: Count
    agree: Count
    disagree: Count
    abstain_or_other: Count
    not_answered: Count
    late: Count = 0
    chair_choice: str | None = None
    passed: bool
    other_opinions: list[OtherOpinion] = Field(default_factory=list, max_length=1000)
    published_at: UtcTime


CHANGE_MODELS: dict[str, type[WireModel]] = {
    "user": UserData,
    "meeting": MeetingData,
    "agenda_item": AgendaItemData,
    "document": DocumentData,
    "document_version": DocumentVersionData,
    "ballot": BallotData,
    "ballot_response": BallotResponseData,
    "vote": VoteData,
    "position": PositionData,
    "annotation": AnnotationData,
    "speaker_request": SpeakerRequestData,
    "conclusion": ConclusionData,
    "result": ResultData,
}

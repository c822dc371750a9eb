"""The pull (change feed) and push (mutations) halves of the protocol."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator

from ecabinet.domain import BallotChoice, PositionChoice, VoteChoice
from ecabinet.wire.base import Id, Sha256, ShortText, Text, UtcTime, WireModel
from ecabinet.wire.objects import CHANGE_MODELS, AnnotationData
from ecabinet.wire.text import OTHER_NEEDS_TEXT, MemberText

MAX_PAGE = 1000
DEFAULT_PAGE = 500  # changes a page holds when the pull names no limit
MAX_PUSH = 500

ChangeType = Literal[
    "user",
    "meeting",
    "agenda_item",
    "document",
    "document_version",
    "ballot",
    "ballot_response",
    "vote",
    "position",
    "annotation",
    "speaker_request",
    "conclusion",
    "result",
]


class Change(WireModel):
    seq: int = Field(ge=1)
    type: ChangeType
    id: Id
    deleted: bool = False
    data: dict[str, Any] | None = None

    def parsed(self) -> WireModel | None:
        """The typed object of this change, or None for a deletion.

        Raises pydantic's ValidationError if the server sent something malformed.
        """
        if self.deleted or self.data is None:
            return None
        return CHANGE_MODELS[self.type].model_validate(self.data)


class ChangesPage(WireModel):
    changes: list[Change] = Field(max_length=MAX_PAGE)
    cursor: str = Field(max_length=100)
    more: bool = False
    wipe: bool = False


# --- push ---------------------------------------------------------------------------------

MutationType = Literal[
    "annotation.put",
    "annotation.delete",
    "position.set",
    "speaker.request",
    "speaker.withdraw",
    "vote.cast",
    "ballot.respond",
    "document.read",
    "consent.pull",
    "attendance.check_in",
]


class AnnotationPut(AnnotationData):
    """The author, times and identity are the server's to set; the client's are ignored."""

    author_id: Id | None = None  # type: ignore[assignment]
    created_at: UtcTime | None = None  # type: ignore[assignment]
    updated_at: UtcTime | None = None  # type: ignore[assignment]
    # What the member wrote, and the words of the document it is on, shown to others as sent.
    text: MemberText = ""
    quote: MemberText = ""
    prefix: Annotated[MemberText, Field(max_length=500)] = ""
    suffix: Annotated[MemberText, Field(max_length=500)] = ""


class AnnotationDelete(WireModel):
    id: Id


class PositionSet(WireModel):
    agenda_item_id: Id
    position: PositionChoice
    comment: MemberText = ""


class SpeakerAct(WireModel):
    agenda_item_id: Id


class VoteCast(WireModel):
    agenda_item_id: Id
    choice: VoteChoice
    comment: MemberText = ""
    # base64 of a detached signature over canonical_vote(); see ecabinet.signing.detached
    signature: Annotated[str, Field(max_length=4096)]


class BallotRespond(WireModel):
    ballot_id: Id
    choice: BallotChoice
    comment: MemberText = ""
    signed_pdf: Sha256

    @field_validator("comment")
    @classmethod
    def _other_has_text(cls, comment: str, info: ValidationInfo) -> str:
        # Refused for its words before its form is looked at, as a bad character is.
        if info.data.get("choice") == BallotChoice.OTHER and not comment.strip():
            raise ValueError(OTHER_NEEDS_TEXT)
        return comment


class DocumentRead(WireModel):
    document_version_id: Id


class ConsentPull(WireModel):
    """A member present takes an item off the consent list: it is debated and voted (rule 6)."""

    agenda_item_id: Id


class AttendanceCheckIn(WireModel):
    meeting_id: Id


MUTATION_MODELS: dict[str, type[WireModel]] = {
    "annotation.put": AnnotationPut,
    "annotation.delete": AnnotationDelete,
    "position.set": PositionSet,
    "speaker.request": SpeakerAct,
    "speaker.withdraw": SpeakerAct,
    "vote.cast": VoteCast,
    "ballot.respond": BallotRespond,
    "document.read": DocumentRead,
    "consent.pull": ConsentPull,
    "attendance.check_in": AttendanceCheckIn,
}


class Mutation(WireModel):
    id: Id
    type: MutationType
    data: dict[str, Any]
    created_at: UtcTime

    def parsed(self) -> WireModel:
        return MUTATION_MODELS[self.type].model_validate(self.data)


class PushRequest(WireModel):
    mutations: list[Mutation] = Field(max_length=MAX_PUSH)


MutationStatus = Literal["applied", "duplicate", "rejected"]


class MutationResult(WireModel):
    id: Id
    status: MutationStatus
    code: ShortText = ""
    detail: Text = ""


class PushResponse(WireModel):
    results: list[MutationResult] = Field(max_length=MAX_PUSH)

    @field_validator("results")
    @classmethod
    def _unique_ids(cls, results: list[MutationResult]) -> list[MutationResult]:
        if len({r.id for r in results}) != len(results):
            raise ValueError("a mutation id appears twice in the results")
        return results


class BlobInfo(WireModel):
    sha256: Sha256
    size: int = Field(ge=0)
    pages: int = Field(ge=0)


def validation_message(error: ValidationError) -> str:
    """A short, readable summary of a pydantic error, without echoing the input."""
    parts = []
    for item in error.errors(include_input=False, include_url=False)[:5]:
        where = ".".join(str(p) for p in item["loc"]) or "body"
        # A rule's own words (ValueError) come without pydantic's "Value error, " before them.
        parts.append(f"{where}: {item['msg'].removeprefix('Value error, ')}")
    return "; ".join(parts)

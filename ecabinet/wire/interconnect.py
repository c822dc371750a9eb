"""Document interconnection as the Government Office sees it (routes/interconnect.py): the
inbox of documents received from ministries through the national document exchange, the
assignment of one to an agenda item or a written ballot, and the status packages waiting to
go back to the senders. Pure data, any thread.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field, model_validator

from ecabinet.domain import DocumentKind
from ecabinet.wire.base import WireModel


class IncomingAttachmentPublic(WireModel):
    name: str
    content_type: str
    size: int
    sha256: str
    pages: int
    # A PDF is kept as a document file (GET /blobs/{sha256}); another file is only named.
    kept: bool


class IncomingPublic(WireModel):
    """One document of the inbox, "Văn bản đến"."""

    id: str
    from_organ_id: str
    from_organ_name: str
    document_id: str
    code_number: str
    code_notation: str
    place: str
    promulgation_date: date | None
    type_name: str
    subject: str
    signer_position: str
    signer_name: str
    due_date: date | None
    received_at: datetime
    # The origin a document made from it carries (DocumentData.origin).
    origin: str
    assigned_document_ids: list[str]
    attachments: list[IncomingAttachmentPublic]


class IncomingAssign(WireModel):
    """Make a document of an agenda item, or a draft of a written ballot, from an incoming
    document's PDF (the first one unless ``attachment`` names another)."""

    incoming_id: str = Field(max_length=36)
    agenda_item_id: str | None = Field(default=None, max_length=36)
    ballot_id: str | None = Field(default=None, max_length=36)
    kind: DocumentKind = DocumentKind.SUBMISSION
    title: str | None = Field(default=None, min_length=1, max_length=1000)
    attachment: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _one_target(self) -> IncomingAssign:
        if (self.agenda_item_id is None) == (self.ballot_id is None):
            raise ValueError("name either agenda_item_id or ballot_id")
        return self


class OutboundStatusPublic(WireModel):
    """A package of the outbound queue: a status package for a sender (kind "status") or a
    result the Office issued (kind "result", ``response_for`` its own DocumentId), with its
    delivery state: "waiting" (tried ``attempts`` times, again at ``next_try_at``, the last
    failure in ``last_error``), "sent" or "failed" (refused by the exchange, or every try
    failed). ``xml`` is the package itself for a status; empty for a result (it carries a
    whole PDF)."""

    id: int
    kind: str = "status"
    incoming_id: str | None
    agenda_item_id: str | None = None
    ballot_id: str | None = None
    to_organ_id: str
    response_for: str
    status_code: str
    description: str
    state: str
    attempts: int = 0
    last_error: str = ""
    next_try_at: datetime | None = None
    sent_at: datetime | None = None
    created_at: datetime
    xml: str


class PackageAccepted(WireModel):
    """The answer to the exchange for a package taken (201), or already taken before (200)."""

    id: str
    status_code: str = "03"


class ResultIssue(WireModel):
    """The Government Office issues a result to the presenting ministry: the conclusion notice
    of a decided agenda item, or the summary of a closed written ballot, as a signed PDF
    already uploaded (``signed_pdf``: its sha256). ``to_organ_id`` names the ministry when
    the server cannot tell it (no document of the item came through the exchange, and the
    item's presenter is not an organ of the Government)."""

    agenda_item_id: str | None = Field(default=None, max_length=36)
    ballot_id: str | None = Field(default=None, max_length=36)
    signed_pdf: str = Field(pattern=r"^[0-9a-f]{64}$")
    code_number: str = Field(min_length=1, max_length=20)
    code_notation: str = Field(default="", max_length=50)
    subject: str | None = Field(default=None, min_length=1, max_length=2000)
    signer_position: str = Field(default="", max_length=200)
    signer_name: str = Field(default="", max_length=200)
    to_organ_id: str | None = Field(default=None, max_length=50)

    @model_validator(mode="after")
    def _one_subject(self) -> ResultIssue:
        if (self.agenda_item_id is None) == (self.ballot_id is None):
            raise ValueError("name either agenda_item_id or ballot_id")
        return self

"""A whole meeting built in one request (``POST /api/v1/meetings/import``): its fields, its
items in order and each item's documents, naming files already uploaded by their digest.

The server writes all of it in one transaction or none of it, so a folder imported from the
desktop never leaves half a meeting behind.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AwareDatetime, Field, field_validator, model_validator

from ecabinet.domain import DocumentKind, MeetingKind
from ecabinet.wire.base import Count, Sha256, ShortText, WireModel
from ecabinet.wire.objects import safe_filename

ItemTitle = Annotated[str, Field(min_length=1, max_length=1000)]


class ImportDocument(WireModel):
    kind: DocumentKind
    title: ItemTitle
    sha256: Sha256
    filename: ShortText

    _check_filename = field_validator("filename")(safe_filename)


class ImportItem(WireModel):
    title: ItemTitle
    presenter: ShortText = ""
    minutes_allotted: Annotated[Count, Field(le=600)] = 0
    paper_only: bool = False
    documents: list[ImportDocument] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _paper_only_has_no_file(self) -> ImportItem:
        if self.paper_only and self.documents:
            raise ValueError("a paper-only item carries no file")
        return self


class AgendaImport(WireModel):
    kind: MeetingKind = MeetingKind.REGULAR
    title: Annotated[str, Field(min_length=1, max_length=200)]
    starts_at: AwareDatetime | None = None  # now, when the folder does not say
    place: ShortText = ""
    items: list[ImportItem] = Field(min_length=1, max_length=200)

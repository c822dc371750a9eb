"""Why an XFDF file of notes was refused: the problem and its error, apart from the reading
itself (ecabinet.pdf.xfdf), so that the desktop can name them without importing the PDF
libraries the reading brings (fpdf, fontTools) at start. Any thread.
"""

from __future__ import annotations

from enum import StrEnum


class XfdfProblem(StrEnum):
    """Why a file was refused, for the desktop to say in the member's words."""

    TOO_LARGE = "too_large"
    ENTITIES = "entities"  # a document type or entities: refused unread
    NOT_XML = "not_xml"
    NOT_XFDF = "not_xfdf"
    NO_SUCH_PAGE = "no_such_page"
    DAMAGED = "damaged"  # a note without a page, or positions that are not numbers


class XfdfError(ValueError):
    """The file is not XFDF we can read; nothing was imported. ``page`` (from 1) is set for
    NO_SUCH_PAGE."""

    def __init__(self, problem: XfdfProblem, detail: str, page: int = 0) -> None:
        super().__init__(detail)
        self.problem, self.page = problem, page

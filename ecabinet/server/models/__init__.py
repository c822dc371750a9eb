"""The server's tables (SQLAlchemy 2 declarative). Alembic migrations are made from these.

Every object carries its ``body`` so one server can host several (the Government, a province).
Ids are UUID strings; times are timezone-aware UTC. Runs in request worker threads.

The tables are grouped by subject in the modules of this package; every public name is
re-exported here, so callers import from ``ecabinet.server.models`` alone. Importing this
package imports every module, so ``Base.metadata`` (what Alembic compares and backups walk)
always holds every table, whichever name a caller reaches for first.
"""

from .accounts import Body, Certificate, Device, LoginFailure, Token, User
from .audit import AuditCheckpoint, AuditEntry, AuditSwitch
from .base import NAMING, Base, IdCol, UtcDateTime, choice_of, new_id, now
from .decisions import Ballot, BallotResponse, Position, Result, Vote
from .documents import Annotation, Blob, BlobUpload, Document, DocumentRead, DocumentVersion
from .interconnect import IncomingAttachment, IncomingDocument, InterconnectStatus
from .meetings import AgendaItem, Attendance, Conclusion, Invitation, Meeting, SpeakerRequest
from .sync import AppliedMutation, Change

__all__ = [
    "NAMING",
    "AgendaItem",
    "Annotation",
    "AppliedMutation",
    "Attendance",
    "AuditCheckpoint",
    "AuditEntry",
    "AuditSwitch",
    "Ballot",
    "BallotResponse",
    "Base",
    "Blob",
    "BlobUpload",
    "Body",
    "Certificate",
    "Change",
    "Conclusion",
    "Device",
    "Document",
    "DocumentRead",
    "DocumentVersion",
    "IdCol",
    "IncomingAttachment",
    "IncomingDocument",
    "Invitation",
    "InterconnectStatus",
    "LoginFailure",
    "Meeting",
    "Position",
    "Result",
    "SpeakerRequest",
    "Token",
    "User",
    "UtcDateTime",
    "Vote",
    "choice_of",
    "new_id",
    "now",
]

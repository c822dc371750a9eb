"""The record: entries of the audit log as the Government Office reads them (GET /audit), and
every kind of act the server records (``AUDIT_ACTIONS``): the server refuses to record any
other, and the desktop has a sentence for each."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import Field

from ecabinet.wire.base import Id, ShortText, UtcTime, WireModel
from ecabinet.wire.sync import MutationType

# Each member's change pushed from a laptop is recorded under its mutation type.
AUDIT_ACTIONS: frozenset[str] = frozenset(
    (
        *get_args(MutationType),
        "auth.login", "auth.logout",
        "pki.issue", "pki.import",
        "user.create", "user.update", "user.reset_password", "device.revoke",
        "meeting.create", "meeting.update", "meeting.invite", "meeting.import",
        "meeting.publish", "meeting.start", "meeting.close", "meeting.attendance",
        "attendance.open", "attendance.close",
        "item.add", "item.update", "item.delete", "item.reorder", "item.discuss",
        "conclusion.add",
        "document.add", "document.replace", "document.update", "blob.upload",
        "ballot.create", "ballot.update", "ballot.send", "ballot.remind", "ballot.close",
        "reply.archive",
        "vote.open", "vote.close",
        "speaker.start", "speaker.end",
        "consent.adopt",
        "interconnect.receive", "interconnect.refuse", "interconnect.assign",
        "interconnect.issue",
    )
)  # fmt: skip


class AuditRow(WireModel):
    id: int
    at: UtcTime
    actor_id: Id | None = None
    actor_name: ShortText = ""
    actor_title: ShortText = ""  # e.g. "Bộ trưởng Bộ Tài chính"
    action: ShortText
    object_type: ShortText = ""
    object_id: ShortText = ""
    # What was acted on, in words: a meeting's, item's, document's or ballot's title, a
    # person's name, a laptop's name; empty when the act names nothing more than its actor.
    object_name: ShortText = ""
    detail: dict[str, Any] = Field(default_factory=dict)

"""The record: entries of the audit log as the Government Office reads them (GET /audit)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ecabinet.wire.base import Id, ShortText, UtcTime, WireModel


class AuditRow(WireModel):
    id: int
    at: UtcTime
    actor_id: Id | None = None
    actor_name: ShortText = ""
    action: ShortText
    object_type: ShortText = ""
    object_id: ShortText = ""
    detail: dict[str, Any] = Field(default_factory=dict)

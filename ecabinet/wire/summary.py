"""The secretariat's summary of a written ballot ("tổng hợp ý kiến"), as the server serves it."""

from __future__ import annotations

from pydantic import Field

from ecabinet.wire.base import Count, Id, ShortText, Text, UtcTime, WireModel


class SummaryReply(WireModel):
    user_id: Id
    full_name: ShortText
    title: ShortText = ""
    choice: ShortText
    comment: Text = ""
    received_at: UtcTime
    late: bool = False


class SummaryMember(WireModel):
    user_id: Id
    full_name: ShortText
    title: ShortText = ""


class BallotSummary(WireModel):
    ballot_id: Id
    title: Text
    question: Text
    status: ShortText
    deadline: UtcTime
    total_members: Count
    agree: Count
    disagree: Count
    other: Count
    not_answered: Count
    late: Count
    passed: bool
    replies: list[SummaryReply] = Field(default_factory=list, max_length=1000)
    late_replies: list[SummaryReply] = Field(default_factory=list, max_length=1000)
    unanswered: list[SummaryMember] = Field(default_factory=list, max_length=1000)

"""The change feed: ``publish`` appends a change whenever the truth changes, ``audience``
says who may see each one. Callers use ``from ecabinet.server import feed`` and the names
below. Runs wherever its callers run (request worker threads, the command line, the hub)."""

from ecabinet.server.feed.audience import (
    Audience,
    Placement,
    audience_for,
    document_scope,
    item_scope,
    may_see,
    meeting_scope,
    visibility_filter,
)
from ecabinet.server.feed.publish import (
    append,
    publish_annotation,
    publish_ballot,
    publish_ballot_response,
    publish_ballot_tree,
    publish_conclusion,
    publish_document,
    publish_item,
    publish_meeting,
    publish_meeting_tree,
    publish_position,
    publish_result,
    publish_speaker_request,
    publish_user,
    publish_vote,
    unpublish_meeting_for,
)

__all__ = [
    "Audience",
    "Placement",
    "append",
    "audience_for",
    "document_scope",
    "item_scope",
    "may_see",
    "meeting_scope",
    "publish_annotation",
    "publish_ballot",
    "publish_ballot_response",
    "publish_ballot_tree",
    "publish_conclusion",
    "publish_document",
    "publish_item",
    "publish_meeting",
    "publish_meeting_tree",
    "publish_position",
    "publish_result",
    "publish_speaker_request",
    "publish_user",
    "publish_vote",
    "unpublish_meeting_for",
    "visibility_filter",
]

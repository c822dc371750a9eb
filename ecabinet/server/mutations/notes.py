"""annotation.put and annotation.delete: a member's notes on a document version.

(Named notes, not annotations: that name is taken by `from __future__ import annotations`.)
"""

from __future__ import annotations

from typing import cast

from ecabinet.domain import Sharing
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.mutations import Applier, MutationContext, Rejected
from ecabinet.server.mutations.lookups import visible_version
from ecabinet.wire.base import WireModel
from ecabinet.wire.sync import AnnotationDelete, AnnotationPut


def _sees_others_note(ctx: MutationContext, ann: m.Annotation) -> bool:
    """Whether the feed shows the caller this note of someone else's."""
    if ann.deleted or ann.shared == Sharing.PRIVATE:
        return False
    if ann.shared == Sharing.SECRETARIAT:
        return ctx.audience.secretariat
    try:
        visible_version(ctx, ann.document_version_id)
    except Rejected:
        return False
    return True


def _refusal_for_others_note(ctx: MutationContext, ann: m.Annotation) -> Rejected:
    """``forbidden`` for a note the caller can see; one they cannot see does not exist."""
    if _sees_others_note(ctx, ann):
        return Rejected("forbidden", "This note belongs to someone else.")
    return Rejected("not_found", "No such note.")


def put(ctx: MutationContext, data: WireModel) -> None:
    put_data = cast(AnnotationPut, data)
    ann = ctx.db.get(m.Annotation, put_data.id)
    if ann is not None and ann.author_id != ctx.auth.user_id:
        raise _refusal_for_others_note(ctx, ann)
    version, _doc = visible_version(ctx, put_data.document_version_id)
    if put_data.page >= version.pages:
        raise Rejected(
            "page_out_of_range",
            f"Page {put_data.page + 1} does not exist; the document has {version.pages} pages.",
        )
    if ann is None:
        # Author and times are the server's: a client cannot write in another's name.
        ann = m.Annotation(id=put_data.id, author_id=ctx.auth.user_id, created_at=ctx.received_at)
        ctx.db.add(ann)
    ann.document_version_id = version.id
    ann.page = put_data.page
    ann.kind = put_data.kind
    ann.rects = [list(r) for r in put_data.rects]
    ann.points = [[list(p) for p in stroke] for stroke in put_data.points]
    ann.color = put_data.color
    ann.width = put_data.width
    ann.text = put_data.text
    ann.quote = put_data.quote
    ann.prefix = put_data.prefix
    ann.suffix = put_data.suffix
    ann.shared = put_data.shared
    ann.deleted = False
    ann.updated_at = ctx.received_at
    ctx.db.flush()
    feed.publish_annotation(ctx.db, ctx.auth.body_id, ann)


def delete(ctx: MutationContext, data: WireModel) -> None:
    ann = ctx.db.get(m.Annotation, cast(AnnotationDelete, data).id)
    if ann is None:
        raise Rejected("not_found", "No such note.")
    if ann.author_id != ctx.auth.user_id:
        # A note shared with you is yours to read, not to delete.
        raise _refusal_for_others_note(ctx, ann)
    ann.deleted = True
    ann.updated_at = ctx.received_at
    ctx.db.flush()
    feed.publish_annotation(ctx.db, ctx.auth.body_id, ann)


APPLIERS: dict[str, Applier] = {"annotation.put": put, "annotation.delete": delete}

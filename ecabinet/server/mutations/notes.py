"""annotation.put and annotation.delete: a member's notes on a document version.

(Named notes, not annotations: that name is taken by `from __future__ import annotations`.)
"""

from __future__ import annotations

from typing import cast

from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.mutations import Applier, MutationContext, Rejected
from ecabinet.server.mutations.lookups import visible_version
from ecabinet.wire.base import WireModel
from ecabinet.wire.sync import AnnotationDelete, AnnotationPut


def put(ctx: MutationContext, data: WireModel) -> None:
    put_data = cast(AnnotationPut, data)
    version, _doc = visible_version(ctx, put_data.document_version_id)
    if put_data.page >= version.pages:
        raise Rejected(
            "page_out_of_range",
            f"Page {put_data.page + 1} does not exist; the document has {version.pages} pages.",
        )
    ann = ctx.db.get(m.Annotation, put_data.id)
    if ann is not None and ann.author_id != ctx.auth.user_id:
        raise Rejected("forbidden", "This note belongs to someone else.")
    if ann is None:
        ann = m.Annotation(id=put_data.id, author_id=ctx.auth.user_id, created_at=ctx.received_at)
        ctx.db.add(ann)
    ann.document_version_id = version.id
    ann.page = put_data.page
    ann.kind = put_data.kind.value
    ann.rects = [list(r) for r in put_data.rects]
    ann.points = [[list(p) for p in stroke] for stroke in put_data.points]
    ann.color = put_data.color
    ann.text = put_data.text
    ann.quote = put_data.quote
    ann.prefix = put_data.prefix
    ann.suffix = put_data.suffix
    ann.shared = put_data.shared.value
    ann.deleted = False
    ann.updated_at = ctx.received_at
    ctx.db.flush()
    feed.publish_annotation(ctx.db, ctx.auth.body_id, ann)


def delete(ctx: MutationContext, data: WireModel) -> None:
    ann = ctx.db.get(m.Annotation, cast(AnnotationDelete, data).id)
    if ann is None or (ann.author_id != ctx.auth.user_id and ann.shared == "private"):
        raise Rejected("not_found", "No such note.")
    if ann.author_id != ctx.auth.user_id:
        raise Rejected("forbidden", "Only its author may delete a note.")
    ann.deleted = True
    ann.updated_at = ctx.received_at
    ctx.db.flush()
    feed.publish_annotation(ctx.db, ctx.auth.body_id, ann)


APPLIERS: dict[str, Applier] = {"annotation.put": put, "annotation.delete": delete}

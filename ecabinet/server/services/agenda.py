"""Agenda items and the chair's conclusions: add, edit, remove, reorder.

Each function checks, changes, publishes to the feed and writes the audit entry in the
caller's transaction; the caller commits. Request worker threads.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.domain import MeetingStatus, Scope
from ecabinet.server import feed
from ecabinet.server import models as m
from ecabinet.server.errors import ApiError
from ecabinet.server.services.actor import Actor, record
from ecabinet.server.services.lookups import get_item, get_meeting
from ecabinet.wire.meetings import ItemCreate, ItemUpdate


def add_item(db: Session, actor: Actor, meeting_id: str, new: ItemCreate) -> m.AgendaItem:
    """An item at the end of the agenda, or at the given position."""
    meeting = get_meeting(db, actor, meeting_id)
    if meeting.status == MeetingStatus.CLOSED:
        raise ApiError(409, "invalid_state", "The meeting is closed.")
    agenda = list(
        db.scalars(
            select(m.AgendaItem)
            .where(m.AgendaItem.meeting_id == meeting.id)
            .order_by(m.AgendaItem.position)
        )
    )
    position = min(new.position or len(agenda) + 1, len(agenda) + 1)
    item = m.AgendaItem(
        meeting_id=meeting.id, position=position, **new.model_dump(exclude={"position"})
    )
    db.add(item)
    db.flush()
    # Items after the new one move down a place; members' laptops learn their new positions.
    for later in agenda[position - 1 :]:
        later.position += 1
        feed.publish_item(db, meeting, later)
    feed.publish_item(db, meeting, item)
    record(db, actor, "item.add", "agenda_item", item.id, {"title": item.title})
    return item


def update_item(db: Session, actor: Actor, item_id: str, edit: ItemUpdate) -> m.AgendaItem:
    item, meeting = get_item(db, actor, item_id)
    changes = edit.changes()
    has_docs = db.scalar(select(m.Document.id).where(m.Document.agenda_item_id == item.id))
    if changes.get("paper_only") and has_docs:
        raise ApiError(
            409,
            "paper_only",
            "Remove this item's documents before marking it "
            "paper only: a classified item carries no file.",
        )
    for field, value in changes.items():
        setattr(item, field, value)
    feed.publish_item(db, meeting, item)
    record(db, actor, "item.update", "agenda_item", item.id, changes)
    return item


def delete_item(db: Session, actor: Actor, item_id: str) -> None:
    """Only a draft meeting's items, and only once their documents are gone."""
    item, meeting = get_item(db, actor, item_id)
    if meeting.status != MeetingStatus.DRAFT:
        raise ApiError(
            409, "invalid_state", "Items of a published meeting are closed, not removed."
        )
    if db.scalar(select(m.Document.id).where(m.Document.agenda_item_id == item.id)):
        raise ApiError(409, "invalid_state", "Remove the item's documents first.")
    db.delete(item)
    feed.append(
        db, meeting.body_id, "agenda_item", item_id, None, Scope.SECRETARIAT, None, meeting.id
    )
    record(db, actor, "item.delete", "agenda_item", item_id)


def reorder(db: Session, actor: Actor, meeting_id: str, item_ids: list[str]) -> list[m.AgendaItem]:
    """Every item of the meeting, exactly once, in its new order."""
    meeting = get_meeting(db, actor, meeting_id)
    items = {
        i.id: i
        for i in db.scalars(select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting.id))
    }
    if sorted(item_ids) != sorted(items):
        raise ApiError(422, "validation_error", "Give every item of the meeting exactly once.")
    for position, item_id in enumerate(item_ids, start=1):
        items[item_id].position = position
        feed.publish_item(db, meeting, items[item_id])
    record(db, actor, "item.reorder", "meeting", meeting.id)
    return [items[i] for i in item_ids]


def add_conclusion(db: Session, actor: Actor, item_id: str, text: str) -> m.Conclusion:
    item, meeting = get_item(db, actor, item_id)
    conclusion = m.Conclusion(agenda_item_id=item.id, text=text, created_by=actor.user_id)
    db.add(conclusion)
    db.flush()
    feed.publish_conclusion(db, meeting, conclusion)
    record(db, actor, "conclusion.add", "agenda_item", item.id)
    return conclusion

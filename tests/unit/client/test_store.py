"""The local store: idempotent pages, cursors with their page, acts with their outbox entry."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pydantic import ValidationError

from ecabinet.client.paths import Profile
from ecabinet.client.store import LocalStore
from ecabinet.wire.sync import ChangesPage


def meeting(meeting_id: str, title: str = "Phiên họp") -> dict[str, object]:
    return {
        "id": meeting_id,
        "kind": "regular",
        "title": title,
        "starts_at": "2026-12-01T01:30:00Z",
        "status": "published",
    }


def item(item_id: str, meeting_id: str) -> dict[str, object]:
    return {"id": item_id, "meeting_id": meeting_id, "position": 1, "title": "Nội dung"}


def page(seq: int, *changes: tuple[str, str, dict[str, object] | None]) -> ChangesPage:
    return ChangesPage.model_validate(
        {
            "changes": [
                {"seq": seq + n, "type": t, "id": i, "deleted": d is None, "data": d}
                for n, (t, i, d) in enumerate(changes)
            ],
            "cursor": f"v1.{seq + len(changes)}",
            "more": False,
        }
    )


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(Profile.open(tmp_path))


def test_applying_a_page_twice_is_harmless(store: LocalStore) -> None:
    mid = str(uuid.uuid4())
    p = page(1, ("meeting", mid, meeting(mid)))
    store.apply_page(p)
    store.apply_page(p)
    assert store.count("meeting") == 1
    assert store.get_state("cursor") == "v1.2"


def test_deleting_a_meeting_removes_its_items(store: LocalStore) -> None:
    mid, iid = str(uuid.uuid4()), str(uuid.uuid4())
    store.apply_page(page(1, ("meeting", mid, meeting(mid)), ("agenda_item", iid, item(iid, mid))))
    assert store.count("agenda_item") == 1
    store.apply_page(page(3, ("meeting", mid, None)))
    assert store.count("meeting") == 0
    assert store.count("agenda_item") == 0


def test_an_act_and_its_outbox_entry_are_written_together(store: LocalStore) -> None:
    with pytest.raises(ValidationError):
        store.record_action("position.set", {"agenda_item_id": "nope", "position": "x"})
    assert store.count_outbox("pending") == 0
    store.record_action(
        "position.set",
        {"agenda_item_id": str(uuid.uuid4()), "position": "object", "comment": "Chưa rõ"},
    )
    (pending,) = store.pending()
    assert pending.type == "position.set"
    assert pending.data["comment"] == "Chưa rõ"

"""The local store: idempotent pages, cursors with their page, acts with their outbox entry."""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

import pytest

from ecabinet.client.paths import Profile
from ecabinet.client.store import ActRefused, LocalStore
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
    return LocalStore(Profile.open(tmp_path), os.urandom(32))


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
    with pytest.raises(ActRefused, match="agenda_item_id"):  # in words, not pydantic's error
        store.record_action("position.set", {"agenda_item_id": "nope", "position": "x"})
    assert store.count_outbox("pending") == 0
    store.record_action(
        "position.set",
        {"agenda_item_id": str(uuid.uuid4()), "position": "object", "comment": "Chưa rõ"},
    )
    (pending,) = store.pending()
    assert pending.type == "position.set"
    assert pending.data["comment"] == "Chưa rõ"


def test_accessors_return_typed_objects_in_agenda_order(store: LocalStore) -> None:
    early, late = str(uuid.uuid4()), str(uuid.uuid4())
    second, first = str(uuid.uuid4()), str(uuid.uuid4())
    store.apply_page(
        page(
            1,
            ("meeting", late, {**meeting(late, "Sau"), "starts_at": "2026-12-09T01:30:00Z"}),
            ("meeting", early, meeting(early, "Trước")),
            ("agenda_item", second, {**item(second, early), "position": 10}),
            ("agenda_item", first, {**item(first, early), "position": 2}),
        )
    )
    assert [m.title for m in store.meetings()] == ["Trước", "Sau"]
    # Positions compare as numbers, not text: 2 before 10.
    assert [i.id for i in store.agenda_items(early)] == [first, second]
    assert store.agenda_items(late) == []


def test_a_profile_from_before_sent_at_keeps_its_pending_acts(tmp_path: Path) -> None:
    profile = Profile.open(tmp_path)
    with sqlite3.connect(profile.db_path) as old:
        old.execute(
            'CREATE TABLE outbox ("order" INTEGER PRIMARY KEY AUTOINCREMENT, id VARCHAR(36) '
            "UNIQUE, type VARCHAR(40), data TEXT, created_at VARCHAR(40), status VARCHAR(20), "
            "code VARCHAR(100), detail TEXT, attempts INTEGER, next_attempt_at VARCHAR(40))"
        )
        old.execute(
            "INSERT INTO outbox (id, type, data, created_at, status, code, detail, attempts, "
            "next_attempt_at) VALUES ('m1', 'document.read', '{}', '2026-11-01', 'pending', "
            "'', '', 0, '')"
        )
    store = LocalStore(profile, os.urandom(32))
    # The clear database of an older version is encrypted at its first opening, acts kept.
    assert not profile.db_path.read_bytes().startswith(b"SQLite format 3")
    (entry,) = store.outbox()
    assert (entry.id, entry.status, entry.sent_at) == ("m1", "pending", "")
    store.mark_results([("m1", "duplicate", "", "")])
    (settled,) = store.outbox(("duplicate",))
    assert settled.sent_at != ""
    store.close()

"""The store's typed reads: records of the asked type only, in their order, and the profile's
facts parsed once here (roles, online, the last page read)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from ecabinet.client.paths import Profile
from ecabinet.client.store import LocalStore
from ecabinet.domain import Role
from tests.unit.client.test_store import item, meeting, page


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(Profile.open(tmp_path), os.urandom(32))


def user(user_id: str, name: str, order: int, roles: list[str]) -> dict[str, object]:
    return {
        "id": user_id,
        "username": name.lower(),
        "full_name": name,
        "roles": roles,
        "sort_order": order,
    }


def request(request_id: str, item_id: str, user_id: str, place: int) -> dict[str, object]:
    return {
        "id": request_id,
        "agenda_item_id": item_id,
        "user_id": user_id,
        "requested_at": "2026-12-01T02:00:00Z",
        "position": place,
    }


def test_records_are_read_by_type_and_in_order(store: LocalStore) -> None:
    ids = [str(uuid.uuid4()) for _ in range(7)]
    lan, minh, mid, iid, other_iid, first, second = ids
    store.apply_page(
        page(
            1,
            ("user", lan, user(lan, "Lan", 2, ["member"])),
            ("user", minh, user(minh, "Minh", 1, ["chair", "member"])),
            ("meeting", mid, meeting(mid)),
            ("agenda_item", iid, item(iid, mid)),
            ("agenda_item", other_iid, item(other_iid, mid)),
            ("speaker_request", second, request(second, iid, lan, 2)),
            ("speaker_request", first, request(first, iid, minh, 1)),
        )
    )
    assert [u.full_name for u in store.users()] == ["Minh", "Lan"]
    assert store.user_names() == {lan: "Lan", minh: "Minh"}
    assert store.user(minh) is not None and store.user(minh).roles == [Role.CHAIR, Role.MEMBER]
    assert store.meeting(mid) is not None and store.meeting(mid).title == "Phiên họp"
    assert store.agenda_item(iid) is not None
    # An id of another type, or one not held, is nothing: never a record of the wrong type.
    assert store.meeting(iid) is None and store.user(mid) is None
    assert store.agenda_item(str(uuid.uuid4())) is None
    assert [r.id for r in store.speaker_requests(iid)] == [first, second]
    assert store.speaker_requests(other_iid) == []


def test_the_profiles_facts_are_parsed_here(store: LocalStore) -> None:
    assert (store.user_id(), store.roles(), store.online(), store.cursor()) == (
        "",
        frozenset(),
        False,
        "",
    )
    store.set_state(
        user_id="u-1",
        roles="chair,member,observer",  # a role this version does not know gives nothing
        online="1",
        last_success_at="2026-12-01T02:00:00+00:00",
        server_url="https://ecabinet.example",
        username="lan",
    )
    assert store.user_id() == "u-1"
    assert store.roles() == {Role.CHAIR, Role.MEMBER}
    assert store.online() and store.last_success_at() == "2026-12-01T02:00:00+00:00"
    store.apply_page(page(1))
    assert store.cursor() == "v1.1"


def test_the_last_page_read_is_kept_per_document(store: LocalStore) -> None:
    assert store.last_page("doc-1") is None
    store.keep_last_page("doc-1", 0)
    store.keep_last_page("doc-2", 12)
    assert (store.last_page("doc-1"), store.last_page("doc-2")) == (0, 12)

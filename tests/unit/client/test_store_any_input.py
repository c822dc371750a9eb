"""No input of any kind raises inside the laptop's store: an act is refused in words
(ActRefused) with nothing written, or kept as an outbox entry the push can send and the server's
model takes."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecabinet.client.paths import Profile
from ecabinet.client.store import ActRefused, LocalStore
from ecabinet.wire.sync import MUTATION_MODELS

ID = "7b0c1c3e-6a1f-4f35-9c1e-2d8a3b4c5d6e"
# One act of each type the server would take, for the fuzz to spoil a field of.
VALID: dict[str, dict[str, Any]] = {
    "annotation.put": {
        "id": ID,
        "document_version_id": ID,
        "page": 0,
        "kind": "note",
        "rects": [[10.0, 10.0, 30.0, 30.0]],
        "text": "Cần làm rõ Điều 5",
    },
    "annotation.delete": {"id": ID},
    "position.set": {"agenda_item_id": ID, "position": "object", "comment": "Chưa rõ"},
    "speaker.request": {"agenda_item_id": ID},
    "speaker.withdraw": {"agenda_item_id": ID},
    "vote.cast": {"agenda_item_id": ID, "choice": "agree", "comment": "", "signature": "AAAA"},
    "ballot.respond": {"ballot_id": ID, "choice": "other", "comment": "", "signed_pdf": "0" * 64},
    "document.read": {"document_version_id": ID},
    "consent.pull": {"agenda_item_id": ID},
    "attendance.check_in": {"meeting_id": ID},
}
assert set(VALID) == set(MUTATION_MODELS)

ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=20)  # surrogates included
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities included
    | ANY_TEXT
    | st.binary(max_size=8)
    | st.datetimes(timezones=st.just(UTC))
    | st.just(object())
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)
FIELDS = st.sampled_from(sorted({key for data in VALID.values() for key in data})) | ANY_TEXT
TYPES = st.sampled_from(sorted(VALID)) | ANY_TEXT
EXAMPLES = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(Profile.open(tmp_path), os.urandom(32))


def assert_kept_or_refused(store: LocalStore, type_: str, data: Any) -> None:
    before = store.count_outbox("pending")
    try:
        store.record_action(type_, data)
    except ActRefused as refused:
        assert str(refused)
        assert store.count_outbox("pending") == before  # nothing written
        return
    (kept,) = store.pending()[before:]
    assert kept.type == type_
    MUTATION_MODELS[type_].model_validate(kept.data)
    # What the push sends: strict JSON, UTF-8.
    json.dumps(kept.data, ensure_ascii=False, allow_nan=False).encode()


@EXAMPLES
@given(type_=TYPES, spoiled=st.dictionaries(FIELDS, VALUES, max_size=3))
def test_an_act_with_any_field_spoiled_is_kept_or_refused_in_words(
    store: LocalStore, type_: str, spoiled: dict[str, Any]
) -> None:
    assert_kept_or_refused(store, type_, {**VALID.get(type_, {}), **spoiled})


@EXAMPLES
@given(type_=st.sampled_from(sorted(VALID)), data=VALUES)
def test_an_act_that_is_not_even_a_mapping_is_refused_in_words(
    store: LocalStore, type_: str, data: object
) -> None:
    assert_kept_or_refused(store, type_, cast(dict[str, Any], data))


@pytest.mark.parametrize(
    ("type_", "spoiled"),
    [
        ("position.set", {"comment": "x\ud800"}),  # issue 18: pydantic's error escaped
        ("position.set", {"comment": b"Ch\xc6\xb0a r\xc3\xb5"}),  # bytes pass as str
        ("annotation.put", {"rects": [[float("nan"), 0.0, 1.0, 1.0]]}),
        ("annotation.put", {"created_at": datetime(2026, 1, 1, tzinfo=UTC)}),
        ("document.read", {"ignored": "x\udfff"}),  # a field the model does not read
        ("vote.cast", {"signature": "\ud800"}),
        ("vote.cast\u202e", {}),
    ],
)
def test_what_could_not_be_sent_is_refused_before_it_is_written(
    store: LocalStore, type_: str, spoiled: dict[str, Any]
) -> None:
    with pytest.raises(ActRefused):
        store.record_action(type_, {**VALID.get(type_, {}), **spoiled})
    assert store.count_outbox("pending") == 0
    store.record_action("document.read", {"document_version_id": str(uuid.uuid4())})
    assert store.count_outbox("pending") == 1

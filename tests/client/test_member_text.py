"""No text of any kind raises inside the laptop's store: the act builders either refuse it,
in words, before anything is written, or keep an act the server will take."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.client.notes import new_note, save_note
from ecabinet.client.store import ActRefused
from ecabinet.wire.sync import MUTATION_MODELS
from ecabinet.wire.text import UnsafeText, check_member_text
from tests.loopback import LiveServer

ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)  # surrogates included
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def outbox_size(account: Account) -> int:
    return account.store.count_outbox("pending", "applied", "duplicate", "rejected")


@EXAMPLES
@given(comment=ANY_TEXT, note_text=ANY_TEXT)
def test_any_text_is_refused_before_the_store_or_kept_as_the_server_takes_it(
    live_server: LiveServer, member: Account, comment: str, note_text: str
) -> None:
    item_id = live_server.world.item_ids[0]
    version_id = live_server.world.version_ids[0]
    before = outbox_size(member)
    try:
        acts.set_position(member, item_id, "object", comment)
    except UnsafeText as refused:
        assert "remove it" in str(refused)
        assert outbox_size(member) == before  # nothing written
    else:
        (kept,) = member.store.waiting_acts("position.set")[-1:]
        assert check_member_text(kept["comment"]) == kept["comment"]
        MUTATION_MODELS["position.set"].model_validate(kept)
    before = outbox_size(member)
    try:
        note = save_note(member, new_note(member, version_id, 0, "note", text=note_text))
    except UnsafeText:
        assert outbox_size(member) == before
    else:
        assert check_member_text(note.text) == note.text
        assert member.store.get("annotation", note.id) == note


def test_what_was_kept_reaches_the_server_unrefused(
    live_server: LiveServer, member: Account
) -> None:
    item_id = live_server.world.item_ids[0]
    acts.set_position(member, item_id, "object", "Về\u200b Điều 5\r\n👨\u200d👩\u200d👧")
    (kept,) = member.store.waiting_acts("position.set")
    assert kept["comment"] == "Về Điều 5\n👨\u200d👩\u200d👧"
    result = member.sync_service().sync()
    assert result.online and result.rejected == 0


def test_a_vote_with_a_direction_override_is_refused_before_it_is_signed(
    live_server: LiveServer, member: Account
) -> None:
    with pytest.raises(UnsafeText) as refused:
        acts.cast_vote(member, live_server.world.item_ids[0], "agree", "Đồng ý \u202e5")
    assert "direction" in str(refused.value)
    with pytest.raises(UnsafeText):
        acts.reply_to_ballot(member, live_server.world.ballot_id, "other", "x\ud800")
    assert outbox_size(member) == 0


def test_the_store_itself_refuses_in_words(live_server: LiveServer, member: Account) -> None:
    data = {"agenda_item_id": live_server.world.item_ids[0], "position": "object"}
    for comment in ("x\ud800", "a\u202eb", "a\u200bb"):
        with pytest.raises(ActRefused) as refused:
            member.store.record_action("position.set", {**data, "comment": comment})
        assert "comment" in str(refused.value)
    assert outbox_size(member) == 0


def test_an_imported_notes_file_with_an_unsafe_note_imports_nothing(
    live_server: LiveServer, member: Account
) -> None:
    from ecabinet.client.note_files import import_xfdf
    from ecabinet.client.notes import my_notes

    notes = "".join(
        f'<text page="0" rect="10,10,30,30"><contents>{words}</contents></text>'
        for words in ("Cần làm rõ", "Đồng ý &#x202E;5")
    )
    xfdf = f'<xfdf xmlns="http://ns.adobe.com/xfdf/"><annots>{notes}</annots></xfdf>'
    with pytest.raises(UnsafeText):
        import_xfdf(member, live_server.world.document_ids[0], xfdf.encode())
    assert my_notes(member) == []
    assert outbox_size(member) == 0

"""No text of any kind raises inside the laptop's store: the act builders either refuse it,
in words, before anything is written, or keep an act the server will take."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ecabinet.client import acts
from ecabinet.client.account import Account
from ecabinet.client.notes import NoteError, new_note, save_note
from ecabinet.client.store import ActRefused
from ecabinet.wire.sync import MUTATION_MODELS
from ecabinet.wire.text import UnsafeText, check_member_text
from tests.loopback import LiveServer

ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)  # surrogates included
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# The member's refusals, in words; anything else escaping an act builder is a fault.
REFUSALS = (UnsafeText, ActRefused, NoteError, acts.NotAllowed)
MEMBER_TEXTS = ("comment", "text")


def outbox_size(account: Account) -> int:
    return account.store.count_outbox("pending", "applied", "duplicate", "rejected")


def refused_or_kept(account: Account, type_: str, act: Callable[[], object]) -> None:
    """``act`` is refused in words with nothing written, or kept as the server takes it."""
    before = outbox_size(account)
    try:
        act()
    except REFUSALS as refused:
        assert str(refused)
        assert outbox_size(account) == before
        return
    (kept,) = account.store.waiting_acts(type_)[-1:]
    MUTATION_MODELS[type_].model_validate(kept)  # the server's model, MemberText included
    for field in MEMBER_TEXTS:
        assert check_member_text(kept.get(field, "")) == kept.get(field, "")


def one_of(*choices: str) -> st.SearchStrategy[str]:
    return st.sampled_from(choices) | ANY_TEXT


@EXAMPLES
@given(position=one_of("no_objection", "wish_to_speak", "object"), comment=ANY_TEXT)
def test_any_position_is_refused_in_words_or_kept_as_the_server_takes_it(
    live_server: LiveServer, member: Account, position: str, comment: str
) -> None:
    item_id = live_server.world.item_ids[0]
    refused_or_kept(
        member, "position.set", lambda: acts.set_position(member, item_id, position, comment)
    )


@EXAMPLES
@given(choice=one_of("agree", "disagree", "abstain"), comment=ANY_TEXT)
@example(choice="\ud800", comment="")  # a choice the signature could not encode
def test_any_vote_is_refused_in_words_before_it_is_signed_or_kept(
    live_server: LiveServer, member: Account, choice: str, comment: str
) -> None:
    item_id = live_server.world.item_ids[0]
    refused_or_kept(member, "vote.cast", lambda: acts.cast_vote(member, item_id, choice, comment))


@settings(EXAMPLES, max_examples=15)
@given(choice=one_of("agree", "disagree", "other"), comment=ANY_TEXT)
@example(choice="\ud800", comment="")
def test_any_ballot_reply_is_refused_in_words_before_its_form_is_signed_or_kept(
    live_server: LiveServer, member: Account, choice: str, comment: str
) -> None:
    ballot_id = live_server.world.ballot_id
    refused_or_kept(
        member,
        "ballot.respond",
        lambda: acts.reply_to_ballot(member, ballot_id, choice, comment),
    )


@EXAMPLES
@given(kind=one_of("note", "highlight"), text=ANY_TEXT, quote=ANY_TEXT, context=ANY_TEXT)
def test_any_note_is_refused_in_words_or_kept_as_the_server_takes_it(
    live_server: LiveServer, member: Account, kind: str, text: str, quote: str, context: str
) -> None:
    version_id = live_server.world.version_ids[0]

    def make() -> None:
        fields = {"text": text, "quote": quote, "prefix": context, "suffix": context}
        note = save_note(member, new_note(member, version_id, 0, kind, **fields))
        assert member.store.get("annotation", note.id) == note
        for words in (note.quote, note.prefix, note.suffix):  # a document's words, dropped
            assert check_member_text(words) == words

    refused_or_kept(member, "annotation.put", make)


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

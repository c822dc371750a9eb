"""A ballot reply whose "other opinion" is composed from the member's notes on the ballot's
draft, against a real server: the text arrives with the reply and is in the signed form; the
command line composes, prints and signs the same text."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from ecabinet.client import acts, notes
from ecabinet.client.account import Account
from ecabinet.client.cli import main
from ecabinet.client.opinion import ballot_opinion, opinion_from_notes
from ecabinet.pdf.reply_form import read_reply_fields
from ecabinet.pdf.text_layout import page_texts
from ecabinet.server import models as m
from tests.client.test_acts import on_server
from tests.loopback import LiveServer, replace_with, synced
from tests.pdfs import make_draft

LINES = [
    "Trang 1, Điều 2, khoản 2: “Đơn vị sự nghiệp công lập” — đề nghị làm rõ",
    "Trang 2, Điều 3, khoản 2: “mười năm” — đề nghị năm năm",
]


def _draft_with_notes(live: LiveServer, root: Path) -> tuple[Account, str]:
    document_id = live.world.ballot_document_id
    replace_with(live, document_id, make_draft())  # the ballot's draft, with articles
    member = synced(live, root)
    notes.note_on_words(member, document_id, 2, "highlight", "mười năm", text="đề nghị năm năm")
    notes.note_on_words(
        member, document_id, 1, "underline", "Đơn vị sự nghiệp công lập", text="đề nghị làm rõ"
    )
    return member, document_id


def test_a_reply_composed_from_notes_arrives_and_its_signed_form_holds_the_text(
    live_server: LiveServer, tmp_path: Path
) -> None:
    member, document_id = _draft_with_notes(live_server, tmp_path / "m")
    text = ballot_opinion(member, live_server.world.ballot_id, document_id)
    assert text.splitlines() == LINES
    acts.reply_to_ballot(member, live_server.world.ballot_id, "other", text)
    assert member.sync_service().sync().rejected == 0
    (reply,) = on_server(live_server, select(m.BallotResponse))
    assert (reply.choice, reply.comment) == ("other", text)
    form = acts.last_form(member, live_server.world.ballot_id)
    fields = read_reply_fields(form)
    assert fields is not None and fields.comment == text
    printed = " ".join(" ".join(p.text for p in page_texts(form)).split())
    for line in LINES:  # whole, wrapped across the page, diacritics intact
        assert line in printed


def test_only_the_chosen_notes_and_only_the_members_own(
    live_server: LiveServer, tmp_path: Path
) -> None:
    member, document_id = _draft_with_notes(live_server, tmp_path / "m")
    member.sync_service().sync()
    colleague = synced(live_server, tmp_path / "c", "member02")
    shared = notes.note_on_words(
        colleague, document_id, 1, "highlight", "Cơ quan nhà nước", text="của tôi", shared="meeting"
    )
    colleague.sync_service().sync()
    member.sync_service().sync()
    version = notes.current_version(member, document_id)
    seen = notes.notes_on(member, version.id)
    assert shared.id in {n.id for n in seen}  # shown to the member, but not their words
    assert opinion_from_notes(member, document_id).splitlines() == LINES
    late = [n.id for n in seen if n.text == "đề nghị năm năm"]
    assert opinion_from_notes(member, document_id, late) == LINES[1]
    with pytest.raises(notes.NoteError):
        opinion_from_notes(colleague, live_server.world.document_ids[0])


def test_the_command_line_prints_the_composed_text_and_signs_it(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    document_id = live_server.world.ballot_document_id
    replace_with(live_server, document_id, make_draft())
    profile = ["--profile", cli_profile]
    assert main([*profile, "sync"]) == 0
    note = [*profile, "annotate", document_id, "--page", "2", "--kind", "highlight"]
    assert main([*note, "--text", "mười năm", "--note", "đề nghị năm năm"]) == 0
    reply = [*profile, "ballot", "reply", live_server.world.ballot_id, "--choice", "other"]
    closing = ["--comment", "Đề nghị lùi thời hạn."]
    capsys.readouterr()
    assert main([*reply, "--from-notes", document_id, *closing, "--dry-run"]) == 0
    assert LINES[1] + "\nĐề nghị lùi thời hạn.\nNothing signed" in capsys.readouterr().out
    assert main([*profile, "outbox", "--json"]) == 0
    assert "ballot.respond" not in capsys.readouterr().out
    assert main([*reply, "--from-notes", document_id, *closing]) == 0
    assert "Reply form signed" in capsys.readouterr().out
    assert main([*profile, "sync"]) == 0
    (sent,) = on_server(live_server, select(m.BallotResponse))
    assert sent.comment == LINES[1] + "\nĐề nghị lùi thời hạn."
    wrong = live_server.world.document_ids[0]  # a document of a meeting, not of the ballot
    assert main([*reply, "--from-notes", wrong]) == 1
    assert "not a draft of this written ballot" in capsys.readouterr().err

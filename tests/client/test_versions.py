"""Comparing a replaced draft with the version before it (ecabinet.client.versions), on a laptop
synced with a real server on loopback: what changed, page by page, with the notes beside."""

from __future__ import annotations

from pathlib import Path

from ecabinet.client import notes
from ecabinet.client.versions import compare_with_previous, previous_version
from ecabinet.pdf.compare import DELETED, INSERTED
from tests.client.test_notes import _v2
from tests.loopback import LiveServer, replace_with, synced


def test_a_draft_with_one_version_has_nothing_to_compare(
    live_server: LiveServer, tmp_path: Path
) -> None:
    member = synced(live_server, tmp_path / "m")
    document_id = live_server.world.document_ids[1]
    assert previous_version(member, document_id) is None
    assert compare_with_previous(member, document_id) is None


def test_a_replaced_draft_is_compared_page_by_page_with_the_notes_beside(
    live_server: LiveServer, tmp_path: Path
) -> None:
    document_id = live_server.world.document_ids[1]
    member = synced(live_server, tmp_path / "m")
    notes.note_on_words(member, document_id, 1, "highlight", "nội dung 1", text="Giữ")
    lost = notes.note_on_words(member, document_id, 2, "strikeout", "Trang 2", text="Bỏ")
    first = notes.current_version(member, document_id)
    # Version 2: a new cover, the marked words on page 2 of 3 and "Trang 2" gone.
    replace_with(live_server, document_id, _v2())
    member.sync_service().sync()
    notes.carry_notes(member, document_id)  # as the reader does when it opens the new version

    comparison = compare_with_previous(member, document_id)
    assert comparison is not None
    assert comparison.old == previous_version(member, document_id) == first
    assert (comparison.old.number, comparison.new.number) == (1, 2)
    assert [p.page for p in comparison.pages] == [0, 1, 2]  # every page of the new version
    words = {
        kind: " ".join(text for p in comparison.pages for k, text in p.pieces if k == kind)
        for kind in (INSERTED, DELETED)
    }
    assert "Bìa mới" in words[INSERTED] and "sửa" in words[INSERTED]
    assert "Trang" in words[DELETED]
    cover, body, _ = comparison.pages
    assert cover.changes and body.changes
    # The note whose words moved is shown on their new page; the one whose words went, apart.
    (moved,) = comparison.notes
    assert (moved.text, moved.page) == ("Giữ", 1)
    assert comparison.notes_on_page(1) == [moved] and comparison.notes_on_page(0) == []
    assert [n.id for n in comparison.unplaced] == [lost.id]

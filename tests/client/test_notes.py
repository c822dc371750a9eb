"""A member's notes against a real server: saved offline, sent, deleted, carried to a new
version (or kept as "could not be placed"), exported as PDF and XFDF, imported, from the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecabinet.client import notes
from ecabinet.client.cli import main
from ecabinet.client.note_files import export_pdf, export_xfdf, import_xfdf
from ecabinet.pdf.text_layout import page_texts
from ecabinet.pdf.xfdf_problems import XfdfError
from tests.loopback import LiveServer, replace_with, synced


def test_a_note_is_saved_here_first_then_follows_the_member(
    live_server: LiveServer, tmp_path: Path
) -> None:
    document_id = live_server.world.document_ids[1]  # "Tài liệu draft nội dung 1"
    laptop = synced(live_server, tmp_path / "a")
    note = notes.note_on_words(laptop, document_id, 1, "highlight", "nội dung 1", text="Xem lại")
    assert note.quote == "nội dung 1" and note.rects
    assert laptop.store.count_outbox("pending") == 1
    assert [n.id for n in notes.notes_on(laptop, note.document_version_id)] == [note.id]
    assert laptop.sync_service().sync().rejected == 0
    other_laptop = synced(live_server, tmp_path / "b")  # the same member, elsewhere
    (arrived,) = notes.notes_on(other_laptop, note.document_version_id)
    assert (arrived.id, arrived.text, arrived.quote) == (note.id, "Xem lại", "nội dung 1")
    notes.delete_note(other_laptop, note.id)
    assert notes.notes_on(other_laptop, note.document_version_id) == []
    assert other_laptop.sync_service().sync().rejected == 0
    laptop.sync_service().sync()
    assert notes.notes_on(laptop, note.document_version_id) == []


def test_others_see_a_shared_note_and_not_a_private_one(
    live_server: LiveServer, tmp_path: Path
) -> None:
    document_id = live_server.world.document_ids[1]
    author = synced(live_server, tmp_path / "a")
    private = notes.note_on_words(author, document_id, 1, "underline", "Tài liệu")
    shared = notes.note_on_words(
        author, document_id, 1, "highlight", "nội dung", text="Cùng xem", shared="meeting"
    )
    author.sync_service().sync()
    colleague = synced(live_server, tmp_path / "c", "member02")
    seen = notes.notes_on(colleague, shared.document_version_id)
    assert [n.id for n in seen] == [shared.id]
    assert private.id not in {n.id for n in seen}
    with pytest.raises(notes.NoteError):
        notes.delete_note(colleague, shared.id)  # not theirs


def test_notes_move_to_the_new_version_or_are_kept_as_unplaced(
    live_server: LiveServer, tmp_path: Path
) -> None:
    document_id = live_server.world.document_ids[1]
    member = synced(live_server, tmp_path / "m")
    kept = notes.note_on_words(member, document_id, 1, "highlight", "nội dung 1", text="Giữ")
    lost = notes.note_on_words(member, document_id, 2, "strikeout", "Trang 2", text="Bỏ")
    member.sync_service().sync()
    # Version 2: the marked words now sit on page 2 of 3; "Trang 2" is gone from every page.
    replace_with(live_server, document_id, _v2())
    member.sync_service().sync()
    report = notes.carry_notes(member, document_id)
    assert len(report.placed) == 1
    assert [n.id for n in report.unplaced] == [lost.id]
    current = notes.current_version(member, document_id)
    (moved,) = notes.notes_on(member, current.id)
    assert (moved.quote, moved.text, moved.page) == ("nội dung 1", "Giữ", 1)
    assert [n.id for n in notes.unplaced_notes(member, document_id)] == [lost.id]
    assert notes.carry_notes(member, document_id).placed == ()  # each note is carried once
    assert kept.id in {n.id for n in notes.my_notes(member)}  # the old note is never lost
    assert member.sync_service().sync().rejected == 0


def _v2() -> bytes:
    from fpdf import FPDF

    from tests.pdfs import FONT

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    for text in ("Bìa mới", "Mở đầu. Tài liệu draft nội dung 1, đã sửa.", "Phụ lục"):
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def test_export_as_pdf_with_annotations_and_watermark_and_as_xfdf(
    live_server: LiveServer, tmp_path: Path
) -> None:
    document_id = live_server.world.document_ids[1]
    member = synced(live_server, tmp_path / "m")
    notes.note_on_words(member, document_id, 1, "highlight", "nội dung 1", text="Xem lại")
    pdf = export_pdf(member, document_id)
    reader = PdfReader(io.BytesIO(pdf))
    (annotation,) = [a.get_object() for a in reader.pages[0].annotations]
    assert annotation["/Subtype"] == "/Highlight" and annotation["/Contents"] == "Xem lại"
    full_name = member.store.get_state("full_name")
    assert all(full_name in page.text for page in page_texts(pdf))
    xfdf = export_xfdf(member, document_id)
    assert b"<highlight" in xfdf
    # The same notes imported again update them rather than doubling them.
    assert import_xfdf(member, document_id, xfdf) == 1
    assert len(notes.my_notes(member)) == 1
    with pytest.raises(XfdfError):
        import_xfdf(member, document_id, b"<not-xfdf/>")
    assert len(notes.my_notes(member)) == 1


def test_the_command_line_annotates_lists_and_exports(
    live_server: LiveServer,
    cli_profile: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--profile", cli_profile, "sync"]) == 0
    document_id = live_server.world.document_ids[1]
    command = ["--profile", cli_profile, "annotate", document_id, "--page", "1"]
    assert main([*command, "--kind", "underline", "--text", "nội dung 1", "--note", "Rõ"]) == 0
    assert main([*command, "--text", "không có trên trang"]) == 1
    assert "is not on page 1" in capsys.readouterr().err
    assert main(["--profile", cli_profile, "annotations", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["kind"], listed["text"]) == ("underline", "Rõ")
    out = tmp_path / "with-notes.pdf"
    export = ["--profile", cli_profile, "annotations", "export", "--document", document_id]
    assert main([*export, "--format", "pdf", "--out", str(out)]) == 0
    assert PdfReader(out).pages[0]["/Annots"]
    assert main([*export, "--format", "xfdf", "--out", str(tmp_path / "n.xfdf")]) == 0
    assert b"<underline" in (tmp_path / "n.xfdf").read_bytes()


def test_a_nul_in_a_note_is_refused_here_before_anything_is_written(
    live_server: LiveServer, tmp_path: Path
) -> None:
    from ecabinet.wire.text import UnsafeText

    member = synced(live_server, tmp_path / "m")
    version_id = live_server.world.version_ids[1]
    bad = notes.new_note(member, version_id, 0, "note", rects=[(1, 1, 21, 21)], text="ok")
    with pytest.raises(UnsafeText, match="control character"):
        notes.save_note(member, bad.model_copy(update={"text": "a\x00b"}))
    assert member.store.count_outbox("pending") == 0
    assert notes.notes_on(member, version_id) == []

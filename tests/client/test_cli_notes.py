"""The command line's notes (ecabinet.client.cli_notes) against a real server on loopback:
XFDF read back in, and a file that is not one, or not there, refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecabinet.client.cli import main
from tests.loopback import LiveServer


def test_notes_exported_as_xfdf_are_imported_again_without_doubling(
    live_server: LiveServer,
    cli_profile: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--profile", cli_profile, "sync"]) == 0
    document_id = live_server.world.document_ids[1]
    annotate = ["--profile", cli_profile, "annotate", document_id, "--page", "1"]
    assert main([*annotate, "--text", "nội dung 1", "--note", "Xem lại"]) == 0
    notes = ["--profile", cli_profile, "annotations"]
    xfdf = tmp_path / "notes.xfdf"
    assert (
        main([*notes, "export", "--document", document_id, "--format", "xfdf", "--out", str(xfdf)])
        == 0
    )
    capsys.readouterr()

    assert main([*notes, "import", "--document", document_id, str(xfdf)]) == 0
    assert "Imported 1 notes" in capsys.readouterr().out
    assert main([*notes, "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)  # the same note updated, not a second one
    assert (listed["kind"], listed["text"]) == ("highlight", "Xem lại")


def test_a_file_that_is_not_xfdf_or_not_there_is_one_line_and_nothing_imported(
    live_server: LiveServer,
    cli_profile: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--profile", cli_profile, "sync"]) == 0
    document_id = live_server.world.document_ids[1]
    notes = ["--profile", cli_profile, "annotations"]
    wrong = tmp_path / "wrong.xfdf"
    wrong.write_bytes(b"<not-xfdf/>")
    capsys.readouterr()
    for file in (wrong, tmp_path / "missing.xfdf"):
        assert main([*notes, "import", "--document", document_id, str(file)]) == 1
        err = capsys.readouterr().err
        assert err.strip() and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main([*notes, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_annotate_finds_words_that_wrap_onto_the_next_line(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--profile", cli_profile, "sync"]) == 0
    document_id = live_server.world.document_ids[1]
    annotate = ["--profile", cli_profile, "annotate", document_id, "--page", "2"]
    capsys.readouterr()
    # The page reads "Tài liệu draft nội dung 1", a line break, then "Trang 2".
    assert main([*annotate, "--text", "nội dung 1 Trang 2", "--kind", "underline"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("page 2\t“nội dung 1 Trang 2” (saved; sent at next sync)")
    assert main(["--profile", cli_profile, "annotations", "list", "--json"]) == 0
    (note,) = json.loads(capsys.readouterr().out)
    assert note["quote"].split() == ["nội", "dung", "1", "Trang", "2"]
    assert len(note["rects"]) == 2  # one band on each of the two lines
    assert main([*annotate, "--text", "nội dung 1 Trang 3"]) == 1
    assert capsys.readouterr().err.strip() == "“nội dung 1 Trang 3” is not on page 2."

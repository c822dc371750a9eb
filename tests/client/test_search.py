"""Search across the documents on the laptop, after a real sync."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecabinet.client.cli import main
from ecabinet.client.search import SearchIndex
from tests.loopback import LiveServer, signed_in


def test_search_finds_accented_words_typed_without_accents(
    live_server: LiveServer, tmp_path: Path
) -> None:
    account = signed_in(live_server.url, tmp_path / "p")
    account.sync_service().sync()
    index = SearchIndex(account.store)
    assert index.index_new_documents() == 5  # four meeting papers and the ballot's draft
    assert index.index_new_documents() == 0
    hits = index.search("tai lieu draft noi dung 2")
    assert hits
    best = hits[0]
    assert best.document_title == "draft 2"
    assert best.page in (1, 2)
    assert "Tài liệu draft nội dung 2" in best.snippet
    assert best.marked().startswith("«Tài liệu draft nội dung 2»")  # the phrase, one mark
    assert (best.meeting_title, best.item_position, best.kind) == (
        "Phiên họp thường kỳ",
        2,
        "draft",
    )
    assert index.search("khong co tu nay") == []
    assert index.search('"; DROP TABLE page_text; --') == []


def test_search_from_the_command_line(
    live_server: LiveServer,
    cli_profile: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["--profile", cli_profile, "sync"])
    capsys.readouterr()
    assert main(["--profile", cli_profile, "search", "du", "thao", "xin", "y", "kien"]) == 0
    out = capsys.readouterr().out
    assert "«Dự thảo xin ý kiến»" in out
    assert "Phiếu lấy ý kiến: Phiếu lấy ý kiến" in out  # the ballot's draft names its ballot
    world = live_server.world
    assert (
        main(["--profile", cli_profile, "search", "tai", "lieu", "draft", "noi", "dung", "1"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(world.document_ids[1] + "  draft 1 — trang ")
    assert lines[1].strip() == "Phiên họp thường kỳ / Nội dung 1: Nội dung 1"
    assert "«Tài liệu draft nội dung 1»" in lines[2]
    argv = ["--profile", cli_profile, "search", "tai lieu", "--json", "--kind", "submission"]
    assert main([*argv, "--limit", "1"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["total"], found["more"], len(found["hits"])) == (4, True, 1)  # 2 papers x 2
    hit = found["hits"][0]
    assert hit["kind"] == "submission" and hit["meeting_id"] == world.meeting_id
    assert hit["document_id"] in world.document_ids[0::2] and hit["page"] in (1, 2)
    assert main([*argv, "--offset", "4"]) == 1  # past the last page
    assert json.loads(capsys.readouterr().out)["hits"] == []
    assert main(["--profile", cli_profile, "search", "khong co tu nay", "--json"]) == 1

"""Search across the documents on the laptop, after a real sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecabinet.client.cli import main
from ecabinet.client.search import SearchIndex
from tests.client.conftest import LiveServer, cli_login, signed_in


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
    assert best.marked().startswith("«Tài» «liệu»")
    assert index.search("khong co tu nay") == []
    assert index.search('"; DROP TABLE page_text; --') == []


def test_search_from_the_command_line(
    live_server: LiveServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = str(tmp_path / "p")
    assert cli_login(monkeypatch, profile, live_server.url) == 0
    main(["--profile", profile, "sync"])
    capsys.readouterr()
    assert main(["--profile", profile, "search", "du", "thao", "xin", "y", "kien"]) == 0
    out = capsys.readouterr().out
    assert "— trang 1:" in out
    assert "«Dự»" in out or "«Dự thảo»" in out

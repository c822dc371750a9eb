"""Two server processes on one database and one data folder, as behind a proxy: a laptop
may meet either at every request, and nothing it did or received depends on which."""

from __future__ import annotations

from pathlib import Path

from ecabinet.client import notes
from tests.factories import World
from tests.loopback import ServerProcess, free_port, signed_in


def test_a_laptop_moves_between_servers_and_loses_nothing(
    server_process: tuple[ServerProcess, World], tmp_path: Path
) -> None:
    first, world = server_process
    second = ServerProcess(first.settings, free_port())
    second.start()
    try:
        author = signed_in(first.url, tmp_path / "a")  # the session is issued by the first
        author.api.base_url = second.url
        fetched = author.sync_service().sync()  # feed and files from the second
        assert fetched.online and fetched.failed_downloads == 0 and fetched.changes_pulled > 0
        document_id = world.document_ids[1]
        shared = notes.note_on_words(
            author, document_id, 1, "highlight", "nội dung", text="Cùng xem", shared="meeting"
        )
        author.api.base_url = first.url
        assert author.sync_service().sync().mutations_pushed == 1  # sent to the first
        colleague = signed_in(second.url, tmp_path / "c", "member02")
        assert colleague.sync_service().sync().online  # and seen through the second
        seen = notes.notes_on(colleague, shared.document_version_id)
        assert [n.id for n in seen] == [shared.id]
        author.api.base_url = second.url
        again = author.sync_service().sync()  # the cursor the first gave goes on at the second
        assert again.online and again.changes_pulled <= 2
    finally:
        second.kill()

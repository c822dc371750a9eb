"""The Government Office's desktop uploads to a server whose PDF checks are all busy: it asks
again a few times, then names the file as not sent (server_busy); once a check is free the
same file goes. A real server on loopback whose real pool the test holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecabinet.client import meetings
from ecabinet.client.meetings import FileRefused, upload_checked
from ecabinet.server.core.config import Settings
from ecabinet.server.pdf_checks import PdfChecks
from tests.loopback import serving, signed_in
from tests.pdfs import make_pdf


def test_a_busy_server_is_asked_again_then_the_file_is_named_not_sent(
    server_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[PdfChecks] = []
    made = PdfChecks.for_settings

    def keep(settings: Settings) -> PdfChecks:
        pools.append(made(settings))
        return pools[-1]

    monkeypatch.setattr(PdfChecks, "for_settings", staticmethod(keep))
    monkeypatch.setattr(meetings, "BUSY_WAIT", 0.1)
    draft = tmp_path / "du-thao.pdf"
    draft.write_bytes(make_pdf(2))
    with serving(server_settings.with_changes(pdf_check_wait_seconds=0.1)) as (url, _world):
        office = signed_in(url, tmp_path / "office", "secretariat")
        (pool,) = pools
        for _ in range(pool.workers):
            assert pool._places.acquire(blocking=False)  # every check taken by others
        with pytest.raises(FileRefused) as refused:
            upload_checked(office, draft)
        assert (refused.value.name, refused.value.code) == ("du-thao.pdf", "server_busy")
        for _ in range(pool.workers):
            pool._places.release()
        assert upload_checked(office, draft).pages == 2

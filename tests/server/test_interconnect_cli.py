"""``ecabinet-server interconnect``: the watched folder (done/, refused/, and a file handled
again after a watcher stopped before moving it), the Office's inbox, assignment and outbound
queue, and the exchange's system account made by ``create-user``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ecabinet.server import models as m
from ecabinet.server.cli import main
from ecabinet.server.core.config import Settings
from tests.edxml_packages import EdxmlPackage, File
from tests.factories import World
from tests.pdfs import make_pdf
from tests.server.conftest import Api


def run(capsys: pytest.CaptureFixture[str], settings: Settings, *argv: str) -> tuple[int, str]:
    where = ("--data", str(settings.data_dir), "--database-url", settings.database_url)
    code = main([*argv, *where])
    out, err = capsys.readouterr()
    return code, out + err


def counts(api: Api) -> tuple[int, list[str]]:
    with api.db() as db:
        incoming = db.scalar(select(func.count()).select_from(m.IncomingDocument)) or 0
        codes = db.scalars(
            select(m.InterconnectStatus.status_code).order_by(m.InterconnectStatus.id)
        )
        return incoming, list(codes)


def test_the_watched_folder_sorts_packages_into_done_and_refused(
    api: Api, world: World, settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    good = EdxmlPackage().xml()
    (drop / "01-good.edxml").write_bytes(good)
    broken = EdxmlPackage(document_id="X-2", files=(File("Hong.pdf", b"", encoded="!!"),))
    (drop / "02-broken.XML").write_bytes(broken.xml())
    (drop / "notes.txt").write_text("not a package")
    code, out = run(capsys, settings, "interconnect", "watch", str(drop), "--once")
    assert code == 0, out
    assert (drop / "done" / "01-good.edxml").read_bytes() == good
    assert (drop / "refused" / "02-broken.XML").exists()
    reason = (drop / "refused" / "02-broken.XML.txt").read_text(encoding="utf-8")
    assert "Hong.pdf" in reason and "base64" in reason
    assert (drop / "notes.txt").exists()
    assert counts(api) == (1, ["01", "03", "01", "02"])

    # A watcher stopped after its commit but before the move finds the file again: the
    # package is recognised, moved, and nothing is taken or answered twice.
    (drop / "01-good.edxml").write_bytes(good)
    code, out = run(capsys, settings, "interconnect", "watch", str(drop), "--once")
    assert code == 0 and "already received" in out
    assert (drop / "done" / "01-good-1.edxml").exists()
    assert counts(api) == (1, ["01", "03", "01", "02"])


def test_a_package_over_the_limit_in_the_folder_is_refused_unread(
    api: Api,
    world: World,
    settings: Settings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    big = EdxmlPackage(files=(File("Lon.pdf", make_pdf(1) + b"%" * 300_000),))
    (drop / "big.xml").write_bytes(big.xml())
    monkeypatch.setenv("ECABINET_INTERCONNECT_MAX_BYTES", "100000")
    code, _ = run(capsys, settings, "interconnect", "watch", str(drop), "--once")
    assert code == 0
    assert "larger than the limit" in (drop / "refused" / "big.xml.txt").read_text()
    assert counts(api) == (0, [])


def test_the_office_lists_assigns_and_watches_the_queue(
    api: Api, world: World, settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "p.edxml").write_bytes(EdxmlPackage().xml())
    assert run(capsys, settings, "interconnect", "watch", str(drop), "--once")[0] == 0
    code, out = run(capsys, settings, "interconnect", "inbox")
    assert code == 0
    assert "Tờ trình số 74/TTr-BTC ngày 10/11/2026 của Bộ Tài chính" in out
    incoming_id = out.split()[0]
    code, out = run(
        capsys, settings, "interconnect", "assign", incoming_id, "--item", world.item_ids[1]
    )
    assert code == 0 and out.startswith("Document "), out
    code, out = run(capsys, settings, "interconnect", "assign", incoming_id)
    assert code == 1 and "--item or --ballot" in out
    code, out = run(capsys, settings, "interconnect", "outbox")
    assert code == 0
    assert out.splitlines()[0].split()[3:6] == ["status", "04", "waiting"]
    with api.db() as db:
        doc = db.scalars(select(m.Document).where(m.Document.origin != "")).one()
        assert (doc.agenda_item_id, doc.kind) == (world.item_ids[1], "submission")


def test_create_user_makes_the_exchange_system_account(
    api: Api,
    world: World,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("một mật khẩu đủ dài cho trục\n"))
    argv = ("create-user", "--username", "truc", "--full-name", "Trục liên thông văn bản")
    code, out = run(capsys, settings, *argv, "--roles", "exchange", "--password-stdin")
    assert code == 0, out
    with api.db() as db:
        user = db.scalars(select(m.User).where(m.User.username == "truc")).one()
        assert user.roles == ["exchange"]
    monkeypatch.setattr("sys.stdin", io.StringIO("một mật khẩu đủ dài cho trục\n"))
    argv = ("create-user", "--username", "truc2", "--full-name", "Trục")
    code, out = run(capsys, settings, *argv, "--roles", "exchange,secretariat", "--password-stdin")
    assert code == 1 and "held alone" in out

"""``ecabinet-server import-agenda FOLDER``: a draft meeting from PDFs and a manifest, checked
first, all or nothing."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from ecabinet.server import audit_verify
from ecabinet.server import models as m
from ecabinet.server.audit import load_key
from ecabinet.server.cli import main
from ecabinet.server.core.config import get_settings
from ecabinet.server.db import make_engine, make_session_factory
from ecabinet.server.pki import body_ca
from tests.pdfs import make_pdf
from tests.server.conftest import Api
from tests.server.signing_helpers import upload
from tests.server.test_meetings_api import call

MANIFEST = """\
meeting:
  title: Phiên họp Chính phủ thường kỳ tháng 12
  kind: regular
  starts_at: 2026-12-15T08:30:00+07:00
  place: Trụ sở Chính phủ
items:
  - order: 2
    title: Dự thảo Nghị định về dữ liệu
    presenter: Bộ Công an
    minutes: 40
    submission: to-trinh-2.pdf
    draft: du-thao-2.pdf
  - order: 1
    title: Báo cáo kinh tế - xã hội
    presenter: Bộ Kế hoạch và Đầu tư
    minutes: 60
    submission: bao-cao-1.pdf
  - order: 3
    title: Phương án an ninh năng lượng
    presenter: Bộ Công Thương
    paper_only: true
"""


def folder_with(tmp_path: Path, manifest: str = MANIFEST, name: str = "manifest.yaml") -> Path:
    folder = tmp_path / "phien-hop"
    folder.mkdir()
    (folder / name).write_text(manifest, encoding="utf-8")
    for file, text in (
        ("to-trinh-2.pdf", "Tờ trình Bộ Công an"),
        ("du-thao-2.pdf", "Dự thảo Nghị định về dữ liệu"),
        ("bao-cao-1.pdf", "Báo cáo kinh tế"),
    ):
        (folder / file).write_bytes(make_pdf(2, text))
    return folder


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def counts(data: Path) -> dict[str, int]:
    settings = get_settings(data)
    engine = make_engine(settings.database_url)
    with make_session_factory(engine, load_key(settings.audit_key_file))() as db:
        found = {
            name: int(db.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in (
                ("meetings", m.Meeting),
                ("items", m.AgendaItem),
                ("documents", m.Document),
                ("blobs", m.Blob),
            )
        }
        assert audit_verify.verify(db, body_ca(settings).certificate).ok
    engine.dispose()
    return found


def test_a_folder_becomes_a_draft_meeting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    folder = folder_with(tmp_path)
    code, out, err = run(capsys, monkeypatch, "import-agenda", "--data", str(data), str(folder))
    assert (code, err) == (0, "")
    assert "3 items" in out
    assert counts(data) == {"meetings": 1, "items": 3, "documents": 3, "blobs": 3}
    engine = make_engine(get_settings(data).database_url)
    with make_session_factory(engine)() as db:
        meeting = db.scalars(select(m.Meeting)).one()
        assert (meeting.status, meeting.place) == ("draft", "Trụ sở Chính phủ")
        items = db.scalars(select(m.AgendaItem).order_by(m.AgendaItem.position)).all()
        assert [(i.position, i.presenter, i.paper_only) for i in items] == [
            (1, "Bộ Kế hoạch và Đầu tư", False),
            (2, "Bộ Công an", False),
            (3, "Bộ Công Thương", True),
        ]
        kinds = sorted(d.kind for d in db.scalars(select(m.Document)))
        assert kinds == ["draft", "submission", "submission"]
        (entry,) = [a for a in db.scalars(select(m.AuditEntry)) if a.action == "meeting.import"]
        assert entry.object_id == meeting.id
    engine.dispose()


def test_a_csv_manifest_takes_the_meeting_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    csv = "order,title,presenter,minutes,paper_only,submission,draft\n"
    csv += "1,Dự thảo Nghị định,Bộ Công an,30,,to-trinh-2.pdf,du-thao-2.pdf\n"
    folder = folder_with(tmp_path, csv, "manifest.csv")
    argv = ["import-agenda", "--data", str(data), str(folder)]
    code, _out, err = run(capsys, monkeypatch, *argv)
    assert code == 1 and "no title" in err  # the CSV names no meeting
    code, _out, _err = run(
        capsys, monkeypatch, *argv, "--title", "Phiên chuyên đề", "--kind", "thematic",
        "--starts-at", "2026-12-20T14:00+07:00",
    )  # fmt: skip
    assert code == 0
    assert counts(data) == {"meetings": 1, "items": 1, "documents": 2, "blobs": 2}


def test_one_bad_file_changes_nothing_and_every_problem_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    manifest = MANIFEST.replace("bao-cao-1.pdf", "../outside.pdf") + (
        "  - order: 4\n    title: Thêm\n    draft: scan.pdf\n"
        "  - order: 5\n    title: Mật\n    paper_only: yes\n    draft: du-thao-2.pdf\n"
    )
    folder = folder_with(tmp_path, manifest)
    (folder / "scan.pdf").write_bytes(b"GIF89a not a pdf at all")
    (tmp_path / "outside.pdf").write_bytes(make_pdf(1))
    (folder / "to-trinh-2.pdf").unlink()
    code, out, err = run(capsys, monkeypatch, "import-agenda", "--data", str(data), str(folder))
    assert code == 1 and out == ""
    assert "Nothing was imported; 4 problems" in err
    for words in (
        "to-trinh-2.pdf: not found",
        "../outside.pdf: outside the folder",
        "scan.pdf: not a PDF",
        "item 5 is paper only",
    ):
        assert words in err
    assert counts(data) == {"meetings": 0, "items": 0, "documents": 0, "blobs": 0}


def test_a_broken_manifest_is_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with(tmp_path, "items: [\n  - unclosed")
    code, _out, err = run(
        capsys, monkeypatch, "import-agenda", "--data", str(tmp_path / "d"), str(folder)
    )
    assert code == 1 and "not valid YAML" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _out, err = run(
        capsys, monkeypatch, "import-agenda", "--data", str(tmp_path / "d"), str(empty)
    )
    assert code == 1 and "no manifest.yaml" in err


def test_the_desktop_builds_a_meeting_in_one_request_all_or_nothing(api: Api) -> None:
    submission = upload(api.client, api.headers("secretariat"), make_pdf(2, "Tờ trình"))
    body: dict[str, Any] = {
        "title": "Phiên họp tháng 12",
        "starts_at": "2026-12-15T08:30:00+07:00",
        "items": [
            {
                "title": "Dự thảo Nghị định",
                "presenter": "Bộ Tư pháp",
                "documents": [
                    {"kind": "submission", "title": "Tờ trình", "sha256": submission,
                     "filename": "to-trinh.pdf"},
                    {"kind": "draft", "title": "Dự thảo", "sha256": "0" * 64,
                     "filename": "du-thao.pdf"},
                ],
            },
            {"title": "Phương án mật", "paper_only": True},
        ],
    }  # fmt: skip
    before = len(call(api, "secretariat", "GET", "/meetings").json())
    refused = call(api, "secretariat", "POST", "/meetings/import", json=body)
    assert (refused.status_code, refused.json()["code"]) == (422, "not_uploaded")
    assert "du-thao.pdf" in refused.json()["detail"]
    assert len(call(api, "secretariat", "GET", "/meetings").json()) == before
    assert call(api, "member01", "POST", "/meetings/import", json=body).status_code == 403
    body["items"][0]["documents"].pop()
    made = call(api, "secretariat", "POST", "/meetings/import", json=body)
    assert made.status_code == 201, made.text
    assert made.json()["status"] == "draft"
    with api.db() as db:
        items = db.scalars(
            select(m.AgendaItem)
            .where(m.AgendaItem.meeting_id == made.json()["id"])
            .order_by(m.AgendaItem.position)
        ).all()
        assert [(i.title, i.paper_only) for i in items] == [
            ("Dự thảo Nghị định", False),
            ("Phương án mật", True),
        ]
        (doc,) = db.scalars(select(m.Document).where(m.Document.agenda_item_id == items[0].id))
        assert (doc.kind, doc.title) == ("submission", "Tờ trình")


def test_a_paper_only_item_with_a_file_is_refused_on_the_wire(api: Api) -> None:
    body = {
        "title": "Phiên họp",
        "items": [{"title": "Mật", "paper_only": True, "documents": [
            {"kind": "draft", "title": "x", "sha256": "0" * 64, "filename": "x.pdf"}]}],
    }  # fmt: skip
    r = call(api, "secretariat", "POST", "/meetings/import", json=body)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem")

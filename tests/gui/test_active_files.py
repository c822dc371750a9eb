"""The Government Office drops, or imports in a folder, a PDF that could run something: the
desktop names the file and says what was found, in Vietnamese, and nothing is attached or
made. Real widgets against a real server; screenshots at 1366x768 and 1920x1080."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.active_pdfs import embedded_executable, open_action_javascript
from tests.gui.test_office_meetings import MANIFEST, WAIT, drop_files, office_page, shown_after
from tests.loopback import LiveServer
from tests.pdfs import make_pdf
from ui.tasks import TaskManager

SIZES = ((1366, 768), (1920, 1080))


def test_a_file_that_could_run_something_is_named_in_words(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    page = office_page(qtbot, live_server, tmp_path / "s", tasks)
    page.new_meeting()
    shown_after(qtbot, page)
    page.form.title.setText("Phiên họp chuyên đề")
    page.save_button.click()
    shown_after(qtbot, page, lambda s: s.meeting is not None)
    page.agenda.title.setText("Dự thảo Nghị định")
    page.agenda.add_button.click()
    shown_after(qtbot, page, lambda s: bool(s.agenda))
    page.agenda.items.setCurrentRow(0)
    scripted = tmp_path / "du-thao-co-ma.pdf"
    scripted.write_bytes(open_action_javascript())
    with qtbot.wait_signal(page.agenda.message_shown, timeout=WAIT) as told:
        drop_files(page, [scripted])
    said = told.args[0]
    assert "du-thao-co-ma.pdf" in said and "có thể tự chạy" in said
    assert "mã lệnh tự chạy khi mở tệp" in said
    assert page.agenda.documents.count() == 0
    shots = Path(os.environ.get("ECABINET_SCREENSHOTS", tmp_path))
    page.tabs.setCurrentWidget(page.agenda)
    for width, height in SIZES:
        page.resize(width, height)
        assert page.grab().save(str(shots / f"active-content-{width}x{height}.png"))

    folder = tmp_path / "phien-hop"
    folder.mkdir()
    (folder / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "bao-cao.pdf").write_bytes(make_pdf(2, "Báo cáo"))
    (folder / "to-trinh.pdf").write_bytes(embedded_executable())
    (folder / "du-thao.pdf").write_bytes(make_pdf(1, "Dự thảo"))
    refused = lambda text: "Chưa nhập" in text  # noqa: E731
    with qtbot.wait_signal(page.message_shown, timeout=WAIT, check_params_cb=refused) as told:
        page.import_folder(folder)
    assert "• to-trinh.pdf: có nội dung có thể tự chạy" in told.args[0]
    assert "tệp đính kèm bên trong" in told.args[0]
    for width, height in SIZES:
        page.resize(width, height)
        assert page.grab().save(str(shots / f"active-folder-{width}x{height}.png"))

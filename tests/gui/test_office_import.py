"""A folder the Government Office imports, refused against a real server: every problem of the
manifest and of its files is a Vietnamese sentence that names the file (and the item), never
the command line's English or a code; nothing is made."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ecabinet.manifest import CheckLimits, ImportProblems, check_files, read_manifest
from tests.gui.test_office_meetings import WAIT, office_page
from tests.loopback import LiveServer
from tests.pdfs import make_pdf
from ui.office.file_words import refusal_words
from ui.office.meetings import OfficeMeetings
from ui.tasks import TaskManager

BROKEN_HEADER = """\
meeting:
  kind: weekly
  starts_at: 2026-12-15 08:30
items:
  - order: 1
    presenter: Bộ Tài chính
  - order: hai
    title: Dự thảo Nghị định
"""

BROKEN_FILES = """\
meeting:
  title: Phiên họp chuyên đề xây dựng pháp luật
  starts_at: 2027-01-08T14:00:00+07:00
items:
  - order: 1
    title: Tờ trình về chương trình xây dựng luật
    submission: bao-cao.pdf
  - order: 1
    title: Dự thảo Nghị định
    submission: ../ngoai-thu-muc.pdf
    draft: du-thao.pdf
  - order: 3
    title: Phương án mật
    paper_only: yes
    draft: mat.pdf
"""


def refused(qtbot: QtBot, page: OfficeMeetings, folder: Path) -> list[str]:
    """The lines of the refusal the screen shows for ``folder``, after its heading."""
    with qtbot.wait_signal(
        page.message_shown, timeout=WAIT, check_params_cb=lambda t: "Chưa nhập" in t
    ) as told:
        page.import_folder(folder)
    text: str = told.args[0]
    assert page.note.text() == text  # shown on the screen, not only sent
    return text.splitlines()[1:]


def english(folder: Path) -> list[str]:
    """The command line's sentences for the same folder: none may reach the screen."""
    try:
        check_files(folder, read_manifest(folder), CheckLimits())
    except ImportProblems as problems:
        return problems.problems
    return []


def test_every_import_problem_is_a_vietnamese_sentence_naming_its_file(
    qtbot: QtBot, live_server: LiveServer, tmp_path: Path, tasks: TaskManager
) -> None:
    page = office_page(qtbot, live_server, tmp_path / "s", tasks)
    page.form.title.clear()  # the form gives no title: the manifest must
    before = page.list.count()

    empty = tmp_path / "trong"
    empty.mkdir()
    (line,) = refused(qtbot, page, empty)
    assert line == (
        "• Thư mục “trong” không có tệp danh sách (manifest.yaml hoặc manifest.csv) cho biết "
        "phiên họp gồm những nội dung và tệp nào."
    )

    folder = tmp_path / "phien-hop-12"
    folder.mkdir()
    (folder / "manifest.yaml").write_text("items: [\n  - chưa đóng", encoding="utf-8")
    (line,) = refused(qtbot, page, folder)
    assert line.startswith("• Tệp manifest.yaml viết sai cách ghi ở dòng 2: hãy kiểm tra")

    (folder / "manifest.yaml").write_text(BROKEN_HEADER, encoding="utf-8")
    lines = refused(qtbot, page, folder)
    assert lines == [
        "• Nội dung thứ 1 trong tệp manifest.yaml chưa có tên.",
        "• Nội dung thứ 2 trong tệp manifest.yaml: số thứ tự và số phút phải là số nguyên.",
        # The form's kind and time stand for the manifest's: no word about them here.
        "• Phiên họp chưa có tên: hãy ghi tên trong tệp manifest.yaml (dòng “title:” dưới "
        "“meeting:”) hoặc nhập vào ô “Tên phiên họp” rồi nhập lại thư mục.",
    ]

    (folder / "manifest.yaml").write_text(BROKEN_FILES, encoding="utf-8")
    (folder / "bao-cao.pdf").write_bytes(b"GIF89a not a pdf")
    (folder / "mat.pdf").write_bytes(make_pdf(1))
    (tmp_path / "ngoai-thu-muc.pdf").write_bytes(make_pdf(1))
    lines = refused(qtbot, page, folder)
    assert lines == [
        "• Có hai nội dung cùng số thứ tự 1: mỗi nội dung cần một số riêng.",
        "• bao-cao.pdf: không phải tệp PDF",
        "• ../ngoai-thu-muc.pdf: tệp nằm ngoài thư mục phiên họp; hãy chép tệp vào thư mục.",
        "• du-thao.pdf: không có tệp này trong thư mục; hãy kiểm tra tên tệp đã ghi.",
        "• Nội dung thứ 3 là tài liệu mật chỉ phát bản giấy nhưng lại ghi tên tệp: hãy bỏ tên "
        "tệp hoặc bỏ dấu “chỉ bản giấy”.",
    ]
    for sentence in english(folder):
        assert sentence not in "\n".join(lines)
    page.reload()
    qtbot.waitUntil(lambda: page.list.count() == before, timeout=WAIT)  # nothing was made


def test_the_kind_and_time_a_manifest_gives_are_named_as_written(
    qapp: QApplication, tmp_path: Path
) -> None:
    (tmp_path / "manifest.yaml").write_text(BROKEN_HEADER, encoding="utf-8")
    with pytest.raises(ImportProblems) as problems:
        read_manifest(tmp_path)  # as the command line reads it: nothing from a form
    lines = refusal_words(problems.value).splitlines()
    assert lines[0] == "Chưa nhập gì; cần sửa thư mục (5 vấn đề):"
    assert lines[3:5] == [
        "• Tệp manifest.yaml ghi loại phiên họp “weekly”, không có loại này: hãy ghi regular "
        "(thường kỳ), thematic (chuyên đề) hoặc extraordinary (bất thường).",
        "• Tệp manifest.yaml ghi thời gian bắt đầu “2026-12-15 08:30” mà chưa có múi giờ: hãy "
        "thêm +07:00 (giờ Hà Nội).",
    ]

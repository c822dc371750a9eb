"""Why a PDF cannot be attached or a folder cannot become a meeting, in the Government Office's
words: each problem a sentence a clerk reads, naming the file (and the item) it is about,
never a code. Shown as soon as a file is dropped or a folder is imported. GUI thread (words
only)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.client.api import ApiProblem, Offline
from ecabinet.client.meetings import FileRefused
from ecabinet.manifest import ImportProblems, Problem
from ecabinet.pdf import active
from ui.decisions.problems import problem_words

FILE_PROBLEMS = {
    "not_a_pdf": QT_TRANSLATE_NOOP("FileWords", "không phải tệp PDF"),
    "unsupported_media_type": QT_TRANSLATE_NOOP("FileWords", "không phải tệp PDF"),
    "encrypted": QT_TRANSLATE_NOOP(
        "FileWords", "được mã hoá (có mật khẩu): hãy gửi bản không đặt mật khẩu"
    ),
    "too_large": QT_TRANSLATE_NOOP("FileWords", "quá lớn (tối đa 200 MB)"),
    "damaged": QT_TRANSLATE_NOOP("FileWords", "bị hỏng, không mở được"),
    "too_complex": QT_TRANSLATE_NOOP("FileWords", "quá phức tạp để kiểm tra an toàn"),
    "server_busy": QT_TRANSLATE_NOOP(
        "FileWords", "chưa gửi được: máy chủ đang bận kiểm tra tệp khác, hãy thử lại sau ít phút"
    ),
    "active_content": QT_TRANSLATE_NOOP(
        "FileWords",
        "có nội dung có thể tự chạy trên máy của thành viên ({found}): hãy in lại tài liệu "
        "ra PDF rồi gửi lại",
    ),
}
# What is wrong with the folder or its manifest (ecabinet.manifest's codes); {name} is the
# file, {item} the item's number (or the manifest's line), {value} what was written.
FOLDER_PROBLEMS = {
    "no_manifest": QT_TRANSLATE_NOOP(
        "FileWords",
        "Thư mục “{name}” không có tệp danh sách (manifest.yaml hoặc manifest.csv) cho biết "
        "phiên họp gồm những nội dung và tệp nào.",
    ),
    "not_utf8": QT_TRANSLATE_NOOP(
        "FileWords", "Tệp {name} không đọc được chữ: hãy lưu lại tệp với bảng mã UTF-8."
    ),
    "bad_yaml": QT_TRANSLATE_NOOP(
        "FileWords",
        "Tệp {name} viết sai cách ghi ở dòng {item}: hãy kiểm tra dấu hai chấm, dấu gạch đầu "
        "dòng và khoảng thụt lề.",
    ),
    "no_items_list": QT_TRANSLATE_NOOP(
        "FileWords", "Tệp {name} cần có danh sách các nội dung dưới dòng “items:”."
    ),
    "not_a_number": QT_TRANSLATE_NOOP(
        "FileWords",
        "Nội dung thứ {item} trong tệp {name}: số thứ tự và số phút phải là số nguyên.",
    ),
    "item_untitled": QT_TRANSLATE_NOOP(
        "FileWords", "Nội dung thứ {item} trong tệp {name} chưa có tên."
    ),
    "unknown_kind": QT_TRANSLATE_NOOP(
        "FileWords",
        "Tệp {name} ghi loại phiên họp “{value}”, không có loại này: hãy ghi regular (thường "
        "kỳ), thematic (chuyên đề) hoặc extraordinary (bất thường).",
    ),
    "bad_time": QT_TRANSLATE_NOOP(
        "FileWords",
        "Tệp {name} ghi thời gian bắt đầu “{value}”, không phải ngày giờ: hãy ghi theo mẫu "
        "2026-12-15T08:30+07:00.",
    ),
    "no_zone": QT_TRANSLATE_NOOP(
        "FileWords",
        "Tệp {name} ghi thời gian bắt đầu “{value}” mà chưa có múi giờ: hãy thêm +07:00 (giờ "
        "Hà Nội).",
    ),
    "meeting_untitled": QT_TRANSLATE_NOOP(
        "FileWords",
        "Phiên họp chưa có tên: hãy ghi tên trong tệp {name} (dòng “title:” dưới “meeting:”) "
        "hoặc nhập vào ô “Tên phiên họp” rồi nhập lại thư mục.",
    ),
    "no_items": QT_TRANSLATE_NOOP("FileWords", "Tệp {name} chưa liệt kê nội dung nào."),
    "same_order": QT_TRANSLATE_NOOP(
        "FileWords", "Có hai nội dung cùng số thứ tự {item}: mỗi nội dung cần một số riêng."
    ),
    "paper_with_files": QT_TRANSLATE_NOOP(
        "FileWords",
        "Nội dung thứ {item} là tài liệu mật chỉ phát bản giấy nhưng lại ghi tên tệp: hãy bỏ "
        "tên tệp hoặc bỏ dấu “chỉ bản giấy”.",
    ),
    "outside": QT_TRANSLATE_NOOP(
        "FileWords", "{name}: tệp nằm ngoài thư mục phiên họp; hãy chép tệp vào thư mục."
    ),
    "missing": QT_TRANSLATE_NOOP(
        "FileWords", "{name}: không có tệp này trong thư mục; hãy kiểm tra tên tệp đã ghi."
    ),
    "not_uploaded": QT_TRANSLATE_NOOP(
        "FileWords", "{name}: tệp chưa được tải lên máy chủ; hãy nhập lại thư mục."
    ),
}
# What was found, as the check names it (ecabinet.pdf.active).
ACTIVE_KINDS = {
    active.JAVASCRIPT: QT_TRANSLATE_NOOP("FileWords", "mã lệnh tự chạy khi mở tệp"),
    active.LAUNCH: QT_TRANSLATE_NOOP("FileWords", "lệnh mở chương trình"),
    active.EMBEDDED_FILE: QT_TRANSLATE_NOOP("FileWords", "tệp đính kèm bên trong"),
    active.SUBMIT_FORM: QT_TRANSLATE_NOOP("FileWords", "biểu mẫu gửi dữ liệu ra ngoài"),
    active.IMPORT_DATA: QT_TRANSLATE_NOOP("FileWords", "lệnh nhập dữ liệu từ tệp khác"),
    active.OTHER_FILE: QT_TRANSLATE_NOOP("FileWords", "liên kết mở tệp khác"),
    active.RICH_MEDIA: QT_TRANSLATE_NOOP("FileWords", "nội dung đa phương tiện hoặc 3D"),
    active.NON_WEB_LINK: QT_TRANSLATE_NOOP("FileWords", "liên kết không phải địa chỉ web"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileWords", text)


def file_words(name: str, code: str, found: tuple[str, ...] = ()) -> str:
    """One refused file, named, with the reason in words."""
    reason = FILE_PROBLEMS.get(code)
    if reason is None:
        return QCoreApplication.translate("FileWords", "{name}: tệp này không dùng được.").format(
            name=name
        )
    kinds = ", ".join(_tr(str(ACTIVE_KINDS[k])) if k in ACTIVE_KINDS else k for k in found)
    words = _tr(str(reason))
    if code == "active_content":
        words = words.format(
            found=kinds or QCoreApplication.translate("FileWords", "không rõ loại")
        )
    return f"{name}: {words}"


def folder_problem_words(problem: Problem) -> str:
    """One problem of an imported folder, as a sentence naming its file."""
    sentence = FOLDER_PROBLEMS.get(problem.code)
    if problem.code == "bad_yaml" and not problem.item:
        return QCoreApplication.translate(
            "FileWords", "Tệp {name} viết sai cách ghi: hãy kiểm tra dấu hai chấm và thụt lề."
        ).format(name=problem.name)
    if sentence is not None:
        return _tr(str(sentence)).format(name=problem.name, item=problem.item, value=problem.value)
    return file_words(problem.name, problem.code, problem.found)


def refusal_words(error: BaseException) -> str:
    """A refused file or folder, named, with the reason in words; the server's refusals in
    the Office's words (ui.decisions.problems)."""
    if isinstance(error, FileRefused):
        return file_words(error.name, error.code, error.found)
    if isinstance(error, ImportProblems):
        head = QCoreApplication.translate(
            "FileWords", "Chưa nhập gì; cần sửa thư mục ({count} vấn đề):"
        ).format(count=len(error.found))
        return "\n".join([head, *(f"• {folder_problem_words(p)}" for p in error.found)])
    if isinstance(error, Offline):
        return QCoreApplication.translate(
            "FileWords", "chưa kết nối được máy chủ; hãy thử lại khi có mạng."
        )
    if isinstance(error, ApiProblem):
        return problem_words(error)
    return str(error)

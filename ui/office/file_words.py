"""Why a PDF cannot be attached, in the Government Office's words, shown as soon as it is
dropped or a folder is imported. GUI thread (words only)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.client.meetings import FileRefused
from ecabinet.manifest import FileProblem, ImportProblems
from ecabinet.pdf import active

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
    """One refused file, named, with the reason in words (an unknown code as it is)."""
    reason = FILE_PROBLEMS.get(code)
    if reason is None:
        return f"{name}: {code}"
    kinds = ", ".join(_tr(str(ACTIVE_KINDS[k])) if k in ACTIVE_KINDS else k for k in found)
    words = _tr(str(reason))
    if code == "active_content":
        words = words.format(found=kinds or _tr("không rõ loại"))
    return f"{name}: {words}"


def _problem_words(error: ImportProblems, index: int, text: str) -> str:
    refused: FileProblem | None = error.files.get(index)
    if refused is None or refused.code not in FILE_PROBLEMS:
        return text
    return file_words(refused.name, refused.code, refused.found)


def refusal_words(error: BaseException) -> str:
    """A refused file or folder, named, with the reason in words; other errors as they are."""
    if isinstance(error, FileRefused):
        return file_words(error.name, error.code, error.found)
    if isinstance(error, ImportProblems):
        head = QCoreApplication.translate(
            "FileWords", "Chưa nhập gì; cần sửa thư mục ({count} vấn đề):"
        ).format(count=len(error.problems))
        lines = [_problem_words(error, i, p) for i, p in enumerate(error.problems)]
        return "\n".join([head, *(f"• {line}" for line in lines)])
    return str(error)

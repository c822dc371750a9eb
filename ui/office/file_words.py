"""Why a PDF cannot be attached, in the Government Office's words, shown as soon as it is
dropped."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.client.meetings import FileRefused
from ecabinet.manifest import ImportProblems

FILE_PROBLEMS = {
    "not_a_pdf": QT_TRANSLATE_NOOP("FileWords", "không phải tệp PDF"),
    "unsupported_media_type": QT_TRANSLATE_NOOP("FileWords", "không phải tệp PDF"),
    "encrypted": QT_TRANSLATE_NOOP(
        "FileWords", "được mã hoá (có mật khẩu): hãy gửi bản không đặt mật khẩu"
    ),
    "too_large": QT_TRANSLATE_NOOP("FileWords", "quá lớn (tối đa 200 MB)"),
    "damaged": QT_TRANSLATE_NOOP("FileWords", "bị hỏng, không mở được"),
    "too_complex": QT_TRANSLATE_NOOP("FileWords", "quá phức tạp để kiểm tra an toàn"),
}


def refusal_words(error: BaseException) -> str:
    """A refused file or folder, named, with the reason in words; other errors as they are."""
    if isinstance(error, FileRefused):
        reason = FILE_PROBLEMS.get(error.code)
        words = QCoreApplication.translate("FileWords", str(reason)) if reason else error.code
        return f"{error.name}: {words}"
    if isinstance(error, ImportProblems):
        head = QCoreApplication.translate(
            "FileWords", "Chưa nhập gì; cần sửa thư mục ({count} vấn đề):"
        ).format(count=len(error.problems))
        return "\n".join([head, *(f"• {p}" for p in error.problems)])
    return str(error)

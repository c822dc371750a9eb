"""The server's refusals in the chair's and the Government Office's words."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.client.api import ApiProblem, Offline

PROBLEMS = {
    "no_quorum": QT_TRANSLATE_NOOP(
        "VoteConsole",
        "Chưa đủ số thành viên có mặt: cần ít nhất hai phần ba tổng số thành viên.",
    ),
    "invalid_state": QT_TRANSLATE_NOOP(
        "VoteConsole",
        "Chỉ mở biểu quyết khi phiên họp đang diễn ra và nội dung chưa được biểu quyết.",
    ),
    "not_held": QT_TRANSLATE_NOOP(
        "VoteConsole",
        "Chỉ lập biên bản cho phiên họp đã được tổ chức: phiên họp phải đã khai mạc và đã kết "
        "thúc.",
    ),
    "not_consent": QT_TRANSLATE_NOOP(
        "VoteConsole",
        "Có nội dung không còn đủ điều kiện thông qua không thảo luận (có ý kiến phản đối, đăng "
        "ký phát biểu hoặc đề nghị thảo luận). Hãy cập nhật danh sách.",
    ),
    "forbidden": QT_TRANSLATE_NOOP(
        "VoteConsole",
        "Tài khoản này không có quyền làm việc này (việc của Chủ trì hoặc Văn phòng).",
    ),
}


def problem_words(error: BaseException) -> str:
    """The server's refusal in the chair's words (its English detail only when unknown)."""
    if isinstance(error, ApiProblem):
        known = PROBLEMS.get(error.code)
        return QCoreApplication.translate("VoteConsole", str(known)) if known else error.detail
    if isinstance(error, Offline):
        return QCoreApplication.translate(
            "VoteConsole", "Cần kết nối máy chủ để điều hành biểu quyết."
        )
    return str(error)

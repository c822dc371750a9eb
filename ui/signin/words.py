"""Why signing in did not work, in words a minister reads (Vietnamese): a wrong password, an
address that is not a server's, a plain HTTP server asked for HTTPS, a server that is down.
The address is checked by the command line's own rule (ecabinet.client.reach). Pure
functions; any thread (the dialog calls them on the GUI thread).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.client.api import ApiProblem, Offline
from ecabinet.client.reach import Unreachable
from ecabinet.client.store import ServerDataError

# Why the server could not be reached; {where} is its host and port, {host} its name.
UNREACHABLE = {
    Unreachable.PLAIN_HTTP: QT_TRANSLATE_NOOP(
        "SignIn",
        "Máy chủ {where} trả lời bằng http chứ không phải https. Nếu đây là máy chủ thử "
        "nghiệm, hãy ghi địa chỉ http://{where}; nếu không, hãy báo bộ phận kỹ thuật.",
    ),
    Unreachable.REFUSED: QT_TRANSLATE_NOOP(
        "SignIn",
        "Máy chủ {where} không trả lời: máy chủ có thể đang tắt, hoặc địa chỉ chưa đúng. Hãy "
        "kiểm tra địa chỉ, hoặc thử lại sau ít phút.",
    ),
    Unreachable.UNKNOWN_NAME: QT_TRANSLATE_NOOP(
        "SignIn",
        "Không tìm thấy máy chủ có tên {host}. Hãy kiểm tra địa chỉ máy chủ và kết nối mạng.",
    ),
    Unreachable.NO_ANSWER: QT_TRANSLATE_NOOP(
        "SignIn",
        "Máy chủ {where} không trả lời kịp. Hãy kiểm tra kết nối mạng và địa chỉ máy chủ.",
    ),
    Unreachable.SLOW: QT_TRANSLATE_NOOP(
        "SignIn", "Máy chủ {where} trả lời quá chậm. Vui lòng thử lại sau ít phút."
    ),
    Unreachable.UNTRUSTED: QT_TRANSLATE_NOOP(
        "SignIn",
        "Chứng chỉ bảo mật của máy chủ {where} không đáng tin cậy nên máy không đăng nhập. "
        "Hãy báo bộ phận kỹ thuật.",
    ),
    Unreachable.CLOSED: QT_TRANSLATE_NOOP(
        "SignIn",
        "Máy chủ {where} ngắt kết nối mà không trả lời. Nếu máy chủ dùng https, hãy ghi địa "
        "chỉ https://{where}.",
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignIn", text)


def bad_address(typed: str) -> str:
    """What was typed is not a server's address (ecabinet.client.reach.BadAddress)."""
    return QCoreApplication.translate(
        "SignIn",
        "“{typed}” không phải địa chỉ máy chủ. Hãy ghi theo dạng https://tên-máy-chủ, ví dụ "
        "https://ecabinet.chinhphu.vn.",
    ).format(typed=typed.strip())


def sign_in_problem(error: BaseException, server: str = "") -> str:
    """What went wrong signing in to ``server`` (the address as checked)."""
    if isinstance(error, ApiProblem):
        if error.code == "bad_credentials":
            return QCoreApplication.translate("SignIn", "Sai cơ quan, tên đăng nhập hoặc mật khẩu.")
        if error.status == 429:
            return QCoreApplication.translate(
                "SignIn", "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."
            )
        return QCoreApplication.translate("SignIn", "Máy chủ từ chối đăng nhập: {reason}").format(
            reason=error.detail or error.code
        )
    if isinstance(error, Offline):
        words = UNREACHABLE.get(error.why)
        if words is None:
            return QCoreApplication.translate(
                "SignIn",
                "Không kết nối được máy chủ. Hãy kiểm tra địa chỉ máy chủ và kết nối mạng.",
            )
        parts = urlsplit(server)
        return _tr(str(words)).format(where=parts.netloc or server, host=parts.hostname or server)
    if isinstance(error, ServerDataError):
        return QCoreApplication.translate(
            "SignIn", "Máy chủ trả lời không hợp lệ; dữ liệu trên máy không bị thay đổi."
        )
    return QCoreApplication.translate("SignIn", "Không đăng nhập được: {error}").format(error=error)

"""Names of the domain's values as the member reads them (Vietnamese; English when translated).

One place, so a meeting kind or a document state is worded the same on every screen.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.client.library import DocumentEntry
from ecabinet.domain import DocumentKind, ItemStatus, MeetingKind, MeetingStatus
from ecabinet.pdf.xfdf_problems import XfdfError, XfdfProblem
from ecabinet.signing.pin import SigningCancelled, TokenError, TokenLocked
from ecabinet.wire.text import Unsafe, UnsafeText
from ui.style import tokens


def translate(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


MEETING_KINDS = {
    MeetingKind.REGULAR: QT_TRANSLATE_NOOP("Labels", "Phiên họp thường kỳ"),
    MeetingKind.THEMATIC: QT_TRANSLATE_NOOP("Labels", "Phiên họp chuyên đề"),
    MeetingKind.EXTRAORDINARY: QT_TRANSLATE_NOOP("Labels", "Phiên họp bất thường"),
}
MEETING_STATUSES = {
    MeetingStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Đang chuẩn bị"),
    MeetingStatus.PUBLISHED: QT_TRANSLATE_NOOP("Labels", "Đã gửi tài liệu"),
    MeetingStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "Đang họp"),
    MeetingStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Đã kết thúc"),
}
ITEM_STATUSES = {
    ItemStatus.PENDING: QT_TRANSLATE_NOOP("Labels", "Chưa thảo luận"),
    ItemStatus.DISCUSSING: QT_TRANSLATE_NOOP("Labels", "Đang thảo luận"),
    ItemStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Đã xong"),
}
DOCUMENT_KINDS = {
    DocumentKind.SUBMISSION: QT_TRANSLATE_NOOP("Labels", "Tờ trình"),
    DocumentKind.DRAFT: QT_TRANSLATE_NOOP("Labels", "Dự thảo"),
    DocumentKind.REPORT: QT_TRANSLATE_NOOP("Labels", "Báo cáo"),
    DocumentKind.APPENDIX: QT_TRANSLATE_NOOP("Labels", "Phụ lục"),
    DocumentKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Tài liệu"),
}


def meeting_kind(kind: MeetingKind) -> str:
    return translate(str(MEETING_KINDS[kind]))


def meeting_status(status: MeetingStatus) -> str:
    return translate(str(MEETING_STATUSES[status]))


def meeting_tone(status: MeetingStatus) -> str:
    """The tone of a meeting's status chip (ui/style/tokens.py)."""
    return {
        MeetingStatus.PUBLISHED: tokens.ACCENT,
        MeetingStatus.IN_PROGRESS: tokens.OK,
    }.get(status, tokens.NEUTRAL)


def item_status(status: ItemStatus) -> str:
    return translate(str(ITEM_STATUSES[status]))


def item_tone(status: ItemStatus) -> str:
    """The tone of an agenda item's status chip: the one under discussion stands out."""
    return {ItemStatus.DISCUSSING: tokens.OK, ItemStatus.CLOSED: tokens.ACCENT}.get(
        status, tokens.NEUTRAL
    )


def document_kind(kind: DocumentKind) -> str:
    return translate(str(DOCUMENT_KINDS[kind]))


def document_state(entry: DocumentEntry) -> str:
    """'Có trên máy', 'Đang tải 45%', 'Chưa tải về', 'Chưa có tệp'."""
    if entry.version is None:
        return QCoreApplication.translate("Labels", "Chưa có tệp")
    if entry.present:
        return QCoreApplication.translate("Labels", "Có trên máy")
    if entry.downloading:
        return QCoreApplication.translate("Labels", "Đang tải {percent}%").format(
            percent=int(100 * entry.fraction)
        )
    return QCoreApplication.translate("Labels", "Chưa tải về")


def freshness(entry: DocumentEntry) -> str:
    """Marked until read: 'Dự thảo v2 thay thế v1', 'Mới'; '' once read."""
    if not entry.unread:
        return ""
    if entry.replaced:
        return QCoreApplication.translate("Labels", "{kind} v{new} thay thế v{old}").format(
            kind=document_kind(entry.document.kind), new=entry.number, old=entry.number - 1
        )
    return freshness_new()


def freshness_new() -> str:
    """The mark of a paper new to the member (not a replaced one)."""
    return QCoreApplication.translate("Labels", "Mới")


UNSAFE_CHARACTERS = {
    Unsafe.BIDI: QT_TRANSLATE_NOOP("Labels", "một ký tự ẩn làm đảo chiều hiển thị của chữ"),
    Unsafe.CONTROL: QT_TRANSLATE_NOOP("Labels", "một ký tự điều khiển không hiển thị"),
    Unsafe.NONCHARACTER: QT_TRANSLATE_NOOP("Labels", "một ký tự không hợp lệ"),
    Unsafe.SURROGATE: QT_TRANSLATE_NOOP("Labels", "một ký tự bị hỏng"),
    Unsafe.INVISIBLE: QT_TRANSLATE_NOOP("Labels", "một ký tự vô hình"),
}

UNSAFE_TEXT = QT_TRANSLATE_NOOP(
    "Labels",
    "Nội dung có {what} (ở ký tự thứ {position}), có thể làm chữ hiển thị khác với "
    "nội dung thật. Đồng chí hãy xoá ký tự đó hoặc gõ lại đoạn này.",
)

XFDF_PROBLEMS = {
    XfdfProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "Labels", "tệp quá lớn so với một tệp ghi chú nên không được đọc."
    ),
    XfdfProblem.ENTITIES: QT_TRANSLATE_NOOP(
        "Labels",
        "tệp có những khai báo đặc biệt mà một tệp ghi chú không bao giờ cần; chúng có thể "
        "che giấu một cuộc tấn công, nên tệp không được đọc.",
    ),
    XfdfProblem.NOT_XML: QT_TRANSLATE_NOOP("Labels", "tệp bị hỏng hoặc không phải là tệp ghi chú."),
    XfdfProblem.NOT_XFDF: QT_TRANSLATE_NOOP(
        "Labels", "tệp không phải là tệp ghi chú của trình đọc PDF."
    ),
    XfdfProblem.NO_SUCH_PAGE: QT_TRANSLATE_NOOP(
        "Labels", "tệp có ghi chú ở trang {page}, tài liệu này không có trang đó."
    ),
    XfdfProblem.DAMAGED: QT_TRANSLATE_NOOP(
        "Labels", "tệp bị hỏng: có ghi chú không ghi rõ trang hoặc vị trí."
    ),
}

TOKEN_LOCKED = QT_TRANSLATE_NOOP(
    "Labels",
    "thiết bị ký số đã bị khoá vì nhập sai mã PIN quá số lần cho phép; chưa có gì được ký. "
    "Đồng chí hãy liên hệ bộ phận công nghệ thông tin của cơ quan để mở khoá.",
)
TOKEN_UNUSABLE = QT_TRANSLATE_NOOP(
    "Labels",
    "không dùng được thiết bị ký số; chưa có gì được ký. Hãy kiểm tra thiết bị đã được cắm "
    "vào máy, rồi thử lại.",
)
SIGNING_CANCELLED = QT_TRANSLATE_NOOP("Labels", "đã huỷ nhập mã PIN; chưa có gì được ký.")

SIGNED_FOR_THE_LONG_TERM = QT_TRANSLATE_NOOP(
    "Labels",
    "Chữ ký có dấu thời gian và dữ liệu kiểm tra chứng thư (PAdES B-LT), kiểm chứng được lâu dài.",
)
SIGNED_WITHOUT_TIMESTAMP = QT_TRANSLATE_NOOP(
    "Labels",
    "Không kết nối được máy chủ hoặc dịch vụ cấp dấu thời gian nên chữ ký chưa có dấu thời "
    "gian (PAdES B-B).",
)


def signature_words(level: str) -> str:
    """How long a signature of ``level`` (ecabinet.signing.pades.pades_level) holds up."""
    return translate(str(SIGNED_WITHOUT_TIMESTAMP if level == "B-B" else SIGNED_FOR_THE_LONG_TERM))


def error_words(error: BaseException) -> str:
    """Why an act was not kept, in the member's words where we know them."""
    if isinstance(error, UnsafeText):
        return translate(str(UNSAFE_TEXT)).format(
            what=translate(str(UNSAFE_CHARACTERS[error.kind])), position=error.position
        )
    if isinstance(error, TokenLocked):  # before TokenError: it is one
        return translate(str(TOKEN_LOCKED))
    if isinstance(error, TokenError):
        return translate(str(TOKEN_UNUSABLE))
    if isinstance(error, SigningCancelled):
        return translate(str(SIGNING_CANCELLED))
    if isinstance(error, XfdfError):  # nothing was imported; the file is named by the caller
        return translate(str(XFDF_PROBLEMS[error.problem])).format(page=error.page)
    return str(error)

"""Each entry of the record ("Nhật ký hoạt động") said as a sentence that names people and
things, never a code, an id or a certificate serial: one sentence for every kind of act the
server records (ecabinet.wire.record.AUDIT_ACTIONS), in the interface's language.
GUI thread (translations are read there).
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ecabinet.wire.record import AuditRow

_C = "RecordSentences"  # the context; lupdate reads only literal contexts below

# {actor}: who did it, "Name (Title)"; {object}: the name of what was acted on (the row's
# object_name); {present}, {agree}: numbers the server recorded with the act.
SENTENCES: dict[str, object] = {  # QT_TRANSLATE_NOOP is typed as object
    "auth.login": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã đăng nhập trên máy “{object}”"),
    "auth.logout": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã đăng xuất khỏi máy “{object}”"),
    "pki.issue": QT_TRANSLATE_NOOP("RecordSentences", "Đã cấp chứng thư số cho {actor}"),
    "pki.import": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã đăng ký chứng thư số của thiết bị ký số"
    ),
    "user.create": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã tạo tài khoản cho {object}"),
    "user.update": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã sửa thông tin tài khoản của {object}"
    ),
    "user.reset_password": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã đặt lại mật khẩu cho {object}"
    ),
    "device.revoke": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã thu hồi quyền truy cập của máy “{object}”"
    ),
    "meeting.create": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã tạo phiên họp “{object}”"),
    "meeting.update": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã sửa thông tin phiên họp “{object}”"
    ),
    "meeting.invite": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã mời dự phiên họp “{object}”"
    ),
    "meeting.import": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã nhập chương trình phiên họp “{object}” từ thư mục"
    ),
    "meeting.publish": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã gửi tài liệu phiên họp “{object}” tới người được mời"
    ),
    "meeting.start": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã bắt đầu phiên họp “{object}”"
    ),
    "meeting.close": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã kết thúc phiên họp “{object}”"
    ),
    "meeting.attendance": QT_TRANSLATE_NOOP(
        "RecordSentences",
        "{actor} đã ghi điểm danh phiên họp “{object}”: có mặt {present} thành viên",
    ),
    "attendance.open": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã mở điểm danh phiên họp “{object}”"
    ),
    "attendance.close": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã kết thúc điểm danh phiên họp “{object}”"
    ),
    "attendance.check_in": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã điểm danh có mặt"),
    "item.add": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã thêm nội dung “{object}” vào chương trình họp"
    ),
    "item.update": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã sửa nội dung “{object}”"),
    "item.delete": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã xoá một nội dung khỏi chương trình họp"
    ),
    "item.reorder": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã sắp xếp lại chương trình phiên họp “{object}”"
    ),
    "item.discuss": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã đưa nội dung “{object}” ra thảo luận"
    ),
    "conclusion.add": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã ghi kết luận nội dung “{object}”"
    ),
    "document.add": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã thêm tài liệu “{object}”"),
    "document.replace": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã thay tài liệu “{object}” bằng bản mới"
    ),
    "document.update": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã sửa thông tin tài liệu “{object}”"
    ),
    "document.read": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã đọc một tài liệu"),
    "blob.upload": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã tải lên một tệp tài liệu"),
    "annotation.put": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã lưu một ghi chú trên tài liệu"
    ),
    "annotation.delete": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã xoá một ghi chú"),
    "ballot.create": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã soạn “{object}”"),
    "ballot.update": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã sửa “{object}”"),
    "ballot.send": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã gửi “{object}” tới các thành viên"
    ),
    "ballot.remind": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã nhắc các thành viên trả lời “{object}”"
    ),
    "ballot.close": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã kết thúc lấy ý kiến “{object}”"
    ),
    "ballot.respond": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã trả lời phiếu lấy ý kiến"),
    "reply.archive": QT_TRANSLATE_NOOP(
        "RecordSentences",
        "Máy chủ đã đóng dấu thời gian lưu trữ cho phiếu trả lời “{object}” của {actor}",
    ),
    "position.set": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã cho ý kiến trước về một nội dung phiên họp"
    ),
    "vote.open": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã mở biểu quyết nội dung “{object}”"
    ),
    "vote.close": QT_TRANSLATE_NOOP(
        "RecordSentences",
        "{actor} đã kết thúc biểu quyết nội dung “{object}”: {agree} thành viên tán thành",
    ),
    "vote.cast": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã biểu quyết"),
    "speaker.request": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã đăng ký phát biểu"),
    "speaker.withdraw": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã rút đăng ký phát biểu"),
    "speaker.start": QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã mời {object} phát biểu"),
    "speaker.end": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã kết thúc lượt phát biểu của {object}"
    ),
    "consent.pull": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã đề nghị đưa nội dung “{object}” ra thảo luận"
    ),
    "consent.adopt": QT_TRANSLATE_NOOP(
        "RecordSentences",
        "{actor} đã thông qua các nội dung không thảo luận của phiên họp “{object}”",
    ),
    "interconnect.receive": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã chuyển đến văn bản “{object}” qua trục liên thông văn bản"
    ),
    "interconnect.refuse": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã chuyển đến một gói tin bị từ chối tiếp nhận"
    ),
    "interconnect.assign": QT_TRANSLATE_NOOP(
        "RecordSentences", "{actor} đã phân công văn bản đến “{object}”"
    ),
    "interconnect.issue": QT_TRANSLATE_NOOP(
        "RecordSentences",
        "{actor} đã gửi kết quả “{object}” đến cơ quan trình qua trục liên thông văn bản",
    ),
}
# Said when the server sends a kind this desktop is too old to know: still words, no code.
UNKNOWN = QT_TRANSLATE_NOOP("RecordSentences", "{actor} đã thực hiện một thao tác")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def actor_words(row: AuditRow) -> str:
    """ "Nguyễn Văn A (Bộ trưởng Bộ Tài chính)"; the system itself when nobody acted."""
    if not row.actor_name:
        return QCoreApplication.translate("RecordSentences", "Hệ thống")
    return f"{row.actor_name} ({row.actor_title})" if row.actor_title else row.actor_name


def sentence(row: AuditRow) -> str:
    """The entry as one sentence in the interface's language."""
    values: defaultdict[str, str] = defaultdict(str)
    values.update(
        actor=actor_words(row),
        object=row.object_name or "…",  # e.g. an item deleted since: its name is gone
        present=str(row.detail.get("present", "")),
        agree=str(row.detail.get("agree", "")),
    )
    return _tr(str(SENTENCES.get(row.action, UNKNOWN))).format_map(values)

"""The Government Office's summary of a written ballot, as a PDF (to be signed) and a CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from ecabinet.official_time import official_iso, official_text
from ecabinet.pdf.compose import DocumentSpec, Section, compose
from ecabinet.pdf.reply_form import CHOICE_LABELS
from ecabinet.wire.summary import BallotSummary

CSV_HEADER = ["ho_ten", "chuc_vu", "tra_loi", "y_kien", "thoi_diem_nhan", "muon"]


def _when(moment: datetime) -> str:
    return official_text(moment)  # '15/12/2025 17:00 (giờ Hà Nội)' whatever the laptop (rule 7)


def summary_pdf(summary: BallotSummary) -> bytes:
    verdict = "Được thông qua" if summary.passed else "Không được thông qua"
    counts = [
        f"Tổng số Thành viên Chính phủ: {summary.total_members}.",
        f"Đồng ý: {summary.agree}. Không đồng ý: {summary.disagree}. "
        f"Ý kiến khác: {summary.other}. Chưa trả lời: {summary.not_answered}. "
        f"Trả lời sau hạn (không tính): {summary.late}.",
        f"Kết quả theo quy định (quá nửa tổng số Thành viên Chính phủ đồng ý): {verdict}.",
    ]
    others = [
        f"{r.full_name} ({r.title}): {r.comment}" for r in summary.replies if r.choice == "other"
    ]
    every = [
        f"{r.full_name} ({r.title}): {CHOICE_LABELS.get(r.choice, r.choice)}"
        f"{' - ' + r.comment if r.comment else ''} ({_when(r.received_at)})"
        for r in summary.replies
    ]
    late = [
        f"{r.full_name}: {CHOICE_LABELS.get(r.choice, r.choice)}, nhận lúc {_when(r.received_at)}"
        for r in summary.late_replies
    ]
    missing = [f"{m.full_name} ({m.title})" for m in summary.unanswered]
    sections = [
        Section(
            "I. NỘI DUNG XIN Ý KIẾN",
            [summary.title, summary.question, f"Hạn trả lời: {_when(summary.deadline)}."],
        ),
        Section("II. KẾT QUẢ", counts),
        Section("III. Ý KIẾN KHÁC", others or ["Không có."]),
        Section("IV. Ý KIẾN CỦA TỪNG THÀNH VIÊN", every or ["Chưa có."]),
        Section("V. CHƯA TRẢ LỜI", missing or ["Không có."]),
        Section("VI. TRẢ LỜI SAU HẠN", late or ["Không có."]),
    ]
    return compose(
        DocumentSpec(
            title="BÁO CÁO TỔNG HỢP Ý KIẾN THÀNH VIÊN CHÍNH PHỦ",
            issuer="VĂN PHÒNG CHÍNH PHỦ",
            subtitle=summary.title,
            sections=sections,
            footer="Tổng hợp ý kiến",
        )
    )


def summary_csv(summary: BallotSummary) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for r in [*summary.replies, *summary.late_replies]:
        writer.writerow(
            [
                r.full_name,
                r.title,
                r.choice,
                r.comment,
                official_iso(r.received_at),
                "x" if r.late else "",
            ]
        )
    for m in summary.unanswered:
        writer.writerow([m.full_name, m.title, "not_answered", "", "", ""])
    return out.getvalue()

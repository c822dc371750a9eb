"""The Government Office's summary of a written ballot, as a PDF (to be signed) and a CSV.

The other opinions are grouped by the article of the draft they are about, as the Office
reports them: each line of an opinion that cites an article ("Trang 12, Điều 5, khoản 2: …",
as composed from a member's notes by ecabinet.client.opinion, or "Điều 5: …" typed) stands
under that article, in the draft's order; the lines that cite none follow, member by member.
Pure core; any thread."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from ecabinet.domain.body_words import GOVERNMENT, DocumentWords
from ecabinet.official_time import official_iso, official_text
from ecabinet.pdf.compose import DocumentSpec, Section, compose
from ecabinet.pdf.reply_form import CHOICE_LABELS
from ecabinet.wire.summary import BallotSummary, SummaryReply

CSV_HEADER = ["ho_ten", "chuc_vu", "tra_loi", "y_kien", "thoi_diem_nhan", "muon"]


def _when(moment: datetime) -> str:
    return official_text(moment)  # '15/12/2025 17:00 (giờ Hà Nội)' whatever the laptop (rule 7)


# At the start of a line, after the page if it is given: the article the line is about.
CITES = re.compile(r"^\s*(?:Trang\s+\d+\s*,\s*)?Điều\s+(\d+)([a-zđ]?)\b")


def others_by_article(replies: list[SummaryReply]) -> list[tuple[str, list[str]]]:
    """("Điều N", lines) for each article cited, in the draft's order, then ("", lines) for
    what cites none; each line is "Name (title): words"."""
    cited: dict[tuple[int, str], list[str]] = {}
    rest: list[str] = []
    for reply in replies:
        if reply.choice != "other":
            continue
        who = f"{reply.full_name} ({reply.title})" if reply.title else reply.full_name
        loose = []
        for line in reply.comment.splitlines():
            found = CITES.match(line)
            if found is None:
                loose.append(line.strip())
                continue
            key = (int(found.group(1)), found.group(2))
            cited.setdefault(key, []).append(f"{who}: {line.strip()}")
        if any(loose):
            rest.append(f"{who}: {' '.join(part for part in loose if part)}")
    groups = [(f"Điều {n}{suffix}", lines) for (n, suffix), lines in sorted(cited.items())]
    return groups + ([("", rest)] if rest else [])


def summary_pdf(summary: BallotSummary, body: DocumentWords = GOVERNMENT) -> bytes:
    """The summary in the words of the body that held the ballot (the Government's unless
    told)."""
    verdict = "Được thông qua" if summary.passed else "Không được thông qua"
    counts = [
        f"Tổng số {body.members}: {summary.total_members}.",
        f"Đồng ý: {summary.agree}. Không đồng ý: {summary.disagree}. "
        f"Ý kiến khác: {summary.other}. Chưa trả lời: {summary.not_answered}. "
        f"Trả lời sau hạn (không tính): {summary.late}.",
        f"Kết quả theo quy định (quá nửa tổng số {body.members} đồng ý): {verdict}.",
    ]
    others = [
        Section(article or "Ý kiến chung", lines, level=1)
        for article, lines in others_by_article(summary.replies)
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
        Section("III. Ý KIẾN KHÁC (THEO ĐIỀU CỦA DỰ THẢO)", [] if others else ["Không có."]),
        *others,
        Section("IV. Ý KIẾN CỦA TỪNG THÀNH VIÊN", every or ["Chưa có."]),
        Section("V. CHƯA TRẢ LỜI", missing or ["Không có."]),
        Section("VI. TRẢ LỜI SAU HẠN", late or ["Không có."]),
    ]
    return compose(
        DocumentSpec(
            title=f"BÁO CÁO TỔNG HỢP Ý KIẾN {body.members.upper()}",
            issuer=body.letterhead,
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

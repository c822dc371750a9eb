"""The minutes of a session (biên bản phiên họp) as a PDF to be signed, its votes as CSV and
its speeches as CSV.

Attendance, then each item: presenter, who spoke and for how long, the vote with every
member's choice by name and the result under the rules, and the conclusions. Times in official
time, Hà Nội's, with the zone named (rule 7); the CSVs' in ISO 8601 with +07:00. Last, the
audit log's head as the body's CA signed it when the session closed, so the record can be
checked against it later. Pure core; any thread.
"""

from __future__ import annotations

import csv
import io

from ecabinet.domain.body_words import GOVERNMENT, DocumentWords
from ecabinet.official_time import official, official_clock, official_iso
from ecabinet.pdf.compose import DocumentSpec, Section, compose
from ecabinet.wire.minutes import Minutes, MinutesItem

VOTE_WORDS = {"agree": "Tán thành", "disagree": "Không tán thành", "abstain": "Không biểu quyết"}
SPEAKERS_CSV_HEADER = [
    "thu_tu", "noi_dung", "luot", "ho_ten", "chuc_vu", "bat_dau", "ket_thuc", "so_giay"
]  # fmt: skip
CSV_HEADER = ["thu_tu", "noi_dung", "ho_ten", "chuc_vu", "bieu_quyet", "thoi_diem", "ket_qua"]


def duration_words(seconds: int | None) -> str:
    """ "3 phút 05 giây"; a speech the session closed on has no end to measure."""
    if seconds is None:
        return "chưa kết thúc"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} phút {rest:02d} giây" if minutes else f"{rest} giây"


def _speeches_line(item: MinutesItem) -> str:
    """Who spoke, in the order the chair gave the floor, each with how long."""
    if not item.speeches:
        return "Phát biểu: không có."
    said = [f"{s.full_name} ({duration_words(s.seconds)})" for s in item.speeches]
    return "Phát biểu: " + ", ".join(said) + "."


def _item_paragraphs(item: MinutesItem, body: DocumentWords) -> list[str]:
    lines = [f"Cơ quan trình: {item.presenter or '—'}."]
    if item.paper_only:
        lines.append("Tài liệu mật: phát bản giấy tại phiên họp.")
    lines.append(_speeches_line(item))
    if item.result is not None:
        r = item.result
        verdict = "Thông qua" if r.passed else "Không thông qua"
        lines.append(
            f"Biểu quyết: {r.agree} tán thành, {r.disagree} không tán thành, {r.abstain} không "
            f"biểu quyết, {r.not_voted} chưa biểu quyết, trên tổng số {r.total_members} "
            f"{body.members}. Kết quả: {verdict}."
        )
        lines += [
            f"– {v.full_name}{f' ({v.title})' if v.title else ''}: "
            f"{VOTE_WORDS.get(v.choice, v.choice)}"
            for v in item.votes
        ]
    else:
        lines.append("Không biểu quyết tại phiên họp.")
    lines += [f"Kết luận: {c}" for c in item.conclusions] or ["Kết luận: chưa có."]
    return lines


def _in_groups(text: str, size: int = 48) -> str:
    """A long code in groups the page can break between (one word would run off it)."""
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def minutes_pdf(minutes: Minutes, body: DocumentWords = GOVERNMENT) -> bytes:
    """The minutes in the words of the body that held the session (``body``: the Government's
    unless told)."""
    # Official time with its zone named, whatever the zone of the laptop that signs (rule 7).
    when = f"{official_clock(minutes.starts_at)} ngày {official(minutes.starts_at):%d/%m/%Y}"
    opening = [
        f"Thời gian: {when}. Địa điểm: {minutes.place or '—'}.",
        f"Chủ trì: {minutes.chair or '—'}.",
        f"Có mặt {len(minutes.present)}/{minutes.total_members} {body.members} "
        f"(cần {minutes.quorum_needed} để biểu quyết): {', '.join(minutes.present) or '—'}.",
        f"Vắng mặt: {', '.join(minutes.absent) or 'không có'}.",
    ]
    sections = [Section("I. THÀNH PHẦN", opening)]
    sections += [
        Section(f"{item.position}. {item.title}", _item_paragraphs(item, body), level=1)
        for item in minutes.items
    ]
    checkpoint = minutes.audit_checkpoint
    if checkpoint is not None:
        sections.append(
            Section(
                "Xác thực nhật ký kiểm toán",
                [
                    f"Nhật ký đến mục số {checkpoint.seq} có mã {checkpoint.head}, ký bằng khóa "
                    f"của cơ quan lúc {official_clock(checkpoint.at)} ngày "
                    f"{official(checkpoint.at):%d/%m/%Y}.",
                    "Chữ ký (base64): " + _in_groups(checkpoint.signature),
                ],
            )
        )
    return compose(
        DocumentSpec(
            title=f"BIÊN BẢN PHIÊN HỌP {body.subject.upper()}",
            issuer=body.letterhead,
            subtitle=minutes.title,
            sections=sections,
            footer="Biên bản phiên họp",
        )
    )


def minutes_csv(minutes: Minutes) -> str:
    """One row per member's vote on each item, with the item's result."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for item in minutes.items:
        result = "" if item.result is None else ("passed" if item.result.passed else "not_passed")
        for vote in item.votes:
            writer.writerow(
                [item.position, item.title, vote.full_name, vote.title, vote.choice,
                 official_iso(vote.received_at), result]
            )  # fmt: skip
    return out.getvalue()


def speakers_csv(minutes: Minutes) -> str:
    """One row per speech on each item, in order, with its start, end and length in seconds."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SPEAKERS_CSV_HEADER)
    for item in minutes.items:
        for turn, speech in enumerate(item.speeches, start=1):
            writer.writerow(
                [item.position, item.title, turn, speech.full_name, speech.title,
                 official_iso(speech.started_at),
                 official_iso(speech.ended_at) if speech.ended_at else "",
                 "" if speech.seconds is None else speech.seconds]
            )  # fmt: skip
    return out.getvalue()

"""The Government Office's summary groups the other opinions by the article of the draft they
cite, in the draft's order, then the opinions that cite none; composed from notes or typed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from ecabinet.client.opinion import compose_opinion
from ecabinet.pdf.quotes import find_words, quote_at
from ecabinet.pdf.summary import others_by_article, summary_pdf
from ecabinet.pdf.text_layout import page_texts
from ecabinet.wire.objects import AnnotationData
from ecabinet.wire.summary import BallotSummary, SummaryReply
from tests.pdfs import make_draft

AT = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def _reply(name: str, choice: str, comment: str) -> SummaryReply:
    return SummaryReply(
        user_id=str(uuid.uuid4()),
        full_name=name,
        title="Bộ trưởng",
        choice=choice,
        comment=comment,
        received_at=AT,
    )


def _from_notes() -> str:
    """An opinion composed from two notes on the test draft (Điều 2 and Điều 3)."""
    pages = [p.text for p in page_texts(make_draft())]
    notes = []
    for page, words, text in (
        (1, "mười năm", "đề nghị năm năm"),
        (0, "Cơ quan nhà nước", "làm rõ"),
    ):
        found = find_words(pages[page], words)
        assert found is not None
        quote = quote_at(pages[page], *found)
        notes.append(
            AnnotationData(
                id=str(uuid.uuid4()),
                author_id=str(uuid.uuid4()),
                document_version_id=str(uuid.uuid4()),
                page=page,
                kind="highlight",
                text=text,
                quote=quote.quote,
                prefix=quote.prefix,
                suffix=quote.suffix,
                created_at=AT,
                updated_at=AT,
            )
        )
    return compose_opinion(notes, pages)


def test_other_opinions_stand_under_the_article_they_cite_then_the_rest() -> None:
    replies = [
        _reply("Nguyễn Văn A", "other", _from_notes() + "\nĐề nghị lùi thời hạn trình."),
        _reply("Trần Thị B", "other", "Điều 10: bỏ điều này.\nĐiều 3. Thêm định nghĩa"),
        _reply("Lê Văn C", "disagree", "Điều 2: không đồng ý"),  # not an "other": not here
        _reply("Phạm D", "other", "Nhất trí về nguyên tắc."),
    ]
    groups = others_by_article(replies)
    assert [article for article, _ in groups] == ["Điều 2", "Điều 3", "Điều 10", ""]
    assert groups[0][1] == [
        "Nguyễn Văn A (Bộ trưởng): Trang 1, Điều 2, khoản 1: “Cơ quan nhà nước” — làm rõ"
    ]
    assert groups[1][1] == [
        "Nguyễn Văn A (Bộ trưởng): Trang 2, Điều 3, khoản 2: “mười năm” — đề nghị năm năm",
        "Trần Thị B (Bộ trưởng): Điều 3. Thêm định nghĩa",
    ]
    assert groups[3][1] == [
        "Nguyễn Văn A (Bộ trưởng): Đề nghị lùi thời hạn trình.",
        "Phạm D (Bộ trưởng): Nhất trí về nguyên tắc.",
    ]


def test_the_summary_pdf_prints_the_groups_in_order() -> None:
    summary = BallotSummary(
        ballot_id=str(uuid.uuid4()),
        title="Dự thảo Nghị định",
        question="Đồng ý thông qua?",
        status="closed",
        deadline=AT,
        total_members=27,
        agree=0,
        disagree=0,
        other=2,
        not_answered=25,
        late=0,
        passed=False,
        replies=[
            _reply("Trần Thị B", "other", "Điều 10: bỏ điều này."),
            _reply("Nguyễn Văn A", "other", _from_notes()),
        ],
    )
    text = " ".join(" ".join(p.text for p in page_texts(summary_pdf(summary))).split())
    third = text.index("III. Ý KIẾN KHÁC")
    places = [text.index(words, third) for words in ("Điều 2 ", "Điều 3 ", "Điều 10 ", "IV.")]
    assert places == sorted(places)
    assert "“mười năm” — đề nghị năm năm" in text

"""The demo's agenda and the text of its documents, composed from varied legal clauses.

Large drafts are built deterministically (a seeded generator) from many clause patterns and
topic words, so every page reads like a decree and no two pages are the same. Whose papers they
are (the Government's, a People's Committee's) is a ``Letterhead``: who issues each kind of
draft, how the papers are numbered, dated and addressed, and the words their clauses use.
Pure data and functions; the seeding thread.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ecabinet.domain.organs import GOVERNMENT, ORGANS
from ecabinet.pdf.compose import DocumentSpec, Section


@dataclass(frozen=True)
class DemoItem:
    title: str
    presenter: str
    minutes: int
    topic: str
    draft_kind: str  # Nghị định / Nghị quyết / Quyết định / Luật
    chapters: int  # the draft's size: about two pages per chapter
    paper_only: bool = False
    with_report: bool = False
    draft_title: str = ""  # the draft's own title, when the item's does not name it

    @property
    def draft(self) -> str:
        """The draft's title as members see it in the list of documents."""
        return self.draft_title or self.title


@dataclass(frozen=True)
class Wording:
    """The clauses a body's papers are written in, and the actors and duties they name."""

    clauses: Sequence[str]  # with {actor}, {duty}, {topic}, {day}, {month}, {days}
    actors: Sequence[str]
    duties: Sequence[str]


@dataclass(frozen=True)
class Issuer:
    """Who issues a draft of one kind, and its number: "Số: {n:02d}/2026/NĐ-CP"."""

    name: str  # in capitals; a second line after "\n"
    number: str
    dated: bool = True  # a law carries no place and date until it is passed


@dataclass(frozen=True)
class Letterhead:
    """How one body's papers are headed, numbered, dated, addressed and worded."""

    place: str  # of the dated line: "Hà Nội, ngày ..."
    addressee: str  # of a submission: "Kính gửi: Chính phủ"
    issuers: Mapping[str, Issuer]  # by the draft's kind
    notations: Mapping[str, str]  # by presenting agency: "Bộ Tài chính" -> "BTC"
    wording: Wording
    # The line over a presenting agency's name ("UBND THÀNH PHỐ HÀ NỘI" over "SỞ TÀI CHÍNH");
    # a ministry has none.
    parent: str = ""


REGULAR_ITEMS = [
    DemoItem(
        "Báo cáo tình hình kinh tế - xã hội tháng và nhiệm vụ trọng tâm tháng tới",
        "Bộ Tài chính",
        60,
        "phát triển kinh tế - xã hội",
        "Nghị quyết",
        4,
        with_report=True,
        draft_title="Dự thảo Nghị quyết phiên họp Chính phủ thường kỳ",
    ),
    DemoItem(
        "Dự thảo Nghị định quy định chi tiết Luật Dữ liệu",
        "Bộ Công an",
        40,
        "quản lý và khai thác dữ liệu",
        "Nghị định",
        60,
    ),
    DemoItem(
        "Dự thảo Nghị định về chuyển đổi số trong cơ quan nhà nước",
        "Bộ Khoa học và Công nghệ",
        40,
        "chuyển đổi số",
        "Nghị định",
        56,
    ),
    DemoItem(
        "Đề nghị xây dựng Luật sửa đổi, bổ sung một số điều của Luật Đất đai",
        "Bộ Nông nghiệp và Môi trường",
        30,
        "quản lý đất đai",
        "Nghị quyết",
        3,
        draft_title="Dự thảo Nghị quyết thông qua đề nghị xây dựng Luật Đất đai (sửa đổi)",
    ),
    DemoItem(
        "Dự thảo Nghị quyết về giải pháp thúc đẩy giải ngân vốn đầu tư công",
        "Bộ Tài chính",
        30,
        "đầu tư công",
        "Nghị quyết",
        3,
        with_report=True,
    ),
    DemoItem(
        "Phương án bảo đảm an ninh năng lượng quốc gia (tài liệu mật)",
        "Bộ Công Thương",
        30,
        "an ninh năng lượng",
        "Quyết định",
        0,
        paper_only=True,
    ),
    DemoItem(
        "Dự thảo Nghị định về chính sách hỗ trợ nhà ở xã hội",
        "Bộ Xây dựng",
        30,
        "phát triển nhà ở xã hội",
        "Nghị định",
        4,
    ),
    DemoItem(
        "Dự thảo Quyết định phê duyệt Chiến lược phát triển giáo dục nghề nghiệp",
        "Bộ Giáo dục và Đào tạo",
        25,
        "giáo dục nghề nghiệp",
        "Quyết định",
        3,
    ),
]

THEMATIC_ITEMS = [
    DemoItem(
        "Dự án Luật Thủ đô (sửa đổi)",
        "Bộ Tư pháp",
        60,
        "xây dựng và phát triển Thủ đô",
        "Luật",
        3,
        draft_title="Dự thảo Luật Thủ đô (sửa đổi)",
    ),
    DemoItem(
        "Dự án Luật Công nghiệp công nghệ số",
        "Bộ Khoa học và Công nghệ",
        60,
        "công nghiệp công nghệ số",
        "Luật",
        3,
        draft_title="Dự thảo Luật Công nghiệp công nghệ số",
    ),
    DemoItem(
        "Dự án Luật Phòng, chống mua bán người (sửa đổi)",
        "Bộ Công an",
        45,
        "phòng, chống mua bán người",
        "Luật",
        2,
        draft_title="Dự thảo Luật Phòng, chống mua bán người (sửa đổi)",
    ),
]


@dataclass(frozen=True)
class DemoBallot:
    title: str
    question: str
    topic: str
    hours_left: int  # negative: closed that many hours ago
    draft_title: str
    kind: str  # of the draft: Nghị định / Nghị quyết
    presenter: str = "Văn phòng Chính phủ"


BALLOTS = [
    DemoBallot(
        "Phiếu lấy ý kiến về dự thảo Nghị định quy định về quản lý thuế đối với hộ kinh doanh",
        "Đề nghị Thành viên Chính phủ cho ý kiến về việc ban hành Nghị định quy định về quản lý "
        "thuế đối với hộ kinh doanh, cá nhân kinh doanh.",
        "quản lý thuế",
        20,
        "Dự thảo Nghị định quy định về quản lý thuế đối với hộ kinh doanh, cá nhân kinh doanh",
        "Nghị định",
        "Bộ Tài chính",
    ),
    DemoBallot(
        "Phiếu lấy ý kiến về dự thảo Nghị quyết phiên họp chuyên đề xây dựng pháp luật",
        "Đề nghị Thành viên Chính phủ biểu quyết thông qua dự thảo Nghị quyết phiên họp Chính "
        "phủ chuyên đề về xây dựng pháp luật.",
        "xây dựng pháp luật",
        72,
        "Dự thảo Nghị quyết phiên họp Chính phủ chuyên đề về xây dựng pháp luật",
        "Nghị quyết",
    ),
    DemoBallot(
        "Phiếu lấy ý kiến về việc điều chỉnh chủ trương đầu tư dự án đường cao tốc",
        "Đề nghị Thành viên Chính phủ cho ý kiến về việc điều chỉnh chủ trương đầu tư dự án "
        "đường bộ cao tốc Bắc - Nam phía Đông.",
        "đầu tư đường cao tốc",
        -48,
        "Dự thảo Nghị quyết điều chỉnh chủ trương đầu tư Dự án đường bộ cao tốc Bắc - Nam "
        "phía Đông",
        "Nghị quyết",
        "Bộ Xây dựng",
    ),
]

_ACTORS = [
    "Bộ, cơ quan ngang bộ",
    "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương",
    "cơ quan, tổ chức, cá nhân có liên quan",
    "doanh nghiệp nhà nước",
    "đơn vị sự nghiệp công lập",
    "cơ quan chủ trì soạn thảo",
    "Kiểm toán Nhà nước",
    "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
]
_DUTIES = [
    "tổ chức thực hiện",
    "hướng dẫn, kiểm tra, giám sát việc thực hiện",
    "bố trí nguồn lực bảo đảm",
    "định kỳ hằng năm báo cáo Thủ tướng Chính phủ về",
    "rà soát, sửa đổi, bổ sung các văn bản hướng dẫn về",
    "phối hợp chặt chẽ trong",
    "công khai, minh bạch thông tin về",
    "xử lý nghiêm các hành vi vi phạm trong",
]
_CLAUSES = [
    "{actor} có trách nhiệm {duty} {topic} theo quy định của Nghị định này và pháp luật có "
    "liên quan, bảo đảm đúng tiến độ, chất lượng và hiệu quả.",
    "Việc {topic} phải tuân thủ nguyên tắc công khai, minh bạch, bình đẳng, không phân biệt "
    "đối xử; bảo đảm quốc phòng, an ninh và lợi ích hợp pháp của tổ chức, cá nhân.",
    "Trường hợp có vướng mắc phát sinh trong quá trình {topic}, {actor} kịp thời báo cáo cơ "
    "quan có thẩm quyền xem xét, quyết định theo quy định.",
    "Kinh phí thực hiện nhiệm vụ về {topic} được bảo đảm từ nguồn ngân sách nhà nước theo phân "
    "cấp hiện hành và các nguồn hợp pháp khác theo quy định của pháp luật.",
    "Chậm nhất là ngày {day} tháng {month} hằng năm, {actor} gửi báo cáo kết quả {topic} về "
    "Bộ chủ trì để tổng hợp, báo cáo Chính phủ.",
    "Nghiêm cấm lợi dụng hoạt động {topic} để xâm phạm quyền, lợi ích hợp pháp của cơ quan, "
    "tổ chức, cá nhân hoặc gây phương hại đến trật tự, an toàn xã hội.",
    "{actor} {duty} {topic}; chịu trách nhiệm trước Chính phủ, Thủ tướng Chính phủ về kết "
    "quả thực hiện trong phạm vi quản lý.",
    "Hồ sơ đề nghị gồm: văn bản đề nghị; báo cáo thuyết minh; ý kiến của các cơ quan có liên "
    "quan và các tài liệu khác về {topic} (nếu có).",
    "Thời hạn giải quyết không quá {days} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; "
    "trường hợp từ chối phải trả lời bằng văn bản và nêu rõ lý do.",
    "Ứng dụng công nghệ thông tin, chuyển đổi số trong {topic}; kết nối, chia sẻ dữ liệu với "
    "Cơ sở dữ liệu quốc gia theo quy định.",
]
_ARTICLES = [
    "Phạm vi điều chỉnh",
    "Đối tượng áp dụng",
    "Giải thích từ ngữ",
    "Nguyên tắc thực hiện",
    "Trách nhiệm của cơ quan chủ trì",
    "Trình tự, thủ tục",
    "Hồ sơ đề nghị",
    "Kinh phí thực hiện",
    "Kiểm tra, giám sát",
    "Chế độ báo cáo",
    "Xử lý vi phạm",
    "Hiệu lực thi hành",
]
_CHAPTERS = [
    "QUY ĐỊNH CHUNG",
    "NỘI DUNG QUẢN LÝ",
    "TRÌNH TỰ, THỦ TỤC",
    "CHÍNH SÁCH HỖ TRỢ",
    "TRÁCH NHIỆM CỦA CÁC CƠ QUAN",
    "THANH TRA, KIỂM TRA",
    "ĐIỀU KHOẢN CHUYỂN TIẾP",
    "TỔ CHỨC THỰC HIỆN",
]


GOVERNMENT_LETTERHEAD = Letterhead(
    place="Hà Nội",
    addressee="Chính phủ",
    issuers={
        # A law is the National Assembly's; a decision the Prime Minister's (QĐ-TTg).
        "Luật": Issuer("QUỐC HỘI", "Luật số: {n:02d}/2026/QH15", dated=False),
        "Nghị định": Issuer(GOVERNMENT.name.upper(), "Số: {n:02d}/2026/NĐ-CP"),
        "Nghị quyết": Issuer(GOVERNMENT.name.upper(), "Số: {n:02d}/2026/NQ-CP"),
        "Quyết định": Issuer(GOVERNMENT.name.upper(), "Số: {n:02d}/2026/QĐ-TTg"),
    },
    notations={o.name: o.notation for o in (GOVERNMENT, *ORGANS)},
    wording=Wording(_CLAUSES, _ACTORS, _DUTIES),
)


def _paragraph(rnd: random.Random, topic: str, wording: Wording) -> str:
    # A clause may open on a lower-case actor ("doanh nghiệp nhà nước"): a sentence never does.
    text = rnd.choice(wording.clauses).format(
        actor=rnd.choice(wording.actors),
        duty=rnd.choice(wording.duties),
        topic=topic,
        day=rnd.randint(1, 28),
        month=rnd.randint(1, 12),
        days=rnd.choice([7, 10, 15]),
    )
    return _upper_first(text)


_ROMAN = ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    """Chapters are numbered in Roman numerals: "Chương IV", "Chương LX"."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def dated(day: date, place: str = "Hà Nội") -> str:
    """The place and date line of a Vietnamese official document (Decree 30/2020/NĐ-CP):
    days below 10 and the months 1 and 2 are written with a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def numbers(seed: int) -> tuple[int, int]:
    """The draft's number and the submission's, varied from item to item."""
    return seed * 7 % 90 + 5, seed * 13 % 400 + 20


def submission_title(
    item: DemoItem, seed: int, letterhead: Letterhead = GOVERNMENT_LETTERHEAD
) -> str:
    """ "Tờ trình số 74/TTr-BTC": how the list of documents names the submission."""
    return f"Tờ trình số {numbers(seed)[1]}/TTr-{letterhead.notations[item.presenter]}"


def report_title(item: DemoItem, seed: int, letterhead: Letterhead = GOVERNMENT_LETTERHEAD) -> str:
    return f"Báo cáo số {numbers(seed)[1] + 1}/BC-{letterhead.notations[item.presenter]}"


def _presenter(item: DemoItem, letterhead: Letterhead) -> str:
    """The presenting agency's heading, under its parent's line when it has one."""
    name = item.presenter.upper()
    return f"{letterhead.parent}\n{name}" if letterhead.parent else name


def draft_spec(
    item: DemoItem, seed: int, issued: date, letterhead: Letterhead = GOVERNMENT_LETTERHEAD
) -> DocumentSpec:
    """The draft itself: chapters of articles, each with numbered clauses."""
    rnd = random.Random(seed)
    wording = letterhead.wording
    sections: list[Section] = []
    article = 0
    for chapter in range(1, item.chapters + 1):
        name = _CHAPTERS[(chapter - 1) % len(_CHAPTERS)]
        sections.append(Section(f"Chương {_roman(chapter)}\n{name}", (), 0))
        for _ in range(6):
            article += 1
            clauses = [f"{n}. {_paragraph(rnd, item.topic, wording)}" for n in range(1, 6)]
            sections.append(Section(f"Điều {article}. {rnd.choice(_ARTICLES)}", clauses, 1))
    subject = item.draft.removeprefix("Dự thảo ").removeprefix(f"{item.draft_kind} ")
    issuer = letterhead.issuers[item.draft_kind]
    return DocumentSpec(
        title=f"{item.draft_kind.upper()}\n{_upper_first(subject)}",
        issuer=issuer.name,
        number=issuer.number.format(n=numbers(seed)[0]),
        dated=dated(issued, letterhead.place) if issuer.dated else "",
        subtitle="(Dự thảo)",
        sections=sections,
        footer=item.draft[:70],
    )


def submission_spec(
    item: DemoItem, seed: int, issued: date, letterhead: Letterhead = GOVERNMENT_LETTERHEAD
) -> DocumentSpec:
    """The presenting agency's cover document (Tờ trình)."""
    rnd = random.Random(seed)
    wording = letterhead.wording
    parts = [
        "I. SỰ CẦN THIẾT BAN HÀNH",
        "II. MỤC ĐÍCH, QUAN ĐIỂM XÂY DỰNG",
        "III. QUÁ TRÌNH XÂY DỰNG DỰ THẢO",
        "IV. BỐ CỤC VÀ NỘI DUNG CƠ BẢN",
        "V. NHỮNG VẤN ĐỀ XIN Ý KIẾN",
    ]
    sections = [
        Section(part, [_paragraph(rnd, item.topic, wording) for _ in range(8)], 0) for part in parts
    ]
    return DocumentSpec(
        title=f"TỜ TRÌNH\nVề {item.draft[0].lower()}{item.draft[1:]}",
        issuer=_presenter(item, letterhead),
        number=f"Số: {numbers(seed)[1]}/TTr-{letterhead.notations[item.presenter]}",
        dated=dated(issued, letterhead.place),
        subtitle=f"Kính gửi: {letterhead.addressee}",
        sections=sections,
        footer=submission_title(item, seed, letterhead),
    )


def report_spec(
    item: DemoItem, seed: int, issued: date, letterhead: Letterhead = GOVERNMENT_LETTERHEAD
) -> DocumentSpec:
    rnd = random.Random(seed)
    wording = letterhead.wording
    sections = [
        Section(f"{n}. {head}", [_paragraph(rnd, item.topic, wording) for _ in range(6)], 0)
        for n, head in enumerate(
            ["Kết quả đạt được", "Tồn tại, hạn chế", "Nguyên nhân", "Nhiệm vụ, giải pháp"], start=1
        )
    ]
    return DocumentSpec(
        title=f"BÁO CÁO\n{_upper_first(item.title.removeprefix('Báo cáo '))}",
        issuer=_presenter(item, letterhead),
        number=report_title(item, seed, letterhead).replace("Báo cáo số", "Số:"),
        dated=dated(issued, letterhead.place),
        sections=sections,
        footer="Báo cáo",
    )


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]

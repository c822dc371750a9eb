"""The demo's two provinces beside the Government: Hà Nội and Thành phố Hồ Chí Minh, each a body
with its own People's Committee, composed as the Law on the Organisation of Local Government
(2025) composes it: the Chairman (chair), the Vice-Chairmen, and the members who head the
specialised agencies (the departments, the Committee's Office, the Inspectorate), the member in
charge of the police and the member in charge of the military; its Office's staff are the
secretariat. Every name is invented; the titles are the real ones. Each has one regular monthly
session with a real-shaped agenda and one written ballot. Pure data; the seeding thread.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ecabinet.server.demo_content.people import DemoUser
from ecabinet.server.demo_content.texts import DemoBallot, DemoItem, Issuer, Letterhead, Wording

# The specialised agencies of a city's People's Committee (Decree 150/2025/NĐ-CP; the two
# cities keep culture and tourism apart and have a planning department), with the notation
# their documents carry ("74/TTr-STC") and their head's title, each a member of the Committee.
_AGENCIES: tuple[tuple[str, str, str], ...] = (
    ("Văn phòng Ủy ban nhân dân Thành phố", "VP", "Chánh Văn phòng UBND Thành phố"),
    ("Sở Nội vụ", "SNV", "Giám đốc Sở Nội vụ"),
    ("Sở Tư pháp", "STP", "Giám đốc Sở Tư pháp"),
    ("Sở Tài chính", "STC", "Giám đốc Sở Tài chính"),
    ("Sở Công Thương", "SCT", "Giám đốc Sở Công Thương"),
    ("Sở Nông nghiệp và Môi trường", "SNNMT", "Giám đốc Sở Nông nghiệp và Môi trường"),
    ("Sở Xây dựng", "SXD", "Giám đốc Sở Xây dựng"),
    ("Sở Khoa học và Công nghệ", "SKHCN", "Giám đốc Sở Khoa học và Công nghệ"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT", "Giám đốc Sở Giáo dục và Đào tạo"),
    ("Sở Y tế", "SYT", "Giám đốc Sở Y tế"),
    ("Sở Văn hóa và Thể thao", "SVHTT", "Giám đốc Sở Văn hóa và Thể thao"),
    ("Sở Du lịch", "SDL", "Giám đốc Sở Du lịch"),
    ("Sở Quy hoạch - Kiến trúc", "SQHKT", "Giám đốc Sở Quy hoạch - Kiến trúc"),
    ("Sở Dân tộc và Tôn giáo", "SDTTG", "Giám đốc Sở Dân tộc và Tôn giáo"),
    ("Thanh tra Thành phố", "TTTP", "Chánh Thanh tra Thành phố"),
    ("Công an Thành phố", "CATP", "Giám đốc Công an Thành phố"),
)

_WORDING = Wording(
    clauses=(
        "{actor} có trách nhiệm {duty} {topic} trên địa bàn Thành phố theo quy định của văn "
        "bản này và pháp luật có liên quan, bảo đảm đúng tiến độ, chất lượng và hiệu quả.",
        "Việc {topic} phải bảo đảm công khai, minh bạch, đúng quy hoạch, kế hoạch được duyệt; "
        "không để thất thoát, lãng phí, bảo đảm quyền và lợi ích hợp pháp của người dân.",
        "Trường hợp có vướng mắc phát sinh trong quá trình {topic}, {actor} kịp thời báo cáo "
        "Ủy ban nhân dân Thành phố (qua Sở chủ trì) xem xét, quyết định.",
        "Kinh phí thực hiện nhiệm vụ về {topic} được bố trí từ ngân sách Thành phố theo phân "
        "cấp hiện hành và các nguồn vốn hợp pháp khác theo quy định của pháp luật.",
        "Trước ngày {day} tháng {month} hằng năm, {actor} gửi báo cáo kết quả {topic} về Sở "
        "chủ trì để tổng hợp, báo cáo Ủy ban nhân dân Thành phố.",
        "Ủy ban nhân dân các xã, phường chủ động rà soát, đề xuất danh mục nhiệm vụ về {topic} "
        "thuộc thẩm quyền, gửi Sở chủ trì trước ngày {day} tháng {month}.",
        "{actor} {duty} {topic}; chịu trách nhiệm trước Ủy ban nhân dân Thành phố, Chủ tịch Ủy "
        "ban nhân dân Thành phố về kết quả thực hiện trong phạm vi quản lý.",
        "Hồ sơ gồm: tờ trình; báo cáo thuyết minh; ý kiến thẩm định của Sở Tư pháp, Sở Tài "
        "chính và các tài liệu khác về {topic} (nếu có).",
        "Thời hạn giải quyết không quá {days} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; "
        "trường hợp từ chối phải trả lời bằng văn bản và nêu rõ lý do.",
        "Ứng dụng chuyển đổi số trong {topic}; kết nối, chia sẻ dữ liệu với cơ sở dữ liệu dùng "
        "chung của Thành phố và Trung tâm giám sát, điều hành đô thị thông minh.",
    ),
    actors=(
        "Các sở, ban, ngành Thành phố",
        "Ủy ban nhân dân các xã, phường",
        "cơ quan, tổ chức, cá nhân có liên quan",
        "Sở Tài chính",
        "Công an Thành phố",
        "đơn vị sự nghiệp công lập trực thuộc Thành phố",
        "Văn phòng Ủy ban nhân dân Thành phố",
        "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố",
    ),
    duties=(
        "tổ chức thực hiện",
        "hướng dẫn, kiểm tra, đôn đốc việc thực hiện",
        "bố trí nguồn lực bảo đảm",
        "định kỳ hằng quý báo cáo Ủy ban nhân dân Thành phố về",
        "rà soát, đề xuất sửa đổi, bổ sung các quy định về",
        "phối hợp chặt chẽ trong",
        "công khai thông tin về",
        "xử lý nghiêm các hành vi vi phạm trong",
    ),
)


@dataclass(frozen=True)
class DemoProvince:
    code: str  # the body's code at sign-in and on the command line
    name: str
    organ_id: str
    place: str  # where its sessions sit
    letterhead: Letterhead
    users: tuple[DemoUser, ...]
    items: tuple[DemoItem, ...]
    ballot: DemoBallot
    days_ahead: int  # its regular session, so many days from today
    seed: int  # varies its papers' numbers from the other bodies'


def username(full_name: str) -> str:
    """ "Đỗ Mạnh Hùng" -> "domanhhung": how a provincial office spells an account."""
    plain = unicodedata.normalize("NFD", full_name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in plain if c.isascii() and c.isalnum()).lower()


def _letterhead(city: str, place: str) -> Letterhead:
    """``city`` in capitals, as headings write it ("THÀNH PHỐ HÀ NỘI"); ``place`` as the
    dated line does ("Hà Nội, ngày ...")."""
    committee = Issuer(f"ỦY BAN NHÂN DÂN\n{city}", "Số: {n:02d}/2026/QĐ-UBND")
    return Letterhead(
        place=place,
        addressee="Ủy ban nhân dân Thành phố",
        issuers={
            "Quyết định": committee,
            "Kế hoạch": Issuer(committee.name, "Số: {n}/KH-UBND"),
            # A resolution is the People's Council's: the Committee drafts and submits it.
            "Nghị quyết": Issuer(f"HỘI ĐỒNG NHÂN DÂN\n{city}", "Số: {n:02d}/2026/NQ-HĐND"),
        },
        notations={name: notation for name, notation, _head in _AGENCIES},
        wording=_WORDING,
        parent=f"UBND {city}",
    )


def _people(
    code: str,
    chair: str,
    deputies: list[tuple[str, str]],
    heads: list[str],
    military: tuple[str, str],
    office: list[tuple[str, str]],
) -> tuple[DemoUser, ...]:
    """The chair and the secretariat's first officer get obvious usernames (hanoi-chair,
    hanoi-secretariat); everyone else one made from their name, as an office makes them."""
    chair_user = DemoUser(f"{code}-chair", chair, "Chủ tịch UBND Thành phố", ("chair", "member"))
    members = [
        *deputies,
        *zip(heads, (head for _name, _notation, head in _AGENCIES), strict=True),
        military,
    ]
    (first_office, first_title), *others = office
    return (
        chair_user,
        *(DemoUser(username(name), name, title, ("member",)) for name, title in members),
        DemoUser(f"{code}-secretariat", first_office, first_title, ("secretariat",)),
        *(DemoUser(username(name), name, title, ("secretariat",)) for name, title in others),
    )


# Every regular session opens on the month: since 2025 the Department of Finance reports it.
_MONTHLY_REPORT = DemoItem(
    "Báo cáo tình hình kinh tế - xã hội tháng và nhiệm vụ trọng tâm tháng tới",
    "Sở Tài chính",
    45,
    "phát triển kinh tế - xã hội",
    "Kế hoạch",
    3,
    with_report=True,
    draft_title="Dự thảo Kế hoạch thực hiện nhiệm vụ trọng tâm phát triển kinh tế - xã hội "
    "tháng tới",
)
# Titles as the Committee's own lists write them ("UBND Thành phố"): the full words make the
# longest too long for the secretariat's list of invitees on a laptop's screen.
_VICE = "Phó Chủ tịch UBND Thành phố"
_STANDING_VICE = "Phó Chủ tịch Thường trực UBND Thành phố"
_OFFICER = "Chuyên viên Văn phòng UBND Thành phố"
_DEPUTY_OFFICE = "Phó Chánh Văn phòng UBND Thành phố"

HANOI = DemoProvince(
    code="hanoi",
    name="Ủy ban nhân dân thành phố Hà Nội",
    # Illustrative, in the official shape (000.00.00.Hnn), not the published list.
    organ_id="000.00.00.H26",
    place="Trụ sở Ủy ban nhân dân Thành phố, số 79 Đinh Tiên Hoàng, Hà Nội",
    letterhead=_letterhead("THÀNH PHỐ HÀ NỘI", "Hà Nội"),
    users=_people(
        "hanoi",
        "Trần Văn Hưng",
        [
            ("Lê Quang Thái", _STANDING_VICE),
            ("Nguyễn Minh Châu", _VICE),
            ("Vũ Thị Ngọc Lan", _VICE),
            ("Hà Đức Thuận", _VICE),
            ("Dương Văn Kiên", _VICE),
        ],
        [
            "Đỗ Thị Minh Nguyệt",
            "Phạm Văn Khiêm",
            "Nguyễn Thị Bích Ngọc",
            "Ngô Đức Hậu",
            "Trần Quang Khải",
            "Lê Văn Thụy",
            "Bạch Công Định",
            "Hoàng Thị Yến",
            "Trịnh Xuân Bách",
            "Vũ Đình Luân",
            "Đào Thị Quỳnh",
            "Kim Văn Tiến",
            "Nguyễn Hữu Lộc",
            "Lương Thị Nga",
            "Tô Văn Hào",
            "Nguyễn Đức Cảnh",
        ],
        # The capital's military command is the Capital Command (Bộ Tư lệnh Thủ đô), whose
        # commander is the member in charge of the military; a province's is its Bộ Chỉ huy
        # quân sự (Chỉ huy trưởng).
        ("Phạm Công Tráng", "Tư lệnh Bộ Tư lệnh Thủ đô Hà Nội"),
        [("Đinh Thị Thu Trang", _OFFICER), ("Cù Văn Lực", _DEPUTY_OFFICE)],
    ),
    items=(
        _MONTHLY_REPORT,
        DemoItem(
            "Tờ trình về kế hoạch đầu tư công năm 2027 của Thành phố",
            "Sở Tài chính",
            40,
            "đầu tư công",
            "Nghị quyết",
            4,
            with_report=True,
            draft_title="Dự thảo Nghị quyết về kế hoạch đầu tư công năm 2027 của thành phố Hà Nội",
        ),
        DemoItem(
            "Tờ trình ban hành Quy định về quản lý, sử dụng tạm thời một phần lòng đường, hè "
            "phố trên địa bàn Thành phố",
            "Sở Xây dựng",
            30,
            "quản lý, sử dụng lòng đường, hè phố",
            "Quyết định",
            3,
            draft_title="Dự thảo Quyết định ban hành Quy định về quản lý, sử dụng tạm thời một "
            "phần lòng đường, hè phố",
        ),
        DemoItem(
            "Chủ trương đầu tư dự án cải tạo, nâng cấp hệ thống thoát nước khu vực nội đô",
            "Sở Xây dựng",
            30,
            "thoát nước đô thị",
            "Nghị quyết",
            2,
            draft_title="Dự thảo Nghị quyết về chủ trương đầu tư dự án cải tạo, nâng cấp hệ "
            "thống thoát nước khu vực nội đô",
        ),
        DemoItem(
            "Tờ trình ban hành Quy định phân cấp giải quyết thủ tục hành chính cho Ủy ban nhân "
            "dân cấp xã",
            "Sở Nội vụ",
            25,
            "phân cấp, ủy quyền giải quyết thủ tục hành chính",
            "Quyết định",
            2,
            draft_title="Dự thảo Quyết định ban hành Quy định phân cấp giải quyết thủ tục hành "
            "chính cho Ủy ban nhân dân cấp xã",
        ),
        DemoItem(
            "Phương án bảo đảm an ninh, trật tự dịp Tết Nguyên đán (tài liệu mật)",
            "Công an Thành phố",
            20,
            "bảo đảm an ninh, trật tự",
            "Kế hoạch",
            0,
            paper_only=True,
        ),
        DemoItem(
            "Đề án phát triển mạng lưới trường học công lập giai đoạn 2026 - 2030",
            "Sở Giáo dục và Đào tạo",
            25,
            "phát triển mạng lưới trường học",
            "Quyết định",
            2,
            draft_title="Dự thảo Quyết định phê duyệt Đề án phát triển mạng lưới trường học "
            "công lập giai đoạn 2026 - 2030",
        ),
    ),
    ballot=DemoBallot(
        "Phiếu lấy ý kiến về dự thảo Quyết định quy định giá dịch vụ khám bệnh, chữa bệnh",
        "Đề nghị Thành viên Ủy ban nhân dân Thành phố cho ý kiến về dự thảo Quyết định quy "
        "định giá dịch vụ khám bệnh, chữa bệnh tại cơ sở y tế công lập của Thành phố.",
        "giá dịch vụ khám bệnh, chữa bệnh",
        30,
        "Dự thảo Quyết định quy định giá dịch vụ khám bệnh, chữa bệnh tại cơ sở y tế công lập",
        "Quyết định",
        "Sở Y tế",
    ),
    days_ahead=5,
    seed=30,
)

HCM = DemoProvince(
    code="hcm",
    name="Ủy ban nhân dân Thành phố Hồ Chí Minh",
    # Illustrative, in the official shape (000.00.00.Hnn), not the published list.
    organ_id="000.00.00.H29",
    place="Trụ sở Ủy ban nhân dân Thành phố, số 86 Lê Thánh Tôn, Thành phố Hồ Chí Minh",
    letterhead=_letterhead("THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh"),
    users=_people(
        "hcm",
        "Phan Minh Trí",
        [
            ("Nguyễn Hoàng Phong", _STANDING_VICE),
            ("Võ Thị Kim Ngân", _VICE),
            ("Dương Tấn Lợi", _VICE),
            ("Trần Thị Mỹ Dung", _VICE),
            ("Bùi Quốc Khánh", _VICE),
            ("Huỳnh Văn Thạnh", _VICE),
        ],
        [
            "Võ Minh Luân",
            "Lâm Thị Thùy Dương",
            "Nguyễn Văn Sang",
            "Lê Thanh Tùng",
            "Bùi Hữu Nghĩa",
            "Nguyễn Thị Cẩm Tú",
            "Trần Văn Tài",
            "Huỳnh Ngọc Thạch",
            "Nguyễn Hiếu Trung",
            "Tăng Chí Thiện",
            "Nguyễn Thị Xuân Mai",
            "Châu Văn Lộc",
            "Trương Hoàng Vũ",
            "Lý Thị Sen",
            "Từ Văn Được",
            "Mai Xuân Trường",
        ],
        ("Lưu Văn Cần", "Tư lệnh Bộ Tư lệnh Thành phố Hồ Chí Minh"),
        [("Lê Thị Ngọc Hân", _OFFICER), ("Châu Minh Khoa", _DEPUTY_OFFICE)],
    ),
    items=(
        _MONTHLY_REPORT,
        DemoItem(
            "Tờ trình về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030",
            "Sở Tài chính",
            40,
            "đầu tư công trung hạn",
            "Nghị quyết",
            4,
            with_report=True,
            draft_title="Dự thảo Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2026 - "
            "2030 của Thành phố Hồ Chí Minh",
        ),
        DemoItem(
            "Tờ trình ban hành Quy định về quản lý hoạt động thoát nước và xử lý nước thải",
            "Sở Xây dựng",
            30,
            "thoát nước và xử lý nước thải",
            "Quyết định",
            3,
            draft_title="Dự thảo Quyết định ban hành Quy định về quản lý hoạt động thoát nước "
            "và xử lý nước thải",
        ),
        DemoItem(
            "Chủ trương đầu tư dự án xây dựng tuyến đường ven sông kết nối khu vực phía Nam",
            "Sở Xây dựng",
            30,
            "đầu tư xây dựng đường ven sông",
            "Nghị quyết",
            2,
            draft_title="Dự thảo Nghị quyết về chủ trương đầu tư dự án xây dựng tuyến đường ven "
            "sông kết nối khu vực phía Nam",
        ),
        DemoItem(
            "Tờ trình ban hành Quy định về chính sách hỗ trợ chuyển đổi xe buýt sử dụng năng "
            "lượng xanh",
            "Sở Nông nghiệp và Môi trường",
            25,
            "chuyển đổi phương tiện sử dụng năng lượng xanh",
            "Quyết định",
            2,
            draft_title="Dự thảo Quyết định ban hành Quy định về chính sách hỗ trợ chuyển đổi "
            "xe buýt sử dụng năng lượng xanh",
        ),
        DemoItem(
            "Phương án phòng, chống triều cường và ngập úng mùa mưa (tài liệu mật)",
            "Công an Thành phố",
            20,
            "phòng, chống ngập úng",
            "Kế hoạch",
            0,
            paper_only=True,
        ),
        DemoItem(
            "Kế hoạch phát triển nhà ở xã hội năm 2027",
            "Sở Xây dựng",
            25,
            "phát triển nhà ở xã hội",
            "Kế hoạch",
            2,
            draft_title="Dự thảo Kế hoạch phát triển nhà ở xã hội năm 2027",
        ),
    ),
    ballot=DemoBallot(
        "Phiếu lấy ý kiến về dự thảo Quyết định ban hành bảng giá đất điều chỉnh",
        "Đề nghị Thành viên Ủy ban nhân dân Thành phố cho ý kiến về dự thảo Quyết định sửa "
        "đổi, bổ sung bảng giá đất trên địa bàn Thành phố Hồ Chí Minh.",
        "bảng giá đất",
        -24,  # closed yesterday, with its result
        "Dự thảo Quyết định sửa đổi, bổ sung bảng giá đất trên địa bàn Thành phố",
        "Quyết định",
        "Sở Nông nghiệp và Môi trường",
    ),
    days_ahead=6,
    seed=40,
)

PROVINCES: tuple[DemoProvince, ...] = (HANOI, HCM)


def body_of(username: str) -> str:
    """The code of the body a demo user belongs to: a province's, or "" (the server's own,
    the Government): the sign-in names it."""
    for province in PROVINCES:
        if any(user.username == username for user in province.users):
            return province.code
    return ""

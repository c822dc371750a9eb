"""The demo's users: the Government as composed since 2025 (the PM, four Deputy PMs, the
heads of the 14 ministries and 3 ministry-level agencies of ecabinet.domain.organs), the
Government Office's secretariat and a guest. Every name is invented; the titles are the real
ones."""

from __future__ import annotations

from dataclasses import dataclass

from ecabinet.domain.organs import ORGANS

DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    title: str
    roles: tuple[str, ...]


_DEPUTY_PMS = [
    ("Trần Quốc Thịnh", "Phó Thủ tướng Thường trực Chính phủ"),
    ("Lê Minh Khang", "Phó Thủ tướng Chính phủ"),
    ("Nguyễn Thị Thu Hà", "Phó Thủ tướng Chính phủ"),
    ("Phạm Đức Long", "Phó Thủ tướng Chính phủ"),
]
# One head for each ministry and ministry-level agency, in the order of ecabinet.domain.organs.
_HEADS = [
    "Hoàng Văn Nghĩa",
    "Đỗ Thanh Bình",
    "Vũ Hải Đăng",
    "Bùi Thị Lan Anh",
    "Ngô Quang Huy",
    "Đặng Minh Tuấn",
    "Phan Văn Hiếu",
    "Lý Thị Mai",
    "Trịnh Công Sơn Hải",
    "Lương Thế Anh",
    "Cao Văn Phúc",
    "Mai Thị Hồng Nhung",
    "Tạ Quang Vinh",
    "Đinh Văn Toàn",
    "Hồ Thị Kim Oanh",
    "Kiều Minh Đức",
    "La Văn Thắng",
]
_MEMBERS = [*_DEPUTY_PMS, *zip(_HEADS, (o.head for o in ORGANS), strict=True)]

DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("chair", "Nguyễn Văn Chính", "Thủ tướng Chính phủ", ("chair", "member")),
    *(
        DemoUser(f"member{n:02d}", name, title, ("member",))
        for n, (name, title) in enumerate(_MEMBERS, start=1)
    ),
    DemoUser("secretariat", "Trương Thị Hạnh", "Chuyên viên Văn phòng Chính phủ", ("secretariat",)),
    DemoUser("guest", "Nông Văn Khải", "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai", ("guest",)),
)

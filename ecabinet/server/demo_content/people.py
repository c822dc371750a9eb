"""The demo's users. Every name is invented; the titles are those of a real Government."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    title: str
    roles: tuple[str, ...]


_MEMBERS = [
    ("Trần Quốc Thịnh", "Phó Thủ tướng Thường trực Chính phủ"),
    ("Lê Minh Khang", "Phó Thủ tướng Chính phủ"),
    ("Nguyễn Thị Thu Hà", "Phó Thủ tướng Chính phủ"),
    ("Phạm Đức Long", "Phó Thủ tướng Chính phủ"),
    ("Hoàng Văn Nghĩa", "Bộ trưởng Bộ Quốc phòng"),
    ("Đỗ Thanh Bình", "Bộ trưởng Bộ Công an"),
    ("Vũ Hải Đăng", "Bộ trưởng Bộ Ngoại giao"),
    ("Bùi Thị Lan Anh", "Bộ trưởng Bộ Nội vụ"),
    ("Ngô Quang Huy", "Bộ trưởng Bộ Tư pháp"),
    ("Đặng Minh Tuấn", "Bộ trưởng Bộ Tài chính"),
    ("Phan Văn Hiếu", "Bộ trưởng Bộ Công Thương"),
    ("Lý Thị Mai", "Bộ trưởng Bộ Nông nghiệp và Môi trường"),
    ("Trịnh Công Sơn Hải", "Bộ trưởng Bộ Xây dựng"),
    ("Cao Văn Phúc", "Bộ trưởng Bộ Khoa học và Công nghệ"),
    ("Mai Thị Hồng Nhung", "Bộ trưởng Bộ Giáo dục và Đào tạo"),
    ("Tạ Quang Vinh", "Bộ trưởng Bộ Y tế"),
    ("Lương Thế Anh", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"),
    ("Đinh Văn Toàn", "Bộ trưởng Bộ Dân tộc và Tôn giáo"),
    ("Hồ Thị Kim Oanh", "Thống đốc Ngân hàng Nhà nước Việt Nam"),
    ("Kiều Minh Đức", "Tổng Thanh tra Chính phủ"),
    ("La Văn Thắng", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"),
    ("Chu Thị Ngọc Diệp", "Bộ trưởng Bộ Kế hoạch và Đầu tư"),
    ("Dương Quốc Bảo", "Bộ trưởng Bộ Giao thông vận tải"),
    ("Âu Thanh Tùng", "Bộ trưởng Bộ Thông tin và Truyền thông"),
    ("Quách Văn Lực", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội"),
    ("Thái Thị Phương", "Bộ trưởng Bộ Tài nguyên và Môi trường"),
]

DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("chair", "Nguyễn Văn Chính", "Thủ tướng Chính phủ", ("chair", "member")),
    *(
        DemoUser(f"member{n:02d}", name, title, ("member",))
        for n, (name, title) in enumerate(_MEMBERS, start=1)
    ),
    DemoUser("secretariat", "Trương Thị Hạnh", "Chuyên viên Văn phòng Chính phủ", ("secretariat",)),
    DemoUser("guest", "Nông Văn Khải", "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai", ("guest",)),
)
